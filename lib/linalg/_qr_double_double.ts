/**
 * Householder QR least squares carried out entirely in double-double arithmetic: the
 * engine of the "accurate" least-squares variant. Private: reached through
 * `leastSquares(…, { method: "accurate" })`.
 *
 * With about 106 bits of working precision, the forward error is roughly
 * κ(X)·2⁻¹⁰⁴, which stays below one double ulp for κ(X) up to about 10¹⁵ (Filip).
 *
 * @module
 */

import type { DoubleDouble, DoubleDoubleMatrix } from "./double_double.ts";
import {
  ddAddKernel as ddAdd,
  ddDivKernel as ddDiv,
  ddMulKernel as ddMul,
  ddSqrtKernel as ddSqrt,
  ddSubKernel as ddSub,
} from "./_dd.ts";
import { createMatrix, type Matrix } from "./matrix.ts";

/** Unit roundoff of double-double (about 106 bits). */
const DD_EPSILON = 2 ** -104;

/** What the double-double solver found. */
export type DoubleDoubleQrOutcome =
  | {
    readonly ok: true;
    /** One weight vector per right-hand side, rounded to double. */
    readonly weights: Float64Array[];
    /** (XᵀX)⁻¹ = R⁻¹R⁻ᵀ, formed in double-double and rounded. */
    readonly unscaledCovariance: Matrix;
  }
  | { readonly ok: false; readonly failedColumn: number };

/**
 * Solves min ‖Xw − y‖ for each y in `rightHandSides` by Householder QR in double-double.
 *
 * @param design X as a double-double matrix (m × n, m ≥ n, already validated).
 * @param rightHandSides The y vectors, each of length m.
 */
export function doubleDoubleQrLeastSquares(
  design: DoubleDoubleMatrix,
  rightHandSides: readonly ArrayLike<number>[],
): DoubleDoubleQrOutcome {
  const m = design.rows, n = design.cols, k = rightHandSides.length;
  const width = n + k;
  // Augmented matrix [X | Y], column-major so that each column is one contiguous block.
  const hi = new Float64Array(m * width), lo = new Float64Array(m * width);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      hi[j * m + i] = design.hi[i * n + j];
      lo[j * m + i] = design.lo[i * n + j];
    }
    for (let c = 0; c < k; c++) hi[(n + c) * m + i] = rightHandSides[c][i];
  }
  const get = (col: number, row: number): DoubleDouble => [hi[col * m + row], lo[col * m + row]];
  const set = (col: number, row: number, value: DoubleDouble): void => {
    hi[col * m + row] = value[0];
    lo[col * m + row] = value[1];
  };
  const columnNorms = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let sum: DoubleDouble = [0, 0];
    for (let i = 0; i < m; i++) sum = ddAdd(sum, ddMul(get(j, i), get(j, i)));
    columnNorms[j] = Math.sqrt(sum[0]);
  }
  const diagonal: DoubleDouble[] = [];
  for (let j = 0; j < n; j++) {
    let squared: DoubleDouble = [0, 0];
    for (let i = j; i < m; i++) squared = ddAdd(squared, ddMul(get(j, i), get(j, i)));
    const norm = ddSqrt(squared);
    if (!(norm[0] > m * DD_EPSILON * columnNorms[j])) return { ok: false, failedColumn: j };
    const alpha = get(j, j);
    const beta: DoubleDouble = alpha[0] >= 0 ? [-norm[0], -norm[1]] : norm;
    // v = (α − β, Xⱼ₊₁,ⱼ, …); vᵀv = 2β(β − α), so H = I − v vᵀ / (β(β − α)).
    const head = ddSub(alpha, beta);
    const scale = ddMul(beta, ddSub(beta, alpha));
    set(j, j, head);
    for (let c = j + 1; c < width; c++) {
      let s: DoubleDouble = [0, 0];
      for (let i = j; i < m; i++) s = ddAdd(s, ddMul(get(j, i), get(c, i)));
      const factor = ddDiv(s, scale);
      for (let i = j; i < m; i++) set(c, i, ddSub(get(c, i), ddMul(factor, get(j, i))));
    }
    diagonal.push(beta);
  }
  const r = (row: number, col: number): DoubleDouble => row === col ? diagonal[row] : get(col, row);
  const weights: Float64Array[] = [];
  for (let c = 0; c < k; c++) {
    const solution: DoubleDouble[] = new Array(n);
    for (let i = n - 1; i >= 0; i--) {
      let sum = get(n + c, i);
      for (let j = i + 1; j < n; j++) sum = ddSub(sum, ddMul(r(i, j), solution[j]));
      solution[i] = ddDiv(sum, diagonal[i]);
    }
    weights.push(Float64Array.from(solution, (value) => value[0] + value[1]));
  }
  // R⁻¹ column by column (upper triangular), then (XᵀX)⁻¹ = R⁻¹R⁻ᵀ.
  const inverse: DoubleDouble[][] = Array.from({ length: n }, () => new Array(n).fill([0, 0]));
  for (let col = 0; col < n; col++) {
    inverse[col][col] = ddDiv([1, 0], diagonal[col]);
    for (let i = col - 1; i >= 0; i--) {
      let sum: DoubleDouble = [0, 0];
      for (let j = i + 1; j <= col; j++) sum = ddSub(sum, ddMul(r(i, j), inverse[j][col]));
      inverse[i][col] = ddDiv(sum, diagonal[i]);
    }
  }
  const unscaledCovariance = createMatrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let sum: DoubleDouble = [0, 0];
      for (let t = j; t < n; t++) sum = ddAdd(sum, ddMul(inverse[i][t], inverse[j][t]));
      const value = sum[0] + sum[1];
      unscaledCovariance.data[i * n + j] = value;
      unscaledCovariance.data[j * n + i] = value;
    }
  }
  return { ok: true, weights, unscaledCovariance };
}
