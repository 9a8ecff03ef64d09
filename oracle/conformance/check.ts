/**
 * The machinery of a conformance check: a concept says how to call an implementation on
 * a fixture's input and which expected fields the result fills; {@link checkConcept} runs
 * it over fixtures and {@link assertConcept} throws on the first failure.
 *
 * @module
 */

import { AssertionError } from "../assertion_error.ts";
import { type Tolerance, validateTolerance } from "../assert_close.ts";
import { type Fixture, parseFixture } from "../fixture.ts";
import { verifyFixture } from "../verify.ts";

/**
 * The check of one field of one fixture.
 * @category Conformance
 */
export interface FieldOutcome {
  /** The expected field. */
  readonly field: string;
  /** Whether your value is within the fixture's tolerance of the true value. */
  readonly ok: boolean;
  /** Empty when ok; otherwise index, actual, expected, difference and bound. */
  readonly message: string;
}

/**
 * One fixture, checked against your implementation.
 * @category Conformance
 */
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

/**
 * What a concept can do with one fixture: the fields it checks and how to compute them.
 * @category Conformance
 */
export interface ConceptCase<Implementation> {
  /** The expected fields computed by {@link ConceptCase.run}. */
  readonly fields: readonly string[];
  /** Computes those fields with the user's implementation, from the fixture's input. */
  run(implementation: Implementation): Record<string, unknown>;
}

/**
 * A concept: how a fixture's input becomes calls of an implementation. `prepare` returns
 * the case, or a string saying why the fixture does not describe this concept.
 * @category Conformance
 */
export interface Concept<Implementation> {
  /** A short name, e.g. "sigmoid". */
  readonly name: string;
  /** The implementation's signature, for messages. */
  readonly signature: string;
  /** The case for `fixture`, or the reason it does not apply. */
  prepare(fixture: Fixture): ConceptCase<Implementation> | string;
}

/**
 * Options of {@link checkConcept}.
 * @category Conformance
 */
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
 * import { checkConcept, type Concept } from "@nnref/nnref/oracle";
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
 * @category Conformance
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
 * import { assertConcept, SIGMOID_CONCEPT } from "@nnref/nnref/oracle";
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
 * @category Conformance
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
