/**
 * Regression: Design matrices, fit statistics, ridge regression, the least-squares Hessian
 * and NIST's log relative error.
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
