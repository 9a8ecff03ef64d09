/**
 * Cholesky factorisation A = LLᵀ of a symmetric positive-definite matrix, and solving
 * Ax = b with it. A pivot that is lost in rounding noise is refused, not square-rooted:
 * see {@link tryCholesky}.
 *
 * @module
 */

import { ArgumentRangeError, ShapeError, SingularMatrixError } from "../errors.ts";
import { requireFiniteMatrix, requireMatrix, requireNumberArray } from "../_util/validate.ts";
import { createMatrix, type Matrix } from "./matrix.ts";
import { solveLowerTransposed, solveLowerTriangular } from "./triangular.ts";

/**
 * Safety factor of the pivot test: a pivot dⱼ counts as rounding noise when
 * dⱼ ≤ PIVOT_NOISE · n · ε · Aⱼⱼ, since forming dⱼ = Aⱼⱼ − Σₖ Lⱼₖ² commits an error of
 * about that size.
 */
const PIVOT_NOISE = 4;

/** Outcome of {@link tryCholesky}: the factor, or where and why it broke down.
 * @category Linear algebra */
export type CholeskyOutcome =
  | { readonly ok: true; readonly lower: Matrix }
  | {
    readonly ok: false;
    /** The column (from 0) whose pivot was not positive beyond rounding noise. */
    readonly failedColumn: number;
    /** dⱼ / Aⱼⱼ: the squared sine of the angle between column j and the earlier ones. */
    readonly pivotRatio: number;
  };

/**
 * How far apart Aᵢⱼ and Aⱼᵢ may be and still count as symmetric: a few roundings of the
 * larger (XᵀX formed by any summation order differs from its transpose by that much).
 */
const SYMMETRY_ULPS = 8;

function requireSymmetricInput(a: Matrix): void {
  requireFiniteMatrix(a, "The matrix to factor (A)");
  if (a.rows !== a.cols) {
    throw new ShapeError(`Cannot factor: the matrix is ${a.rows}×${a.cols}, not square`);
  }
  if (a.rows === 0) throw new ShapeError("Cannot factor: the matrix is empty (0×0)");
  const n = a.rows, d = a.data;
  for (let i = 1; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const lower = d[i * n + j], upper = d[j * n + i];
      if (
        lower !== upper &&
        !(Math.abs(lower - upper) <=
          SYMMETRY_ULPS * Number.EPSILON * Math.max(Math.abs(lower), Math.abs(upper)))
      ) {
        throw new ArgumentRangeError(
          `Cannot factor: the matrix is not symmetric (entry (${i}, ${j}) is ${lower}, entry ` +
            `(${j}, ${i}) is ${upper}); Cholesky needs A = Aᵀ (symmetrise with (A + Aᵀ)/2 ` +
            `if the difference is rounding)`,
        );
      }
    }
  }
}

function requireFactor(lower: Matrix): void {
  requireMatrix(lower, "The Cholesky factor L");
  if (lower.rows !== lower.cols) {
    throw new ShapeError(
      `Cannot solve: the Cholesky factor L is ${lower.rows}×${lower.cols}, not square`,
    );
  }
}

/**
 * Cholesky factorisation A = LLᵀ that reports failure instead of throwing.
 *
 * Column by column, dⱼ = Aⱼⱼ − Σₖ₍ₖ<ⱼ₎ Lⱼₖ²; Lⱼⱼ = √dⱼ; Lᵢⱼ = (Aᵢⱼ − Σₖ LᵢₖLⱼₖ) / Lⱼⱼ.
 * A must be symmetric (to within 8 ulps per entry pair; a non-symmetric A is refused,
 * not silently read by its lower triangle). The factorisation stops at the first column
 * whose pivot ratio dⱼ / Aⱼⱼ is ≤ 4·n·ε: there dⱼ is indistinguishable from the rounding
 * error of forming it, so column j is, to working precision, a linear combination of the
 * earlier columns (for A = XᵀX: of the earlier columns of X).
 *
 * @param a A symmetric n × n matrix.
 * @returns `{ ok: true, lower }` with L lower triangular, or `{ ok: false, failedColumn, pivotRatio }`.
 * @throws {InputTypeError} if A is not a Matrix.
 * @throws {ShapeError} if A is not square or is empty.
 * @throws {NonFiniteError} if A has a non-finite entry.
 * @throws {ArgumentRangeError} if A is not symmetric.
 *
 * @example A singular matrix is reported, not factored
 * ```ts
 * import { fromRows, tryCholesky } from "@nnref/nnref/linalg";
 * const outcome = tryCholesky(fromRows([[1, 2], [2, 4]]));
 * if (outcome.ok || outcome.failedColumn !== 1) throw new Error("column 1 = 2 · column 0");
 * ```
 * @category Linear algebra
 */
export function tryCholesky(a: Matrix): CholeskyOutcome {
  requireSymmetricInput(a);
  const n = a.rows, ad = a.data;
  const lower = createMatrix(n, n);
  const l = lower.data;
  const noise = PIVOT_NOISE * n * Number.EPSILON;
  for (let j = 0; j < n; j++) {
    let pivot = ad[j * n + j];
    for (let k = 0; k < j; k++) pivot -= l[j * n + k] * l[j * n + k];
    const diagonal = ad[j * n + j];
    const ratio = diagonal > 0 ? pivot / diagonal : -Infinity;
    if (!(ratio > noise)) return { ok: false, failedColumn: j, pivotRatio: ratio };
    const root = Math.sqrt(pivot);
    l[j * n + j] = root;
    for (let i = j + 1; i < n; i++) {
      let sum = ad[i * n + j];
      for (let k = 0; k < j; k++) sum -= l[i * n + k] * l[j * n + k];
      l[i * n + j] = sum / root;
    }
  }
  return { ok: true, lower };
}

/**
 * Cholesky factor L of a symmetric positive-definite A (A = LLᵀ, L lower triangular).
 *
 * @param a A symmetric positive-definite n × n matrix.
 * @returns L, n × n, lower triangular with a positive diagonal.
 * @throws {InputTypeError}, {ShapeError}, {NonFiniteError}, {ArgumentRangeError} as
 *   {@link tryCholesky}.
 * @throws {SingularMatrixError} if A is not numerically positive definite (see
 *   {@link tryCholesky}; numpy raises LinAlgError).
 *
 * @example
 * ```ts
 * import { cholesky, fromRows } from "@nnref/nnref/linalg";
 * const l = cholesky(fromRows([[4, 2], [2, 5]]));
 * if (l.data[0] !== 2 || l.data[2] !== 1 || l.data[3] !== 2) throw new Error("L = [[2, 0], [1, 2]]");
 * ```
 * @category Linear algebra
 */
export function cholesky(a: Matrix): Matrix {
  const outcome = tryCholesky(a);
  if (!outcome.ok) {
    throw new SingularMatrixError(
      `Cannot factor: the matrix is not numerically positive definite ` +
        `(pivot ${outcome.failedColumn} is ${outcome.pivotRatio} of its diagonal entry; ` +
        `column ${outcome.failedColumn} is a linear combination of the others to working precision)`,
    );
  }
  return outcome.lower;
}

/**
 * Solves Ax = b given A's Cholesky factor L: Ly = b, then Lᵀx = y. With several
 * right-hand sides (b an n × k matrix), solves each column.
 *
 * @param lower The Cholesky factor L of A.
 * @param b The right-hand side: length n, or an n × k matrix.
 * @returns x: length n, or n × k.
 * @throws {InputTypeError} if L is not a Matrix or b is neither a Matrix nor an array of numbers.
 * @throws {ShapeError} if L is not square or b's length (or row count) differs from n.
 * @throws {SingularMatrixError} if L has a zero on its diagonal.
 *
 * @example
 * ```ts
 * import { cholesky, choleskySolve, fromRows } from "@nnref/nnref/linalg";
 * const x = choleskySolve(cholesky(fromRows([[4, 2], [2, 5]])), [8, 14]);
 * if (x[0] !== 0.75 || x[1] !== 2.5) throw new Error("x = [0.75, 2.5]");
 * ```
 * @category Linear algebra
 */
export function choleskySolve(lower: Matrix, b: ArrayLike<number>): Float64Array;
/**
 * Solves AX = B for an n × k right-hand side B, column by column (see the vector form).
 *
 * @example
 * ```ts
 * import { cholesky, choleskySolve, fromRows } from "@nnref/nnref/linalg";
 * const x = choleskySolve(cholesky(fromRows([[4, 0], [0, 16]])), fromRows([[4, 8], [16, 32]]));
 * if (x.data[0] !== 1 || x.data[3] !== 2) throw new Error("X = [[1, 2], [1, 2]]");
 * ```
 * @category Linear algebra
 */
export function choleskySolve(lower: Matrix, b: Matrix): Matrix;
export function choleskySolve(
  lower: Matrix,
  b: ArrayLike<number> | Matrix,
): Float64Array | Matrix {
  requireFactor(lower);
  if (Array.isArray(b) || ArrayBuffer.isView(b)) {
    requireNumberArray(b, "the right-hand side b");
    return solveLowerTransposed(lower, solveLowerTriangular(lower, b as ArrayLike<number>));
  }
  requireMatrix(b, "the right-hand side B");
  const rhs = b as Matrix;
  if (rhs.rows !== lower.rows) {
    throw new ShapeError(
      `Cannot solve: the system is ${lower.rows}×${lower.rows} but the right-hand side has ${rhs.rows} rows`,
    );
  }
  const x = createMatrix(rhs.rows, rhs.cols);
  const column = new Float64Array(rhs.rows);
  for (let c = 0; c < rhs.cols; c++) {
    for (let i = 0; i < rhs.rows; i++) column[i] = rhs.data[i * rhs.cols + c];
    const solved = solveLowerTransposed(lower, solveLowerTriangular(lower, column));
    for (let i = 0; i < rhs.rows; i++) x.data[i * rhs.cols + c] = solved[i];
  }
  return x;
}

/**
 * A⁻¹ from A's Cholesky factor: A⁻¹ = L⁻ᵀL⁻¹, by solving Ax = eⱼ for each j. For A = XᵀX
 * this is the unscaled covariance of least-squares coefficients.
 *
 * @param lower The Cholesky factor L of A.
 * @returns A⁻¹, n × n, symmetric.
 * @throws {InputTypeError} if L is not a Matrix; {ShapeError} if it is not square;
 *   {SingularMatrixError} if it has a zero on its diagonal.
 *
 * @example
 * ```ts
 * import { cholesky, choleskyInverse, fromRows } from "@nnref/nnref/linalg";
 * const inv = choleskyInverse(cholesky(fromRows([[4, 0], [0, 16]])));
 * if (inv.data[0] !== 0.25 || inv.data[3] !== 0.0625) throw new Error("diag(1/4, 1/16)");
 * ```
 * @category Linear algebra
 */
export function choleskyInverse(lower: Matrix): Matrix {
  requireFactor(lower);
  const n = lower.rows;
  const inverse = createMatrix(n, n);
  for (let j = 0; j < n; j++) {
    const unit = new Float64Array(n);
    unit[j] = 1;
    const column = choleskySolve(lower, unit);
    for (let i = 0; i < n; i++) inverse.data[i * n + j] = column[i];
  }
  return inverse;
}
