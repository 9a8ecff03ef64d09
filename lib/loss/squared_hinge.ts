/**
 * The squared-hinge loss of a linear classifier (S1 §1.4, the second G):
 *
 *   G(m) = ½ (max{0, 1 − m})², m = y Wᵀx (the margin, 间隔),
 *   C(W) = (1/(2n)) Σᵢ (max{0, 1 − y⁽ⁱ⁾ Wᵀx⁽ⁱ⁾})²,
 *   ∇Cᵢ(W) = 0 if y⁽ⁱ⁾Wᵀx⁽ⁱ⁾ ≥ 1, else (Wᵀx⁽ⁱ⁾ − y⁽ⁱ⁾) x⁽ⁱ⁾   (1.7)
 *
 * with labels y ∈ {−1, +1} (so y² = 1, which turns −(1 − yWᵀx) y x into (Wᵀx − y) x).
 * W are the `weights`, x⁽ⁱ⁾ the rows of `inputs` (a bias is a constant-1 column).
 *
 * @module
 */

import type { Matrix } from "../linalg/matrix.ts";
import { ArgumentRangeError, InputTypeError, ShapeError } from "../errors.ts";
import { describeValue, requireInteger, requireNumber } from "../_util/validate.ts";

export type { Matrix } from "../linalg/matrix.ts";
import { requireLinearProblem, rowScore } from "./_linear_problem.ts";

/**
 * G(m) = ½ (max{0, 1 − m})².
 *
 * @param margin m = y Wᵀx.
 * @returns G(m) ≥ 0; 0 for m ≥ 1 (NaN for NaN).
 * @throws {InputTypeError} if the margin is not a number.
 *
 * @example
 * ```ts
 * import { squaredHinge } from "@nnref/nnref/loss";
 * if (squaredHinge(1) !== 0 || squaredHinge(0) !== 0.5 || squaredHinge(-1) !== 2) throw new Error("G");
 * ```
 * @category Loss functions
 */
export function squaredHinge(margin: number): number {
  requireNumber(margin, "margin");
  const slack = 1 - margin;
  return slack > 0 ? 0.5 * slack * slack : slack <= 0 ? 0 : NaN;
}

/**
 * C(W) = (1/(2n)) Σᵢ (max{0, 1 − y⁽ⁱ⁾ Wᵀx⁽ⁱ⁾})², S1 §1.4.
 *
 * @param weights W, d entries.
 * @param inputs X, n × d, one sample per row.
 * @param labels y, n entries, each −1 or +1.
 * @returns C(W).
 * @throws {InputTypeError} if W or y is not an array of numbers or X not a Matrix.
 * @throws {ShapeError} if shapes disagree or there are no samples.
 * @throws {NonFiniteError} if a value is not finite.
 * @throws {ArgumentRangeError} if a label is not ±1.
 * @see fixtures/loss/squared_hinge.json
 *
 * @example
 * ```ts
 * import { squaredHingeCost } from "@nnref/nnref/loss";
 * const x = { rows: 2, cols: 1, data: new Float64Array([1, 1]) };
 * if (squaredHingeCost([0], x, [1, -1]) !== 0.5) throw new Error("(1/4)(1 + 1)");
 * ```
 * @category Loss functions
 */
export function squaredHingeCost(
  weights: ArrayLike<number>,
  inputs: Matrix,
  labels: ArrayLike<number>,
): number {
  requireLinearProblem(weights, inputs, labels, "compute the squared-hinge cost");
  let sum = 0;
  for (let i = 0; i < inputs.rows; i++) {
    sum += squaredHinge(labels[i] * rowScore(weights, inputs, i));
  }
  return sum / inputs.rows;
}

/**
 * ∇Cᵢ(W) of one sample, (1.7): 0 if y Wᵀx ≥ 1, else (Wᵀx − y) x.
 *
 * @param weights W, d entries.
 * @param inputs X, n × d.
 * @param labels y, each ±1.
 * @param sample i, the row.
 * @param out Optional buffer of d entries.
 * @returns ∇Cᵢ(W).
 * @throws {InputTypeError}, {ShapeError}, {NonFiniteError}, {ArgumentRangeError} as
 *   {@link squaredHingeCost}, or if `sample` is not a row index or `out` not a
 *   Float64Array of d entries.
 *
 * @example Margin 0 < 1: the gradient is (0 − 1)·x
 * ```ts
 * import { squaredHingeSampleGradient } from "@nnref/nnref/loss";
 * const x = { rows: 1, cols: 2, data: new Float64Array([2, 3]) };
 * const g = squaredHingeSampleGradient([0, 0], x, [1], 0);
 * if (g[0] !== -2 || g[1] !== -3) throw new Error("(Wᵀx − y) x");
 * ```
 * @category Loss functions
 */
export function squaredHingeSampleGradient(
  weights: ArrayLike<number>,
  inputs: Matrix,
  labels: ArrayLike<number>,
  sample: number,
  out?: Float64Array,
): Float64Array {
  requireLinearProblem(weights, inputs, labels, "compute the squared-hinge gradient");
  requireInteger(sample, "sample", 0);
  if (sample >= inputs.rows) {
    throw new ArgumentRangeError(
      `sample must be a row index in [0, ${inputs.rows}), got ${sample}`,
    );
  }
  const d = inputs.cols;
  if (out !== undefined && !(out instanceof Float64Array)) {
    throw new InputTypeError(`out must be a Float64Array, got ${describeValue(out)}`);
  }
  const g = out ?? new Float64Array(d);
  if (g.length !== d) {
    throw new ShapeError(
      `Cannot write the squared-hinge gradient: out has ${g.length} entries but weights has ${d}`,
    );
  }
  const score = rowScore(weights, inputs, sample);
  const y = labels[sample];
  const scale = y * score >= 1 ? 0 : score - y;
  for (let j = 0; j < d; j++) g[j] = scale * inputs.data[sample * d + j];
  return g;
}

/**
 * ∇C(W) = (1/n) Σᵢ ∇Cᵢ(W), the full gradient of {@link squaredHingeCost}.
 *
 * @param weights W.
 * @param inputs X, n × d.
 * @param labels y, each ±1.
 * @returns ∇C(W), d entries.
 * @throws {InputTypeError}, {ShapeError}, {NonFiniteError}, {ArgumentRangeError} as
 *   {@link squaredHingeCost}.
 *
 * @example
 * ```ts
 * import { squaredHingeGradient } from "@nnref/nnref/loss";
 * const x = { rows: 2, cols: 1, data: new Float64Array([1, 1]) };
 * if (squaredHingeGradient([0], x, [1, -1])[0] !== 0) throw new Error("(−1 + 1)/2");
 * ```
 * @category Loss functions
 */
export function squaredHingeGradient(
  weights: ArrayLike<number>,
  inputs: Matrix,
  labels: ArrayLike<number>,
): Float64Array {
  requireLinearProblem(weights, inputs, labels, "compute the squared-hinge gradient");
  const d = inputs.cols;
  const g = new Float64Array(d);
  for (let i = 0; i < inputs.rows; i++) {
    const score = rowScore(weights, inputs, i);
    if (labels[i] * score >= 1) continue;
    const scale = score - labels[i];
    for (let j = 0; j < d; j++) g[j] += scale * inputs.data[i * d + j];
  }
  for (let j = 0; j < d; j++) g[j] /= inputs.rows;
  return g;
}
