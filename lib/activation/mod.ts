/**
 * Activation functions: σ, tanh, ReLU, the Heaviside step, the identity and softmax, with
 * their derivatives (from the input, or from the output as backpropagation uses them).
 *
 * @example
 * ```ts
 * import { sigmoid, sigmoidDerivativeFromOutput } from "@nnref/nnref/activation";
 * const s = sigmoid(0);
 * if (s !== 0.5 || sigmoidDerivativeFromOutput(s) !== 0.25) throw new Error("σ(0) = 1/2, σ′ = 1/4");
 * ```
 *
 * @module
 */

export { type Activation, ACTIVATIONS } from "./activation.ts";
export { identityActivation, identityDerivative } from "./identity.ts";
export {
  relu,
  reluArray,
  reluDerivative,
  reluDerivativeFromOutput,
  reluDerivativeS2,
} from "./relu.ts";
export {
  sigmoid,
  sigmoidArray,
  sigmoidArrayReciprocal,
  sigmoidArrayTanh,
  sigmoidDerivative,
  sigmoidDerivativeArray,
  sigmoidDerivativeFromOutput,
  sigmoidDerivativeFromOutputArray,
  sigmoidDerivativeFromOutputArrayExpanded,
} from "./sigmoid.ts";
export {
  logSoftmax,
  logSumExp,
  softmax,
  softmaxRows,
  softmaxRowsLogSumExp,
  softmaxRowsUnshifted,
} from "./softmax.ts";
export { heaviside, heavisideDerivative } from "./step.ts";
export {
  tanh,
  tanhArray,
  tanhDerivative,
  tanhDerivativeFromOutput,
  tanhDerivativeFromOutputArray,
} from "./tanh.ts";
