/**
 * Binary cross-entropy (log loss) L = −Σ [yᵢ ln pᵢ + (1 − yᵢ) ln(1 − pᵢ)], from
 * probabilities and from logits, with gradients.
 *
 * p are the predicted probabilities (S2's ŷ, S3's a, S4's a), y the targets in [0, 1]
 * (hard labels 0/1, or soft ones). S4 splits the per-sample loss into −ln a (y = 1) and
 * −ln(1 − a) (y = 0).
 *
 * @module
 */

import { gradientBuffer, requirePair, requireUnitInterval } from "./_check.ts";
import { softplus } from "./_softplus.ts";

/** y ln p with the limit 0 · ln 0 = 0, so that a confident correct prediction costs 0. */
function xlogy(y: number, p: number): number {
  return y === 0 ? 0 : y * Math.log(p);
}

function checkProbabilities(
  predictions: ArrayLike<number>,
  targets: ArrayLike<number>,
  loss: string,
): void {
  requirePair(predictions, targets, loss);
  requireUnitInterval(predictions, `${loss}: predicted probabilities`);
  requireUnitInterval(targets, `${loss}: targets`);
}

/**
 * Summed binary cross-entropy −Σ [yᵢ ln pᵢ + (1 − yᵢ) ln(1 − pᵢ)], with 0 · ln 0 = 0.
 *
 * +∞ when a prediction is certain and wrong (p = 0 with y > 0, or p = 1 with y < 1).
 *
 * @param predictions Probabilities p in [0, 1].
 * @param targets Targets y in [0, 1], the same length.
 * @returns The loss, ≥ 0.
 * @throws {RangeError} if lengths differ, the arrays are empty, a value is not finite,
 *   or a probability or target lies outside [0, 1].
 * @see fixtures/loss/cross_entropy.json
 *
 * @example S4: −ln a for y = 1 and −ln(1 − a) for y = 0
 * ```ts
 * import { binaryCrossEntropy } from "@nnref/nnref/loss";
 * if (binaryCrossEntropy([0.5], [1]) !== Math.LN2) throw new Error("−ln ½");
 * if (binaryCrossEntropy([1, 0], [1, 0]) !== 0) throw new Error("certain and right: 0");
 * ```
 * @category Loss functions
 */
export function binaryCrossEntropy(
  predictions: ArrayLike<number>,
  targets: ArrayLike<number>,
): number {
  checkProbabilities(predictions, targets, "binary cross-entropy");
  let sum = 0;
  for (let i = 0; i < predictions.length; i++) {
    const p = predictions[i], y = targets[i];
    // ln(1 − p) as log1p(−p): 1 − p rounds for small p, and ln magnifies that rounding.
    sum -= xlogy(y, p) + (y === 1 ? 0 : (1 - y) * Math.log1p(-p));
  }
  return sum;
}

/**
 * Mean binary cross-entropy (1/n)·{@link binaryCrossEntropy} (S2's and S3's J).
 *
 * @param predictions Probabilities p in [0, 1].
 * @param targets Targets y in [0, 1].
 * @returns The mean loss.
 * @throws {RangeError} as {@link binaryCrossEntropy}.
 *
 * @example
 * ```ts
 * import { meanBinaryCrossEntropy } from "@nnref/nnref/loss";
 * if (meanBinaryCrossEntropy([0.5, 0.5], [1, 0]) !== Math.LN2) throw new Error("ln 2");
 * ```
 * @category Loss functions
 */
export function meanBinaryCrossEntropy(
  predictions: ArrayLike<number>,
  targets: ArrayLike<number>,
): number {
  return binaryCrossEntropy(predictions, targets) / predictions.length;
}

/**
 * ∂/∂p of the summed binary cross-entropy: (p − y) / (p(1 − p)).
 *
 * Infinite or NaN where p is 0 or 1; through a sigmoid output use
 * {@link binaryCrossEntropyFromLogitsGradient}, which is p − y.
 *
 * @param predictions Probabilities p in [0, 1].
 * @param targets Targets y in [0, 1].
 * @param out Optional buffer of the same length.
 * @returns The gradient.
 * @throws {RangeError} as {@link binaryCrossEntropy}, or if `out` has the wrong length.
 *
 * @example
 * ```ts
 * import { binaryCrossEntropyGradient } from "@nnref/nnref/loss";
 * if (binaryCrossEntropyGradient([0.5], [1])[0] !== -2) throw new Error("(½ − 1)/¼");
 * ```
 * @category Loss functions
 */
export function binaryCrossEntropyGradient(
  predictions: ArrayLike<number>,
  targets: ArrayLike<number>,
  out?: Float64Array,
): Float64Array {
  checkProbabilities(predictions, targets, "binary cross-entropy");
  const g = gradientBuffer(out, predictions.length, "binary cross-entropy");
  for (let i = 0; i < predictions.length; i++) {
    const p = predictions[i];
    g[i] = (p - targets[i]) / (p * (1 - p));
  }
  return g;
}

/**
 * Binary cross-entropy from logits z (p = σ(z)): Σ [ln(1 + e^(zᵢ)) − yᵢ zᵢ].
 *
 * Finite for every finite logit, where computing σ(z) first would give ln 0 = −∞ once
 * |z| > 37: −ln σ(z) = ln(1 + e^(−z)) and −ln(1 − σ(z)) = ln(1 + e^z).
 *
 * @param logits z (S2's w·x + b).
 * @param targets y in [0, 1].
 * @returns The summed loss.
 * @throws {RangeError} if lengths differ, the arrays are empty, a value is not finite, or
 *   a target lies outside [0, 1].
 *
 * @example
 * ```ts
 * import { binaryCrossEntropyFromLogits } from "@nnref/nnref/loss";
 * if (binaryCrossEntropyFromLogits([0], [1]) !== Math.LN2) throw new Error("ln 2 at z = 0");
 * if (binaryCrossEntropyFromLogits([-800], [1]) !== 800) throw new Error("finite: 800");
 * ```
 * @category Loss functions
 */
export function binaryCrossEntropyFromLogits(
  logits: ArrayLike<number>,
  targets: ArrayLike<number>,
): number {
  requirePair(logits, targets, "binary cross-entropy from logits");
  requireUnitInterval(targets, "binary cross-entropy from logits: targets");
  let sum = 0;
  for (let i = 0; i < logits.length; i++) {
    const z = logits[i], y = targets[i];
    // y·softplus(−z) + (1 − y)·softplus(z) keeps each term ≥ 0 (no cancellation).
    sum += (y === 0 ? 0 : y * softplus(-z)) + (y === 1 ? 0 : (1 - y) * softplus(z));
  }
  return sum;
}

/**
 * ∂/∂z of {@link binaryCrossEntropyFromLogits}: σ(z) − y.
 *
 * @param logits z.
 * @param targets y in [0, 1].
 * @param out Optional buffer of the same length.
 * @returns σ(z) − y.
 * @throws {RangeError} as {@link binaryCrossEntropyFromLogits}, or if `out` has the wrong length.
 *
 * @example
 * ```ts
 * import { binaryCrossEntropyFromLogitsGradient } from "@nnref/nnref/loss";
 * if (binaryCrossEntropyFromLogitsGradient([0], [1])[0] !== -0.5) throw new Error("½ − 1");
 * ```
 * @category Loss functions
 */
export function binaryCrossEntropyFromLogitsGradient(
  logits: ArrayLike<number>,
  targets: ArrayLike<number>,
  out?: Float64Array,
): Float64Array {
  requirePair(logits, targets, "binary cross-entropy from logits");
  requireUnitInterval(targets, "binary cross-entropy from logits: targets");
  const g = gradientBuffer(out, logits.length, "binary cross-entropy from logits");
  for (let i = 0; i < logits.length; i++) {
    const z = logits[i];
    const p = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    g[i] = p - targets[i];
  }
  return g;
}
