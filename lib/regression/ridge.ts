/**
 * Ridge regression (document 001 §1.6): minimise
 * C(W) = ‖XW − Y‖²/(2n) + (λ/2)‖W‖₂², whose gradient is (1/n)Xᵀ(XW − Y) + λW and whose
 * minimiser is W* = (XᵀX/n + λI)⁻¹XᵀY/n. Like the document, every weight is penalised,
 * the bias w₀ included.
 *
 * @module
 */

import { requireFinite, requirePositive } from "../_util/validate.ts";
import { cholesky, choleskySolve } from "../linalg/cholesky.ts";
import { matmul } from "../linalg/matmul.ts";
import { type Matrix, transpose } from "../linalg/matrix.ts";
import { matvec } from "../linalg/matvec.ts";

function validate(x: Matrix, y: ArrayLike<number>, lambda: number): void {
  requirePositive(lambda, "Ridge strength λ");
  if (x.rows === 0 || x.cols === 0) {
    throw new RangeError(`Cannot fit ridge regression: X is empty (${x.rows}×${x.cols})`);
  }
  if (y.length !== x.rows) {
    throw new RangeError(
      `Cannot fit ridge regression: X has ${x.rows} rows but y has ${y.length} entries`,
    );
  }
  requireFinite(x.data, "X");
  requireFinite(y, "y");
}

/**
 * W* = (XᵀX/n + λI)⁻¹(XᵀY/n), 001 §1.6, solved by Cholesky (XᵀX/n + λI is positive
 * definite for λ > 0 even when XᵀX is singular, so n < p is allowed).
 *
 * Symbols: X → `x`, Y → `y`, λ → `lambda`, W* → the result.
 *
 * @param x The design X, n × p.
 * @param y The targets Y, length n.
 * @param lambda λ > 0.
 * @returns W*, length p.
 * @throws {RangeError} if λ ≤ 0 or not finite, X is empty, shapes differ, or input is non-finite.
 * @see fixtures/regression/ridge.json
 *
 * @example One point, one weight: w = xy/(x² + λ)
 * ```ts
 * import { fromRows } from "@nnref/nnref/linalg";
 * import { ridgeRegression } from "@nnref/nnref/regression";
 * const [w] = ridgeRegression(fromRows([[2]]), [3], 12);
 * if (w !== 0.375) throw new Error("2·3 / (4 + 12) = 0.375");
 * ```
 * @category Regression
 */
export function ridgeRegression(x: Matrix, y: ArrayLike<number>, lambda: number): Float64Array {
  validate(x, y, lambda);
  const n = x.rows, p = x.cols;
  const xt = transpose(x);
  const a = matmul(xt, x);
  for (let k = 0; k < a.data.length; k++) a.data[k] /= n;
  for (let j = 0; j < p; j++) a.data[j * p + j] += lambda;
  const b = matvec(xt, y);
  for (let j = 0; j < p; j++) b[j] /= n;
  return choleskySolve(cholesky(a), b);
}

/**
 * The ridge cost C(W) = ‖XW − Y‖²/(2n) + (λ/2)‖W‖₂², 001 (1.9).
 *
 * @throws {RangeError} as {@link ridgeRegression}, or if W has the wrong length.
 *
 * @example
 * ```ts
 * import { fromRows } from "@nnref/nnref/linalg";
 * import { ridgeCost } from "@nnref/nnref/regression";
 * if (ridgeCost(fromRows([[1]]), [1], [1], 2) !== 1) throw new Error("0 + (2/2)·1 = 1");
 * ```
 * @category Regression
 */
export function ridgeCost(
  x: Matrix,
  weights: ArrayLike<number>,
  y: ArrayLike<number>,
  lambda: number,
): number {
  validate(x, y, lambda);
  const predicted = matvec(x, weights);
  let sse = 0, norm = 0;
  for (let i = 0; i < x.rows; i++) sse += (predicted[i] - y[i]) ** 2;
  for (let j = 0; j < weights.length; j++) norm += weights[j] * weights[j];
  return sse / (2 * x.rows) + (lambda / 2) * norm;
}

/**
 * The ridge gradient C′(W) = (1/n)(XᵀXW − XᵀY) + λW (the corrected end of the §1.6
 * derivation: the derivative of (λ/2)‖W‖₂² is λW).
 *
 * @throws {RangeError} as {@link ridgeRegression}, or if W has the wrong length.
 *
 * @example Zero at the closed-form minimiser
 * ```ts
 * import { fromRows } from "@nnref/nnref/linalg";
 * import { ridgeGradient, ridgeRegression } from "@nnref/nnref/regression";
 * const x = fromRows([[2]]);
 * if (ridgeGradient(x, ridgeRegression(x, [3], 12), [3], 12)[0] !== 0) throw new Error("∇C(W*) = 0");
 * ```
 * @category Regression
 */
export function ridgeGradient(
  x: Matrix,
  weights: ArrayLike<number>,
  y: ArrayLike<number>,
  lambda: number,
): Float64Array {
  validate(x, y, lambda);
  const residual = matvec(x, weights);
  for (let i = 0; i < x.rows; i++) residual[i] -= y[i];
  const gradient = matvec(transpose(x), residual);
  for (let j = 0; j < x.cols; j++) gradient[j] = gradient[j] / x.rows + lambda * weights[j];
  return gradient;
}
