/**
 * Squared error in the four scalings the documents use, each with its gradient with
 * respect to the predictions:
 *
 * | function | formula | used by |
 * | --- | --- | --- |
 * | `sumSquaredError` | Σ (ŷᵢ − yᵢ)² | S4's loss table |
 * | `halfSumSquaredError` | ½ Σ (ŷᵢ − yᵢ)² | S3 (4) E_total, backprop's usual loss |
 * | `meanSquaredError` | (1/n) Σ (ŷᵢ − yᵢ)² | S3 (3) MSE, S2's regression |
 * | `halfMeanSquaredError` | (1/(2n)) Σ (ŷᵢ − yᵢ)² | S0's J(θ), S1's C(W) |
 *
 * ŷ are the predictions (S3's out, S1's Ŷ), y the targets (S3's target, S1's Y).
 *
 * @module
 */

import { requireNumberArray } from "../_util/validate.ts";
import { gradientBuffer, requirePair } from "./_check.ts";

function sumOfSquares(predictions: ArrayLike<number>, targets: ArrayLike<number>, loss: string) {
  requirePair(predictions, targets, loss);
  let sum = 0;
  for (let i = 0; i < predictions.length; i++) {
    const r = predictions[i] - targets[i];
    sum += r * r;
  }
  return sum;
}

function scaledResidual(
  predictions: ArrayLike<number>,
  targets: ArrayLike<number>,
  scale: number,
  out: Float64Array | undefined,
  loss: string,
): Float64Array {
  requirePair(predictions, targets, loss);
  const g = gradientBuffer(out, predictions.length, loss);
  for (let i = 0; i < predictions.length; i++) g[i] = scale * (predictions[i] - targets[i]);
  return g;
}

/**
 * Sum of squared errors Σ (ŷᵢ − yᵢ)².
 *
 * @param predictions ŷ.
 * @param targets y, the same length.
 * @returns The sum.
 * @throws {InputTypeError} if either is not an array of numbers.
 * @throws {ShapeError} if the lengths differ or the arrays are empty.
 * @throws {NonFiniteError} if a value is not finite.
 *
 * @example S4's table: labels [1, 1, 1], predictions [1, 2, 3]
 * ```ts
 * import { sumSquaredError } from "@nnref/nnref/loss";
 * if (sumSquaredError([1, 2, 3], [1, 1, 1]) !== 5) throw new Error("0 + 1 + 4");
 * ```
 * @category Loss functions
 */
export function sumSquaredError(
  predictions: ArrayLike<number>,
  targets: ArrayLike<number>,
): number {
  return sumOfSquares(predictions, targets, "the sum of squared errors");
}

/**
 * ∂/∂ŷ Σ (ŷᵢ − yᵢ)² = 2(ŷ − y).
 *
 * @param predictions ŷ.
 * @param targets y.
 * @param out Optional buffer of the same length.
 * @returns The gradient.
 * @throws {InputTypeError}, {ShapeError}, {NonFiniteError} as {@link sumSquaredError}, or if `out`
 *   is not a Float64Array of the same length.
 *
 * @example
 * ```ts
 * import { sumSquaredErrorGradient } from "@nnref/nnref/loss";
 * if (sumSquaredErrorGradient([3], [1])[0] !== 4) throw new Error("2(3 − 1)");
 * ```
 * @category Loss functions
 */
export function sumSquaredErrorGradient(
  predictions: ArrayLike<number>,
  targets: ArrayLike<number>,
  out?: Float64Array,
): Float64Array {
  return scaledResidual(predictions, targets, 2, out, "the sum of squared errors");
}

/**
 * Half the sum of squared errors ½ Σ (ŷᵢ − yᵢ)² (S3 (4): E_total = Σ ½(target − out)²).
 *
 * The ½ cancels the 2 of the derivative, so the gradient is the residual ŷ − y.
 *
 * @param predictions ŷ.
 * @param targets y.
 * @returns ½ Σ (ŷᵢ − yᵢ)².
 * @throws {InputTypeError} if either is not an array of numbers.
 * @throws {ShapeError} if the lengths differ or the arrays are empty.
 * @throws {NonFiniteError} if a value is not finite.
 *
 * @example
 * ```ts
 * import { halfSumSquaredError } from "@nnref/nnref/loss";
 * if (halfSumSquaredError([1, 2, 3], [1, 1, 1]) !== 2.5) throw new Error("5 / 2");
 * ```
 * @category Loss functions
 */
export function halfSumSquaredError(
  predictions: ArrayLike<number>,
  targets: ArrayLike<number>,
): number {
  return 0.5 * sumOfSquares(predictions, targets, "half the sum of squared errors");
}

/**
 * ∂/∂ŷ ½ Σ (ŷᵢ − yᵢ)² = ŷ − y.
 *
 * @param predictions ŷ.
 * @param targets y.
 * @param out Optional buffer of the same length.
 * @returns The residual ŷ − y.
 * @throws {InputTypeError}, {ShapeError}, {NonFiniteError} as {@link halfSumSquaredError}, or if `out`
 *   is not a Float64Array of the same length.
 *
 * @example
 * ```ts
 * import { halfSumSquaredErrorGradient } from "@nnref/nnref/loss";
 * if (halfSumSquaredErrorGradient([3], [1])[0] !== 2) throw new Error("3 − 1");
 * ```
 * @category Loss functions
 */
export function halfSumSquaredErrorGradient(
  predictions: ArrayLike<number>,
  targets: ArrayLike<number>,
  out?: Float64Array,
): Float64Array {
  return scaledResidual(predictions, targets, 1, out, "half the sum of squared errors");
}

/**
 * Mean squared error (1/n) Σ (ŷᵢ − yᵢ)² (S3 (3) MSE).
 *
 * @param predictions ŷ.
 * @param targets y.
 * @returns The mean.
 * @throws {InputTypeError} if either is not an array of numbers.
 * @throws {ShapeError} if the lengths differ or the arrays are empty.
 * @throws {NonFiniteError} if a value is not finite.
 *
 * @example
 * ```ts
 * import { meanSquaredError } from "@nnref/nnref/loss";
 * if (meanSquaredError([1, 3, 3], [1, 1, 1]) !== 8 / 3) throw new Error("(0 + 4 + 4) / 3");
 * ```
 * @category Loss functions
 */
export function meanSquaredError(
  predictions: ArrayLike<number>,
  targets: ArrayLike<number>,
): number {
  return sumOfSquares(predictions, targets, "the mean squared error") / predictions.length;
}

/**
 * ∂/∂ŷ (1/n) Σ (ŷᵢ − yᵢ)² = (2/n)(ŷ − y).
 *
 * @param predictions ŷ.
 * @param targets y.
 * @param out Optional buffer of the same length.
 * @returns The gradient.
 * @throws {InputTypeError}, {ShapeError}, {NonFiniteError} as {@link meanSquaredError}, or if `out`
 *   is not a Float64Array of the same length.
 *
 * @example
 * ```ts
 * import { meanSquaredErrorGradient } from "@nnref/nnref/loss";
 * if (meanSquaredErrorGradient([3, 1], [1, 1])[0] !== 2) throw new Error("(2/2)(3 − 1)");
 * ```
 * @category Loss functions
 */
export function meanSquaredErrorGradient(
  predictions: ArrayLike<number>,
  targets: ArrayLike<number>,
  out?: Float64Array,
): Float64Array {
  requireNumberArray(predictions, "predictions");
  const n = predictions.length;
  return scaledResidual(predictions, targets, 2 / n, out, "the mean squared error");
}

/**
 * Half the mean squared error (1/(2n)) Σ (ŷᵢ − yᵢ)² (S0's J(θ), S1's C(W)).
 *
 * @param predictions ŷ.
 * @param targets y.
 * @returns The value.
 * @throws {InputTypeError} if either is not an array of numbers.
 * @throws {ShapeError} if the lengths differ or the arrays are empty.
 * @throws {NonFiniteError} if a value is not finite.
 *
 * @example
 * ```ts
 * import { halfMeanSquaredError } from "@nnref/nnref/loss";
 * if (halfMeanSquaredError([1, 2, 3], [1, 1, 1]) !== 5 / 6) throw new Error("5 / (2·3)");
 * ```
 * @category Loss functions
 */
export function halfMeanSquaredError(
  predictions: ArrayLike<number>,
  targets: ArrayLike<number>,
): number {
  return sumOfSquares(predictions, targets, "half the mean squared error") /
    (2 * predictions.length);
}

/**
 * ∂/∂ŷ (1/(2n)) Σ (ŷᵢ − yᵢ)² = (1/n)(ŷ − y).
 *
 * @param predictions ŷ.
 * @param targets y.
 * @param out Optional buffer of the same length.
 * @returns The gradient.
 * @throws {InputTypeError}, {ShapeError}, {NonFiniteError} as {@link halfMeanSquaredError}, or if `out`
 *   is not a Float64Array of the same length.
 *
 * @example
 * ```ts
 * import { halfMeanSquaredErrorGradient } from "@nnref/nnref/loss";
 * if (halfMeanSquaredErrorGradient([3, 1], [1, 1])[0] !== 1) throw new Error("(3 − 1)/2");
 * ```
 * @category Loss functions
 */
export function halfMeanSquaredErrorGradient(
  predictions: ArrayLike<number>,
  targets: ArrayLike<number>,
  out?: Float64Array,
): Float64Array {
  requireNumberArray(predictions, "predictions");
  const n = predictions.length;
  return scaledResidual(predictions, targets, 1 / n, out, "half the mean squared error");
}
