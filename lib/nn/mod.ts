/**
 * Neural networks: Feed-forward networks: creation, forward pass, backward pass (the δ
 * recursion) and training.
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
export { type RowActivation, SOFTMAX_OUTPUT } from "./softmax_output.ts";
export { accuracy, labelTargets } from "./targets.ts";
export {
  type LossGradients,
  lossGradients,
  trainNetwork,
  type TrainOptions,
  type TrainResult,
} from "./train.ts";
