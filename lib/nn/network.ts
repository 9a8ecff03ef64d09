/**
 * A feed-forward network given by explicit layer weights and biases.
 *
 * Layout: each layer's `weights` is an in × out Matrix and a batch is a Matrix whose
 * rows are samples, so a layer computes Z = A·W + b (b added to every row), A′ = f(Z) —
 * numpy's `np.dot(x, W_1)` of 002, whose W_1 is 3×4 for 3 inputs and 4 units.
 *
 * Mapping to the documents: 001 §3.4.1 and 002's derivation slides write z = Wˡaˡ⁻¹ + bˡ
 * with Wˡ out × in (w_jk from unit k of layer ℓ−1 to unit j of layer ℓ); our
 * `weights[ℓ]` is the transpose of that Wˡ. 000 §4.3.3 writes W_ij from unit i to unit j
 * of the next layer, which is our layout. Layer numbers in messages count from 1 (our
 * layer 1 is 001's ℓ = 2).
 *
 * @module
 */

import { type Activation, ACTIVATIONS } from "../activation/activation.ts";
import { createMatrix, type Matrix } from "../linalg/matrix.ts";
import { requireFinite } from "../_util/validate.ts";
import { describeValue, outputBuffer, requireMatrix, requireNumberArray } from "../_util/input.ts";
import { ArgumentRangeError, InputTypeError, ShapeError } from "../errors.ts";
import { type RowActivation, SOFTMAX_OUTPUT } from "./softmax_output.ts";
import { requireActivation, requireNetwork } from "./_check.ts";

export type { Activation } from "../activation/activation.ts";
export type { Matrix } from "../linalg/matrix.ts";
export type { RowActivation } from "./softmax_output.ts";

/** An elementwise activation (σ, tanh, ReLU, identity) or a row-wise one (softmax).
 * @category Neural networks */
export type LayerActivation = Activation | RowActivation;

/** The activation names a layer can be built from.
 * @category Neural networks */
export type ActivationName = "sigmoid" | "tanh" | "relu" | "identity" | "softmax";

/** One fully connected layer: Z = A·weights + biases, output f(Z).
 * @category Neural networks */
export interface Layer {
  /** in × out weights (the transpose of 001's Wˡ). */
  readonly weights: Matrix;
  /** One bias per output unit (001's bˡ), or null for a layer without biases (002). */
  readonly biases: Float64Array | null;
  /** The activation f applied to Z. */
  readonly activation: LayerActivation;
}

/** A feed-forward network: layers applied in order.
 * @category Neural networks */
export interface Network {
  /** The layers, input side first. */
  readonly layers: readonly Layer[];
}

/** How to describe a layer to {@link createNetwork}.
 * @category Neural networks */
export interface LayerSpec {
  /** in × out weights, as a Matrix or as rows (copied). */
  readonly weights: Matrix | readonly (readonly number[])[];
  /** Biases (copied), or null/omitted for none. */
  readonly biases?: ArrayLike<number> | null;
  /** An activation, or its name. */
  readonly activation: LayerActivation | ActivationName;
}

/**
 * Whether an activation is row-wise (softmax) rather than elementwise.
 *
 * @throws {InputTypeError} if `activation` is not an object.
 *
 * @example
 * ```ts
 * import { ACTIVATIONS } from "@nnref/nnref/activation";
 * import { isRowActivation, SOFTMAX_OUTPUT } from "@nnref/nnref/nn";
 * if (!isRowActivation(SOFTMAX_OUTPUT) || isRowActivation(ACTIVATIONS.tanh)) throw new Error("kinds");
 * ```
 * @category Neural networks
 */
export function isRowActivation(activation: LayerActivation): activation is RowActivation {
  if (typeof activation !== "object" || activation === null) {
    throw new InputTypeError(`activation must be an object, got ${describeValue(activation)}`);
  }
  return (activation as RowActivation).rowwise === true;
}

const ACTIVATION_NAMES = "sigmoid, tanh, relu, identity or softmax";

function resolveActivation(activation: unknown, at: string): LayerActivation {
  if (typeof activation !== "string") {
    requireActivation(activation, at);
    return activation as LayerActivation;
  }
  if (activation === "softmax") return SOFTMAX_OUTPUT;
  // An own-property lookup: "constructor" or "__proto__" must not reach Object.prototype.
  if (!Object.hasOwn(ACTIVATIONS, activation)) {
    throw new ArgumentRangeError(
      `${at} has unknown activation ${JSON.stringify(activation)}: expected ${ACTIVATION_NAMES}`,
    );
  }
  return (ACTIVATIONS as Record<string, Activation>)[activation];
}

/** The weights of a layer spec as a new Matrix: a Matrix is copied, rows are checked and copied. */
function specWeights(source: unknown, at: string): Matrix {
  if (!Array.isArray(source)) {
    requireMatrix(source, `${at} weights`);
    return createMatrix(source.rows, source.cols, source.data);
  }
  const cols = Array.isArray(source[0]) ? source[0].length : 0;
  source.forEach((row: unknown, i) => {
    requireNumberArray(row, `${at} weights row ${i}`);
    if (row.length !== cols) {
      throw new ShapeError(`${at} weights row ${i} has ${row.length} entries, row 0 has ${cols}`);
    }
  });
  const weights = createMatrix(source.length, cols);
  source.forEach((row: number[], i) => weights.data.set(row, i * cols));
  return weights;
}

/**
 * Builds a network from layer specs, copying weights and biases, and checks that the
 * layers chain: layer ℓ + 1 must expect as many inputs as layer ℓ has outputs.
 *
 * @param layers The layers in order, input side first.
 * @returns A network that owns its (copied) parameters.
 * @throws {InputTypeError} if layers is not an array, a spec is not an object, weights
 *   are neither a Matrix nor rows of numbers, biases are not numbers, or an activation
 *   object lacks its functions.
 * @throws {ShapeError} if there are no layers, weights are empty or ragged, the shapes do
 *   not chain ("Cannot chain layer 2: it expects 4 inputs but layer 1 outputs 3"), or a
 *   bias vector has the wrong length.
 * @throws {NonFiniteError} if a weight or bias is not finite.
 * @throws {ArgumentRangeError} for an unknown activation name (own names only:
 *   "constructor" is unknown).
 * @see fixtures/nn/forward.json
 *
 * @example 002's first layer: W_1 is 3 × 4 (3 inputs, 4 units)
 * ```ts
 * import { createNetwork, inputWidth, outputWidth } from "@nnref/nnref/nn";
 * const net = createNetwork([
 *   { weights: [[2, -1, 1, 4], [-1, 2, -3, 1], [3, -2, -1, 5]], activation: "sigmoid" },
 *   { weights: [[1], [1], [1], [1]], biases: [0.5], activation: "identity" },
 * ]);
 * if (net.layers[0].weights.cols !== 4 || net.layers[0].biases !== null) throw new Error("shape");
 * if (inputWidth(net) !== 3 || outputWidth(net) !== 1) throw new Error("widths");
 * ```
 * @category Neural networks
 */
export function createNetwork(layers: readonly LayerSpec[]): Network {
  if (!Array.isArray(layers)) {
    throw new InputTypeError(
      `createNetwork: layers must be an array of layer specs, got ${describeValue(layers)}`,
    );
  }
  if (layers.length === 0) {
    throw new ShapeError("Cannot build a network: it needs at least one layer");
  }
  const built: Layer[] = layers.map((spec: unknown, i) => {
    const at = `Layer ${i + 1}`;
    if (typeof spec !== "object" || spec === null) {
      throw new InputTypeError(`${at} must be a layer spec object, got ${describeValue(spec)}`);
    }
    const { weights: source, biases: biasSpec, activation } = spec as Record<string, unknown>;
    const weights = specWeights(source, at);
    if (weights.rows === 0 || weights.cols === 0) {
      throw new ShapeError(`${at} has empty weights (${weights.rows}×${weights.cols})`);
    }
    requireFinite(weights.data, `${at} weights`);
    let biases: Float64Array | null = null;
    if (biasSpec !== undefined && biasSpec !== null) {
      requireNumberArray(biasSpec, `${at} biases`);
      if (biasSpec.length !== weights.cols) {
        throw new ShapeError(`${at} has ${biasSpec.length} biases but ${weights.cols} outputs`);
      }
      biases = Float64Array.from(biasSpec);
      requireFinite(biases, `${at} biases`);
    }
    return { weights, biases, activation: resolveActivation(activation, at) };
  });
  for (let i = 1; i < built.length; i++) {
    if (built[i].weights.rows !== built[i - 1].weights.cols) {
      throw new ShapeError(
        `Cannot chain layer ${i + 1}: it expects ${
          built[i].weights.rows
        } inputs but layer ${i} outputs ${built[i - 1].weights.cols}`,
      );
    }
  }
  return { layers: built };
}

/**
 * The number of inputs the network expects (rows of the first weight matrix).
 *
 * @throws {InputTypeError} or {ShapeError} if `network` is not a well-formed Network.
 * @example
 * ```ts
 * import { createNetwork, inputWidth } from "@nnref/nnref/nn";
 * const net = createNetwork([{ weights: [[1, 2]], activation: "tanh" }]);
 * if (inputWidth(net) !== 1) throw new Error("one input");
 * ```
 * @category Neural networks
 */
export function inputWidth(network: Network): number {
  requireNetwork(network, "network");
  return network.layers[0].weights.rows;
}

/**
 * The number of outputs (columns of the last weight matrix).
 *
 * @throws {InputTypeError} or {ShapeError} if `network` is not a well-formed Network.
 * @example
 * ```ts
 * import { createNetwork, outputWidth } from "@nnref/nnref/nn";
 * const net = createNetwork([{ weights: [[1, 2]], activation: "tanh" }]);
 * if (outputWidth(net) !== 2) throw new Error("two outputs");
 * ```
 * @category Neural networks
 */
export function outputWidth(network: Network): number {
  requireNetwork(network, "network");
  return network.layers[network.layers.length - 1].weights.cols;
}

/**
 * The number of trainable parameters: Σ (in·out + out if the layer has biases).
 *
 * @throws {InputTypeError} or {ShapeError} if `network` is not a well-formed Network.
 * @example 2-3-2 with biases: 6 + 3 + 6 + 2 = 17
 * ```ts
 * import { createNetwork, parameterCount } from "@nnref/nnref/nn";
 * const net = createNetwork([
 *   { weights: [[1, 2, 3], [4, 5, 6]], biases: [0, 0, 0], activation: "sigmoid" },
 *   { weights: [[1, 2], [3, 4], [5, 6]], biases: [0, 0], activation: "sigmoid" },
 * ]);
 * if (parameterCount(net) !== 17) throw new Error("17 parameters");
 * ```
 * @category Neural networks
 */
export function parameterCount(network: Network): number {
  requireNetwork(network, "network");
  let count = 0;
  for (const layer of network.layers) {
    count += layer.weights.data.length + (layer.biases?.length ?? 0);
  }
  return count;
}

/**
 * All parameters in one vector: layer by layer, the weights row-major, then the biases.
 * The same order as {@link flattenGradients}, so a gradient checker can treat the loss as
 * a function of this vector.
 *
 * @param network The network.
 * @param out Optional buffer of length {@link parameterCount}.
 * @returns The flattened parameters.
 * @throws {InputTypeError} or {ShapeError} if `network` is not a well-formed Network, or
 *   out is not a Float64Array of that length.
 *
 * @example
 * ```ts
 * import { createNetwork, flattenParameters } from "@nnref/nnref/nn";
 * const net = createNetwork([{ weights: [[1, 2]], biases: [3, 4], activation: "identity" }]);
 * if (flattenParameters(net).join() !== "1,2,3,4") throw new Error("weights, then biases");
 * ```
 * @category Neural networks
 */
export function flattenParameters(network: Network, out?: Float64Array): Float64Array {
  const flat = outputBuffer(out, parameterCount(network), "flattenParameters");
  let offset = 0;
  for (const layer of network.layers) {
    flat.set(layer.weights.data, offset);
    offset += layer.weights.data.length;
    if (layer.biases) {
      flat.set(layer.biases, offset);
      offset += layer.biases.length;
    }
  }
  return flat;
}

/**
 * A network with the same shapes and activations and the parameters read from `flat`
 * (in the order of {@link flattenParameters}).
 *
 * The copy shares nothing with `network` or `flat`.
 *
 * @throws {InputTypeError} if `network` is not a Network or `flat` not an array of numbers.
 * @throws {ShapeError} if `flat` has the wrong length.
 * @throws {NonFiniteError} if `flat` has a non-finite entry.
 *
 * @example Round trip
 * ```ts
 * import { createNetwork, withParameters } from "@nnref/nnref/nn";
 * const net = createNetwork([{ weights: [[1, 2]], biases: [3, 4], activation: "identity" }]);
 * const moved = withParameters(net, new Float64Array([5, 6, 7, 8]));
 * if (moved.layers[0].biases?.[1] !== 8 || net.layers[0].biases?.[1] !== 4) throw new Error("copy");
 * ```
 * @category Neural networks
 */
export function withParameters(network: Network, flat: ArrayLike<number>): Network {
  const count = parameterCount(network);
  requireNumberArray(flat, "withParameters: flat");
  if (flat.length !== count) {
    throw new ShapeError(
      `Cannot set parameters: the network has ${count} but ${flat.length} were given`,
    );
  }
  requireFinite(flat, "Parameters");
  let offset = 0;
  const layers = network.layers.map((layer) => {
    const size = layer.weights.data.length;
    const weights = createMatrix(
      layer.weights.rows,
      layer.weights.cols,
      Array.prototype.slice.call(flat, offset, offset + size),
    );
    offset += size;
    let biases: Float64Array | null = null;
    if (layer.biases) {
      biases = Float64Array.from(
        Array.prototype.slice.call(flat, offset, offset + layer.biases.length),
      );
      offset += layer.biases.length;
    }
    return { weights, biases, activation: layer.activation };
  });
  return { layers };
}
