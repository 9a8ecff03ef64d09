/**
 * The identity activation f(z) = z (linear output units), derivative 1.
 *
 * @module
 */

import { requireNumber } from "../_util/validate.ts";

/**
 * f(z) = z.
 *
 * @param z Pre-activation z.
 * @returns z.
 * @throws {InputTypeError} if z is not a number (NaN and ±∞ are numbers: NaN propagates).
 *
 * @example
 * ```ts
 * import { identityActivation } from "@nnref/nnref/activation";
 * if (identityActivation(-2.5) !== -2.5) throw new Error("f(z) = z");
 * ```
 * @category Activation functions
 */
export function identityActivation(z: number): number {
  requireNumber(z, "z");
  return z;
}

/**
 * f′(z) = 1 (NaN for NaN, so that a bad input is not hidden).
 *
 * @param z Pre-activation z.
 * @returns 1.
 * @throws {InputTypeError} if z is not a number (NaN and ±∞ are numbers: NaN propagates).
 *
 * @example
 * ```ts
 * import { identityDerivative } from "@nnref/nnref/activation";
 * if (identityDerivative(123) !== 1) throw new Error("slope 1");
 * ```
 * @category Activation functions
 */
export function identityDerivative(z: number): number {
  requireNumber(z, "z");
  return Number.isNaN(z) ? NaN : 1;
}
