/**
 * The squared-hinge linear classifier trained by stochastic gradient descent, S1 §2.2.2:
 *
 *   W⁽ᵗ⁺¹⁾ = W⁽ᵗ⁾                                  if y⁽ⁱ⁾ W⁽ᵗ⁾ᵀx⁽ⁱ⁾ ≥ 1,
 *   W⁽ᵗ⁺¹⁾ = W⁽ᵗ⁾ − ηₜ (W⁽ᵗ⁾ᵀx⁽ⁱ⁾ − y⁽ⁱ⁾) x⁽ⁱ⁾     otherwise,
 *
 * i drawn uniformly at step t, ηₜ = C/√t (§2.2's schedule) or constant. S1's Matlab
 * program (MiniSGD_for_Linear_Classification.m) is not in the text; nnref draws
 * i = `randint(0, n)` from a numpy-compatible `RandomState(seed)`, so a numpy script with
 * the same seed reproduces every step.
 *
 * W are the `weights`, C the `stepSize`, x⁽ⁱ⁾ the rows of `inputs` (include a constant-1
 * column for a bias), y⁽ⁱ⁾ ∈ {−1, +1} the `labels`.
 *
 * @module
 */

import type { Matrix } from "../linalg/matrix.ts";
import { requireLinearProblem, rowScore, startingWeights } from "../loss/_linear_problem.ts";
import { RandomState } from "../random/random_state.ts";
import { ShapeError } from "../errors.ts";
import {
  requireIterationCap,
  requireMatrix,
  requireNumberArray,
  requireObject,
  requireOneOf,
  requirePositive,
} from "../_util/validate.ts";

export type { Matrix } from "../linalg/matrix.ts";

/** Options of {@link trainSquaredHingeSgd}.
 * @category Classifiers */
export interface SquaredHingeSgdOptions {
  /** C > 0: the step size, or its scale in ηₜ = C/√t. */
  readonly stepSize: number;
  /** "inverseSqrt" (ηₜ = C/√t, default) or "constant" (ηₜ = C). */
  readonly schedule?: "inverseSqrt" | "constant";
  /** The most SGD steps T: an integer in [0, 10⁷]. */
  readonly maxIterations: number;
  /** Seed of the `RandomState` that draws the sample indices. */
  readonly seed: number;
  /** W⁰ (default 0). */
  readonly initialWeights?: ArrayLike<number>;
}

/** The outcome of {@link trainSquaredHingeSgd}.
 * @category Classifiers */
export interface SquaredHingeSgdResult {
  /** W after training. */
  readonly weights: Float64Array;
  /**
   * "converged": every margin y⁽ⁱ⁾Wᵀx⁽ⁱ⁾ ≥ 1 (C(W) = 0, so no later step moves W), checked
   * after every n steps; "diverged": a step would have made W non-finite (W is the last
   * finite iterate); "maxIterations": T steps made.
   */
  readonly status: "converged" | "diverged" | "maxIterations";
  /** Steps made. */
  readonly iterations: number;
  /** Steps that changed W (the sample had margin < 1). */
  readonly updates: number;
}

/**
 * Runs S1 §2.2.2's SGD for the squared-hinge loss.
 *
 * @param inputs X, n × d.
 * @param labels y, n entries, each ±1.
 * @param options C, the schedule, T, the seed and W⁰.
 * @returns W, the status, and the steps made.
 * @throws {InputTypeError} if X is not a Matrix, y not numbers or options not an object.
 * @throws {ShapeError} if shapes disagree or there are no samples.
 * @throws {NonFiniteError} if a value is not finite.
 * @throws {ArgumentRangeError} if a label is not ±1, C ≤ 0, T is not an integer in
 *   [0, 10⁷], the schedule is unknown or the seed is invalid.
 * @see fixtures/classify/squared_hinge_sgd.json
 *
 * @example Two separable points converge
 * ```ts
 * import { trainSquaredHingeSgd } from "@nnref/nnref/classify";
 * const x = { rows: 2, cols: 2, data: new Float64Array([1, 2, 1, -2]) };
 * const r = trainSquaredHingeSgd(x, [1, -1], { stepSize: 0.5, maxIterations: 1000, seed: 0 });
 * if (r.status !== "converged") throw new Error(r.status);
 * ```
 * @category Classifiers
 */
export function trainSquaredHingeSgd(
  inputs: Matrix,
  labels: ArrayLike<number>,
  options: SquaredHingeSgdOptions,
): SquaredHingeSgdResult {
  requireObject(options, "options");
  requireMatrix(inputs, "inputs");
  const n = inputs.rows, d = inputs.cols;
  const weights = startingWeights(
    options.initialWeights,
    inputs,
    "train the squared-hinge classifier",
  );
  requireLinearProblem(weights, inputs, labels, "train the squared-hinge classifier");
  requirePositive(options.stepSize, "stepSize (C)");
  requireIterationCap(options.maxIterations, "maxIterations");
  const schedule = options.schedule ?? "inverseSqrt";
  requireOneOf(schedule, ["inverseSqrt", "constant"], "schedule");
  const rng = new RandomState(options.seed);
  const x = inputs.data;
  let updates = 0;
  for (let t = 1; t <= options.maxIterations; t++) {
    const i = rng.randint(0, n);
    const score = rowScore(weights, inputs, i);
    const y = labels[i];
    if (y * score < 1) {
      const eta = schedule === "constant" ? options.stepSize : options.stepSize / Math.sqrt(t);
      const scale = eta * (score - y);
      let finite = true;
      for (let j = 0; j < d && finite; j++) {
        finite = Number.isFinite(weights[j] - scale * x[i * d + j]);
      }
      if (!finite) return { weights, status: "diverged", iterations: t - 1, updates };
      for (let j = 0; j < d; j++) weights[j] -= scale * x[i * d + j];
      updates++;
    }
    if (t % n === 0 && allMarginsAtLeastOne(weights, inputs, labels)) {
      return { weights, status: "converged", iterations: t, updates };
    }
  }
  return { weights, status: "maxIterations", iterations: options.maxIterations, updates };
}

function allMarginsAtLeastOne(
  weights: Float64Array,
  inputs: Matrix,
  labels: ArrayLike<number>,
): boolean {
  for (let i = 0; i < inputs.rows; i++) {
    if (labels[i] * rowScore(weights, inputs, i) < 1) return false;
  }
  return true;
}

/**
 * sgn(Wᵀx) for every row (S1 §1.4's sgn: 1, 0 or −1).
 *
 * @param weights W.
 * @param inputs X, n × d.
 * @returns n values in {−1, 0, 1} (0 also where Wᵀx is NaN).
 * @throws {InputTypeError} if W is not an array of numbers or X not a Matrix.
 * @throws {ShapeError} if W and X disagree in d.
 *
 * @example
 * ```ts
 * import { linearSign } from "@nnref/nnref/classify";
 * const x = { rows: 2, cols: 1, data: new Float64Array([2, -3]) };
 * if (linearSign([1], x).join() !== "1,-1") throw new Error("sgn");
 * ```
 * @category Classifiers
 */
export function linearSign(weights: ArrayLike<number>, inputs: Matrix): number[] {
  requireNumberArray(weights, "weights");
  requireMatrix(inputs, "inputs");
  if (weights.length !== inputs.cols) {
    throw new ShapeError(
      `Cannot classify: weights has ${weights.length} entries but inputs has ${inputs.cols} columns`,
    );
  }
  const out: number[] = [];
  for (let i = 0; i < inputs.rows; i++) {
    const s = rowScore(weights, inputs, i);
    out.push(s > 0 ? 1 : s < 0 ? -1 : 0);
  }
  return out;
}
