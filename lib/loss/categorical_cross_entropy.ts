/**
 * Categorical cross-entropy, the loss of a softmax classifier with k classes:
 * L = −Σᵢ Σⱼ yᵢⱼ ln pᵢⱼ over n rows (samples) of k entries, where p = softmax(z) row by
 * row and y holds one-hot (or soft) targets, each row a distribution.
 *
 * From the logits z it is computed without forming p, with the row maximum m = maxₖ zₖ
 * (attained first at k*) and s = Σ_{k≠k*} e^(zₖ − m) ∈ [0, k − 1]:
 *
 * - −ln pⱼ = (m − zⱼ) + ln(1 + s), with ln(1 + s) by log1p (no e^z overflows, and a
 *   confident right answer keeps its small loss: z = [50, 0, 0], y = e₁ gives
 *   log1p(2e⁻⁵⁰) ≈ 3.86e−22, where ln Σ e^z would round to 50 and the loss to 0);
 * - ∂L/∂zⱼ = pⱼ − yⱼ (softmax's Jacobian times −y/p collapses to this), evaluated for the
 *   maximal entry as (1 − y_{k*}) − s/(1 + s), since 1 − p_{k*} = s/(1 + s), so that
 *   y = e_{k*} gives −s/(1 + s) rather than the 0 that p_{k*} − 1 rounds to.
 *
 * @module
 */

import { requirePair, requireUnitInterval } from "./_check.ts";
import { outputBuffer, requireNumberArray } from "../_util/input.ts";
import { ShapeError } from "../errors.ts";

/** How far a target row's sum may be from 1, per entry: rounded soft targets pass. */
const ROW_SUM_TOLERANCE = 1e-12;

function checkProbabilities(predictions: ArrayLike<number>, targets: ArrayLike<number>): void {
  const loss = "categorical cross-entropy";
  requireNumberArray(predictions, `${loss}: predictions`);
  requireNumberArray(targets, `${loss}: targets`);
  requirePair(predictions, targets, loss);
  requireUnitInterval(predictions, `${loss}: predicted probabilities`);
  requireUnitInterval(targets, `${loss}: targets`);
}

/**
 * Summed categorical cross-entropy from probabilities: −Σ yᵢ ln pᵢ over all entries, with
 * 0 · ln 0 = 0. Over n rows of a softmax output this is the sum of the rows' losses.
 *
 * +∞ where a target has weight on a prediction of exactly 0.
 *
 * @param predictions Probabilities p in [0, 1] (softmax outputs, row after row).
 * @param targets Targets y in [0, 1] (one-hot rows), the same length.
 * @returns The loss, ≥ 0.
 * @throws {InputTypeError} if an argument is not an array of numbers.
 * @throws {RangeError} if the lengths differ, the arrays are empty, a value is not finite,
 *   or a value lies outside [0, 1].
 * @see fixtures/nn/output_losses.json
 *
 * @example Two rows, one-hot targets: −ln ½ − ln ¼
 * ```ts
 * import { categoricalCrossEntropy } from "@nnref/nnref/loss";
 * const loss = categoricalCrossEntropy([0.5, 0.5, 0.25, 0.75], [1, 0, 1, 0]);
 * if (loss !== Math.log(2) + Math.log(4)) throw new Error("ln 2 + ln 4");
 * ```
 * @category Loss functions
 */
export function categoricalCrossEntropy(
  predictions: ArrayLike<number>,
  targets: ArrayLike<number>,
): number {
  checkProbabilities(predictions, targets);
  let sum = 0;
  for (let i = 0; i < predictions.length; i++) {
    if (targets[i] !== 0) sum -= targets[i] * Math.log(predictions[i]);
  }
  return sum;
}

/**
 * ∂/∂p of {@link categoricalCrossEntropy}: −yᵢ/pᵢ, and 0 wherever yᵢ = 0 (the term is
 * absent there, even at pᵢ = 0); −∞ at pᵢ = 0 < yᵢ. Through a softmax output use
 * {@link categoricalCrossEntropyFromLogitsGradient}, p − y.
 *
 * @param predictions Probabilities p in [0, 1].
 * @param targets Targets y in [0, 1].
 * @param out Optional buffer of the same length.
 * @returns The gradient.
 * @throws {InputTypeError} as {@link categoricalCrossEntropy}, or if out is not a Float64Array.
 * @throws {RangeError} as {@link categoricalCrossEntropy}, or if out has the wrong length.
 *
 * @example
 * ```ts
 * import { categoricalCrossEntropyGradient } from "@nnref/nnref/loss";
 * const g = categoricalCrossEntropyGradient([0.25, 0.75], [1, 0]);
 * if (g[0] !== -4 || g[1] !== 0) throw new Error("−1/¼, and 0 where y = 0");
 * ```
 * @category Loss functions
 */
export function categoricalCrossEntropyGradient(
  predictions: ArrayLike<number>,
  targets: ArrayLike<number>,
  out?: Float64Array,
): Float64Array {
  checkProbabilities(predictions, targets);
  const g = outputBuffer(out, predictions.length, "categorical cross-entropy gradient");
  for (let i = 0; i < predictions.length; i++) {
    g[i] = targets[i] === 0 ? 0 : -targets[i] / predictions[i];
  }
  return g;
}

function checkLogits(
  logits: ArrayLike<number>,
  targets: ArrayLike<number>,
  width: number,
): void {
  const loss = "categorical cross-entropy from logits";
  requireNumberArray(logits, `${loss}: logits`);
  requireNumberArray(targets, `${loss}: targets`);
  requirePair(logits, targets, loss);
  requireUnitInterval(targets, `${loss}: targets`);
  if (typeof width !== "number" || !Number.isInteger(width) || width < 1) {
    throw new ShapeError(`${loss}: width must be an integer ≥ 1, got ${width}`);
  }
  if (logits.length % width !== 0) {
    throw new ShapeError(
      `${loss}: ${logits.length} logits are not whole rows of width ${width}`,
    );
  }
  for (let offset = 0; offset < targets.length; offset += width) {
    let sum = 0;
    for (let j = 0; j < width; j++) sum += targets[offset + j];
    if (!(Math.abs(sum - 1) <= ROW_SUM_TOLERANCE * width)) {
      throw new ShapeError(
        `${loss}: target row ${
          offset / width
        } sums to ${sum}; each row must be a distribution (sum 1)`,
      );
    }
  }
}

/** The row's first arg-max k*, its maximum m and s = Σ_{k≠k*} e^(zₖ − m). */
function rowShift(z: ArrayLike<number>, offset: number, width: number) {
  let top = offset;
  for (let j = offset + 1; j < offset + width; j++) if (z[j] > z[top]) top = j;
  const max = z[top];
  let rest = 0;
  for (let j = offset; j < offset + width; j++) if (j !== top) rest += Math.exp(z[j] - max);
  return { top, max, rest };
}

/**
 * Summed categorical cross-entropy from logits: Σ over rows of Σⱼ yⱼ((m − zⱼ) + ln(1 + s)),
 * which is −Σⱼ yⱼ ln softmax(z)ⱼ (see the module comment for m and s).
 *
 * Finite for every finite z: where m − zⱼ overflows (logits of opposite sign near ±1.8e308)
 * the term is formed as 2·yⱼ((m/2 − zⱼ/2) + ln(1 + s)/2), exact halvings.
 *
 * @param logits z, n rows of `width` entries, row-major (the output layer's pre-activations).
 * @param targets y, the same shape; each row a distribution (one-hot for a label).
 * @param width Entries per row k (the number of classes); default all of z as one row.
 * @returns The loss summed over rows, ≥ 0.
 * @throws {InputTypeError} if logits or targets is not an array of numbers.
 * @throws {RangeError} if the lengths differ, z is empty or non-finite, width does not
 *   divide the length, a target lies outside [0, 1], or a target row does not sum to 1
 *   within 1e−12 per entry.
 * @see fixtures/nn/output_losses.json
 *
 * @example A confident right answer costs ln(1 + 2e⁻⁵⁰), not 0
 * ```ts
 * import { categoricalCrossEntropyFromLogits } from "@nnref/nnref/loss";
 * const loss = categoricalCrossEntropyFromLogits([50, 0, 0], [1, 0, 0]);
 * if (loss !== Math.log1p(2 * Math.exp(-50))) throw new Error("3.86e-22");
 * if (categoricalCrossEntropyFromLogits([0, 0, 1, 1], [1, 0, 0, 1], 2) !== 2 * Math.LN2) {
 *   throw new Error("two rows of ln 2");
 * }
 * ```
 * @category Loss functions
 */
export function categoricalCrossEntropyFromLogits(
  logits: ArrayLike<number>,
  targets: ArrayLike<number>,
  width: number = logits?.length,
): number {
  checkLogits(logits, targets, width);
  let sum = 0;
  for (let offset = 0; offset < logits.length; offset += width) {
    const { max, rest } = rowShift(logits, offset, width);
    const logNormalizer = Math.log1p(rest);
    for (let j = offset; j < offset + width; j++) {
      const y = targets[j];
      if (y === 0) continue;
      const gap = max - logits[j];
      sum += Number.isFinite(gap)
        ? y * (gap + logNormalizer)
        : 2 * (y * ((max / 2 - logits[j] / 2) + logNormalizer / 2));
    }
  }
  return sum;
}

/**
 * ∂/∂z of {@link categoricalCrossEntropyFromLogits}: softmax(z) − y row by row, with the
 * row's maximal entry evaluated as (1 − y_{k*}) − s/(1 + s).
 *
 * @param logits z, n rows of `width` entries.
 * @param targets y, the same shape; each row a distribution.
 * @param width Entries per row; default all of z as one row.
 * @param out Optional buffer of the same length.
 * @returns p − y.
 * @throws {InputTypeError} as {@link categoricalCrossEntropyFromLogits}, or if out is not a
 *   Float64Array.
 * @throws {RangeError} as {@link categoricalCrossEntropyFromLogits}, or if out has the
 *   wrong length.
 * @see fixtures/nn/output_losses.json
 *
 * @example Equal logits: p = (½, ½); and −s/(1 + s) where p₁ − 1 would round to 0
 * ```ts
 * import { categoricalCrossEntropyFromLogitsGradient } from "@nnref/nnref/loss";
 * const g = categoricalCrossEntropyFromLogitsGradient([0, 0], [1, 0]);
 * if (g[0] !== -0.5 || g[1] !== 0.5) throw new Error("½ − 1, ½ − 0");
 * const [g0] = categoricalCrossEntropyFromLogitsGradient([50, 0], [1, 0]);
 * const s = Math.exp(-50);
 * if (g0 !== -s / (1 + s)) throw new Error("−e⁻⁵⁰/(1 + e⁻⁵⁰)");
 * ```
 * @category Loss functions
 */
export function categoricalCrossEntropyFromLogitsGradient(
  logits: ArrayLike<number>,
  targets: ArrayLike<number>,
  width: number = logits?.length,
  out?: Float64Array,
): Float64Array {
  checkLogits(logits, targets, width);
  const g = outputBuffer(out, logits.length, "categorical cross-entropy from logits gradient");
  for (let offset = 0; offset < logits.length; offset += width) {
    const { top, max, rest } = rowShift(logits, offset, width);
    const normalizer = 1 + rest;
    for (let j = offset; j < offset + width; j++) {
      g[j] = j === top
        ? (1 - targets[j]) - rest / normalizer
        : Math.exp(logits[j] - max) / normalizer - targets[j];
    }
  }
  return g;
}
