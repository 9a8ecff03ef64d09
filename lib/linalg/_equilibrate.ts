/**
 * Equilibration by powers of two (internal to the least-squares and ridge solvers):
 * column j of a design is multiplied by 2^(−eⱼ) so that its largest magnitude lies in
 * [1, 2), and a right-hand side by 2^(−f) likewise. Multiplying by a power of two is
 * exact (short of the subnormal range), so for data whose products neither overflow nor
 * underflow every operation downstream rounds exactly as it did unscaled — the same bits —
 * while data scaled by 10¹⁶⁰ or 10⁻²⁰⁰, whose Gram matrix XᵀX over- or underflows,
 * becomes the same well-scaled problem. The solution is scaled back by 2^(f − eⱼ).
 *
 * This is LAPACK's dgeequ idea restricted to powers of two (its `dlaqge` scales by the
 * exact reciprocals of the column maxima; powers of two keep the bits).
 *
 * @module
 */

import type { DoubleDoubleMatrix } from "./double_double.ts";
import type { Matrix } from "./matrix.ts";

/**
 * x·2ᵏ for any integer k, in two steps where 2ᵏ itself is not a normal double (so that
 * 2¹⁰⁷⁴ or 2⁻¹⁰⁷⁴ need not be represented). Exact unless the result is subnormal or
 * overflows.
 */
export function scaleByPowerOfTwo(x: number, k: number): number {
  if (k > 1023) return x * 2 ** 1023 * 2 ** (k - 1023);
  if (k < -1022) return x * 2 ** -1022 * 2 ** (k + 1022);
  return x * (POWERS_OF_TWO[k + 1022] ?? 2 ** k);
}

/**
 * 2ᵏ for the integers k in [−1022, 1023], the normal range, at index k + 1022: `2 ** k` is
 * a call of the C library's pow per use on V8, which made scaling 10⁵ entries cost more
 * than the QR factorisation they feed. (A non-integer k finds no entry and takes `2 ** k`.)
 */
const POWERS_OF_TWO = Float64Array.from({ length: 2046 }, (_, i) => 2 ** (i - 1022));

/**
 * The exponent e with 2ᵉ ≤ m < 2ᵉ⁺¹ for a finite m > 0 (0 for m = 0, which needs no
 * scaling). Math.log2 can be off by one next to a power of two; the loop corrects it.
 */
export function binaryExponent(m: number): number {
  if (!(m > 0)) return 0;
  let e = Math.floor(Math.log2(m));
  while (scaleByPowerOfTwo(1, e) > m) e--;
  while (scaleByPowerOfTwo(1, e + 1) <= m) e++;
  return e;
}

/** The exponent of the largest magnitude among `count` entries from `start` with `stride`. */
function maxExponent(data: ArrayLike<number>, start: number, count: number, stride: number) {
  let max = 0;
  for (let i = 0, at = start; i < count; i++, at += stride) {
    const magnitude = Math.abs(data[at]);
    if (magnitude > max) max = magnitude;
  }
  return binaryExponent(max);
}

/** eⱼ for every column of a row-major rows × cols array. */
export function columnExponents(data: ArrayLike<number>, rows: number, cols: number): Int32Array {
  const exponents = new Int32Array(cols);
  for (let j = 0; j < cols; j++) exponents[j] = maxExponent(data, j, rows, cols);
  return exponents;
}

/** f for a vector: 2^f ≤ max |yᵢ| < 2^(f+1). */
export function vectorExponent(y: ArrayLike<number>): number {
  return maxExponent(y, 0, y.length, 1);
}

/**
 * X·diag(2^(−eⱼ)), a new matrix (X is not modified), row after row. Where every 2^(−eⱼ) is a
 * normal double each entry is one exact product; otherwise scaleByPowerOfTwo's two steps.
 */
export function scaleColumns(x: Matrix, exponents: Int32Array): Matrix {
  const { rows, cols } = x;
  const data = new Float64Array(rows * cols);
  const factors = new Float64Array(cols);
  let representable = true;
  for (let j = 0; j < cols; j++) {
    const k = -exponents[j];
    representable &&= k > -1023 && k < 1024;
    factors[j] = 2 ** k;
  }
  if (representable) {
    for (let i = 0, at = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++, at++) data[at] = x.data[at] * factors[j];
    }
  } else {
    for (let i = 0, at = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++, at++) {
        data[at] = scaleByPowerOfTwo(x.data[at], -exponents[j]);
      }
    }
  }
  return { rows, cols, data };
}

/** The same column scaling for a double-double design (both parts). */
export function scaleColumnsDoubleDouble(
  x: DoubleDoubleMatrix,
  exponents: Int32Array,
): DoubleDoubleMatrix {
  const { rows, cols } = x;
  const hi = new Float64Array(rows * cols), lo = new Float64Array(rows * cols);
  for (let j = 0; j < cols; j++) {
    const k = -exponents[j];
    for (let i = 0, at = j; i < rows; i++, at += cols) {
      hi[at] = scaleByPowerOfTwo(x.hi[at], k);
      lo[at] = scaleByPowerOfTwo(x.lo[at], k);
    }
  }
  return { rows, cols, hi, lo };
}

/** y·2^(−f), a new vector. */
export function scaleVector(y: ArrayLike<number>, exponent: number): Float64Array {
  const scaled = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) scaled[i] = scaleByPowerOfTwo(y[i], -exponent);
  return scaled;
}
