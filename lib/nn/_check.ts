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
  what: string,
  finite = false,
): void {
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
