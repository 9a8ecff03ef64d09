/**
 * The unit step (Heaviside) activation of threshold units: H(z) = 1 for z ≥ 0, else 0.
 *
 * Convention at z = 0: 1, matching the perceptron's `w·x + b ≥ 0 ⇒ class 1` rule. Its
 * derivative is 0 wherever it exists (z ≠ 0), which is why gradient descent cannot train
 * a step unit and the documents move to the sigmoid.
 *
 * @module
 */

import { requireNumber } from "../_util/validate.ts";

/**
 * H(z) = 1 for z ≥ 0, 0 for z < 0 (NaN for NaN).
 *
 * @param z Pre-activation z.
 * @returns 0 or 1.
 * @throws {InputTypeError} if z is not a number (NaN and ±∞ are numbers: NaN propagates).
 *
 * @example
 * ```ts
 * import { heaviside } from "@nnref/nnref/activation";
 * if (heaviside(0) !== 1 || heaviside(-1e-300) !== 0 || heaviside(5) !== 1) throw new Error("H(z)");
 * ```
 * @category Activation functions
 */
export function heaviside(z: number): number {
  requireNumber(z, "z");
  if (z >= 0) return 1;
  return z < 0 ? 0 : NaN;
}

/**
 * H′(z) = 0 for z ≠ 0; nnref also returns 0 at z = 0, where H has no derivative.
 *
 * @param z Pre-activation z.
 * @returns 0 (NaN for NaN).
 * @throws {InputTypeError} if z is not a number (NaN and ±∞ are numbers: NaN propagates).
 *
 * @example
 * ```ts
 * import { heavisideDerivative } from "@nnref/nnref/activation";
 * if (heavisideDerivative(3) !== 0) throw new Error("flat");
 * ```
 * @category Activation functions
 */
export function heavisideDerivative(z: number): number {
  requireNumber(z, "z");
  return Number.isNaN(z) ? NaN : 0;
}
