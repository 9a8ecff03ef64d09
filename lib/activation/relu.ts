/**
 * The rectified linear unit ReLU(z) = max(0, z) and its derivative.
 *
 * Convention at z = 0, where ReLU has no derivative: nnref uses 0 (the subgradient that
 * PyTorch and TensorFlow use), so that the derivative from the input and from the output
 * agree everywhere — a = 0 for every z ≤ 0, so the output alone cannot tell z = 0 apart.
 * S2's slide instead writes f′(x) = 1 for x ≥ 0; {@link reluDerivativeS2} gives that.
 *
 * @module
 */

import { requireNumber } from "../_util/validate.ts";

import { elementwiseOut } from "./_elementwise.ts";

/**
 * ReLU(z) = max(0, z). NaN gives NaN; −0 gives 0.
 *
 * @param z Pre-activation z.
 * @returns max(0, z).
 * @throws {InputTypeError} if z is not a number (NaN and ±∞ are numbers: NaN propagates).
 *
 * @example
 * ```ts
 * import { relu } from "@nnref/nnref/activation";
 * if (relu(-3) !== 0 || relu(2.5) !== 2.5) throw new Error("max(0, z)");
 * ```
 * @category Activation functions
 */
export function relu(z: number): number {
  requireNumber(z, "z");
  if (z > 0) return z;
  return z <= 0 ? 0 : z;
}

/**
 * ReLU′(z) = 1 for z > 0, 0 for z ≤ 0 (0 at z = 0 by nnref's convention; NaN for NaN).
 *
 * @param z Pre-activation z.
 * @returns 0 or 1.
 * @throws {InputTypeError} if z is not a number (NaN and ±∞ are numbers: NaN propagates).
 *
 * @example
 * ```ts
 * import { reluDerivative } from "@nnref/nnref/activation";
 * if (reluDerivative(0) !== 0 || reluDerivative(1e-300) !== 1) throw new Error("step at 0");
 * ```
 * @category Activation functions
 */
export function reluDerivative(z: number): number {
  requireNumber(z, "z");
  if (z > 0) return 1;
  return z <= 0 ? 0 : NaN;
}

/**
 * ReLU′ as S2's slide prints it: f′(x) = 0 for x < 0, 1 for x ≥ 0 (so 1 at x = 0).
 *
 * @param z Pre-activation z (S2's x).
 * @returns 0 or 1.
 * @throws {InputTypeError} if z is not a number (NaN and ±∞ are numbers: NaN propagates).
 *
 * @example
 * ```ts
 * import { reluDerivativeS2 } from "@nnref/nnref/activation";
 * if (reluDerivativeS2(0) !== 1 || reluDerivativeS2(-1) !== 0) throw new Error("S2's convention");
 * ```
 * @category Activation functions
 */
export function reluDerivativeS2(z: number): number {
  requireNumber(z, "z");
  if (z >= 0) return 1;
  return z < 0 ? 0 : NaN;
}

/**
 * ReLU′ from the output a = ReLU(z): 1 for a > 0, else 0.
 *
 * @param output The activation a ≥ 0.
 * @returns 0 or 1.
 * @throws {InputTypeError} if output is not a number (NaN and ±∞ are numbers: NaN propagates).
 *
 * @example
 * ```ts
 * import { reluDerivativeFromOutput } from "@nnref/nnref/activation";
 * if (reluDerivativeFromOutput(0) !== 0 || reluDerivativeFromOutput(3) !== 1) throw new Error("");
 * ```
 * @category Activation functions
 */
export function reluDerivativeFromOutput(output: number): number {
  requireNumber(output, "output");
  return reluDerivative(output);
}

/**
 * ReLU for every entry.
 *
 * @param values Pre-activations z.
 * @param out Optional buffer of the same length.
 * @returns `out`, or a new Float64Array.
 * @throws {InputTypeError} if the input is not an array of numbers or `out` not a Float64Array.
 * @throws {ShapeError} if `out` has a different length.
 *
 * @example
 * ```ts
 * import { reluArray } from "@nnref/nnref/activation";
 * const a = reluArray([-1, 0, 2]);
 * if (a[0] !== 0 || a[2] !== 2) throw new Error("ReLU over an array");
 * ```
 * @category Activation functions
 */
export function reluArray(values: ArrayLike<number>, out?: Float64Array): Float64Array {
  const result = elementwiseOut(values, out, "relu"), n = values.length;
  // relu(z) inlined: −0 gives +0 and NaN stays NaN, as in the scalar function.
  for (let i = 0; i < n; i++) {
    const z = values[i];
    result[i] = z > 0 ? z : z <= 0 ? 0 : z;
  }
  return result;
}
