/**
 * Rosenblatt's perceptron, S1 §3.1: ŷ = 1 if Wᵀx + b > 0, else −1, labels y ∈ {−1, +1},
 * and for a sample that needs correcting W ← W + η(y − ŷ)x, b ← b + η(y − ŷ).
 *
 * Two rules decide which samples "need correcting":
 *
 * - `"asPrinted"`: S1's step 3 literally, y Wᵀx < 0 (no bias, strict). From the
 *   initialisation the text suggests (W = 0, b = 0) every y Wᵀx is 0, nothing is ever
 *   updated, while step 2 keeps finding misclassified samples: the printed algorithm
 *   never stops. Here it stops at `maxEpochs` and says so.
 * - `"misclassified"` (the corrected rule): ŷ ≠ y, which is what step 2 tests. On
 *   linearly separable data it converges (Novikoff); on non-separable data it stops at
 *   `maxEpochs`.
 *
 * W are the `weights`, b the `bias`, η the `learningRate`, x⁽ⁱ⁾ the rows of `inputs`.
 *
 * @module
 */

import type { Matrix } from "../linalg/matrix.ts";
import { requireLinearProblem, startingWeights } from "../loss/_linear_problem.ts";
import { ShapeError } from "../errors.ts";
import {
  requireFiniteNumber,
  requireIterationCap,
  requireNumber,
  requireNumberArray,
  requireObject,
  requireOneOf,
  requirePositive,
} from "../_util/validate.ts";

export type { Matrix } from "../linalg/matrix.ts";

/** Which samples the perceptron updates on (see the module doc).
 * @category Classifiers */
export type PerceptronRule = "asPrinted" | "misclassified";

/** Options of {@link trainPerceptron}.
 * @category Classifiers */
export interface PerceptronOptions {
  /** η > 0. S1 leaves it free; the result's sign pattern does not depend on it from W = 0. */
  readonly learningRate: number;
  /** The most passes over the data (S1's step 3) before giving up: an integer in [0, 10⁷]. */
  readonly maxEpochs: number;
  /** "misclassified" (default, corrected) or "asPrinted" (S1's y Wᵀx < 0). */
  readonly rule?: PerceptronRule;
  /** W⁰ (default 0, S1 step 1). */
  readonly initialWeights?: ArrayLike<number>;
  /** b⁰ (default 0). */
  readonly initialBias?: number;
}

/** The outcome of {@link trainPerceptron}.
 * @category Classifiers */
export interface PerceptronResult {
  /** W after training. */
  readonly weights: Float64Array;
  /** b after training. */
  readonly bias: number;
  /**
   * "converged": every sample classified correctly; "diverged": an update would have made
   * W or b non-finite (η too large: W and b are the last finite values); "maxEpochs":
   * stopped without either.
   */
  readonly status: "converged" | "diverged" | "maxEpochs";
  /** Full passes made (step 3 executions). */
  readonly epochs: number;
  /** Number of individual updates applied. */
  readonly updates: number;
  /** Number of samples still misclassified at the end. */
  readonly misclassified: number;
}

/**
 * ŷ = 1 if Wᵀx + b > 0, else −1 (S1 §3.1; note that Wᵀx + b = 0 gives −1).
 *
 * @param weights W.
 * @param bias b.
 * @param input x, as many entries as W.
 * @returns 1 or −1.
 * @throws {InputTypeError} if W or x is not an array of numbers or b not a number.
 * @throws {ShapeError} if W and x differ in length.
 *
 * @example
 * ```ts
 * import { perceptronPredict } from "@nnref/nnref/classify";
 * if (perceptronPredict([1, -1], 0, [2, 1]) !== 1) throw new Error("2 − 1 > 0");
 * if (perceptronPredict([0, 0], 0, [2, 1]) !== -1) throw new Error("0 is not > 0");
 * ```
 * @category Classifiers
 */
export function perceptronPredict(
  weights: ArrayLike<number>,
  bias: number,
  input: ArrayLike<number>,
): number {
  requireNumberArray(weights, "weights");
  requireNumber(bias, "bias");
  requireNumberArray(input, "input");
  if (weights.length !== input.length) {
    throw new ShapeError(
      `Cannot predict: weights has ${weights.length} entries but input has ${input.length}`,
    );
  }
  let s = bias;
  for (let j = 0; j < weights.length; j++) s += weights[j] * input[j];
  return s > 0 ? 1 : -1;
}

function row(inputs: Matrix, i: number): Float64Array {
  return inputs.data.subarray(i * inputs.cols, (i + 1) * inputs.cols);
}

function countMisclassified(
  weights: Float64Array,
  bias: number,
  inputs: Matrix,
  labels: ArrayLike<number>,
): number {
  let count = 0;
  for (let i = 0; i < inputs.rows; i++) {
    if (perceptronPredict(weights, bias, row(inputs, i)) !== labels[i]) count++;
  }
  return count;
}

/**
 * Trains a perceptron by S1 §3.1's loop: (2) stop if every sample is classified
 * correctly; (3) pass over the samples in order, updating each that needs it; repeat.
 * Never loops forever: after `maxEpochs` passes (at most 10⁷) it returns with status
 * "maxEpochs", and an update that would make W or b non-finite (η = 1e308 on XOR) ends
 * the run as "diverged" with the last finite W and b.
 *
 * @param inputs X, n × d, one sample per row.
 * @param labels y, n entries, each −1 or +1.
 * @param options η, maxEpochs, the rule, W⁰ and b⁰.
 * @returns W, b, the status, the passes and updates made, and how many samples are
 *   still misclassified.
 * @throws {InputTypeError} if X is not a Matrix, y not numbers or options not an object.
 * @throws {ShapeError} if shapes disagree or there are no samples.
 * @throws {NonFiniteError} if a value is not finite.
 * @throws {ArgumentRangeError} if a label is not ±1, η ≤ 0, maxEpochs is not an integer in
 *   [0, 10⁷] or the rule is unknown.
 * @see fixtures/classify/perceptron.json
 *
 * @example AND on ±1 labels is separable; the printed rule never moves from W = 0
 * ```ts
 * import { trainPerceptron } from "@nnref/nnref/classify";
 * const x = { rows: 4, cols: 2, data: new Float64Array([0, 0, 0, 1, 1, 0, 1, 1]) };
 * const y = [-1, -1, -1, 1];
 * const fixed = trainPerceptron(x, y, { learningRate: 1, maxEpochs: 100 });
 * if (fixed.status !== "converged") throw new Error("separable data converge");
 * const printed = trainPerceptron(x, y, { learningRate: 1, maxEpochs: 100, rule: "asPrinted" });
 * if (printed.status !== "maxEpochs" || printed.updates !== 0) throw new Error("y·0 < 0 never holds");
 * ```
 * @category Classifiers
 */
export function trainPerceptron(
  inputs: Matrix,
  labels: ArrayLike<number>,
  options: PerceptronOptions,
): PerceptronResult {
  requireObject(options, "options");
  const weights = startingWeights(options.initialWeights, inputs, "train a perceptron");
  const d = inputs.cols;
  let bias = options.initialBias ?? 0;
  requireLinearProblem(weights, inputs, labels, "train a perceptron");
  requirePositive(options.learningRate, "learningRate (η)");
  requireIterationCap(options.maxEpochs, "maxEpochs");
  requireFiniteNumber(bias, "initialBias");
  const rule = options.rule ?? "misclassified";
  requireOneOf(rule, ["asPrinted", "misclassified"], "rule");
  const eta = options.learningRate;
  let epochs = 0, updates = 0;
  while (true) {
    const wrong = countMisclassified(weights, bias, inputs, labels);
    if (wrong === 0) {
      return { weights, bias, status: "converged", epochs, updates, misclassified: 0 };
    }
    if (epochs === options.maxEpochs) {
      return { weights, bias, status: "maxEpochs", epochs, updates, misclassified: wrong };
    }
    for (let i = 0; i < inputs.rows; i++) {
      const x = row(inputs, i), y = labels[i];
      const predicted = perceptronPredict(weights, bias, x);
      let update: boolean;
      if (rule === "misclassified") {
        update = predicted !== y;
      } else {
        let score = 0;
        for (let j = 0; j < d; j++) score += weights[j] * x[j];
        update = y * score < 0;
      }
      if (!update) continue;
      const step = eta * (y - predicted);
      // Divergence: a step that overflows leaves W and b at their last finite values.
      let finite = Number.isFinite(bias + step);
      for (let j = 0; j < d && finite; j++) finite = Number.isFinite(weights[j] + step * x[j]);
      if (!finite) {
        const misclassified = countMisclassified(weights, bias, inputs, labels);
        return { weights, bias, status: "diverged", epochs, updates, misclassified };
      }
      for (let j = 0; j < d; j++) weights[j] += step * x[j];
      bias += step;
      updates++;
    }
    epochs++;
  }
}

/**
 * One perceptron update on a misclassified sample and what it does to the margin, S1
 * §3.1's proof: yW_newᵀx = yW_oldᵀx + C with C = η(y² − yŷ)xᵀx; with the bias included
 * the margin y(Wᵀx + b) grows by η(y² − yŷ)(xᵀx + 1).
 *
 * @param weights W_old.
 * @param bias b_old.
 * @param input x.
 * @param label y, ±1.
 * @param learningRate η > 0.
 * @returns The new W and b, ŷ, and the margins yWᵀx and y(Wᵀx + b) before and after.
 * @throws {InputTypeError} if W or x is not an array of numbers, b or y not a number.
 * @throws {ShapeError} if the lengths differ.
 * @throws {NonFiniteError} if a value is not finite.
 * @throws {ArgumentRangeError} if y is not ±1 or η ≤ 0.
 *
 * @example A misclassified sample: C = η(1 − (−1))xᵀx = 2ηxᵀx
 * ```ts
 * import { perceptronStep } from "@nnref/nnref/classify";
 * const u = perceptronStep([0, 0], 0, [3, 4], 1, 0.5);
 * if (u.marginAfter - u.marginBefore !== 2 * 0.5 * 25) throw new Error("C = 2ηxᵀx = 25");
 * ```
 * @category Classifiers
 */
export function perceptronStep(
  weights: ArrayLike<number>,
  bias: number,
  input: ArrayLike<number>,
  label: number,
  learningRate: number,
): {
  weights: Float64Array;
  bias: number;
  predicted: number;
  marginBefore: number;
  marginAfter: number;
  marginWithBiasBefore: number;
  marginWithBiasAfter: number;
} {
  requireNumberArray(input, "input");
  requireNumber(label, "label");
  const x = { rows: 1, cols: input.length, data: Float64Array.from(input) };
  requireLinearProblem(weights, x, [label], "take a perceptron step");
  requireFiniteNumber(bias, "bias");
  requirePositive(learningRate, "learningRate (η)");
  const margin = (w: ArrayLike<number>) => {
    let s = 0;
    for (let j = 0; j < w.length; j++) s += w[j] * input[j];
    return label * s;
  };
  const predicted = perceptronPredict(weights, bias, input);
  const step = learningRate * (label - predicted);
  const next = Float64Array.from(weights, (w, j) => w + step * input[j]);
  return {
    weights: next,
    bias: bias + step,
    predicted,
    marginBefore: margin(weights),
    marginAfter: margin(next),
    marginWithBiasBefore: margin(weights) + label * bias,
    marginWithBiasAfter: margin(next) + label * (bias + step),
  };
}
