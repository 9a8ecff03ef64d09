/**
 * The forward pass of a feed-forward network over a batch: for each layer,
 * Zˡ = Aˡ⁻¹·Wˡ + bˡ and Aˡ = f(Zˡ), with A⁰ the input rows (002's `np.dot(x_mat_in, W_1)`;
 * 001's aˡ = σ(Wˡaˡ⁻¹ + bˡ) with the transposed weight layout, see network.ts).
 *
 * @module
 */

import { createMatrix, type Matrix } from "../linalg/matrix.ts";
import { ShapeError } from "../errors.ts";
import {
  requireFinite,
  requireFunction,
  requireMatrix,
  requireNumberArray,
  requireSize,
} from "../_util/validate.ts";
import { requireNetwork, requireTrace } from "./_check.ts";
import { inputWidth, isRowActivation, type Layer, type Network } from "./network.ts";
import { matmulNaive } from "../linalg/matmul.ts";
import { sigmoid } from "../activation/sigmoid.ts";

export type { Matrix } from "../linalg/matrix.ts";

/**
 * Everything a forward pass computes, kept for the backward pass. Layer ℓ (0-based here)
 * maps `activations[ℓ]` to `activations[ℓ + 1]` through `preActivations[ℓ]`.
 * @category Neural networks
 */
export interface ForwardTrace {
  /** A⁰ (the inputs), A¹, …, Aᴸ: one n × widthˡ matrix per layer boundary. */
  readonly activations: Matrix[];
  /** Z¹, …, Zᴸ: the pre-activations of each layer. */
  readonly preActivations: Matrix[];
}

/** A forward kernel: fills `trace` for the batch already stored in `trace.activations[0]`.
 * @category Neural networks */
export type ForwardKernel = (network: Network, trace: ForwardTrace) => ForwardTrace;

/**
 * Allocates a trace for `rows` samples; pass it to {@link forwardBatch} to reuse buffers
 * across calls (a training loop allocates once).
 *
 * @throws {InputTypeError}, {ShapeError} if the network is malformed.
 * @throws {ArgumentRangeError} if rows is not an integer in [0, 2³² − 1].
 *
 * @example
 * ```ts
 * import { createForwardTrace, createNetwork } from "@nnref/nnref/nn";
 * const net = createNetwork([{ weights: [[1, 2, 3]], activation: "tanh" }]);
 * const trace = createForwardTrace(net, 5);
 * if (trace.activations[1].rows !== 5 || trace.activations[1].cols !== 3) throw new Error("5×3");
 * ```
 * @category Neural networks
 */
export function createForwardTrace(network: Network, rows: number): ForwardTrace {
  requireNetwork(network);
  requireSize(rows, "rows");
  const activations = [createMatrix(rows, inputWidth(network))];
  const preActivations: Matrix[] = [];
  for (const layer of network.layers) {
    preActivations.push(createMatrix(rows, layer.weights.cols));
    activations.push(createMatrix(rows, layer.weights.cols));
  }
  return { activations, preActivations };
}

function activate(layer: Layer, z: Matrix, a: Matrix): void {
  const f = layer.activation;
  if (isRowActivation(f)) {
    for (let i = 0; i < z.rows; i++) f.apply(z.data, a.data, i * z.cols, z.cols);
  } else {
    for (let i = 0; i < z.data.length; i++) a.data[i] = f.value(z.data[i]);
  }
}

/**
 * Reference forward kernel, in separate passes per layer: matrix product (lib/linalg's
 * reference `matmulNaive`), then bias, then activation. The oracle for every other variant.
 * NaN and ±∞ in the trace's inputs propagate (IEEE); {@link forwardBatch} refuses them.
 *
 * @throws {InputTypeError}, {ShapeError} if the network is malformed or the trace was
 *   not built for it.
 *
 * @example One identity layer is an affine map
 * ```ts
 * import { createForwardTrace, createNetwork, forwardSeparate } from "@nnref/nnref/nn";
 * const net = createNetwork([{ weights: [[2], [3]], biases: [1], activation: "identity" }]);
 * const trace = createForwardTrace(net, 1);
 * trace.activations[0].data.set([10, 100]);
 * forwardSeparate(net, trace);
 * if (trace.activations[1].data[0] !== 321) throw new Error("2·10 + 3·100 + 1");
 * ```
 * @category Neural networks
 */
export function forwardSeparate(network: Network, trace: ForwardTrace): ForwardTrace {
  requireNetwork(network);
  requireTrace(network, trace);
  network.layers.forEach((layer, l) => {
    const z = matmulNaive(trace.activations[l], layer.weights, trace.preActivations[l]);
    if (layer.biases) {
      const n = z.cols;
      for (let i = 0; i < z.rows; i++) {
        for (let j = 0; j < n; j++) z.data[i * n + j] += layer.biases[j];
      }
    }
    activate(layer, z, trace.activations[l + 1]);
  });
  return trace;
}

/**
 * Fused forward kernel: each zᵢⱼ = Σₚ aᵢₚwₚⱼ + bⱼ is accumulated, biased and activated in
 * one visit (row-wise activations such as softmax run once the row is complete). Sums in
 * the same order as {@link forwardSeparate}, so the two agree bit for bit.
 *
 * @throws {InputTypeError}, {ShapeError} as {@link forwardSeparate}.
 *
 * @example Agrees with the reference kernel
 * ```ts
 * import {
 *   createForwardTrace,
 *   createNetwork,
 *   forwardFused,
 *   forwardSeparate,
 * } from "@nnref/nnref/nn";
 * const net = createNetwork([
 *   { weights: [[0.1, -0.7], [0.3, 0.2]], biases: [0.5, -0.25], activation: "sigmoid" },
 *   { weights: [[1, 2, 3], [4, 5, 6]], activation: "softmax" },
 * ]);
 * const a = createForwardTrace(net, 1), b = createForwardTrace(net, 1);
 * a.activations[0].data.set([0.3, -1.1]);
 * b.activations[0].data.set([0.3, -1.1]);
 * forwardSeparate(net, a);
 * forwardFused(net, b);
 * if (a.activations[2].data.join() !== b.activations[2].data.join()) throw new Error("bitwise");
 * ```
 * @category Neural networks
 */
export function forwardFused(network: Network, trace: ForwardTrace): ForwardTrace {
  requireNetwork(network);
  requireTrace(network, trace);
  const layers = network.layers;
  for (let l = 0; l < layers.length; l++) {
    fusedLayer(layers[l], trace.activations[l], trace.preActivations[l], trace.activations[l + 1]);
  }
  return trace;
}

/**
 * One layer of {@link forwardFused}. The σ layer has the scalar `sigmoid` written inline
 * (branch for branch, the same bits) because a call through `f.value` is a polymorphic
 * call per entry that V8 does not inline; other elementwise activations go through it.
 */
function fusedLayer(layer: Layer, input: Matrix, z: Matrix, a: Matrix): void {
  const rows = input.rows, k = input.cols, n = z.cols;
  const X = input.data, W = layer.weights.data, b = layer.biases, Z = z.data, A = a.data;
  const f = layer.activation;
  const rowwise = isRowActivation(f);
  const inlineSigmoid = !rowwise && f.value === sigmoid;
  for (let i = 0; i < rows; i++) {
    const rowX = i * k, rowZ = i * n;
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) sum += X[rowX + p] * W[p * n + j];
      if (b) sum += b[j];
      Z[rowZ + j] = sum;
    }
    if (inlineSigmoid) {
      for (let j = rowZ; j < rowZ + n; j++) {
        const zj = Z[j];
        if (zj >= 0) {
          A[j] = 1 / (1 + Math.exp(-zj));
        } else {
          const e = Math.exp(zj);
          A[j] = e / (1 + e);
        }
      }
    } else if (!rowwise) {
      for (let j = rowZ; j < rowZ + n; j++) A[j] = f.value(Z[j]);
    }
    if (rowwise) f.apply(Z, A, rowZ, n);
  }
}

/**
 * Every forward kernel that must agree with {@link forwardSeparate}; spec/ and bench/
 * both loop over it. `separate` (matmul, add bias, activate) is the baseline.
 *
 * @example
 * ```ts
 * import { MLP_FORWARD_VARIANTS } from "@nnref/nnref/variants";
 * // lib/variants.ts adds the WebAssembly kernel to these two
if (MLP_FORWARD_VARIANTS.separate === undefined || MLP_FORWARD_VARIANTS.fused === undefined) throw new Error("two");
 * ```
 * @category Variants
 */
export const MLP_FORWARD_VARIANTS: Readonly<Record<"separate" | "fused", ForwardKernel>> = Object
  .freeze({ separate: forwardSeparate, fused: forwardFused });

/**
 * The forward pass over a batch whose rows are samples.
 *
 * @param network The network.
 * @param inputs n × (input width) matrix, one sample per row (002's `x_mat_in`).
 * @param trace Optional buffers from {@link createForwardTrace} for n rows, reused.
 * @param kernel The variant to run (default the reference, {@link forwardSeparate}).
 * @returns The trace; its last activation is the network's output, n × (output width).
 * @throws {InputTypeError} if the network, the inputs (a Matrix: use fromRows), the trace
 *   or the kernel has the wrong type.
 * @throws {ShapeError} if the batch is empty, has the wrong width, or the trace was built
 *   for a different batch size or network.
 * @throws {NonFiniteError} if the batch contains a non-finite entry.
 * @see fixtures/nn/forward.json
 *
 * @example 002: z_2 = x_in·W_1 = [0.8, 0.7, −2.1, 3.8]
 * ```ts
 * import { fromRows } from "@nnref/nnref/linalg";
 * import { createNetwork, forwardBatch } from "@nnref/nnref/nn";
 * import { assertAllClose } from "@nnref/nnref/oracle";
 * const net = createNetwork([
 *   { weights: [[2, -1, 1, 4], [-1, 2, -3, 1], [3, -2, -1, 5]], activation: "sigmoid" },
 * ]);
 * const trace = forwardBatch(net, fromRows([[0.5, 0.8, 0.2]]));
 * assertAllClose(trace.preActivations[0].data, [0.8, 0.7, -2.1, 3.8], { ulps: 1 });
 * ```
 * @category Neural networks
 */
export function forwardBatch(
  network: Network,
  inputs: Matrix,
  trace?: ForwardTrace,
  kernel: ForwardKernel = forwardSeparate,
): ForwardTrace {
  const width = inputWidth(network);
  requireMatrix(inputs, "inputs");
  requireFunction(kernel, "kernel");
  if (inputs.rows === 0) {
    throw new ShapeError("Cannot run the network on an empty batch: it has 0 rows");
  }
  if (inputs.cols !== width) {
    throw new ShapeError(
      `Cannot run the network on a batch of width ${inputs.cols}: layer 1 expects ${width} inputs`,
    );
  }
  requireFinite(inputs.data, "Network inputs");
  const buffers = trace ?? createForwardTrace(network, inputs.rows);
  const rows = requireTrace(network, buffers);
  if (rows !== inputs.rows) {
    throw new ShapeError(
      `Cannot reuse a forward trace built for ${rows} rows on a batch of ${inputs.rows}`,
    );
  }
  buffers.activations[0].data.set(inputs.data);
  return kernel(network, buffers);
}

/**
 * The forward pass for one input vector (a batch of one row).
 *
 * @param network The network.
 * @param input The input x (002's `x_in`).
 * @returns The trace with one row per matrix.
 * @throws {InputTypeError}, {ShapeError}, {NonFiniteError} as {@link forwardBatch}.
 *
 * @example
 * ```ts
 * import { createNetwork, forward } from "@nnref/nnref/nn";
 * const net = createNetwork([{ weights: [[1], [1]], biases: [-1], activation: "relu" }]);
 * if (forward(net, [0.25, 0.5]).activations[1].data[0] !== 0) throw new Error("relu(−0.25)");
 * ```
 * @category Neural networks
 */
export function forward(network: Network, input: ArrayLike<number>): ForwardTrace {
  requireNumberArray(input, "input");
  return forwardBatch(network, createMatrix(1, input.length, input));
}

/**
 * The network's output for a batch: the last activation of {@link forwardBatch}.
 *
 * @throws {InputTypeError}, {ShapeError}, {NonFiniteError} as {@link forwardBatch}.
 *
 * @example
 * ```ts
 * import { fromRows } from "@nnref/nnref/linalg";
 * import { createNetwork, predict } from "@nnref/nnref/nn";
 * const net = createNetwork([{ weights: [[1, 1]], activation: "softmax" }]);
 * if (predict(net, fromRows([[3]])).data[0] !== 0.5) throw new Error("equal logits");
 * ```
 * @category Neural networks
 */
export function predict(network: Network, inputs: Matrix): Matrix {
  const trace = forwardBatch(network, inputs);
  return trace.activations[trace.activations.length - 1];
}
