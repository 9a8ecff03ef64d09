/**
 * Training a classifier network by gradient descent: full batch or shuffled mini-batches,
 * with the loss and accuracy history, a bounded number of epochs and a status.
 *
 * @module
 */

import { createMatrix, type Matrix } from "../linalg/matrix.ts";
import type { Loss } from "../loss/loss.ts";
import type { RandomState } from "../random/random_state.ts";
import { requireFinite, requireInteger, requirePositive } from "../_util/validate.ts";
import {
  flattenParameters,
  inputWidth,
  type Network,
  outputWidth,
  withParameters,
} from "./network.ts";
import { createForwardTrace, forwardBatch, type ForwardTrace } from "./forward.ts";
import { backward, backwardFromDelta, createGradients, type Gradients } from "./backward.ts";
import { accuracy, labelTargets } from "./targets.ts";

export type { Loss } from "../loss/loss.ts";
export type { RandomState } from "../random/random_state.ts";
export type { Matrix } from "../linalg/matrix.ts";

/**
 * How to train.
 * @category Neural networks
 */
export interface TrainOptions {
  /** The loss L(ŷ, y), summed over entries as in lib/loss (e.g. `LOSSES.binaryCrossEntropy`). */
  readonly loss: Loss;
  /** The step size η (002's `learning_rate`, 000's a, 001's η); must be > 0. */
  readonly learningRate: number;
  /** The most epochs (passes over the data) to run; with full batches, iterations. */
  readonly maxEpochs: number;
  /** Rows per step; default (and at most) the whole dataset, i.e. full-batch descent. */
  readonly batchSize?: number;
  /**
   * Whether a step uses the gradient of the batch's summed loss (`"sum"`, 002's diamond
   * program: `W_1 - learning_rate*J_W_1_grad` with J summed over the 50 samples) or of
   * its mean over the batch's rows (`"mean"`, the default).
   */
  readonly reduction?: "mean" | "sum";
  /** Shuffles the rows every epoch; required when batchSize is smaller than the dataset. */
  readonly random?: RandomState;
  /** Stop with status "converged" once the mean loss is ≤ this. */
  readonly targetLoss?: number;
}

/**
 * The outcome of {@link trainNetwork}.
 * @category Neural networks
 */
export interface TrainResult {
  /** The trained network (the input network is not modified). */
  readonly network: Network;
  /** Mean loss per sample over the whole dataset at the start of each epoch. */
  readonly lossHistory: number[];
  /** Fraction of rows classified correctly at the start of each epoch. */
  readonly accuracyHistory: number[];
  /** Mean loss of the returned network. */
  readonly finalLoss: number;
  /** Accuracy of the returned network. */
  readonly finalAccuracy: number;
  /** Epochs whose update was applied. */
  readonly epochs: number;
  /**
   * "converged": the mean loss reached `targetLoss`; "diverged": the loss or a parameter
   * became non-finite; "maxIterations": `maxEpochs` ran out.
   */
  readonly status: "converged" | "diverged" | "maxIterations";
}

/** Whether δᴸ = ŷ − y applies exactly (σ′ cancels): sigmoid outputs with cross-entropy. */
function logisticOutput(network: Network, loss: Loss): boolean {
  const last = network.layers[network.layers.length - 1].activation;
  return last.name === "sigmoid" && loss.name === "binaryCrossEntropy";
}

/** Fills `gradients` for the batch in `trace`, of the loss scaled by `scale`. */
function gradientsOf(
  network: Network,
  trace: ForwardTrace,
  targets: Matrix,
  loss: Loss,
  scale: number,
  seed: Matrix,
  gradients: Gradients,
): void {
  const output = trace.activations[trace.activations.length - 1];
  if (logisticOutput(network, loss)) {
    for (let i = 0; i < seed.data.length; i++) {
      seed.data[i] = scale === 1
        ? output.data[i] - targets.data[i]
        : (output.data[i] - targets.data[i]) * scale;
    }
    backwardFromDelta(network, trace, seed, gradients);
  } else {
    loss.gradient(output.data, targets.data, seed.data);
    if (scale !== 1) { for (let i = 0; i < seed.data.length; i++) seed.data[i] *= scale; }
    backward(network, trace, seed, gradients);
  }
}

/**
 * The loss of a batch and its gradients, from {@link lossGradients}.
 * @category Neural networks
 */
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
 * one backward pass. For a sigmoid output with binary cross-entropy the output δ is
 * ŷ − y (002's `J_z_3_grad = -y + y_pred`); otherwise ∂L/∂ŷ ⊙ f′(z).
 *
 * @param network The network.
 * @param inputs n × (input width) batch.
 * @param targets n × (output width) targets.
 * @param loss A summed loss from lib/loss.
 * @param reduction "sum" (default: the loss as lib/loss defines it) or "mean" over rows.
 * @returns The loss, gradients and trace.
 * @throws {RangeError} if the shapes disagree or an input is non-finite.
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
  const trace = forwardBatch(network, inputs);
  const output = trace.activations[trace.activations.length - 1];
  if (targets.rows !== output.rows || targets.cols !== output.cols) {
    throw new RangeError(
      `Cannot compute the loss: targets are ${targets.rows}×${targets.cols} but the output is ${output.rows}×${output.cols}`,
    );
  }
  const scale = reduction === "mean" ? 1 / inputs.rows : 1;
  const gradients = createGradients(network, inputs.rows);
  gradientsOf(
    network,
    trace,
    targets,
    loss,
    scale,
    createMatrix(output.rows, output.cols),
    gradients,
  );
  const total = loss.value(output.data, targets.data);
  return { loss: reduction === "mean" ? total / inputs.rows : total, gradients, trace };
}

/** θ ← θ − η∇, in place on the network's own (copied) buffers. */
function step(network: Network, gradients: Gradients, rate: number): void {
  network.layers.forEach((layer, l) => {
    const w = layer.weights.data, g = gradients.weights[l].data;
    for (let i = 0; i < w.length; i++) w[i] = w[i] - rate * g[i];
    const b = layer.biases, gb = gradients.biases[l];
    if (b && gb) { for (let i = 0; i < b.length; i++) b[i] = b[i] - rate * gb[i]; }
  });
}

function allFinite(network: Network): boolean {
  return network.layers.every((layer) =>
    layer.weights.data.every(Number.isFinite) && (layer.biases?.every(Number.isFinite) ?? true)
  );
}

/**
 * Trains a classifier by gradient descent. Each epoch first records the mean loss and the
 * accuracy on the whole dataset (before that epoch's update, in the order of 002's
 * diamond loop), then takes one step (full batch) or one step per mini-batch of a
 * shuffled order.
 *
 * For a sigmoid output with binary cross-entropy the output δ is taken as ŷ − y (σ′
 * cancels exactly in real arithmetic), as 002's `J_z_3_grad = -y + y_pred` does; other
 * pairs go through the loss gradient and f′.
 *
 * @param network The initial network (copied, not modified).
 * @param inputs n × (input width), one sample per row.
 * @param labels n integer class labels (0/1 for one output, 0 … k − 1 for k outputs).
 * @param options Loss, learning rate η, epochs, batch size, reduction, RNG, target loss.
 * @returns The trained network, histories, final loss and accuracy, epochs and status.
 * @throws {RangeError} for an empty dataset, a wrong input width, non-finite inputs, a
 *   label outside the class range, η ≤ 0, a bad epoch count or batch size, or mini-batches
 *   without a RandomState.
 * @see fixtures/nn/diamond.json
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
  const n = inputs.rows;
  if (n === 0) throw new RangeError("Cannot train on an empty dataset: it has 0 rows");
  if (inputs.cols !== inputWidth(network)) {
    throw new RangeError(
      `Cannot train on a batch of width ${inputs.cols}: layer 1 expects ${
        inputWidth(network)
      } inputs`,
    );
  }
  requireFinite(inputs.data, "Training inputs");
  if (labels.length !== n) {
    throw new RangeError(`Cannot train: ${n} input rows but ${labels.length} labels`);
  }
  const targets = labelTargets(labels, outputWidth(network));
  requirePositive(options.learningRate, "Learning rate");
  requireInteger(options.maxEpochs, "maxEpochs", 0);
  const batchSize = options.batchSize ?? n;
  requireInteger(batchSize, "Batch size", 1);
  if (batchSize < n && options.random === undefined) {
    throw new RangeError(
      `Mini-batches of ${batchSize} rows (of ${n}) need a RandomState to shuffle with`,
    );
  }
  if (options.targetLoss !== undefined && !Number.isFinite(options.targetLoss)) {
    throw new RangeError(`targetLoss must be a finite number, got ${options.targetLoss}`);
  }
  const reduction = options.reduction ?? "mean";
  if (reduction !== "mean" && reduction !== "sum") {
    throw new TypeError(`reduction must be "mean" or "sum", got ${JSON.stringify(reduction)}`);
  }
  const { loss, learningRate } = options;
  // withParameters copies, so the caller's network is never modified by the steps below.
  const net = withParameters(network, flattenParameters(network));
  const full = createForwardTrace(net, n);
  const fullGradients = createGradients(net, n);
  const fullSeed = createMatrix(n, targets.cols);
  const lossHistory: number[] = [], accuracyHistory: number[] = [];
  let status: TrainResult["status"] = "maxIterations";
  let epochs = 0;
  const batches = batchSize >= n ? null : {
    x: createMatrix(batchSize, inputs.cols),
    t: createMatrix(batchSize, targets.cols),
    trace: createForwardTrace(net, batchSize),
    gradients: createGradients(net, batchSize),
    seed: createMatrix(batchSize, targets.cols),
  };
  for (let epoch = 0; epoch < options.maxEpochs; epoch++) {
    forwardBatch(net, inputs, full);
    const output = full.activations[full.activations.length - 1];
    const meanLoss = loss.value(output.data, targets.data) / n;
    lossHistory.push(meanLoss);
    accuracyHistory.push(accuracy(output, labels));
    if (!Number.isFinite(meanLoss)) {
      status = "diverged";
      break;
    }
    if (options.targetLoss !== undefined && meanLoss <= options.targetLoss) {
      status = "converged";
      break;
    }
    if (batches === null) {
      gradientsOf(
        net,
        full,
        targets,
        loss,
        reduction === "mean" ? 1 / n : 1,
        fullSeed,
        fullGradients,
      );
      step(net, fullGradients, learningRate);
    } else {
      const order = options.random!.permutation(n);
      for (let start = 0; start < n; start += batchSize) {
        const rows = Math.min(batchSize, n - start);
        const b = rows === batchSize ? batches : {
          x: createMatrix(rows, inputs.cols),
          t: createMatrix(rows, targets.cols),
          trace: createForwardTrace(net, rows),
          gradients: createGradients(net, rows),
          seed: createMatrix(rows, targets.cols),
        };
        for (let r = 0; r < rows; r++) {
          const src = order[start + r];
          b.x.data.set(
            inputs.data.subarray(src * inputs.cols, (src + 1) * inputs.cols),
            r * inputs.cols,
          );
          b.t.data.set(
            targets.data.subarray(src * targets.cols, (src + 1) * targets.cols),
            r * targets.cols,
          );
        }
        forwardBatch(net, b.x, b.trace);
        gradientsOf(
          net,
          b.trace,
          b.t,
          loss,
          reduction === "mean" ? 1 / rows : 1,
          b.seed,
          b.gradients,
        );
        step(net, b.gradients, learningRate);
      }
    }
    epochs++;
    if (!allFinite(net)) {
      status = "diverged";
      break;
    }
  }
  const finalTrace = status === "diverged" && !allFinite(net)
    ? null
    : forwardBatch(net, inputs, full);
  const finalOutput = finalTrace?.activations[finalTrace.activations.length - 1];
  return {
    network: net,
    lossHistory,
    accuracyHistory,
    finalLoss: finalOutput ? loss.value(finalOutput.data, targets.data) / n : NaN,
    finalAccuracy: finalOutput ? accuracy(finalOutput, labels) : NaN,
    epochs,
    status,
  };
}
