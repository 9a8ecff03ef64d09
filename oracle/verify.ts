/**
 * Checking a computation against a fixture, field by field: the computed value against
 * the true value (within the field's tolerance), the true value against the document's
 * printed digits, and each erratum in both directions.
 *
 * @module
 */

import { findMismatch, type NumericTree, type Tolerance } from "./assert_close.ts";
import { printedMismatch, type StringTree } from "./assert_printed.ts";
import { AssertionError } from "./assertion_error.ts";
import { errataOf, type Fixture } from "./fixture.ts";
import { describe, isMatrixLike, MAX_DEPTH } from "./_tree.ts";
import { InputTypeError } from "../lib/errors.ts";

/** The outcome of one check of a fixture.
 * @category Fixtures */
export interface Check {
  /** The fixture's id. */
  readonly id: string;
  /** The field checked. */
  readonly field: string;
  /**
   * `value`: computed vs expected. `printed`: the document's digits vs expected.
   * `erratum`: the printed digits are wrong and the erratum's correction is right.
   */
  readonly kind: "value" | "printed" | "erratum";
  /** Whether the check passed. */
  readonly ok: boolean;
  /** Empty when ok; otherwise what differed. */
  readonly message: string;
  /** For `kind: "erratum"`: the id of the erratum record checked. */
  readonly erratum?: string;
}

/** A field-level check of an erratum record, for one fixture.
 * @category Fixtures */
export interface ErratumFieldCheck {
  /** The erratum record's id. */
  readonly erratum: string;
  /** The printed field it corrects. */
  readonly field: string;
  /** The correct digits. */
  readonly correct: StringTree;
}

/**
 * The field-level checks of a fixture's errata (each record's `checks`), in order.
 *
 * @throws {RecordReferenceError} if the fixture's errata were never resolved (`linkErrata`).
 *
 * @example
 * ```ts
 * import { fieldChecksOf } from "@nnref/nnref/oracle";
 * if (fieldChecksOf({ erratum: null }).length !== 0) throw new Error("none");
 * ```
 * @category Fixtures
 */
export function fieldChecksOf(
  fixture: Pick<Fixture, "erratum" | "errata">,
): ErratumFieldCheck[] {
  return errataOf(fixture).flatMap((erratum) =>
    (erratum.checks ?? []).map((check) => ({ erratum: erratum.id, ...check }))
  );
}

/** Whether a value looks numeric (deeper than 64 levels, or cyclic, it does not). */
function isNumericTree(value: unknown, depth = 0): value is NumericTree {
  if (typeof value === "number") return true;
  if (ArrayBuffer.isView(value)) return true;
  if (isMatrixLike(value)) return true;
  if (depth >= MAX_DEPTH || !Array.isArray(value) || value.length === 0) return false;
  for (const item of value) if (!isNumericTree(item, depth + 1)) return false;
  return true;
}

/** A short JSON rendering for messages, safe for cyclic, deep or huge values. */
function show(value: unknown): string {
  try {
    const text = JSON.stringify(value);
    if (text === undefined) return describe(value);
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
  } catch {
    return describe(value);
  }
}

/** How printed field `field` was rounded ("nearest" unless printedRounding says otherwise). */
function roundingOf(fixture: Fixture, field: string): "nearest" | "truncate" {
  const rounding = fixture.printedRounding;
  return rounding !== undefined && Object.hasOwn(rounding, field) ? rounding[field] : "nearest";
}

/** Throws unless `fixture` has the fields verifyFixture reads (a parsed fixture). */
function requireFixture(fixture: unknown): asserts fixture is Fixture {
  const f = fixture as Fixture;
  if (
    typeof fixture !== "object" || fixture === null || typeof f.id !== "string" ||
    typeof f.expected !== "object" || f.expected === null ||
    typeof f.tolerance !== "object" || f.tolerance === null ||
    typeof f.printed !== "object" || f.printed === null
  ) {
    throw new InputTypeError(
      `fixture must be a parsed fixture (from parseFixture), got ${describe(fixture)}`,
    );
  }
}

/** The own property `key` of a record, or undefined (never Object.prototype's members). */
function own(record: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Compares a computed field with its expected value; returns a message or "". */
function compareField(actual: unknown, expected: unknown, fixture: Fixture, field: string): string {
  if (actual === undefined) return `nothing was computed for "${field}"`;
  if (isNumericTree(expected)) {
    if (!isNumericTree(actual)) return `computed ${show(actual)} is not numeric`;
    try {
      return findMismatch(actual, expected, (own(fixture.tolerance, field) ?? {}) as Tolerance)
        ?.message ?? "";
    } catch (error) {
      return (error as Error).message;
    }
  }
  const same = show(actual) === show(expected);
  return same ? "" : `computed ${show(actual)}, expected ${show(expected)}`;
}

/**
 * Runs every check of a fixture against computed values.
 *
 * @param fixture A parsed fixture (see `parseFixture`).
 * @param computed The values a subject computed, by expected field name. Fields that
 *   the subject does not compute may be omitted by listing only `fields`.
 * @param fields The expected fields to check against `computed` (default: all).
 * @returns One {@link Check} per value, printed field and erratum.
 * @throws {InputTypeError} if the fixture, the computed record or the fields have the
 *   wrong type. Fields are looked up as own properties only.
 * @throws {RecordReferenceError} if the fixture lists errata not resolved by `linkErrata`.
 *
 * @example
 * ```ts
 * import { linkErrata, parseErrata, parseFixture, verifyFixture } from "@nnref/nnref/oracle";
 * const document = "001_85ee514aa7c85552.txt";
 * const [fixture] = linkErrata([parseFixture({
 *   id: "demo.third", source: { document, section: "1", quote: "1/3 = 0.3334" },
 *   oracle: { method: "exact", generator: null }, input: {}, printed: { third: "0.3334" },
 *   expected: { third: 1 / 3 }, tolerance: { third: { ulps: 0, reason: "one division" } },
 *   erratum: ["S1-E01"],
 * })], parseErrata([{
 *   id: "S1-E01", class: "erratum", document, section: "1", kind: "number", severity: "low",
 *   printed: "1/3 = 0.3334", correct: "0.3333", why: "1/3 rounds to 0.3333",
 *   conclusionHolds: true, conclusion: "four digits", fixtures: ["demo.third"],
 *   checks: [{ field: "third", correct: "0.3333" }],
 * }]));
 * const checks = verifyFixture(fixture, { third: 1 / 3 });
 * if (!checks.every((c) => c.ok)) throw new Error("value and erratum both hold");
 * ```
 * @category Fixtures
 */
export function verifyFixture(
  fixture: Fixture,
  computed: Readonly<Record<string, unknown>>,
  fields?: readonly string[],
): Check[] {
  requireFixture(fixture);
  if (typeof computed !== "object" || computed === null || Array.isArray(computed)) {
    throw new InputTypeError(
      `computed must be an object of fields by name, got ${describe(computed)}`,
    );
  }
  if (
    fields !== undefined &&
    !(Array.isArray(fields) && fields.every((field) => typeof field === "string"))
  ) {
    throw new InputTypeError(`fields must be an array of field names, got ${describe(fields)}`);
  }
  fields ??= Object.keys(fixture.expected);
  const checks: Check[] = [];
  const fieldChecks = fieldChecksOf(fixture);
  const wrongFields = new Set(fieldChecks.map((check) => check.field));
  for (const field of fields) {
    if (!Object.hasOwn(fixture.expected, field)) {
      checks.push({
        id: fixture.id,
        field,
        kind: "value",
        ok: false,
        message: `fixture has no expected "${field}"`,
      });
      continue;
    }
    const message = compareField(
      own(computed, field),
      own(fixture.expected, field),
      fixture,
      field,
    );
    checks.push({ id: fixture.id, field, kind: "value", ok: message === "", message });
  }
  for (const [field, printed] of Object.entries(fixture.printed)) {
    if (wrongFields.has(field)) continue;
    const rounding = roundingOf(fixture, field);
    let message: string;
    try {
      message =
        printedMismatch(own(fixture.expected, field) as NumericTree, printed as StringTree, {
          rounding,
        }) ?? "";
    } catch (error) {
      message = (error as Error).message;
    }
    checks.push({ id: fixture.id, field, kind: "printed", ok: message === "", message });
  }
  for (const { erratum, field, correct } of fieldChecks) {
    const truth = own(fixture.expected, field) as NumericTree;
    const rounding = roundingOf(fixture, field);
    let message = "";
    try {
      if (
        printedMismatch(truth, own(fixture.printed, field) as StringTree, { rounding }) === null
      ) {
        message = `${erratum} says printed.${field} is wrong, but it agrees with the true value`;
      } else {
        const correction = printedMismatch(truth, correct, { rounding });
        if (correction !== null) {
          message = `${erratum}'s correction is itself wrong: ${correction}`;
        }
      }
    } catch (error) {
      message = (error as Error).message;
    }
    checks.push({ id: fixture.id, field, kind: "erratum", ok: message === "", message, erratum });
  }
  return checks;
}

/**
 * Asserts that every check of {@link verifyFixture} passes.
 *
 * @throws {AssertionError} listing every failed check.
 * @throws {InputTypeError} as {@link verifyFixture}.
 *
 * @example
 * ```ts
 * import { assertFixture, parseFixture } from "@nnref/nnref/oracle";
 * const fixture = parseFixture({
 *   id: "demo.sum", source: { document: "none", section: "1", quote: "0.1 + 0.2 = 0.3" },
 *   oracle: { method: "exact rationals", generator: null }, input: {}, printed: { sum: "0.3" },
 *   expected: { sum: 0.30000000000000004 }, tolerance: { sum: { ulps: 0, reason: "one rounding" } },
 *   erratum: null,
 * });
 * assertFixture(fixture, { sum: 0.1 + 0.2 });
 * ```
 * @category Fixtures
 */
export function assertFixture(
  fixture: Fixture,
  computed: Readonly<Record<string, unknown>>,
  fields?: readonly string[],
): void {
  const failed = verifyFixture(fixture, computed, fields).filter((check) => !check.ok);
  if (failed.length > 0) {
    throw new AssertionError(
      `${fixture.id}: ${failed.length} check(s) failed\n` +
        failed.map((c) => `  ${c.kind} ${c.field}: ${c.message}`).join("\n"),
    );
  }
}
