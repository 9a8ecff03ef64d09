/**
 * Optimisation: one gradient-descent loop with pluggable stopping rules and step schedules,
 * least-squares objectives, gradient steps and SGD.
 *
 * @example
 * ```ts
 * import { gradientDescent } from "@nnref/nnref/optim";
 * import { assertClose } from "@nnref/nnref/oracle";
 * // Minimise w² from w = 1.2 with step 0.3: w ← 0.4·w, stopping once w² < 10⁻³.
 * const result = gradientDescent(
 *   (w, g) => { g[0] = 2 * w[0]; return w[0] * w[0]; },
 *   [1.2],
 *   { learningRate: 0.3, stop: { kind: "loss", threshold: 1e-3 }, maxIterations: 100 },
 * );
 * assertClose(result.weights[0], 1.2 * 0.4 ** 4, { ulps: 2 }, "four steps");
 * ```
 *
 * @module
 */

export {
  DEFAULT_DIVERGENCE_FACTOR,
  type DescentLoopSpec,
  type DescentOptions,
  type DescentResult,
  type DescentStep,
  runDescent,
  type Trajectory,
} from "./descent.ts";
export {
  gdStepFused,
  gdStepGram,
  type GdStepKernel,
  gdStepTwoPass,
  type GdStepVariant,
} from "./gd_step.ts";
export {
  gradientDescent,
  type GradientDescentOptions,
  type LeastSquaresDescentOptions,
  leastSquaresGradientDescent,
  momentsGradientDescent,
  type Objective,
  problemGradientDescent,
} from "./gradient_descent.ts";
export {
  checkLeastSquaresData,
  leastSquaresGradient,
  leastSquaresLoss,
  type LeastSquaresMoments,
  type LeastSquaresProblem,
  leastSquaresProblem,
  momentsProblem,
  requireWeights,
} from "./least_squares.ts";
export { type SgdOptions, type SgdResult, stochasticGradientDescent } from "./sgd.ts";
export { type StepSchedule, stepSize, validateStepSchedule } from "./step_schedule.ts";
export {
  type DescentStatus,
  firesAfterStep,
  firesBeforeStep,
  type StoppingRule,
  validateStoppingRule,
} from "./stopping_rule.ts";
