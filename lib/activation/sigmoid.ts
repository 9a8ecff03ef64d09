/**
 * The logistic sigmoid σ(z) = 1 / (1 + e^(−z)) and its derivative σ′ = σ(1 − σ).
 *
 * Every document uses σ (S1 §3.2, S2's `sigmoid`, S3's "Sigmoid 函数" (1)–(2)); the
 * scalar functions here are the reference, and the array kernels write into an optional
 * caller-provided buffer so that training loops need not allocate.
 *
 * @module
 */

import { requireNumber } from "../_util/validate.ts";

import { elementwiseOut } from "./_elementwise.ts";

/**
 * Logistic sigmoid σ(z) = 1 / (1 + e^(−z)).
 *
 * Evaluated as e^z / (1 + e^z) for z < 0, so that no intermediate overflows and the
 * result keeps full relative precision down to the subnormals (σ(−745) ≈ 5e−324).
 * σ(+∞) = 1, σ(−∞) = 0, NaN gives NaN. The result always lies in [0, 1]; it is exactly
 * 1 in binary64 for z > 36.7 and exactly 0 only for z < −745.2 (S1 §3.2's "(0, 1)" is
 * the real-number range).
 *
 * Accuracy, measured against mpmath at 27 001 points of [−745, 745] (tools/ulp_sweep):
 * at most 1.82 ulps of the true value, on Deno 2.9.5 and on Bun 1.4.5 alike (their
 * Math.exp differ at 13 of the points, by less than that maximum).
 *
 * @param z Pre-activation z (S3's "net", S2's `x`).
 * @returns σ(z) in [0, 1].
 * @throws {InputTypeError} if z is not a number (NaN and ±∞ are numbers: NaN propagates).
 * @see fixtures/activation/sigmoid.json
 *
 * @example σ(0) = ½ and σ(−z) = 1 − σ(z)
 * ```ts
 * import { sigmoid } from "@nnref/nnref/activation";
 * import { assertClose } from "@nnref/nnref/oracle";
 * if (sigmoid(0) !== 0.5) throw new Error("σ(0) = 1/2");
 * assertClose(sigmoid(-2) + sigmoid(2), 1, { atol: 2 ** -53 }, "σ(−z) = 1 − σ(z)");
 * if (sigmoid(-1000) !== 0 || sigmoid(1000) !== 1) throw new Error("no overflow");
 * ```
 * @category Activation functions
 */
export function sigmoid(z: number): number {
  requireNumber(z, "z");
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/**
 * Derivative of the sigmoid from its input: σ′(z) = σ(z)(1 − σ(z)) = e^(−|z|) / (1 + e^(−|z|))².
 *
 * Computed from e^(−|z|) rather than as σ(1 − σ), because for large positive z the
 * difference 1 − σ(z) cancels to 0 long before σ′(z) underflows (σ′(40) ≈ 4.2e−18,
 * while 1 − σ(40) is 0 in binary64). Even in |z|; at most ¼, at z = 0. Measured against
 * mpmath at the same 27 001 points: at most 3.68 ulps, on Deno and on Bun alike.
 *
 * @param z Pre-activation z.
 * @returns σ′(z) in [0, ¼].
 * @throws {InputTypeError} if z is not a number (NaN and ±∞ are numbers: NaN propagates).
 * @see fixtures/activation/sigmoid.json
 *
 * @example σ′(0) = ¼, and σ′ stays accurate where σ(1 − σ) has cancelled
 * ```ts
 * import { sigmoidDerivative } from "@nnref/nnref/activation";
 * if (sigmoidDerivative(0) !== 0.25) throw new Error("σ′(0) = 1/4");
 * if (!(sigmoidDerivative(40) > 4e-18)) throw new Error("no cancellation at z = 40");
 * if (sigmoidDerivative(-3) !== sigmoidDerivative(3)) throw new Error("σ′ is even");
 * ```
 * @category Activation functions
 */
export function sigmoidDerivative(z: number): number {
  requireNumber(z, "z");
  const e = Math.exp(-Math.abs(z));
  const d = 1 + e;
  return e / (d * d);
}

/**
 * Derivative of the sigmoid from its output a = σ(z): σ′ = a(1 − a).
 *
 * This is S1 (3.3)'s σ′ = σ(1 − σ), S2's `f − f²` and S3 (2)'s `out(1 − out)`: backprop
 * keeps a, so it never needs z again. Exact when a is exactly representable and a(1 − a)
 * is, e.g. a = ½ gives ¼.
 *
 * @param output The activation a = σ(z), in [0, 1] (not checked: a kernel).
 * @returns a(1 − a).
 * @throws {InputTypeError} if output is not a number (NaN and ±∞ are numbers: NaN propagates).
 *
 * @example
 * ```ts
 * import { sigmoidDerivativeFromOutput } from "@nnref/nnref/activation";
 * if (sigmoidDerivativeFromOutput(0.5) !== 0.25) throw new Error("¼ at a = ½");
 * if (sigmoidDerivativeFromOutput(1) !== 0) throw new Error("flat at saturation");
 * ```
 * @category Activation functions
 */
export function sigmoidDerivativeFromOutput(output: number): number {
  requireNumber(output, "output");
  return output * (1 - output);
}

/**
 * σ(z) for every entry: `out[i] = sigmoid(values[i])`.
 *
 * @param values Pre-activations z.
 * @param out Optional buffer of the same length to write into (may be `values` itself).
 * @returns `out`, or a new Float64Array.
 * @throws {InputTypeError} if the input is not an array of numbers or `out` not a Float64Array.
 * @throws {ShapeError} if `out` has a different length.
 *
 * @example
 * ```ts
 * import { sigmoidArray } from "@nnref/nnref/activation";
 * const a = sigmoidArray([0, 1000, -1000]);
 * if (a[0] !== 0.5 || a[1] !== 1 || a[2] !== 0) throw new Error("σ over an array");
 * ```
 * @category Activation functions
 */
export function sigmoidArray(values: ArrayLike<number>, out?: Float64Array): Float64Array {
  const result = elementwiseOut(values, out, "sigmoid"), n = values.length;
  // sigmoid(z) inlined, branch for branch.
  for (let i = 0; i < n; i++) {
    const z = values[i];
    if (z >= 0) {
      result[i] = 1 / (1 + Math.exp(-z));
    } else {
      const e = Math.exp(z);
      result[i] = e / (1 + e);
    }
  }
  return result;
}

/**
 * σ(z) as the single expression 1 / (1 + e^(−z)), with no branch.
 *
 * Agrees with {@link sigmoid} to a few ulps for z ≥ −709.78; below that e^(−z)
 * overflows to +∞ and the result flushes to 0 where the true value is a (sub)normal.
 * Kept as a benchmark variant.
 *
 * @param values Pre-activations z.
 * @param out Optional buffer of the same length.
 * @returns `out`, or a new Float64Array.
 * @throws {InputTypeError} if the input is not an array of numbers or `out` not a Float64Array.
 * @throws {ShapeError} if `out` has a different length.
 *
 * @example
 * ```ts
 * import { sigmoidArrayReciprocal } from "@nnref/nnref/activation";
 * if (sigmoidArrayReciprocal([0])[0] !== 0.5) throw new Error("σ(0)");
 * ```
 * @category Activation functions
 */
export function sigmoidArrayReciprocal(
  values: ArrayLike<number>,
  out?: Float64Array,
): Float64Array {
  const result = elementwiseOut(values, out, "sigmoid"), n = values.length;
  for (let i = 0; i < n; i++) result[i] = 1 / (1 + Math.exp(-values[i]));
  return result;
}

/**
 * σ(z) via the hyperbolic tangent: σ(z) = ½ + ½·tanh(z/2).
 *
 * Agrees with {@link sigmoid} to within 2⁻⁵³ absolutely, but loses relative precision
 * for z ≪ 0 (σ(−40) comes out as 0 or a few ulps of ½). A benchmark variant.
 *
 * @param values Pre-activations z.
 * @param out Optional buffer of the same length.
 * @returns `out`, or a new Float64Array.
 * @throws {InputTypeError} if the input is not an array of numbers or `out` not a Float64Array.
 * @throws {ShapeError} if `out` has a different length.
 *
 * @example
 * ```ts
 * import { sigmoidArrayTanh } from "@nnref/nnref/activation";
 * if (sigmoidArrayTanh([0])[0] !== 0.5) throw new Error("σ(0)");
 * ```
 * @category Activation functions
 */
export function sigmoidArrayTanh(values: ArrayLike<number>, out?: Float64Array): Float64Array {
  const result = elementwiseOut(values, out, "sigmoid"), n = values.length;
  for (let i = 0; i < n; i++) result[i] = 0.5 + 0.5 * Math.tanh(0.5 * values[i]);
  return result;
}

/**
 * σ′ from outputs for every entry: `out[i] = a[i](1 − a[i])`.
 *
 * @param outputs Activations a = σ(z).
 * @param out Optional buffer of the same length.
 * @returns `out`, or a new Float64Array.
 * @throws {InputTypeError} if the input is not an array of numbers or `out` not a Float64Array.
 * @throws {ShapeError} if `out` has a different length.
 *
 * @example
 * ```ts
 * import { sigmoidDerivativeFromOutputArray } from "@nnref/nnref/activation";
 * if (sigmoidDerivativeFromOutputArray([0.5])[0] !== 0.25) throw new Error("¼");
 * ```
 * @category Activation functions
 */
export function sigmoidDerivativeFromOutputArray(
  outputs: ArrayLike<number>,
  out?: Float64Array,
): Float64Array {
  const result = elementwiseOut(outputs, out, "sigmoid derivative"), n = outputs.length;
  for (let i = 0; i < n; i++) {
    const a = outputs[i];
    result[i] = a * (1 - a);
  }
  return result;
}

/**
 * σ′ from outputs as S2 writes it, f − f²: `out[i] = a[i] − a[i]·a[i]`.
 *
 * Mathematically a(1 − a); in binary64 it can differ from it by an ulp of a.
 *
 * @param outputs Activations a = σ(z).
 * @param out Optional buffer of the same length.
 * @returns `out`, or a new Float64Array.
 * @throws {InputTypeError} if the input is not an array of numbers or `out` not a Float64Array.
 * @throws {ShapeError} if `out` has a different length.
 *
 * @example
 * ```ts
 * import { sigmoidDerivativeFromOutputArrayExpanded } from "@nnref/nnref/activation";
 * if (sigmoidDerivativeFromOutputArrayExpanded([0.5])[0] !== 0.25) throw new Error("¼");
 * ```
 * @category Activation functions
 */
export function sigmoidDerivativeFromOutputArrayExpanded(
  outputs: ArrayLike<number>,
  out?: Float64Array,
): Float64Array {
  const result = elementwiseOut(outputs, out, "sigmoid derivative"), n = outputs.length;
  for (let i = 0; i < n; i++) {
    const a = outputs[i];
    result[i] = a - a * a;
  }
  return result;
}

/**
 * σ′ from inputs for every entry: `out[i] = sigmoidDerivative(values[i])`.
 *
 * @param values Pre-activations z.
 * @param out Optional buffer of the same length.
 * @returns `out`, or a new Float64Array.
 * @throws {InputTypeError} if the input is not an array of numbers or `out` not a Float64Array.
 * @throws {ShapeError} if `out` has a different length.
 *
 * @example
 * ```ts
 * import { sigmoidDerivativeArray } from "@nnref/nnref/activation";
 * if (sigmoidDerivativeArray([0])[0] !== 0.25) throw new Error("¼");
 * ```
 * @category Activation functions
 */
export function sigmoidDerivativeArray(
  values: ArrayLike<number>,
  out?: Float64Array,
): Float64Array {
  const result = elementwiseOut(values, out, "sigmoid derivative"), n = values.length;
  for (let i = 0; i < n; i++) {
    const e = Math.exp(-Math.abs(values[i]));
    const d = 1 + e;
    result[i] = e / (d * d);
  }
  return result;
}

/**
 * Every σ kernel; spec/ checks each against {@link sigmoidArray} (the reference) on the
 * domain its doc comment states, and bench/ times them.
 *
 * @example
 * ```ts
 * import { SIGMOID_VARIANTS } from "@nnref/nnref/variants";
 * for (const kernel of Object.values(SIGMOID_VARIANTS)) {
 *   if (kernel([0])[0] !== 0.5) throw new Error("every variant gives σ(0) = ½");
 * }
 * ```
 * @category Variants
 */
export const SIGMOID_VARIANTS: Readonly<
  Record<
    "stable" | "reciprocal" | "tanh",
    (values: ArrayLike<number>, out?: Float64Array) => Float64Array
  >
> = Object.freeze({
  stable: sigmoidArray,
  reciprocal: sigmoidArrayReciprocal,
  tanh: sigmoidArrayTanh,
});

/**
 * Every kernel for σ′ from outputs (fused a(1 − a) and S2's f − f²); spec/ checks them
 * against each other, bench/ times them.
 *
 * @example
 * ```ts
 * import { SIGMOID_DERIVATIVE_FROM_OUTPUT_VARIANTS } from "@nnref/nnref/variants";
 * for (const kernel of Object.values(SIGMOID_DERIVATIVE_FROM_OUTPUT_VARIANTS)) {
 *   if (kernel([0.5])[0] !== 0.25) throw new Error("¼ at ½");
 * }
 * ```
 * @category Variants
 */
export const SIGMOID_DERIVATIVE_FROM_OUTPUT_VARIANTS: Readonly<
  Record<"product" | "expanded", (outputs: ArrayLike<number>, out?: Float64Array) => Float64Array>
> = Object.freeze({
  product: sigmoidDerivativeFromOutputArray,
  expanded: sigmoidDerivativeFromOutputArrayExpanded,
});
