/**
 * Stochastic and mini-batch gradient descent for least squares (S1 (2.2)–(2.3)):
 * W⁽ᵗ⁺¹⁾ = W⁽ᵗ⁾ − (ηₜ/b) Σ_{i∈Bₜ} (xᵢᵀW⁽ᵗ⁾ − yᵢ)xᵢ, with the batch Bₜ of b samples drawn
 * by a seeded {@link RandomState}, with or without replacement, and ηₜ from a
 * {@link StepSchedule}. Runs through the same loop as batch GD (`descent.ts`).
 *
 * @module
 */

import { requireInteger } from "../_util/validate.ts";
import type { Matrix } from "../linalg/matrix.ts";
import { RandomState } from "../random/random_state.ts";
export type { Matrix } from "../linalg/matrix.ts";
export type { RandomState } from "../random/random_state.ts";
import { type DescentOptions, type DescentResult, runDescent } from "./descent.ts";
import { checkLeastSquaresData, requireWeights } from "./least_squares.ts";
import { type StepSchedule, stepSize, validateStepSchedule } from "./step_schedule.ts";

/** Options of (mini-batch) SGD.
 * @category Optimisation */
export interface SgdOptions extends DescentOptions {
  /** ηₜ (S1: `{ kind: "inverseSqrt", constant: 0.06 }`). */
  readonly schedule: StepSchedule;
  /** b, samples per update (1 for plain SGD). */
  readonly batchSize: number;
  /**
   * With replacement (S1's MATLAB `randi`): b draws of `randint(0, m)`. Without:
   * `choice(m, b, false)`, b distinct samples per update (numpy's legacy choice).
   */
  readonly replace: boolean;
  /** Seed of a fresh `RandomState`; give this or `random`. */
  readonly seed?: number;
  /** A `RandomState` to draw from (advanced by the run); give this or `seed`. */
  readonly random?: RandomState;
  /** W⁽⁰⁾; default zeros (S1's W⁰ = 0). */
  readonly initialWeights?: ArrayLike<number>;
  /** Record the 0-based sample indices of every batch. */
  readonly recordBatches?: boolean;
}

/** What SGD returns: a {@link DescentResult}, plus the batches when recorded.
 * @category Optimisation */
export interface SgdResult extends DescentResult {
  /** The sample indices (0-based) of each update's batch, when `recordBatches` was set. */
  readonly batches?: number[][];
}

/**
 * Mini-batch SGD for C(W) = (1/2m)‖XW − y‖². Each update t draws a batch Bₜ, steps along
 * the batch gradient (1/b)Σ_{i∈Bₜ}(xᵢᵀW − yᵢ)xᵢ with ηₜ, and hands the stopping
 * decision to the shared loop: S1's MiniSGD file stops with `{ kind: "step", tolerance: 0.02 }`.
 * Rules that look at the loss see the mini-batch loss (1/2b)Σ_{i∈Bₜ}(xᵢᵀW − yᵢ)²;
 * the returned `loss` is the full C(W).
 *
 * @param x The design matrix X (m × d).
 * @param y The targets y.
 * @param options Schedule, batch size, sampling, seed, stopping rule, `maxIterations`.
 * @returns status, iterations, weights, full loss, and optionally trajectory and batches.
 * @throws {RangeError} for mismatched lengths, empty or non-finite data, a batch size
 *   that is not a positive integer or exceeds m without replacement, a bad schedule,
 *   W⁽⁰⁾ of the wrong length, `maxIterations` not a positive integer.
 * @throws {TypeError} unless exactly one of `seed` and `random` is given.
 * @see fixtures/gd/s001_minisgd.json
 *
 * @example S1 §2.2.1 with a seeded stream standing in for MATLAB's randi
 * ```ts
 * import { fromRows } from "@nnref/nnref/linalg";
 * import { stochasticGradientDescent } from "@nnref/nnref/optim";
 * const x = fromRows([[1, 2.7, 1], [1, 4.1, 1], [1, 1.0, 0], [1, 5.2, 1], [1, 2.8, 0]]);
 * const result = stochasticGradientDescent(x, [25, 33, 15, 45, 22], {
 *   schedule: { kind: "inverseSqrt", constant: 0.06 }, batchSize: 2, replace: true, seed: 0,
 *   stop: { kind: "step", tolerance: 0.02 }, maxIterations: 100000,
 * });
 * if (result.status !== "converged" || result.iterations < 1) throw new Error("stops");
 * ```
 * @category Optimisation
 */
export function stochasticGradientDescent(
  x: Matrix,
  y: ArrayLike<number>,
  options: SgdOptions,
): SgdResult {
  checkLeastSquaresData(x, y, "run SGD");
  const m = x.rows, d = x.cols, a = x.data;
  const targets = Float64Array.from(y);
  validateStepSchedule(options.schedule);
  requireInteger(options.batchSize, "batchSize", 1);
  const b = options.batchSize;
  if (typeof options.replace !== "boolean") {
    throw new TypeError(`Cannot run SGD: replace must be true or false, got ${options.replace}`);
  }
  if (!options.replace && b > m) {
    throw new RangeError(
      `Cannot run SGD: batch size ${b} is larger than the ${m} samples, which sampling without replacement cannot draw`,
    );
  }
  if ((options.seed === undefined) === (options.random === undefined)) {
    throw new TypeError("Cannot run SGD: give exactly one of seed and random");
  }
  const random = options.random ?? new RandomState(options.seed as number);
  const initial = options.initialWeights ?? new Float64Array(d);
  requireWeights(initial, d, "run SGD");
  const batches: number[][] | undefined = options.recordBatches ? [] : undefined;
  const batch = new Int32Array(b);

  const result = runDescent(
    {
      step: (weights, t, next, gradient) => {
        if (options.replace) {
          for (let k = 0; k < b; k++) batch[k] = random.randint(0, m);
        } else {
          batch.set(random.choice(m, b, false));
        }
        if (batches) batches.push(Array.from(batch));
        gradient.fill(0);
        let squares = 0;
        for (let k = 0; k < b; k++) {
          const row = batch[k] * d;
          let r = -targets[batch[k]];
          for (let j = 0; j < d; j++) r += a[row + j] * weights[j];
          squares += r * r;
          for (let j = 0; j < d; j++) gradient[j] += a[row + j] * r;
        }
        const eta = stepSize(options.schedule, t);
        for (let j = 0; j < d; j++) {
          gradient[j] /= b;
          next[j] = weights[j] - eta * gradient[j];
        }
        return squares / (2 * b);
      },
      fullLoss: (weights) => {
        let squares = 0;
        for (let i = 0; i < m; i++) {
          let r = -targets[i];
          for (let j = 0; j < d; j++) r += a[i * d + j] * weights[j];
          squares += r * r;
        }
        return squares / (2 * m);
      },
      stepLossIsFull: false,
    },
    initial,
    options,
  );
  // The last pass may draw a batch it never applies (the cap or a rule fired first).
  return batches ? { ...result, batches: batches.slice(0, result.iterations) } : result;
}
