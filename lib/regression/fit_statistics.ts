/**
 * A fitted linear model and its statistics, as NIST's StRD certifies them: weights,
 * residuals, the document's cost C(W*) = SSE/(2n), the residual standard deviation
 * √(SSE/(n − p)), coefficient standard deviations and R².
 *
 * @module
 */

import { type DoubleDouble, isDoubleDoubleMatrix } from "../linalg/double_double.ts";
import {
  ddAddKernel as ddAdd,
  ddDivKernel as ddDiv,
  ddMulKernel as ddMul,
  ddSubKernel as ddSub,
  twoProductKernel as twoProduct,
} from "../linalg/_dd.ts";
import { type Design, leastSquares, type LeastSquaresMethod } from "../linalg/lstsq.ts";
import type { Matrix } from "../linalg/matrix.ts";
import { requireBoolean, requireNumberArray, requireObject } from "../_util/validate.ts";

/** Options of {@link fitLinearModel}.
 * @category Regression */
export interface FitOptions {
  /** The least-squares method; `"accurate"` also computes the statistics in double-double. */
  readonly method: LeastSquaresMethod;
  /**
   * Whether the model has an intercept (a column of ones in X). It decides R²: centred,
   * 1 − SSE/Σ(y − ȳ)², with an intercept; uncentred, 1 − SSE/Σy², without (NIST's
   * convention for NoInt1 and NoInt2).
   */
  readonly intercept: boolean;
  /** With `method: "tsqr"`: one refinement step with a double-double residual. */
  readonly refine?: boolean;
}

/** A fitted linear model. Symbols: W* → `weights`, Y* = XW* → `fitted`, e = Y − Y*.
 * @category Regression */
export interface LinearFit {
  /** The least-squares method used. */
  readonly method: LeastSquaresMethod;
  /** W*, length p. */
  readonly weights: Float64Array;
  /** Y* = XW*, length n. */
  readonly fitted: Float64Array;
  /** e⁽ⁱ⁾ = y⁽ⁱ⁾ − W*ᵀx⁽ⁱ⁾ (001 (1.2)), length n. */
  readonly residuals: Float64Array;
  /** SSE = Σ e⁽ⁱ⁾². */
  readonly residualSumOfSquares: number;
  /** C(W*) = SSE / (2n), the document's (1.3). */
  readonly cost: number;
  /** σ̂ = √(SSE / (n − p)); NaN when n = p (no degrees of freedom). */
  readonly residualStandardDeviation: number;
  /** SD(wⱼ) = σ̂·√((XᵀX)⁻¹)ⱼⱼ, length p; NaN when n = p. */
  readonly standardDeviations: Float64Array;
  /** R², centred or uncentred according to `intercept`. */
  readonly rSquared: number;
}

/** Row i of X times W, minus y, as a double-double: the residual −eᵢ. */
function residualDoubleDouble(x: Design, i: number, w: Float64Array, y: number): DoubleDouble {
  const p = x.cols;
  let sum: DoubleDouble = [-y, 0];
  for (let j = 0; j < p; j++) {
    const term = isDoubleDoubleMatrix(x)
      ? ddMul([x.hi[i * p + j], x.lo[i * p + j]], [w[j], 0])
      : twoProduct((x as Matrix).data[i * p + j], w[j]);
    sum = ddAdd(sum, term);
  }
  return sum;
}

function residualDouble(x: Matrix, i: number, w: Float64Array, y: number): number {
  const p = x.cols;
  let sum = 0;
  for (let j = 0; j < p; j++) sum += x.data[i * p + j] * w[j];
  return sum - y;
}

/**
 * Fits Y ≈ XW by least squares and computes the fit statistics.
 *
 * With `method: "accurate"`, residuals, SSE, Σ(y − ȳ)² and R² = (SST − SSE)/SST are
 * formed in double-double (R² of a poor fit, such as NIST's Wampler5 with R² ≈ 0.002,
 * loses log₁₀(1/R²) digits to cancellation otherwise); with "normal" or "qr" they are
 * plain double, so that the statistics show what that method honestly delivers.
 *
 * @param x The design X, n × p (a double-double design for the accurate method keeps
 *   polynomial powers exact; the other methods round it).
 * @param y The targets Y, length n.
 * @param options `{ method, intercept }`.
 * @returns The {@link LinearFit}.
 * @throws {InputTypeError} if options is not `{ method, intercept }` or y not numbers;
 *   otherwise what {@link leastSquares} throws (shapes, non-finite input, rank deficiency).
 * @see fixtures/nist/
 *
 * @example A line through four points
 * ```ts
 * import { fromRows } from "@nnref/nnref/linalg";
 * import { assertClose } from "@nnref/nnref/oracle";
 * import { fitLinearModel } from "@nnref/nnref/regression";
 * const fit = fitLinearModel(fromRows([[1, 0], [1, 1], [1, 2], [1, 3]]), [1, 2, 2, 4], {
 *   method: "accurate", intercept: true,
 * });
 * // W* = [0.9, 0.9]; residuals 0.1, 0.2, −0.7, 0.4: SSE = 0.7; Σ(y − ȳ)² = 4.75
 * assertClose(fit.rSquared, (1 - 0.7 / 4.75), { atol: 1e-15 }, "R² = 0.8526…");
 * ```
 * @category Regression
 */
export function fitLinearModel(x: Design, y: ArrayLike<number>, options: FitOptions): LinearFit {
  requireObject(options, "options ({ method, intercept })");
  requireBoolean(options.intercept, "options.intercept");
  requireNumberArray(y, "y");
  if (options.refine !== undefined) requireBoolean(options.refine, "options.refine");
  const { weights, unscaledCovariance } = leastSquares(x, y, {
    method: options.method,
    ...(options.refine ? { refine: true } : {}),
  });
  const n = x.rows, p = x.cols;
  const residuals = new Float64Array(n), fitted = new Float64Array(n);
  let sse: DoubleDouble = [0, 0], sst: DoubleDouble = [0, 0];
  if (options.method === "accurate") {
    let total: DoubleDouble = [0, 0];
    for (let i = 0; i < n; i++) total = ddAdd(total, [y[i], 0]);
    const mean = options.intercept ? ddDiv(total, [n, 0]) : [0, 0] as DoubleDouble;
    for (let i = 0; i < n; i++) {
      const negative = residualDoubleDouble(x, i, weights, y[i]);
      residuals[i] = -negative[0];
      fitted[i] = y[i] + negative[0];
      sse = ddAdd(sse, ddMul(negative, negative));
      const centred = ddSub([y[i], 0], mean);
      sst = ddAdd(sst, ddMul(centred, centred));
    }
  } else {
    const design = isDoubleDoubleMatrix(x)
      ? { rows: n, cols: p, data: x.hi.map((h, k) => h + x.lo[k]) }
      : x;
    let mean = 0;
    if (options.intercept) {
      for (let i = 0; i < n; i++) mean += y[i];
      mean /= n;
    }
    let sum = 0, squares = 0;
    for (let i = 0; i < n; i++) {
      const negative = residualDouble(design, i, weights, y[i]);
      residuals[i] = -negative;
      fitted[i] = y[i] + negative;
      sum += negative * negative;
      squares += (y[i] - mean) * (y[i] - mean);
    }
    sse = [sum, 0];
    sst = [squares, 0];
  }
  const residualSumOfSquares = sse[0] + sse[1];
  const rSquaredDd = ddDiv(ddSub(sst, sse), sst);
  const rSquared = options.method === "accurate"
    ? rSquaredDd[0] + rSquaredDd[1]
    : 1 - residualSumOfSquares / (sst[0] + sst[1]);
  const dof = n - p;
  const variance = dof > 0 ? residualSumOfSquares / dof : NaN;
  const residualStandardDeviation = Math.sqrt(variance);
  const standardDeviations = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    standardDeviations[j] = Math.sqrt(variance * unscaledCovariance.data[j * p + j]);
  }
  return {
    method: options.method,
    weights,
    fitted,
    residuals,
    residualSumOfSquares,
    cost: residualSumOfSquares / (2 * n),
    residualStandardDeviation,
    standardDeviations,
    rSquared,
  };
}
