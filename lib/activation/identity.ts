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
 * if (identityActivation(-2.5) !== -2.5) throw new Error("f(z) = z");
 * ```
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
 * if (identityDerivative(123) !== 1) throw new Error("slope 1");
 * ```
 */
export function identityDerivative(z: number): number {
  return Number.isNaN(z) ? NaN : 1;
}
