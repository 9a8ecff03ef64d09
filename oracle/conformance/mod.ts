/**
 * Checking YOUR implementation of a concept against nnref's fixtures — in JavaScript with
 * {@link checkConcept}, or from any language through {@link conceptInputs} and
 * {@link verifyAnswers} (the `nnref inputs` / `nnref verify` commands).
 *
 * Every fixture lists the concepts it exercises (`concepts`), and every field a concept
 * computes has a conform bound: what any correct implementation must meet, whatever its
 * summation order or algorithm, in units of the unit roundoff u (so a float32
 * implementation is held to the float32 bound), with its derivation beside it. nnref's own
 * specs use the fixtures' `tolerance` (the reproduce bound) instead.
 *
 * @example A user's tanh, a wrong one, and a float32 one
 * ```ts
 * import { checkConcept } from "@nnref/nnref/oracle";
 * const fixture = {
 *   id: "mine.tanh", concepts: ["tanh"], source: { document: "none", section: "-", quote: "tanh" },
 *   oracle: { method: "mpmath", generator: null }, input: { z: [0.5, -2] }, printed: {},
 *   expected: { tanh: [0.46211715726000974, -0.9640275800758169] },
 *   conform: { tanh: { concept: "tanh", u: 5, inputCondition: 1, reason: "libm tanh" } },
 *   tolerance: { tanh: { ulps: 0, reason: "measured" } }, erratum: null,
 * };
 * if (!checkConcept("tanh", Math.tanh, fixture)[0].ok) throw new Error("Math.tanh conforms");
 * if (checkConcept("tanh", (z: number) => Math.tanh(z / 2), fixture)[0].ok) throw new Error("caught");
 * const f32 = (z: number) => Math.fround(Math.tanh(Math.fround(z)));
 * if (checkConcept("tanh", f32, fixture)[0].ok) throw new Error("float32 is not float64");
 * if (!checkConcept("tanh", f32, fixture, { precision: "float32" })[0].ok) throw new Error("f32 bound");
 * ```
 *
 * @module
 */

export {
  compareConform,
  type ConformBound,
  describeError,
  type FieldVerdict,
  type NumberTree,
  type Precision,
  ulpsApart,
  UNIT_ROUNDOFF,
} from "./bound.ts";
export { copyJson, safeDescribe, type SafeTree, safeTree } from "./safe.ts";
export type { AnyConcept, CanonicalInput, ConformanceConcept } from "./concept.ts";
export { CONCEPT_NAMES, validateConformance } from "./format.ts";
export * from "./elementwise.ts";
export * from "./softmax.ts";
export {
  GD_STEP,
  type GradientStep,
  LEAST_SQUARES,
  type LeastSquaresSolverFunction,
  RIDGE,
  type RidgeSolverFunction,
  SGD_STEP,
  type SgdStepFunction,
} from "./regression.ts";
export * from "./network.ts";
export * from "./classify.ts";
export * from "./registry.ts";
export * from "./check.ts";
export * from "./answers.ts";
export { type ConceptInputs, conceptInputs, type FixtureInputs } from "./inputs.ts";
