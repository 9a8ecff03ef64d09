// The terminal view: per document, in section order, one row per worked result under a
// header row, then the document's errata and notes; the appendix (beyond the documents)
// last; then the summary line. --verbose prints every field and every erratum in full,
// never truncated.
import type { ReplayResult } from "../../oracle/replay.ts";
import type { Erratum, Note } from "../../oracle/errata.ts";
import { passagesOf } from "../../oracle/errata.ts";
import type { DocumentSheet, Report } from "./build.ts";

/** "1 erratum", "2 errata", "0 notes". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

const MARK: Record<string, string> = {
  "pass": "ok",
  "fail": "FAIL",
  "error": "ERROR",
  "no-subject": "NONE",
  "bad-subject": "BAD",
  "unknown-id": "????",
};

function short(value: unknown, width: number, verbose: boolean): string {
  const text = typeof value === "string" ? value : JSON.stringify(value, nonFinite) ?? "—";
  const flat = text.replace(/\s+/g, " ");
  return verbose || flat.length <= width ? flat : `${flat.slice(0, width - 1)}…`;
}

/** JSON.stringify replacer writing non-finite numbers as the fixtures do. */
export function nonFinite(_key: string, value: unknown): unknown {
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  return value;
}

function printedColumn(result: ReplayResult): string {
  if (result.printedAgrees === null) return "—";
  return result.printedAgrees ? "agree" : "DISAGREE";
}

function marks(result: ReplayResult): string {
  const ids = [...result.errata.map((e) => e.id), ...(result.notes ?? []).map((n) => n.id)];
  return [ids.join(" "), result.random ? "(seeded stand-in)" : ""].filter(Boolean).join(" ");
}

/** The summary line (also the last line of the Markdown summary). */
export function summaryLine(report: Report): string {
  const s = report.summary;
  return `${s.reproduced} of ${count(s.fixtures, "worked result")} reproduced by lib/ ` +
    `(${count(s.files, "fixture file")}); ${count(s.errata, "erratum", "errata")} and ` +
    `${count(s.notes, "note")} of the documents, checked by ${
      count(s.fixturesWithErrata, "result")
    }; ` +
    `${count(s.standIns, "random run")} of the documents replaced by seeded stand-ins ` +
    `(${s.random} seeded fixtures in all); printed digits agree in ${
      count(s.printedAgree, "result")
    }; ` +
    `claims audit: ${count(s.claims, "claim")} checked, ${s.claimsWrong} wrong; ` +
    `${count(s.specFiles.library, "library spec file")} and ${
      count(s.specFiles.documents, "document-check file")
    }` +
    (s.failed > 0 ? `; ${s.failed} NOT reproduced` : "") +
    (s.loadProblems > 0 ? `; ${count(s.loadProblems, "load problem")}` : "") +
    (s.subjectProblems > 0 ? `; ${count(s.subjectProblems, "malformed subject")}` : "") +
    (s.figures + s.figuresFailed > 0
      ? `; ${count(s.figures, "figure")} rendered` +
        (s.figuresFailed > 0 ? `, ${s.figuresFailed} missing` : "")
      : "");
}

/** The counts line of one document. */
export function documentLine(sheet: DocumentSheet): string {
  const c = sheet.counts, cov = sheet.coverage;
  const severity =
    `${c.bySeverity.high} high, ${c.bySeverity.medium} medium, ${c.bySeverity.low} low`;
  return `${c.reproduced} of ${count(c.results, "worked result")} reproduced; ` +
    `${count(c.errata, "erratum", "errata")} (${severity}), ${count(c.notes, "note")}; ` +
    (cov === null
      ? "no claims audit"
      : `audit: ${
        count(cov.claims, "claim")
      } checked, ${cov.wrong} wrong, ${cov.notes} debatable; ` +
        `${cov.sectionsAudited} of ${count(cov.sections, "section")} audited in full`);
}

function resultRows(results: readonly ReplayResult[], verbose: boolean): string[] {
  if (results.length === 0) return [];
  const idWidth = Math.max(2, ...results.map((r) => r.id.length));
  const secWidth = Math.min(28, Math.max(7, ...results.map((r) => r.section.length + 1)));
  const row = (a: string, b: string, c: string, d: string, e: string) =>
    `  ${a.padEnd(6)} ${b.padEnd(idWidth)}  ${c.padEnd(secWidth)}  ${d.padEnd(8)}  ${e}`.trimEnd();
  const lines = [row("status", "id", "section", "printed", "errata, notes")];
  for (const result of results) {
    lines.push(row(
      MARK[result.status],
      result.id,
      short(`§${result.section}`, secWidth, verbose),
      printedColumn(result),
      marks(result),
    ));
    for (const message of result.messages) lines.push(`         ✗ ${short(message, 160, verbose)}`);
    if (verbose) {
      for (const field of result.fields) {
        lines.push(
          `         ${field.field}: printed ${short(field.printed ?? "—", 30, true)}; ` +
            `computed ${short(field.computed ?? "—", 40, true)}; true ${
              short(field.expected, 40, true)
            }`,
        );
      }
    }
  }
  return lines;
}

function recordLines(record: Erratum | Note, verbose: boolean): string[] {
  const head = record.class === "erratum"
    ? `${record.id}  §${record.section}  ${record.kind}, ${record.severity}` +
      (record.conclusionHolds ? "" : ", conclusion does not hold")
    : `${record.id}  §${record.section}  note`;
  const printed = passagesOf(record).join(" … ");
  if (!verbose) {
    return [
      `  ${head}: ${short(printed, 50, false)} → ${short(record.correct ?? record.why, 70, false)}`,
    ];
  }
  const lines = [`  ${head} (checked by ${record.fixtures.join(", ") || "—"})`];
  lines.push(`      printed: ${printed}`);
  if (record.correct !== undefined) lines.push(`      correct: ${record.correct}`);
  lines.push(`      why: ${record.why}`);
  if (record.class === "erratum") lines.push(`      conclusion: ${record.conclusion}`);
  if (record.decision) lines.push(`      decision: ${record.decision}`);
  return lines;
}

/** The terminal view. */
export function formatText(report: Report, verbose = false): string {
  const lines: string[] = [];
  for (const sheet of report.documents) {
    const results = sheet.sections.flatMap((s) => s.results);
    const errata = sheet.sections.flatMap((s) => [...s.errata, ...s.notes]);
    if (results.length === 0 && errata.length === 0) continue;
    lines.push(
      "",
      `▌ ${sheet.label} — ${sheet.document} — ${sheet.title}`,
      `  ${documentLine(sheet)}`,
    );
    lines.push("", ...resultRows(results, verbose));
    if (errata.length > 0) {
      lines.push("", `  ${sheet.label} errata and notes, in the document's order:`);
      for (const record of errata) lines.push(...recordLines(record, verbose));
    }
  }
  if (report.appendix.length > 0) {
    lines.push("", "▌ Appendix — beyond the documents");
    for (const group of report.appendix) {
      lines.push("", `  ${group.label}`, ...resultRows(group.results, verbose));
    }
  }
  for (const problem of report.loadProblems) {
    lines.push(`  BAD  ${problem.file}: ${problem.message}`);
  }
  for (const problem of report.subjectProblems) {
    lines.push(`  BAD  subject #${problem.index} (${problem.ids.join(", ")}): ${problem.message}`);
  }
  if (report.unclaimed.length > 0) {
    lines.push(`  note: subject ids matching no fixture: ${report.unclaimed.join(", ")}`);
  }
  for (const figure of report.figures.filter((f) => !f.ok)) {
    lines.push(`  figure ${figure.name} not rendered: ${figure.error}`);
  }
  lines.push("", summaryLine(report), report.ok ? "OK" : "FAILED");
  return lines.join("\n");
}
