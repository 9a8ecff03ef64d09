/**
 * softplus(x) = ln(1 + eˣ), the loss of a logit: −ln σ(z) = softplus(−z) and
 * −ln(1 − σ(z)) = softplus(z). Private: shared by the binary cross-entropy from logits
 * and logistic regression's cost.
 *
 * @module
 */

/** ln(1 + eˣ) without overflow or loss of precision for large |x|, finite for every finite x. */
export function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}
