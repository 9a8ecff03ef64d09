/**
 * Shape and label checks for linear classifiers (weights W, inputs X one sample per row,
 * labels ±1). Private: shared by the squared-hinge loss and lib/classify.
 *
 * @module
 */

import type { Matrix } from "../linalg/matrix.ts";
import { requireFinite } from "../_util/validate.ts";

/**
 * Throws unless inputs is n×d with n ≥ 1, weights has d entries, everything is finite
 * and every label is −1 or +1.
 *
 * @throws {RangeError} "Cannot <what>: …" naming the mismatch.
 */
export function requireLinearProblem(
  weights: ArrayLike<number>,
  inputs: Matrix,
  labels: ArrayLike<number>,
  what: string,
): void {
  if (inputs.rows === 0) throw new RangeError(`Cannot ${what}: there are no samples`);
  if (weights.length !== inputs.cols) {
    throw new RangeError(
      `Cannot ${what}: weights has ${weights.length} entries but inputs has ${inputs.cols} columns`,
    );
  }
  if (labels.length !== inputs.rows) {
    throw new RangeError(
      `Cannot ${what}: labels has ${labels.length} entries but inputs has ${inputs.rows} rows`,
    );
  }
  requireFinite(weights, `${what}: weights`);
  requireFinite(inputs.data, `${what}: inputs`);
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== 1 && labels[i] !== -1) {
      throw new RangeError(
        `Cannot ${what}: labels must be −1 or +1, but label ${i} is ${labels[i]}`,
      );
    }
  }
}
