/**
 * Conformance of a backward pass (backpropagation): how to call your implementation on a fixture's
 * input and which expected fields it must reproduce.
 *
 * @module
 */

import type { ForwardLayer } from "./forward.ts";
import { checkConcept, type Concept, type ConceptOptions, type ConceptResult } from "./check.ts";
import { isMatrix, isVector } from "./_inputs.ts";

// Re-exported so that `deno doc --lint` finds every type the public API refers to.
export type { Concept, ConceptOptions, ConceptResult } from "./check.ts";

/**
 * The gradient of the loss with respect to every layer's weights and biases.
 * @category Conformance
 */
export interface LayerGradients {
  /** ∂C/∂Wˡ per layer, each shaped like that layer's `weights` (inputs × outputs). */
  readonly weights: readonly (readonly (readonly number[])[])[];
  /** ∂C/∂bˡ per layer. */
  readonly biases: readonly (readonly number[])[];
}

/**
 * A backward pass: for one input x and target y, the gradient of C = ½‖aᴸ − y‖² with
 * respect to every weight and bias (layers as in {@link ForwardLayer}: a = f(x @ W + b)).
 * @category Conformance
 */
export type BackwardPass = (
  layers: readonly ForwardLayer[],
  input: readonly number[],
  target: readonly number[],
) => LayerGradients;

function transpose(matrix: readonly (readonly number[])[]): number[][] {
  return matrix[0].map((_, j) => matrix.map((row) => row[j]));
}

/**
 * The backward pass as a concept, on S1 §4.3's form: fixtures whose input gives layer
 * weights `W2, W3, …` in the document's outputs × inputs layout (w_jk: unit k → unit j),
 * biases `b2, b3, …`, one `activation` for every layer, one sample `x`, `y`, and the loss
 * ½‖aᴸ − y‖²; expected `dCdW2, dCdb2, …` (or S2's `dJdW2, …`). Your pass gets the
 * weights transposed to inputs × outputs (a = f(x @ W + b), as {@link ForwardPass}) and
 * its weight gradients are transposed back before the comparison.
 *
 * @example A pass that forgets σ′ in the last layer's δ is caught
 * ```ts
 * import { type BackwardPass, checkBackwardPass } from "@nnref/nnref/oracle";
 * const fixture = {
 *   id: "mine.one_neuron", source: { document: "none", section: "-", quote: "δ = (a − y)σ′(z)" },
 *   oracle: { method: "exact", generator: null },
 *   input: { W2: [[0]], b2: [0], activation: "sigmoid", x: [1], y: [1], loss: "C = ½‖a − y‖²" },
 *   printed: {}, expected: { dCdW2: [[-0.125]], dCdb2: [-0.125] },
 *   tolerance: { dCdW2: { reason: "exact: σ(0) = ½" }, dCdb2: { reason: "exact" } }, erratum: null,
 * };
 * // z = 0, a = ½, δ = (a − y)σ′(0) = (−½)(¼) = −⅛; the wrong pass returns a − y = −½.
 * const noDerivative: BackwardPass = (layers, x, y) => {
 *   const a = 1 / (1 + Math.exp(-(x[0] * layers[0].weights[0][0] + layers[0].biases[0])));
 *   return { weights: [[[(a - y[0]) * x[0]]]], biases: [[a - y[0]]] };
 * };
 * if (checkBackwardPass(noDerivative, fixture)[0].ok) throw new Error("σ′ is missing");
 * ```
 * @category Conformance
 */
export const BACKWARD_CONCEPT: Concept<BackwardPass> = {
  name: "backward pass",
  signature: "(layers: { weights, biases, activation }[], x: number[], y: number[]) => " +
    "{ weights: number[][][], biases: number[][] }",
  prepare(fixture) {
    const input = fixture.input;
    const first = [2, 1].find((l) => isMatrix(input[`W${l}`]));
    if (first === undefined) return "not a backward-pass fixture: no layer weights W2, W3, …";
    const layers: ForwardLayer[] = [];
    const numbers: number[] = [];
    for (let l = first; isMatrix(input[`W${l}`]); l++) {
      const weights = input[`W${l}`] as number[][];
      const biases = input[`b${l}`];
      if (!isVector(biases) || biases.length !== weights.length) {
        return `not a backward-pass fixture: b${l} must give one bias per row of W${l}`;
      }
      layers.push({ weights: transpose(weights), biases, activation: String(input.activation) });
      numbers.push(l);
    }
    const { x, y, loss } = input;
    if (!isVector(x) || !isVector(y)) {
      return "not a backward-pass fixture: needs one sample x and target y (vectors)";
    }
    if (typeof loss !== "string" || !/^[CJ] = ½‖/.test(loss)) {
      return `not a backward-pass fixture: the loss must be ½‖aᴸ − y‖², got ${
        JSON.stringify(loss)
      }`;
    }
    const prefix = ["dC", "dJ"].find((p) => `${p}dW${numbers[0]}` in fixture.expected);
    if (prefix === undefined) return "not a backward-pass fixture: no expected dCdW…/dJdW…";
    const fields = numbers.flatMap((l) => [`${prefix}dW${l}`, `${prefix}db${l}`]);
    if (!fields.every((field) => field in fixture.expected)) {
      return `not a backward-pass fixture: expects ${fields.join(", ")}`;
    }
    return {
      fields,
      run: (backward) => {
        const gradients = backward(layers, x, y);
        const out: Record<string, unknown> = {};
        numbers.forEach((l, k) => {
          const w = gradients?.weights?.[k];
          out[`${prefix}dW${l}`] = isMatrix(w) ? transpose(w) : w;
          out[`${prefix}db${l}`] = gradients?.biases?.[k];
        });
        return out;
      },
    };
  },
};

/**
 * Checks a backward pass against fixtures; see {@link BACKWARD_CONCEPT}.
 *
 * @param backward Your backward pass.
 * @param fixtures Parsed fixture JSON (e.g. `fixtures/nn/backprop.json`).
 * @param options `tolerance` to replace the fixtures' own bounds.
 * @returns One result per fixture.
 * @throws {TypeError} if `backward` is not a function or a fixture is malformed.
 *
 * @example An empty result fails every field
 * ```ts
 * import { checkBackwardPass } from "@nnref/nnref/oracle";
 * const fixture = {
 *   id: "mine.zero", source: { document: "none", section: "-", quote: "δ" },
 *   oracle: { method: "exact", generator: null },
 *   input: { W2: [[0]], b2: [0], activation: "sigmoid", x: [1], y: [0.5], loss: "C = ½‖a − y‖²" },
 *   printed: {}, expected: { dCdW2: [[0]], dCdb2: [0] },
 *   tolerance: { dCdW2: { reason: "exact" }, dCdb2: { reason: "exact" } }, erratum: null,
 * };
 * const [result] = checkBackwardPass(() => ({ weights: [], biases: [] }), fixture);
 * if (result.ok || !result.message.includes("dCdW2")) throw new Error("nothing computed");
 * ```
 * @category Conformance
 */
export function checkBackwardPass(
  backward: BackwardPass,
  fixtures: unknown,
  options: ConceptOptions = {},
): ConceptResult[] {
  return checkConcept(BACKWARD_CONCEPT, backward, fixtures, options);
}
