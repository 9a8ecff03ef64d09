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

import { requirePair, requireUnitInterval } from "./_check.ts";
import { softplus } from "./_softplus.ts";
import { sigmoid } from "../activation/sigmoid.ts";
import { outputBuffer, requireNumberArray } from "../_util/input.ts";

/** y ln p with the limit 0 · ln 0 = 0, so that a confident correct prediction costs 0. */
function xlogy(y: number, p: number): number {
  return y === 0 ? 0 : y * Math.log(p);
}

function checkProbabilities(
  predictions: ArrayLike<number>,
  targets: ArrayLike<number>,
  loss: string,
): void {
  requireNumberArray(predictions, `${loss}: predictions`);
  requireNumberArray(targets, `${loss}: targets`);
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
 * @throws {InputTypeError} if an argument is not an array of numbers.
 * @throws {RangeError} if lengths differ (ShapeError), the arrays are empty, a value is not
 *   finite (NonFiniteError), or a probability or target lies outside [0, 1].
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
 * ∂/∂p of the summed binary cross-entropy: ∂L/∂pᵢ = −yᵢ/pᵢ + (1 − yᵢ)/(1 − pᵢ) =
 * (pᵢ − yᵢ) / (pᵢ(1 − pᵢ)).
 *
 * At a certain and right prediction, p = y ∈ {0, 1}, the quotient is 0/0; the value
 * returned there is the derivative itself, which is finite: L = −ln(1 − p) near p = 0
 * (y = 0) has L′(0) = 1, and L = −ln p near p = 1 (y = 1) has L′(1) = −1 — the limits of
 * (p − y)/(p(1 − p)) as p → y. (The convention 0 · ln 0 = 0 of the loss drops the other
 * term, whose factor y or 1 − y is 0.) Where a prediction is certain and wrong the true
 * derivative is infinite: −∞ at p = 0 < y, +∞ at p = 1 > y. No entry is NaN.
 *
 * Through a sigmoid output use {@link binaryCrossEntropyFromLogitsGradient}, σ(z) − y,
 * which is finite for every logit.
 *
 * @param predictions Probabilities p in [0, 1].
 * @param targets Targets y in [0, 1].
 * @param out Optional buffer of the same length.
 * @returns The gradient.
 * @throws {InputTypeError} if an argument is not an array of numbers, or out is not a
 *   Float64Array.
 * @throws {RangeError} as {@link binaryCrossEntropy}, or if `out` has the wrong length.
 * @see fixtures/nn/output_losses.json
 *
 * @example Inside (0, 1), and at p = y ∈ {0, 1}
 * ```ts
 * import { binaryCrossEntropyGradient } from "@nnref/nnref/loss";
 * if (binaryCrossEntropyGradient([0.5], [1])[0] !== -2) throw new Error("(½ − 1)/¼");
 * const [atZero, atOne] = binaryCrossEntropyGradient([0, 1], [0, 1]);
 * if (atZero !== 1 || atOne !== -1) throw new Error("d/dp −ln(1 − p) = 1 at 0, d/dp −ln p = −1 at 1");
 * ```
 * @category Loss functions
 */
export function binaryCrossEntropyGradient(
  predictions: ArrayLike<number>,
  targets: ArrayLike<number>,
  out?: Float64Array,
): Float64Array {
  checkProbabilities(predictions, targets, "binary cross-entropy");
  const g = outputBuffer(out, predictions.length, "binary cross-entropy gradient");
  for (let i = 0; i < predictions.length; i++) {
    const p = predictions[i], y = targets[i];
    if (p === y && (p === 0 || p === 1)) g[i] = p === 0 ? 1 : -1;
    else g[i] = (p - y) / (p * (1 - p));
  }
  return g;
}

/**
 * Binary cross-entropy from logits z (p = σ(z)): Σ [ln(1 + e^(zᵢ)) − yᵢ zᵢ].
 *
 * Finite for every finite logit, where computing σ(z) first would give ln 0 = −∞ once
 * |z| > 37: −ln σ(z) = ln(1 + e^(−z)) and −ln(1 − σ(z)) = ln(1 + e^z), each summed as
 * yᵢ·softplus(−zᵢ) + (1 − yᵢ)·softplus(zᵢ) (two terms ≥ 0: nothing cancels).
 *
 * @param logits z (S2's w·x + b).
 * @param targets y in [0, 1].
 * @returns The summed loss.
 * @throws {InputTypeError} if an argument is not an array of numbers.
 * @throws {RangeError} if lengths differ, the arrays are empty, a value is not finite, or
 *   a target lies outside [0, 1].
 * @see fixtures/nn/output_losses.json
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
  checkLogits(logits, targets);
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
 * For z ≥ 0 it is evaluated as (1 − y) − σ(−z), using 1 − σ(z) = σ(−z), so that a
 * confident right answer keeps its small gradient: for y = 1 and z = 40 the result is
 * −σ(−40) ≈ −4.2e−18, where σ(40) − 1 rounds to 0. For z < 0, σ(z) − y directly.
 *
 * @param logits z.
 * @param targets y in [0, 1].
 * @param out Optional buffer of the same length.
 * @returns σ(z) − y.
 * @throws {InputTypeError} if an argument is not an array of numbers, or out is not a
 *   Float64Array.
 * @throws {RangeError} as {@link binaryCrossEntropyFromLogits}, or if `out` has the wrong length.
 * @see fixtures/nn/output_losses.json
 *
 * @example
 * ```ts
 * import { binaryCrossEntropyFromLogitsGradient } from "@nnref/nnref/loss";
 * if (binaryCrossEntropyFromLogitsGradient([0], [1])[0] !== -0.5) throw new Error("½ − 1");
 * const [g] = binaryCrossEntropyFromLogitsGradient([40], [1]);
 * if (!(g < 0 && Math.abs(g + 4.248354255291589e-18) < 1e-33)) throw new Error("−σ(−40), not 0");
 * ```
 * @category Loss functions
 */
export function binaryCrossEntropyFromLogitsGradient(
  logits: ArrayLike<number>,
  targets: ArrayLike<number>,
  out?: Float64Array,
): Float64Array {
  checkLogits(logits, targets);
  const g = outputBuffer(out, logits.length, "binary cross-entropy from logits gradient");
  for (let i = 0; i < logits.length; i++) {
    const z = logits[i], y = targets[i];
    g[i] = z >= 0 ? (1 - y) - sigmoid(-z) : sigmoid(z) - y;
  }
  return g;
}

function checkLogits(logits: ArrayLike<number>, targets: ArrayLike<number>): void {
  const loss = "binary cross-entropy from logits";
  requireNumberArray(logits, `${loss}: logits`);
  requireNumberArray(targets, `${loss}: targets`);
  requirePair(logits, targets, loss);
  requireUnitInterval(targets, `${loss}: targets`);
}
