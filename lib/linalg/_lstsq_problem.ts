/**
 * The least-squares problem as the solvers of lstsq.ts receive it (internal): checks of
 * X and y, their equilibration by powers of two and its undoing, and the shape of the
 * result. The public API and its documentation are in lstsq.ts.
 *
 * @module
 */

import { NonFiniteError, ShapeError } from "../errors.ts";
import { requireFinite, requireMatrix, requireNumberArray } from "../_util/validate.ts";
import { type DoubleDoubleMatrix, isDoubleDoubleMatrix } from "./double_double.ts";
import { createMatrix, type Matrix } from "./matrix.ts";
import { scaleByPowerOfTwo, scaleVector, vectorExponent } from "./_equilibrate.ts";

/** A design matrix X: doubles, or double-doubles for the `"accurate"` method. */
type Design = Matrix | DoubleDoubleMatrix;

export function isMatrix(value: unknown): value is Matrix {
  return typeof value === "object" && value !== null && !Array.isArray(value) &&
    !ArrayBuffer.isView(value);
}

/** Throws unless `x` is a Matrix or a well-formed {@link DoubleDoubleMatrix}. */
export function requireDesign(x: unknown): void {
  if (isDoubleDoubleMatrix(x)) {
    const { rows, cols, hi, lo } = x;
    if (
      !Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0 ||
      hi.length !== rows * cols || lo.length !== rows * cols
    ) {
      throw new ShapeError(
        `X is a ${rows}×${cols} double-double matrix but hi and lo have ${hi.length} and ` +
          `${lo.length} entries, expected rows × cols`,
      );
    }
    return;
  }
  requireMatrix(x, "X");
}

/** The design rounded to doubles (what "normal" and "qr" work with). */
export function asDoubles(x: Design): Matrix {
  if (!isDoubleDoubleMatrix(x)) return x;
  return createMatrix(x.rows, x.cols, x.hi.map((h, i) => h + x.lo[i]));
}

/**
 * Whether every entry is finite (x − x is 0 exactly for finite x). requireFinite, shared
 * by every kind of array, ran as a builtin call per entry on V8; it still writes the
 * message when this says no.
 */
export function allFinite(data: Float64Array): boolean {
  for (let i = 0; i < data.length; i++) {
    const value = data[i];
    if (value - value !== 0) return false;
  }
  return true;
}

/** Validates X and Y; returns Y's columns as separate vectors. */
export function validateProblem(x: Design, y: ArrayLike<number> | Matrix): Float64Array[] {
  requireDesign(x);
  if (isMatrix(y)) requireMatrix(y, "Y");
  else requireNumberArray(y, "y");
  const n = x.rows, p = x.cols;
  if (n === 0 || p === 0) {
    throw new ShapeError(`Cannot solve least squares: X is empty (${n}×${p})`);
  }
  if (n < p) {
    throw new ShapeError(
      `Cannot solve least squares: X has fewer rows than columns (${n} < ${p}); ` +
        `the problem is underdetermined, use ridge`,
    );
  }
  if (isDoubleDoubleMatrix(x)) {
    requireFinite(x.hi, "X");
    requireFinite(x.lo, "X (trailing parts)");
  } else if (!allFinite(x.data)) {
    requireFinite(x.data, "X");
  }
  const rows = isMatrix(y) ? y.rows : y.length;
  if (rows !== n) {
    throw new ShapeError(
      `Cannot solve least squares: X has ${n} rows but y has ${rows} ${
        isMatrix(y) ? "rows" : "entries"
      }`,
    );
  }
  if (isMatrix(y)) {
    if (y.cols === 0) throw new ShapeError("Cannot solve least squares: Y has no columns");
    if (!allFinite(y.data)) requireFinite(y.data, "y");
    return Array.from({ length: y.cols }, (_, c) => {
      const column = new Float64Array(n);
      for (let i = 0; i < n; i++) column[i] = y.data[i * y.cols + c];
      return column;
    });
  }
  requireFinite(y, "y");
  return [Float64Array.from(y)];
}

/**
 * The right-hand sides scaled by powers of two so that each one's largest magnitude lies in
 * [1, 2) (see _equilibrate.ts), with their exponents: exact, and it keeps y = ±10³⁰⁸ from
 * overflowing Xᵀy or Qᵀy.
 */
export function scaleRightHandSides(
  columns: Float64Array[],
): { scaled: Float64Array[]; exponents: number[] } {
  const exponents = columns.map(vectorExponent);
  return { scaled: columns.map((c, k) => scaleVector(c, exponents[k])), exponents };
}

/**
 * w = 2^(f − eⱼ)·w′ for each solution w′ of the equilibrated problem.
 *
 * @throws {NonFiniteError} if a weight overflows: the solution is not representable.
 */
export function unscaleWeights(
  solutions: Float64Array[],
  rhsExponents: readonly number[],
  columnExponents: Int32Array | null,
  method: string,
): Float64Array[] {
  return solutions.map((w, c) => {
    const out = new Float64Array(w.length);
    for (let j = 0; j < w.length; j++) {
      const k = rhsExponents[c] - (columnExponents === null ? 0 : columnExponents[j]);
      out[j] = scaleByPowerOfTwo(w[j], k);
      if (!Number.isFinite(out[j])) {
        throw new NonFiniteError(
          `Cannot solve least squares ("${method}"): weight ${j} overflows the double range ` +
            `(|w| > 1.8e308); the solution of this problem is not representable`,
        );
      }
    }
    return out;
  });
}

/** (XᵀX)⁻¹ = D·(ZᵀZ)⁻¹·D for Z = XD, D = diag(2^(−eⱼ)), in place. */
export function unscaleCovariance(covariance: Matrix, exponents: Int32Array): Matrix {
  const p = covariance.cols;
  for (let a = 0; a < p; a++) {
    for (let b = 0; b < p; b++) {
      covariance.data[a * p + b] = scaleByPowerOfTwo(
        covariance.data[a * p + b],
        -exponents[a] - exponents[b],
      );
    }
  }
  return covariance;
}

/** Packs per-column solutions as the caller's shape: a vector, or a p × k matrix. */
export function shapeWeights(
  columns: Float64Array[],
  y: ArrayLike<number> | Matrix,
): Float64Array | Matrix {
  if (!isMatrix(y)) return columns[0];
  const p = columns[0].length, k = columns.length;
  const w = createMatrix(p, k);
  for (let c = 0; c < k; c++) {
    for (let i = 0; i < p; i++) w.data[i * k + c] = columns[c][i];
  }
  return w;
}

export function dependentColumnMessage(what: string, column: number, advice: string): string {
  return `Cannot solve: ${what} is singular to working precision (column ${column} is a linear ` +
    `combination of the others); ${advice}`;
}
