/**
 * The claims audit: every sentence of a document that states a checkable fact (a number,
 * a formula, a derivation step, a claim about convergence, invertibility, positivity, a
 * range, what code prints), recorded in `fixtures/claims/s00N.json` (schema:
 * `fixtures/claims.schema.json`) as
 *
 * - `verified`, with the fixtures or specs that check it (`checkedBy`);
 * - `erratum`, with the erratum record's id;
 * - `note`, with the note's id (a debatable point or caveat).
 *
 * The file also lists the document's sections in order, each marked `audited` when every
 * checkable sentence in it has a claim record, so the coverage of the audit is measurable:
 * {@link claimCoverage}.
 *
 * @module
 */

import { describe, isRecord } from "./_tree.ts";
import { InputTypeError } from "../lib/errors.ts";
import { checkJsonValue } from "./_fixture_schema.ts";

/** Throws unless `file` is a parsed claims file (what parseClaims returns). */
function requireClaimsFile(file: unknown): void {
  const f = file as Partial<ClaimsFile> | null;
  if (
    typeof file !== "object" || file === null || typeof f?.document !== "string" ||
    !Array.isArray(f.claims) || !Array.isArray(f.sections)
  ) {
    throw new InputTypeError(
      `file must be a parsed claims file (from parseClaims), got ${describe(file)}`,
    );
  }
}
import {
  documentNumber,
  type ErrataRecord,
  isErratum,
  RecordFormatError,
  RecordReferenceError,
} from "./errata.ts";

/** How a claim came out.
 * @category Oracle */
export type ClaimStatus = "verified" | "erratum" | "note";

/** One checkable sentence of a document.
 * @category Oracle */
export interface Claim {
  /** `S<document>-C<nnn>`, stable. */
  readonly id: string;
  /** The section, as in the file's `sections`. */
  readonly section: string;
  /** The sentence, verbatim (or several passages). */
  readonly quote: string | readonly string[];
  /** What it claims, in plain words. */
  readonly claim: string;
  /** How it came out. */
  readonly status: ClaimStatus;
  /** For `verified`: fixture ids, or spec paths (`spec/….ts`) whose text names the claim id. */
  readonly checkedBy?: readonly string[];
  /** For `erratum`: the erratum record's id. */
  readonly erratum?: string;
  /** For `note` (or a verified claim with a caveat): the note's id. */
  readonly note?: string;
  /** How it was checked, where the fixture or spec alone does not say. */
  readonly comment?: string;
}

/** A section of the document, in order, and whether the audit covered all of it.
 * @category Oracle */
export interface AuditedSection {
  /** The section number or heading, as errata and claims name it. */
  readonly section: string;
  /** Its title in the document. */
  readonly title: string;
  /** Whether every checkable sentence of the section has a claim record. */
  readonly audited: boolean;
  /** What is left out, or how the section was read. */
  readonly comment?: string;
}

/** The audit of one document.
 * @category Oracle */
export interface ClaimsFile {
  /** The document's file name. */
  readonly document: string;
  /** Every section, in the document's order. */
  readonly sections: readonly AuditedSection[];
  /** The claims, in the document's order. */
  readonly claims: readonly Claim[];
}

/** The audit's reach over one document.
 * @category Oracle */
export interface ClaimCoverage {
  /** The document's file name. */
  readonly document: string;
  /** Claims recorded. */
  readonly claims: number;
  /** Claims checked and right. */
  readonly verified: number;
  /** Claims found wrong (status `erratum`). */
  readonly wrong: number;
  /** Claims recorded as debatable or with a caveat (status `note`). */
  readonly notes: number;
  /** Sections audited in full, and the document's sections. */
  readonly sectionsAudited: number;
  /** The document's sections. */
  readonly sections: number;
  /** The sections not (fully) audited, by name. */
  readonly unaudited: readonly string[];
}

const FIXTURE_ID = /^[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)*$/;
const SPEC_PATH = /^spec\/[A-Za-z0-9_/.-]+_test\.ts$/;
const STATUSES: readonly ClaimStatus[] = ["verified", "erratum", "note"];
const CLAIM_KEYS = ["id", "section", "quote", "claim", "status", "checkedBy", "erratum", "note"]
  .concat("comment");

function text(record: Record<string, unknown>, key: string, at: string): string {
  const value = record[key];
  if (typeof value !== "string" || value.length === 0) {
    throw new RecordFormatError(
      `${at}: "${key}" must be a non-empty string, got ${describe(value)}`,
    );
  }
  return value;
}

function parseClaim(json: unknown, where: string, doc: number, sections: Set<string>): Claim {
  if (!isRecord(json)) throw new RecordFormatError(`${where}: a claim must be an object`);
  const id = text(json, "id", where);
  const at = `${where} (${id})`;
  const match = /^S([0-4])-C[0-9]{3,}$/.exec(id);
  if (match === null || Number(match[1]) !== doc) {
    throw new RecordFormatError(`${at}: id must be S${doc}-C<nnn>, such as "S${doc}-C001"`);
  }
  for (const key of Object.keys(json)) {
    if (!CLAIM_KEYS.includes(key)) {
      throw new RecordFormatError(`${at}: unknown key "${key}" (${CLAIM_KEYS.join(", ")})`);
    }
  }
  const section = text(json, "section", at);
  if (!sections.has(section)) {
    throw new RecordFormatError(`${at}: section "${section}" is not in the file's sections`);
  }
  const passages = Array.isArray(json.quote) ? json.quote : [json.quote];
  if (passages.length === 0 || !passages.every((p) => typeof p === "string" && p.length > 0)) {
    throw new RecordFormatError(
      `${at}: "quote" must be the verbatim sentence, or a list of passages`,
    );
  }
  text(json, "claim", at);
  const status = json.status as ClaimStatus;
  if (!STATUSES.includes(status)) {
    throw new RecordFormatError(
      `${at}: status must be one of ${STATUSES.join(", ")}, got ${describe(json.status)}`,
    );
  }
  if (status === "verified") {
    const by = json.checkedBy;
    if (
      !Array.isArray(by) || by.length === 0 ||
      !by.every((b) => typeof b === "string" && (FIXTURE_ID.test(b) || SPEC_PATH.test(b)))
    ) {
      throw new RecordFormatError(
        `${at}: a verified claim needs "checkedBy": fixture ids or spec paths (spec/…_test.ts), got ${
          describe(by)
        }`,
      );
    }
  } else if (json.checkedBy !== undefined) {
    throw new RecordFormatError(`${at}: only a verified claim has "checkedBy"`);
  }
  if (status === "erratum" && !/^S[0-4]-E[0-9]{2,}$/.test(String(json.erratum))) {
    throw new RecordFormatError(
      `${at}: a claim found wrong needs "erratum": the record's id, such as "S1-E09"`,
    );
  }
  if (status !== "erratum" && json.erratum !== undefined) {
    throw new RecordFormatError(`${at}: only a claim with status "erratum" names an erratum`);
  }
  if (status === "note" && json.note === undefined) {
    throw new RecordFormatError(`${at}: a claim with status "note" needs "note": the note's id`);
  }
  if (json.note !== undefined && !/^S[0-4]-N[0-9]{2,}$/.test(String(json.note))) {
    throw new RecordFormatError(
      `${at}: "note" must be a note id such as "S1-N01", got ${describe(json.note)}`,
    );
  }
  if (json.comment !== undefined) text(json, "comment", at);
  return json as unknown as Claim;
}

/**
 * Validates a claims file.
 *
 * @param json The parsed JSON of `fixtures/claims/s00N.json`.
 * @param where The file name, for messages.
 * @returns The audit, typed.
 * @throws {RecordFormatError} naming the claim, the field, what it got and what was expected.
 * @throws {InputTypeError} for what no JSON file holds (nesting deeper than 64 levels, a
 *   cycle, the keys `__proto__`, `constructor`, `prototype`); {NonFiniteError} for NaN or ±∞.
 *
 * @example
 * ```ts
 * import { claimCoverage, parseClaims } from "@nnref/nnref/oracle";
 * const audit = parseClaims({
 *   document: "004_b1c8051590175ba2.txt",
 *   sections: [{ section: "梯度下降", title: "梯度下降", audited: true }],
 *   claims: [{
 *     id: "S4-C001", section: "梯度下降", quote: "J'(x) = 2x", claim: "(x²)′ = 2x",
 *     status: "verified", checkedBy: ["s004.gd_x2"],
 *   }],
 * });
 * if (claimCoverage(audit).verified !== 1) throw new Error("one verified claim");
 * ```
 * @category Oracle
 */
export function parseClaims(json: unknown, where = "claims file"): ClaimsFile {
  checkJsonValue(json, where); // depth, cycles, __proto__/constructor/prototype, NaN
  if (!isRecord(json)) throw new RecordFormatError(`${where}: a claims file must be an object`);
  const document = text(json, "document", where);
  const doc = documentNumber(document);
  if (doc < 0) {
    throw new RecordFormatError(`${where}: "${document}" is not one of the five documents`);
  }
  for (const key of Object.keys(json)) {
    if (!["document", "sections", "claims"].includes(key)) {
      throw new RecordFormatError(`${where}: unknown key "${key}" (document, sections, claims)`);
    }
  }
  if (!Array.isArray(json.sections) || json.sections.length === 0) {
    throw new RecordFormatError(`${where}: "sections" must list the document's sections in order`);
  }
  const names = new Set<string>();
  for (const [i, section] of json.sections.entries()) {
    const at = `${where} sections[${i}]`;
    if (!isRecord(section)) throw new RecordFormatError(`${at}: a section must be an object`);
    const name = text(section, "section", at);
    text(section, "title", at);
    if (typeof section.audited !== "boolean") {
      throw new RecordFormatError(`${at} (${name}): "audited" must be true or false`);
    }
    if (section.comment !== undefined) text(section, "comment", at);
    if (names.has(name)) throw new RecordFormatError(`${at}: section "${name}" is listed twice`);
    names.add(name);
  }
  if (!Array.isArray(json.claims)) throw new RecordFormatError(`${where}: "claims" must be a list`);
  const claims = json.claims.map((claim, i) =>
    parseClaim(claim, `${where} claims[${i}]`, doc, names)
  );
  const ids = new Set<string>();
  for (const claim of claims) {
    if (ids.has(claim.id)) {
      throw new RecordFormatError(`${where}: claim id ${claim.id} is used twice`);
    }
    ids.add(claim.id);
  }
  return { document, sections: json.sections as AuditedSection[], claims };
}

/** What {@link claimProblems} checks a claims file against.
 * @category Oracle */
export interface ClaimContext {
  /** Every fixture id there is. */
  readonly fixtureIds: ReadonlySet<string>;
  /** Every errata record (all documents). */
  readonly records: readonly ErrataRecord[];
  /** The text of a spec file, or `null` when there is none (the oracle reads no files). */
  readonly specText?: (path: string) => string | null;
}

/**
 * Every reference of a claims file that does not resolve, and every erratum or note of an
 * audited section that no claim records.
 *
 * @param file A parsed claims file.
 * @param context The fixtures, the records and a way to read specs.
 * @returns One {@link RecordReferenceError} per problem.
 * @throws {InputTypeError} if file or context has the wrong type.
 *
 * @example A verified claim checked by a fixture that does not exist
 * ```ts
 * import { claimProblems, parseClaims } from "@nnref/nnref/oracle";
 * const audit = parseClaims({
 *   document: "004_b1c8051590175ba2.txt",
 *   sections: [{ section: "梯度下降", title: "梯度下降", audited: true }],
 *   claims: [{
 *     id: "S4-C001", section: "梯度下降", quote: "J'(x) = 2x", claim: "(x²)′ = 2x",
 *     status: "verified", checkedBy: ["s004.nothing"],
 *   }],
 * });
 * const problems = claimProblems(audit, { fixtureIds: new Set(), records: [] });
 * if (!problems[0]?.message.includes("s004.nothing")) throw new Error("reported");
 * ```
 * @category Oracle
 */
export function claimProblems(file: ClaimsFile, context: ClaimContext): RecordReferenceError[] {
  requireClaimsFile(file);
  const c = context as Partial<ClaimContext> | null;
  if (
    typeof context !== "object" || context === null || typeof c?.fixtureIds?.has !== "function" ||
    !Array.isArray(c.records) ||
    (c.specText !== undefined && typeof c.specText !== "function")
  ) {
    throw new InputTypeError(
      `context must be { fixtureIds: Set, records: list, specText? }, got ${describe(context)}`,
    );
  }
  const problems: RecordReferenceError[] = [];
  const byId = new Map(context.records.map((record) => [record.id, record]));
  const referenced = new Set<string>();
  for (const claim of file.claims) {
    for (const by of claim.checkedBy ?? []) {
      if (by.startsWith("spec/")) {
        const source = context.specText?.(by);
        if (source === undefined) continue;
        if (source === null) {
          problems.push(new RecordReferenceError(`${claim.id}: ${by} does not exist`));
        } else if (!source.includes(claim.id)) {
          problems.push(new RecordReferenceError(`${claim.id}: ${by} never names ${claim.id}`));
        }
      } else if (!context.fixtureIds.has(by)) {
        problems.push(new RecordReferenceError(`${claim.id}: fixture ${by} does not exist`));
      }
    }
    for (const [id, wanted] of [[claim.erratum, "erratum"], [claim.note, "note"]] as const) {
      if (id === undefined) continue;
      referenced.add(id);
      const record = byId.get(id);
      if (record === undefined) {
        problems.push(new RecordReferenceError(`${claim.id}: ${wanted} ${id} has no record`));
      } else if (
        (wanted === "erratum") !== isErratum(record) || record.document !== file.document
      ) {
        problems.push(
          new RecordReferenceError(
            `${claim.id}: ${id} is not a${
              wanted === "erratum" ? "n erratum" : " note"
            } of ${file.document}`,
          ),
        );
      }
    }
  }
  const audited = new Set(file.sections.filter((s) => s.audited).map((s) => s.section));
  const known = new Set(file.sections.map((s) => s.section));
  for (const record of context.records) {
    if (record.document !== file.document) continue;
    if (!known.has(record.section)) {
      problems.push(
        new RecordReferenceError(
          `${record.id}: section "${record.section}" is not in the audit's sections`,
        ),
      );
    } else if (audited.has(record.section) && !referenced.has(record.id)) {
      problems.push(
        new RecordReferenceError(
          `${record.id} is in audited section ${record.section}, but no claim records it`,
        ),
      );
    }
  }
  return problems;
}

/**
 * How far the audit of one document reaches: claims checked, right, wrong, debatable, and
 * the sections covered in full.
 *
 * @param file A parsed claims file.
 * @returns The counts.
 * @throws {InputTypeError} if file is not a parsed claims file.
 *
 * @example
 * ```ts
 * import { claimCoverage } from "@nnref/nnref/oracle";
 * const coverage = claimCoverage({
 *   document: "004_b1c8051590175ba2.txt",
 *   sections: [{ section: "a", title: "a", audited: true }, { section: "b", title: "b", audited: false }],
 *   claims: [],
 * });
 * if (coverage.sectionsAudited !== 1 || coverage.unaudited[0] !== "b") throw new Error("1 of 2");
 * ```
 * @category Oracle
 */
export function claimCoverage(file: ClaimsFile): ClaimCoverage {
  requireClaimsFile(file);
  const count = (status: ClaimStatus) => file.claims.filter((c) => c.status === status).length;
  return {
    document: file.document,
    claims: file.claims.length,
    verified: count("verified"),
    wrong: count("erratum"),
    notes: count("note"),
    sectionsAudited: file.sections.filter((s) => s.audited).length,
    sections: file.sections.length,
    unaudited: file.sections.filter((s) => !s.audited).map((s) => s.section),
  };
}
