/**
 * Checking a computation against a fixture, field by field: the computed value against
 * the true value (within the field's tolerance), the true value against the document's
 * printed digits, and each erratum in both directions.
 *
 * @module
 */

import { findMismatch, type NumericTree } from "./assert_close.ts";
import { printedMismatch, type StringTree } from "./assert_printed.ts";
import { AssertionError } from "./assertion_error.ts";
import { errataOf, type Fixture } from "./fixture.ts";

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

function isNumericTree(value: unknown): value is NumericTree {
  if (typeof value === "number") return true;
  if (ArrayBuffer.isView(value)) return true;
  if (typeof value === "object" && value !== null && "rows" in value && "data" in value) {
    return true;
  }
  return Array.isArray(value) && value.length > 0 && value.every(isNumericTree);
}

/** Compares a computed field with its expected value; returns a message or "". */
function compareField(actual: unknown, expected: unknown, fixture: Fixture, field: string): string {
  if (actual === undefined) return `nothing was computed for "${field}"`;
  if (isNumericTree(expected)) {
    if (!isNumericTree(actual)) return `computed ${JSON.stringify(actual)} is not numeric`;
    try {
      return findMismatch(actual, expected, fixture.tolerance[field])?.message ?? "";
    } catch (error) {
      return (error as Error).message;
    }
  }
  const same = JSON.stringify(actual) === JSON.stringify(expected);
  return same ? "" : `computed ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`;
}

/**
 * Runs every check of a fixture against computed values.
 *
 * @param fixture A parsed fixture (see `parseFixture`).
 * @param computed The values a subject computed, by expected field name. Fields that
 *   the subject does not compute may be omitted by listing only `fields`.
 * @param fields The expected fields to check against `computed` (default: all).
 * @returns One {@link Check} per value, printed field and erratum.
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
  fields: readonly string[] = Object.keys(fixture.expected),
): Check[] {
  const checks: Check[] = [];
  const fieldChecks = fieldChecksOf(fixture);
  const wrongFields = new Set(fieldChecks.map((check) => check.field));
  for (const field of fields) {
    if (!(field in fixture.expected)) {
      checks.push({
        id: fixture.id,
        field,
        kind: "value",
        ok: false,
        message: `fixture has no expected "${field}"`,
      });
      continue;
    }
    const message = compareField(computed[field], fixture.expected[field], fixture, field);
    checks.push({ id: fixture.id, field, kind: "value", ok: message === "", message });
  }
  for (const [field, printed] of Object.entries(fixture.printed)) {
    if (wrongFields.has(field)) continue;
    const rounding = fixture.printedRounding?.[field] ?? "nearest";
    let message: string;
    try {
      message = printedMismatch(fixture.expected[field] as NumericTree, printed as StringTree, {
        rounding,
      }) ?? "";
    } catch (error) {
      message = (error as Error).message;
    }
    checks.push({ id: fixture.id, field, kind: "printed", ok: message === "", message });
  }
  for (const { erratum, field, correct } of fieldChecks) {
    const truth = fixture.expected[field] as NumericTree;
    const rounding = fixture.printedRounding?.[field] ?? "nearest";
    let message = "";
    try {
      if (printedMismatch(truth, fixture.printed[field] as StringTree, { rounding }) === null) {
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
 *
 * @example
 * ```ts
 * import { assertFixture, parseFixture } from "@nnref/nnref/oracle";
 * const fixture = parseFixture({
 *   id: "demo.sum", source: { document: "d.txt", section: "1", quote: "0.1 + 0.2 = 0.3" },
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
