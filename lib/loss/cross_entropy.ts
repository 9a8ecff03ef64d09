/**
 * Entropy and cross-entropy of discrete distributions, and the softmax cross-entropy
 * loss with its gradient (S2 "熵 (Entropy) 与交叉熵 (Cross-Entropy)"):
 *
 * - H(P) = −Σⱼ P(j) log P(j),
 * - H(P, Q) = −Σⱼ P(j) log Q(j) (S2 prints an extra term − Q(j) log P(j); see
 *   fixtures/loss/softmax_ce.json),
 * - softmax cross-entropy L(o, t) = H(t, softmax(o)) = logΣₖe^(oₖ) − Σⱼ tⱼ oⱼ, whose
 *   gradient with respect to the logits is softmax(o) − t.
 *
 * Logarithms are natural; 0 · log 0 = 0.
 *
 * @module
 */

import { ArgumentRangeError, ShapeError } from "../errors.ts";
import { requireFinite, requireNumberArray, requireSameLength } from "../_util/validate.ts";
import { requireUnitInterval } from "./_check.ts";
import { softmax } from "../activation/softmax.ts";

/** How far from 1 a distribution's sum may be: a few hundred ulps covers rounded inputs. */
const SUM_TOLERANCE = 1e-12;

function requireDistribution(p: ArrayLike<number>, what: string): void {
  requireNumberArray(p, what);
  if (p.length === 0) throw new ShapeError(`${what} must have at least one entry`);
  requireFinite(p, what);
  requireUnitInterval(p, what);
  let sum = 0;
  for (let i = 0; i < p.length; i++) sum += p[i];
  if (Math.abs(sum - 1) > SUM_TOLERANCE * p.length) {
    throw new ArgumentRangeError(
      `${what} must sum to 1 (a probability distribution), but sums to ${sum}`,
    );
  }
}

/**
 * Entropy H(P) = −Σⱼ P(j) ln P(j), in nats, with 0 · ln 0 = 0.
 *
 * @param distribution P: entries in [0, 1] summing to 1 (within 1e−12 per entry).
 * @returns H(P) in [0, ln n].
 * @throws {InputTypeError} if P is not an array of numbers.
 * @throws {ShapeError} if P is empty; {NonFiniteError} if it is not finite.
 * @throws {ArgumentRangeError} if an entry is outside [0, 1] or P does not sum to 1.
 *
 * @example The uniform distribution has the largest entropy, ln n
 * ```ts
 * import { entropy } from "@nnref/nnref/loss";
 * if (entropy([0.5, 0.5]) !== Math.LN2) throw new Error("ln 2");
 * if (entropy([1, 0]) !== 0) throw new Error("a certain outcome has no entropy");
 * ```
 * @category Loss functions
 */
export function entropy(distribution: ArrayLike<number>): number {
  requireDistribution(distribution, "entropy: P");
  let h = 0;
  for (let j = 0; j < distribution.length; j++) {
    const p = distribution[j];
    if (p > 0) h -= p * Math.log(p);
  }
  return h;
}

/**
 * Cross-entropy H(P, Q) = −Σⱼ P(j) ln Q(j), with 0 · ln q = 0 (even for q = 0).
 *
 * +∞ when Q gives probability 0 to an outcome that P does not. H(P, Q) ≥ H(P), with
 * equality iff Q = P (Gibbs' inequality).
 *
 * @param target P, the true distribution (S4's p, S2's y).
 * @param predicted Q, the model's distribution (S4's q, S2's ŷ).
 * @returns H(P, Q).
 * @throws {InputTypeError} if either is not an array of numbers.
 * @throws {ShapeError} if the lengths differ or they are empty.
 * @throws {NonFiniteError}, {ArgumentRangeError} if either is not a distribution.
 *
 * @example
 * ```ts
 * import { crossEntropy } from "@nnref/nnref/loss";
 * if (crossEntropy([1, 0], [0.5, 0.5]) !== Math.LN2) throw new Error("−ln ½");
 * ```
 * @category Loss functions
 */
export function crossEntropy(target: ArrayLike<number>, predicted: ArrayLike<number>): number {
  requireNumberArray(target, "target");
  requireNumberArray(predicted, "predicted");
  requireSameLength(target, "target", predicted, "predicted", "compute cross-entropy");
  requireDistribution(target, "cross-entropy: P (target)");
  requireDistribution(predicted, "cross-entropy: Q (predicted)");
  let h = 0;
  for (let j = 0; j < target.length; j++) {
    if (target[j] > 0) h -= target[j] * Math.log(predicted[j]);
  }
  return h;
}

/**
 * Softmax cross-entropy from logits: L(o, t) = −Σⱼ tⱼ ln softmax(o)ⱼ = logΣₖe^(oₖ) − Σⱼ tⱼ oⱼ.
 *
 * Evaluated as Σⱼ tⱼ((m − oⱼ) + log1p(s)), with m = oᵢ = max o and s = Σ_{k ≠ i} e^(oₖ − m):
 * log1p keeps a tiny loss such as L([50, 0, 0], [1, 0, 0]) = log1p(2e⁻⁵⁰) ≈ 3.86e−22,
 * which log(1 + s) rounds to 0, and m − oⱼ, which can overflow for logits of opposite
 * sign near ±1.7e308, is then taken as tⱼm − tⱼoⱼ. Finite wherever L is representable.
 *
 * @param logits o (S2's o = XW + b for one sample).
 * @param target t, a distribution (a one-hot label, S2's y).
 * @returns L ≥ 0.
 * @throws {InputTypeError} if either is not an array of numbers.
 * @throws {ShapeError} if the lengths differ or o is empty.
 * @throws {NonFiniteError} if o or t holds NaN or ±∞.
 * @throws {ArgumentRangeError} if t is not a distribution.
 *
 * @example
 * ```ts
 * import { softmaxCrossEntropy } from "@nnref/nnref/loss";
 * if (softmaxCrossEntropy([0, 0], [1, 0]) !== Math.LN2) throw new Error("ln 2");
 * ```
 * @category Loss functions
 */
export function softmaxCrossEntropy(logits: ArrayLike<number>, target: ArrayLike<number>): number {
  requireNumberArray(logits, "logits");
  requireNumberArray(target, "target");
  requireSameLength(logits, "logits", target, "target", "compute softmax cross-entropy");
  requireDistribution(target, "softmax cross-entropy: target");
  requireFinite(logits, "softmax cross-entropy: logits");
  let max = logits[0], index = 0;
  for (let j = 1; j < logits.length; j++) {
    if (logits[j] > max) {
      max = logits[j];
      index = j;
    }
  }
  let rest = 0;
  for (let j = 0; j < logits.length; j++) if (j !== index) rest += Math.exp(logits[j] - max);
  // lse − oⱼ as (max − oⱼ) + log1p(Σ_{k≠i} e^(oₖ − max)): subtracting a rounded lse from oⱼ
  // would cancel most of its digits when the loss is small, and log(1 + rest) would round
  // a small rest away.
  const logSum = Math.log1p(rest);
  let loss = 0;
  for (let j = 0; j < logits.length; j++) {
    const t = target[j];
    if (!(t > 0)) continue;
    const gap = max - logits[j];
    loss += gap - gap === 0 ? t * (gap + logSum) : (t * max - t * logits[j]) + t * logSum;
  }
  return loss;
}

/**
 * ∂L/∂o of {@link softmaxCrossEntropy}: softmax(o) − t.
 *
 * @param logits o.
 * @param target t, a distribution.
 * @param out Optional buffer of the same length.
 * @returns softmax(o) − t.
 * @throws {InputTypeError}, {ShapeError}, {NonFiniteError}, {ArgumentRangeError} as
 *   {@link softmaxCrossEntropy}, or if `out` is not a Float64Array of the same length.
 *
 * @example
 * ```ts
 * import { softmaxCrossEntropyGradient } from "@nnref/nnref/loss";
 * const g = softmaxCrossEntropyGradient([0, 0], [1, 0]);
 * if (g[0] !== -0.5 || g[1] !== 0.5) throw new Error("½ − 1, ½ − 0");
 * ```
 * @category Loss functions
 */
export function softmaxCrossEntropyGradient(
  logits: ArrayLike<number>,
  target: ArrayLike<number>,
  out?: Float64Array,
): Float64Array {
  requireNumberArray(logits, "logits");
  requireNumberArray(target, "target");
  requireSameLength(logits, "logits", target, "target", "compute softmax cross-entropy");
  requireDistribution(target, "softmax cross-entropy: target");
  const g = softmax(logits, out);
  for (let j = 0; j < g.length; j++) g[j] -= target[j];
  return g;
}
