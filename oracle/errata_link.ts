/**
 * Resolving fixtures' erratum ids against the errata records, and checking that the two
 * sides agree: every id a fixture lists names an erratum of its document, every fixture
 * an erratum names lists it back, every field check names a printed field.
 *
 * @module
 */

import type { Fixture } from "./fixture.ts";
import {
  type ErrataRecord,
  type Erratum,
  isErratum,
  type Note,
  RecordReferenceError,
} from "./errata.ts";
import { InputTypeError } from "../lib/errors.ts";
import { describe } from "./_tree.ts";

/**
 * Throws unless `fixtures` are parsed fixtures and `records` parsed errata records (what
 * parseFixture and parseErrata return), and `options` an object.
 */
function requireLinkArguments(fixtures: unknown, records: unknown, options: unknown = {}): void {
  const fixtureOk = (f: unknown) =>
    typeof f === "object" && f !== null && typeof (f as Fixture).id === "string" &&
    ((f as Fixture).erratum === null || Array.isArray((f as Fixture).erratum));
  const recordOk = (r: unknown) =>
    typeof r === "object" && r !== null && typeof (r as ErrataRecord).id === "string" &&
    Array.isArray((r as ErrataRecord).fixtures);
  if (!Array.isArray(fixtures) || !fixtures.every(fixtureOk)) {
    throw new InputTypeError(
      `fixtures must be a list of parsed fixtures (from parseFixtures), got ${describe(fixtures)}`,
    );
  }
  if (!Array.isArray(records) || !records.every(recordOk)) {
    throw new InputTypeError(
      `records must be a list of parsed errata records (from parseErrata), got ${
        describe(records)
      }`,
    );
  }
  if (typeof options !== "object" || options === null) {
    throw new InputTypeError(`options must be an object { complete? }, got ${describe(options)}`);
  }
}

/** Options of {@link errataLinkProblems} and {@link linkErrata}.
 * @category Oracle */
export interface LinkOptions {
  /**
   * Whether `fixtures` are all the fixtures there are, so that a record naming a fixture
   * that is not among them is a problem (default `true`). Pass `false` when linking the
   * fixtures of one file.
   */
  readonly complete?: boolean;
}

/**
 * Every disagreement between fixtures and records, as errors (empty when they agree).
 *
 * @param fixtures Parsed fixtures (see `parseFixture`).
 * @param records Parsed records of every errata file (see `parseErrata`).
 * @param options Whether `fixtures` is complete.
 * @returns One {@link RecordReferenceError} per problem, naming both sides.
 * @throws {InputTypeError} if fixtures or records are not lists of parsed ones.
 *
 * @example A fixture listing an id that no record has
 * ```ts
 * import { errataLinkProblems, parseFixture } from "@nnref/nnref/oracle";
 * const fixture = parseFixture({
 *   id: "demo.one", source: { document: "001_85ee514aa7c85552.txt", section: "1", quote: "1" },
 *   oracle: { method: "exact", generator: null }, input: {}, printed: {}, expected: {},
 *   tolerance: {}, erratum: ["S1-E99"],
 * });
 * const problems = errataLinkProblems([fixture], []);
 * if (!problems[0]?.message.includes("S1-E99")) throw new Error("reported");
 * ```
 * @category Oracle
 */
export function errataLinkProblems(
  fixtures: readonly Fixture[],
  records: readonly ErrataRecord[],
  options: LinkOptions = {},
): RecordReferenceError[] {
  requireLinkArguments(fixtures, records, options);
  const problems: RecordReferenceError[] = [];
  const byId = new Map<string, ErrataRecord>();
  for (const record of records) {
    if (byId.has(record.id)) problems.push(new RecordReferenceError(`${record.id} is used twice`));
    byId.set(record.id, record);
  }
  const fixturesById = new Map(fixtures.map((fixture) => [fixture.id, fixture]));
  for (const fixture of fixtures) {
    for (const id of fixture.erratum ?? []) {
      const record = byId.get(id);
      if (record === undefined) {
        problems.push(new RecordReferenceError(`${fixture.id} lists ${id}, which no record has`));
      } else if (!isErratum(record)) {
        problems.push(
          new RecordReferenceError(`${fixture.id} lists ${id} as an erratum, but it is a note`),
        );
      } else if (!record.fixtures.includes(fixture.id)) {
        problems.push(
          new RecordReferenceError(`${fixture.id} lists ${id}, whose record does not name it`),
        );
      } else if (record.document !== fixture.source.document) {
        problems.push(
          new RecordReferenceError(
            `${fixture.id} (${fixture.source.document}) lists ${id} of ${record.document}`,
          ),
        );
      }
    }
  }
  for (const record of records) {
    for (const id of record.fixtures) {
      const fixture = fixturesById.get(id);
      if (fixture === undefined) {
        if (options.complete ?? true) {
          problems.push(
            new RecordReferenceError(`${record.id} names fixture ${id}, which does not exist`),
          );
        }
        continue;
      }
      if (isErratum(record) && !(fixture.erratum ?? []).includes(record.id)) {
        problems.push(
          new RecordReferenceError(`${record.id} names fixture ${id}, which does not list it`),
        );
      }
      for (const check of isErratum(record) ? record.checks ?? [] : []) {
        if (!(check.field in fixture.printed)) {
          problems.push(
            new RecordReferenceError(
              `${record.id} checks field "${check.field}" of ${id}, which does not print it`,
            ),
          );
        }
      }
    }
  }
  return problems;
}

/**
 * Resolves every fixture's erratum ids to records and attaches the notes that name it.
 *
 * @param fixtures Parsed fixtures.
 * @param records Parsed records of every errata file.
 * @param options Whether `fixtures` is complete (see {@link LinkOptions}).
 * @returns New fixtures with `errata` (in the order of `erratum`) and `notes` set.
 * @throws {RecordReferenceError} with the first problem of {@link errataLinkProblems} (and
 *   how many there are).
 *
 * @example
 * ```ts
 * import { linkErrata, parseErrata, parseFixture } from "@nnref/nnref/oracle";
 * const fixture = parseFixture({
 *   id: "demo.third", source: { document: "001_85ee514aa7c85552.txt", section: "1", quote: "0.3334" },
 *   oracle: { method: "exact", generator: null }, input: {}, printed: { third: "0.3334" },
 *   expected: { third: 1 / 3 }, tolerance: { third: { ulps: 0, reason: "one division" } },
 *   erratum: ["S1-E01"],
 * });
 * const records = parseErrata([{
 *   id: "S1-E01", class: "erratum", document: "001_85ee514aa7c85552.txt", section: "1",
 *   kind: "number", severity: "low", printed: "0.3334", correct: "0.3333",
 *   why: "1/3 rounds to 0.3333", conclusionHolds: true, conclusion: "close enough",
 *   fixtures: ["demo.third"], checks: [{ field: "third", correct: "0.3333" }],
 * }]);
 * const [linked] = linkErrata([fixture], records);
 * if (linked.errata?.[0].id !== "S1-E01") throw new Error("resolved");
 * ```
 * @category Oracle
 */
export function linkErrata(
  fixtures: readonly Fixture[],
  records: readonly ErrataRecord[],
  options: LinkOptions = {},
): Fixture[] {
  const problems = errataLinkProblems(fixtures, records, options);
  if (problems.length > 0) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
    throw new RecordReferenceError(`${problems[0].message}${more}`);
  }
  return resolveErrata(fixtures, records);
}

/**
 * Resolves what can be resolved and never throws for a problem, for a report that lists the problems of
 * {@link errataLinkProblems} beside the results: a fixture gets `errata` only when every
 * id it lists names an erratum record (otherwise its replay reports the unresolved ids),
 * and `notes` always.
 *
 * @param fixtures Parsed fixtures.
 * @param records Parsed records.
 * @returns New fixtures with `errata` (where resolvable) and `notes`.
 * @throws {InputTypeError} if fixtures or records are not lists of parsed ones.
 *
 * @example
 * ```ts
 * import { parseFixture, resolveErrata } from "@nnref/nnref/oracle";
 * const fixture = parseFixture({
 *   id: "demo.one", source: { document: "001_85ee514aa7c85552.txt", section: "1", quote: "1" },
 *   oracle: { method: "exact", generator: null }, input: {}, printed: {}, expected: {},
 *   tolerance: {}, erratum: ["S1-E99"],
 * });
 * if (resolveErrata([fixture], [])[0].errata !== undefined) throw new Error("left unresolved");
 * ```
 * @category Oracle
 */
export function resolveErrata(
  fixtures: readonly Fixture[],
  records: readonly ErrataRecord[],
): Fixture[] {
  requireLinkArguments(fixtures, records);
  const byId = new Map(records.map((record) => [record.id, record]));
  return fixtures.map((fixture) => {
    const resolved = (fixture.erratum ?? []).map((id) => byId.get(id));
    const notes = records.filter((record): record is Note =>
      !isErratum(record) && record.fixtures.includes(fixture.id)
    );
    if (!resolved.every((record) => record !== undefined && isErratum(record))) {
      return { ...fixture, notes };
    }
    return { ...fixture, errata: resolved as Erratum[], notes };
  });
}
