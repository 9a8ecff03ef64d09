// The Markdown errata sheets (for reading on a forge): the same content as the HTML pages,
// formulas as $…$ and $$…$$. `formatMarkdown` joins every document's sheet and the
// appendix into one text (`--format md`); the sheets are written one file per document.
import type { ReplayResult } from "../../oracle/replay.ts";
import { type Erratum, type Note, passagesOf } from "../../oracle/errata.ts";
import type { Claim } from "../../oracle/claims.ts";
import type { AppendixGroup, DocumentSheet, Report, SheetSection } from "./build.ts";
import { markdownText } from "./math.ts";
import { count, documentLine, summaryLine } from "./text.ts";
import {
  recordIds,
  resultAnchor,
  sheetName,
  shownFields,
  specLinks,
  specsFor,
  valueText,
  verdict,
} from "./sheet_parts.ts";

/** How links reach the repository from where the Markdown is read ("../.." from out/report). */
interface Links {
  readonly root: string;
  /** Whether figures sit in ./figures beside the Markdown. */
  readonly figures: boolean;
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");
const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;

function fileLink(path: string, links: Links): string {
  return `[${path}](${links.root ? `${links.root}/` : ""}${path})`;
}

function resultMarkdown(result: ReplayResult, report: Report, links: Links): string[] {
  const file = report.fixtureFiles[result.id];
  const specs = specsFor([result.id]);
  const lines = [
    `<a id="${resultAnchor(result.id)}"></a>`,
    `#### ${result.title} — ${result.ok ? "reproduced" : `**${result.status}**`}${
      result.random ? " (seeded stand-in)" : ""
    }`,
    "",
    `${code(result.id)} · §${result.section}${file ? ` · fixture ${fileLink(file, links)}` : ""}${
      specLinks(specs, (s) => fileLink(s, links)).replace(/^(?=.)/, " · ")
    }${
      result.errata.length + (result.notes?.length ?? 0)
        ? ` · ${
          [...result.errata, ...(result.notes ?? [])].map((r) => `[${r.id}](#${r.id})`).join(" ")
        }`
        : ""
    }`,
    "",
  ];
  for (const message of result.messages) lines.push(`> ${message}`, "");
  lines.push("| field | printed | true value | printed vs true |", "| --- | --- | --- | --- |");
  for (const field of shownFields(result)) {
    lines.push(
      `| ${cell(field.field)} | ${
        field.printed === undefined ? "" : code(valueText(field.printed))
      } | ${code(valueText(field.expected))} | ${cell(verdict(field))}${
        field.valueOk === false ? " · **lib/ differs**" : ""
      } |`,
    );
  }
  lines.push("");
  return lines;
}

function recordMarkdown(record: Erratum | Note, report: Report, links: Links): string[] {
  const isErratum = record.class === "erratum";
  const head = isErratum
    ? `${record.kind} · ${record.severity} · conclusion ${
      record.conclusionHolds ? "holds" : "does not hold"
    }`
    : "note (not counted as an erratum)";
  const lines = [
    `<a id="${record.id}"></a>`,
    "",
    `#### ${record.id} · §${record.section} · ${head}`,
    "",
  ];
  lines.push("**Printed:**", "");
  for (const passage of passagesOf(record)) {
    lines.push(`> ${markdownText(passage, true).replace(/\n/g, "\n> ")}`, "");
  }
  if (record.correct !== undefined) lines.push(`**Correct:** ${markdownText(record.correct)}`, "");
  lines.push(`**${isErratum ? "Why" : "Caveat"}:** ${markdownText(record.why)}`, "");
  if (isErratum) lines.push(`**Conclusion:** ${markdownText(record.conclusion)}`, "");
  if (record.decision) lines.push(`**Decision:** ${markdownText(record.decision)}`, "");
  const fixtures = record.fixtures.map((id) => {
    const file = report.fixtureFiles[id];
    return `${code(id)}${file ? ` (${fileLink(file, links)})` : ""}`;
  });
  const specs = specsFor(recordIds(record));
  lines.push(
    `Checked by ${fixtures.join(", ") || "—"}${
      specLinks(specs, (s) => fileLink(s, links)).replace(/^(?=.)/, "; ")
    }.`,
    "",
  );
  return lines;
}

function claimsMarkdown(claims: readonly Claim[]): string[] {
  if (claims.length === 0) return [];
  const lines = [
    "**Claims audit**",
    "",
    "| claim | what it says | status | checked by |",
    "| --- | --- | --- | --- |",
  ];
  for (const c of claims) {
    const status = c.status === "verified"
      ? "✓ verified"
      : c.status === "erratum"
      ? "✗ wrong"
      : "≈ note";
    const by = c.status === "verified"
      ? (c.checkedBy ?? []).map((b) => code(b)).join(", ")
      : `[${c.erratum ?? c.note}](#${c.erratum ?? c.note})`;
    lines.push(`| ${c.id} | ${cell(markdownText(c.claim))} | ${status} | ${by} |`);
  }
  lines.push("");
  return lines;
}

function sectionMarkdown(section: SheetSection, report: Report, links: Links): string[] {
  const state = section.audited === null
    ? ""
    : section.audited
    ? " (audited)"
    : " (not audited yet)";
  const title = section.title === section.section ? "" : ` ${section.title}`;
  const lines = [`### §${section.section}${title}${state}`, ""];
  if (section.comment) lines.push(`_${section.comment}_`, "");
  if (links.figures) {
    for (const name of section.figures) {
      const title = report.figures.find((f) => f.name === name)?.title ?? name;
      lines.push(`![${title}](figures/${name}.svg)`, "");
    }
  }
  for (const result of section.results) lines.push(...resultMarkdown(result, report, links));
  for (const record of [...section.errata, ...section.notes]) {
    lines.push(...recordMarkdown(record, report, links));
  }
  lines.push(...claimsMarkdown(section.claims));
  return lines;
}

/** One document's sheet. */
export function documentMarkdown(sheet: DocumentSheet, report: Report, links: Links): string {
  return [
    `## ${sheet.label} — ${sheet.title}`,
    "",
    `${code(sheet.document)} · ${documentLine(sheet)}`,
    "",
    ...sheet.sections.flatMap((s) => sectionMarkdown(s, report, links)),
  ].join("\n");
}

function appendixMarkdown(groups: readonly AppendixGroup[], report: Report, links: Links): string {
  const lines = ["## Appendix — beyond the documents", ""];
  for (const group of groups) {
    lines.push(
      `### ${group.label}`,
      "",
      `${group.results.filter((r) => r.ok).length} of ${
        count(group.results.length, "result")
      } reproduced.`,
      "",
    );
    lines.push("| id | status | fields | fixture |", "| --- | --- | --- | --- |");
    for (const r of group.results) {
      const file = report.fixtureFiles[r.id];
      lines.push(
        `| ${code(r.id)} | ${r.ok ? "reproduced" : `**${r.status}**`} | ${
          r.fields.map((f) => f.field).join(", ")
        } | ${file ? fileLink(file, links) : ""} |`,
      );
    }
    lines.push("");
  }
  return lines.join("\n");
}

/** Everything in one Markdown text (`--format md`); links relative to the repository root. */
export function formatMarkdown(report: Report): string {
  const links = { root: "", figures: false };
  return [
    "# nnref: worked results replayed against lib/, with the documents' errata",
    "",
    summaryLine(report),
    "",
    ...report.documents.filter((d) =>
      d.sections.some((s) => s.results.length + s.errata.length > 0)
    )
      .map((d) => documentMarkdown(d, report, links)),
    appendixMarkdown(report.appendix, report, links),
    ...report.loadProblems.map((p) => `- **load problem** ${p.file}: ${p.message}`),
  ].join("\n");
}

/** The Markdown files of the sheets: name → text (read from out/report/). */
export function markdownSheets(report: Report): Record<string, string> {
  const links = { root: "../..", figures: true };
  const files: Record<string, string> = {};
  for (const sheet of report.documents) {
    files[`${sheetName(sheet)}.md`] = `# nnref errata sheet\n\n${
      documentMarkdown(sheet, report, links)
    }\n`;
  }
  files["appendix.md"] = `# nnref errata sheets\n\n${
    appendixMarkdown(report.appendix, report, links)
  }\n`;
  const rows = report.documents.map((d) =>
    `| [${d.label}](${sheetName(d)}.md) | ${d.title} | ${documentLine(d)} |`
  );
  files["index.md"] = [
    "# nnref errata sheets",
    "",
    summaryLine(report),
    "",
    "| document | title | results, errata, audit |",
    "| --- | --- | --- |",
    ...rows,
    "",
    "[Appendix](appendix.md): results beyond the documents.",
    "",
  ].join("\n");
  return files;
}
