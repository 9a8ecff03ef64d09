/**
 * Replaying worked results: every fixture is computed again with nnref's `lib/` (through
 * the subject that claims it) and checked field by field with {@link verifyFixture}.
 *
 * Nothing here stops at the first problem. A subject that throws, a fixture that no
 * subject computes, a subject that returns the wrong shape, a fixture id asked for that
 * does not exist, a subject with the wrong signature: each becomes one result with a
 * status and a message, and the run goes on. `lib/` reads no files, so the caller passes
 * the parsed fixtures in (see `parseFixtures`).
 *
 * @module
 */

import { type Check, verifyFixture } from "./verify.ts";
import type { Erratum, Fixture, Note } from "./fixture.ts";
import { claims, type Subject, subjectProblem } from "./subject.ts";
import type { Tolerance } from "./assert_close.ts";
import { describe } from "./_tree.ts";
import { InputTypeError } from "../lib/errors.ts";

/** Throws unless `subjects` is an array (its entries are checked one by one, reported). */
function requireSubjects(subjects: unknown): void {
  if (!Array.isArray(subjects)) {
    throw new InputTypeError(`subjects must be an array of subjects, got ${describe(subjects)}`);
  }
}

/**
 * How a replayed fixture came out.
 *
 * - `pass`: every check holds (computed values, printed digits, errata);
 * - `fail`: the subject ran but a check failed (wrong value, wrong shape, printed digits);
 * - `error`: the subject threw, or returned something that is not a record of fields;
 * - `no-subject`: no subject claims the fixture's id;
 * - `bad-subject`: the subject that claims it is malformed, or several claim it;
 * - `unknown-id`: an id was asked for and no fixture has it.
 * @category Replay
 */
export type ReplayStatus = "pass" | "fail" | "error" | "no-subject" | "bad-subject" | "unknown-id";

/** One expected field of a replayed fixture, side by side.
 * @category Replay */
export interface FieldReplay {
  /** The expected field's name. */
  readonly field: string;
  /** The document's digits (strings), or `undefined` when the document printed none. */
  readonly printed: unknown;
  /** What `lib/` computed (plain arrays), or `undefined` when the subject leaves it out. */
  readonly computed: unknown;
  /** The true value from the independent oracle. */
  readonly expected: unknown;
  /** The field's tolerance, as the fixture gives it. */
  readonly tolerance: Tolerance;
  /** Computed vs true: `true`/`false`, or `null` when not computed by the subject. */
  readonly valueOk: boolean | null;
  /**
   * Printed digits vs true: `true` (every printed digit agrees), `false`, or `null` when
   * nothing is printed. For a field with an erratum: `true` when the erratum holds both
   * ways (printed is wrong, its correction is right).
   */
  readonly printedOk: boolean | null;
  /** The erratum recorded for this field, if any. */
  readonly erratum: Erratum | null;
  /** Why a check of this field failed; empty when all hold. */
  readonly messages: readonly string[];
}

/** One fixture, replayed.
 * @category Replay */
export interface ReplayResult {
  /** The fixture's id (or the id asked for, for `unknown-id`). */
  readonly id: string;
  /** Document file name, e.g. `001_85ee514aa7c85552.txt` (empty for `unknown-id`). */
  readonly document: string;
  /** Section of the document. */
  readonly section: string;
  /** The fixture's title, or its id when it has none. */
  readonly title: string;
  /** How it came out. */
  readonly status: ReplayStatus;
  /** `status === "pass"`. */
  readonly ok: boolean;
  /** Whether every printed digit agrees with the true value (errata counted as agreeing when they hold both ways); `null` when nothing is printed. */
  readonly printedAgrees: boolean | null;
  /** Whether the fixture is a seeded stand-in for an unseeded random run in the document. */
  readonly random: boolean;
  /** Every erratum record the fixture checks, with or without field checks. */
  readonly errata: readonly Erratum[];
  /** The notes (caveats) that name the fixture: shown, not counted as errata. */
  readonly notes?: readonly Note[];
  /** Field by field: printed, computed, true value and the outcome. */
  readonly fields: readonly FieldReplay[];
  /** Every check of `verifyFixture` (empty when the subject could not run). */
  readonly checks: readonly Check[];
  /** Why the fixture did not pass; empty when it did. */
  readonly messages: readonly string[];
  /**
   * Fields the subject computed that the fixture does not expect (a status, a
   * by-product). Not checked and not a failure; listed so a misspelt name shows.
   */
  readonly extraFields?: readonly string[];
}

/** A subject rejected before the run, and why.
 * @category Replay */
export interface SubjectProblem {
  /** Position of the subject in the list passed to {@link replay}. */
  readonly index: number;
  /** The ids it claims, when they could be read. */
  readonly ids: readonly string[];
  /** What is wrong with it. */
  readonly message: string;
}

/** The outcome of a replay run.
 * @category Replay */
export interface ReplayRun {
  /** One result per fixture (or per id asked for), in the order given. */
  readonly results: readonly ReplayResult[];
  /** Subjects rejected for their shape or signature. */
  readonly subjectProblems: readonly SubjectProblem[];
  /** Subject id patterns that claim none of the fixtures replayed (stale or misspelt ids). */
  readonly unclaimed: readonly string[];
}

/** Options of {@link replay}.
 * @category Replay */
export interface ReplayOptions {
  /**
   * Replay only these fixture ids (exact ids, or prefixes ending in `*`). An id (or
   * prefix) that matches no fixture becomes an `unknown-id` result. Default: all.
   */
  readonly ids?: readonly string[];
}

/** Copies typed arrays and matrices into plain nested arrays, so results print and serialise. */
function plain(value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return Array.from(value as unknown as ArrayLike<number>);
  }
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === "object" && value !== null) {
    const record = value as Record<string, unknown>;
    if (
      typeof record.rows === "number" && typeof record.cols === "number" &&
      record.data !== undefined && typeof record.data === "object"
    ) {
      const data = Array.from(record.data as ArrayLike<number>);
      const rows: number[][] = [];
      for (let r = 0; r < record.rows; r++) {
        rows.push(data.slice(r * record.cols, (r + 1) * record.cols));
      }
      return rows;
    }
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value;
}

function baseOf(
  fixture: Fixture,
): Omit<ReplayResult, "status" | "ok" | "fields" | "checks" | "messages" | "printedAgrees"> {
  return {
    id: fixture.id,
    document: fixture.source.document,
    section: fixture.source.section,
    title: fixture.title ?? fixture.id,
    random: fixture.random !== undefined && fixture.random !== null,
    errata: fixture.errata ?? [],
    notes: fixture.notes ?? [],
  };
}

/** The fields of a fixture that could not be computed at all (subject missing or broken). */
function uncomputedFields(fixture: Fixture, checks: readonly Check[]): FieldReplay[] {
  return fieldsOf(fixture, undefined, [], checks);
}

/** The own property `key` of a record, or undefined (never Object.prototype's members). */
function ownValue(record: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function fieldsOf(
  fixture: Fixture,
  computed: Record<string, unknown> | undefined,
  computedFields: readonly string[],
  checks: readonly Check[],
): FieldReplay[] {
  const errata = fixture.errata ?? [];
  return Object.keys(fixture.expected).map((field) => {
    const own = checks.filter((check) => check.field === field);
    const value = own.find((check) => check.kind === "value");
    const printedChecks = own.filter((check) => check.kind !== "value");
    const isComputed = computed !== undefined && computedFields.includes(field);
    return {
      field,
      printed: ownValue(fixture.printed, field),
      computed: isComputed ? plain(ownValue(computed, field)) : undefined,
      expected: ownValue(fixture.expected, field),
      tolerance: ownValue(fixture.tolerance, field) as Tolerance,
      valueOk: value === undefined ? null : value.ok,
      printedOk: printedChecks.length === 0 ? null : printedChecks.every((check) => check.ok),
      erratum: errata.find((erratum) => erratum.checks?.some((c) => c.field === field)) ?? null,
      messages: own.filter((check) => !check.ok).map((check) => `${check.kind}: ${check.message}`),
    };
  });
}

function printedAgreement(checks: readonly Check[]): boolean | null {
  const printed = checks.filter((check) => check.kind !== "value");
  return printed.length === 0 ? null : printed.every((check) => check.ok);
}

/** Checks of the document alone (printed digits and errata), for fixtures no subject could compute. */
function documentChecks(fixture: Fixture): Check[] {
  return verifyFixture(fixture, {}, []);
}

/**
 * Replays one fixture against the subjects: finds the subject that claims it, computes,
 * and checks every field.
 *
 * @param fixture A parsed fixture.
 * @param subjects The subjects to choose from (see `lib/oracle/registry.ts`).
 * @returns The result; never throws for a subject's failure.
 * @throws {InputTypeError} if the fixture is not a parsed fixture or subjects not an array.
 *
 * @example A subject that throws becomes an `error` result
 * ```ts
 * import { parseFixture, replayFixture } from "@nnref/nnref/oracle";
 * const fixture = parseFixture({
 *   id: "demo.half", source: { document: "none", section: "1", quote: "0.5" },
 *   oracle: { method: "exact", generator: null }, input: {}, printed: { half: "0.5" },
 *   expected: { half: 0.5 }, tolerance: { half: { reason: "exact" } }, erratum: null,
 * });
 * const good = replayFixture(fixture, [{ ids: ["demo.half"], compute: () => ({ half: 1 / 2 }) }]);
 * if (good.status !== "pass") throw new Error(good.messages.join("; "));
 * const broken = replayFixture(fixture, [{ ids: ["demo.*"], compute: () => { throw new Error("boom"); } }]);
 * if (broken.status !== "error" || !broken.messages[0].includes("boom")) throw new Error("caught");
 * ```
 * @category Replay
 */
export function replayFixture(fixture: Fixture, subjects: readonly Subject[]): ReplayResult {
  if (typeof fixture !== "object" || fixture === null || typeof fixture.id !== "string") {
    throw new InputTypeError(
      `fixture must be a parsed fixture (from parseFixture), got ${describe(fixture)}`,
    );
  }
  requireSubjects(subjects);
  const base = baseOf(fixture);
  const candidates = subjects.filter((subject) => {
    const ids = (subject as { ids?: unknown })?.ids;
    return Array.isArray(ids) && ids.every((id) => typeof id === "string") &&
      claims(subject, fixture.id);
  });
  if ((fixture.erratum ?? []).length > 0 && fixture.errata === undefined) {
    return {
      ...base,
      status: "error",
      ok: false,
      printedAgrees: null,
      fields: uncomputedFields(fixture, []),
      checks: [],
      messages: [
        `${fixture.id} lists errata ${fixture.erratum?.join(", ")} that were never resolved ` +
        `(load fixtures/errata/ and call linkErrata)`,
      ],
    };
  }
  const stop = (status: ReplayStatus, message: string): ReplayResult => {
    const checks = documentChecks(fixture);
    return {
      ...base,
      status,
      ok: false,
      printedAgrees: printedAgreement(checks),
      fields: uncomputedFields(fixture, checks),
      checks,
      messages: [message],
    };
  };
  if (candidates.length === 0) {
    return stop("no-subject", `No subject computes fixture "${fixture.id}"`);
  }
  if (candidates.length > 1) {
    const patterns = candidates.map((subject) => subject.ids.join(",")).join(" | ");
    return stop(
      "bad-subject",
      `${candidates.length} subjects claim fixture "${fixture.id}" (${patterns}); ids must be unique`,
    );
  }
  const subject = candidates[0];
  const problem = subjectProblem(subject);
  if (problem !== null) return stop("bad-subject", problem);
  const fields = subject.fields ?? Object.keys(fixture.expected);
  let computed: unknown;
  try {
    computed = subject.compute(fixture);
  } catch (error) {
    const name = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return stop("error", `subject for "${fixture.id}" threw ${name}`);
  }
  if (
    typeof computed === "object" && computed !== null &&
    typeof (computed as { then?: unknown }).then === "function"
  ) {
    return stop(
      "bad-subject",
      `subject for "${fixture.id}" returned a Promise; compute must be synchronous`,
    );
  }
  if (typeof computed !== "object" || computed === null || Array.isArray(computed)) {
    return stop(
      "error",
      `subject for "${fixture.id}" returned ${
        describeValue(computed)
      }, expected an object of expected fields { ${fields.join(", ")} }`,
    );
  }
  const record = computed as Record<string, unknown>;
  const checks = verifyFixture(fixture, record, fields);
  const failed = checks.filter((check) => !check.ok);
  const messages = failed.map((check) => `${check.kind} ${check.field}: ${check.message}`);
  const ok = messages.length === 0;
  return {
    ...base,
    status: ok ? "pass" : "fail",
    ok,
    printedAgrees: printedAgreement(checks),
    fields: fieldsOf(fixture, record, fields, checks),
    checks,
    messages,
    extraFields: Object.keys(record).filter((key) => !Object.hasOwn(fixture.expected, key)),
  };
}

/**
 * Replays fixtures against subjects, one result per fixture, whatever goes wrong.
 *
 * @param fixtures Parsed fixtures (see `parseFixtures`); `lib/` reads no files.
 * @param subjects Subjects, usually `SUBJECTS` from `lib/oracle/registry.ts`.
 * @param options `ids` to replay only some fixtures.
 * @returns The results, the subjects rejected, and the subject ids that matched nothing.
 * @throws {InputTypeError} if fixtures, subjects or options have the wrong type.
 *
 * @example An unknown id and a missing subject are reported, not thrown
 * ```ts
 * import { parseFixture, replay } from "@nnref/nnref/oracle";
 * const fixture = parseFixture({
 *   id: "demo.one", source: { document: "none", section: "1", quote: "1" },
 *   oracle: { method: "exact", generator: null }, input: {}, printed: {},
 *   expected: { one: 1 }, tolerance: { one: { reason: "exact" } }, erratum: null,
 * });
 * const run = replay([fixture], [], { ids: ["demo.one", "demo.two"] });
 * const statuses = run.results.map((r) => r.status).join(",");
 * if (statuses !== "no-subject,unknown-id") throw new Error(statuses);
 * ```
 * @category Replay
 */
export function replay(
  fixtures: readonly Fixture[],
  subjects: readonly Subject[],
  options: ReplayOptions = {},
): ReplayRun {
  if (!Array.isArray(fixtures)) {
    throw new InputTypeError(
      `fixtures must be an array of parsed fixtures, got ${describe(fixtures)}`,
    );
  }
  fixtures.forEach((fixture, i) => {
    if (typeof fixture !== "object" || fixture === null || typeof fixture.id !== "string") {
      throw new InputTypeError(`fixtures[${i}] is not a parsed fixture, got ${describe(fixture)}`);
    }
  });
  requireSubjects(subjects);
  if (typeof options !== "object" || options === null) {
    throw new InputTypeError(`options must be an object, got ${describe(options)}`);
  }
  if (
    options.ids !== undefined &&
    !(Array.isArray(options.ids) && options.ids.every((id) => typeof id === "string"))
  ) {
    throw new InputTypeError(
      `options.ids must be an array of fixture ids, got ${describe(options.ids)}`,
    );
  }
  const subjectProblems: SubjectProblem[] = [];
  subjects.forEach((subject, index) => {
    const message = subjectProblem(subject);
    if (message === null) return;
    const ids = (subject as { ids?: unknown })?.ids;
    subjectProblems.push({
      index,
      ids: Array.isArray(ids) ? ids.filter((id): id is string => typeof id === "string") : [],
      message,
    });
  });
  const wanted = options.ids;
  const matches = (id: string, pattern: string) =>
    pattern.endsWith("*") ? id.startsWith(pattern.slice(0, -1)) : id === pattern;
  const selected = wanted === undefined
    ? fixtures
    : fixtures.filter((fixture) => wanted.some((pattern) => matches(fixture.id, pattern)));
  const results: ReplayResult[] = selected.map((fixture) => replayFixture(fixture, subjects));
  for (const pattern of wanted ?? []) {
    if (fixtures.some((fixture) => matches(fixture.id, pattern))) continue;
    const near = fixtures.map((fixture) => fixture.id).filter((id) =>
      id.split(".")[0] === pattern.split(".")[0]
    ).slice(0, 5);
    results.push({
      id: pattern,
      document: "",
      section: "",
      title: pattern,
      status: "unknown-id",
      ok: false,
      printedAgrees: null,
      random: false,
      errata: [],
      fields: [],
      checks: [],
      messages: [
        `No fixture has id "${pattern}"` +
        (near.length > 0 ? `; ids with the same prefix: ${near.join(", ")}` : ""),
      ],
    });
  }
  const unclaimed: string[] = [];
  for (const subject of subjects) {
    if (subjectProblem(subject) !== null) continue;
    for (const pattern of subject.ids) {
      if (!fixtures.some((fixture) => matches(fixture.id, pattern))) unclaimed.push(pattern);
    }
  }
  return { results, subjectProblems, unclaimed };
}
