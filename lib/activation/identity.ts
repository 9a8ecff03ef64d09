/**
 * The identity activation f(z) = z (linear output units), derivative 1.
 *
 * @module
 */

/**
 * f(z) = z.
 *
 * @param z Pre-activation z.
 * @returns z.
 *
 * @example
 * ```ts
 * import { identityActivation } from "@nnref/nnref/activation";
 * if (identityActivation(-2.5) !== -2.5) throw new Error("f(z) = z");
 * ```
 * @category Activation functions
 */
export function identityActivation(z: number): number {
  return z;
}

/**
 * f′(z) = 1 (NaN for NaN, so that a bad input is not hidden).
 *
 * @param z Pre-activation z.
 * @returns 1.
 *
 * @example
 * ```ts
 * import { identityDerivative } from "@nnref/nnref/activation";
 * if (identityDerivative(123) !== 1) throw new Error("slope 1");
 * ```
 * @category Activation functions
 */
export function identityDerivative(z: number): number {
  return Number.isNaN(z) ? NaN : 1;
}
