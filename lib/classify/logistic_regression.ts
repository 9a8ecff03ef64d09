/**
 * Logistic regression, S2 "Logistic Regression分类器": P(y = 1 | x) = σ(kᵀx), labels
 * y ∈ {0, 1}, and the flow S2 gives for training it:
 *
 *   likelihood  Πᵢ σ(kᵀx⁽ⁱ⁾)^{y⁽ⁱ⁾} (1 − σ(kᵀx⁽ⁱ⁾))^{1−y⁽ⁱ⁾},
 *   loss        C(k) = −Σᵢ [y⁽ⁱ⁾ log σ(kᵀx⁽ⁱ⁾) + (1 − y⁽ⁱ⁾) log(1 − σ(kᵀx⁽ⁱ⁾))],
 *   gradient    ∂C/∂kⱼ = Σᵢ (σ(kᵀx⁽ⁱ⁾) − y⁽ⁱ⁾) xⱼ⁽ⁱ⁾,
 *   step        g = Σᵢ (y⁽ⁱ⁾ − σ(kᵀx⁽ⁱ⁾)) x⁽ⁱ⁾,  k ← k + αg.
 *
 * k are the `weights` (S2's k, θ), x⁽ⁱ⁾ the rows of `inputs` (with x₀ = 1 for the
 * intercept k₀ — S2 prints x₀ = 0, an erratum), α the `learningRate`.
 *
 * @module
 */

import type { Matrix } from "../linalg/matrix.ts";
import {
  requireIterationCap,
  requireMatrix,
  requireNonNegative,
  requireObject,
  requirePositive,
} from "../_util/validate.ts";
import { sigmoid } from "../activation/sigmoid.ts";
import { requireLinearProblem, rowScore, startingWeights } from "../loss/_linear_problem.ts";
import { softplus } from "../loss/_softplus.ts";

export type { Matrix } from "../linalg/matrix.ts";

/**
 * σ(kᵀx) for every row: P(y = 1 | x), S2's inference step.
 *
 * @param weights k.
 * @param inputs X, n × d.
 * @returns n probabilities.
 * @throws {InputTypeError} if k is not an array of numbers or X not a Matrix.
 * @throws {ShapeError} if k and X disagree in d; {NonFiniteError} if a value is not finite.
 *
 * @example
 * ```ts
 * import { logisticProbabilities } from "@nnref/nnref/classify";
 * const x = { rows: 1, cols: 2, data: new Float64Array([1, 2]) };
 * if (logisticProbabilities([1, -0.5], x)[0] !== 0.5) throw new Error("σ(0)");
 * ```
 * @category Classifiers
 */
export function logisticProbabilities(weights: ArrayLike<number>, inputs: Matrix): Float64Array {
  requireMatrix(inputs, "inputs");
  const labels = new Float64Array(inputs.rows);
  requireLinearProblem(weights, inputs, labels, "compute logistic probabilities", "binary");
  return Float64Array.from(labels, (_, i) => sigmoid(rowScore(weights, inputs, i)));
}

/**
 * C(k) = −Σᵢ [y⁽ⁱ⁾ log σ(kᵀx⁽ⁱ⁾) + (1 − y⁽ⁱ⁾) log(1 − σ(kᵀx⁽ⁱ⁾))], the negative
 * log-likelihood, computed from the scores so it stays finite (−log σ(s) = ln(1 + e^(−s))).
 *
 * @param weights k.
 * @param inputs X, n × d.
 * @param labels y, n entries, each 0 or 1.
 * @returns C(k) ≥ 0.
 * @throws {InputTypeError} if k or y is not an array of numbers or X not a Matrix.
 * @throws {ShapeError} if shapes disagree or there are no samples.
 * @throws {NonFiniteError} if a value is not finite.
 * @throws {ArgumentRangeError} if a label is not 0 or 1.
 * @see fixtures/loss/softmax_ce.json
 *
 * @example At k = 0 every sample costs ln 2
 * ```ts
 * import { logisticCost } from "@nnref/nnref/classify";
 * const x = { rows: 2, cols: 1, data: new Float64Array([1, 1]) };
 * if (logisticCost([0], x, [0, 1]) !== 2 * Math.LN2) throw new Error("2 ln 2");
 * ```
 * @category Classifiers
 */
export function logisticCost(
  weights: ArrayLike<number>,
  inputs: Matrix,
  labels: ArrayLike<number>,
): number {
  requireLinearProblem(weights, inputs, labels, "compute the logistic cost", "binary");
  let c = 0;
  for (let i = 0; i < inputs.rows; i++) {
    const s = rowScore(weights, inputs, i);
    c += labels[i] === 1 ? softplus(-s) : softplus(s);
  }
  return c;
}

/**
 * The likelihood Πᵢ σ(kᵀx⁽ⁱ⁾)^{y⁽ⁱ⁾}(1 − σ(kᵀx⁽ⁱ⁾))^{1−y⁽ⁱ⁾} = e^(−C(k)). Underflows to
 * 0 for large data sets, which is why S2 maximises its logarithm instead. Each factor
 * 1 − σ(s) is evaluated as σ(−s), never by the subtraction, which cancels for large s
 * (1 − σ(30) comes out as 9.348077867343818e−14 for 9.357622968839299e−14).
 *
 * @param weights k.
 * @param inputs X, n × d.
 * @param labels y, each 0 or 1.
 * @returns The likelihood in [0, 1].
 * @throws {InputTypeError}, {ShapeError}, {NonFiniteError}, {ArgumentRangeError} as
 *   {@link logisticCost}.
 *
 * @example
 * ```ts
 * import { logisticLikelihood } from "@nnref/nnref/classify";
 * const x = { rows: 2, cols: 1, data: new Float64Array([1, 1]) };
 * if (logisticLikelihood([0], x, [0, 1]) !== 0.25) throw new Error("½ · ½");
 * ```
 * @category Classifiers
 */
export function logisticLikelihood(
  weights: ArrayLike<number>,
  inputs: Matrix,
  labels: ArrayLike<number>,
): number {
  requireLinearProblem(weights, inputs, labels, "compute the logistic likelihood", "binary");
  let p = 1;
  for (let i = 0; i < inputs.rows; i++) {
    const s = rowScore(weights, inputs, i);
    p *= labels[i] === 1 ? sigmoid(s) : sigmoid(-s);
  }
  return p;
}

/**
 * ∂C/∂k = Σᵢ (σ(kᵀx⁽ⁱ⁾) − y⁽ⁱ⁾) x⁽ⁱ⁾ (S2's last line without its stray leading minus).
 *
 * @param weights k.
 * @param inputs X, n × d.
 * @param labels y, each 0 or 1.
 * @returns ∂C/∂k, d entries.
 * @throws {InputTypeError}, {ShapeError}, {NonFiniteError}, {ArgumentRangeError} as
 *   {@link logisticCost}.
 *
 * @example
 * ```ts
 * import { logisticCostGradient } from "@nnref/nnref/classify";
 * const x = { rows: 2, cols: 1, data: new Float64Array([1, 1]) };
 * if (logisticCostGradient([0], x, [1, 1])[0] !== -1) throw new Error("2(½ − 1)");
 * ```
 * @category Classifiers
 */
export function logisticCostGradient(
  weights: ArrayLike<number>,
  inputs: Matrix,
  labels: ArrayLike<number>,
): Float64Array {
  requireLinearProblem(weights, inputs, labels, "compute the logistic gradient", "binary");
  const g = new Float64Array(inputs.cols);
  for (let i = 0; i < inputs.rows; i++) {
    const r = sigmoid(rowScore(weights, inputs, i)) - labels[i];
    for (let j = 0; j < inputs.cols; j++) g[j] += r * inputs.data[i * inputs.cols + j];
  }
  return g;
}

/** Options of {@link trainLogisticRegression}.
 * @category Classifiers */
export interface LogisticRegressionOptions {
  /** α > 0. */
  readonly learningRate: number;
  /** The most steps: an integer in [0, 10⁷]. */
  readonly maxIterations: number;
  /** Stop when every |gⱼ| ≤ tolerance (default 0: run all steps unless g = 0). */
  readonly tolerance?: number;
  /** k⁰ (default 0; S2 initialises randomly). */
  readonly initialWeights?: ArrayLike<number>;
}

/** The outcome of {@link trainLogisticRegression}.
 * @category Classifiers */
export interface LogisticRegressionResult {
  /** k after training. */
  readonly weights: Float64Array;
  /**
   * "converged": max |gⱼ| ≤ tolerance; "diverged": the next step would have made k
   * non-finite (k is the last finite iterate); else "maxIterations".
   */
  readonly status: "converged" | "diverged" | "maxIterations";
  /** Steps made. */
  readonly iterations: number;
  /** max |gⱼ| at the returned k (finite, even when the run diverged). */
  readonly gradientNorm: number;
}

/**
 * S2's training flow: g = Σᵢ (y⁽ⁱ⁾ − σ(kᵀx⁽ⁱ⁾)) x⁽ⁱ⁾, k ← k + αg, repeated — gradient
 * ascent on the log-likelihood, i.e. gradient descent on C(k).
 *
 * @param inputs X, n × d (a constant-1 column for the intercept).
 * @param labels y, each 0 or 1.
 * @param options α, the step limit, the tolerance and k⁰.
 * @returns k, the status, steps made and the final max |gⱼ|.
 * @throws {InputTypeError}, {ShapeError}, {NonFiniteError}, {ArgumentRangeError} as
 *   {@link logisticCost}.
 * @throws {InputTypeError} if options is not an object.
 * @throws {ArgumentRangeError} if α ≤ 0, maxIterations is not an integer in [0, 10⁷] or
 *   the tolerance is negative.
 * @see fixtures/loss/softmax_ce.json
 *
 * @example
 * ```ts
 * import { trainLogisticRegression } from "@nnref/nnref/classify";
 * const x = { rows: 3, cols: 2, data: new Float64Array([1, 0, 1, 1, 1, 2]) };
 * const r = trainLogisticRegression(x, [0, 1, 0], { learningRate: 0.5, maxIterations: 500, tolerance: 1e-10 });
 * if (r.status !== "converged") throw new Error(r.status);
 * ```
 * @category Classifiers
 */
export function trainLogisticRegression(
  inputs: Matrix,
  labels: ArrayLike<number>,
  options: LogisticRegressionOptions,
): LogisticRegressionResult {
  requireObject(options, "options");
  const weights = startingWeights(options.initialWeights, inputs, "train logistic regression");
  const d = inputs.cols;
  requireLinearProblem(weights, inputs, labels, "train logistic regression", "binary");
  requirePositive(options.learningRate, "learningRate (α)");
  requireIterationCap(options.maxIterations, "maxIterations");
  const tolerance = options.tolerance ?? 0;
  requireNonNegative(tolerance, "tolerance");
  const g = new Float64Array(d);
  const ascent = () => {
    g.fill(0);
    for (let i = 0; i < inputs.rows; i++) {
      const r = labels[i] - sigmoid(rowScore(weights, inputs, i));
      for (let j = 0; j < d; j++) g[j] += r * inputs.data[i * d + j];
    }
    let norm = 0;
    for (let j = 0; j < d; j++) norm = Math.max(norm, Math.abs(g[j]));
    return norm;
  };
  let norm = ascent();
  const next = new Float64Array(d);
  for (let t = 0; t < options.maxIterations; t++) {
    if (norm <= tolerance) {
      return { weights, status: "converged", iterations: t, gradientNorm: norm };
    }
    let finite = true;
    for (let j = 0; j < d; j++) {
      next[j] = weights[j] + options.learningRate * g[j];
      if (!Number.isFinite(next[j])) finite = false;
    }
    if (!finite) return { weights, status: "diverged", iterations: t, gradientNorm: norm };
    weights.set(next);
    norm = ascent();
  }
  const status = norm <= tolerance ? "converged" : "maxIterations";
  return { weights, status, iterations: options.maxIterations, gradientNorm: norm };
}
