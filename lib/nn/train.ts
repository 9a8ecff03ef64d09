/**
 * Training a network by gradient descent θ ← θ − η∇L: a classifier on integer labels
 * ({@link trainNetwork}) or a regressor on real-valued targets ({@link trainRegressor}),
 * full batch or shuffled mini-batches, with the loss history, a bounded number of epochs
 * and a status; and the loss gradients of one batch ({@link lossGradients}).
 *
 * Each step uses the output δ of output_loss.ts: σ(z) − y and softmax(z) − y from the
 * logits for the cross-entropies (a saturated output neither makes the loss ∞ nor stops
 * training), ∂L/∂ŷ ⊙ f′(z) for other pairs (squared error after identity: regression).
 *
 * One file on purpose (just over 400 lines with its documentation): the classifier and
 * the regressor share the batch loop, the input checks and the result type.
 *
 * @module
 */

import { createMatrix, type Matrix } from "../linalg/matrix.ts";
import type { Loss } from "../loss/loss.ts";
import { RandomState } from "../random/random_state.ts";
import { requireFinite } from "../_util/validate.ts";
import {
  describeValue,
  requireMatrix,
  requireNumberArray,
  requireOptions,
} from "../_util/input.ts";
import { ArgumentRangeError, InputTypeError, ShapeError } from "../errors.ts";
import { inputWidth, type Network, outputWidth } from "./network.ts";
import { forwardBatch, type ForwardTrace } from "./forward.ts";
import { backwardFromDelta, type Gradients } from "./backward.ts";
import { accuracy, labelTargets } from "./targets.ts";
import { outputDelta, outputLoss, requireLossFitsOutput } from "./output_loss.ts";
import { type EpochSettings, runEpochs } from "./_epochs.ts";
import { requireNetwork } from "./_check.ts";

export type { Loss } from "../loss/loss.ts";
export type { RandomState } from "../random/random_state.ts";
export type { Matrix } from "../linalg/matrix.ts";
export type { Network } from "./network.ts";
export type { ForwardTrace } from "./forward.ts";
export type { Gradients } from "./backward.ts";

/**
 * The most epochs one call trains for: 10⁶. It bounds the run and keeps each history
 * array under 8 MB; to train longer, call again with the returned network.
 *
 * @example
 * ```ts
 * import { MAX_EPOCHS } from "@nnref/nnref/nn";
 * if (MAX_EPOCHS !== 1_000_000) throw new Error("10⁶");
 * ```
 * @category Neural networks
 */
export const MAX_EPOCHS = 1_000_000;

/** How to train.
 * @category Neural networks */
export interface TrainOptions {
  /**
   * The loss L(ŷ, y), summed over entries as in lib/loss (`LOSSES.squaredError`,
   * `LOSSES.binaryCrossEntropy` after sigmoid, `LOSSES.categoricalCrossEntropy` after softmax).
   */
  readonly loss: Loss;
  /** The step size η (002's `learning_rate`, 000's a, 001's η); a finite number > 0. */
  readonly learningRate: number;
  /** The most epochs (passes over the data) to run, an integer in [0, {@link MAX_EPOCHS}]. */
  readonly maxEpochs: number;
  /** Rows per step, an integer ≥ 1; default the whole dataset (full batch), as is any larger value. */
  readonly batchSize?: number;
  /**
   * Whether a step uses the gradient of the batch's summed loss (`"sum"`, 002's diamond
   * program: `W_1 - learning_rate*J_W_1_grad` with J summed over the 50 samples) or of
   * its mean over the batch's rows (`"mean"`, the default).
   */
  readonly reduction?: "mean" | "sum";
  /**
   * Shuffles the rows every epoch with `random.permutation(n)`, batches in that order;
   * required when batchSize is smaller than the dataset. It is advanced (that is its job).
   */
  readonly random?: RandomState;
  /** Stop with status "converged" once the mean loss is ≤ this finite number. */
  readonly targetLoss?: number;
}

/** The outcome of {@link trainRegressor}.
 * @category Neural networks */
export interface RegressionResult {
  /** The trained network (a copy: the input network is not modified); always finite. */
  readonly network: Network;
  /** Mean loss per row over the whole dataset at the start of each epoch. */
  readonly lossHistory: number[];
  /** Mean loss of the returned network. */
  readonly finalLoss: number;
  /** Epochs whose update was applied. */
  readonly epochs: number;
  /**
   * "converged": the mean loss reached `targetLoss`; "diverged": the loss was not finite
   * at the start of an epoch, or an epoch's steps made a parameter or δ non-finite (that
   * epoch is undone, so `network` holds its last finite parameters); "maxIterations":
   * `maxEpochs` ran out.
   */
  readonly status: "converged" | "diverged" | "maxIterations";
}

/** The outcome of {@link trainNetwork}: a regression result plus accuracies.
 * @category Neural networks */
export interface TrainResult extends RegressionResult {
  /** Fraction of rows classified correctly at the start of each epoch. */
  readonly accuracyHistory: number[];
  /** Accuracy of the returned network. */
  readonly finalAccuracy: number;
}

const OPTION_KEYS = [
  "loss",
  "learningRate",
  "maxEpochs",
  "batchSize",
  "reduction",
  "random",
  "targetLoss",
] as const;

function requireNumber(value: unknown, what: string): asserts value is number {
  if (typeof value !== "number") {
    throw new InputTypeError(`${what} must be a number, got ${describeValue(value)}`);
  }
}

function requireReduction(value: unknown, what: string): "mean" | "sum" {
  if (value !== "mean" && value !== "sum") {
    throw new ArgumentRangeError(`${what} must be "mean" or "sum", got ${describeValue(value)}`);
  }
  return value;
}

/** Checks the network, the inputs and the options, and resolves the defaults. */
function checkRun(
  network: Network,
  inputs: Matrix,
  options: TrainOptions,
  what: string,
): EpochSettings {
  requireNetwork(network, `${what}: network`, true);
  requireMatrix(inputs, `${what}: inputs`);
  const n = inputs.rows;
  if (n === 0) throw new ShapeError(`Cannot train on an empty dataset: inputs have 0 rows`);
  if (inputs.cols !== inputWidth(network)) {
    throw new ShapeError(
      `Cannot train on a batch of width ${inputs.cols}: layer 1 expects ${
        inputWidth(network)
      } inputs`,
    );
  }
  requireFinite(inputs.data, "Training inputs");
  requireOptions(options, `${what}: options`, OPTION_KEYS);
  requireLossFitsOutput(network, options.loss);
  const { learningRate, maxEpochs, batchSize = n, random, targetLoss } = options;
  requireNumber(learningRate, "learningRate");
  if (!(Number.isFinite(learningRate) && learningRate > 0)) {
    throw new ArgumentRangeError(`Learning rate must be a finite number > 0, got ${learningRate}`);
  }
  requireNumber(maxEpochs, "maxEpochs");
  if (!Number.isInteger(maxEpochs) || maxEpochs < 0 || maxEpochs > MAX_EPOCHS) {
    throw new ArgumentRangeError(
      `maxEpochs must be an integer in [0, ${MAX_EPOCHS}] (MAX_EPOCHS), got ${maxEpochs}: to train longer, call again with the returned network`,
    );
  }
  requireNumber(batchSize, "batchSize");
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new ArgumentRangeError(`Batch size must be an integer ≥ 1, got ${batchSize}`);
  }
  if (random !== undefined && !(random instanceof RandomState)) {
    throw new InputTypeError(`random must be a RandomState, got ${describeValue(random)}`);
  }
  if (batchSize < n && random === undefined) {
    throw new ArgumentRangeError(
      `Mini-batches of ${batchSize} rows (of ${n}) need a RandomState to shuffle with: pass random`,
    );
  }
  if (targetLoss !== undefined) {
    requireNumber(targetLoss, "targetLoss");
    if (!Number.isFinite(targetLoss)) {
      throw new ArgumentRangeError(`targetLoss must be a finite number, got ${targetLoss}`);
    }
  }
  const reduction = requireReduction(options.reduction ?? "mean", "reduction");
  return {
    loss: options.loss,
    learningRate,
    maxEpochs,
    batchSize: Math.min(batchSize, n),
    reduction,
    random,
    targetLoss,
  };
}

/** The loss of a batch and its gradients, from {@link lossGradients}.
 * @category Neural networks */
export interface LossGradients {
  /** The loss over the batch: summed, or divided by the number of rows for "mean". */
  readonly loss: number;
  /** ∂loss/∂parameters. */
  readonly gradients: Gradients;
  /** The forward trace of the batch. */
  readonly trace: ForwardTrace;
}

/**
 * The loss of a batch and its gradient with respect to every parameter: one forward and
 * one backward pass, from the output δ of {@link outputDelta} (σ(z) − y for binary
 * cross-entropy after σ, 002's `J_z_3_grad = -y + y_pred`; softmax(z) − y for categorical
 * cross-entropy; ∂L/∂ŷ ⊙ f′(z) otherwise).
 *
 * @param network The network.
 * @param inputs n × (input width) batch.
 * @param targets n × (output width) targets.
 * @param loss A summed loss from lib/loss that fits the output layer.
 * @param reduction "sum" (default: the loss as lib/loss defines it) or "mean" over rows.
 * @returns The loss, gradients and trace.
 * @throws {InputTypeError} if an argument is not of its type.
 * @throws {ShapeError} if the shapes disagree.
 * @throws {NonFiniteError} if an input, a parameter or the output δ is not finite.
 * @throws {ArgumentRangeError} if the loss does not fit the output, or for an unknown reduction.
 * @see fixtures/nn/diamond.json
 *
 * @example One sigmoid unit at w = 0 with log loss: ∂L/∂w = (½ − y)x
 * ```ts
 * import { fromRows } from "@nnref/nnref/linalg";
 * import { LOSSES } from "@nnref/nnref/loss";
 * import { createNetwork, lossGradients } from "@nnref/nnref/nn";
 * const net = createNetwork([{ weights: [[0]], activation: "sigmoid" }]);
 * const r = lossGradients(net, fromRows([[2]]), fromRows([[1]]), LOSSES.binaryCrossEntropy);
 * if (r.gradients.weights[0].data[0] !== -1 || r.loss !== Math.LN2) throw new Error("(½ − 1)·2");
 * ```
 * @category Neural networks
 */
export function lossGradients(
  network: Network,
  inputs: Matrix,
  targets: Matrix,
  loss: Loss,
  reduction: "mean" | "sum" = "sum",
): LossGradients {
  requireNetwork(network, "lossGradients: network", true);
  requireMatrix(inputs, "lossGradients: inputs");
  requireMatrix(targets, "lossGradients: targets");
  requireReduction(reduction, "reduction");
  requireLossFitsOutput(network, loss);
  const trace = forwardBatch(network, inputs);
  const scale = reduction === "mean" ? 1 / inputs.rows : 1;
  const delta = outputDelta(network, trace, targets, loss, scale);
  const total = outputLoss(network, trace, targets, loss);
  const gradients = backwardFromDelta(network, trace, delta);
  return { loss: reduction === "mean" ? total / inputs.rows : total, gradients, trace };
}

/** Labels as targets, after checking them with a message that points regressions elsewhere. */
function labelMatrix(labels: ArrayLike<number>, n: number, classes: number): Matrix {
  requireNumberArray(labels, "trainNetwork: labels");
  if (labels.length !== n) {
    throw new ShapeError(`Cannot train: ${n} input rows but ${labels.length} labels`);
  }
  const range = classes === 1 ? 2 : classes;
  for (let i = 0; i < n; i++) {
    const label = labels[i];
    if (!Number.isInteger(label) || label < 0 || label >= range) {
      throw new ArgumentRangeError(
        `Label ${label} at row ${i} is outside the class range 0..${
          range - 1
        }: labels are integer classes; for real-valued targets use trainRegressor`,
      );
    }
  }
  return labelTargets(labels, classes);
}

/**
 * Trains a classifier by gradient descent. Each epoch first records the mean loss and the
 * accuracy on the whole dataset (before that epoch's update, in the order of 002's
 * diamond loop), then takes one step (full batch) or one step per mini-batch of a
 * shuffled order.
 *
 * Targets come from the labels: the label itself for one output (0/1), one-hot rows for
 * k outputs (0 … k − 1). Accuracy counts ŷ ≥ ½ (one output) or the arg-max (k outputs).
 *
 * @param network The initial network (copied, not modified).
 * @param inputs n × (input width), one sample per row.
 * @param labels n integer class labels (0/1 for one output, 0 … k − 1 for k outputs).
 * @param options Loss, learning rate η, epochs, batch size, reduction, RNG, target loss.
 * @returns The trained network, histories, final loss and accuracy, epochs and status.
 * @throws {InputTypeError} if an argument or option is not of its type.
 * @throws {ShapeError} for an empty dataset, a wrong input width or label count.
 * @throws {NonFiniteError} for a non-finite input or parameter.
 * @throws {ArgumentRangeError} for a label outside the class range, η ≤ 0, maxEpochs
 *   outside [0, MAX_EPOCHS], a bad batch size, mini-batches without a RandomState, an
 *   unknown option, or a loss that does not fit the output layer.
 * @see fixtures/nn/diamond.json
 * @see fixtures/nn/saturated.json
 * @see fixtures/nn/softmax_classifier.json
 *
 * @example Logical OR with one sigmoid unit (bias input in the last column, as in 002)
 * ```ts
 * import { fromRows } from "@nnref/nnref/linalg";
 * import { LOSSES } from "@nnref/nnref/loss";
 * import { createNetwork, trainNetwork } from "@nnref/nnref/nn";
 * const net = createNetwork([{ weights: [[0], [0], [0]], activation: "sigmoid" }]);
 * const x = fromRows([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]]);
 * const result = trainNetwork(net, x, [0, 1, 1, 1], {
 *   loss: LOSSES.binaryCrossEntropy, learningRate: 1, maxEpochs: 200,
 * });
 * if (result.finalAccuracy !== 1 || result.status !== "maxIterations") throw new Error("OR");
 * if (!(result.lossHistory[199] < result.lossHistory[0])) throw new Error("loss falls");
 * ```
 * @category Neural networks
 */
export function trainNetwork(
  network: Network,
  inputs: Matrix,
  labels: ArrayLike<number>,
  options: TrainOptions,
): TrainResult {
  const settings = checkRun(network, inputs, options, "trainNetwork");
  const targets = labelMatrix(labels, inputs.rows, outputWidth(network));
  const accuracyHistory: number[] = [];
  const run = runEpochs(network, inputs, targets, settings, (output) => {
    accuracyHistory.push(accuracy(output, labels));
  });
  return {
    network: run.network,
    lossHistory: run.lossHistory,
    accuracyHistory,
    finalLoss: run.finalLoss,
    finalAccuracy: accuracy(run.finalOutput, labels),
    epochs: run.epochs,
    status: run.status,
  };
}

/**
 * Trains a network on real-valued targets by gradient descent — a regression network
 * (identity output, squared error ½Σ(ŷ − y)²), or any output with targets given as
 * values (soft labels for a cross-entropy). Epochs, batches, reduction and status are
 * those of {@link trainNetwork}; there is no accuracy.
 *
 * @param network The initial network (copied, not modified).
 * @param inputs n × (input width), one sample per row.
 * @param targets n × (output width) targets, as a Matrix or as n·width numbers row after
 *   row (for one output, simply the n targets).
 * @param options Loss, learning rate η, epochs, batch size, reduction, RNG, target loss.
 * @returns The trained network, loss history, final loss, epochs and status.
 * @throws {InputTypeError} if an argument or option is not of its type.
 * @throws {ShapeError} for an empty dataset, a wrong input width or target shape.
 * @throws {NonFiniteError} for a non-finite input, target or parameter.
 * @throws {ArgumentRangeError} as {@link trainNetwork}.
 * @see fixtures/nn/regression_mlp.json
 *
 * @example Fit y = 2x + 1 with one identity unit
 * ```ts
 * import { fromRows } from "@nnref/nnref/linalg";
 * import { LOSSES } from "@nnref/nnref/loss";
 * import { createNetwork, trainRegressor } from "@nnref/nnref/nn";
 * import { assertClose } from "@nnref/nnref/oracle";
 * const net = createNetwork([{ weights: [[0]], biases: [0], activation: "identity" }]);
 * const x = fromRows([[0], [1], [2], [3]]);
 * const result = trainRegressor(net, x, [1, 3, 5, 7], {
 *   loss: LOSSES.squaredError, learningRate: 0.1, maxEpochs: 2000,
 * });
 * const [w] = result.network.layers[0].weights.data, [b] = result.network.layers[0].biases!;
 * assertClose(w, 2, { atol: 1e-9 }, `${w}, ${b}`);
 * assertClose(b, 1, { atol: 1e-9 }, `${w}, ${b}`);
 * ```
 * @category Neural networks
 */
export function trainRegressor(
  network: Network,
  inputs: Matrix,
  targets: Matrix | ArrayLike<number>,
  options: TrainOptions,
): RegressionResult {
  const settings = checkRun(network, inputs, options, "trainRegressor");
  const n = inputs.rows, width = outputWidth(network);
  let values: ArrayLike<number>;
  if (typeof targets === "object" && targets !== null && "data" in targets) {
    requireMatrix(targets, "trainRegressor: targets");
    if (targets.rows !== n || targets.cols !== width) {
      throw new ShapeError(
        `trainRegressor: targets are ${targets.rows}×${targets.cols} but the output is ${n}×${width}`,
      );
    }
    values = targets.data;
  } else {
    requireNumberArray(targets, "trainRegressor: targets");
    if (targets.length !== n * width) {
      throw new ShapeError(
        `trainRegressor: ${targets.length} targets for ${n} rows of ${width} outputs (expected ${
          n * width
        })`,
      );
    }
    values = targets;
  }
  requireFinite(values, "Training targets");
  const run = runEpochs(network, inputs, createMatrix(n, width, values), settings);
  return {
    network: run.network,
    lossHistory: run.lossHistory,
    finalLoss: run.finalLoss,
    epochs: run.epochs,
    status: run.status,
  };
}
