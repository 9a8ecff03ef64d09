// The JSON output: the whole report (every field of every result, in section order), or
// with `summary` only the counts, the coverage of the audit and the errata index (a few
// kB instead of MBs: the RandomState fixtures alone hold 0.8 MB of draws).
import { isErratum } from "../../oracle/errata.ts";
import type { Report } from "./build.ts";
import { nonFinite } from "./text.ts";

/** The summary-only form of the report. */
export function summaryOf(report: Report) {
  return {
    summary: report.summary,
    ok: report.ok,
    documents: report.documents.map((sheet) => {
      const records = sheet.sections.flatMap((s) => [...s.errata, ...s.notes]);
      return {
        label: sheet.label,
        document: sheet.document,
        title: sheet.title,
        counts: sheet.counts,
        coverage: sheet.coverage,
        sections: sheet.sections.map((s) => s.section),
        errata: records.filter(isErratum).map((e) => ({
          id: e.id,
          section: e.section,
          kind: e.kind,
          severity: e.severity,
          conclusionHolds: e.conclusionHolds,
          fixtures: e.fixtures,
        })),
        notes: records.filter((r) => !isErratum(r)).map((n) => ({ id: n.id, section: n.section })),
        notReproduced: sheet.sections.flatMap((s) =>
          s.results.filter((r) => !r.ok).map((r) => r.id)
        ),
      };
    }),
    appendix: report.appendix.map((group) => ({
      key: group.key,
      label: group.label,
      results: group.results.length,
      notReproduced: group.results.filter((r) => !r.ok).map((r) => r.id),
    })),
    loadProblems: report.loadProblems,
    subjectProblems: report.subjectProblems,
    unclaimed: report.unclaimed,
    figures: report.figures,
  };
}

/** JSON with non-finite numbers written as "NaN"/"Infinity" strings, as fixtures do. */
export function formatJson(report: Report, options: { summary?: boolean } = {}): string {
  return JSON.stringify(options.summary ? summaryOf(report) : report, nonFinite, 2);
}
