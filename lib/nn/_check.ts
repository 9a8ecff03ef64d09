/**
 * Checks of the network, trace and gradient structures that lib/nn's functions take
 * (internal): O(layers), never O(parameters), so that the kernels can call them on every
 * batch. Private: not re-exported.
 *
 * @module
 */

import { InputTypeError, ShapeError } from "../errors.ts";
import { describeValue, requireMatrix } from "../_util/validate.ts";
import type { Matrix } from "../linalg/matrix.ts";

/** The fields of a network these checks read (structurally, to avoid an import cycle). */
interface NetworkShape {
  readonly layers: readonly {
    readonly weights: Matrix;
    readonly biases: Float64Array | null;
    readonly activation: unknown;
  }[];
}

/**
 * Throws unless `network` is `{ layers }` with at least one layer, each with a Matrix of
 * weights, biases that are null or a Float64Array of one entry per output, and an
 * activation object; consecutive layers must chain.
 *
 * @throws {InputTypeError} naming the first field of the wrong type ("use createNetwork").
 * @throws {ShapeError} if the layers do not chain or biases have the wrong length.
 */
export function requireNetwork(
  network: unknown,
  what = "network",
): asserts network is NetworkShape {
  if (
    typeof network !== "object" || network === null ||
    !Array.isArray((network as NetworkShape).layers)
  ) {
    throw new InputTypeError(
      `${what} must be a Network { layers } (build one with createNetwork), got ${
        describeValue(network)
      }`,
    );
  }
  const layers = (network as NetworkShape).layers;
  if (layers.length === 0) throw new ShapeError(`${what} has no layers`);
  for (let l = 0; l < layers.length; l++) {
    const layer = layers[l];
    if (typeof layer !== "object" || layer === null) {
      throw new InputTypeError(`${what}.layers[${l}] must be a layer, got ${describeValue(layer)}`);
    }
    requireMatrix(layer.weights, `${what}.layers[${l}].weights`);
    if (layer.biases !== null) {
      if (!(layer.biases instanceof Float64Array)) {
        throw new InputTypeError(
          `${what}.layers[${l}].biases must be a Float64Array or null, got ${
            describeValue(layer.biases)
          }`,
        );
      }
      if (layer.biases.length !== layer.weights.cols) {
        throw new ShapeError(
          `${what}.layers[${l}] has ${layer.biases.length} biases but ${layer.weights.cols} outputs`,
        );
      }
    }
    if (typeof layer.activation !== "object" || layer.activation === null) {
      throw new InputTypeError(
        `${what}.layers[${l}].activation must be an activation object, got ${
          describeValue(layer.activation)
        }`,
      );
    }
    if (l > 0 && layer.weights.rows !== layers[l - 1].weights.cols) {
      throw new ShapeError(
        `${what}: layer ${l + 1} expects ${layer.weights.rows} inputs but layer ${l} outputs ${
          layers[l - 1].weights.cols
        }`,
      );
    }
  }
}

/** A list of `count` matrices with the given column counts and `rows` rows each. */
function requireMatrices(
  list: unknown,
  widths: readonly number[],
  rows: number,
  what: string,
): void {
  if (!Array.isArray(list) || list.length !== widths.length) {
    throw new InputTypeError(
      `${what} must be an array of ${widths.length} matrices, got ${describeValue(list)}`,
    );
  }
  for (let i = 0; i < widths.length; i++) {
    requireMatrix(list[i], `${what}[${i}]`);
    const m = list[i] as Matrix;
    if (m.rows !== rows || m.cols !== widths[i]) {
      throw new ShapeError(`${what}[${i}] is ${m.rows}×${m.cols}, expected ${rows}×${widths[i]}`);
    }
  }
}

/**
 * Throws unless `trace` is a forward trace of `network`: activations A⁰ … Aᴸ and
 * pre-activations Z¹ … Zᴸ of matching widths and one common row count, which it returns.
 *
 * @throws {InputTypeError} if a field has the wrong type ("use createForwardTrace").
 * @throws {ShapeError} if a matrix has the wrong shape for the network.
 */
export function requireTrace(network: NetworkShape, trace: unknown, what = "trace"): number {
  if (typeof trace !== "object" || trace === null) {
    throw new InputTypeError(
      `${what} must be a ForwardTrace (from createForwardTrace or forwardBatch), got ${
        describeValue(trace)
      }`,
    );
  }
  const { activations, preActivations } = trace as {
    activations?: unknown;
    preActivations?: unknown;
  };
  const first = Array.isArray(activations) ? activations[0] : undefined;
  requireMatrix(first, `${what}.activations[0]`);
  const rows = (first as Matrix).rows;
  const layers = network.layers;
  const widths = [layers[0].weights.rows, ...layers.map((layer) => layer.weights.cols)];
  requireMatrices(activations, widths, rows, `${what}.activations`);
  requireMatrices(preActivations, widths.slice(1), rows, `${what}.preActivations`);
  return rows;
}

/**
 * Throws unless `gradients` has buffers for `network` and a batch of `rows` samples.
 *
 * @throws {InputTypeError} if a field has the wrong type ("use createGradients").
 * @throws {ShapeError} if a buffer has the wrong shape.
 */
export function requireGradients(
  network: NetworkShape,
  gradients: unknown,
  rows: number,
  what = "gradients",
): void {
  if (typeof gradients !== "object" || gradients === null) {
    throw new InputTypeError(
      `${what} must be Gradients (from createGradients), got ${describeValue(gradients)}`,
    );
  }
  const g = gradients as { weights?: unknown; biases?: unknown; deltas?: unknown };
  const layers = network.layers;
  if (!Array.isArray(g.weights) || g.weights.length !== layers.length) {
    throw new InputTypeError(`${what}.weights must hold one matrix per layer`);
  }
  layers.forEach((layer, l) => {
    requireMatrix((g.weights as unknown[])[l], `${what}.weights[${l}]`);
    const w = (g.weights as Matrix[])[l];
    if (w.rows !== layer.weights.rows || w.cols !== layer.weights.cols) {
      throw new ShapeError(
        `${what}.weights[${l}] is ${w.rows}×${w.cols}, expected ${layer.weights.rows}×${layer.weights.cols}`,
      );
    }
  });
  if (!Array.isArray(g.biases) || g.biases.length !== layers.length) {
    throw new InputTypeError(`${what}.biases must hold one entry per layer`);
  }
  layers.forEach((layer, l) => {
    const b = (g.biases as unknown[])[l];
    const expected = layer.biases === null ? null : layer.biases.length;
    const ok = expected === null ? b === null : b instanceof Float64Array && b.length === expected;
    if (!ok) {
      throw new ShapeError(
        `${what}.biases[${l}] must be ${
          expected === null ? "null (the layer has no biases)" : `a Float64Array of ${expected}`
        }, got ${describeValue(b)}`,
      );
    }
  });
  requireMatrices(g.deltas, layers.map((layer) => layer.weights.cols), rows, `${what}.deltas`);
}
