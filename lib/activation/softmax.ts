/**
 * Softmax ŷⱼ = e^(oⱼ) / Σₖ e^(oₖ) (S2 "Softmax运算"), for a vector and row by row for a
 * batch, with log-sum-exp and log-softmax.
 *
 * Every kernel subtracts the maximum first: softmax(o) = softmax(o − c) for any c, and with
 * c = max o every exponent is ≤ 0, so nothing overflows (S2's `softmax_vec`, which
 * exponentiates o directly, returns NaN once some oⱼ > 709.78).
 *
 * @module
 */

import type { Matrix } from "../linalg/matrix.ts";
import { InputTypeError, NonFiniteError, ShapeError } from "../errors.ts";
import { describeValue, requireMatrix, requireNumberArray } from "../_util/validate.ts";

export type { Matrix } from "../linalg/matrix.ts";

function requireFiniteLogits(values: ArrayLike<number>, what: string): void {
  requireNumberArray(values, "values (the logits)");
  if (values.length === 0) throw new ShapeError(`Cannot compute ${what} of an empty vector`);
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new NonFiniteError(
        `Cannot compute ${what}: entry ${i} is ${values[i]}, expected finite`,
      );
    }
  }
}

function requireOut(out: unknown): void {
  if (!(out instanceof Float64Array)) {
    throw new InputTypeError(`out must be a Float64Array, got ${describeValue(out)}`);
  }
}

function vectorBuffer(out: Float64Array | undefined, n: number, what: string): Float64Array {
  if (out === undefined) return new Float64Array(n);
  requireOut(out);
  if (out.length !== n) {
    throw new ShapeError(
      `Cannot compute ${what}: out has ${out.length} entries but values has ${n}`,
    );
  }
  return out;
}

/** Softmax of `count` entries starting at `offset`, written at the same place in `out`. */
function softmaxSlice(
  values: ArrayLike<number>,
  offset: number,
  count: number,
  out: Float64Array,
): void {
  let max = -Infinity;
  for (let j = 0; j < count; j++) max = Math.max(max, values[offset + j]);
  let sum = 0;
  for (let j = 0; j < count; j++) {
    const e = Math.exp(values[offset + j] - max);
    out[offset + j] = e;
    sum += e;
  }
  // sum ≥ 1 (the maximum contributes e⁰ = 1), so the division never overflows.
  for (let j = 0; j < count; j++) out[offset + j] /= sum;
}

/**
 * Softmax of a vector: ŷⱼ = e^(oⱼ − m) / Σₖ e^(oₖ − m), m = maxₖ oₖ.
 *
 * o are S2's logits (its `vec`, z_4). Every ŷⱼ lies in [0, 1], at least one is
 * ≥ 1/n, and the sum is 1 to within a few ulps. argmax ŷ = argmax o.
 *
 * @param values The logits o (finite, at least one).
 * @param out Optional buffer of the same length (may be `values` itself).
 * @returns `out`, or a new Float64Array.
 * @throws {InputTypeError} if `values` is not an array of numbers or `out` not a Float64Array.
 * @throws {ShapeError} if `values` is empty or `out` has the wrong length.
 * @throws {NonFiniteError} if `values` holds NaN or ±∞.
 * @see fixtures/activation/softmax.json
 *
 * @example Shift invariance: no overflow at 1000
 * ```ts
 * import { softmax } from "@nnref/nnref/activation";
 * const p = softmax([1000, 1000]);
 * if (p[0] !== 0.5 || p[1] !== 0.5) throw new Error("equal logits give equal probabilities");
 * ```
 * @category Activation functions
 */
export function softmax(values: ArrayLike<number>, out?: Float64Array): Float64Array {
  requireFiniteLogits(values, "softmax");
  const result = vectorBuffer(out, values.length, "softmax");
  softmaxSlice(values, 0, values.length, result);
  return result;
}

/**
 * The maximum m of the logits, its first index, and s = Σ_{k ≠ index} e^(oₖ − m) — the
 * sum without the term e⁰ = 1 of the maximum, so that log Σ e^(oₖ − m) = log1p(s) keeps
 * every digit of a small s (log(1 + s) rounds 1 + s first: 869 ulps at o = [10, 0]).
 */
function shiftedSum(values: ArrayLike<number>): { max: number; rest: number } {
  let max = values[0], index = 0;
  for (let j = 1; j < values.length; j++) {
    if (values[j] > max) {
      max = values[j];
      index = j;
    }
  }
  let rest = 0;
  for (let j = 0; j < values.length; j++) if (j !== index) rest += Math.exp(values[j] - max);
  return { max, rest };
}

/**
 * log Σₖ e^(oₖ), computed as m + log1p(Σ_{k ≠ i} e^(oₖ − m)) with m = oᵢ = max o: the
 * standard max shift, with log1p of the remaining sum (scipy's `logsumexp` does the same)
 * so that the logarithm of 1 + a small sum is not rounded away.
 *
 * @param values The logits o (finite, at least one).
 * @returns log Σ e^(oₖ).
 * @throws {InputTypeError} if `values` is not an array of numbers.
 * @throws {ShapeError} if `values` is empty.
 * @throws {NonFiniteError} if `values` holds NaN or ±∞.
 *
 * @example
 * ```ts
 * import { logSumExp } from "@nnref/nnref/activation";
 * if (logSumExp([1000, 1000]) !== 1000 + Math.LN2) throw new Error("1000 + ln 2");
 * ```
 * @category Activation functions
 */
export function logSumExp(values: ArrayLike<number>): number {
  requireFiniteLogits(values, "log-sum-exp");
  const { max, rest } = shiftedSum(values);
  return max + Math.log1p(rest);
}

/**
 * log-softmax: log ŷⱼ = oⱼ − log Σₖ e^(oₖ), computed as (oⱼ − m) − log1p(Σ_{k ≠ i} e^(oₖ − m))
 * with m = oᵢ = max o: oⱼ − m is exact for nearby logits, so no rounding of a large
 * log-sum-exp (≈ 10⁶) is subtracted from a large oⱼ. Finite for all finite logits, where
 * log(softmax(o)) gives −∞ once a probability underflows.
 *
 * @param values The logits o.
 * @param out Optional buffer of the same length.
 * @returns `out`, or a new Float64Array.
 * @throws {InputTypeError}, {ShapeError}, {NonFiniteError} as {@link softmax}.
 *
 * @example
 * ```ts
 * import { logSoftmax } from "@nnref/nnref/activation";
 * if (logSoftmax([0, -1000])[1] !== -1000) throw new Error("finite where softmax underflows");
 * ```
 * @category Activation functions
 */
export function logSoftmax(values: ArrayLike<number>, out?: Float64Array): Float64Array {
  requireFiniteLogits(values, "log-softmax");
  const { max, rest } = shiftedSum(values);
  const logSum = Math.log1p(rest);
  const result = vectorBuffer(out, values.length, "log-softmax");
  for (let j = 0; j < values.length; j++) result[j] = (values[j] - max) - logSum;
  return result;
}

function requireRowsOut(m: Matrix, out: Matrix | undefined, what: string): Matrix {
  requireMatrix(m, "m");
  if (m.cols === 0) throw new ShapeError(`Cannot compute ${what}: the matrix has no columns`);
  const data = m.data;
  for (let i = 0; i < data.length; i++) {
    // x − x is 0 exactly when x is finite; Number.isFinite was a call per entry on V8.
    const value = data[i];
    if (value - value !== 0) {
      const row = Math.floor(i / m.cols), col = i % m.cols;
      throw new NonFiniteError(
        `Cannot compute ${what}: entry (${row}, ${col}) is ${m.data[i]}, expected finite`,
      );
    }
  }
  if (out === undefined) {
    return { rows: m.rows, cols: m.cols, data: new Float64Array(m.rows * m.cols) };
  }
  requireMatrix(out, "out");
  if (out.rows !== m.rows || out.cols !== m.cols) {
    throw new ShapeError(
      `Cannot compute ${what}: out is ${out.rows}×${out.cols} but the input is ${m.rows}×${m.cols}`,
    );
  }
  return out;
}

/**
 * Softmax of every row (S2's `soft_max_mat`: one distribution per input vector), each
 * row shifted by its own maximum.
 *
 * @param m A batch of logits, one sample per row.
 * @param out Optional matrix of the same shape (may be `m` itself).
 * @returns `out`, or a new matrix.
 * @throws {InputTypeError} if `m` or `out` is not a Matrix.
 * @throws {ShapeError} if `m` has no columns or `out` has the wrong shape.
 * @throws {NonFiniteError} if `m` has a non-finite entry.
 *
 * @example Each row sums to 1
 * ```ts
 * import { softmaxRows } from "@nnref/nnref/activation";
 * const p = softmaxRows({ rows: 2, cols: 2, data: new Float64Array([0, 0, 800, 0]) });
 * if (p.data[0] !== 0.5 || p.data[2] !== 1 || p.data[3] !== 0) throw new Error("per row");
 * ```
 * @category Activation functions
 */
export function softmaxRows(m: Matrix, out?: Matrix): Matrix {
  const result = requireRowsOut(m, out, "softmax of rows");
  for (let i = 0; i < m.rows; i++) softmaxRow(m.data, i * m.cols, m.cols, result.data);
  return result;
}

/**
 * {@link softmaxSlice} for one row of a Float64Array matrix, with the same operations: a
 * monomorphic copy (softmaxSlice also serves plain arrays, which made V8 compile every
 * access generically) that finds the maximum by comparison instead of Math.max. The two
 * maxima can differ only in the sign of a zero, and then oⱼ − m differs only in the sign of
 * a zero, whose exponential is 1 either way: the same bits.
 */
function softmaxRow(data: Float64Array, offset: number, count: number, out: Float64Array): void {
  const row = data.subarray(offset, offset + count);
  const target = out.subarray(offset, offset + count);
  let max = -Infinity;
  for (let j = 0; j < row.length; j++) {
    const value = row[j];
    if (value > max) max = value;
  }
  let sum = 0;
  for (let j = 0; j < row.length; j++) {
    const e = Math.exp(row[j] - max);
    target[j] = e;
    sum += e;
  }
  for (let j = 0; j < target.length; j++) target[j] /= sum;
}

/**
 * Row softmax as S2's `soft_max_mat` writes it: e^(oⱼ) / Σₖ e^(oₖ) with no shift.
 *
 * Agrees with {@link softmaxRows} to a few ulps while every |oⱼ| < 700; beyond that
 * e^(oⱼ) overflows and the result is NaN (∞/∞). Kept as the document's form and a
 * benchmark baseline, never for use.
 *
 * @param m A batch of logits, one sample per row.
 * @param out Optional matrix of the same shape.
 * @returns `out`, or a new matrix.
 * @throws {InputTypeError}, {ShapeError}, {NonFiniteError} as {@link softmaxRows}.
 *
 * @example
 * ```ts
 * import { softmaxRowsUnshifted } from "@nnref/nnref/activation";
 * const p = softmaxRowsUnshifted({ rows: 1, cols: 2, data: new Float64Array([1000, 0]) });
 * if (!Number.isNaN(p.data[0])) throw new Error("e^1000 overflows: ∞/∞");
 * ```
 * @category Activation functions
 */
export function softmaxRowsUnshifted(m: Matrix, out?: Matrix): Matrix {
  const result = requireRowsOut(m, out, "softmax of rows");
  for (let i = 0; i < m.rows; i++) {
    let sum = 0;
    for (let j = 0; j < m.cols; j++) {
      const e = Math.exp(m.data[i * m.cols + j]);
      result.data[i * m.cols + j] = e;
      sum += e;
    }
    for (let j = 0; j < m.cols; j++) result.data[i * m.cols + j] /= sum;
  }
  return result;
}

/**
 * Row softmax through log-sum-exp: ŷⱼ = e^(oⱼ − lse(o)). One exp per entry and no
 * division; oⱼ − lse carries the rounding of lse (≈ ulp(lse) absolutely), so it agrees
 * with {@link softmaxRows} to a relative error of about |lse|·2⁻⁵² (21 ulps at |o| ≈ 13).
 *
 * @param m A batch of logits, one sample per row.
 * @param out Optional matrix of the same shape.
 * @returns `out`, or a new matrix.
 * @throws {InputTypeError}, {ShapeError}, {NonFiniteError} as {@link softmaxRows}.
 *
 * @example
 * ```ts
 * import { softmaxRowsLogSumExp } from "@nnref/nnref/activation";
 * const p = softmaxRowsLogSumExp({ rows: 1, cols: 2, data: new Float64Array([0, 0]) });
 * if (p.data[0] !== 0.5) throw new Error("½");
 * ```
 * @category Activation functions
 */
export function softmaxRowsLogSumExp(m: Matrix, out?: Matrix): Matrix {
  const result = requireRowsOut(m, out, "softmax of rows");
  for (let i = 0; i < m.rows; i++) {
    const row = m.data.subarray(i * m.cols, (i + 1) * m.cols);
    const lse = logSumExp(row);
    for (let j = 0; j < m.cols; j++) result.data[i * m.cols + j] = Math.exp(row[j] - lse);
  }
  return result;
}

/**
 * Every row-softmax kernel; spec/ checks each against {@link softmaxRows} (the reference)
 * where its doc comment says it agrees, bench/ times them.
 *
 * @example
 * ```ts
 * import { SOFTMAX_VARIANTS } from "@nnref/nnref/variants";
 * const m = { rows: 1, cols: 2, data: new Float64Array([0, 0]) };
 * for (const kernel of Object.values(SOFTMAX_VARIANTS)) {
 *   if (kernel(m).data[1] !== 0.5) throw new Error("½ for equal logits");
 * }
 * ```
 * @category Variants
 */
export const SOFTMAX_VARIANTS: Readonly<
  Record<"shifted" | "unshifted" | "logSumExp", (m: Matrix, out?: Matrix) => Matrix>
> = Object.freeze({
  shifted: softmaxRows,
  unshifted: softmaxRowsUnshifted,
  logSumExp: softmaxRowsLogSumExp,
});
