/**
 * The `Loss` interface that networks take, and the registry of built-in losses.
 *
 * Convention: every registered loss is a SUM over the entries, not a mean —
 * `squaredError` is ½ Σ (ŷᵢ − yᵢ)² (gradient ŷ − y) and `binaryCrossEntropy` is
 * −Σ [yᵢ ln pᵢ + (1 − yᵢ) ln(1 − pᵢ)]. A trainer that wants a mean over a batch divides
 * by the batch size itself. The documents' other scalings (Σ, 1/n, 1/(2n)) are separate
 * functions in `squared_error.ts`.
 *
 * @module
 */

import { halfSumSquaredError, halfSumSquaredErrorGradient } from "./squared_error.ts";
import { binaryCrossEntropy, binaryCrossEntropyGradient } from "./binary_cross_entropy.ts";

/**
 * A loss L(ŷ, y) over a vector of predictions, with its gradient ∂L/∂ŷ.
 * @category Loss functions
 */
export interface Loss {
  /** The registry key, e.g. "squaredError". */
  readonly name: string;
  /** L(ŷ, y). */
  value(predictions: ArrayLike<number>, targets: ArrayLike<number>): number;
  /** ∂L/∂ŷ, written into `out` when given. */
  gradient(
    predictions: ArrayLike<number>,
    targets: ArrayLike<number>,
    out?: Float64Array,
  ): Float64Array;
}

/**
 * The built-in losses, both summed over entries: `squaredError` = ½ Σ (ŷ − y)²,
 * `binaryCrossEntropy` = −Σ [y ln p + (1 − y) ln(1 − p)].
 *
 * @example The gradient of ½ Σ (ŷ − y)² is the residual
 * ```ts
 * import { LOSSES } from "@nnref/nnref/loss";
 * const loss = LOSSES.squaredError;
 * if (loss.value([3, 1], [1, 1]) !== 2) throw new Error("½ · 4");
 * if (loss.gradient([3, 1], [1, 1])[0] !== 2) throw new Error("3 − 1");
 * ```
 * @category Loss functions
 */
export const LOSSES: Readonly<Record<"squaredError" | "binaryCrossEntropy", Loss>> = Object
  .freeze({
    squaredError: Object.freeze({
      name: "squaredError",
      value: halfSumSquaredError,
      gradient: halfSumSquaredErrorGradient,
    }),
    binaryCrossEntropy: Object.freeze({
      name: "binaryCrossEntropy",
      value: binaryCrossEntropy,
      gradient: binaryCrossEntropyGradient,
    }),
  });
