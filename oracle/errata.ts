/**
 * Errata as records. Each distinct error of a document is one record in
 * `fixtures/errata/s00N.json` (schema: `fixtures/errata.schema.json`): a stable id such as
 * `S1-E09`, the section, the printed text verbatim, the correction, the full reason, its
 * kind and severity, and whether the document's conclusion there still holds. A fixture
 * that checks an erratum lists its id in `erratum`; an erratum that three fixtures check
 * is one record naming all three. Notes (`S1-N01`) hold debatable points and caveats: they
 * are shown beside the fixtures they name but never counted as errata.
 *
 * A field-level erratum (`checks`) is machine-checked both ways by `verifyFixture`: the
 * fixture's printed digits disagree with the true value, and the record's corrected
 * digits agree with it.
 *
 * @module
 */

import { describe, isRecord, type StringTree } from "./_tree.ts";
import { InputTypeError } from "../lib/errors.ts";
import { checkJsonValue } from "./_fixture_schema.ts";

/** What is wrong: a number, a formula or derivation step, code, a claim in words, notation.
 * @category Oracle */
export type ErratumKind = "number" | "formula" | "code" | "claim" | "notation";

/**
 * How much it matters. `low`: a slip the context corrects, no result changes. `medium`:
 * followed literally it gives a wrong number, formula or program, but the document gets
 * the result right elsewhere. `high`: a result, program output or conclusion is wrong.
 * @category Oracle
 */
export type Severity = "low" | "medium" | "high";

/** A printed field a field-level erratum corrects, with the digits the document should print.
 * @category Oracle */
export interface FieldCheck {
  /** The fixture's `printed` field. */
  readonly field: string;
  /** The correct digits, in the printed field's form. */
  readonly correct: StringTree;
}

/** What errata and notes share.
 * @category Oracle */
export interface RecordBase {
  /** `S<document>-E<nn>` or `S<document>-N<nn>`, stable. */
  readonly id: string;
  /** The document's file name, e.g. `001_85ee514aa7c85552.txt`. */
  readonly document: string;
  /** Section or slide heading. */
  readonly section: string;
  /** The printed text, verbatim: one passage or several. */
  readonly printed: string | readonly string[];
  /** The full reason (for a note: the caveat). */
  readonly why: string;
  /** The fixtures that check it. */
  readonly fixtures: readonly string[];
  /** For a reviewed record: what was decided and why. */
  readonly decision?: string;
}

/** An error of the document as printed.
 * @category Oracle */
export interface Erratum extends RecordBase {
  /** `"erratum"`. */
  readonly class: "erratum";
  /** What kind of error. */
  readonly kind: ErratumKind;
  /** How much it matters. */
  readonly severity: Severity;
  /** The correction. */
  readonly correct: string;
  /** Whether the document's result or conclusion at this place still holds. */
  readonly conclusionHolds: boolean;
  /** Which conclusion, and why it does or does not hold. */
  readonly conclusion: string;
  /** Field-level checks, machine-verified both ways. */
  readonly checks?: readonly FieldCheck[];
}

/** A debatable point or a caveat: shown, not counted.
 * @category Oracle */
export interface Note extends RecordBase {
  /** `"note"`. */
  readonly class: "note";
  /** A correction, where one helps. */
  readonly correct?: string;
}

/** An erratum or a note.
 * @category Oracle */
export type ErrataRecord = Erratum | Note;

/**
 * A malformed errata or claims record: a missing or mistyped field, an unknown kind, a
 * malformed id. Code `NNREF_RECORD_FORMAT`.
 *
 * @example
 * ```ts
 * import { RecordFormatError } from "@nnref/nnref/oracle";
 * const error = new RecordFormatError("S1-E01: kind must be one of …");
 * if (!(error instanceof TypeError) || error.code !== "NNREF_RECORD_FORMAT") throw new Error();
 * ```
 * @category Oracle
 */
export class RecordFormatError extends TypeError {
  /** Always `"NNREF_RECORD_FORMAT"`. */
  readonly code = "NNREF_RECORD_FORMAT" as const;
  /** The class name, shown in messages and stack traces. */
  override readonly name = "RecordFormatError";
}

/**
 * A reference that does not resolve: a fixture lists an erratum id that no record has, a
 * record names a fixture that does not list it, a field check names a field the fixture
 * does not print, an id used twice. Code `NNREF_RECORD_REFERENCE`.
 *
 * @example
 * ```ts
 * import { RecordReferenceError } from "@nnref/nnref/oracle";
 * const error = new RecordReferenceError("s001.commute lists S1-E99, which no record has");
 * if (!(error instanceof RangeError) || error.code !== "NNREF_RECORD_REFERENCE") throw new Error();
 * ```
 * @category Oracle
 */
export class RecordReferenceError extends RangeError {
  /** Always `"NNREF_RECORD_REFERENCE"`. */
  readonly code = "NNREF_RECORD_REFERENCE" as const;
  /** The class name, shown in messages and stack traces. */
  override readonly name = "RecordReferenceError";
}

const KINDS: readonly ErratumKind[] = ["number", "formula", "code", "claim", "notation"];
const SEVERITIES: readonly Severity[] = ["low", "medium", "high"];
const COMMON = ["id", "class", "document", "section", "printed", "why", "fixtures", "decision"];
const ERRATUM_KEYS = [...COMMON, "kind", "severity", "correct", "conclusionHolds", "conclusion"]
  .concat("checks");
const NOTE_KEYS = [...COMMON, "correct"];
const FIXTURE_ID = /^[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)*$/;
const DIGITS = /^[-+]?[0-9.]+(?:[eE][-+]?[0-9]+)?$/;

function text(record: Record<string, unknown>, key: string, at: string): string {
  const value = record[key];
  if (typeof value !== "string" || value.length === 0) {
    throw new RecordFormatError(
      `${at}: "${key}" must be a non-empty string, got ${describe(value)}`,
    );
  }
  return value;
}

function isDigits(value: unknown): boolean {
  if (typeof value === "string") return DIGITS.test(value);
  return Array.isArray(value) && value.length > 0 && value.every(isDigits);
}

/** The document number (0 … 4) of a document file name, or -1.
 * @throws {InputTypeError} if `document` is not a string.
 * @category Oracle */
export function documentNumber(document: string): number {
  if (typeof document !== "string") {
    throw new InputTypeError(`document must be a file name (a string), got ${describe(document)}`);
  }
  const match = /^00([0-4])_[0-9a-f]{16}\.txt$/.exec(document);
  return match === null ? -1 : Number(match[1]);
}

/**
 * Validates one parsed errata record.
 *
 * @param json The parsed JSON of one record.
 * @param where The file, for messages.
 * @returns The record, typed.
 * @throws {RecordFormatError} naming the record, the field, what it got and what was expected.
 * @throws {InputTypeError} for what no JSON file holds (nesting deeper than 64 levels, a
 *   cycle, the keys `__proto__`, `constructor`, `prototype`); {NonFiniteError} for NaN or ±∞.
 *
 * @example A note needs no kind or severity; an erratum does
 * ```ts
 * import { parseErrataRecord, RecordFormatError } from "@nnref/nnref/oracle";
 * const note = parseErrataRecord({
 *   id: "S1-N01", class: "note", document: "001_85ee514aa7c85552.txt", section: "2.1",
 *   printed: "…", why: "a caveat", fixtures: [],
 * });
 * if (note.class !== "note") throw new Error("a note");
 * let refused = false;
 * try {
 *   parseErrataRecord({ ...note, id: "S1-E01", class: "erratum" });
 * } catch (error) {
 *   refused = error instanceof RecordFormatError;
 * }
 * if (!refused) throw new Error("an erratum without kind is refused");
 * ```
 * @category Oracle
 */
export function parseErrataRecord(json: unknown, where = "errata record"): ErrataRecord {
  checkJsonValue(json, where); // depth, cycles, __proto__/constructor/prototype, NaN
  if (!isRecord(json)) {
    throw new RecordFormatError(`${where}: a record must be a JSON object, got ${describe(json)}`);
  }
  const id = text(json, "id", where);
  const at = `${where} (${id})`;
  const match = /^S([0-4])-([EN])[0-9]{2,}$/.exec(id);
  if (match === null) {
    throw new RecordFormatError(
      `${at}: id must be S<document>-E<nn> (erratum) or S<document>-N<nn> (note), such as "S1-E09"`,
    );
  }
  const kindOfRecord = json.class;
  if (kindOfRecord !== "erratum" && kindOfRecord !== "note") {
    throw new RecordFormatError(
      `${at}: class must be "erratum" or "note", got ${describe(kindOfRecord)}`,
    );
  }
  if ((match[2] === "E") !== (kindOfRecord === "erratum")) {
    throw new RecordFormatError(
      `${at}: an id with ${match[2]} must have class "${match[2] === "E" ? "erratum" : "note"}"`,
    );
  }
  const document = text(json, "document", at);
  if (documentNumber(document) !== Number(match[1])) {
    throw new RecordFormatError(
      `${at}: document ${document} is not document ${match[1]} of the id`,
    );
  }
  text(json, "section", at);
  text(json, "why", at);
  const printed = json.printed;
  const passages = Array.isArray(printed) ? printed : [printed];
  if (passages.length === 0 || !passages.every((p) => typeof p === "string" && p.length > 0)) {
    throw new RecordFormatError(
      `${at}: "printed" must be the verbatim passage, or a non-empty list of them`,
    );
  }
  const fixtures = json.fixtures;
  if (
    !Array.isArray(fixtures) || !fixtures.every((f) => typeof f === "string" && FIXTURE_ID.test(f))
  ) {
    throw new RecordFormatError(
      `${at}: "fixtures" must be a list of fixture ids, got ${describe(fixtures)}`,
    );
  }
  if (new Set(fixtures).size !== fixtures.length) {
    throw new RecordFormatError(`${at}: "fixtures" names a fixture twice`);
  }
  if (json.decision !== undefined) text(json, "decision", at);
  const allowed = kindOfRecord === "erratum" ? ERRATUM_KEYS : NOTE_KEYS;
  for (const key of Object.keys(json)) {
    if (!allowed.includes(key)) {
      throw new RecordFormatError(
        `${at}: unknown key "${key}" for ${
          kindOfRecord === "erratum" ? "an" : "a"
        } ${kindOfRecord} (${allowed.join(", ")})`,
      );
    }
  }
  if (kindOfRecord === "note") {
    if (json.correct !== undefined) text(json, "correct", at);
    return json as unknown as Note;
  }
  if (!KINDS.includes(json.kind as ErratumKind)) {
    throw new RecordFormatError(
      `${at}: kind must be one of ${KINDS.join(", ")}, got ${describe(json.kind)}`,
    );
  }
  if (!SEVERITIES.includes(json.severity as Severity)) {
    throw new RecordFormatError(
      `${at}: severity must be one of ${SEVERITIES.join(", ")}, got ${describe(json.severity)}`,
    );
  }
  text(json, "correct", at);
  text(json, "conclusion", at);
  if (typeof json.conclusionHolds !== "boolean") {
    throw new RecordFormatError(
      `${at}: conclusionHolds must be true or false, got ${describe(json.conclusionHolds)}`,
    );
  }
  if (fixtures.length === 0) {
    throw new RecordFormatError(`${at}: an erratum needs at least one fixture that checks it`);
  }
  if (json.checks !== undefined) {
    const checks = json.checks;
    if (!Array.isArray(checks) || checks.length === 0) {
      throw new RecordFormatError(`${at}: "checks" must be a non-empty list of { field, correct }`);
    }
    for (const check of checks) {
      if (!isRecord(check) || typeof check.field !== "string" || !isDigits(check.correct)) {
        throw new RecordFormatError(
          `${at}: each check must be { field, correct } with correct the digits as printed ` +
            `(a string such as "-8", or nested lists of them), got ${describe(check)}`,
        );
      }
    }
  }
  return json as unknown as Erratum;
}

/**
 * Validates an errata file: a list of records of one document, ids unique.
 *
 * @param json The parsed JSON of `fixtures/errata/s00N.json`.
 * @param where The file name, for messages.
 * @returns The records, in the file's (the document's) order.
 * @throws {RecordFormatError} for a malformed record or a repeated id.
 *
 * @example
 * ```ts
 * import { parseErrata } from "@nnref/nnref/oracle";
 * if (parseErrata([], "s000.json").length !== 0) throw new Error("empty file");
 * ```
 * @category Oracle
 */
export function parseErrata(json: unknown, where = "errata file"): ErrataRecord[] {
  checkJsonValue(json, where);
  if (!Array.isArray(json)) {
    throw new RecordFormatError(
      `${where}: an errata file must be a JSON list of records, got ${describe(json)}`,
    );
  }
  const records = json.map((item, i) => parseErrataRecord(item, `${where}[${i}]`));
  const seen = new Set<string>();
  for (const record of records) {
    if (seen.has(record.id)) throw new RecordFormatError(`${where}: id ${record.id} is used twice`);
    seen.add(record.id);
  }
  return records;
}

/** Whether a record is an erratum (not a note).
 * @category Oracle */
export function isErratum(record: ErrataRecord): record is Erratum {
  return typeof record === "object" && record !== null && record.class === "erratum";
}

/** The printed passages of a record as a list.
 * @category Oracle */
export function passagesOf(record: Pick<ErrataRecord, "printed">): readonly string[] {
  const printed = (record as { printed?: unknown } | null)?.printed;
  if (
    typeof printed !== "string" &&
    !(Array.isArray(printed) && printed.every((passage) => typeof passage === "string"))
  ) {
    throw new InputTypeError(
      `passagesOf takes an errata record (printed: a string or a list of them), got ${
        describe(record)
      }`,
    );
  }
  return typeof record.printed === "string" ? [record.printed] : record.printed;
}
