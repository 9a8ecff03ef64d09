/**
 * Loss functions: squared and absolute error, binary and softmax cross-entropy, the squared
 * hinge, with their gradients.
 *
 * @example
 * ```ts
 * import { sumSquaredError } from "@nnref/nnref/loss";
 * if (sumSquaredError([1, 2], [1, 4]) !== 4) throw new Error("(2 − 4)² = 4");
 * ```
 *
 * @module
 */

export { meanAbsoluteError, sumAbsoluteError, sumAbsoluteErrorGradient } from "./absolute_error.ts";
export {
  binaryCrossEntropy,
  binaryCrossEntropyFromLogits,
  binaryCrossEntropyFromLogitsGradient,
  binaryCrossEntropyGradient,
  meanBinaryCrossEntropy,
} from "./binary_cross_entropy.ts";
export {
  categoricalCrossEntropy,
  categoricalCrossEntropyFromLogits,
  categoricalCrossEntropyFromLogitsGradient,
  categoricalCrossEntropyGradient,
} from "./categorical_cross_entropy.ts";
export {
  crossEntropy,
  entropy,
  softmaxCrossEntropy,
  softmaxCrossEntropyGradient,
} from "./cross_entropy.ts";
export { type LogitLoss, type Loss, LOSSES } from "./loss.ts";
export {
  halfMeanSquaredError,
  halfMeanSquaredErrorGradient,
  halfSumSquaredError,
  halfSumSquaredErrorGradient,
  meanSquaredError,
  meanSquaredErrorGradient,
  sumSquaredError,
  sumSquaredErrorGradient,
} from "./squared_error.ts";
export {
  squaredHinge,
  squaredHingeCost,
  squaredHingeGradient,
  squaredHingeSampleGradient,
} from "./squared_hinge.ts";
