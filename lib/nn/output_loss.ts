/**
 * The loss at a network's output layer and its δ: which loss fits which output
 * activation, and the cross-entropies computed from the logits Zᴸ.
 *
 * - Binary cross-entropy after σ: L = Σ [y·softplus(−z) + (1 − y)·softplus(z)] and
 *   Δᴸ = σ(Zᴸ) − Y (σ′ cancels: 002's `J_z_3_grad = -y + y_pred`, 000's δ_k = Y − T).
 * - Categorical cross-entropy after softmax: L = Σ rows [logΣₖe^(zₖ) − Σⱼ yⱼzⱼ] with the
 *   max-shift, and Δᴸ = softmax(Zᴸ) − Y (the Jacobian diag(p) − ppᵀ times −y/p).
 * - Any other pair: Δᴸ = ∂L/∂Aᴸ ⊙ f′(Zᴸ), or J_f(Zᴸ)ᵀ ∂L/∂Aᴸ row by row for softmax.
 *
 * From the logits the loss is finite however saturated the output: a sigmoid unit at
 * z = 40 with label 0 costs softplus(40) ≈ 40, where σ(40) rounds to 1 and −ln(1 − 1)
 * is +∞.
 *
 * @module
 */

import { createMatrix, type Matrix } from "../linalg/matrix.ts";
import type { Loss } from "../loss/loss.ts";
import { ArgumentRangeError, InputTypeError, ShapeError } from "../errors.ts";
import { describeValue, requireMatrix } from "../_util/input.ts";
import { isRowActivation, type Network } from "./network.ts";
import type { ForwardTrace } from "./forward.ts";
import { requireNetwork } from "./_check.ts";

export type { Loss } from "../loss/loss.ts";
export type { Matrix } from "../linalg/matrix.ts";
export type { ForwardTrace } from "./forward.ts";

/**
 * Throws unless `loss` is a Loss: a name, `value` and `gradient` functions, and, if
 * present, `outputActivations` (names) and `fromLogits` (activation, value, delta).
 *
 * @throws {InputTypeError} naming what is missing.
 */
function requireLoss(loss: unknown, what: string): asserts loss is Loss {
  const l = loss as Record<string, unknown> | null;
  if (
    typeof l !== "object" || l === null || typeof l.name !== "string" ||
    typeof l.value !== "function" || typeof l.gradient !== "function"
  ) {
    throw new InputTypeError(
      `${what} must be a Loss such as LOSSES.squaredError, got ${describeValue(loss)}`,
    );
  }
  if (l.outputActivations !== undefined && !Array.isArray(l.outputActivations)) {
    throw new InputTypeError(`${what}.outputActivations must be an array of activation names`);
  }
  const logits = l.fromLogits as Record<string, unknown> | undefined;
  if (
    logits !== undefined && (typeof logits !== "object" || logits === null ||
      (logits.activation !== "sigmoid" && logits.activation !== "softmax") ||
      typeof logits.value !== "function" || typeof logits.delta !== "function")
  ) {
    throw new InputTypeError(
      `${what}.fromLogits must be { activation: "sigmoid" | "softmax", value, delta }`,
    );
  }
}

/** The fix for a loss that does not fit an output activation. */
function hint(activation: string): string {
  if (activation === "softmax") return "for a softmax output use LOSSES.categoricalCrossEntropy";
  if (activation === "sigmoid") return "for sigmoid outputs use LOSSES.binaryCrossEntropy";
  return "a cross-entropy needs probabilities: end the network with sigmoid " +
    "(LOSSES.binaryCrossEntropy) or softmax (LOSSES.categoricalCrossEntropy), or use " +
    "LOSSES.squaredError for regression";
}

/**
 * Throws unless `loss` fits the network's output layer: its activation is one of
 * `loss.outputActivations` (when the loss lists them), and a softmax paired with its
 * cross-entropy has at least 2 units (a softmax of one unit is the constant 1).
 *
 * @param network The network.
 * @param loss The loss to train it with.
 * @throws {InputTypeError} if network or loss is not one.
 * @throws {ArgumentRangeError} if the loss does not fit, with the fitting alternative:
 *   binary cross-entropy after softmax, categorical cross-entropy after σ, either after
 *   identity, tanh or ReLU.
 *
 * @example Binary cross-entropy after softmax is rejected, with the fix
 * ```ts
 * import { LOSSES } from "@nnref/nnref/loss";
 * import { createNetwork, requireLossFitsOutput } from "@nnref/nnref/nn";
 * const net = createNetwork([{ weights: [[1, -1]], activation: "softmax" }]);
 * requireLossFitsOutput(net, LOSSES.categoricalCrossEntropy); // fits
 * let message = "";
 * try {
 *   requireLossFitsOutput(net, LOSSES.binaryCrossEntropy);
 * } catch (error) {
 *   message = (error as Error).message;
 * }
 * if (!message.includes("use LOSSES.categoricalCrossEntropy")) throw new Error(message);
 * ```
 * @category Neural networks
 */
export function requireLossFitsOutput(network: Network, loss: Loss): void {
  requireNetwork(network, "network");
  requireLoss(loss, "loss");
  const layers = network.layers, last = layers[layers.length - 1];
  const activation = last.activation.name;
  const allowed = loss.outputActivations;
  if (allowed !== undefined && !allowed.includes(activation)) {
    throw new ArgumentRangeError(
      `The loss ${loss.name} does not fit the output layer (layer ${layers.length}, ${activation}): it needs a ${
        allowed.join(" or ")
      } output; ${hint(activation)}`,
    );
  }
  if (loss.fromLogits?.activation === "softmax" && last.weights.cols < 2) {
    throw new ArgumentRangeError(
      `The loss ${loss.name} needs a softmax output of at least 2 units, but layer ${layers.length} has 1 (a constant 1); for two classes with one output use sigmoid and LOSSES.binaryCrossEntropy`,
    );
  }
}

/** Whether the loss is computed from the logits: it is paired with the output activation. */
function fromLogits(network: Network, loss: Loss): boolean {
  const last = network.layers[network.layers.length - 1];
  return loss.fromLogits !== undefined && loss.fromLogits.activation === last.activation.name;
}

function requireTraceTargets(network: Network, trace: ForwardTrace, targets: Matrix): void {
  const activations = (trace as { activations?: unknown } | null)?.activations;
  if (!Array.isArray(activations) || activations.length !== network.layers.length + 1) {
    throw new InputTypeError(
      `trace must be a ForwardTrace of this network (from forwardBatch), got ${
        describeValue(trace)
      }`,
    );
  }
  requireMatrix(targets, "targets");
  const output = trace.activations[trace.activations.length - 1];
  if (targets.rows !== output.rows || targets.cols !== output.cols) {
    throw new ShapeError(
      `Cannot compute the loss: targets are ${targets.rows}×${targets.cols} but the output is ${output.rows}×${output.cols}`,
    );
  }
}

/**
 * The loss of the batch in `trace`, summed over its entries: from the logits Zᴸ where
 * the loss is paired with the output activation, else L(Aᴸ, Y).
 *
 * @param network The network the trace came from.
 * @param trace A forward trace of the batch.
 * @param targets Y, the shape of the output.
 * @param loss The loss; it must fit the output ({@link requireLossFitsOutput}).
 * @returns The summed loss (+∞ only where the loss itself overflows).
 * @throws {InputTypeError} if an argument is not of its type.
 * @throws {ShapeError} if the targets' shape differs from the output's.
 * @throws {ArgumentRangeError} if the loss does not fit the output.
 * @see fixtures/nn/output_losses.json
 *
 * @example A saturated wrong answer costs ≈ 40, not ∞
 * ```ts
 * import { fromRows } from "@nnref/nnref/linalg";
 * import { LOSSES } from "@nnref/nnref/loss";
 * import { createNetwork, forwardBatch, outputLoss } from "@nnref/nnref/nn";
 * const net = createNetwork([{ weights: [[40]], activation: "sigmoid" }]);
 * const trace = forwardBatch(net, fromRows([[1]]));
 * if (trace.activations[1].data[0] !== 1) throw new Error("σ(40) rounds to 1");
 * const loss = outputLoss(net, trace, fromRows([[0]]), LOSSES.binaryCrossEntropy);
 * if (loss !== 40) throw new Error("softplus(40) = 40 + 4.2e-18");
 * ```
 * @category Neural networks
 */
export function outputLoss(
  network: Network,
  trace: ForwardTrace,
  targets: Matrix,
  loss: Loss,
): number {
  requireLossFitsOutput(network, loss);
  requireTraceTargets(network, trace, targets);
  const last = network.layers.length - 1;
  if (fromLogits(network, loss)) {
    const z = trace.preActivations[last];
    return loss.fromLogits!.value(z.data, targets.data, z.cols);
  }
  return loss.value(trace.activations[last + 1].data, targets.data);
}

/**
 * The output layer's δ of the loss times `scale`, Δᴸ = scale·∂L/∂Zᴸ: f(Zᴸ) − Y from the
 * logits where the loss is paired with the output activation, else
 * (scale·∂L/∂Aᴸ) ⊙ f′(Zᴸ) (row-wise activations: through their Jacobian). A custom loss
 * may give non-finite entries; the caller decides (training reports "diverged").
 *
 * @param network The network the trace came from.
 * @param trace A forward trace of the batch.
 * @param targets Y, the shape of the output.
 * @param loss The loss; it must fit the output.
 * @param scale A factor, e.g. 1/n for the mean over n rows (default 1).
 * @param out Optional n × (output width) buffer.
 * @returns Δᴸ.
 * @throws {InputTypeError} if an argument is not of its type.
 * @throws {ShapeError} if the targets' or out's shape differs from the output's.
 * @throws {ArgumentRangeError} if the loss does not fit the output, or scale is not finite.
 * @see fixtures/nn/output_losses.json
 *
 * @example Softmax with categorical cross-entropy: δ = softmax(z) − y
 * ```ts
 * import { fromRows } from "@nnref/nnref/linalg";
 * import { LOSSES } from "@nnref/nnref/loss";
 * import { createNetwork, forwardBatch, outputDelta } from "@nnref/nnref/nn";
 * const net = createNetwork([{ weights: [[0, 0]], activation: "softmax" }]);
 * const trace = forwardBatch(net, fromRows([[1]]));
 * const delta = outputDelta(net, trace, fromRows([[0, 1]]), LOSSES.categoricalCrossEntropy);
 * if (delta.data.join() !== "0.5,-0.5") throw new Error("(½, ½) − (0, 1)");
 * ```
 * @category Neural networks
 */
export function outputDelta(
  network: Network,
  trace: ForwardTrace,
  targets: Matrix,
  loss: Loss,
  scale = 1,
  out?: Matrix,
): Matrix {
  requireLossFitsOutput(network, loss);
  requireTraceTargets(network, trace, targets);
  if (typeof scale !== "number" || !Number.isFinite(scale)) {
    throw new ArgumentRangeError(`scale must be a finite number, got ${describeValue(scale)}`);
  }
  const delta = out ?? createMatrix(targets.rows, targets.cols);
  requireMatrix(delta, "out");
  if (delta.rows !== targets.rows || delta.cols !== targets.cols) {
    throw new ShapeError(
      `out is ${delta.rows}×${delta.cols} but the output is ${targets.rows}×${targets.cols}`,
    );
  }
  const last = network.layers.length - 1;
  const z = trace.preActivations[last], a = trace.activations[last + 1];
  const d = delta.data;
  if (fromLogits(network, loss)) {
    loss.fromLogits!.delta(z.data, targets.data, z.cols, d);
    if (scale !== 1) { for (let i = 0; i < d.length; i++) d[i] *= scale; }
    return delta;
  }
  loss.gradient(a.data, targets.data, d);
  if (scale !== 1) { for (let i = 0; i < d.length; i++) d[i] *= scale; }
  const f = network.layers[last].activation;
  if (isRowActivation(f)) {
    for (let i = 0; i < z.rows; i++) f.backward(a.data, d, d, i * z.cols, z.cols);
  } else {
    for (let i = 0; i < d.length; i++) d[i] = d[i] * f.derivative(z.data[i]);
  }
  return delta;
}
