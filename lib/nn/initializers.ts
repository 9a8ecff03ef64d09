/**
 * Seeded weight initialisers: Glorot (Xavier) and He (Kaiming), uniform and normal,
 * drawing from a {@link RandomState} so that numpy reproduces every weight.
 *
 * For a layer with fan_in inputs and fan_out outputs (our in × out weight matrix):
 *
 * | initialiser | distribution | scale, computed exactly as |
 * | --- | --- | --- |
 * | `glorotUniform` | U(−a, a) | a = √(6 / (fan_in + fan_out)) |
 * | `glorotNormal` | N(0, s²) | s = √(2 / (fan_in + fan_out)) |
 * | `heUniform` | U(−a, a) | a = √(6 / fan_in) |
 * | `heNormal` | N(0, s²) | s = √(2 / fan_in) |
 *
 * (Glorot & Bengio 2010; He et al. 2015, for ReLU layers. These are PyTorch's
 * `xavier_uniform_`, `xavier_normal_`, `kaiming_uniform_` and `kaiming_normal_` with
 * gain 1, 1, √2, √2 and mode fan_in — the plain normal, not Keras' truncated one — with
 * the scale formed as one division and one square root, so that it is the same double in
 * numpy.)
 *
 * The draws fill the fan_in × fan_out matrix row by row, one draw per weight:
 *
 * - uniform: `rs.uniform(-a, a, size=(fan_in, fan_out))`, i.e. −a + 2a·u with one
 *   `random_sample()` u (two 32-bit MT19937 words) per weight, exactly;
 * - normal: `rs.normal(0.0, s, size=(fan_in, fan_out))`, i.e. 0 + s·z with numpy's
 *   legacy polar method, which draws pairs and keeps the second value for the next
 *   weight — across layers too (equal to numpy's to the last bit or within the ulp of
 *   `Math.log` stated in fixtures/nn/initializers.json).
 *
 * {@link initializeNetwork} draws its layers in order, input side first, and draws
 * nothing for the biases (they start at 0). In numpy:
 *
 * ```python
 * rs = np.random.RandomState(seed)
 * weights = [rs.uniform(-np.sqrt(6.0 / (i + o)), np.sqrt(6.0 / (i + o)), size=(i, o))
 *            for i, o in zip(widths[:-1], widths[1:])]          # glorotUniform
 * ```
 *
 * @module
 */

import { createMatrix, type Matrix } from "../linalg/matrix.ts";
import { RandomState } from "../random/random_state.ts";
import { ArgumentRangeError, InputTypeError, ShapeError } from "../errors.ts";
import { describeValue, requireOptions } from "../_util/input.ts";
import { ACTIVATIONS } from "../activation/activation.ts";
import { type ActivationName, createNetwork, type Network } from "./network.ts";

export type { Matrix } from "../linalg/matrix.ts";
export type { RandomState } from "../random/random_state.ts";
export type { ActivationName, Network } from "./network.ts";

/** The names of the initialisers.
 * @category Neural networks */
export type InitializerName = "glorotUniform" | "glorotNormal" | "heUniform" | "heNormal";

/** A weight initialiser: its scale, and how it fills a fan_in × fan_out matrix.
 * @category Neural networks */
export interface Initializer {
  /** The registry key, e.g. "glorotUniform". */
  readonly name: InitializerName;
  /** "uniform" on (−scale, scale) or "normal" with standard deviation scale. */
  readonly distribution: "uniform" | "normal";
  /** a or s of the table in the module comment. */
  scale(fanIn: number, fanOut: number): number;
}

/** The most rows or columns a weight matrix may have here (2²⁴, about 16.7 million). */
const MAX_FAN = 2 ** 24;

function requireFan(value: unknown, what: string): asserts value is number {
  if (typeof value !== "number") {
    throw new InputTypeError(`${what} must be a number, got ${describeValue(value)}`);
  }
  if (!Number.isInteger(value) || value < 1 || value > MAX_FAN) {
    throw new ArgumentRangeError(`${what} must be an integer in [1, 2**24], got ${value}`);
  }
}

function requireRandom(random: unknown, what: string): asserts random is RandomState {
  if (!(random instanceof RandomState)) {
    throw new InputTypeError(
      `${what} must be a RandomState (e.g. new RandomState(0)), got ${describeValue(random)}`,
    );
  }
}

/**
 * The four initialisers by name, with their scales.
 *
 * @example The scales of a 3 → 5 layer
 * ```ts
 * import { INITIALIZERS } from "@nnref/nnref/nn";
 * if (INITIALIZERS.glorotUniform.scale(3, 5) !== Math.sqrt(6 / 8)) throw new Error("√(6/8)");
 * if (INITIALIZERS.heNormal.scale(3, 5) !== Math.sqrt(2 / 3)) throw new Error("√(2/3)");
 * ```
 * @category Neural networks
 */
export const INITIALIZERS: Readonly<Record<InitializerName, Initializer>> = Object.freeze({
  glorotUniform: Object.freeze({
    name: "glorotUniform" as const,
    distribution: "uniform" as const,
    scale: (fanIn: number, fanOut: number) => Math.sqrt(6 / (fanIn + fanOut)),
  }),
  glorotNormal: Object.freeze({
    name: "glorotNormal" as const,
    distribution: "normal" as const,
    scale: (fanIn: number, fanOut: number) => Math.sqrt(2 / (fanIn + fanOut)),
  }),
  heUniform: Object.freeze({
    name: "heUniform" as const,
    distribution: "uniform" as const,
    scale: (fanIn: number) => Math.sqrt(6 / fanIn),
  }),
  heNormal: Object.freeze({
    name: "heNormal" as const,
    distribution: "normal" as const,
    scale: (fanIn: number) => Math.sqrt(2 / fanIn),
  }),
});

function resolveInitializer(name: unknown, what: string): Initializer {
  if (typeof name !== "string" || !Object.hasOwn(INITIALIZERS, name)) {
    throw new ArgumentRangeError(
      `${what} must be one of ${Object.keys(INITIALIZERS).join(", ")}, got ${describeValue(name)}`,
    );
  }
  return INITIALIZERS[name as InitializerName];
}

/**
 * A fan_in × fan_out weight matrix drawn with the named initialiser from `random`, row by
 * row (see the module comment for the formulas and the numpy equivalent).
 *
 * @param name "glorotUniform", "glorotNormal", "heUniform" or "heNormal".
 * @param fanIn Inputs of the layer (rows), an integer in [1, 2²⁴].
 * @param fanOut Outputs of the layer (columns), an integer in [1, 2²⁴].
 * @param random The stream to draw from; advanced by the draws.
 * @returns A new fan_in × fan_out Matrix.
 * @throws {InputTypeError} if random is not a RandomState or a fan is not a number.
 * @throws {ArgumentRangeError} for an unknown name or a fan outside [1, 2²⁴].
 * @see fixtures/nn/initializers.json
 *
 * @example Glorot uniform is −a + 2a·u, u from numpy's random_sample
 * ```ts
 * import { initializeWeights } from "@nnref/nnref/nn";
 * import { RandomState } from "@nnref/nnref/random";
 * const w = initializeWeights("glorotUniform", 3, 5, new RandomState(42));
 * const a = Math.sqrt(6 / 8), u = new RandomState(42).randomSample();
 * if (w.rows !== 3 || w.cols !== 5 || w.data[0] !== -a + 2 * a * u) throw new Error("first draw");
 * ```
 * @category Neural networks
 */
export function initializeWeights(
  name: InitializerName,
  fanIn: number,
  fanOut: number,
  random: RandomState,
): Matrix {
  const init = resolveInitializer(name, "initializer");
  requireFan(fanIn, "fanIn");
  requireFan(fanOut, "fanOut");
  requireRandom(random, "random");
  if (fanIn * fanOut > 2 ** 28) {
    throw new ShapeError(`A ${fanIn}×${fanOut} weight matrix exceeds 2**28 entries`);
  }
  const weights = createMatrix(fanIn, fanOut);
  const scale = init.scale(fanIn, fanOut);
  if (init.distribution === "uniform") random.fillUniform(weights.data, -scale, scale);
  else random.fillNormal(weights.data, 0, scale);
  return weights;
}

/** How {@link initializeNetwork} builds the layers.
 * @category Neural networks */
export interface InitializeOptions {
  /** One initialiser for every layer, or one per layer. */
  readonly initializer: InitializerName | readonly InitializerName[];
  /** The stream to draw from; advanced by the draws. */
  readonly random: RandomState;
  /** Whether the layers have biases (all 0, drawn from nothing); default true. */
  readonly biases?: boolean;
}

/**
 * A network of the given widths and activations with weights drawn layer by layer (input
 * side first, each row by row) and zero biases.
 *
 * @param widths The widths of the input and of every layer, e.g. [2, 5, 1]: 2 inputs, a
 *   hidden layer of 5 units, 1 output.
 * @param activations One activation name per layer (widths.length − 1 of them).
 * @param options The initialiser(s), the RandomState and whether to add biases.
 * @returns A new network.
 * @throws {InputTypeError} if an argument is not of its type.
 * @throws {ShapeError} if there are not widths.length − 1 activations (or initialisers), or
 *   fewer than two widths.
 * @throws {ArgumentRangeError} for a width outside [1, 2²⁴], an unknown name or option.
 * @see fixtures/nn/initializers.json
 *
 * @example A 2-5-1 regression network: He for the ReLU layer, Glorot for the output
 * ```ts
 * import { initializeNetwork } from "@nnref/nnref/nn";
 * import { RandomState } from "@nnref/nnref/random";
 * const net = initializeNetwork([2, 5, 1], ["relu", "identity"], {
 *   initializer: ["heUniform", "glorotUniform"], random: new RandomState(0),
 * });
 * const bound = Math.sqrt(6 / 2);
 * if (!net.layers[0].weights.data.every((w) => Math.abs(w) <= bound)) throw new Error("U(−a, a)");
 * if (net.layers[1].biases?.join() !== "0") throw new Error("zero bias");
 * ```
 * @category Neural networks
 */
export function initializeNetwork(
  widths: readonly number[],
  activations: readonly ActivationName[],
  options: InitializeOptions,
): Network {
  if (!Array.isArray(widths) || !Array.isArray(activations)) {
    throw new InputTypeError(
      `initializeNetwork: widths and activations must be arrays, got ${describeValue(widths)} and ${
        describeValue(activations)
      }`,
    );
  }
  if (widths.length < 2 || activations.length !== widths.length - 1) {
    throw new ShapeError(
      `initializeNetwork: ${widths.length} widths need ${
        Math.max(widths.length - 1, 1)
      } activations (one per layer), got ${activations.length}${
        widths.length < 2 ? " (and at least 2 widths)" : ""
      }`,
    );
  }
  widths.forEach((w, i) => requireFan(w, `widths[${i}]`));
  // Checked before any draw, so that a bad name leaves the caller's stream untouched.
  activations.forEach((name: unknown, i) => {
    if (typeof name !== "string" || !(name === "softmax" || Object.hasOwn(ACTIVATIONS, name))) {
      throw new ArgumentRangeError(
        `activations[${i}] must be sigmoid, tanh, relu, identity or softmax, got ${
          describeValue(name)
        }`,
      );
    }
  });
  requireOptions(options, "initializeNetwork: options", ["initializer", "random", "biases"]);
  requireRandom(options.random, "random");
  const names = Array.isArray(options.initializer)
    ? options.initializer
    : activations.map(() => options.initializer as InitializerName);
  if (names.length !== activations.length) {
    throw new ShapeError(
      `initializeNetwork: ${names.length} initializers for ${activations.length} layers`,
    );
  }
  names.forEach((name, i) => resolveInitializer(name, `initializer[${i}]`));
  const biases = options.biases ?? true;
  if (typeof biases !== "boolean") {
    throw new InputTypeError(`biases must be a boolean, got ${describeValue(biases)}`);
  }
  return createNetwork(activations.map((activation, l) => ({
    weights: initializeWeights(names[l], widths[l], widths[l + 1], options.random),
    biases: biases ? new Float64Array(widths[l + 1]) : null,
    activation,
  })));
}
