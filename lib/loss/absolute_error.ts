/**
 * Absolute error Σ |ŷᵢ − yᵢ| and its mean, with a subgradient: S4's "绝对值损失函数".
 *
 * @module
 */

import { gradientBuffer, requirePair } from "./_check.ts";

/**
 * Sum of absolute errors Σ |ŷᵢ − yᵢ|.
 *
 * @param predictions ŷ (S4's a, 样本预测值).
 * @param targets y (S4's 样本标签值), the same length.
 * @returns The sum.
 * @throws {InputTypeError} if either is not an array of numbers.
 * @throws {ShapeError} if the lengths differ or the arrays are empty.
 * @throws {NonFiniteError} if a value is not finite.
 * @see fixtures/loss/loss_table.json
 *
 * @example S4's table
 * ```ts
 * import { sumAbsoluteError } from "@nnref/nnref/loss";
 * if (sumAbsoluteError([1, 2, 3], [1, 1, 1]) !== 3) throw new Error("0 + 1 + 2");
 * if (sumAbsoluteError([1, 3, 3], [1, 1, 1]) !== 4) throw new Error("0 + 2 + 2");
 * ```
 * @category Loss functions
 */
export function sumAbsoluteError(
  predictions: ArrayLike<number>,
  targets: ArrayLike<number>,
): number {
  requirePair(predictions, targets, "the sum of absolute errors");
  let sum = 0;
  for (let i = 0; i < predictions.length; i++) sum += Math.abs(predictions[i] - targets[i]);
  return sum;
}

/**
 * Mean absolute error (1/n) Σ |ŷᵢ − yᵢ|.
 *
 * @param predictions ŷ.
 * @param targets y.
 * @returns The mean.
 * @throws {InputTypeError}, {ShapeError}, {NonFiniteError} as {@link sumAbsoluteError}.
 *
 * @example
 * ```ts
 * import { meanAbsoluteError } from "@nnref/nnref/loss";
 * if (meanAbsoluteError([1, 3, 3], [1, 1, 1]) !== 4 / 3) throw new Error("4 / 3");
 * ```
 * @category Loss functions
 */
export function meanAbsoluteError(
  predictions: ArrayLike<number>,
  targets: ArrayLike<number>,
): number {
  return sumAbsoluteError(predictions, targets) / predictions.length;
}

/**
 * A subgradient of Σ |ŷᵢ − yᵢ|: sign(ŷᵢ − yᵢ), taking 0 where ŷᵢ = yᵢ (the kink).
 *
 * @param predictions ŷ.
 * @param targets y.
 * @param out Optional buffer of the same length.
 * @returns The signs.
 * @throws {InputTypeError}, {ShapeError}, {NonFiniteError} as {@link sumAbsoluteError}, or if `out`
 *   is not a Float64Array of the same length.
 *
 * @example
 * ```ts
 * import { sumAbsoluteErrorGradient } from "@nnref/nnref/loss";
 * const g = sumAbsoluteErrorGradient([1, 3, 0], [1, 1, 1]);
 * if (g[0] !== 0 || g[1] !== 1 || g[2] !== -1) throw new Error("signs");
 * ```
 * @category Loss functions
 */
export function sumAbsoluteErrorGradient(
  predictions: ArrayLike<number>,
  targets: ArrayLike<number>,
  out?: Float64Array,
): Float64Array {
  requirePair(predictions, targets, "the sum of absolute errors");
  const g = gradientBuffer(out, predictions.length, "the sum of absolute errors");
  for (let i = 0; i < predictions.length; i++) {
    const r = predictions[i] - targets[i];
    g[i] = r > 0 ? 1 : r < 0 ? -1 : 0;
  }
  return g;
}
