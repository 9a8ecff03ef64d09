/**
 * Optimisation: One gradient-descent loop with pluggable stopping rules and step schedules,
 * least-squares objectives, gradient steps and SGD.
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
