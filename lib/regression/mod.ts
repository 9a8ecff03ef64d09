/**
 * Regression: design matrices, fit statistics, ridge regression, the least-squares Hessian
 * and NIST's log relative error.
 *
 * @example
 * ```ts
 * import { fromRows } from "@nnref/nnref/linalg";
 * import { ridgeRegression } from "@nnref/nnref/regression";
 * const [w] = ridgeRegression(fromRows([[2]]), [3], 12);
 * if (w !== 0.375) throw new Error("(XᵀX + λI)⁻¹Xᵀy = 2·3 / (4 + 12) = 0.375");
 * ```
 *
 * @module
 */

export { leastSquaresCost } from "./cost.ts";
export { designMatrix, type DesignOptions } from "./design.ts";
export { fitLinearModel, type FitOptions, type LinearFit } from "./fit_statistics.ts";
export { leastSquaresHessian } from "./hessian.ts";
export { logRelativeError, minimumLogRelativeError } from "./log_relative_error.ts";
export { polynomialDesign, polynomialDesignDoubleDouble } from "./polynomial.ts";
export { ridgeCost, ridgeGradient, ridgeRegression } from "./ridge.ts";
