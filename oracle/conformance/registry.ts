/**
 * Every concept the checker knows, by name (the names fixtures use in `concepts`).
 *
 * @module
 */

import type { AnyConcept } from "./concept.ts";
import {
  RELU,
  RELU_DERIVATIVE,
  SIGMOID,
  SIGMOID_DERIVATIVE,
  TANH,
  TANH_DERIVATIVE,
} from "./elementwise.ts";
import { BINARY_CROSS_ENTROPY, LOG_SUM_EXP, SOFTMAX, SOFTMAX_CROSS_ENTROPY } from "./softmax.ts";
import { GD_STEP, LEAST_SQUARES, RIDGE, SGD_STEP } from "./regression.ts";
import { BACKWARD, BACKWARD_DELTA, FORWARD } from "./network.ts";
import { GRAPH_GRADIENT, LOGISTIC_GRADIENT, PERCEPTRON_UPDATE } from "./classify.ts";

/**
 * The concepts, in the order of fixtures/schema.json's list.
 *
 * @example
 * ```ts
 * import { CONCEPTS } from "@nnref/nnref/oracle";
 * if (!CONCEPTS.some((c) => c.name === "least-squares")) throw new Error("listed");
 * ```
 * @category Conformance
 */
export const CONCEPTS: readonly AnyConcept[] = [
  SIGMOID,
  SIGMOID_DERIVATIVE,
  TANH,
  TANH_DERIVATIVE,
  RELU,
  RELU_DERIVATIVE,
  SOFTMAX,
  LOG_SUM_EXP,
  SOFTMAX_CROSS_ENTROPY,
  BINARY_CROSS_ENTROPY,
  LEAST_SQUARES,
  RIDGE,
  GD_STEP,
  SGD_STEP,
  FORWARD,
  BACKWARD,
  BACKWARD_DELTA,
  LOGISTIC_GRADIENT,
  PERCEPTRON_UPDATE,
  GRAPH_GRADIENT,
];

/**
 * The concept of a name.
 *
 * @throws {RangeError} naming the known concepts, for an unknown name.
 *
 * @example
 * ```ts
 * import { conceptNamed } from "@nnref/nnref/oracle";
 * if (conceptNamed("tanh").signature !== "(z: number) => number") throw new Error("scalar");
 * ```
 * @category Conformance
 */
export function conceptNamed(name: string): AnyConcept {
  const found = CONCEPTS.find((c) => c.name === name);
  if (found === undefined) {
    throw new RangeError(
      `unknown concept ${JSON.stringify(name)}; known: ${CONCEPTS.map((c) => c.name).join(", ")}`,
    );
  }
  return found;
}
