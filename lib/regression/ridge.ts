/**
 * Ridge regression (document 001 §1.6): minimise
 * C(W) = ‖XW − Y‖²/(2n) + (λ/2)‖W‖₂², whose gradient is (1/n)Xᵀ(XW − Y) + λW and whose
 * minimiser is W* = (XᵀX/n + λI)⁻¹XᵀY/n. Like the document, every weight is penalised,
 * the bias w₀ included.
 *
 * @module
 */

import { NonFiniteError, ShapeError, SingularMatrixError } from "../errors.ts";
import { requireFiniteArray, requireFiniteMatrix, requirePositive } from "../_util/validate.ts";
import { choleskySolve, tryCholesky } from "../linalg/cholesky.ts";
import { ddSqrtKernel, twoProductKernel } from "../linalg/_dd.ts";
import {
  binaryExponent,
  scaleByPowerOfTwo,
  scaleColumns,
  scaleVector,
  vectorExponent,
} from "../linalg/_equilibrate.ts";
import { matmul } from "../linalg/matmul.ts";
import { type Matrix, transpose } from "../linalg/matrix.ts";
import { matvec } from "../linalg/matvec.ts";
import { doubleDoubleQrLeastSquares } from "../linalg/_qr_double_double.ts";

function validate(x: Matrix, y: ArrayLike<number>, lambda: number): void {
  requireFiniteMatrix(x, "X");
  requireFiniteArray(y, "y");
  requirePositive(lambda, "Ridge strength λ");
  if (x.rows === 0 || x.cols === 0) {
    throw new ShapeError(`Cannot fit ridge regression: X is empty (${x.rows}×${x.cols})`);
  }
  if (y.length !== x.rows) {
    throw new ShapeError(
      `Cannot fit ridge regression: X has ${x.rows} rows but y has ${y.length} entries`,
    );
  }
}

function validateWeights(x: Matrix, weights: ArrayLike<number>): void {
  requireFiniteArray(weights, "W");
  if (weights.length !== x.cols) {
    throw new ShapeError(
      `Cannot evaluate the ridge cost: W has ${weights.length} entries but X has ${x.cols} columns`,
    );
  }
}

/**
 * W* = (XᵀX/n + λI)⁻¹(XᵀY/n), 001 §1.6, solved by Cholesky (XᵀX/n + λI is positive
 * definite for λ > 0 even when XᵀX is singular, so n < p is allowed). X and y are first
 * equilibrated by powers of two (exact), so X·10¹⁶⁰ or X·10⁻¹⁶⁰ neither overflows nor
 * underflows. Where λ is so small next to XᵀX/n that the rounded matrix is not
 * positive definite (dependent columns), the same minimiser is found as the
 * least-squares problem [X; √(nλ)I] in double-double, good to about
 * 32 − log₁₀(‖XᵀX/n‖/λ) digits, down to λ = 2⁻⁸⁰·maxⱼ(XᵀX/n)ⱼⱼ; a smaller λ with dependent
 * columns is refused, since rounding would decide the answer.
 *
 * Symbols: X → `x`, Y → `y`, λ → `lambda`, W* → the result.
 *
 * @param x The design X, n × p.
 * @param y The targets Y, length n.
 * @param lambda λ > 0.
 * @returns W*, length p.
 * @throws {InputTypeError} if X is not a Matrix, y not numbers or λ not a number.
 * @throws {ArgumentRangeError} if λ ≤ 0 or not finite.
 * @throws {ShapeError} if X is empty or the shapes differ.
 * @throws {NonFiniteError} if the input is non-finite or a weight overflows.
 * @throws {SingularMatrixError} if X's columns are dependent and λ < 2⁻⁸⁰·maxⱼ(XᵀX/n)ⱼⱼ.
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
  // Equilibrate (powers of two, exact): column j by its largest of max|Xᵢⱼ| and √λ, y by
  // its largest magnitude. With w = Dz the system becomes (ZᵀZ/n + λD²)z = Zᵀy′/n, whose
  // diagonal lies in (0, 8]: XᵀX/n of X·10¹⁶⁰ no longer overflows, nor of X·10⁻¹⁶⁰
  // underflows, and otherwise every rounding is the unscaled one (the same bits).
  const root = Math.sqrt(lambda);
  const exponents = new Int32Array(p);
  for (let j = 0; j < p; j++) {
    let max = root;
    for (let i = 0; i < n; i++) max = Math.max(max, Math.abs(x.data[i * p + j]));
    exponents[j] = binaryExponent(max);
  }
  const z = scaleColumns(x, exponents);
  const yExponent = vectorExponent(y);
  const scaledY = scaleVector(y, yExponent);
  const zt = transpose(z);
  const a = matmul(zt, z);
  for (let k = 0; k < a.data.length; k++) a.data[k] /= n;
  for (let j = 0; j < p; j++) {
    a.data[j * p + j] += scaleByPowerOfTwo(lambda, -2 * exponents[j]);
  }
  const outcome = tryCholesky(a);
  let solution: Float64Array;
  if (outcome.ok) {
    const b = matvec(zt, scaledY);
    for (let j = 0; j < p; j++) b[j] /= n;
    solution = choleskySolve(outcome.lower, b);
  } else {
    // λ is lost in the rounding of XᵀX/n + λI (a tiny λ with dependent columns): solve
    // the same minimisation as the least-squares problem [Z; √(nλ)·D] z ≈ [y′; 0] by
    // double-double QR, which keeps λ's contribution to about 32 digits.
    requireResolvableLambda(a, lambda, exponents);
    solution = stackedSolve(z, scaledY, lambda, exponents);
  }
  const weights = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    weights[j] = scaleByPowerOfTwo(solution[j], yExponent - exponents[j]);
    if (!Number.isFinite(weights[j])) {
      throw new NonFiniteError(
        `Cannot fit ridge regression: weight ${j} overflows the double range (|w| > 1.8e308)`,
      );
    }
  }
  return weights;
}

/**
 * The smallest λ the double-double fallback resolves, relative to the largest diagonal
 * entry of XᵀX/n: 2⁻⁸⁰ ≈ 8·10⁻²⁵. Its answer carries about 32 − log₁₀(‖XᵀX/n‖/λ) correct
 * digits (the conditioning of XᵀX/n + λI against double-double rounding), so at this
 * bound still about 8; below it a dependent direction is decided by rounding, not by λ.
 */
const RESOLVABLE_LAMBDA = 2 ** -80;

/**
 * Throws unless λ ≥ 2⁻⁸⁰·maxⱼ (XᵀX/n)ⱼⱼ, checked on the scaled system a = ZᵀZ/n + λD²
 * (aⱼⱼ − λdⱼ² is (ZᵀZ/n)ⱼⱼ = dⱼ²(XᵀX/n)ⱼⱼ).
 */
function requireResolvableLambda(a: Matrix, lambda: number, exponents: Int32Array): void {
  const p = a.cols;
  for (let j = 0; j < p; j++) {
    const penalty = scaleByPowerOfTwo(lambda, -2 * exponents[j]);
    const gram = a.data[j * p + j] - penalty;
    if (penalty < RESOLVABLE_LAMBDA * gram) {
      throw new SingularMatrixError(
        `Cannot fit ridge regression: λ = ${lambda} is below 2⁻⁸⁰ ≈ 8e-25 times (XᵀX/n)${j}${j} ` +
          `and X's columns are dependent to working precision, so rounding, not λ, would ` +
          `decide the answer; use λ ≥ ${
            scaleByPowerOfTwo(RESOLVABLE_LAMBDA * gram, 2 * exponents[j]).toPrecision(3)
          } or remove the dependent column`,
      );
    }
  }
}

/**
 * Ridge as least squares in double-double: min ‖Zz − y′‖² + nλ‖Dz‖², i.e. the
 * (n + p) × p design [Z; √(nλ)·D] against [y′; 0], with √(nλ) itself in double-double.
 */
function stackedSolve(
  z: Matrix,
  y: Float64Array,
  lambda: number,
  exponents: Int32Array,
): Float64Array {
  const n = z.rows, p = z.cols, rows = n + p;
  const hi = new Float64Array(rows * p), lo = new Float64Array(rows * p);
  hi.set(z.data);
  const root = ddSqrtKernel(twoProductKernel(n, lambda));
  for (let j = 0; j < p; j++) {
    hi[(n + j) * p + j] = scaleByPowerOfTwo(root[0], -exponents[j]);
    lo[(n + j) * p + j] = scaleByPowerOfTwo(root[1], -exponents[j]);
  }
  const rhs = new Float64Array(rows);
  rhs.set(y);
  const outcome = doubleDoubleQrLeastSquares({ rows, cols: p, hi, lo }, [rhs]);
  if (!outcome.ok) {
    throw new SingularMatrixError(
      `Cannot fit ridge regression: λ = ${lambda} is below the rounding of XᵀX/n even in ` +
        `double-double (column ${outcome.failedColumn} depends on the others); use a larger λ`,
    );
  }
  return outcome.weights[0];
}

/**
 * The ridge cost C(W) = ‖XW − Y‖²/(2n) + (λ/2)‖W‖₂², 001 (1.9).
 *
 * @throws {InputTypeError}, {ArgumentRangeError}, {ShapeError}, {NonFiniteError} as
 *   {@link ridgeRegression}, or if W is not finite numbers of length p.
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
  validateWeights(x, weights);
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
 * @throws {InputTypeError}, {ArgumentRangeError}, {ShapeError}, {NonFiniteError} as
 *   {@link ridgeCost}.
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
  validateWeights(x, weights);
  const residual = matvec(x, weights);
  for (let i = 0; i < x.rows; i++) residual[i] -= y[i];
  const gradient = matvec(transpose(x), residual);
  for (let j = 0; j < x.cols; j++) gradient[j] = gradient[j] / x.rows + lambda * weights[j];
  return gradient;
}
