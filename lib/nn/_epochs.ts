/**
 * The epoch loop shared by `trainNetwork` and `trainRegressor`: gradient descent on the
 * output loss, full batch or shuffled mini-batches, with the loss history, a bounded
 * number of epochs and a status. Its arguments are already validated by the caller.
 * Private: not re-exported.
 *
 * @module
 */

import { createMatrix, type Matrix } from "../linalg/matrix.ts";
import type { Loss } from "../loss/loss.ts";
import type { RandomState } from "../random/random_state.ts";
import { flattenParameters, type Network, parameterCount, withParameters } from "./network.ts";
import { createForwardTrace, forwardBatch, type ForwardTrace } from "./forward.ts";
import { backwardFromDelta, createGradients, type Gradients } from "./backward.ts";
import { outputDelta, outputLoss } from "./output_loss.ts";

/** The validated settings of a run. */
export interface EpochSettings {
  readonly loss: Loss;
  readonly learningRate: number;
  readonly maxEpochs: number;
  /** Rows per step, 1 ≤ batchSize ≤ n. */
  readonly batchSize: number;
  readonly reduction: "mean" | "sum";
  /** Present whenever batchSize < n. */
  readonly random?: RandomState;
  readonly targetLoss?: number;
}

/** What a run returns: the trained copy, the history and how it ended. */
export interface EpochRun {
  readonly network: Network;
  readonly lossHistory: number[];
  readonly finalLoss: number;
  readonly epochs: number;
  readonly status: "converged" | "diverged" | "maxIterations";
  /** The returned network's output on the whole dataset. */
  readonly finalOutput: Matrix;
}

/** The buffers of one batch size: its rows, targets, trace, gradients and δ. */
interface Batch {
  readonly x: Matrix;
  readonly t: Matrix;
  readonly trace: ForwardTrace;
  readonly gradients: Gradients;
  readonly delta: Matrix;
}

function batchBuffers(net: Network, rows: number, inputCols: number, outputCols: number): Batch {
  return {
    x: createMatrix(rows, inputCols),
    t: createMatrix(rows, outputCols),
    trace: createForwardTrace(net, rows),
    gradients: createGradients(net, rows),
    delta: createMatrix(rows, outputCols),
  };
}

/** θ ← θ − η∇, in place on the run's own copy of the network. */
function descend(network: Network, gradients: Gradients, rate: number): void {
  network.layers.forEach((layer, l) => {
    const w = layer.weights.data, g = gradients.weights[l].data;
    for (let i = 0; i < w.length; i++) w[i] = w[i] - rate * g[i];
    const b = layer.biases, gb = gradients.biases[l];
    if (b && gb) { for (let i = 0; i < b.length; i++) b[i] = b[i] - rate * gb[i]; }
  });
}

/** Writes `flat` (in flattenParameters order) back into the network's own buffers. */
function restore(network: Network, flat: Float64Array): void {
  let offset = 0;
  for (const layer of network.layers) {
    layer.weights.data.set(flat.subarray(offset, offset + layer.weights.data.length));
    offset += layer.weights.data.length;
    if (layer.biases) {
      layer.biases.set(flat.subarray(offset, offset + layer.biases.length));
      offset += layer.biases.length;
    }
  }
}

function allFinite(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return false;
  return true;
}

/**
 * One descent step on the batch already forwarded into `b.trace`; false (and no step)
 * when δ is not finite.
 */
function stepOn(net: Network, b: Batch, settings: EpochSettings): boolean {
  const rows = b.x.rows;
  const scale = settings.reduction === "mean" ? 1 / rows : 1;
  outputDelta(net, b.trace, b.t, settings.loss, scale, b.delta);
  if (!allFinite(b.delta.data)) return false;
  backwardFromDelta(net, b.trace, b.delta, b.gradients);
  descend(net, b.gradients, settings.learningRate);
  return true;
}

/**
 * Runs up to `maxEpochs` epochs. Each epoch records the mean loss on the whole dataset
 * (before its update, as 002's diamond loop does) and hands the output to `atEpochStart`,
 * stops "diverged" if that loss is not finite or "converged" once it is ≤ targetLoss, then
 * takes one step (full batch) or one per mini-batch of `random.permutation(n)`. If a step
 * leaves a parameter or δ non-finite, the epoch is undone and the run stops "diverged",
 * so the returned network is always finite.
 */
export function runEpochs(
  network: Network,
  inputs: Matrix,
  targets: Matrix,
  settings: EpochSettings,
  atEpochStart?: (output: Matrix) => void,
): EpochRun {
  const n = inputs.rows;
  // withParameters copies, so the caller's network is never modified by the steps below.
  const net = withParameters(network, flattenParameters(network));
  const snapshot = new Float64Array(parameterCount(net));
  const current = new Float64Array(snapshot.length);
  const full: Batch = { ...batchBuffers(net, n, inputs.cols, targets.cols), x: inputs, t: targets };
  const size = settings.batchSize;
  const batch = size < n ? batchBuffers(net, size, inputs.cols, targets.cols) : null;
  const tail = size < n && n % size !== 0
    ? batchBuffers(net, n % size, inputs.cols, targets.cols)
    : null;
  const output = full.trace.activations[full.trace.activations.length - 1];
  const lossHistory: number[] = [];
  let status: EpochRun["status"] = "maxIterations";
  let epochs = 0;
  for (let epoch = 0; epoch < settings.maxEpochs; epoch++) {
    forwardBatch(net, inputs, full.trace);
    const meanLoss = outputLoss(net, full.trace, targets, settings.loss) / n;
    lossHistory.push(meanLoss);
    atEpochStart?.(output);
    if (!Number.isFinite(meanLoss)) {
      status = "diverged";
      break;
    }
    if (settings.targetLoss !== undefined && meanLoss <= settings.targetLoss) {
      status = "converged";
      break;
    }
    flattenParameters(net, snapshot);
    let ok = true;
    if (batch === null) {
      ok = stepOn(net, full, settings);
    } else {
      const order = settings.random!.permutation(n);
      for (let start = 0; ok && start < n; start += size) {
        const b = n - start >= size ? batch : tail!;
        for (let r = 0; r < b.x.rows; r++) {
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
        ok = stepOn(net, b, settings);
      }
    }
    if (!ok || !allFinite(flattenParameters(net, current))) {
      restore(net, snapshot);
      status = "diverged";
      break;
    }
    epochs++;
  }
  forwardBatch(net, inputs, full.trace);
  const finalLoss = outputLoss(net, full.trace, targets, settings.loss) / n;
  return { network: net, lossHistory, finalLoss, epochs, status, finalOutput: output };
}
