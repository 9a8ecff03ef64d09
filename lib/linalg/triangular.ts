/**
 * Triangular solves by substitution, used by the Cholesky and QR solvers.
 *
 * @module
 */

import { ShapeError, SingularMatrixError } from "../errors.ts";
import { requireMatrix, requireNumberArray } from "../_util/validate.ts";
import { createMatrix, type Matrix } from "./matrix.ts";

function requireSquare(t: Matrix, what: string): void {
  requireMatrix(t, what);
  if (t.rows !== t.cols) {
    throw new ShapeError(
      `Cannot solve a triangular system: ${what} is ${t.rows}×${t.cols}, not square`,
    );
  }
}

function requireSquareSystem(t: Matrix, b: ArrayLike<number>, what: string): void {
  requireMatrix(t, what);
  requireNumberArray(b, "the right-hand side b");
  if (t.rows !== t.cols) {
    throw new ShapeError(
      `Cannot solve a triangular system: ${what} is ${t.rows}×${t.cols}, not square`,
    );
  }
  if (b.length !== t.rows) {
    throw new ShapeError(
      `Cannot solve a triangular system: ${what} is ${t.rows}×${t.cols} but the right-hand side has ${b.length} entries`,
    );
  }
}

function requireNonzeroDiagonal(t: Matrix, what: string): void {
  for (let i = 0; i < t.rows; i++) {
    if (t.data[i * t.cols + i] === 0) {
      throw new SingularMatrixError(
        `Cannot solve a triangular system: ${what} has a zero on the diagonal (row ${i}); it is singular`,
      );
    }
  }
}

/**
 * Solves Ux = b for upper-triangular U by back substitution:
 * xᵢ = (bᵢ − Σⱼ₍ⱼ>ᵢ₎ Uᵢⱼxⱼ) / Uᵢᵢ, for i = n−1 … 0. Entries below the diagonal are ignored.
 *
 * @param upper The matrix U, n × n.
 * @param b The right-hand side, length n.
 * @returns x, length n.
 * @throws {InputTypeError} if U is not a Matrix or b not an array of numbers.
 * @throws {ShapeError} if U is not square or b has the wrong length.
 * @throws {SingularMatrixError} if a diagonal entry is 0.
 *
 * @example
 * ```ts
 * import { fromRows, solveUpperTriangular } from "@nnref/nnref/linalg";
 * const x = solveUpperTriangular(fromRows([[2, 1], [0, 4]]), [5, 8]);
 * if (x[0] !== 1.5 || x[1] !== 2) throw new Error("x = [1.5, 2]");
 * ```
 * @category Linear algebra
 */
export function solveUpperTriangular(upper: Matrix, b: ArrayLike<number>): Float64Array {
  requireSquareSystem(upper, b, "U");
  requireNonzeroDiagonal(upper, "U");
  const n = upper.rows, u = upper.data;
  const x = Float64Array.from(b);
  for (let i = n - 1; i >= 0; i--) {
    let sum = x[i];
    for (let j = i + 1; j < n; j++) sum -= u[i * n + j] * x[j];
    x[i] = sum / u[i * n + i];
  }
  return x;
}

/**
 * Solves Lx = b for lower-triangular L by forward substitution:
 * xᵢ = (bᵢ − Σⱼ₍ⱼ<ᵢ₎ Lᵢⱼxⱼ) / Lᵢᵢ. Entries above the diagonal are ignored.
 *
 * @param lower The matrix L, n × n.
 * @param b The right-hand side, length n.
 * @returns x, length n.
 * @throws {InputTypeError} if L is not a Matrix or b not an array of numbers.
 * @throws {ShapeError} if L is not square or b has the wrong length.
 * @throws {SingularMatrixError} if a diagonal entry is 0.
 *
 * @example
 * ```ts
 * import { fromRows, solveLowerTriangular } from "@nnref/nnref/linalg";
 * const x = solveLowerTriangular(fromRows([[2, 0], [1, 4]]), [4, 10]);
 * if (x[0] !== 2 || x[1] !== 2) throw new Error("x = [2, 2]");
 * ```
 * @category Linear algebra
 */
export function solveLowerTriangular(lower: Matrix, b: ArrayLike<number>): Float64Array {
  requireSquareSystem(lower, b, "L");
  requireNonzeroDiagonal(lower, "L");
  const n = lower.rows, l = lower.data;
  const x = Float64Array.from(b);
  for (let i = 0; i < n; i++) {
    let sum = x[i];
    for (let j = 0; j < i; j++) sum -= l[i * n + j] * x[j];
    x[i] = sum / l[i * n + i];
  }
  return x;
}

/**
 * Solves Lᵀx = b for lower-triangular L (back substitution on the transpose, without
 * forming it).
 *
 * @param lower The matrix L, n × n (only the lower triangle is read).
 * @param b The right-hand side, length n.
 * @returns x, length n.
 * @throws {InputTypeError} if L is not a Matrix or b not an array of numbers.
 * @throws {ShapeError} if L is not square or b has the wrong length.
 * @throws {SingularMatrixError} if a diagonal entry is 0.
 *
 * @example
 * ```ts
 * import { fromRows, solveLowerTransposed } from "@nnref/nnref/linalg";
 * const x = solveLowerTransposed(fromRows([[2, 0], [1, 4]]), [5, 8]); // [[2, 1], [0, 4]] x = b
 * if (x[0] !== 1.5 || x[1] !== 2) throw new Error("x = [1.5, 2]");
 * ```
 * @category Linear algebra
 */
export function solveLowerTransposed(lower: Matrix, b: ArrayLike<number>): Float64Array {
  requireSquareSystem(lower, b, "L");
  requireNonzeroDiagonal(lower, "L");
  const n = lower.rows, l = lower.data;
  const x = Float64Array.from(b);
  for (let i = n - 1; i >= 0; i--) {
    let sum = x[i];
    for (let j = i + 1; j < n; j++) sum -= l[j * n + i] * x[j];
    x[i] = sum / l[i * n + i];
  }
  return x;
}

/**
 * Inverse of an upper-triangular matrix, column by column (U·(U⁻¹)ⱼ = eⱼ); the result
 * is upper triangular.
 *
 * @param upper The matrix U, n × n, with no zero on its diagonal.
 * @returns U⁻¹, n × n.
 * @throws {ShapeError} if U is not square; {SingularMatrixError} if a diagonal entry is 0.
 *
 * @example
 * ```ts
 * import { fromRows, invertUpperTriangular } from "@nnref/nnref/linalg";
 * const inv = invertUpperTriangular(fromRows([[2, 1], [0, 4]]));
 * if (inv.data[0] !== 0.5 || inv.data[1] !== -0.125 || inv.data[3] !== 0.25) throw new Error("U⁻¹");
 * ```
 * @category Linear algebra
 */
export function invertUpperTriangular(upper: Matrix): Matrix {
  requireSquare(upper, "U");
  const n = upper.rows;
  const inverse = createMatrix(n, n);
  for (let j = 0; j < n; j++) {
    const unit = new Float64Array(n);
    unit[j] = 1;
    const column = solveUpperTriangular(upper, unit);
    for (let i = 0; i <= j; i++) inverse.data[i * n + j] = column[i];
  }
  return inverse;
}
