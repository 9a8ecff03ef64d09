/**
 * Gradient checking: Comparing an analytic gradient with central differences, coordinate by
 * coordinate.
 *
 * @example
 * ```ts
 * import { relativeError } from "@nnref/nnref/gradcheck";
 * if (relativeError(1, 1) !== 0) throw new Error("equal values have relative error 0");
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
