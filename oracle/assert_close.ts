/**
 * Numeric closeness with an explicit, named bound.
 *
 * A {@link Tolerance} says how close is close enough:
 *
 * - `{}` — exact: `Object.is(actual, expected)` (so +0 and −0 differ);
 * - `{ ulps: n }` — at most n representable doubles apart (see {@link ulpDistance});
 * - `{ rtol, atol }` — numpy's rule |actual − expected| ≤ atol + rtol·|expected|.
 *
 * Non-finite values are never "close" to anything but themselves: NaN matches only NaN,
 * +∞ only +∞, −∞ only −∞, whatever the tolerance.
 *
 * @module
 */

import { AssertionError } from "./assertion_error.ts";
import { ulpDistance } from "./ulp.ts";
import { flatten, isNumber, multiIndex, type NumericTree } from "./_tree.ts";

export type { MatrixLike, NumericTree } from "./_tree.ts";

/**
 * How close two doubles must be. Give `ulps`, or `rtol`/`atol`, or neither (exact);
 * `reason` says why the bound is what it is (fixtures always give one).
 * @category Assertions
 */
export interface Tolerance {
  /** Maximum distance in units in the last place. */
  readonly ulps?: number;
  /** Relative tolerance, numpy's `rtol`. */
  readonly rtol?: number;
  /** Absolute tolerance, numpy's `atol`. */
  readonly atol?: number;
  /** Why this bound: how it was measured or what error it covers. */
  readonly reason?: string;
}

/** The first element that failed a closeness check, and how many failed.
 * @category Assertions */
export interface Mismatch {
  /** Multi-index of the first failing element (`[]` for scalars). */
  readonly index: number[];
  /** The computed value there. */
  readonly actual: number;
  /** The expected value there. */
  readonly expected: number;
  /** |actual − expected|, or the ulp distance for `ulps` tolerances. */
  readonly difference: number;
  /** The bound the difference exceeded, in the same unit. */
  readonly bound: number;
  /** Number of failing elements. */
  readonly count: number;
  /** Total number of elements compared. */
  readonly total: number;
  /** A one-line description naming index, actual, expected, difference and bound. */
  readonly message: string;
}

/**
 * Checks that a tolerance is well formed and returns it.
 *
 * @throws {TypeError} if a bound is negative or NaN, or `ulps` is mixed with `rtol`/`atol`.
 *
 * @example
 * ```ts
 * import { validateTolerance } from "@nnref/nnref/oracle";
 * validateTolerance({ rtol: 1e-12, reason: "measured" });
 * let threw = false;
 * try { validateTolerance({ ulps: 2, rtol: 1e-9 }); } catch { threw = true; }
 * if (!threw) throw new Error("mixing ulps and rtol must be refused");
 * ```
 * @category Assertions
 */
export function validateTolerance(tolerance: Tolerance): Tolerance {
  if (typeof tolerance !== "object" || tolerance === null) {
    throw new TypeError(
      `Tolerance must be an object such as {} or { rtol: 1e-12 }, got ${tolerance}`,
    );
  }
  for (const key of ["ulps", "rtol", "atol"] as const) {
    const bound = tolerance[key];
    if (
      bound !== undefined && !(typeof bound === "number" && bound >= 0 && Number.isFinite(bound))
    ) {
      throw new TypeError(`Tolerance ${key} must be a finite number ≥ 0, got ${bound}`);
    }
  }
  if (
    tolerance.ulps !== undefined && (tolerance.rtol !== undefined || tolerance.atol !== undefined)
  ) {
    throw new TypeError("Tolerance mixes ulps with rtol/atol: give one kind of bound");
  }
  return tolerance;
}

/** Describes the kind of bound for messages. */
function boundName(tolerance: Tolerance): string {
  if (tolerance.ulps !== undefined) return `${tolerance.ulps} ulps`;
  if (tolerance.rtol !== undefined || tolerance.atol !== undefined) {
    return `atol ${tolerance.atol ?? 0} + rtol ${tolerance.rtol ?? 0}·|expected|`;
  }
  return "exact (Object.is)";
}

/** Compares one pair; returns `null` when within tolerance, else [difference, bound]. */
function compareScalar(
  actual: number,
  expected: number,
  tolerance: Tolerance,
): [number, number] | null {
  if (Number.isNaN(actual) || Number.isNaN(expected)) {
    return Number.isNaN(actual) && Number.isNaN(expected) ? null : [NaN, 0];
  }
  if (!Number.isFinite(actual) || !Number.isFinite(expected)) {
    return actual === expected ? null : [Math.abs(actual - expected), 0];
  }
  if (tolerance.ulps !== undefined) {
    const distance = ulpDistance(actual, expected);
    return distance <= tolerance.ulps ? null : [distance, tolerance.ulps];
  }
  if (tolerance.rtol !== undefined || tolerance.atol !== undefined) {
    const difference = Math.abs(actual - expected);
    const bound = (tolerance.atol ?? 0) + (tolerance.rtol ?? 0) * Math.abs(expected);
    return difference <= bound ? null : [difference, bound];
  }
  return Object.is(actual, expected) ? null : [Math.abs(actual - expected), 0];
}

/**
 * Compares two numeric values of any nesting (numbers, arrays, typed arrays, matrices)
 * element by element. Shapes are compared first.
 *
 * @returns `null` if every element is within tolerance, else the first {@link Mismatch}.
 * @throws {AssertionError} if the shapes differ.
 * @throws {TypeError} if either value is not numeric or is ragged, or the tolerance is malformed.
 *
 * @example
 * ```ts
 * import { findMismatch } from "@nnref/nnref/oracle";
 * if (findMismatch([1, 2], [1, 2 + 1e-15], { rtol: 1e-14 }) !== null) throw new Error("close");
 * const m = findMismatch([1, 2], [1, 3], {});
 * if (m === null || m.index[0] !== 1) throw new Error("index 1 differs");
 * ```
 * @category Assertions
 */
export function findMismatch(
  actual: NumericTree,
  expected: NumericTree,
  tolerance: Tolerance,
): Mismatch | null {
  validateTolerance(tolerance);
  const a = flatten(actual, isNumber, "number", "actual");
  const e = flatten(expected, isNumber, "number", "expected");
  if (a.shape.join(",") !== e.shape.join(",")) {
    throw new AssertionError(`Shapes differ: actual [${a.shape}] vs expected [${e.shape}]`);
  }
  let first: Omit<Mismatch, "count" | "total" | "message"> | null = null;
  let count = 0;
  for (let i = 0; i < e.values.length; i++) {
    const failure = compareScalar(a.values[i], e.values[i], tolerance);
    if (failure === null) continue;
    count++;
    if (first === null) {
      first = {
        index: multiIndex(i, e.shape),
        actual: a.values[i],
        expected: e.values[i],
        difference: failure[0],
        bound: failure[1],
      };
    }
  }
  if (first === null) return null;
  const where = first.index.length ? ` at [${first.index.join(", ")}]` : "";
  const unit = tolerance.ulps !== undefined ? " ulps" : "";
  const message =
    `${count} of ${e.values.length} values differ; first${where}: actual ${first.actual}, ` +
    `expected ${first.expected}, difference ${first.difference}${unit} exceeds ${first.bound}${unit} ` +
    `(${boundName(tolerance)})`;
  return { ...first, count, total: e.values.length, message };
}

/**
 * Asserts that two numbers agree within `tolerance`.
 *
 * @param actual The computed value.
 * @param expected The true value.
 * @param tolerance The bound; `{}` for exact.
 * @param context Prefix for the failure message (what was being checked).
 * @throws {AssertionError} naming actual, expected, difference and bound.
 *
 * @example
 * ```ts
 * import { assertClose } from "@nnref/nnref/oracle";
 * assertClose(0.1 + 0.2, 0.3, { ulps: 1 });
 * assertClose(Math.SQRT2 ** 2, 2, { rtol: 4.5e-16 });
 * ```
 * @category Assertions
 */
export function assertClose(
  actual: number,
  expected: number,
  tolerance: Tolerance,
  context?: string,
): void {
  if (typeof actual !== "number" || typeof expected !== "number") {
    throw new TypeError(
      `assertClose compares numbers; got ${typeof actual} and ${typeof expected}`,
    );
  }
  assertAllClose(actual, expected, tolerance, context);
}

/**
 * Asserts that two numeric values of any nesting agree element by element within
 * `tolerance`, after checking that their shapes are equal. A matrix `{rows, cols, data}`
 * has shape `[rows, cols]` and equals a nested array of that shape.
 *
 * @param actual The computed values.
 * @param expected The true values.
 * @param tolerance The bound; `{}` for exact.
 * @param context Prefix for the failure message.
 * @throws {AssertionError} if shapes differ or any element is out of bounds; the message
 *   names the first failing index, actual, expected, difference and bound.
 *
 * @example Shape first, then values
 * ```ts
 * import { assertAllClose } from "@nnref/nnref/oracle";
 * assertAllClose([[1, 2], [3, 4]], { rows: 2, cols: 2, data: [1, 2, 3, 4] }, {});
 * let message = "";
 * try { assertAllClose([1, NaN], [1, 2], { rtol: 1 }); } catch (e) { message = String(e); }
 * if (!message.includes("at [1]")) throw new Error("NaN against a number must fail");
 * ```
 * @category Assertions
 */
export function assertAllClose(
  actual: NumericTree,
  expected: NumericTree,
  tolerance: Tolerance,
  context?: string,
): void {
  const mismatch = findMismatch(actual, expected, tolerance);
  if (mismatch !== null) {
    throw new AssertionError(context ? `${context}: ${mismatch.message}` : mismatch.message);
  }
}
