// Pieces shared by the HTML and Markdown errata sheets: file names, anchors, links to
// fixtures and specs, and values written compactly (a long array shows its ends).
import type { FieldReplay, ReplayResult } from "../../oracle/replay.ts";
import type { Erratum, Note } from "../../oracle/errata.ts";
import { type DocumentSheet, specsNaming } from "./build.ts";
import { nonFinite } from "./text.ts";
import { DOCUMENT_CHECKS } from "../spec_kinds.ts";

/** Where the sheets are, relative to the repository root (links climb back up from there). */
export const ROOT_FROM_SHEETS = "../..";

/** The file of a document's sheet, without extension: s000 … s004, or appendix. */
export const sheetName = (sheet: Pick<DocumentSheet, "key">) => sheet.key;

/** The anchor of a worked result. */
export const resultAnchor = (id: string) => `fx-${id}`;

/** The anchor of a section. */
export const sectionAnchor = (section: string) => `sec-${section.replace(/\s+/g, "_")}`;

/** A value as text: numbers in full, long arrays by their ends and their length. */
export function valueText(value: unknown, limit = 12): string {
  if (value === undefined) return "—";
  const short = (v: unknown): unknown => {
    if (!Array.isArray(v)) return v;
    if (v.length <= limit) return v.map(short);
    return [
      ...v.slice(0, limit / 2).map(short),
      `… ${v.length - limit / 2 - 2} more …`,
      ...v.slice(-2).map(short),
    ];
  };
  const text = JSON.stringify(short(value), nonFinite);
  return text === undefined ? String(value) : text.replace(/"(… \d+ more …)"/g, "$1");
}

/** What a printed field's comparison says. */
export function verdict(field: FieldReplay): string {
  if (field.printed === undefined) return "";
  if (field.erratum !== null) {
    return field.printedOk ? `erratum ${field.erratum.id}` : "erratum FAILS";
  }
  return field.printedOk ? "agrees" : "DISAGREES";
}

/** The fields a sheet shows for a result: printed ones first, then the rest. */
export function shownFields(result: ReplayResult): FieldReplay[] {
  const printed = result.fields.filter((f) => f.printed !== undefined);
  return [...printed, ...result.fields.filter((f) => f.printed === undefined)];
}

/** The specs that name a fixture or record id, library specs and document checks apart. */
export interface SpecLinks {
  /** Library specs (they call the library), repository-relative. */
  readonly library: readonly string[];
  /** Document checks (spec/documents/), repository-relative. */
  readonly documents: readonly string[];
}

/** The specs that name a fixture or record id (paths relative to the repository). */
export function specsFor(ids: readonly string[]): SpecLinks {
  const all = specsNaming(ids);
  return {
    library: all.filter((path) => !path.startsWith(DOCUMENT_CHECKS)),
    documents: all.filter((path) => path.startsWith(DOCUMENT_CHECKS)),
  };
}

/** "specs a, b · document checks c" with each path rendered by `link`; "" when none. */
export function specLinks(specs: SpecLinks, link: (path: string) => string): string {
  return [
    specs.library.length ? `specs ${specs.library.map(link).join(", ")}` : "",
    specs.documents.length ? `document checks ${specs.documents.map(link).join(", ")}` : "",
  ].filter(Boolean).join(" · ");
}

/** The ids that locate a record's checks in specs: its own id and its fixtures'. */
export const recordIds = (record: Erratum | Note) => [record.id, ...record.fixtures];
