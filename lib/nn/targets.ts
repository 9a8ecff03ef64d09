/**
 * Class labels and network outputs: the target matrix a classifier trains against (the
 * label, or one-hot rows) and the fraction of rows classified correctly.
 *
 * @module
 */

import { createMatrix, type Matrix } from "../linalg/matrix.ts";
import { ArgumentRangeError, ShapeError } from "../errors.ts";
import { requireMatrix, requireNumberArray, requireSize } from "../_util/validate.ts";

// Re-exported so that `deno doc --lint` finds every type the public API refers to.
export type { Matrix } from "../linalg/matrix.ts";

/**
 * The targets of a classifier: the label itself for one sigmoid output (labels 0/1), or
 * one-hot rows for k outputs (labels 0 … k − 1).
 *
 * @param labels Integer class labels, one per row.
 * @param classes The network's output width.
 * @returns n × classes target matrix.
 * @throws {InputTypeError} if labels is not an array of numbers or classes not a number.
 * @throws {ArgumentRangeError} if classes is not an integer ≥ 1 or a label is not an
 *   integer in the class range.
 *
 * @example
 * ```ts
 * import { labelTargets } from "@nnref/nnref/nn";
 * if (labelTargets([1, 0], 1).data.join() !== "1,0") throw new Error("one output");
 * if (labelTargets([2, 0], 3).data.join() !== "0,0,1,1,0,0") throw new Error("one-hot");
 * ```
 * @category Neural networks
 */
export function labelTargets(labels: ArrayLike<number>, classes: number): Matrix {
  requireNumberArray(labels, "labels");
  requireSize(classes, "classes", 1);
  const range = classes === 1 ? 2 : classes;
  const targets = createMatrix(labels.length, classes);
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (!Number.isInteger(label) || label < 0 || label >= range) {
      throw new ArgumentRangeError(
        `Label ${label} at row ${i} is outside the class range 0..${range - 1}`,
      );
    }
    if (classes === 1) targets.data[i] = label;
    else targets.data[i * classes + label] = 1;
  }
  return targets;
}

/**
 * Fraction of rows classified correctly: ŷ ≥ ½ for one output (002's `y_pred>=.5`),
 * otherwise the arg-max column (first one on ties).
 *
 * @throws {InputTypeError} if outputs is not a Matrix or labels not an array of numbers.
 * @throws {ShapeError} if there is not one label per row, or no rows.
 *
 * @example
 * ```ts
 * import { fromRows } from "@nnref/nnref/linalg";
 * import { accuracy } from "@nnref/nnref/nn";
 * if (accuracy(fromRows([[0.7], [0.2], [0.5]]), [1, 1, 1]) !== 2 / 3) throw new Error("2 of 3");
 * ```
 * @category Neural networks
 */
export function accuracy(outputs: Matrix, labels: ArrayLike<number>): number {
  requireMatrix(outputs, "outputs");
  requireNumberArray(labels, "labels");
  if (labels.length !== outputs.rows || outputs.rows === 0) {
    throw new ShapeError(
      `Cannot measure accuracy: outputs has ${outputs.rows} rows but labels has ${labels.length} entries (expected as many, at least one)`,
    );
  }
  let correct = 0;
  const k = outputs.cols;
  for (let i = 0; i < outputs.rows; i++) {
    let predicted: number;
    if (k === 1) predicted = outputs.data[i] >= 0.5 ? 1 : 0;
    else {
      predicted = 0;
      for (let j = 1; j < k; j++) {
        if (outputs.data[i * k + j] > outputs.data[i * k + predicted]) predicted = j;
      }
    }
    if (predicted === labels[i]) correct++;
  }
  return correct / outputs.rows;
}
