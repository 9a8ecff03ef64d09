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
import { validateTolerance } from "./assert_close.ts";
import { describe } from "./_tree.ts";
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

const NON_FINITE: Record<string, number> = {
  "NaN": NaN,
  "Infinity": Infinity,
  "-Infinity": -Infinity,
};

/** Decodes the strings "NaN", "Infinity", "-Infinity" to numbers, recursively. */
function decodeNonFinite(value: unknown): unknown {
  if (typeof value === "string" && value in NON_FINITE) return NON_FINITE[value];
  if (Array.isArray(value)) return value.map(decodeNonFinite);
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function requireString(record: Record<string, unknown>, key: string, where: string): void {
  if (typeof record[key] !== "string" || (record[key] as string).length === 0) {
    throw new TypeError(
      `${where}: "${key}" must be a non-empty string, got ${describe(record[key])}`,
    );
  }
}

function isExpectedValue(value: unknown): boolean {
  if (value === null || ["number", "string", "boolean"].includes(typeof value)) return true;
  return Array.isArray(value) && value.every(isExpectedValue);
}

/**
 * The erratum records of a fixture, resolved (empty when `erratum` is null).
 *
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
 * `expected`. Checks the rules a JSON Schema cannot: every printed field has an expected
 * value, every expected field has a tolerance (and no tolerance is orphaned), `erratum`
 * lists erratum ids of the fixture's own document. The ids are resolved against the
 * records by `linkErrata`.
 *
 * @param json The parsed JSON of one fixture.
 * @param where The file name, for error messages.
 * @returns The fixture, with "NaN"/"Infinity" strings in `expected` decoded.
 * @throws {TypeError} naming the file, the field and what was expected.
 *
 * @example
 * ```ts
 * import { parseFixture } from "@nnref/nnref/oracle";
 * const fixture = parseFixture({
 *   id: "demo.half", source: { document: "000.txt", section: "1", quote: "0.5" },
 *   oracle: { method: "exact", generator: null }, input: {}, printed: { half: "0.5" },
 *   expected: { half: 0.5 }, tolerance: { half: { reason: "exact in binary" } }, erratum: null,
 * });
 * if (fixture.expected.half !== 0.5) throw new Error("parsed");
 * ```
 * @category Fixtures
 */
export function parseFixture(json: unknown, where = "fixture"): Fixture {
  if (!isRecord(json)) {
    throw new TypeError(`${where}: a fixture must be a JSON object, got ${describe(json)}`);
  }
  requireString(json, "id", where);
  const at = `${where} (${json.id})`;
  if (!/^[a-z0-9]+(?:[._-][a-z0-9]+)*$/i.test(json.id as string)) {
    throw new TypeError(
      `${at}: id must be dotted words such as "s001.commute", got ${JSON.stringify(json.id)}`,
    );
  }
  if (!isRecord(json.source)) {
    throw new TypeError(`${at}: "source" must be { document, section, quote }`);
  }
  for (const key of ["document", "section", "quote"]) {
    requireString(json.source, key, `${at} source`);
  }
  if (!isRecord(json.oracle)) throw new TypeError(`${at}: "oracle" must be { method, generator }`);
  requireString(json.oracle, "method", `${at} oracle`);
  if (json.oracle.generator !== null && typeof json.oracle.generator !== "string") {
    throw new TypeError(`${at}: oracle.generator must be a path or null`);
  }
  for (const key of ["input", "printed", "expected", "tolerance"]) {
    if (!isRecord(json[key])) {
      throw new TypeError(`${at}: "${key}" must be an object, got ${describe(json[key])}`);
    }
  }
  const printed = json.printed as Record<string, unknown>;
  const expected = json.expected as Record<string, unknown>;
  const tolerance = json.tolerance as Record<string, unknown>;
  for (const [field, value] of Object.entries(expected)) {
    if (!isExpectedValue(value)) {
      throw new TypeError(
        `${at}: expected.${field} must be numbers (nested arrays allowed), a string, a boolean or null`,
      );
    }
    if (!(field in tolerance)) {
      throw new TypeError(`${at}: expected.${field} has no tolerance (use {} for exact)`);
    }
  }
  for (const [field, bound] of Object.entries(tolerance)) {
    if (!(field in expected)) {
      throw new TypeError(`${at}: tolerance.${field} has no expected value`);
    }
    if (!isRecord(bound)) throw new TypeError(`${at}: tolerance.${field} must be an object`);
    try {
      validateTolerance(bound);
    } catch (error) {
      throw new TypeError(`${at}: tolerance.${field}: ${(error as Error).message}`);
    }
    for (const key of Object.keys(bound)) {
      if (!["ulps", "rtol", "atol", "reason"].includes(key)) {
        throw new TypeError(
          `${at}: tolerance.${field} has unknown key "${key}" (ulps, rtol, atol, reason)`,
        );
      }
    }
  }
  for (const field of Object.keys(printed)) {
    if (!(field in expected)) {
      throw new TypeError(`${at}: printed.${field} has no expected value to check it against`);
    }
  }
  if (json.erratum === undefined) {
    throw new TypeError(`${at}: "erratum" is required (null when the document is right)`);
  }
  if (json.erratum !== null) {
    const ids = json.erratum;
    if (
      !Array.isArray(ids) || ids.length === 0 ||
      !ids.every((id) => typeof id === "string" && /^S[0-4]-E[0-9]{2,}$/.test(id))
    ) {
      throw new TypeError(
        `${at}: "erratum" must be null or a list of erratum ids such as ["S1-E09"] ` +
          `(the records live in fixtures/errata/), got ${describe(ids)}`,
      );
    }
    if (new Set(ids).size !== ids.length) throw new TypeError(`${at}: "erratum" lists an id twice`);
    const own = documentNumber((json.source as Record<string, string>).document);
    const foreign = ids.find((id) => Number(id[1]) !== own);
    if (foreign !== undefined) {
      throw new TypeError(
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
 * Reads a fixture file's JSON: one fixture object, or an array of them.
 *
 * @throws {TypeError} if any fixture is malformed (see {@link parseFixture}).
 *
 * @example
 * ```ts
 * import { parseFixtures } from "@nnref/nnref/oracle";
 * if (parseFixtures([], "empty.json").length !== 0) throw new Error("empty list");
 * ```
 * @category Fixtures
 */
export function parseFixtures(json: unknown, where = "fixture file"): Fixture[] {
  const list = Array.isArray(json) ? json : [json];
  return list.map((item, i) => parseFixture(item, Array.isArray(json) ? `${where}[${i}]` : where));
}
