/**
 * The fixture format: a worked result of a document, read like a citation.
 *
 * A fixture records where a result comes from (`source`), how its true value was
 * computed independently of nnref (`oracle`), the input, the document's digits as
 * strings (`printed`), the true values (`expected`), one tolerance per expected field
 * with its reason, and the document's errors (`erratum`). See `fixtures/README.md` and
 * `fixtures/schema.json`.
 *
 * Non-finite expected numbers are written as the strings `"NaN"`, `"Infinity"` and
 * `"-Infinity"` (JSON has no literal for them) and decoded by {@link parseFixture}.
 *
 * @module
 */

import type { Tolerance } from "./assert_close.ts";
import { describe } from "./_tree.ts";
import { InputTypeError } from "../lib/errors.ts";
import { checkFixtureSchema, checkJsonValue, keysOf, present } from "./_fixture_schema.ts";
import type { ConformBound } from "./conformance/bound.ts";
import { validateConformance } from "./conformance/format.ts";
import { documentNumber, type Erratum, type Note, RecordReferenceError } from "./errata.ts";

// Re-exported so that `deno doc --lint` finds every type the public API refers to.
export type { Erratum, Note } from "./errata.ts";

/** Where a worked result is printed.
 * @category Fixtures */
export interface FixtureSource {
  /** File name of the document, e.g. `001_85ee514aa7c85552.txt`. */
  readonly document: string;
  /** Section, slide or heading, e.g. `1.7`. */
  readonly section: string;
  /** The printed text, quoted verbatim from the document. */
  readonly quote: string;
}

/** How the expected values were computed, independently of `lib/`.
 * @category Fixtures */
export interface FixtureOracle {
  /** The method: "exact rational solve of the normal equations", "NIST certified values", … */
  readonly method: string;
  /** Path of the generator script beside the fixture, relative to the repository root, or null. */
  readonly generator: string | null;
}

/** A value allowed in `expected`: numbers (any nesting), or an exact string/boolean/null.
 * @category Fixtures */
export type ExpectedValue = number | string | boolean | null | readonly ExpectedValue[];

/** One worked result.
 * @category Fixtures */
export interface Fixture {
  /** Stable id, e.g. `s001.commute` or `s001.commute.qr`. */
  readonly id: string;
  /** A short human title. */
  readonly title?: string;
  /** Where the result is printed. */
  readonly source: FixtureSource;
  /** How the expected values were computed. */
  readonly oracle: FixtureOracle;
  /** The input, as the document gives it (or as the seeded stand-in draws it). */
  readonly input: Readonly<Record<string, unknown>>;
  /** The document's digits, as strings; every key also appears in `expected`. */
  readonly printed: Readonly<Record<string, unknown>>;
  /** How each printed field was rounded, where not to nearest (`"truncate"`). */
  readonly printedRounding?: Readonly<Record<string, "nearest" | "truncate">>;
  /** The true values at full precision. */
  readonly expected: Readonly<Record<string, ExpectedValue>>;
  /** One tolerance per expected field, each with a reason. */
  readonly tolerance: Readonly<Record<string, Tolerance>>;
  /**
   * The ids of the errata this fixture checks (records in `fixtures/errata/`), such as
   * `["S1-E09"]`, or `null` when the document is right here.
   */
  readonly erratum: readonly string[] | null;
  /** The erratum records of `erratum`, resolved by `linkErrata` (see `errataOf`). */
  readonly errata?: readonly Erratum[];
  /** The notes (caveats) that name this fixture, resolved by `linkErrata`. */
  readonly notes?: readonly Note[];
  /** For random experiments: the seed of the stand-in and what it stands in for. */
  readonly random?: { readonly seed: number | readonly number[]; readonly note: string } | null;
  /** Anything a reader should know that fits nowhere else. */
  readonly note?: string;
  /** The concepts this fixture exercises (see oracle/conformance/). */
  readonly concepts?: readonly string[];
  /** The conform bound of each field a concept computes: what any correct implementation meets. */
  readonly conform?: Readonly<Record<string, ConformBound>>;
}

/** The strings that stand for non-finite expected numbers (a Map: no inherited names). */
const NON_FINITE = new Map<string, number>([
  ["NaN", NaN],
  ["Infinity", Infinity],
  ["-Infinity", -Infinity],
]);

/** Decodes the strings "NaN", "Infinity", "-Infinity" to numbers, recursively. */
function decodeNonFinite(value: unknown): unknown {
  if (typeof value === "string") return NON_FINITE.get(value) ?? value;
  if (Array.isArray(value)) return value.map(decodeNonFinite);
  return value;
}

/**
 * The erratum records of a fixture, resolved (empty when `erratum` is null).
 *
 * @throws {InputTypeError} if `fixture` is not an object with an `erratum` field.
 * @throws {RecordReferenceError} if the fixture lists erratum ids that were never resolved
 *   with `linkErrata`: its field-level errata could not be checked.
 *
 * @example
 * ```ts
 * import { errataOf } from "@nnref/nnref/oracle";
 * if (errataOf({ erratum: null }).length !== 0) throw new Error("no errata");
 * ```
 * @category Fixtures
 */
export function errataOf(fixture: Pick<Fixture, "erratum" | "errata">): readonly Erratum[] {
  if (typeof fixture !== "object" || fixture === null || !Object.hasOwn(fixture, "erratum")) {
    throw new InputTypeError(
      `errataOf takes a fixture (with its erratum field), got ${describe(fixture)}`,
    );
  }
  const ids = fixture.erratum ?? [];
  if (ids.length === 0) return [];
  if (fixture.errata === undefined) {
    throw new RecordReferenceError(
      `the fixture lists errata ${ids.join(", ")} that were never resolved: load fixtures ` +
        `together with fixtures/errata/ and call linkErrata`,
    );
  }
  return fixture.errata;
}

/**
 * Validates a parsed JSON value as a fixture and decodes non-finite numbers in
 * `expected`. It accepts exactly what fixtures/schema.json accepts (the same rules, as
 * code in _fixture_schema.ts; spec/oracle/fixture_schema_test.ts feeds both the same
 * malformed fixtures), refuses what no JSON file can hold (NaN, ±∞, cycles, nesting
 * deeper than 64 levels) and the keys `__proto__`, `constructor` and `prototype` anywhere,
 * and then checks the rules a JSON Schema cannot state: every printed field has an
 * expected value, every expected field has a tolerance (and no tolerance is orphaned),
 * `erratum` lists erratum ids of the fixture's own document. Every name is looked up as
 * an own property. The ids are resolved against the records by `linkErrata`.
 *
 * @param json The parsed JSON of one fixture.
 * @param where The file name, for error messages.
 * @returns The fixture, with "NaN"/"Infinity" strings in `expected` decoded.
 * @throws {InputTypeError} naming the file, the field and what was expected.
 * @throws {NonFiniteError} for a NaN or ±∞ number (JSON writes them as strings).
 *
 * @example
 * ```ts
 * import { parseFixture } from "@nnref/nnref/oracle";
 * const fixture = parseFixture({
 *   id: "demo.half", source: { document: "none", section: "1", quote: "0.5" },
 *   oracle: { method: "exact", generator: null }, input: {}, printed: { half: "0.5" },
 *   expected: { half: 0.5 }, tolerance: { half: { reason: "exact in binary" } }, erratum: null,
 * });
 * if (fixture.expected.half !== 0.5) throw new Error("parsed");
 * ```
 * @category Fixtures
 */
export function parseFixture(json: unknown, where = "fixture"): Fixture {
  if (typeof where !== "string") {
    throw new InputTypeError(`where must be a string (a file name), got ${describe(where)}`);
  }
  checkJsonValue(json, where);
  checkFixtureSchema(json, where);
  const at = `${where} (${json.id})`;
  const printed = json.printed as Record<string, unknown>;
  const expected = json.expected as Record<string, unknown>;
  const tolerance = json.tolerance as Record<string, unknown>;
  for (const field of keysOf(expected)) {
    if (!present(tolerance, field)) {
      throw new InputTypeError(`${at}: expected.${field} has no tolerance (use {} for exact)`);
    }
  }
  // Each bound's form (keys, numbers ≥ 0, ulps not mixed with rtol/atol) is the schema's,
  // checked above; validateTolerance's further rule, finite, holds for any JSON number.
  for (const field of keysOf(tolerance)) {
    if (!present(expected, field)) {
      throw new InputTypeError(`${at}: tolerance.${field} has no expected value`);
    }
  }
  for (const field of keysOf(printed)) {
    if (!present(expected, field)) {
      throw new InputTypeError(
        `${at}: printed.${field} has no expected value to check it against`,
      );
    }
  }
  if (present(json, "conform")) { // an object with at least one field (schema)
    for (const field of keysOf(json.conform as Record<string, unknown>)) {
      if (!present(expected, field)) {
        throw new InputTypeError(`${at}: conform.${field} has no expected value`);
      }
    }
  }
  if (json.erratum !== null) {
    // A non-empty list of distinct ids S<doc>-E<nn> (schema); each of this document.
    const ids = json.erratum as string[];
    const own = documentNumber((json.source as Record<string, string>).document);
    const foreign = ids.find((id) => Number(id[1]) !== own);
    if (foreign !== undefined) {
      throw new InputTypeError(
        `${at}: erratum ${foreign} belongs to another document than this fixture's`,
      );
    }
  }
  validateConformance(json, at);
  const decoded: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(expected)) decoded[field] = decodeNonFinite(value);
  return { ...(json as unknown as Fixture), expected: decoded as Fixture["expected"] };
}

/**
 * Reads a fixture file's JSON: one fixture object, or a non-empty array of them (as
 * fixtures/schema.json has it: an empty file of fixtures is refused).
 *
 * @throws {InputTypeError} if the list is empty or any fixture is malformed (see
 *   {@link parseFixture}).
 * @throws {NonFiniteError} as {@link parseFixture}.
 *
 * @example
 * ```ts
 * import { parseFixtures } from "@nnref/nnref/oracle";
 * let threw = false;
 * try { parseFixtures([], "empty.json"); } catch { threw = true; }
 * if (!threw) throw new Error("a fixture file holds at least one fixture");
 * ```
 * @category Fixtures
 */
export function parseFixtures(json: unknown, where = "fixture file"): Fixture[] {
  if (Array.isArray(json) && json.length === 0) {
    throw new InputTypeError(`${where}: an empty list; a fixture file holds at least one fixture`);
  }
  const list = Array.isArray(json) ? json : [json];
  return list.map((item, i) => parseFixture(item, Array.isArray(json) ? `${where}[${i}]` : where));
}
