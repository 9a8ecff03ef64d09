/**
 * Double-double arithmetic: a real number carried as an unevaluated sum hi + lo of two
 * doubles with |lo| ≤ ulp(hi)/2, giving about 106 bits (32 decimal digits) of precision
 * with the exponent range of a double. Built from the error-free transformations
 * TwoSum (Knuth) and TwoProduct (Dekker's splitting, since JavaScript has no fused
 * multiply-add). Used by the "accurate" least-squares variant.
 *
 * Caveat: Dekker's splitting overflows for |x| > 2⁹⁹⁶; inputs that large are outside
 * what these routines promise.
 *
 * @module
 */

import { InputTypeError, ShapeError } from "../errors.ts";
import {
  describeValue,
  requireMatrix,
  requireNumber,
  requireNumberArray,
} from "../_util/validate.ts";
import {
  ddAddKernel,
  ddDivKernel,
  ddMulKernel,
  ddSqrtKernel,
  ddSubKernel,
  twoProductKernel,
  twoSumKernel,
} from "./_dd.ts";

/** A double-double number hi + lo, with |lo| ≤ ulp(hi)/2.
 * @category Linear algebra */
export type DoubleDouble = readonly [hi: number, lo: number];

/** A matrix of double-double entries: entry (i, j) is hi[i·cols + j] + lo[i·cols + j].
 * @category Linear algebra */
export interface DoubleDoubleMatrix {
  /** Number of rows. */
  readonly rows: number;
  /** Number of columns. */
  readonly cols: number;
  /** Leading parts, row-major. */
  readonly hi: Float64Array;
  /** Trailing parts, row-major. */
  readonly lo: Float64Array;
}

/**
 * TwoSum: s = fl(a + b) and the exact rounding error e, so that a + b = s + e exactly.
 *
 * @example 1 + 2⁻⁶⁰ keeps the small part as the error
 * ```ts
 * import { twoSum } from "@nnref/nnref/linalg";
 * const [s, e] = twoSum(1, 2 ** -60);
 * if (s !== 1 || e !== 2 ** -60) throw new Error("exact split");
 * ```
 * @category Linear algebra
 */
export function twoSum(a: number, b: number): DoubleDouble {
  requireNumber(a, "a");
  requireNumber(b, "b");
  return twoSumKernel(a, b);
}

/**
 * TwoProduct: p = fl(a·b) and the exact rounding error e, so that a·b = p + e exactly
 * (Dekker's algorithm; no overflow for |a|, |b| ≤ 2⁹⁹⁶).
 *
 * @example (1 + 2⁻³⁰)² = 1 + 2⁻²⁹ + 2⁻⁶⁰
 * ```ts
 * import { twoProduct } from "@nnref/nnref/linalg";
 * const [p, e] = twoProduct(1 + 2 ** -30, 1 + 2 ** -30);
 * if (p !== 1 + 2 ** -29 || e !== 2 ** -60) throw new Error("exact product");
 * ```
 * @category Linear algebra
 */
export function twoProduct(a: number, b: number): DoubleDouble {
  requireNumber(a, "a");
  requireNumber(b, "b");
  return twoProductKernel(a, b);
}

/** Throws unless `value` is a double-double [hi, lo] of two numbers. */
function requireDoubleDouble(value: unknown, what: string): asserts value is DoubleDouble {
  if (
    !Array.isArray(value) || value.length !== 2 || typeof value[0] !== "number" ||
    typeof value[1] !== "number"
  ) {
    throw new InputTypeError(
      `${what} must be a double-double [hi, lo] of two numbers, got ${describeValue(value)}`,
    );
  }
}

/**
 * Sum of two double-doubles (the accurate "IEEE" variant, relative error ≤ 2·2⁻¹⁰⁶).
 *
 * @example
 * ```ts
 * import { ddAdd } from "@nnref/nnref/linalg";
 * const [hi, lo] = ddAdd([1, 2 ** -70], [2 ** -60, 0]);
 * if (hi !== 1 || lo !== 2 ** -60 + 2 ** -70) throw new Error("keeps both tails");
 * ```
 * @category Linear algebra
 */
export function ddAdd(a: DoubleDouble, b: DoubleDouble): DoubleDouble {
  requireDoubleDouble(a, "a");
  requireDoubleDouble(b, "b");
  return ddAddKernel(a, b);
}

/**
 * Difference a − b of two double-doubles.
 *
 * @example
 * ```ts
 * import { ddSub } from "@nnref/nnref/linalg";
 * const [hi, lo] = ddSub([1, 0], [1, -(2 ** -80)]);
 * if (hi !== 2 ** -80 || lo !== 0) throw new Error("exact cancellation");
 * ```
 * @category Linear algebra
 */
export function ddSub(a: DoubleDouble, b: DoubleDouble): DoubleDouble {
  requireDoubleDouble(a, "a");
  requireDoubleDouble(b, "b");
  return ddSubKernel(a, b);
}

/**
 * Product of two double-doubles (relative error about 2⁻¹⁰⁴).
 *
 * @example One third times three
 * ```ts
 * import { ddDiv, ddMul } from "@nnref/nnref/linalg";
 * const third = ddDiv([1, 0], [3, 0]);
 * const [hi, lo] = ddMul(third, [3, 0]);
 * if (Math.abs(hi - 1 + lo) > 2 ** -100) throw new Error("≈ 1 to 30 digits");
 * ```
 * @category Linear algebra
 */
export function ddMul(a: DoubleDouble, b: DoubleDouble): DoubleDouble {
  requireDoubleDouble(a, "a");
  requireDoubleDouble(b, "b");
  return ddMulKernel(a, b);
}

/**
 * Quotient a / b of two double-doubles, by one Newton correction of the double quotient.
 *
 * @throws {InputTypeError} if a or b is not a pair of numbers.
 * @throws {ArgumentRangeError} if b is zero.
 *
 * @example
 * ```ts
 * import { ddDiv } from "@nnref/nnref/linalg";
 * const [hi, lo] = ddDiv([1, 0], [3, 0]);
 * if (hi !== 1 / 3 || lo === 0) throw new Error("1/3 needs a tail");
 * ```
 * @category Linear algebra
 */
export function ddDiv(a: DoubleDouble, b: DoubleDouble): DoubleDouble {
  requireDoubleDouble(a, "a");
  requireDoubleDouble(b, "b");
  return ddDivKernel(a, b);
}

/**
 * Square root of a double-double by one Newton step from the double root
 * (Karp's method).
 *
 * @throws {InputTypeError} if a is not a pair of numbers.
 * @throws {ArgumentRangeError} if a is negative.
 *
 * @example √2 to about 32 digits
 * ```ts
 * import { ddMul, ddSqrt, ddSub } from "@nnref/nnref/linalg";
 * const root = ddSqrt([2, 0]);
 * const [hi, lo] = ddSub(ddMul(root, root), [2, 0]);
 * if (Math.abs(hi + lo) > 2 ** -100) throw new Error("root² = 2");
 * ```
 * @category Linear algebra
 */
export function ddSqrt(a: DoubleDouble): DoubleDouble {
  requireDoubleDouble(a, "a");
  return ddSqrtKernel(a);
}

/**
 * Dot product Σᵢ xᵢyᵢ of double vectors accumulated in double-double (each product
 * exact by TwoProduct), returned as a double-double.
 *
 * @throws {InputTypeError} if x or y is not an array of numbers.
 * @throws {ShapeError} if the lengths differ.
 *
 * @example Cancellation that plain summation gets wrong
 * ```ts
 * import { ddDot } from "@nnref/nnref/linalg";
 * const [hi] = ddDot([1e16, 1, -1e16], [1, 1, 1]);
 * if (hi !== 1) throw new Error("1e16 + 1 − 1e16 = 1");
 * ```
 * @category Linear algebra
 */
export function ddDot(x: ArrayLike<number>, y: ArrayLike<number>): DoubleDouble {
  requireNumberArray(x, "x");
  requireNumberArray(y, "y");
  if (x.length !== y.length) {
    throw new ShapeError(
      `Cannot take the dot product: the vectors have different lengths (${x.length} vs ${y.length})`,
    );
  }
  let sum: DoubleDouble = [0, 0];
  for (let i = 0; i < x.length; i++) sum = ddAddKernel(sum, twoProductKernel(x[i], y[i]));
  return sum;
}

/**
 * A double-double matrix holding a double matrix exactly (all trailing parts zero).
 *
 * @throws {InputTypeError}, {ShapeError} if `m` is not a well-formed Matrix.
 *
 * @example
 * ```ts
 * import { toDoubleDouble } from "@nnref/nnref/linalg";
 * const m = toDoubleDouble({ rows: 1, cols: 2, data: new Float64Array([0.1, 2]) });
 * if (m.hi[0] !== 0.1 || m.lo[0] !== 0) throw new Error("exact copy");
 * ```
 * @category Linear algebra
 */
export function toDoubleDouble(
  m: { readonly rows: number; readonly cols: number; readonly data: Float64Array },
): DoubleDoubleMatrix {
  requireMatrix(m, "m");
  return {
    rows: m.rows,
    cols: m.cols,
    hi: Float64Array.from(m.data),
    lo: new Float64Array(m.data.length),
  };
}

/**
 * Whether a value is a {@link DoubleDoubleMatrix} (has `hi` and `lo`) rather than a
 * plain `Matrix` (has `data`).
 *
 * @example
 * ```ts
 * import { isDoubleDoubleMatrix } from "@nnref/nnref/linalg";
 * const m = { rows: 1, cols: 1, hi: new Float64Array(1), lo: new Float64Array(1) };
 * if (!isDoubleDoubleMatrix(m)) throw new Error("hi/lo pair");
 * ```
 * @category Linear algebra
 */
export function isDoubleDoubleMatrix(value: unknown): value is DoubleDoubleMatrix {
  return typeof value === "object" && value !== null && "hi" in value && "lo" in value &&
    (value as DoubleDoubleMatrix).hi instanceof Float64Array &&
    (value as DoubleDoubleMatrix).lo instanceof Float64Array;
}
