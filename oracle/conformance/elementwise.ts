/**
 * The elementwise concepts: σ, σ′, tanh, tanh′, ReLU, ReLU′. Canonical input `{ z }`, a
 * number or numbers nested in arrays; output `value`, f applied to each element. The
 * implementation is a scalar function `(z: number) => number`.
 *
 * @module
 */

import type { ConformanceConcept } from "./concept.ts";
import { call, numberTree, unfit } from "./concept.ts";

/** A scalar function such as σ: `(z: number) => number`.
 * @category Conformance */
export type RealFunction = (z: number) => number;

function mapTree(value: unknown, f: (x: number) => unknown): unknown {
  return Array.isArray(value) ? value.map((item) => mapTree(item, f)) : f(value as number);
}

function flat(value: unknown): number[] {
  return Array.isArray(value) ? value.flatMap(flat) : [value as number];
}

function elementwise(
  name: string,
  summary: string,
): ConformanceConcept<RealFunction> {
  return {
    name,
    signature: "(z: number) => number",
    summary: `${summary} Input { z }: numbers, any nesting; output: f(z) elementwise.`,
    outputs: ["value"],
    inputs(fixture) {
      const z = fixture.input.z;
      try {
        numberTree(z, "input.z");
      } catch (error) {
        unfit(fixture, name, (error as Error).message);
      }
      return { z };
    },
    run: (f, input) => ({ value: mapTree(input.z, (x) => call(f, name, [x])) }),
  };
}

/** σ(z) = 1/(1 + e^(−z)).
 * @category Conformance */
export const SIGMOID: ConformanceConcept<RealFunction> = elementwise(
  "sigmoid",
  "σ(z) = 1/(1 + e^(−z)).",
);
/** σ′(z) = σ(z)(1 − σ(z)), from z.
 * @category Conformance */
export const SIGMOID_DERIVATIVE: ConformanceConcept<RealFunction> = elementwise(
  "sigmoid-derivative",
  "σ′(z) = σ(z)(1 − σ(z)), as a function of z.",
);
/** tanh z.
 * @category Conformance */
export const TANH: ConformanceConcept<RealFunction> = elementwise(
  "tanh",
  "tanh z.",
);
/** tanh′(z) = 1 − tanh² z, from z.
 * @category Conformance */
export const TANH_DERIVATIVE: ConformanceConcept<RealFunction> = elementwise(
  "tanh-derivative",
  "tanh′(z) = 1 − tanh²(z), as a function of z.",
);
/** ReLU(z) = max(0, z).
 * @category Conformance */
export const RELU: ConformanceConcept<RealFunction> = elementwise(
  "relu",
  "ReLU(z) = max(0, z).",
);
/** ReLU′(z) = [z > 0]; at z = 0 any value in [0, 1] is accepted (the element is not compared).
 * @category Conformance */
export const RELU_DERIVATIVE: ConformanceConcept<RealFunction> = {
  ...elementwise(
    "relu-derivative",
    "ReLU′(z) = 1 for z > 0, 0 for z < 0; at z = 0 (no derivative) any value is accepted.",
  ),
  skip: (input) => flat(input.z).map((z) => z === 0),
};
