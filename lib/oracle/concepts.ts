/**
 * Checking YOUR implementation of a concept against nnref's fixtures.
 *
 * Pass a sigmoid `(x) => number`, a least-squares solver `(X, y) => weights`, a forward
 * pass, a backward pass or a gradient-descent step, plus fixtures (the parsed JSON of one
 * or more fixture files, e.g. imported from a URL with `with { type: "json" }`), and get
 * one result per fixture: its id, whether it passed, and a message per field. Use it in
 * your own `deno test` or `bun test`; {@link assertConcept} throws on the first failure.
 *
 * Only the values your implementation computes are checked, each against the fixture's
 * true value within the fixture's own tolerance. Fixtures that do not describe the
 * concept (a tanh fixture given to the sigmoid check) are reported as skipped.
 *
 * @example Catching a sigmoid with the wrong sign
 * ```ts
 * const fixture = {
 *   id: "mine.sigmoid", source: { document: "none", section: "-", quote: "σ(0) = 0.5" },
 *   oracle: { method: "mpmath", generator: null }, input: { z: [0, 2] }, printed: {},
 *   expected: { sigmoid: [0.5, 0.8807970779778823] },
 *   tolerance: { sigmoid: { ulps: 1, reason: "one exp, one division" } }, erratum: null,
 * };
 * const right = checkSigmoid((x) => 1 / (1 + Math.exp(-x)), [fixture]);
 * if (!right[0].ok) throw new Error(right[0].message);
 * const wrong = checkSigmoid((x) => 1 / (1 + Math.exp(x)), [fixture]);
 * if (wrong[0].ok || !wrong[0].message.includes("sigmoid")) throw new Error("caught");
 * ```
 *
 * @module
 */

import { AssertionError } from "./assertion_error.ts";
import { type Tolerance, validateTolerance } from "./assert_close.ts";
import { type Fixture, parseFixture } from "./fixture.ts";
import { verifyFixture } from "./verify.ts";

/** The check of one field of one fixture. */
export interface FieldOutcome {
  /** The expected field. */
  readonly field: string;
  /** Whether your value is within the fixture's tolerance of the true value. */
  readonly ok: boolean;
  /** Empty when ok; otherwise index, actual, expected, difference and bound. */
  readonly message: string;
}

/** One fixture, checked against your implementation. */
export interface ConceptResult {
  /** The fixture's id. */
  readonly id: string;
  /** True when every field passed, or when the fixture was skipped. */
  readonly ok: boolean;
  /** The fixture does not describe this concept; nothing was checked. */
  readonly skipped: boolean;
  /** Field by field (empty when skipped or when your implementation threw). */
  readonly fields: readonly FieldOutcome[];
  /** One line: the failures, why the fixture was skipped, or empty when it passed. */
  readonly message: string;
}

/** What a concept can do with one fixture: the fields it checks and how to compute them. */
export interface ConceptCase<Implementation> {
  /** The expected fields computed by {@link ConceptCase.run}. */
  readonly fields: readonly string[];
  /** Computes those fields with the user's implementation, from the fixture's input. */
  run(implementation: Implementation): Record<string, unknown>;
}

/**
 * A concept: how a fixture's input becomes calls of an implementation. `prepare` returns
 * the case, or a string saying why the fixture does not describe this concept.
 */
export interface Concept<Implementation> {
  /** A short name, e.g. "sigmoid". */
  readonly name: string;
  /** The implementation's signature, for messages. */
  readonly signature: string;
  /** The case for `fixture`, or the reason it does not apply. */
  prepare(fixture: Fixture): ConceptCase<Implementation> | string;
}

/** Options of {@link checkConcept}. */
export interface ConceptOptions {
  /**
   * A bound to use instead of each fixture's own tolerance. Fixture tolerances are as
   * tight as nnref's own code measured (often a few ulps, tied to its summation order);
   * an implementation that sums in another order may need a looser bound, which you
   * then name here explicitly (e.g. `{ rtol: 1e-13 }`). Default: the fixture's.
   */
  readonly tolerance?: Tolerance;
}

/** Every fixture in `fixtures`: one fixture, a fixture file's array, or a list of either. */
function fixturesOf(fixtures: unknown): Fixture[] {
  const list = Array.isArray(fixtures) ? fixtures.flat() : [fixtures];
  return list.map((json, index) => parseFixture(json, `fixtures[${index}]`));
}

/**
 * Checks an implementation against every fixture of a concept.
 *
 * @param concept How fixtures become calls (e.g. {@link SIGMOID_CONCEPT}).
 * @param implementation Your function.
 * @param fixtures Parsed JSON: one fixture, an array of fixtures, or a list of fixture files.
 * @param options `tolerance` to replace the fixtures' own bounds.
 * @returns One result per fixture; skipped fixtures are `ok` with `skipped: true`.
 * @throws {TypeError} if the implementation is not a function or a fixture is malformed.
 *
 * @example A concept of your own: doubling
 * ```ts
 * const double: Concept<(x: number) => number> = {
 *   name: "double", signature: "(x: number) => number",
 *   prepare: (f) => ({ fields: ["twice"], run: (impl) => ({ twice: impl(f.input.x as number) }) }),
 * };
 * const fixture = {
 *   id: "mine.double", source: { document: "none", section: "-", quote: "2·3 = 6" },
 *   oracle: { method: "exact", generator: null }, input: { x: 3 }, printed: {},
 *   expected: { twice: 6 }, tolerance: { twice: { reason: "exact" } }, erratum: null,
 * };
 * if (!checkConcept(double, (x) => 2 * x, fixture)[0].ok) throw new Error("2·3 = 6");
 * if (checkConcept(double, (x) => x + 2, fixture)[0].ok) throw new Error("3 + 2 ≠ 6");
 * ```
 */
export function checkConcept<Implementation>(
  concept: Concept<Implementation>,
  implementation: Implementation,
  fixtures: unknown,
  options: ConceptOptions = {},
): ConceptResult[] {
  if (typeof implementation !== "function") {
    throw new TypeError(
      `The ${concept.name} implementation must be a function ${concept.signature}, got ${typeof implementation}`,
    );
  }
  const override = options.tolerance === undefined
    ? undefined
    : validateTolerance(options.tolerance);
  return fixturesOf(fixtures).map((original) => {
    const fixture = override === undefined ? original : {
      ...original,
      tolerance: Object.fromEntries(
        Object.keys(original.tolerance).map((field) => [field, override]),
      ),
    };
    const prepared = concept.prepare(fixture);
    if (typeof prepared === "string") {
      return { id: fixture.id, ok: true, skipped: true, fields: [], message: prepared };
    }
    let computed: Record<string, unknown>;
    try {
      computed = prepared.run(implementation);
    } catch (error) {
      const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      return {
        id: fixture.id,
        ok: false,
        skipped: false,
        fields: [],
        message: `your ${concept.name} threw ${what}`,
      };
    }
    const fields = verifyFixture(fixture, computed, prepared.fields)
      .filter((check) => check.kind === "value")
      .map(({ field, ok, message }) => ({ field, ok, message }));
    const failed = fields.filter((field) => !field.ok);
    return {
      id: fixture.id,
      ok: failed.length === 0,
      skipped: false,
      fields,
      message: failed.map((field) => `${field.field}: ${field.message}`).join("; "),
    };
  });
}

/**
 * Like {@link checkConcept}, but throws when any fixture fails or none applies, for use
 * as the body of a test.
 *
 * @param concept How fixtures become calls.
 * @param implementation Your function.
 * @param fixtures Parsed fixture JSON.
 * @param options `tolerance` to replace the fixtures' own bounds.
 * @returns The number of fixtures checked.
 * @throws {AssertionError} listing every failed fixture, or saying none applied.
 *
 * @example A sigmoid that forgets the minus sign fails the test
 * ```ts
 * const fixture = {
 *   id: "mine.half", source: { document: "none", section: "-", quote: "σ(0) = 0.5" },
 *   oracle: { method: "exact", generator: null }, input: { z: 1 }, printed: {},
 *   expected: { sigmoid: 0.7310585786300049 },
 *   tolerance: { sigmoid: { ulps: 1, reason: "one exp" } }, erratum: null,
 * };
 * let caught = "";
 * try { assertConcept(SIGMOID_CONCEPT, (x: number) => 1 / (1 + Math.exp(x)), fixture); }
 * catch (error) { caught = String(error); }
 * if (!caught.includes("mine.half")) throw new Error("the failure names the fixture");
 * ```
 */
export function assertConcept<Implementation>(
  concept: Concept<Implementation>,
  implementation: Implementation,
  fixtures: unknown,
  options: ConceptOptions = {},
): number {
  const results = checkConcept(concept, implementation, fixtures, options);
  const checked = results.filter((result) => !result.skipped);
  const failed = checked.filter((result) => !result.ok);
  if (failed.length > 0) {
    throw new AssertionError(
      `${concept.name}: ${failed.length} of ${checked.length} fixture(s) failed\n` +
        failed.map((result) => `  ${result.id}: ${result.message}`).join("\n"),
    );
  }
  if (checked.length === 0) {
    throw new AssertionError(
      `${concept.name}: none of the ${results.length} fixture(s) describes this concept` +
        (results.length > 0 ? ` (${results[0].id}: ${results[0].message})` : ""),
    );
  }
  return checked.length;
}

// ---------------------------------------------------------------------------------------
// Helpers for reading fixture inputs.

function isNumberTree(value: unknown): boolean {
  return typeof value === "number" || (Array.isArray(value) && value.every(isNumberTree));
}

function mapTree(value: unknown, f: (x: number) => number): unknown {
  return Array.isArray(value) ? value.map((item) => mapTree(item, f)) : f(value as number);
}

function isMatrix(value: unknown): value is number[][] {
  return Array.isArray(value) && value.length > 0 &&
    value.every((row) => Array.isArray(row) && row.every((x) => typeof x === "number"));
}

function isVector(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((x) => typeof x === "number");
}

// ---------------------------------------------------------------------------------------
// Sigmoid.

/** A scalar function such as a sigmoid: `(x: number) => number`. */
export type ScalarFunction = (x: number) => number;

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
 * const fixture = {
 *   id: "mine.zero", source: { document: "none", section: "-", quote: "σ(0) = ½" },
 *   oracle: { method: "exact", generator: null }, input: { z: 0 }, printed: {},
 *   expected: { sigmoid: 0.5 }, tolerance: { sigmoid: { reason: "exact" } }, erratum: null,
 * };
 * if (assertConcept(SIGMOID_CONCEPT, (x: number) => 1 / (1 + Math.exp(-x)), fixture) !== 1) {
 *   throw new Error("one fixture checked");
 * }
 * ```
 */
export const SIGMOID_CONCEPT: Concept<ScalarFunction> = {
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
 * const fixture = {
 *   id: "mine.two", source: { document: "none", section: "-", quote: "σ(2)" },
 *   oracle: { method: "mpmath", generator: null }, input: { z: 2 }, printed: {},
 *   expected: { sigmoid: 0.8807970779778823 },
 *   tolerance: { sigmoid: { ulps: 1, reason: "one exp" } }, erratum: null,
 * };
 * const [result] = checkSigmoid((x) => 1 / (1 + Math.exp(x)), fixture);
 * if (result.ok) throw new Error("the wrong sign must be caught");
 * ```
 */
export function checkSigmoid(
  sigmoid: ScalarFunction,
  fixtures: unknown,
  options: ConceptOptions = {},
): ConceptResult[] {
  return checkConcept(SIGMOID_CONCEPT, sigmoid, fixtures, options);
}

// ---------------------------------------------------------------------------------------
// Forward pass.

/** One layer of a feed-forward network, in numpy's convention a = f(x @ W + b). */
export interface ForwardLayer {
  /** W, shape inputs × outputs (x @ W, as the documents' numpy code writes it). */
  readonly weights: readonly (readonly number[])[];
  /** b, one per output (zeros when the fixture gives none). */
  readonly biases: readonly number[];
  /** The activation's name: "sigmoid", "tanh", "relu", "identity", "softmax". */
  readonly activation: string;
}

/** A forward pass: the network's output for one input vector. */
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
 * const fixture = {
 *   id: "mine.relu", source: { document: "none", section: "-", quote: "relu" },
 *   oracle: { method: "exact", generator: null },
 *   input: { W_1: [[1], [-1]], activations: ["relu"], x_in: [0, 1] },
 *   printed: {}, expected: { y_out: [0] }, tolerance: { y_out: { reason: "exact" } }, erratum: null,
 * };
 * const linearOnly: ForwardPass = (layers, x) => [x[0] * layers[0].weights[0][0] + x[1] * layers[0].weights[1][0]];
 * if (checkForwardPass(linearOnly, fixture)[0].ok) throw new Error("−1 is not relu(−1)");
 * ```
 */
export function checkForwardPass(
  forward: ForwardPass,
  fixtures: unknown,
  options: ConceptOptions = {},
): ConceptResult[] {
  return checkConcept(FORWARD_CONCEPT, forward, fixtures, options);
}
