/**
 * Conformance of a sigmoid σ(z) = 1/(1 + e^(−z)): how to call your implementation on a fixture's
 * input and which expected fields it must reproduce.
 *
 * @module
 */

import { checkConcept, type Concept, type ConceptOptions, type ConceptResult } from "./check.ts";
import { isNumberTree, mapTree } from "./_inputs.ts";

// Re-exported so that `deno doc --lint` finds every type the public API refers to.
export type { Concept, ConceptOptions, ConceptResult } from "./check.ts";

/**
 * A scalar function such as a sigmoid: `(x: number) => number`.
 * @category Conformance
 */
export type RealFunction = (x: number) => number;

/** Names under which fixtures give a sigmoid's input and output. */
const SIGMOID_INPUTS = ["z", "x"];
const SIGMOID_OUTPUTS = ["sigmoid", "value"];

/**
 * The sigmoid σ(z) = 1 / (1 + e^(−z)) as a concept: every fixture whose input has `z` (or
 * `x`), a number or nested arrays of them, and whose expected values have `sigmoid` (or
 * `value`) of the same shape. Your function is applied element by element.
 *
 * @example
 * ```ts
 * import { assertConcept, SIGMOID_CONCEPT } from "@nnref/nnref/oracle";
 * const fixture = {
 *   id: "mine.zero", source: { document: "none", section: "-", quote: "σ(0) = ½" },
 *   oracle: { method: "exact", generator: null }, input: { z: 0 }, printed: {},
 *   expected: { sigmoid: 0.5 }, tolerance: { sigmoid: { reason: "exact" } }, erratum: null,
 * };
 * if (assertConcept(SIGMOID_CONCEPT, (x: number) => 1 / (1 + Math.exp(-x)), fixture) !== 1) {
 *   throw new Error("one fixture checked");
 * }
 * ```
 * @category Conformance
 */
export const SIGMOID_CONCEPT: Concept<RealFunction> = {
  name: "sigmoid",
  signature: "(x: number) => number",
  prepare(fixture) {
    const inputKey = SIGMOID_INPUTS.find((key) => isNumberTree(fixture.input[key]));
    const field = SIGMOID_OUTPUTS.find((key) => isNumberTree(fixture.expected[key]));
    if (inputKey === undefined || field === undefined) {
      return `not a sigmoid fixture: needs input.${SIGMOID_INPUTS.join("|")} and expected.${
        SIGMOID_OUTPUTS.join("|")
      }`;
    }
    return {
      fields: [field],
      run: (sigmoid) => ({ [field]: mapTree(fixture.input[inputKey], sigmoid) }),
    };
  },
};

/**
 * Checks a sigmoid `(x: number) => number` against fixtures; see {@link SIGMOID_CONCEPT}.
 *
 * @param sigmoid Your σ.
 * @param fixtures Parsed fixture JSON (e.g. `fixtures/activation/sigmoid.json`).
 * @param options `tolerance` to replace the fixtures' own bounds.
 * @returns One result per fixture.
 * @throws {TypeError} if `sigmoid` is not a function or a fixture is malformed.
 *
 * @example σ(z) = 1/(1 + e^z) (the sign forgotten) fails at z = 2
 * ```ts
 * import { checkSigmoid } from "@nnref/nnref/oracle";
 * const fixture = {
 *   id: "mine.two", source: { document: "none", section: "-", quote: "σ(2)" },
 *   oracle: { method: "mpmath", generator: null }, input: { z: 2 }, printed: {},
 *   expected: { sigmoid: 0.8807970779778823 },
 *   tolerance: { sigmoid: { ulps: 1, reason: "one exp" } }, erratum: null,
 * };
 * const [result] = checkSigmoid((x) => 1 / (1 + Math.exp(x)), fixture);
 * if (result.ok) throw new Error("the wrong sign must be caught");
 * ```
 * @category Conformance
 */
export function checkSigmoid(
  sigmoid: RealFunction,
  fixtures: unknown,
  options: ConceptOptions = {},
): ConceptResult[] {
  return checkConcept(SIGMOID_CONCEPT, sigmoid, fixtures, options);
}
