/**
 * Gradient checking: comparing an analytic gradient with central differences, coordinate by
 * coordinate.
 *
 * @example
 * ```ts
 * import { checkGradient } from "@nnref/nnref/gradcheck";
 * // f(w) = w₀² + 3w₁, ∇f = (2w₀, 3)
 * const f = (w: Float64Array) => w[0] * w[0] + 3 * w[1];
 * const result = checkGradient(f, (w) => [2 * w[0], 3], new Float64Array([1.5, -2]));
 * if (!result.passed) throw new Error("the analytic gradient agrees with central differences");
 * ```
 *
 * @module
 */

export {
  checkGradient,
  type CoordinateCheck,
  DEFAULT_GRADIENT_CHECK_BOUND,
  DEFAULT_GRADIENT_CHECK_FLOOR,
  DEFAULT_GRADIENT_CHECK_STEP,
  type GradientCheckOptions,
  type GradientCheckResult,
  relativeError,
} from "./gradient_check.ts";
