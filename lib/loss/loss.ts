/**
 * The `Loss` interface that networks take, and the registry of built-in losses.
 *
 * Convention: every registered loss is a SUM over the entries, not a mean —
 * `squaredError` is ½ Σ (ŷᵢ − yᵢ)² (gradient ŷ − y), `binaryCrossEntropy` is
 * −Σ [yᵢ ln pᵢ + (1 − yᵢ) ln(1 − pᵢ)] and `categoricalCrossEntropy` is −Σ yᵢ ln pᵢ. A
 * trainer that wants a mean over a batch divides by the batch size itself. The documents'
 * other scalings (Σ, 1/n, 1/(2n)) are separate functions in `squared_error.ts`.
 *
 * A cross-entropy is paired with the output activation that turns logits into
 * probabilities — binary cross-entropy with σ, categorical cross-entropy with softmax —
 * and a network computes it from the logits z of its output layer (`fromLogits`), where
 * the loss stays finite however saturated the output, and δ = ∂L/∂z = ŷ − y exactly.
 *
 * @module
 */

import { halfSumSquaredError, halfSumSquaredErrorGradient } from "./squared_error.ts";
import {
  binaryCrossEntropy,
  binaryCrossEntropyFromLogits,
  binaryCrossEntropyFromLogitsGradient,
  binaryCrossEntropyGradient,
} from "./binary_cross_entropy.ts";
import {
  categoricalCrossEntropy,
  categoricalCrossEntropyFromLogits,
  categoricalCrossEntropyFromLogitsGradient,
  categoricalCrossEntropyGradient,
} from "./categorical_cross_entropy.ts";

/**
 * A loss paired with its output activation f, computed from the output layer's
 * pre-activations z (the logits) rather than from ŷ = f(z).
 * @category Loss functions
 */
export interface LogitLoss {
  /** The output activation f the loss is paired with: σ (elementwise) or softmax (by rows). */
  readonly activation: "sigmoid" | "softmax";
  /** L(f(z), y) from the logits z (n rows of `width` entries, row-major). */
  value(logits: ArrayLike<number>, targets: ArrayLike<number>, width: number): number;
  /** δ = ∂L/∂z = f(z) − y, written into `out` when given. */
  delta(
    logits: ArrayLike<number>,
    targets: ArrayLike<number>,
    width: number,
    out?: Float64Array,
  ): Float64Array;
}

/** A loss L(ŷ, y) over a vector of predictions, with its gradient ∂L/∂ŷ.
 * @category Loss functions */
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
  /**
   * The output activations (by name) this loss may follow; absent: any. A network whose
   * output layer is not among them is rejected before training (e.g. binary cross-entropy
   * after softmax).
   */
  readonly outputActivations?: readonly string[];
  /** The loss and δ from the logits, used when the output activation is `fromLogits.activation`. */
  readonly fromLogits?: LogitLoss;
}

/**
 * The built-in losses, all summed over entries:
 *
 * | key | L | output layer | δ = ∂L/∂z at the output |
 * | --- | --- | --- | --- |
 * | `squaredError` | ½ Σ (ŷ − y)² | any (identity for regression) | (ŷ − y) ⊙ f′(z) |
 * | `binaryCrossEntropy` | −Σ [y ln p + (1 − y) ln(1 − p)] | sigmoid | σ(z) − y |
 * | `categoricalCrossEntropy` | −Σ y ln p | softmax, ≥ 2 units | softmax(z) − y |
 *
 * @example The gradient of ½ Σ (ŷ − y)² is the residual; cross-entropy's δ is ŷ − y
 * ```ts
 * import { LOSSES } from "@nnref/nnref/loss";
 * const loss = LOSSES.squaredError;
 * if (loss.value([3, 1], [1, 1]) !== 2) throw new Error("½ · 4");
 * if (loss.gradient([3, 1], [1, 1])[0] !== 2) throw new Error("3 − 1");
 * const ce = LOSSES.categoricalCrossEntropy.fromLogits!;
 * const delta = ce.delta([0, 0, 0, 0], [1, 0, 0, 1], 2);
 * if (delta.join() !== "-0.5,0.5,0.5,-0.5") throw new Error("softmax − one-hot, per row");
 * ```
 * @category Loss functions
 */
export const LOSSES: Readonly<
  Record<"squaredError" | "binaryCrossEntropy" | "categoricalCrossEntropy", Loss>
> = Object.freeze({
  squaredError: Object.freeze({
    name: "squaredError",
    value: halfSumSquaredError,
    gradient: halfSumSquaredErrorGradient,
  }),
  binaryCrossEntropy: Object.freeze({
    name: "binaryCrossEntropy",
    value: binaryCrossEntropy,
    gradient: binaryCrossEntropyGradient,
    outputActivations: Object.freeze(["sigmoid"]),
    fromLogits: Object.freeze({
      activation: "sigmoid" as const,
      value: (z: ArrayLike<number>, y: ArrayLike<number>) => binaryCrossEntropyFromLogits(z, y),
      delta: (z: ArrayLike<number>, y: ArrayLike<number>, _width: number, out?: Float64Array) =>
        binaryCrossEntropyFromLogitsGradient(z, y, out),
    }),
  }),
  categoricalCrossEntropy: Object.freeze({
    name: "categoricalCrossEntropy",
    value: categoricalCrossEntropy,
    gradient: categoricalCrossEntropyGradient,
    outputActivations: Object.freeze(["softmax"]),
    fromLogits: Object.freeze({
      activation: "softmax" as const,
      value: categoricalCrossEntropyFromLogits,
      delta: categoricalCrossEntropyFromLogitsGradient,
    }),
  }),
});
