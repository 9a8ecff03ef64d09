/**
 * Checks that a value is a well-formed `Network` (from `createNetwork`, or built by hand
 * with the same shape), run where a network enters a public function. It imports nothing
 * from network.ts, which imports it. Private: not re-exported.
 *
 * @module
 */

import { InputTypeError, ShapeError } from "../errors.ts";
import { describeValue, requireMatrix } from "../_util/input.ts";
import { requireFinite } from "../_util/validate.ts";
import { requireMatrix as requireMatrixValue } from "../_util/validate.ts";
import type { Matrix } from "../linalg/matrix.ts";

/**
 * Throws unless `value` is an elementwise `Activation` (name, value, derivative) or a
 * `RowActivation` (name, rowwise, apply, backward).
 *
 * @throws {InputTypeError} naming `at`.
 */
export function requireActivation(value: unknown, at: string): void {
  const f = value as Record<string, unknown> | null;
  const ok = typeof f === "object" && f !== null && typeof f.name === "string" &&
    (f.rowwise === true
      ? typeof f.apply === "function" && typeof f.backward === "function"
      : typeof f.value === "function" && typeof f.derivative === "function");
  if (!ok) {
    throw new InputTypeError(
      `${at} activation must be an Activation or a RowActivation (e.g. ACTIVATIONS.tanh), got ${
        describeValue(value)
      }`,
    );
  }
}

/**
 * Throws unless `value` is a network: a non-empty `layers` array of layers whose `weights`
 * are non-empty matrices, whose `biases` are null or a Float64Array with one entry per
 * output, whose activation has the functions a layer calls, and whose shapes chain.
 * With `finite`, also that every parameter is finite.
 *
 * @throws {InputTypeError} for a value of the wrong type.
 * @throws {ShapeError} for empty weights, a bias of the wrong length, or layers that do not chain.
 * @throws {NonFiniteError} with `finite`, for a NaN or ±∞ parameter.
 */
export function requireNetwork(
  value: unknown,
  what = "network",
  finite = false,
): asserts value is NetworkShape {
  const layers = (value as { layers?: unknown } | null)?.layers;
  if (typeof value !== "object" || value === null || !Array.isArray(layers)) {
    throw new InputTypeError(
      `${what} must be a Network (use createNetwork), got ${describeValue(value)}`,
    );
  }
  if (layers.length === 0) throw new ShapeError(`${what} has no layers`);
  layers.forEach((layer: unknown, i) => {
    const at = `${what}: layer ${i + 1}`;
    if (typeof layer !== "object" || layer === null) {
      throw new InputTypeError(`${at} must be a layer object, got ${describeValue(layer)}`);
    }
    const { weights, biases, activation } = layer as Record<string, unknown>;
    requireMatrix(weights, `${at} weights`);
    if (weights.rows === 0 || weights.cols === 0) {
      throw new ShapeError(`${at} has empty weights (${weights.rows}×${weights.cols})`);
    }
    if (biases !== null && biases !== undefined) {
      if (!(biases instanceof Float64Array)) {
        throw new InputTypeError(
          `${at} biases must be a Float64Array or null, got ${describeValue(biases)}`,
        );
      }
      if (biases.length !== weights.cols) {
        throw new ShapeError(`${at} has ${biases.length} biases but ${weights.cols} outputs`);
      }
      if (finite) requireFinite(biases, `${at} biases`);
    }
    requireActivation(activation, at);
    if (finite) requireFinite(weights.data, `${at} weights`);
    if (i > 0) {
      const previous = (layers[i - 1] as { weights: { cols: number } }).weights.cols;
      if (weights.rows !== previous) {
        throw new ShapeError(
          `Cannot chain layer ${
            i + 1
          } of ${what}: it expects ${weights.rows} inputs but layer ${i} outputs ${previous}`,
        );
      }
    }
  });
}

/** The fields of a network these checks read (structurally, to avoid an import cycle). */
interface NetworkShape {
  readonly layers: readonly {
    readonly weights: Matrix;
    readonly biases: Float64Array | null;
    readonly activation: unknown;
  }[];
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
    requireMatrixValue(list[i], `${what}[${i}]`);
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
  requireMatrixValue(first, `${what}.activations[0]`);
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
    requireMatrixValue((g.weights as unknown[])[l], `${what}.weights[${l}]`);
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
