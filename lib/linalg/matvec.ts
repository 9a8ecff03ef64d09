/**
 * Matrix–vector product y = Ax and the dot product xᵀy, summed left to right.
 *
 * @module
 */

import { InputTypeError, ShapeError } from "../errors.ts";
import { describeValue, requireMatrix, requireNumberArray } from "../_util/validate.ts";
import type { Matrix } from "./matrix.ts";

/**
 * Dot product xᵀy = Σᵢ xᵢyᵢ, summed for i = 0 … n−1 from +0.
 *
 * Plain recursive summation: the error bound is n·ε·Σ|xᵢyᵢ|. Where that is not enough
 * (ill-conditioned residuals), use the double-double dot in `double_double.ts`.
 *
 * @param x A vector.
 * @param y A vector of the same length.
 * @returns Σᵢ xᵢyᵢ (0 for empty vectors).
 * @throws {InputTypeError} if x or y is not an array of numbers.
 * @throws {ShapeError} if the lengths differ.
 *
 * @example
 * ```ts
 * import { dot } from "@nnref/nnref/linalg";
 * if (dot([1, 2, 3], [4, 5, 6]) !== 32) throw new Error("4 + 10 + 18 = 32");
 * ```
 * @category Linear algebra
 */
export function dot(x: ArrayLike<number>, y: ArrayLike<number>): number {
  requireNumberArray(x, "x");
  requireNumberArray(y, "y");
  if (x.length !== y.length) {
    throw new ShapeError(
      `Cannot take the dot product: the vectors have different lengths (${x.length} vs ${y.length})`,
    );
  }
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i] * y[i];
  return sum;
}

/**
 * Matrix–vector product (Ax)ᵢ = Σⱼ Aᵢⱼxⱼ, each entry summed for j = 0 … n−1 from +0
 * (the same order as `matmulNaive` applied to x as an n × 1 matrix).
 *
 * @param a The matrix A, m × n.
 * @param x The vector x, length n.
 * @param out Optional output of length m (overwritten; must not share memory with x or A).
 * @returns Ax, length m (`out` when given).
 * @throws {InputTypeError} if A is not a Matrix, x not an array of numbers, or `out`
 *   not a Float64Array.
 * @throws {ShapeError} if x's length differs from A's column count, or `out` is the wrong
 *   length or aliases an input.
 *
 * @example
 * ```ts
 * import { fromRows, matvec } from "@nnref/nnref/linalg";
 * const y = matvec(fromRows([[1, 2], [3, 4]]), [1, 1]);
 * if (y[0] !== 3 || y[1] !== 7) throw new Error("[3, 7]");
 * ```
 * @category Linear algebra
 */
export function matvec(a: Matrix, x: ArrayLike<number>, out?: Float64Array): Float64Array {
  requireMatrix(a, "A");
  requireNumberArray(x, "x");
  if (x.length !== a.cols) {
    throw new ShapeError(
      `Cannot multiply matrix by vector: inner dimensions differ (${a.cols} vs ${x.length}); ` +
        `A is ${a.rows}×${a.cols}`,
    );
  }
  let result: Float64Array;
  if (out === undefined) {
    result = new Float64Array(a.rows);
  } else {
    if (!(out instanceof Float64Array)) {
      throw new InputTypeError(`out must be a Float64Array, got ${describeValue(out)}`);
    }
    if (out.length !== a.rows) {
      throw new ShapeError(
        `Cannot multiply matrix by vector: the output has ${out.length} entries, expected ${a.rows}`,
      );
    }
    if (
      out.buffer === a.data.buffer ||
      (ArrayBuffer.isView(x) && (x as unknown as Float64Array).buffer === out.buffer)
    ) {
      throw new ShapeError(
        "Cannot multiply matrix by vector: the output shares memory with an input; pass a separate buffer",
      );
    }
    result = out;
  }
  const n = a.cols, data = a.data;
  for (let i = 0; i < a.rows; i++) {
    let sum = 0;
    const row = i * n;
    for (let j = 0; j < n; j++) sum += data[row + j] * x[j];
    result[i] = sum;
  }
  return result;
}
