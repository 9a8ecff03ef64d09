/**
 * Backpropagation over a batch: the δ recursion and the parameter gradients.
 *
 * With Δˡ = ∂C/∂Zˡ (n × widthˡ, one row per sample; 001's δˡ = ∂C/∂zˡ, 002's δ_j^(l)):
 *
 * - output layer: Δᴸ = ∂C/∂Aᴸ ⊙ f′(Zᴸ) (row-wise activations: Δᴸ = J_f(Zᴸ)ᵀ ∂C/∂Aᴸ);
 * - recursion: Δˡ = (Δˡ⁺¹ (Wˡ⁺¹)ᵀ) ⊙ f′(Zˡ), which is 001's δˡ = ((Wˡ⁺¹)ᵀδˡ⁺¹) ⊙ σ′(zˡ) in
 *   our in × out layout;
 * - gradients: ∂C/∂Wˡ = (Aˡ⁻¹)ᵀΔˡ (summed over the rows; for one sample it is the
 *   transpose of 001 §4.3's δˡ(aˡ⁻¹)ᵀ) and ∂C/∂bˡ = Σ_rows Δˡ (001's ∂C/∂bˡ = δˡ).
 *
 * The cost C is whatever the caller's ∂C/∂Aᴸ describes: a sum over samples, or a mean if
 * the caller divided by n.
 *
 * @module
 */

import { createMatrix, type Matrix } from "../linalg/matrix.ts";
import { InputTypeError, ShapeError } from "../errors.ts";
import {
  describeValue,
  requireFinite,
  requireFunction,
  requireMatrix,
  requireSize,
} from "../_util/validate.ts";
import { requireGradients, requireNetwork, requireTrace } from "./_check.ts";
import { isRowActivation, type LayerActivation, type Network } from "./network.ts";
import type { ForwardTrace } from "./forward.ts";
import { multiplyTransposeAInto, multiplyTransposeBInto } from "./_dense.ts";

export type { Matrix } from "../linalg/matrix.ts";

/** The gradients of a cost with respect to every parameter, plus the δs.
 * @category Neural networks */
export interface Gradients {
  /** ∂C/∂Wˡ, in × out like the weights. */
  readonly weights: Matrix[];
  /** ∂C/∂bˡ, or null for a layer without biases. */
  readonly biases: (Float64Array | null)[];
  /** Δˡ = ∂C/∂Zˡ, n × widthˡ. */
  readonly deltas: Matrix[];
}

/**
 * A backward kernel: given Δᴸ already stored in `gradients.deltas[L − 1]`, fills the other
 * δs and every parameter gradient.
 * @category Neural networks
 */
export type BackwardKernel = (
  network: Network,
  trace: ForwardTrace,
  gradients: Gradients,
) => Gradients;

/**
 * Allocates gradient buffers for a batch of `rows` samples, for reuse across calls.
 *
 * @throws {InputTypeError}, {ShapeError} if the network is malformed.
 * @throws {ArgumentRangeError} if rows is not an integer in [0, 2³² − 1].
 *
 * @example
 * ```ts
 * import { createGradients, createNetwork } from "@nnref/nnref/nn";
 * const net = createNetwork([{ weights: [[1, 2]], biases: [0, 0], activation: "tanh" }]);
 * const g = createGradients(net, 3);
 * if (g.weights[0].cols !== 2 || g.deltas[0].rows !== 3 || g.biases[0]?.length !== 2) {
 *   throw new Error("shapes");
 * }
 * ```
 * @category Neural networks
 */
export function createGradients(network: Network, rows: number): Gradients {
  requireNetwork(network);
  requireSize(rows, "rows");
  return {
    weights: network.layers.map((l) => createMatrix(l.weights.rows, l.weights.cols)),
    biases: network.layers.map((l) => (l.biases ? new Float64Array(l.biases.length) : null)),
    deltas: network.layers.map((l) => createMatrix(rows, l.weights.cols)),
  };
}

/** delta ← upstream ⊙ f′(z) (elementwise f) or J_f(z)ᵀ·upstream row by row (softmax). */
function throughActivation(
  f: LayerActivation,
  z: Matrix,
  a: Matrix,
  upstream: Float64Array,
  delta: Matrix,
): void {
  if (isRowActivation(f)) {
    for (let i = 0; i < z.rows; i++) f.backward(a.data, upstream, delta.data, i * z.cols, z.cols);
  } else {
    for (let i = 0; i < z.data.length; i++) delta.data[i] = upstream[i] * f.derivative(z.data[i]);
  }
}

function columnSums(delta: Matrix, out: Float64Array): void {
  out.fill(0);
  for (let i = 0; i < delta.rows; i++) {
    for (let j = 0; j < delta.cols; j++) out[j] += delta.data[i * delta.cols + j];
  }
}

/**
 * Reference backward kernel, in separate passes: ∂C/∂Wˡ = (Aˡ⁻¹)ᵀΔˡ by a transposed
 * product, column sums for ∂C/∂bˡ, then Δˡ⁻¹ = (ΔˡWˡᵀ) ⊙ f′(Zˡ⁻¹). The oracle for every
 * other variant. NaN and ±∞ propagate (IEEE); {@link backward} refuses them.
 *
 * @throws {InputTypeError}, {ShapeError} if the network is malformed or the trace or the
 *   gradient buffers were not built for it.
 *
 * @example One sigmoid neuron, C = ½(a − y)²: ∂C/∂w = V₂·x and ∂C/∂b = V₂ (001 §4.1)
 * ```ts
 * import { backwardSeparate, createGradients, createNetwork, forward } from "@nnref/nnref/nn";
 * const net = createNetwork([{ weights: [[0.5]], biases: [0], activation: "sigmoid" }]);
 * const trace = forward(net, [2]); // z = 1
 * const g = createGradients(net, 1);
 * const a = trace.activations[1].data[0];
 * const v2 = (a - 1) * a * (1 - a); // (a − y)σ′(z) with y = 1
 * g.deltas[0].data[0] = v2;
 * backwardSeparate(net, trace, g);
 * if (g.weights[0].data[0] !== v2 * 2 || g.biases[0]?.[0] !== v2) throw new Error("V₂x, V₂");
 * ```
 * @category Neural networks
 */
export function backwardSeparate(
  network: Network,
  trace: ForwardTrace,
  gradients: Gradients,
): Gradients {
  requireStructures(network, trace, gradients);
  for (let l = network.layers.length - 1; l >= 0; l--) {
    const layer = network.layers[l];
    const delta = gradients.deltas[l];
    multiplyTransposeAInto(trace.activations[l], delta, gradients.weights[l]);
    const biasGradient = gradients.biases[l];
    if (biasGradient) columnSums(delta, biasGradient);
    if (l > 0) {
      const previous = gradients.deltas[l - 1];
      multiplyTransposeBInto(delta, layer.weights, previous);
      throughActivation(
        network.layers[l - 1].activation,
        trace.preActivations[l - 1],
        trace.activations[l],
        previous.data,
        previous,
      );
    }
  }
  return gradients;
}

/**
 * Fused backward kernel: one sweep over the rows of Δˡ accumulates ∂C/∂Wˡ and ∂C/∂bˡ and
 * forms Δˡ⁻¹ (elementwise activations) in the same visit. Sums in the same order as
 * {@link backwardSeparate}, so the two agree bit for bit.
 *
 * @throws {InputTypeError}, {ShapeError} as {@link backwardSeparate}.
 *
 * @example Agrees with the reference kernel
 * ```ts
 * import {
 *   backwardFused,
 *   backwardSeparate,
 *   createGradients,
 *   createNetwork,
 *   forward,
 * } from "@nnref/nnref/nn";
 * const net = createNetwork([
 *   { weights: [[0.3, -0.2], [0.1, 0.4]], biases: [0.1, 0], activation: "tanh" },
 *   { weights: [[1], [-2]], biases: [0.2], activation: "sigmoid" },
 * ]);
 * const trace = forward(net, [0.5, -1]);
 * const g1 = createGradients(net, 1), g2 = createGradients(net, 1);
 * g1.deltas[1].data[0] = g2.deltas[1].data[0] = 0.125;
 * backwardSeparate(net, trace, g1);
 * backwardFused(net, trace, g2);
 * if (g1.weights[0].data.join() !== g2.weights[0].data.join()) throw new Error("bitwise");
 * ```
 * @category Neural networks
 */
export function backwardFused(
  network: Network,
  trace: ForwardTrace,
  gradients: Gradients,
): Gradients {
  requireStructures(network, trace, gradients);
  for (let l = network.layers.length - 1; l >= 0; l--) {
    const W = network.layers[l].weights;
    const inWidth = W.rows, outWidth = W.cols;
    const delta = gradients.deltas[l].data;
    const input = trace.activations[l].data;
    const gW = gradients.weights[l].data;
    const gb = gradients.biases[l];
    gW.fill(0);
    if (gb) gb.fill(0);
    const previousLayer = l > 0 ? network.layers[l - 1] : null;
    const previous = l > 0 ? gradients.deltas[l - 1].data : null;
    const z = l > 0 ? trace.preActivations[l - 1].data : null;
    const f = previousLayer?.activation;
    const elementwise = f !== undefined && !isRowActivation(f);
    const rows = gradients.deltas[l].rows;
    for (let r = 0; r < rows; r++) {
      for (let i = 0; i < inWidth; i++) {
        const x = input[r * inWidth + i];
        let back = 0;
        for (let j = 0; j < outWidth; j++) {
          const d = delta[r * outWidth + j];
          gW[i * outWidth + j] += x * d;
          back += d * W.data[i * outWidth + j];
        }
        if (previous) {
          previous[r * inWidth + i] = elementwise
            ? back * (f as { derivative(z: number): number }).derivative(z![r * inWidth + i])
            : back;
        }
      }
      if (gb) { for (let j = 0; j < outWidth; j++) gb[j] += delta[r * outWidth + j]; }
    }
    if (previous && f !== undefined && !elementwise) {
      const zMatrix = trace.preActivations[l - 1];
      throughActivation(f, zMatrix, trace.activations[l], previous, gradients.deltas[l - 1]);
    }
  }
  return gradients;
}

/**
 * Every backward kernel that must agree with {@link backwardSeparate}; spec/ and bench/
 * both loop over it. `separate` is the baseline.
 *
 * @example
 * ```ts
 * import { MLP_BACKWARD_VARIANTS } from "@nnref/nnref/variants";
 * // lib/variants.ts adds the WebAssembly kernel to these two
if (MLP_BACKWARD_VARIANTS.separate === undefined || MLP_BACKWARD_VARIANTS.fused === undefined) throw new Error("two");
 * ```
 * @category Variants
 */
export const MLP_BACKWARD_VARIANTS: Readonly<Record<"separate" | "fused", BackwardKernel>> = Object
  .freeze({ separate: backwardSeparate, fused: backwardFused });

/** The network, a trace of it and gradient buffers for the trace's batch. */
function requireStructures(network: Network, trace: ForwardTrace, gradients: Gradients): void {
  requireNetwork(network);
  const rows = requireTrace(network, trace);
  requireGradients(network, gradients, rows);
}

function requireOutputShape(
  network: Network,
  trace: ForwardTrace,
  m: Matrix,
  what: string,
  kernel: BackwardKernel,
): void {
  requireNetwork(network);
  requireTrace(network, trace);
  requireMatrix(m, what);
  requireFunction(kernel, "kernel");
  const output = trace.activations[trace.activations.length - 1];
  if (m.rows !== output.rows || m.cols !== output.cols) {
    throw new ShapeError(
      `Cannot backpropagate: ${what} is ${m.rows}×${m.cols} but the output is ${output.rows}×${output.cols}`,
    );
  }
  requireFinite(m.data, what);
}

/**
 * Backpropagation from the output-layer δ, Δᴸ = ∂C/∂Zᴸ, given directly — as 002's
 * diamond program does with `J_z_3_grad = -y + y_pred` (sigmoid output with log loss,
 * where σ′ cancels) and 000's δ_k = Y − T.
 *
 * @param network The network the trace came from.
 * @param trace A forward trace of the batch.
 * @param outputDelta Δᴸ, n × (output width).
 * @param gradients Optional buffers from {@link createGradients}, reused.
 * @param kernel The variant (default {@link backwardSeparate}).
 * @returns The gradients.
 * @throws {InputTypeError} if an argument has the wrong type.
 * @throws {ShapeError} if Δᴸ, the trace or the buffers have the wrong shape.
 * @throws {NonFiniteError} if Δᴸ has a non-finite entry.
 * @see fixtures/nn/backprop.json
 *
 * @example A linear neuron with C = ½(y − t)²: δ = y − t and ∂C/∂w = δ·x
 * ```ts
 * import { fromRows } from "@nnref/nnref/linalg";
 * import { backwardFromDelta, createNetwork, forward } from "@nnref/nnref/nn";
 * const net = createNetwork([{ weights: [[3]], activation: "identity" }]);
 * const trace = forward(net, [2]); // y = 6
 * const g = backwardFromDelta(net, trace, fromRows([[6 - 4]]));
 * if (g.weights[0].data[0] !== 4) throw new Error("δ·x = 2·2");
 * ```
 * @category Neural networks
 */
export function backwardFromDelta(
  network: Network,
  trace: ForwardTrace,
  outputDelta: Matrix,
  gradients?: Gradients,
  kernel: BackwardKernel = backwardSeparate,
): Gradients {
  requireOutputShape(network, trace, outputDelta, "the output δ", kernel);
  const buffers = gradients ?? createGradients(network, outputDelta.rows);
  requireGradients(network, buffers, outputDelta.rows);
  buffers.deltas[network.layers.length - 1].data.set(outputDelta.data);
  return kernel(network, trace, buffers);
}

/**
 * Backpropagation from the gradient of the cost with respect to the network's output,
 * ∂C/∂Aᴸ: Δᴸ = ∂C/∂Aᴸ ⊙ f′(Zᴸ), then the recursion.
 *
 * @param network The network the trace came from.
 * @param trace A forward trace of the batch.
 * @param outputGradient ∂C/∂Aᴸ, n × (output width) — e.g. Aᴸ − Y for C = ½ΣΣ(a − y)².
 * @param gradients Optional buffers from {@link createGradients}, reused.
 * @param kernel The variant (default {@link backwardSeparate}).
 * @returns The gradients (Δᴸ in `deltas`).
 * @throws {InputTypeError} if an argument has the wrong type.
 * @throws {ShapeError} if the gradient, the trace or the buffers have the wrong shape.
 * @throws {NonFiniteError} if the gradient has a non-finite entry.
 * @see fixtures/nn/backprop.json
 *
 * @example 001 (3.4)–(3.5): ∂C/∂w = (σ(wx + b) − y)σ′(wx + b)x
 * ```ts
 * import { fromRows } from "@nnref/nnref/linalg";
 * import { backward, createNetwork, forward } from "@nnref/nnref/nn";
 * const net = createNetwork([{ weights: [[1]], biases: [-1], activation: "sigmoid" }]);
 * const trace = forward(net, [1]); // z = 0, a = ½, σ′ = ¼
 * const g = backward(net, trace, fromRows([[0.5 - 1]])); // y = 1
 * if (g.weights[0].data[0] !== -0.125 || g.biases[0]?.[0] !== -0.125) throw new Error("−⅛");
 * ```
 * @category Neural networks
 */
export function backward(
  network: Network,
  trace: ForwardTrace,
  outputGradient: Matrix,
  gradients?: Gradients,
  kernel: BackwardKernel = backwardSeparate,
): Gradients {
  requireOutputShape(network, trace, outputGradient, "the output gradient", kernel);
  const last = network.layers.length - 1;
  const buffers = gradients ?? createGradients(network, outputGradient.rows);
  requireGradients(network, buffers, outputGradient.rows);
  throughActivation(
    network.layers[last].activation,
    trace.preActivations[last],
    trace.activations[last + 1],
    outputGradient.data,
    buffers.deltas[last],
  );
  return kernel(network, trace, buffers);
}

/**
 * The gradients in one vector, in the order of `flattenParameters` (layer by layer, the
 * weights row-major, then the biases), for a gradient checker.
 *
 * @throws {InputTypeError} if `gradients` is not `{ weights, biases }` of matrices and
 *   Float64Arrays (or nulls).
 *
 * @example
 * ```ts
 * import { createGradients, createNetwork, flattenGradients } from "@nnref/nnref/nn";
 * const net = createNetwork([{ weights: [[1, 2]], biases: [0, 0], activation: "identity" }]);
 * const g = createGradients(net, 1);
 * g.weights[0].data.set([5, 6]);
 * g.biases[0]?.set([7, 8]);
 * if (flattenGradients(g).join() !== "5,6,7,8") throw new Error("order");
 * ```
 * @category Neural networks
 */
export function flattenGradients(gradients: Gradients): Float64Array {
  if (
    typeof gradients !== "object" || gradients === null || !Array.isArray(gradients.weights) ||
    !Array.isArray(gradients.biases) || gradients.biases.length !== gradients.weights.length
  ) {
    throw new InputTypeError(
      `gradients must be Gradients { weights, biases, deltas } (from createGradients), got ${
        describeValue(gradients)
      }`,
    );
  }
  gradients.weights.forEach((w, l) => {
    requireMatrix(w, `gradients.weights[${l}]`);
    const b = gradients.biases[l];
    if (b !== null && !(b instanceof Float64Array)) {
      throw new InputTypeError(
        `gradients.biases[${l}] must be a Float64Array or null, got ${describeValue(b)}`,
      );
    }
  });
  let size = 0;
  gradients.weights.forEach((w, l) => size += w.data.length + (gradients.biases[l]?.length ?? 0));
  const flat = new Float64Array(size);
  let offset = 0;
  gradients.weights.forEach((w, l) => {
    flat.set(w.data, offset);
    offset += w.data.length;
    const b = gradients.biases[l];
    if (b) {
      flat.set(b, offset);
      offset += b.length;
    }
  });
  return flat;
}
