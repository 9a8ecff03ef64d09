/**
 * Shape and label checks, the starting weights and the score Wᵀx⁽ⁱ⁾ for linear classifiers
 * (weights W, inputs X one sample per row, labels ±1 or 0/1). Private: shared by the
 * squared-hinge loss and lib/classify.
 *
 * @module
 */

import type { Matrix } from "../linalg/matrix.ts";
import { ArgumentRangeError, ShapeError } from "../errors.ts";
import { requireFinite, requireMatrix, requireNumberArray } from "../_util/validate.ts";

/** Which labels a classifier takes: "signed" −1/+1 (perceptron, hinge), "binary" 0/1 (logistic). */
export type LabelSet = "signed" | "binary";

/**
 * Throws unless inputs is n×d with n ≥ 1, weights has d entries, everything is finite
 * and every label is in the label set (−1 or +1 by default).
 *
 * @throws {InputTypeError} if weights or labels is not an array of numbers, or inputs not
 *   a Matrix.
 * @throws {ShapeError} "Cannot <what>: …" naming the mismatch.
 * @throws {NonFiniteError} if a weight or input is not finite.
 * @throws {ArgumentRangeError} if a label is not in the label set.
 */
export function requireLinearProblem(
  weights: ArrayLike<number>,
  inputs: Matrix,
  labels: ArrayLike<number>,
  what: string,
  labelSet: LabelSet = "signed",
): void {
  requireNumberArray(weights, "weights");
  requireMatrix(inputs, "inputs");
  requireNumberArray(labels, "labels");
  if (inputs.rows === 0) throw new ShapeError(`Cannot ${what}: there are no samples`);
  if (weights.length !== inputs.cols) {
    throw new ShapeError(
      `Cannot ${what}: weights has ${weights.length} entries but inputs has ${inputs.cols} columns`,
    );
  }
  if (labels.length !== inputs.rows) {
    throw new ShapeError(
      `Cannot ${what}: labels has ${labels.length} entries but inputs has ${inputs.rows} rows`,
    );
  }
  requireFinite(weights, `${what}: weights`);
  requireFinite(inputs.data, `${what}: inputs`);
  const [low, high] = labelSet === "signed" ? [-1, 1] : [0, 1];
  const expected = labelSet === "signed" ? "−1 or +1" : "0 or 1";
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== low && labels[i] !== high) {
      throw new ArgumentRangeError(
        `Cannot ${what}: labels must be ${expected}, but label ${i} is ${labels[i]}`,
      );
    }
  }
}

/**
 * A fresh copy of W⁰, or d zeros when there is none.
 *
 * @throws {InputTypeError} if initialWeights is not an array of numbers.
 * @throws {ShapeError} "Cannot <what>: initialWeights has … entries but inputs has d columns".
 */
export function startingWeights(
  initialWeights: ArrayLike<number> | undefined,
  inputs: Matrix,
  what: string,
): Float64Array {
  requireMatrix(inputs, "inputs");
  const d = inputs.cols;
  if (initialWeights !== undefined) requireNumberArray(initialWeights, "initialWeights");
  if (initialWeights !== undefined && initialWeights.length !== d) {
    throw new ShapeError(
      `Cannot ${what}: initialWeights has ${initialWeights.length} entries but inputs has ${d} columns`,
    );
  }
  const weights = new Float64Array(d);
  if (initialWeights !== undefined) weights.set(initialWeights);
  return weights;
}

/** Wᵀx⁽ⁱ⁾ for row i of inputs, summed in column order from 0. */
export function rowScore(weights: ArrayLike<number>, inputs: Matrix, row: number): number {
  let s = 0;
  const base = row * inputs.cols;
  for (let j = 0; j < inputs.cols; j++) s += weights[j] * inputs.data[base + j];
  return s;
}
