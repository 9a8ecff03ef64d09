/**
 * The forward pass of a small feed-forward network on WebAssembly (`mlp_module.ts`): a
 * kernel of lib/nn's `ForwardKernel` shape that fills the same trace (every Zˡ and Aˡ).
 *
 * Each Zˡ is computed from Aˡ⁻¹ with the reference's operations in its order (products
 * summed from +0, then the bias), so Z¹ equals the reference's bit for bit and every later
 * Zˡ equals what the reference computes from this kernel's Aˡ⁻¹; Aˡ differs from the
 * reference's only through the exponential: σ and tanh within the bounds measured in
 * fixtures/wasm/vecmath.json for the vector-math module (the same code), softmax within a
 * few ulp of the exact softmax (two-sum and compensated sum, as the row kernel). ReLU and
 * identity are exact. The results are the same bytes on every engine.
 *
 * Networks it runs: every layer 1–16 units wide, activations σ, tanh, ReLU, identity
 * (lib/activation's own objects) or softmax (lib/nn's). Anything else runs
 * `forwardFused` (TypeScript) instead; {@link wasmForwardBackend} says which.
 *
 * @module
 */

import { ACTIVATIONS } from "../activation/activation.ts";
import { requireGradients, requireNetwork, requireTrace } from "../nn/_check.ts";
import { forwardFused, type ForwardTrace } from "../nn/forward.ts";
import { backwardFused, type Gradients } from "../nn/backward.ts";
import { mlpBackwardModule } from "./mlp_backward_module.ts";
import type { Network } from "../nn/network.ts";
import { SOFTMAX_OUTPUT } from "../nn/softmax_output.ts";
import { hasWasmSimd } from "./simd_support.ts";
import {
  MLP_GROUP,
  MLP_HEAP,
  type MlpActivationName,
  mlpModule,
  mlpParameterCount,
  type MlpShape,
} from "./mlp_module.ts";

export type { ForwardTrace } from "../nn/forward.ts";
export type { Gradients } from "../nn/backward.ts";
export type { Network } from "../nn/network.ts";

/** Rows per chunk copied through the module's memory (even). */
const CHUNK_ROWS = 2048;
const PAGE = 65536;

interface Compiled {
  readonly memory: WebAssembly.Memory;
  readonly forward: (x: number, params: number, out: number, pairs: number) => void;
}

const compiled = new Map<string, Compiled>();
/** Per network: its compiled module, or why it runs the fallback (decided once). */
const plans = new WeakMap<Network, { shape: MlpShape; module: Compiled } | string>();

/** The shape the generated code needs, or why the network is not supported. */
function shapeOf(network: Network): MlpShape | string {
  const widths = [network.layers[0].weights.rows];
  const activations: MlpActivationName[] = [];
  for (const [l, layer] of network.layers.entries()) {
    widths.push(layer.weights.cols);
    const f = layer.activation;
    const name = f === SOFTMAX_OUTPUT
      ? "softmax"
      : (Object.entries(ACTIVATIONS).find(([, known]) => known === f)?.[0] as MlpActivationName);
    if (name === undefined) return `layer ${l + 1}'s activation "${f.name}" is not a built-in one`;
    activations.push(name);
  }
  if (widths.some((w) => w > 16)) return `a layer is wider than 16 units (${widths.join("-")})`;
  return { widths, activations, biases: network.layers.map((layer) => layer.biases !== null) };
}

function compile(shape: MlpShape): Compiled {
  const key = JSON.stringify(shape);
  let found = compiled.get(key);
  if (found === undefined) {
    const exports = new WebAssembly.Instance(new WebAssembly.Module(mlpModule(shape))).exports;
    found = {
      memory: exports.memory as WebAssembly.Memory,
      forward: exports.forward as Compiled["forward"],
    };
    compiled.set(key, found);
  }
  return found;
}

/**
 * Which path {@link forwardWasm} takes for `network`: `"wasm-simd"`, or `"fallback: …"`
 * with the reason (no SIMD here, an unsupported activation, a layer over 16 units).
 *
 * @throws {InputTypeError}, {ShapeError} if `network` is not a well-formed Network.
 *
 * @example A layer of 17 units is beyond the generated code
 * ```ts
 * import { createNetwork } from "@nnref/nnref/nn";
 * import { wasmForwardBackend } from "@nnref/nnref/wasm";
 * const wide = createNetwork([{ weights: [Array(17).fill(1)], activation: "sigmoid" }]);
 * if (!wasmForwardBackend(wide).startsWith("fallback: a layer is wider")) throw new Error("why");
 * ```
 * @category WebAssembly
 */
export function wasmForwardBackend(network: Network): string {
  requireNetwork(network);
  const plan = planFor(network);
  return typeof plan === "string" ? `fallback: ${plan}` : "wasm-simd";
}

function planFor(network: Network): { shape: MlpShape; module: Compiled } | string {
  let plan = plans.get(network);
  if (plan === undefined) {
    const shape = hasWasmSimd() ? shapeOf(network) : "no WebAssembly SIMD128 here";
    plan = typeof shape === "string" ? shape : { shape, module: compile(shape) };
    plans.set(network, plan);
  }
  return plan;
}

/**
 * Forward kernel on WebAssembly: fills `trace` for the batch in `trace.activations[0]`,
 * like lib/nn's `forwardFused` (Z¹ bit for bit; A within the exponential's bounds,
 * see the module doc). Networks outside its reach run
 * `forwardFused` (see {@link wasmForwardBackend}).
 *
 * @param network The network.
 * @param trace Buffers from `createForwardTrace(network, rows)`, inputs in activations[0].
 * @returns `trace`.
 * @throws {InputTypeError}, {ShapeError} if the network or the trace is malformed (as
 *   lib/nn's forward passes).
 *
 * @example Document 002's first layer on its x_in, against the TypeScript kernel
 * ```ts
 * import { createForwardTrace, createNetwork, forwardFused } from "@nnref/nnref/nn";
 * import { assertClose } from "@nnref/nnref/oracle";
 * import { forwardWasm } from "@nnref/nnref/wasm";
 * const net = createNetwork([
 *   { weights: [[2, -1, 1, 4], [-1, 2, -3, 1], [3, -2, -1, 5]], activation: "sigmoid" },
 * ]);
 * const a = createForwardTrace(net, 1), b = createForwardTrace(net, 1);
 * a.activations[0].data.set([0.5, 0.8, 0.2]);
 * b.activations[0].data.set([0.5, 0.8, 0.2]);
 * forwardWasm(net, a);
 * forwardFused(net, b);
 * if (a.preActivations[0].data.join() !== b.preActivations[0].data.join()) throw new Error("Z");
 * assertClose(a.activations[1].data[3], b.activations[1].data[3], { atol: 1e-15 }, "A");
 * ```
 * @category WebAssembly
 */
export function forwardWasm(network: Network, trace: ForwardTrace): ForwardTrace {
  requireNetwork(network);
  requireTrace(network, trace);
  const plan = planFor(network);
  if (typeof plan === "string") return forwardFused(network, trace);
  const { shape, module: { memory, forward } } = plan;
  const widths = shape.widths, layers = widths.length - 1;
  const rows = trace.activations[0].rows;
  const parameterDoubles = mlpParameterCount(shape) + 1; // + 1: keep x 16-byte aligned
  const xBase = MLP_HEAP + 8 * (parameterDoubles - (parameterDoubles % 2));
  const rowsPerStep = 2 * MLP_GROUP;
  const chunkRows = Math.min(CHUNK_ROWS, Math.ceil(rows / rowsPerStep) * rowsPerStep);
  const outBase = xBase + 8 * chunkRows * widths[0];
  let outDoubles = 0;
  for (let l = 1; l < widths.length; l++) outDoubles += 2 * chunkRows * widths[l];
  const bytes = outBase + 8 * outDoubles;
  const heap = heapWithParameters(memory, bytes, network);
  const input = trace.activations[0].data, n0 = widths[0];
  for (let start = 0; start < rows; start += chunkRows) {
    const count = Math.min(chunkRows, rows - start);
    const padded = Math.ceil(count / rowsPerStep) * rowsPerStep, pairs = padded / 2;
    copyRange(input, start * n0, count * n0, heap, xBase / 8);
    for (let extra = count; extra < padded; extra++) {
      // rows up to a whole group: copies of the last row, never copied out
      copyRange(heap, xBase / 8 + (count - 1) * n0, n0, heap, xBase / 8 + extra * n0);
    }
    forward(xBase, MLP_HEAP, outBase, pairs);
    let matrix = outBase / 8;
    for (let l = 0; l < layers; l++) {
      const width = widths[l + 1];
      copyRange(heap, matrix, count * width, trace.preActivations[l].data, start * width);
      matrix += 2 * pairs * width;
      copyRange(heap, matrix, count * width, trace.activations[l + 1].data, start * width);
      matrix += 2 * pairs * width;
    }
  }
  return trace;
}

/**
 * A view of `memory`, grown to `bytes` first if it is smaller, with the network's weights
 * and biases copied in from {@link MLP_HEAP} (layer by layer, weights then biases: where
 * both the forward and the backward module read them).
 */
function heapWithParameters(
  memory: WebAssembly.Memory,
  bytes: number,
  network: Network,
): Float64Array {
  if (memory.buffer.byteLength < bytes) {
    memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / PAGE));
  }
  const heap = new Float64Array(memory.buffer);
  let at = MLP_HEAP / 8;
  for (const layer of network.layers) {
    at = copyInto(heap, at, layer.weights.data);
    if (layer.biases) at = copyInto(heap, at, layer.biases);
  }
  return heap;
}

function copyInto(target: Float64Array, at: number, values: Float64Array): number {
  for (let i = 0; i < values.length; i++) target[at + i] = values[i];
  return at + values.length;
}

/** target[to …] = source[from … from + count): a loop for a few values, memcpy beyond. */
function copyRange(
  source: Float64Array,
  from: number,
  count: number,
  target: Float64Array,
  to: number,
): void {
  if (count <= 64) {
    for (let i = 0; i < count; i++) target[to + i] = source[from + i];
  } else {
    target.set(source.subarray(from, from + count), to);
  }
}

interface BackwardCompiled {
  readonly memory: WebAssembly.Memory;
  readonly backward: (
    a: number,
    z: number,
    d: number,
    params: number,
    grads: number,
    pairs: number,
  ) => void;
}

const backwardModules = new Map<string, BackwardCompiled>();

function compileBackward(shape: MlpShape): BackwardCompiled {
  const key = JSON.stringify(shape);
  let found = backwardModules.get(key);
  if (found === undefined) {
    const exports =
      new WebAssembly.Instance(new WebAssembly.Module(mlpBackwardModule(shape))).exports;
    found = {
      memory: exports.memory as WebAssembly.Memory,
      backward: exports.backward as BackwardCompiled["backward"],
    };
    backwardModules.set(key, found);
  }
  return found;
}

/**
 * Backward kernel on WebAssembly, of lib/nn's `BackwardKernel` shape: from Δᴸ in
 * `gradients.deltas[L − 1]`, fills every Δˡ and ∂C/∂Wˡ, ∂C/∂bˡ (see
 * `mlp_backward_module.ts`). Each Δˡ is computed in the reference's order (bit for bit
 * where the layer below is ReLU, identity or softmax; σ′ and tanh′ on the f64x2
 * exponential); the parameter gradients sum the even and the odd rows separately and then
 * add the two, so they differ from `backwardSeparate` by rounding only (|error| ≤ about
 * (n/2 + 1)·2⁻⁵³·Σ|terms|). Networks outside the forward kernel's reach run
 * `backwardFused`.
 *
 * @param network The network.
 * @param trace The forward trace of the batch.
 * @param gradients Buffers from `createGradients(network, rows)`, Δᴸ in the last delta.
 * @returns `gradients`.
 * @throws {InputTypeError}, {ShapeError} if the network, the trace or the gradients are
 *   malformed (as lib/nn's backward passes).
 *
 * @example One σ unit: ∂C/∂w = δ·x
 * ```ts
 * import {
 *   createForwardTrace,
 *   createGradients,
 *   createNetwork,
 *   forwardSeparate,
 * } from "@nnref/nnref/nn";
 * import { backwardWasm } from "@nnref/nnref/wasm";
 * const net = createNetwork([{ weights: [[0.5]], biases: [0], activation: "sigmoid" }]);
 * const trace = createForwardTrace(net, 1);
 * trace.activations[0].data[0] = 2;
 * forwardSeparate(net, trace);
 * const g = createGradients(net, 1);
 * g.deltas[0].data[0] = 0.25;
 * backwardWasm(net, trace, g);
 * if (g.weights[0].data[0] !== 0.5 || g.biases[0]?.[0] !== 0.25) throw new Error("δx, δ");
 * ```
 * @category WebAssembly
 */
export function backwardWasm(
  network: Network,
  trace: ForwardTrace,
  gradients: Gradients,
): Gradients {
  requireNetwork(network);
  requireGradients(network, gradients, requireTrace(network, trace));
  const plan = planFor(network);
  if (typeof plan === "string") return backwardFused(network, trace, gradients);
  const { shape } = plan;
  const { memory, backward } = compileBackward(shape);
  const widths = shape.widths, layers = widths.length - 1;
  const rows = trace.activations[0].rows;
  const chunkRows = Math.min(CHUNK_ROWS, rows + (rows % 2));
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const parameterDoubles = mlpParameterCount(shape);
  let gradientDoubles = 0;
  for (let l = 0; l < layers; l++) {
    gradientDoubles += 2 * (widths[l] * widths[l + 1] + widths[l + 1]);
  }
  const gradsAt = MLP_HEAP + 16 * Math.ceil(parameterDoubles / 2);
  const aAt = gradsAt + 8 * gradientDoubles;
  const zAt = aAt + 8 * chunkRows * sum(widths.slice(0, layers));
  const dAt = zAt + 8 * chunkRows * sum(widths.slice(1, layers));
  const bytes = dAt + 8 * chunkRows * sum(widths.slice(1));
  const heap = heapWithParameters(memory, bytes, network);
  heap.fill(0, gradsAt / 8, gradsAt / 8 + gradientDoubles);
  for (let start = 0; start < rows; start += chunkRows) {
    const count = Math.min(chunkRows, rows - start);
    const padded = count + (count % 2), pairs = padded / 2;
    // Rows beyond the batch are zeros: δ = 0 adds ±0 to every sum.
    const load = (matrices: { data: Float64Array }[], widthsOf: number[], base: number) => {
      let offset = base / 8;
      matrices.forEach((m, k) => {
        const width = widthsOf[k];
        copyRange(m.data, start * width, count * width, heap, offset);
        heap.fill(0, offset + count * width, offset + padded * width);
        offset += padded * width;
      });
    };
    load(trace.activations.slice(0, layers), widths.slice(0, layers), aAt);
    load(trace.preActivations.slice(0, layers - 1), widths.slice(1, layers), zAt);
    load([gradients.deltas[layers - 1]], [widths[layers]], dAt);
    backward(aAt, zAt, dAt, MLP_HEAP, gradsAt, pairs);
    let offset = dAt / 8 + padded * widths[layers];
    for (let l = 0; l < layers - 1; l++) {
      const width = widths[l + 1];
      copyRange(heap, offset, count * width, gradients.deltas[l].data, start * width);
      offset += padded * width;
    }
  }
  // Each accumulator holds [even rows, odd rows]: the gradient is their sum.
  let g = gradsAt / 8;
  for (let l = 0; l < layers; l++) {
    const weights = gradients.weights[l].data, biases = gradients.biases[l];
    for (let i = 0; i < weights.length; i++, g += 2) weights[i] = heap[g] + heap[g + 1];
    for (let j = 0; j < widths[l + 1]; j++, g += 2) if (biases) biases[j] = heap[g] + heap[g + 1];
  }
  return gradients;
}
