/**
 * The one descent loop. Batch gradient descent (every step kernel, the Gram-matrix
 * variant included), SGD and mini-batch SGD all run through {@link runDescent}: they
 * differ only in the step they hand it, so stopping, divergence detection, the
 * iteration cap and the recorded trajectory are decided in exactly one place.
 *
 * @module
 */

import { ArgumentRangeError, InputTypeError } from "../errors.ts";
import {
  describeValue,
  requireFiniteArray,
  requireFunction,
  requireIterationCap,
  requireObject,
  requirePositive,
} from "../_util/validate.ts";
import {
  type DescentStatus,
  firesAfterStep,
  firesBeforeStep,
  type StoppingRule,
  validateStoppingRule,
} from "./stopping_rule.ts";

/** Default factor by which the loss may exceed the initial loss before the run counts as diverged.
 * @category Optimisation */
export const DEFAULT_DIVERGENCE_FACTOR: number = 1e12;

/** How long a descent may run and when it stops.
 * @category Optimisation */
export interface DescentOptions {
  /** The stopping rule (see {@link StoppingRule}). */
  readonly stop: StoppingRule;
  /** The most updates to make: an integer in [1, 10⁷]. Every run ends by this many. */
  readonly maxIterations: number;
  /**
   * The run counts as diverged as soon as the loss exceeds this factor times the initial
   * loss (default {@link DEFAULT_DIVERGENCE_FACTOR}), or anything becomes non-finite.
   */
  readonly divergenceFactor?: number;
  /** Record every iterate and its loss (costs a copy, and for SGD a full loss, per step). */
  readonly recordTrajectory?: boolean;
}

/** The iterates of a run, W⁽⁰⁾ … W⁽ᵀ⁾, and the full loss at each.
 * @category Optimisation */
export interface Trajectory {
  /** W⁽⁰⁾ (the initial weights) through the final weights, one copy per update. */
  readonly weights: Float64Array[];
  /** C(W⁽ᵗ⁾) for each entry of `weights`. */
  readonly losses: number[];
}

/** What a descent returns.
 * @category Optimisation */
export interface DescentResult {
  /** Which exit was taken: the rule fired, the run diverged, or the cap was reached. */
  readonly status: DescentStatus;
  /** Number of updates made. */
  readonly iterations: number;
  /** The final weights W (finite even when the run diverged: the last finite iterate). */
  readonly weights: Float64Array;
  /** The full loss C(W) at the final weights. */
  readonly loss: number;
  /** Present when `recordTrajectory` was set. */
  readonly trajectory?: Trajectory;
}

/**
 * One update of a descent. Given the current weights W⁽ᵗ⁻¹⁾ and the 1-based number t of
 * the update about to be made (for step schedules ηₜ), it writes the gradient estimate
 * into `gradient` and the updated weights W⁽ᵗ⁾ into `next`, and returns the loss at the
 * current weights (the full loss for batch GD, the mini-batch loss for SGD).
 * @category Optimisation
 */
export type DescentStep = (
  weights: Float64Array,
  t: number,
  next: Float64Array,
  gradient: Float64Array,
) => number;

/** What {@link runDescent} needs besides the step.
 * @category Optimisation */
export interface DescentLoopSpec {
  /** The update. */
  readonly step: DescentStep;
  /** The full loss C(W), for the initial loss, the final loss and the trajectory. */
  readonly fullLoss: (weights: Float64Array) => number;
  /** Whether the loss `step` returns is the full loss (then the trajectory reuses it). */
  readonly stepLossIsFull: boolean;
}

function allFinite(values: Float64Array): boolean {
  for (let j = 0; j < values.length; j++) if (!Number.isFinite(values[j])) return false;
  return true;
}

/**
 * Validates descent options and returns the divergence factor to use.
 *
 * @throws {InputTypeError} if options is not an object.
 * @throws {ArgumentRangeError} if `maxIterations` is not an integer in [1, 10⁷] or
 *   `divergenceFactor` is not a finite number > 1; see also {@link validateStoppingRule}.
 */
function validateOptions(options: DescentOptions): number {
  if (typeof options !== "object" || options === null) {
    throw new InputTypeError(
      `Descent options must be an object with stop and maxIterations, got ${
        describeValue(options)
      }`,
    );
  }
  validateStoppingRule(options.stop);
  requireIterationCap(options.maxIterations, "maxIterations", 1);
  const factor = options.divergenceFactor ?? DEFAULT_DIVERGENCE_FACTOR;
  requirePositive(factor, "divergenceFactor");
  if (factor <= 1) {
    throw new ArgumentRangeError(`divergenceFactor must be > 1, got ${factor}`);
  }
  return factor;
}

/**
 * Runs W⁽ᵗ⁾ = step(W⁽ᵗ⁻¹⁾) from W⁽⁰⁾ = `initialWeights` until the stopping rule fires,
 * the run diverges, or `maxIterations` updates have been made.
 *
 * Each pass calls `step` once: the gradient and loss at the current point decide the
 * rules tested before an update (`gradient`, `loss`), then the cap, then the update is
 * taken and the rules tested after it (`step`, `iterations`). The run is declared
 * diverged when the loss, the gradient or the new weights stop being finite, or the loss
 * exceeds `divergenceFactor` × the initial loss, so it never returns NaN weights.
 *
 * @param spec The update and the full loss (see {@link DescentLoopSpec}).
 * @param initialWeights W⁽⁰⁾ (copied, never modified).
 * @param options Stopping rule, `maxIterations`, divergence factor, trajectory.
 * @returns The {@link DescentResult}.
 * @throws {InputTypeError} if the spec lacks its functions or an argument has the wrong type.
 * @throws {NonFiniteError} for a non-finite initial point.
 * @throws {ArgumentRangeError} for a `maxIterations` that is not an integer in [1, 10⁷], a
 *   bad divergence factor, or a malformed stopping rule.
 *
 * @example Minimising C(w) = w² with η = 0.3, as in S4 (each step multiplies w by 0.4)
 * ```ts
 * import { runDescent } from "@nnref/nnref/optim";
 * const result = runDescent(
 *   {
 *     step: (w, _t, next, gradient) => {
 *       gradient[0] = 2 * w[0];
 *       next[0] = w[0] - 0.3 * gradient[0];
 *       return w[0] * w[0];
 *     },
 *     fullLoss: (w) => w[0] * w[0],
 *     stepLossIsFull: true,
 *   },
 *   new Float64Array([1.2]),
 *   { stop: { kind: "loss", threshold: 1e-3 }, maxIterations: 100 },
 * );
 * if (result.status !== "converged" || result.iterations !== 4) throw new Error("four steps");
 * ```
 * @category Optimisation
 */
export function runDescent(
  spec: DescentLoopSpec,
  initialWeights: ArrayLike<number>,
  options: DescentOptions,
): DescentResult {
  requireObject(spec, "spec ({ step, fullLoss, stepLossIsFull })");
  requireFunction(spec.step, "spec.step");
  requireFunction(spec.fullLoss, "spec.fullLoss");
  const factor = validateOptions(options);
  requireFiniteArray(initialWeights, "Initial weights");
  const rule = options.stop;
  const record = options.recordTrajectory === true;
  let weights = Float64Array.from(initialWeights);
  let next = new Float64Array(weights.length);
  const gradient = new Float64Array(weights.length);
  const reference = spec.fullLoss(weights);
  const trajectory: Trajectory | undefined = record
    ? { weights: [weights.slice()], losses: spec.stepLossIsFull ? [] : [reference] }
    : undefined;

  let status: DescentStatus;
  let iterations = 0;
  if (!Number.isFinite(reference)) {
    status = "diverged";
  } else {
    for (;;) {
      const loss = spec.step(weights, iterations + 1, next, gradient);
      if (trajectory && spec.stepLossIsFull) trajectory.losses.push(loss);
      if (
        !Number.isFinite(loss) || !allFinite(gradient) ||
        (reference > 0 && loss > factor * reference)
      ) {
        status = "diverged";
        break;
      }
      if (firesBeforeStep(rule, gradient, loss, iterations)) {
        status = "converged";
        break;
      }
      if (iterations >= options.maxIterations) {
        status = "maxIterations";
        break;
      }
      if (!allFinite(next)) {
        status = "diverged";
        break;
      }
      const previous = weights;
      weights = next;
      next = previous;
      iterations++;
      if (trajectory) {
        trajectory.weights.push(weights.slice());
        if (!spec.stepLossIsFull) trajectory.losses.push(spec.fullLoss(weights));
      }
      if (firesAfterStep(rule, previous, weights, iterations)) {
        status = "converged";
        break;
      }
    }
  }
  const loss = spec.fullLoss(weights);
  if (trajectory && trajectory.losses.length < trajectory.weights.length) {
    trajectory.losses.push(loss);
  }
  return trajectory
    ? { status, iterations, weights, loss, trajectory }
    : { status, iterations, weights, loss };
}
