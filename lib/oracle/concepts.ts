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
  sigmoid: RealFunction,
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

// ---------------------------------------------------------------------------------------
// Least squares.

/** A least-squares solver: the weights W minimising ‖XW − y‖², X given by rows. */
export type LeastSquaresSolverFunction = (
  design: readonly (readonly number[])[],
  targets: readonly number[],
) => number[];

/** The design X and targets y a fixture describes, or why it describes none. */
function leastSquaresData(
  input: Readonly<Record<string, unknown>>,
): { design: number[][]; targets: number[] } | string {
  const { design, X, y, distance, weekday, minutes } = input;
  const matrix = isMatrix(design) ? design : isMatrix(X) ? X : undefined;
  if (matrix !== undefined && isVector(y)) return { design: matrix, targets: y };
  // S1 §1.7's commute data: X = [1, distance D, weekday T_d], y = minutes.
  if (isVector(distance) && isVector(weekday) && isVector(minutes)) {
    return { design: distance.map((d, i) => [1, d, weekday[i]]), targets: minutes };
  }
  return "no design matrix (input.design or input.X with input.y, or the commute columns)";
}

/**
 * Least squares as a concept: fixtures whose input gives a design matrix X (`design` or
 * `X`, rows of numbers, with the intercept column of ones already in it) and targets `y`
 * — or S1 §1.7's commute columns `distance`, `weekday`, `minutes`, read as
 * X = [1, distance, weekday] — and whose expected values have the weights `W` (or
 * `weights`). Your solver returns W* = argmin ‖XW − y‖².
 *
 * @example The line through (0, 1) and (1, 3): W* = [1, 2]
 * ```ts
 * const fixture = {
 *   id: "mine.line", source: { document: "none", section: "-", quote: "y = 1 + 2x" },
 *   oracle: { method: "exact", generator: null },
 *   input: { design: [[1, 0], [1, 1]], y: [1, 3] }, printed: {},
 *   expected: { W: [1, 2] }, tolerance: { W: { ulps: 2, reason: "a 2 × 2 solve" } }, erratum: null,
 * };
 * const twoPoints: LeastSquaresSolverFunction = (x, y) => {
 *   const slope = (y[1] - y[0]) / (x[1][1] - x[0][1]);
 *   return [y[0] - slope * x[0][1], slope];
 * };
 * assertConcept(LEAST_SQUARES_CONCEPT, twoPoints, fixture);
 * ```
 */
export const LEAST_SQUARES_CONCEPT: Concept<LeastSquaresSolverFunction> = {
  name: "least-squares solver",
  signature: "(X: number[][], y: number[]) => number[]",
  prepare(fixture) {
    const field = ["W", "weights"].find((key) => isVector(fixture.expected[key]));
    if (field === undefined) {
      return "not a least-squares fixture: no expected.W or expected.weights";
    }
    const data = leastSquaresData(fixture.input);
    if (typeof data === "string") return `not a least-squares fixture: ${data}`;
    return { fields: [field], run: (solve) => ({ [field]: solve(data.design, data.targets) }) };
  },
};

/**
 * Checks a least-squares solver against fixtures; see {@link LEAST_SQUARES_CONCEPT}.
 *
 * @param solve Your solver `(X, y) => W`.
 * @param fixtures Parsed fixture JSON (e.g. `fixtures/regression/commute.json`).
 * @param options `tolerance` to replace the fixtures' own bounds.
 * @returns One result per fixture.
 * @throws {TypeError} if `solve` is not a function or a fixture is malformed.
 *
 * @example Forgetting the intercept column is caught
 * ```ts
 * const fixture = {
 *   id: "mine.offset", source: { document: "none", section: "-", quote: "y = 2 + x" },
 *   oracle: { method: "exact", generator: null },
 *   input: { design: [[1, 1], [1, 2], [1, 3]], y: [3, 4, 5] }, printed: {},
 *   expected: { W: [2, 1] }, tolerance: { W: { rtol: 1e-12, reason: "a small solve" } }, erratum: null,
 * };
 * // Fits y ≈ w·x through the origin only, then pads the bias with 0.
 * const noIntercept: LeastSquaresSolverFunction = (x, y) => {
 *   const sxy = x.reduce((s, row, i) => s + row[1] * y[i], 0);
 *   const sxx = x.reduce((s, row) => s + row[1] * row[1], 0);
 *   return [0, sxy / sxx];
 * };
 * if (checkLeastSquares(noIntercept, fixture)[0].ok) throw new Error("the bias is missing");
 * ```
 */
export function checkLeastSquares(
  solve: LeastSquaresSolverFunction,
  fixtures: unknown,
  options: ConceptOptions = {},
): ConceptResult[] {
  return checkConcept(LEAST_SQUARES_CONCEPT, solve, fixtures, options);
}

// ---------------------------------------------------------------------------------------
// Backward pass.

/** The gradient of the loss with respect to every layer's weights and biases. */
export interface LayerGradients {
  /** ∂C/∂Wˡ per layer, each shaped like that layer's `weights` (inputs × outputs). */
  readonly weights: readonly (readonly (readonly number[])[])[];
  /** ∂C/∂bˡ per layer. */
  readonly biases: readonly (readonly number[])[];
}

/**
 * A backward pass: for one input x and target y, the gradient of C = ½‖aᴸ − y‖² with
 * respect to every weight and bias (layers as in {@link ForwardLayer}: a = f(x @ W + b)).
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
 */
export function checkBackwardPass(
  backward: BackwardPass,
  fixtures: unknown,
  options: ConceptOptions = {},
): ConceptResult[] {
  return checkConcept(BACKWARD_CONCEPT, backward, fixtures, options);
}

// ---------------------------------------------------------------------------------------
// Gradient-descent step.

/**
 * One step of batch gradient descent on C(W) = (1/2m)‖XW − y‖²:
 * W ← W − η(1/m)Xᵀ(XW − y), returning the new weights (η is the documents' α or η).
 */
export type GradientStep = (
  weights: readonly number[],
  design: readonly (readonly number[])[],
  targets: readonly number[],
  learningRate: number,
) => number[];

interface StopRule {
  readonly kind: string;
  readonly tolerance?: number;
  readonly count?: number;
}

/** Iterates a user's step under a fixture's stopping rule; every run ends by `maxIterations`. */
function iterate(
  step: GradientStep,
  design: number[][],
  targets: number[],
  learningRate: number,
  initial: number[],
  stop: StopRule,
  maxIterations: number,
): { iterations: number; weights: number[] } {
  let weights = [...initial];
  for (let iterations = 0; iterations < maxIterations; iterations++) {
    if (stop.kind === "iterations" && iterations === stop.count) return { iterations, weights };
    const next = step(weights, design, targets, learningRate);
    if (!isVector(next) || next.length !== weights.length) {
      throw new TypeError(
        `the step must return ${weights.length} weights, got ${
          Array.isArray(next) ? `${next.length} values` : typeof next
        }`,
      );
    }
    // The gradient the step used is (W − W′)/η: S0's rule looks at it before updating.
    if (
      stop.kind === "gradient" &&
      next.every((w, j) => Math.abs((weights[j] - w) / learningRate) <= stop.tolerance!)
    ) return { iterations, weights };
    const moved = next.map((w, j) => Math.abs(w - weights[j]));
    weights = next;
    if (stop.kind === "step" && moved.every((d) => d < stop.tolerance!)) {
      return { iterations: iterations + 1, weights };
    }
  }
  return { iterations: maxIterations, weights };
}

/**
 * A gradient-descent step as a concept: fixtures of the documents' GD programs, whose
 * input gives the data (S0's `x`, `y` with X = [1, x]; S1's commute columns with
 * X = [1, distance, weekday]), `learningRate`, `initialWeights` (default 0), a `stop`
 * rule (`{ kind: "gradient" | "step", tolerance }` or `{ kind: "iterations", count }`)
 * and `maxIterations`, and whose expected values have `iterations` and the final weights
 * (`theta` or `W`). The harness iterates your step under the fixture's rule: "gradient"
 * stops before an update when every |(W − W′)/η| ≤ tolerance, "step" after an update
 * when every |ΔWⱼ| < tolerance.
 *
 * @example A step that forgets the 1/m is caught
 * ```ts
 * const fixture = {
 *   id: "mine.gd", source: { document: "none", section: "-", quote: "one step" },
 *   oracle: { method: "exact", generator: null },
 *   input: { x: [1, 2], y: [2, 4], learningRate: 0.5, stop: { kind: "iterations", count: 1 },
 *     maxIterations: 10 },
 *   printed: {}, expected: { iterations: 1, theta: [1.5, 2.5] },
 *   tolerance: { iterations: { reason: "a count" }, theta: { reason: "exact in binary" } },
 *   erratum: null,
 * };
 * // From W = 0: gradient (1/m)Xᵀ(XW − y) = −[3, 5], so W′ = 0.5·[3, 5] = [1.5, 2.5].
 * const step = (m: number): GradientStep => (w, x, y, eta) => {
 *   const r = x.map((row, i) => row.reduce((s, v, j) => s + v * w[j], 0) - y[i]);
 *   return w.map((wj, j) => wj - (eta / m) * x.reduce((s, row, i) => s + row[j] * r[i], 0));
 * };
 * assertConcept(GRADIENT_STEP_CONCEPT, step(2), fixture);
 * if (checkGradientStep(step(1), fixture)[0].ok) throw new Error("without 1/m the step doubles");
 * ```
 */
export const GRADIENT_STEP_CONCEPT: Concept<GradientStep> = {
  name: "gradient-descent step",
  signature: "(weights: number[], X: number[][], y: number[], learningRate: number) => number[]",
  prepare(fixture) {
    const input = fixture.input;
    const field = ["theta", "W"].find((key) => isVector(fixture.expected[key]));
    if (field === undefined || typeof fixture.expected.iterations !== "number") {
      return "not a gradient-descent fixture: needs expected.iterations and expected.theta or W";
    }
    let design: number[][], targets: number[];
    if (isVector(input.x) && isVector(input.y)) {
      design = input.x.map((v) => [1, v]);
      targets = input.y;
    } else {
      const data = leastSquaresData(input);
      if (typeof data === "string") return `not a gradient-descent fixture: ${data}`;
      ({ design, targets } = data);
    }
    const stop = input.stop as StopRule | undefined;
    const { learningRate, maxIterations } = input;
    if (
      typeof learningRate !== "number" || typeof maxIterations !== "number" ||
      typeof stop !== "object" || stop === null ||
      !["gradient", "step", "iterations"].includes(stop.kind)
    ) {
      return "not a gradient-descent fixture: needs learningRate, maxIterations and a stop rule";
    }
    const initial = isVector(input.initialWeights)
      ? input.initialWeights
      : new Array(design[0].length).fill(0);
    return {
      fields: ["iterations", field],
      run: (step) => {
        const run = iterate(step, design, targets, learningRate, initial, stop, maxIterations);
        return { iterations: run.iterations, [field]: run.weights };
      },
    };
  },
};

/**
 * Checks a gradient-descent step against fixtures; see {@link GRADIENT_STEP_CONCEPT}.
 *
 * @param step Your step `(W, X, y, η) => W′`.
 * @param fixtures Parsed fixture JSON (e.g. `fixtures/gd/s000_gd20.json`).
 * @param options `tolerance` to replace the fixtures' own bounds.
 * @returns One result per fixture.
 * @throws {TypeError} if `step` is not a function or a fixture is malformed.
 *
 * @example A step with the wrong sign climbs and is caught
 * ```ts
 * const fixture = {
 *   id: "mine.climb", source: { document: "none", section: "-", quote: "descent" },
 *   oracle: { method: "exact", generator: null },
 *   input: { x: [1, 2], y: [2, 4], learningRate: 0.5, stop: { kind: "iterations", count: 1 },
 *     maxIterations: 10 },
 *   printed: {}, expected: { iterations: 1, theta: [1.5, 2.5] },
 *   tolerance: { iterations: { reason: "a count" }, theta: { reason: "exact" } }, erratum: null,
 * };
 * const [result] = checkGradientStep((w) => w.map((v) => v - 1), fixture);
 * if (result.ok || !result.message.startsWith("theta")) throw new Error("caught");
 * ```
 */
export function checkGradientStep(
  step: GradientStep,
  fixtures: unknown,
  options: ConceptOptions = {},
): ConceptResult[] {
  return checkConcept(GRADIENT_STEP_CONCEPT, step, fixtures, options);
}
