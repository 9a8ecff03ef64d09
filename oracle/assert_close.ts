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
import {
  describe,
  isMatrixLike,
  isNumber,
  multiIndex,
  type NumericTree,
  readTree,
} from "./_tree.ts";
import { InputTypeError } from "../lib/errors.ts";

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
 * Checks that a tolerance is well formed and returns it. Only own properties count, so an
 * object that inherits `ulps` from its prototype is read as exact.
 *
 * @throws {InputTypeError} if the tolerance is not an object, has a key other than ulps,
 *   rtol, atol and reason, a bound is negative, NaN, infinite or not a number, or `ulps`
 *   is mixed with `rtol`/`atol`.
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
  if (typeof tolerance !== "object" || tolerance === null || Array.isArray(tolerance)) {
    throw new InputTypeError(
      `Tolerance must be an object such as {} or { rtol: 1e-12 }, got ${describe(tolerance)}`,
    );
  }
  for (const key of Object.keys(tolerance)) {
    if (key !== "ulps" && key !== "rtol" && key !== "atol" && key !== "reason") {
      throw new InputTypeError(
        `Tolerance has unknown key "${key}"; expected ulps, or rtol and atol, and a reason`,
      );
    }
  }
  for (const key of ["ulps", "rtol", "atol"] as const) {
    const bound = Object.hasOwn(tolerance, key) ? tolerance[key] : undefined;
    if (
      bound !== undefined && !(typeof bound === "number" && bound >= 0 && Number.isFinite(bound))
    ) {
      throw new InputTypeError(
        `Tolerance ${key} must be a finite number ≥ 0, got ${
          typeof bound === "number" ? bound : describe(bound)
        }`,
      );
    }
  }
  if (
    own(tolerance, "ulps") !== undefined &&
    (own(tolerance, "rtol") !== undefined || own(tolerance, "atol") !== undefined)
  ) {
    throw new InputTypeError("Tolerance mixes ulps with rtol/atol: give one kind of bound");
  }
  return tolerance;
}

function own(tolerance: Tolerance, key: "ulps" | "rtol" | "atol"): number | undefined {
  return Object.hasOwn(tolerance, key) ? tolerance[key] : undefined;
}

/** Describes the kind of bound for messages. */
function boundName(ulps: number, rtol: number, atol: number, kind: Kind): string {
  if (kind === ULPS) return `${ulps} ulps`;
  if (kind === RELATIVE) return `atol ${atol} + rtol ${rtol}·|expected|`;
  return "exact (Object.is)";
}

/** The kind of bound: exact, ulps, or numpy's atol + rtol·|expected|. */
type Kind = 0 | 1 | 2;
const EXACT = 0, ULPS = 1, RELATIVE = 2;

/**
 * Whether one pair is within the bound. No allocation: this runs once per entry.
 * Non-finite values only match themselves (NaN matches NaN).
 */
function within(
  actual: number,
  expected: number,
  kind: Kind,
  ulps: number,
  rtol: number,
  atol: number,
): boolean {
  if (actual !== actual || expected !== expected) return actual !== actual && expected !== expected;
  if (actual - actual !== 0 || expected - expected !== 0) return actual === expected;
  if (kind === ULPS) return actual === expected || ulpDistance(actual, expected) <= ulps;
  if (kind === RELATIVE) return Math.abs(actual - expected) <= atol + rtol * Math.abs(expected);
  return Object.is(actual, expected);
}

/** The difference and the bound it exceeded, for the message of a failing pair. */
function excess(
  actual: number,
  expected: number,
  kind: Kind,
  ulps: number,
  rtol: number,
  atol: number,
): [number, number] {
  if (actual !== actual || expected !== expected) return [NaN, 0];
  if (actual - actual !== 0 || expected - expected !== 0) {
    return [Math.abs(actual - expected), 0];
  }
  if (kind === ULPS) return [ulpDistance(actual, expected), ulps];
  if (kind === RELATIVE) {
    return [Math.abs(actual - expected), atol + rtol * Math.abs(expected)];
  }
  return [Math.abs(actual - expected), 0];
}

/**
 * Compares two numeric values of any nesting (numbers, arrays, typed arrays, matrices)
 * element by element. Shapes are compared first. Linear in the number of entries, and
 * allocation-free per entry: nothing is copied or flattened (10⁷ entries compare in well
 * under a second; see bench/assert_close.ts).
 *
 * @returns `null` if every element is within tolerance, else the first {@link Mismatch}.
 * @throws {AssertionError} if the shapes differ.
 * @throws {InputTypeError} if either value is not numeric, is ragged, is nested deeper
 *   than 64 levels or cyclic, or the tolerance is malformed.
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
  const a = readTree(actual, isNumber, "number", "actual");
  const e = readTree(expected, isNumber, "number", "expected");
  if (!sameShape(a.shape, e.shape)) {
    throw new AssertionError(`Shapes differ: actual [${a.shape}] vs expected [${e.shape}]`);
  }
  const ulps = own(tolerance, "ulps"), rtol = own(tolerance, "rtol"), atol = own(tolerance, "atol");
  const kind: Kind = ulps !== undefined
    ? ULPS
    : rtol !== undefined || atol !== undefined
    ? RELATIVE
    : EXACT;
  const u = ulps ?? 0, r = rtol ?? 0, t = atol ?? 0;
  const n = e.size;
  let first = -1, count = 0;
  const af = a.flat, ef = e.flat;
  if (e.shape.length === 0) {
    if (!within(a.at(0), e.at(0), kind, u, r, t)) first = 0, count = 1;
  } else if (af !== null && ef !== null) {
    // Both in one array each (vectors, matrices): a plain loop over the two.
    for (let i = 0; i < n; i++) {
      if (within(af[i], ef[i], kind, u, r, t)) continue;
      if (first < 0) first = i;
      count++;
    }
  } else {
    const state = { first: -1, count: 0 };
    const strides = new Array<number>(e.shape.length).fill(1);
    for (let d = e.shape.length - 2; d >= 0; d--) strides[d] = strides[d + 1] * e.shape[d + 1];
    compareNested(actual, expected, 0, 0, e.shape, strides, kind, u, r, t, state);
    first = state.first;
    count = state.count;
  }
  if (first < 0) return null;
  const actualValue = a.at(first), expectedValue = e.at(first);
  const [difference, bound] = excess(actualValue, expectedValue, kind, u, r, t);
  const index = multiIndex(first, e.shape);
  const where = index.length ? ` at [${index.join(", ")}]` : "";
  const unit = kind === ULPS ? " ulps" : "";
  const message = `${count} of ${n} values differ; first${where}: actual ${actualValue}, ` +
    `expected ${expectedValue}, difference ${difference}${unit} exceeds ${bound}${unit} ` +
    `(${boundName(u, r, t, kind)})`;
  return {
    index,
    actual: actualValue,
    expected: expectedValue,
    difference,
    bound,
    count,
    total: n,
    message,
  };
}

/** A 2-D node: a matrix, or an array of rows. */
function cell(node: unknown, row: number, col: number, cols: number): number {
  if (isMatrixLike(node)) return node.data[row * cols + col] as number;
  return (node as ArrayLike<ArrayLike<number>>)[row][col];
}

/**
 * Walks two checked values of the same shape in lockstep, level by level, comparing the
 * leaves in row-major order (flat index `offset` + …): the nested case of findMismatch,
 * with no copy and no per-entry index arithmetic. A scalar tree has no levels and is not
 * nested, so `shape.length ≥ 2` here.
 */
function compareNested(
  a: unknown,
  e: unknown,
  depth: number,
  offset: number,
  shape: readonly number[],
  strides: readonly number[],
  kind: Kind,
  u: number,
  r: number,
  t: number,
  state: { first: number; count: number },
): void {
  const last = shape.length - 1;
  if (depth === last - 1 && (isMatrixLike(a) || isMatrixLike(e))) {
    const rows = shape[depth], cols = shape[last];
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        if (within(cell(a, i, j, cols), cell(e, i, j, cols), kind, u, r, t)) continue;
        if (state.first < 0) state.first = offset + i * cols + j;
        state.count++;
      }
    }
    return;
  }
  const av = a as ArrayLike<unknown>, ev = e as ArrayLike<unknown>;
  if (depth === last) {
    for (let i = 0; i < shape[last]; i++) {
      if (within(av[i] as number, ev[i] as number, kind, u, r, t)) continue;
      if (state.first < 0) state.first = offset + i;
      state.count++;
    }
    return;
  }
  for (let i = 0; i < shape[depth]; i++) {
    compareNested(
      av[i],
      ev[i],
      depth + 1,
      offset + i * strides[depth],
      shape,
      strides,
      kind,
      u,
      r,
      t,
      state,
    );
  }
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Asserts that two numbers agree within `tolerance`.
 *
 * @param actual The computed value.
 * @param expected The true value.
 * @param tolerance The bound; `{}` for exact.
 * @param context Prefix for the failure message (what was being checked).
 * @throws {AssertionError} naming actual, expected, difference and bound.
 * @throws {InputTypeError} if either is not a number or the tolerance is malformed.
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
    throw new InputTypeError(
      `assertClose compares numbers; got ${describe(actual)} and ${describe(expected)}`,
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
 * @throws {InputTypeError} as {@link findMismatch} (malformed, ragged, too deep or cyclic
 *   values, a malformed tolerance).
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
  if (context !== undefined && typeof context !== "string") {
    throw new InputTypeError(`context must be a string, got ${describe(context)}`);
  }
  const mismatch = findMismatch(actual, expected, tolerance);
  if (mismatch !== null) {
    throw new AssertionError(context ? `${context}: ${mismatch.message}` : mismatch.message);
  }
}
