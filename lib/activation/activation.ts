/**
 * The `Activation` interface that networks take, and the registry of built-in ones.
 *
 * A network stores each layer's output a = f(z); backprop then needs f′(z), which every
 * activation here can give from a alone (`derivativeFromOutput`), as S1 (3.3), S2 and
 * S3 (2) all use.
 *
 * @module
 */

import { sigmoid, sigmoidDerivative, sigmoidDerivativeFromOutput } from "./sigmoid.ts";
import { tanh, tanhDerivative, tanhDerivativeFromOutput } from "./tanh.ts";
import { relu, reluDerivative, reluDerivativeFromOutput } from "./relu.ts";
import { identityActivation, identityDerivative } from "./identity.ts";

/** An elementwise activation function f with its derivative.
 * @category Activation functions */
export interface Activation {
  /** The registry key, e.g. "sigmoid". */
  readonly name: string;
  /** a = f(z). */
  value(z: number): number;
  /** f′(z), from the pre-activation z. */
  derivative(z: number): number;
  /** f′(z) expressed through the output a = f(z) (σ: a(1 − a); tanh: 1 − a²). */
  derivativeFromOutput(a: number): number;
}

/**
 * The built-in activations: sigmoid σ, tanh, ReLU (derivative 0 at 0) and identity.
 *
 * @example derivative(z) and derivativeFromOutput(value(z)) agree
 * ```ts
 * import { ACTIVATIONS } from "@nnref/nnref/activation";
 * import { assertClose } from "@nnref/nnref/oracle";
 * for (const f of Object.values(ACTIVATIONS)) {
 *   const z = 0.75;
 *   const d1 = f.derivative(z), d2 = f.derivativeFromOutput(f.value(z));
 *   assertClose(d1, d2, { atol: 1e-15 }, f.name);
 * }
 * ```
 * @category Activation functions
 */
export const ACTIVATIONS: Readonly<Record<"sigmoid" | "tanh" | "relu" | "identity", Activation>> =
  Object.freeze({
    sigmoid: Object.freeze({
      name: "sigmoid",
      value: sigmoid,
      derivative: sigmoidDerivative,
      derivativeFromOutput: sigmoidDerivativeFromOutput,
    }),
    tanh: Object.freeze({
      name: "tanh",
      value: tanh,
      derivative: tanhDerivative,
      derivativeFromOutput: tanhDerivativeFromOutput,
    }),
    relu: Object.freeze({
      name: "relu",
      value: relu,
      derivative: reluDerivative,
      derivativeFromOutput: reluDerivativeFromOutput,
    }),
    identity: Object.freeze({
      name: "identity",
      value: identityActivation,
      derivative: identityDerivative,
      derivativeFromOutput: identityDerivative,
    }),
  });
