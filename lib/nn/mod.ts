/**
 * Neural networks: feed-forward networks: creation, seeded initialisers, forward pass,
 * backward pass (the δ recursion) and training.
 *
 * @example
 * ```ts
 * import { createNetwork, forward } from "@nnref/nnref/nn";
 * // One identity layer: y = x·W + b = 2·10 + 3·100 + 1.
 * const net = createNetwork([{ weights: [[2], [3]], biases: [1], activation: "identity" }]);
 * if (forward(net, [10, 100]).activations[1].data[0] !== 321) throw new Error("321");
 * ```
 *
 * @module
 */

export {
  backward,
  backwardFromDelta,
  backwardFused,
  type BackwardKernel,
  backwardSeparate,
  createGradients,
  flattenGradients,
  type Gradients,
} from "./backward.ts";
export {
  createForwardTrace,
  forward,
  forwardBatch,
  forwardFused,
  type ForwardKernel,
  forwardSeparate,
  type ForwardTrace,
  predict,
} from "./forward.ts";
export {
  initializeNetwork,
  type InitializeOptions,
  type Initializer,
  type InitializerName,
  INITIALIZERS,
  initializeWeights,
} from "./initializers.ts";
export {
  type ActivationName,
  createNetwork,
  flattenParameters,
  inputWidth,
  isRowActivation,
  type Layer,
  type LayerActivation,
  type LayerSpec,
  type Network,
  outputWidth,
  parameterCount,
  withParameters,
} from "./network.ts";
export { outputDelta, outputLoss, requireLossFitsOutput } from "./output_loss.ts";
export { type RowActivation, SOFTMAX_OUTPUT } from "./softmax_output.ts";
export { accuracy, labelTargets } from "./targets.ts";
export {
  type LossGradients,
  lossGradients,
  MAX_EPOCHS,
  type RegressionResult,
  trainNetwork,
  type TrainOptions,
  trainRegressor,
  type TrainResult,
} from "./train.ts";
