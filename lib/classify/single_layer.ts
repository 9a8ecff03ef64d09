/**
 * A single layer of sigmoid neurons trained sample by sample (S3 §2.2.1–2.2.2):
 *
 *   z = Wx + b (11),  ŷ = σ(z),  L = ½ Σₖ (ŷₖ − yₖ)² (12),
 *   ∂L/∂wₖₗ = (ŷₖ − yₖ) σ′(zₖ) xₗ,  ∂L/∂bₖ = (ŷₖ − yₖ) σ′(zₖ),  θ ← θ − α ∂L/∂θ (21).
 *
 * These are the correct forms of S3's (14)–(20), which print the sign, the factor and an
 * index wrongly (see fixtures/classify/single_layer.json). W (o × n) are the `weights`,
 * b the `biases`, α the `learningRate`, σ′(z) = ŷ(1 − ŷ).
 *
 * @module
 */

import type { Matrix } from "../linalg/matrix.ts";
import { sigmoid } from "../activation/sigmoid.ts";
import { InputTypeError, ShapeError } from "../errors.ts";
import {
  describeValue,
  requireFiniteArray,
  requireFiniteMatrix,
  requireIterationCap,
  requireNonNegative,
  requireObject,
  requirePositive,
} from "../_util/validate.ts";

export type { Matrix } from "../linalg/matrix.ts";

/** The parameters of one layer: W (outputs × inputs) and b (outputs).
 * @category Classifiers */
export interface SingleLayer {
  /** W, outputs × inputs. */
  readonly weights: Matrix;
  /** b, one per output. */
  readonly biases: Float64Array;
}

function requireLayer(layer: SingleLayer): void {
  if (typeof layer !== "object" || layer === null) {
    throw new InputTypeError(
      `layer must be { weights: Matrix, biases: Float64Array }, got ${describeValue(layer)}`,
    );
  }
  requireFiniteMatrix(layer.weights, "layer.weights");
  requireFiniteArray(layer.biases, "layer.biases");
  if (layer.biases.length !== layer.weights.rows) {
    throw new ShapeError(
      `Cannot use the layer: biases has ${layer.biases.length} entries but weights has ${layer.weights.rows} rows`,
    );
  }
}

function requireShapes(layer: SingleLayer, input: ArrayLike<number>, target?: ArrayLike<number>) {
  requireLayer(layer);
  requireFiniteArray(input, "input");
  if (target !== undefined) requireFiniteArray(target, "target");
  const { weights, biases } = layer;
  if (biases.length !== weights.rows) {
    throw new ShapeError(
      `Cannot use the layer: biases has ${biases.length} entries but weights has ${weights.rows} rows`,
    );
  }
  if (input.length !== weights.cols) {
    throw new ShapeError(
      `Cannot use the layer: input has ${input.length} entries but weights has ${weights.cols} columns`,
    );
  }
  if (target !== undefined && target.length !== weights.rows) {
    throw new ShapeError(
      `Cannot use the layer: target has ${target.length} entries but the layer has ${weights.rows} outputs`,
    );
  }
}

/**
 * ŷ = σ(Wx + b).
 *
 * @param layer W and b.
 * @param input x.
 * @returns ŷ, one entry per output.
 * @throws {InputTypeError} if the layer or x has the wrong type.
 * @throws {ShapeError} if shapes disagree; {NonFiniteError} if a value is not finite.
 *
 * @example
 * ```ts
 * import { singleLayerForward } from "@nnref/nnref/classify";
 * const layer = { weights: { rows: 1, cols: 1, data: new Float64Array([0]) }, biases: new Float64Array([0]) };
 * if (singleLayerForward(layer, [3])[0] !== 0.5) throw new Error("σ(0)");
 * ```
 * @category Classifiers
 */
export function singleLayerForward(layer: SingleLayer, input: ArrayLike<number>): Float64Array {
  requireShapes(layer, input);
  const { weights, biases } = layer;
  const out = new Float64Array(weights.rows);
  for (let k = 0; k < weights.rows; k++) {
    let z = biases[k];
    for (let l = 0; l < weights.cols; l++) z += weights.data[k * weights.cols + l] * input[l];
    out[k] = sigmoid(z);
  }
  return out;
}

/**
 * L = ½ Σₖ (ŷₖ − yₖ)² and its gradients ∂L/∂wₖₗ = δₖxₗ, ∂L/∂bₖ = δₖ with
 * δₖ = (ŷₖ − yₖ) ŷₖ(1 − ŷₖ).
 *
 * @param layer W and b.
 * @param input x.
 * @param target y.
 * @returns The loss, ∂L/∂W (o × n, row-major) and ∂L/∂b.
 * @throws {InputTypeError} if the layer, x or y has the wrong type.
 * @throws {ShapeError} if shapes disagree; {NonFiniteError} if a value is not finite.
 *
 * @example
 * ```ts
 * import { singleLayerGradient } from "@nnref/nnref/classify";
 * const layer = { weights: { rows: 1, cols: 1, data: new Float64Array([0]) }, biases: new Float64Array([0]) };
 * const g = singleLayerGradient(layer, [2], [1]);
 * if (g.loss !== 0.125 || g.biases[0] !== -0.125 || g.weights[0] !== -0.25) throw new Error("δ = −½ · ¼");
 * ```
 * @category Classifiers
 */
export function singleLayerGradient(
  layer: SingleLayer,
  input: ArrayLike<number>,
  target: ArrayLike<number>,
): { loss: number; weights: Float64Array; biases: Float64Array } {
  requireShapes(layer, input, target);
  const output = singleLayerForward(layer, input);
  const o = layer.weights.rows, n = layer.weights.cols;
  const weights = new Float64Array(o * n), biases = new Float64Array(o);
  let loss = 0;
  for (let k = 0; k < o; k++) {
    const r = output[k] - target[k];
    loss += 0.5 * r * r;
    const delta = r * output[k] * (1 - output[k]);
    biases[k] = delta;
    for (let l = 0; l < n; l++) weights[k * n + l] = delta * input[l];
  }
  return { loss, weights, biases };
}

/** Options of {@link trainSingleLayer}.
 * @category Classifiers */
export interface SingleLayerOptions {
  /** α > 0. */
  readonly learningRate: number;
  /** Passes over the data: an integer in [0, 10⁷]. */
  readonly epochs: number;
  /**
   * Stop early, as "converged", once the total loss Σ L is ≤ this (default 0: only an
   * exact fit, where every gradient is 0 and no later epoch could change anything).
   */
  readonly tolerance?: number;
}

/** The outcome of {@link trainSingleLayer}.
 * @category Classifiers */
export interface SingleLayerResult {
  /** The trained layer (the last finite parameters when the run diverged). */
  readonly layer: SingleLayer;
  /** Σ L over the data before training (index 0) and after each completed epoch. */
  readonly losses: number[];
  /**
   * "converged": Σ L ≤ tolerance; "diverged": an update would have made a parameter
   * non-finite (α too large); "maxEpochs": every epoch was run.
   */
  readonly status: "converged" | "diverged" | "maxEpochs";
  /** Epochs completed. */
  readonly epochs: number;
}

/**
 * S3 §2.2.1's procedure: for each epoch, visit every sample in order, compute ŷ, L and its
 * gradient, and update θ ← θ − α ∂L/∂θ (21) at once (stochastic gradient descent).
 *
 * @param layer W⁰ and b⁰ (copied, not modified).
 * @param inputs X, one sample per row.
 * @param targets Y, one target vector per row.
 * @param options α (`learningRate`), the number of `epochs` and an optional `tolerance`.
 * @returns The trained layer, the total loss Σ L over the data after each epoch (index
 *   0: before training), the status and the epochs completed, like the other trainers.
 * @throws {InputTypeError} if the layer, X, Y or options has the wrong type.
 * @throws {ShapeError} if shapes disagree or there are no samples.
 * @throws {NonFiniteError} if a value is not finite.
 * @throws {ArgumentRangeError} if α ≤ 0, epochs is not an integer in [0, 10⁷] or the
 *   tolerance is negative.
 * @see fixtures/classify/single_layer.json
 *
 * @example The loss falls
 * ```ts
 * import { trainSingleLayer } from "@nnref/nnref/classify";
 * const layer = { weights: { rows: 1, cols: 1, data: new Float64Array([0]) }, biases: new Float64Array([0]) };
 * const x = { rows: 1, cols: 1, data: new Float64Array([1]) };
 * const y = { rows: 1, cols: 1, data: new Float64Array([1]) };
 * const r = trainSingleLayer(layer, x, y, { learningRate: 1, epochs: 10 });
 * if (!(r.losses[10] < r.losses[0]) || r.status !== "maxEpochs") throw new Error("descent");
 * ```
 * @category Classifiers
 */
export function trainSingleLayer(
  layer: SingleLayer,
  inputs: Matrix,
  targets: Matrix,
  options: SingleLayerOptions,
): SingleLayerResult {
  requireLayer(layer);
  requireFiniteMatrix(inputs, "inputs");
  requireFiniteMatrix(targets, "targets");
  requireObject(options, "options");
  requirePositive(options.learningRate, "learningRate (α)");
  requireIterationCap(options.epochs, "epochs");
  const tolerance = options.tolerance ?? 0;
  requireNonNegative(tolerance, "tolerance");
  if (inputs.rows !== targets.rows) {
    throw new ShapeError(
      `Cannot train the layer: inputs has ${inputs.rows} rows but targets has ${targets.rows}`,
    );
  }
  if (inputs.rows === 0) throw new ShapeError("Cannot train the layer: there are no samples");
  if (inputs.cols !== layer.weights.cols) {
    throw new ShapeError(
      `Cannot use the layer: input has ${inputs.cols} entries but weights has ${layer.weights.cols} columns`,
    );
  }
  if (targets.cols !== layer.weights.rows) {
    throw new ShapeError(
      `Cannot use the layer: target has ${targets.cols} entries but the layer has ${layer.weights.rows} outputs`,
    );
  }
  const current: SingleLayer = {
    weights: { ...layer.weights, data: Float64Array.from(layer.weights.data) },
    biases: Float64Array.from(layer.biases),
  };
  const sample = (m: Matrix, i: number) => m.data.subarray(i * m.cols, (i + 1) * m.cols);
  const totalLoss = () => {
    let s = 0;
    for (let i = 0; i < inputs.rows; i++) {
      s += singleLayerGradient(current, sample(inputs, i), sample(targets, i)).loss;
    }
    return s;
  };
  const losses = [totalLoss()];
  const alpha = options.learningRate;
  const finish = (status: SingleLayerResult["status"], epochs: number): SingleLayerResult => ({
    layer: current,
    losses,
    status,
    epochs,
  });
  if (losses[0] <= tolerance) return finish("converged", 0);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = 0; i < inputs.rows; i++) {
      const g = singleLayerGradient(current, sample(inputs, i), sample(targets, i));
      const w = current.weights.data, b = current.biases;
      let finite = true;
      for (let p = 0; p < g.weights.length && finite; p++) {
        finite = Number.isFinite(w[p] - alpha * g.weights[p]);
      }
      for (let k = 0; k < g.biases.length && finite; k++) {
        finite = Number.isFinite(b[k] - alpha * g.biases[k]);
      }
      if (!finite) return finish("diverged", epoch);
      for (let p = 0; p < g.weights.length; p++) w[p] -= alpha * g.weights[p];
      for (let k = 0; k < g.biases.length; k++) b[k] -= alpha * g.biases[k];
    }
    losses.push(totalLoss());
    if (losses[epoch + 1] <= tolerance) return finish("converged", epoch + 1);
  }
  return finish("maxEpochs", options.epochs);
}
