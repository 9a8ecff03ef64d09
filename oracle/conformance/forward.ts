/**
 * Conformance of a feed-forward pass: how to call your implementation on a fixture's
 * input and which expected fields it must reproduce.
 *
 * @module
 */

import { checkConcept, type Concept, type ConceptOptions, type ConceptResult } from "./check.ts";
import { isMatrix, isNumberTree, isVector } from "./_inputs.ts";

// Re-exported so that `deno doc --lint` finds every type the public API refers to.
export type { Concept, ConceptOptions, ConceptResult } from "./check.ts";

/**
 * One layer of a feed-forward network, in numpy's convention a = f(x @ W + b).
 * @category Conformance
 */
export interface ForwardLayer {
  /** W, shape inputs × outputs (x @ W, as the documents' numpy code writes it). */
  readonly weights: readonly (readonly number[])[];
  /** b, one per output (zeros when the fixture gives none). */
  readonly biases: readonly number[];
  /** The activation's name: "sigmoid", "tanh", "relu", "identity", "softmax". */
  readonly activation: string;
}

/**
 * A forward pass: the network's output for one input vector.
 * @category Conformance
 */
export type ForwardPass = (layers: readonly ForwardLayer[], input: readonly number[]) => number[];

/** The layers of a fixture given as W_1, W_2, … (in × out), optional b_1, b_2, …, activations. */
function layersOf(input: Readonly<Record<string, unknown>>): ForwardLayer[] | string {
  const activations = input.activations;
  const weights: number[][][] = [];
  for (let l = 1; isMatrix(input[`W_${l}`]); l++) weights.push(input[`W_${l}`] as number[][]);
  if (weights.length === 0) return "no layer weights W_1, W_2, … in the input";
  if (!Array.isArray(activations) || activations.length !== weights.length) {
    return `input.activations must name one activation per layer (${weights.length})`;
  }
  return weights.map((w, l) => {
    const b = input[`b_${l + 1}`];
    return {
      weights: w,
      biases: isVector(b) ? b : new Array(w[0].length).fill(0),
      activation: String(activations[l]),
    };
  });
}

/**
 * A feed-forward network's forward pass as a concept: fixtures with layer weights
 * `W_1, W_2, …` (inputs × outputs), optional biases `b_1, …`, `activations`, and an input
 * vector `x_in` (or rows `x_mat_in`), whose expected values have the output `y_out`.
 * Your function is called once per input row.
 *
 * @example A one-layer identity network computes x @ W
 * ```ts
 * import { assertConcept, FORWARD_CONCEPT, type ForwardPass } from "@nnref/nnref/oracle";
 * const fixture = {
 *   id: "mine.linear", source: { document: "none", section: "-", quote: "x @ W" },
 *   oracle: { method: "exact", generator: null },
 *   input: { W_1: [[1, 2], [3, 4]], activations: ["identity"], x_in: [1, 1] },
 *   printed: {}, expected: { y_out: [4, 6] },
 *   tolerance: { y_out: { reason: "exact integers" } }, erratum: null,
 * };
 * const matmulRow: ForwardPass = (layers, x) =>
 *   layers[0].weights[0].map((_, j) => x.reduce((s, xi, i) => s + xi * layers[0].weights[i][j], 0));
 * assertConcept(FORWARD_CONCEPT, matmulRow, fixture);
 * ```
 * @category Conformance
 */
export const FORWARD_CONCEPT: Concept<ForwardPass> = {
  name: "forward pass",
  signature: "(layers: { weights, biases, activation }[], input: number[]) => number[]",
  prepare(fixture) {
    if (!isNumberTree(fixture.expected.y_out)) {
      return "not a forward-pass fixture: no expected.y_out";
    }
    const layers = layersOf(fixture.input);
    if (typeof layers === "string") return `not a forward-pass fixture: ${layers}`;
    const single = fixture.input.x_in;
    const batch = fixture.input.x_mat_in;
    if (isVector(single) && single.length > 0) {
      return { fields: ["y_out"], run: (forward) => ({ y_out: forward(layers, single) }) };
    }
    if (isMatrix(batch)) {
      return {
        fields: ["y_out"],
        run: (forward) => ({ y_out: batch.map((row) => forward(layers, row)) }),
      };
    }
    return "not a forward-pass fixture: no input vector x_in or rows x_mat_in";
  },
};

/**
 * Checks a forward pass against fixtures; see {@link FORWARD_CONCEPT}.
 *
 * @param forward Your forward pass.
 * @param fixtures Parsed fixture JSON (e.g. `fixtures/nn/forward.json`).
 * @param options `tolerance` to replace the fixtures' own bounds.
 * @returns One result per fixture.
 * @throws {TypeError} if `forward` is not a function or a fixture is malformed.
 *
 * @example A forward pass that ignores the activation is caught
 * ```ts
 * import { checkForwardPass, type ForwardPass } from "@nnref/nnref/oracle";
 * const fixture = {
 *   id: "mine.relu", source: { document: "none", section: "-", quote: "relu" },
 *   oracle: { method: "exact", generator: null },
 *   input: { W_1: [[1], [-1]], activations: ["relu"], x_in: [0, 1] },
 *   printed: {}, expected: { y_out: [0] }, tolerance: { y_out: { reason: "exact" } }, erratum: null,
 * };
 * const linearOnly: ForwardPass = (layers, x) => [x[0] * layers[0].weights[0][0] + x[1] * layers[0].weights[1][0]];
 * if (checkForwardPass(linearOnly, fixture)[0].ok) throw new Error("−1 is not relu(−1)");
 * ```
 * @category Conformance
 */
export function checkForwardPass(
  forward: ForwardPass,
  fixtures: unknown,
  options: ConceptOptions = {},
): ConceptResult[] {
  return checkConcept(FORWARD_CONCEPT, forward, fixtures, options);
}
