/**
 * Stochastic and mini-batch gradient descent for least squares (S1 (2.2)–(2.3)):
 * W⁽ᵗ⁺¹⁾ = W⁽ᵗ⁾ − (ηₜ/b) Σ_{i∈Bₜ} (xᵢᵀW⁽ᵗ⁾ − yᵢ)xᵢ, with the batch Bₜ of b samples drawn
 * by a seeded {@link RandomState}, with or without replacement, and ηₜ from a
 * {@link StepSchedule}. Runs through the same loop as batch GD (`descent.ts`).
 *
 * @module
 */

import { InputTypeError, ShapeError } from "../errors.ts";
import { describeValue, requireBoolean, requireInteger, requireObject } from "../_util/validate.ts";
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
   * With replacement (S1's MATLAB `randi`): b draws of `randint(0, m)`. Without: b
   * distinct samples per update, by a partial Fisher–Yates shuffle of a pool of the m
   * indices kept across updates (for k = 0 … b − 1: j = `randint(k, m)`, swap pool[k] and
   * pool[j], take pool[k]): O(b) per update, where numpy's legacy `choice(m, b, False)`
   * shuffles all m. A numpy script reproduces it with the same `RandomState` and the same
   * loop over `np.arange(m)`.
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
 * @throws {InputTypeError} if X is not a Matrix, y not numbers, an option has the wrong
 *   type, or not exactly one of `seed` and `random` is given.
 * @throws {ShapeError} for mismatched lengths, empty data or W⁽⁰⁾ of the wrong length, or
 *   a batch larger than m without replacement.
 * @throws {NonFiniteError} for non-finite data.
 * @throws {ArgumentRangeError} for a batch size that is not a positive integer, a bad
 *   schedule, or `maxIterations` not an integer in [1, 10⁷].
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
  requireObject(options, "options");
  const m = x.rows, d = x.cols, a = x.data;
  const targets = Float64Array.from(y);
  validateStepSchedule(options.schedule);
  requireInteger(options.batchSize, "batchSize", 1);
  const b = options.batchSize;
  requireBoolean(options.replace, "Cannot run SGD: replace");
  if (!options.replace && b > m) {
    throw new ShapeError(
      `Cannot run SGD: batch size ${b} is larger than the ${m} samples, which sampling without replacement cannot draw`,
    );
  }
  if ((options.seed === undefined) === (options.random === undefined)) {
    throw new InputTypeError("Cannot run SGD: give exactly one of seed and random");
  }
  if (options.random !== undefined && !(options.random instanceof RandomState)) {
    throw new InputTypeError(
      `Cannot run SGD: random must be a RandomState, got ${describeValue(options.random)}`,
    );
  }
  const random = options.random ?? new RandomState(options.seed as number);
  const initial = options.initialWeights ?? new Float64Array(d);
  requireWeights(initial, d, "run SGD");
  const batches: number[][] | undefined = options.recordBatches ? [] : undefined;
  const batch = new Int32Array(b);
  // Without replacement: a pool holding a permutation of 0 … m − 1, partially shuffled at
  // each update (O(b)); its first b entries are the batch.
  const pool = options.replace ? null : Int32Array.from({ length: m }, (_, i) => i);

  const result = runDescent(
    {
      step: (weights, t, next, gradient) => {
        if (options.replace) {
          for (let k = 0; k < b; k++) batch[k] = random.randint(0, m);
        } else {
          const p = pool as Int32Array;
          for (let k = 0; k < b; k++) {
            const j = random.randint(k, m);
            const picked = p[j];
            p[j] = p[k];
            p[k] = picked;
            batch[k] = picked;
          }
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
