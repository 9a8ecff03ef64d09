/**
 * The conform bound: what ANY correct implementation of a concept must meet, whatever its
 * summation order or algorithm, written beside each checked field of a fixture with its
 * derivation (`fixtures/conform.gen.py` derives and validates them).
 *
 * A bound is given in units of the unit roundoff u — 2⁻⁵³ for binary64, 2⁻²⁴ for binary32 —
 * so one entry serves both formats. Element i passes when
 *
 *     |ŷᵢ − yᵢ| ≤ (c + κᵢ·[inputs rounded to a narrower format]) · u · max(|yᵢ|, Fᵢ) + λ
 *
 * with c = `u`, F = `floor` (a number, or one per element), κ = `inputCondition` (what
 * rounding the binary64 inputs to the implementation's format adds) and λ the format's
 * smallest normal number (results below it may be flushed to zero). An element whose bound
 * reaches its own size guarantees not one digit, nor the sign, at that precision: it is
 * reported as not checkable, never as passed.
 *
 * @module
 */

import { safeDescribe, type SafeTree } from "./safe.ts";

/** The floating-point format an implementation computes in.
 * @category Conformance */
export type Precision = "float64" | "float32";

/** The unit roundoff of each format.
 * @category Conformance */
export const UNIT_ROUNDOFF: Readonly<Record<Precision, number>> = {
  float64: 2 ** -53,
  float32: 2 ** -24,
};

/** The smallest normal number of each format. */
const SMALLEST_NORMAL: Readonly<Record<Precision, number>> = {
  float64: 2 ** -1022,
  float32: 2 ** -126,
};

/** A number, or numbers nested in arrays (one per element of the field).
 * @category Conformance */
export type NumberTree = number | readonly NumberTree[];

/** A field's conform bound, as the fixture states it.
 * @category Conformance */
export interface ConformBound {
  /** The concept that computes this field. */
  readonly concept: string;
  /** The concept's output this field holds, for concepts with several (e.g. "dW1"). */
  readonly output?: string;
  /** The field holds the output transposed (the documents' out × in weight layout). */
  readonly transposed?: true;
  /** The multiple c of u (absent when not checkable). */
  readonly u?: number;
  /** F: the scale below which the bound stops shrinking with |y| (default 0). */
  readonly floor?: NumberTree;
  /** κ: added to c when the inputs are rounded to a narrower format (default 0). */
  readonly inputCondition?: NumberTree;
  /** `false`: no implementation-independent bound exists for this field. */
  readonly checkable?: false;
  /** The derivation of the bound, or why there is none. */
  readonly reason: string;
}

/** How one field compared.
 * @category Conformance */
export interface FieldVerdict {
  /** pass, fail, or unchecked (not checkable at this precision, or not checkable at all). */
  readonly status: "pass" | "fail" | "unchecked";
  /** Elements compared. */
  readonly checked: number;
  /** Elements not checkable at this precision (their bound reaches their own size). */
  readonly unchecked: number;
  /** Largest |ŷ − y| / (u·max(|y|, F)) over the compared elements: the error in units of u. */
  readonly worstU: number;
  /** Largest |ŷ − y| / bound: ≤ 1 passes. */
  readonly worstRatio: number;
  /** Largest |ŷ − y| / |y| over the compared elements with y ≠ 0. */
  readonly worstRelative: number;
  /** Largest distance in representable numbers of the format (Infinity past 2⁵³ or for non-finite). */
  readonly worstUlps: number;
  /** Empty when the field passed; otherwise the first failing element, described. */
  readonly message: string;
}

/** Distance in representable numbers of the format, or Infinity when not both finite.
 * @category Conformance */
export function ulpsApart(a: number, b: number, precision: Precision): number {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b ? 0 : Infinity;
  if (precision === "float32") {
    const f = new Float32Array([Math.fround(a), Math.fround(b)]);
    const i = new Int32Array(f.buffer);
    const ord = (k: number) => (i[k] < 0 ? -(i[k] & 0x7fffffff) : i[k]);
    return Math.abs(ord(0) - ord(1));
  }
  const f = new Float64Array([a, b]);
  const i = new BigInt64Array(f.buffer);
  const ord = (k: number) => (i[k] < 0n ? -(i[k] & 0x7fffffffffffffffn) : i[k]);
  const d = ord(0) - ord(1);
  return Number(d < 0n ? -d : d);
}

/** A short number for messages.
 * @category Conformance */
export function short(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return Object.is(x, -0) ? "-0" : "0";
  const a = Math.abs(x);
  return a >= 1e-3 && a < 1e6 ? String(Number(x.toPrecision(6))) : x.toExponential(2);
}

/** How far apart two numbers are, in words a reader can use at any size of error.
 * @category Conformance */
export function describeError(
  actual: number,
  expected: number,
  bound: number,
  units: { u: number; precision: Precision; scale: number },
): string {
  const head = `got ${short(actual)}, true ${short(expected)}`;
  if (Number.isNaN(actual)) return `${head} (NaN where a number is due)`;
  if (!Number.isFinite(actual) || !Number.isFinite(expected)) return `${head}`;
  const diff = Math.abs(actual - expected);
  const rel = expected === 0 ? Infinity : diff / Math.abs(expected);
  if (
    expected !== 0 && actual !== 0 && Math.sign(actual) !== Math.sign(expected)
  ) {
    return `${head} (wrong sign; relative error ${short(rel)}; bound ${short(bound)})`;
  }
  if (rel > 0.5 && expected !== 0 && actual !== 0) {
    const factor = Math.abs(actual / expected);
    return `${head} (off by a factor ${short(factor >= 1 ? factor : 1 / factor)}` +
      `${factor >= 1 ? "" : " (too small)"}; relative error ${short(rel)}; bound ${short(bound)})`;
  }
  const inU = diff / (units.u * units.scale);
  if (rel > 1e-3) {
    return `${head} (relative error ${short(rel)}; bound ${short(bound)} = ${
      short(bound / (units.u * units.scale))
    } u)`;
  }
  const ulps = ulpsApart(actual, expected, units.precision);
  const ulpText = ulps < 2 ** 20 ? `, ${ulps} ulps` : "";
  const c = short(bound / (units.u * units.scale));
  if (units.scale > Math.abs(expected) * (1 + 1e-9)) {
    // a normwise or absolute bound: errors are measured against the field's scale, not |true|
    return `${head} (|error| ${short(diff)} = ${short(inU)} u × scale ${short(units.scale)}, ` +
      `relative ${short(rel)}; bound ${short(bound)} = ${c} u × scale${ulpText})`;
  }
  return `${head} (|error| ${short(diff)}, relative ${short(rel)} = ${short(inU)} u; bound ` +
    `${short(bound)} = ${c} u${ulpText})`;
}

function at(shape: readonly number[], index: number): string {
  if (shape.length === 0) return "";
  const parts: number[] = [];
  let rest = index;
  for (let d = shape.length - 1; d >= 0; d--) {
    parts.unshift(rest % shape[d]);
    rest = Math.floor(rest / shape[d]);
  }
  return `[${parts.join(", ")}]`;
}

function perElement(
  tree: NumberTree | undefined,
  flat: SafeTree,
  name: string,
): number[] | string {
  if (tree === undefined) return flat.values.map(() => 0);
  if (typeof tree === "number") return flat.values.map(() => tree);
  const values: number[] = [];
  const walk = (t: NumberTree): void => {
    if (typeof t === "number") values.push(t);
    else t.forEach(walk);
  };
  walk(tree);
  if (values.length !== flat.values.length) {
    return `the fixture's ${name} has ${values.length} entries for ${flat.values.length} values`;
  }
  return values;
}

/**
 * Compares a computed field (already flattened safely) with its true value under a conform
 * bound. Never throws.
 *
 * @param bound The field's conform entry.
 * @param actual The computed value, flattened (see `safeTree`).
 * @param expected The true value, flattened.
 * @param precision The implementation's format.
 * @param skip Elements not to compare (e.g. ReLU′ at z = 0), by flat index.
 * @returns The verdict with the worst error in units of u and a message.
 *
 * @example
 * ```ts
 * import { compareConform, safeTree } from "@nnref/nnref/oracle";
 * const bound = { concept: "sigmoid", u: 5, reason: "4 roundings" };
 * const right = compareConform(bound, safeTree([0.5]), safeTree([0.5]), "float64");
 * if (right.status !== "pass") throw new Error(right.message);
 * const wrong = compareConform(bound, safeTree([0.6]), safeTree([0.5]), "float64");
 * if (wrong.status !== "fail" || !wrong.message.includes("relative")) throw new Error("caught");
 * ```
 * @category Conformance
 */
export function compareConform(
  bound: ConformBound,
  actual: SafeTree,
  expected: SafeTree,
  precision: Precision,
  skip?: readonly boolean[],
): FieldVerdict {
  const fail = (message: string): FieldVerdict => ({
    status: "fail",
    checked: 0,
    unchecked: 0,
    worstU: Infinity,
    worstRatio: Infinity,
    worstRelative: Infinity,
    worstUlps: Infinity,
    message,
  });
  if (bound.checkable === false || bound.u === undefined) {
    return {
      status: "unchecked",
      checked: 0,
      unchecked: expected.values.length,
      worstU: 0,
      worstRatio: 0,
      worstRelative: 0,
      worstUlps: 0,
      message: `not checkable for conformance: ${bound.reason}`,
    };
  }
  if (actual.error !== "") return fail(actual.error);
  if (actual.shape.join(",") !== expected.shape.join(",")) {
    return fail(`shape [${actual.shape}] where [${expected.shape}] is due`);
  }
  const floors = perElement(bound.floor, expected, "floor");
  const kappas = perElement(bound.inputCondition, expected, "inputCondition");
  if (typeof floors === "string") return fail(floors);
  if (typeof kappas === "string") return fail(kappas);
  const u = UNIT_ROUNDOFF[precision];
  let checked = 0,
    unchecked = 0,
    worstU = 0,
    worstRatio = 0,
    worstRelative = 0,
    worstUlps = 0;
  let first = "";
  expected.values.forEach((y, i) => {
    if (skip?.[i]) return;
    const got = actual.values[i];
    const c = bound.u! + (precision === "float64" ? 0 : kappas[i]);
    const scale = Math.max(Math.abs(y), floors[i]);
    const limit = c * u * scale + SMALLEST_NORMAL[precision];
    if (c * u >= 1 || (y !== 0 && limit >= Math.abs(y))) {
      unchecked++;
      return;
    }
    checked++;
    let diff: number;
    if (Number.isNaN(y) || Number.isNaN(got)) {
      diff = Number.isNaN(y) && Number.isNaN(got) ? 0 : Infinity;
    } else if (!Number.isFinite(y) || !Number.isFinite(got)) {
      diff = y === got ? 0 : Infinity;
    } else diff = Math.abs(got - y);
    const ratio = diff / limit;
    const inU = scale > 0 ? diff / (u * scale) : (diff === 0 ? 0 : Infinity);
    worstU = Math.max(worstU, inU);
    worstRatio = Math.max(worstRatio, ratio);
    if (y !== 0) worstRelative = Math.max(worstRelative, diff / Math.abs(y));
    worstUlps = Math.max(worstUlps, ulpsApart(got, y, precision));
    if (ratio > 1 && first === "") {
      first = `${at(expected.shape, i)} ${describeError(got, y, limit, { u, precision, scale })}`
        .trim();
    }
  });
  if (checked === 0) {
    return {
      status: "unchecked",
      checked,
      unchecked,
      worstU,
      worstRatio,
      worstRelative,
      worstUlps,
      message: `not checkable at ${precision}: each element's bound reaches its own size`,
    };
  }
  const failed = worstRatio > 1;
  return {
    status: failed ? "fail" : "pass",
    checked,
    unchecked,
    worstU,
    worstRatio,
    worstRelative,
    worstUlps,
    message: failed ? first : "",
  };
}

/** Describes a value for an error message without ever throwing. */
export { safeDescribe };
