// The README's main command (`npm start` → `deno task report`; also `bun tools/report.ts`):
// replays every worked result under fixtures/ against lib/, prints them grouped by
// document, writes the figures to out/figures/, and exits non-zero when any fixture
// fails against lib/ or has no subject.
//
//   --format text|md|json   output format (default text)
//   --ids a,b,prefix.*      replay only these fixture ids
//   --verbose               text: print every field (printed / computed / true)
//   --no-figures            skip the figures
//   --figures-dir DIR       where to write the SVGs (default out/figures)
//
// Deno needs --allow-read, and --allow-write=out for the figures (without it the
// figures are reported as not written and the run goes on).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import process from "node:process";
import { replay, type ReplayResult, type ReplayRun } from "../oracle/replay.ts";
import { summarize } from "../oracle/replay_summary.ts";
import { SUBJECTS } from "../worked/registry.ts";
import type { Subject } from "../oracle/subject.ts";
import { loadFixtures, type LoadProblem } from "./_load_fixtures.ts";
import { buildFigures, type RenderedFigure } from "./figures/index.ts";

/** Options of {@link buildReport}. */
export interface ReportOptions {
  readonly ids?: readonly string[];
  readonly figures?: boolean;
  readonly subjects?: readonly Subject[];
  readonly fixturesDir?: string;
}

/** A document group: its fixtures' results, in the order of the documents. */
export interface DocumentGroup {
  readonly document: string;
  readonly label: string;
  readonly results: readonly ReplayResult[];
}

/** Everything the report prints, in one value (the `--format json` output). */
export interface Report {
  readonly summary: ReturnType<typeof summarize> & {
    /** Seeded stand-ins for random runs that one of the five documents ran unseeded. */
    readonly standIns: number;
    readonly files: number;
    readonly loadProblems: number;
    readonly subjects: number;
    readonly subjectProblems: number;
    readonly figures: number;
    readonly figuresFailed: number;
  };
  readonly ok: boolean;
  readonly documents: readonly DocumentGroup[];
  readonly loadProblems: readonly LoadProblem[];
  readonly subjectProblems: ReplayRun["subjectProblems"];
  readonly unclaimed: readonly string[];
  readonly figures: readonly { name: string; title: string; ok: boolean; error: string }[];
}

const DOCUMENT_LABELS: Record<string, string> = {
  "000": "S0 — book chapter: gradient descent, chain rule, backprop",
  "001": "S1 — 刘俊宏, 神经计算的数学原理",
  "002": "S2 — PKU slides, numpy implementation",
  "003": "S3 — blog: backpropagation principles",
  "004": "S4 — notes after the ai-edu tutorial",
};

/** Sort key: documents 000…004 first, then NIST, iris, numpy, anything else. */
function documentRank(document: string): string {
  if (/^00[0-4]_/.test(document)) return `0${document}`;
  if (document.startsWith("nist-strd/")) return "1";
  if (document === "iris.csv") return "2";
  if (document === "numpy") return "3";
  return `4${document}`;
}

function groupKey(document: string): string {
  return document.startsWith("nist-strd/") ? "nist-strd" : document;
}

function labelOf(key: string): string {
  const prefix = key.slice(0, 3);
  if (/^00[0-4]_/.test(key)) return `${key} (${DOCUMENT_LABELS[prefix]})`;
  if (key === "nist-strd") return "NIST StRD linear least squares (certified values)";
  if (key === "iris.csv") return "Iris data (iris.csv)";
  if (key === "numpy") return "numpy reference runs";
  return key;
}

/** Replays every fixture and (optionally) renders the figures. */
export async function buildReport(
  options: ReportOptions = {},
): Promise<{ report: Report; figures: RenderedFigure[] }> {
  const loaded = loadFixtures(options.fixturesDir ?? "fixtures");
  const subjects = options.subjects ?? SUBJECTS;
  const run = replay(loaded.fixtures.map((item) => item.fixture), subjects, { ids: options.ids });
  const groups = new Map<string, ReplayResult[]>();
  for (const result of run.results) {
    const key = groupKey(result.document || "(unknown id)");
    groups.set(key, [...(groups.get(key) ?? []), result]);
  }
  const documents = [...groups.entries()]
    .sort(([a], [b]) => documentRank(a).localeCompare(documentRank(b)))
    .map(([document, results]) => ({ document, label: labelOf(document), results }));
  const figures = options.figures === false ? [] : await buildFigures();
  const summary = summarize(run.results);
  const files = new Set(loaded.fixtures.map((item) => item.file)).size + loaded.problems.length;
  const report: Report = {
    summary: {
      ...summary,
      standIns: run.results.filter((r) => r.random && /^00[0-4]_/.test(r.document)).length,
      files,
      loadProblems: loaded.problems.length,
      subjects: subjects.length,
      subjectProblems: run.subjectProblems.length,
      figures: figures.filter((figure) => figure.svg !== null).length,
      figuresFailed: figures.filter((figure) => figure.svg === null).length,
    },
    ok: summary.failed === 0 && loaded.problems.length === 0 && run.subjectProblems.length === 0,
    documents,
    loadProblems: loaded.problems,
    subjectProblems: run.subjectProblems,
    unclaimed: run.unclaimed,
    figures: figures.map(({ name, title, svg, error }) => ({
      name,
      title,
      ok: svg !== null,
      error,
    })),
  };
  return { report, figures };
}

const MARK: Record<string, string> = {
  "pass": "ok  ",
  "fail": "FAIL",
  "error": "ERR ",
  "no-subject": "NONE",
  "bad-subject": "BAD ",
  "unknown-id": "????",
};

function short(value: unknown, width = 60): string {
  const text = typeof value === "string" ? value : JSON.stringify(value, nonFinite) ?? "—";
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

function nonFinite(_key: string, value: unknown): unknown {
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  return value;
}

function printedColumn(result: ReplayResult): string {
  if (result.printedAgrees === null) return "—";
  return result.printedAgrees ? "agree" : "DISAGREE";
}

function notes(result: ReplayResult): string {
  const parts = [];
  if (result.errata.length > 0) parts.push(`${result.errata.length} errata`);
  if (result.random) parts.push("seeded");
  return parts.join(", ");
}

function summaryLine(report: Report): string {
  const s = report.summary;
  return `${s.reproduced} of ${s.fixtures} worked results reproduced by lib/ ` +
    `(${s.files} fixture files); ${s.errata} errata in ${s.fixturesWithErrata} results; ` +
    `${s.standIns} random runs of the documents replaced by seeded stand-ins ` +
    `(${s.random} seeded fixtures in all); printed digits agree in ${s.printedAgree}` +
    (s.failed > 0 ? `; ${s.failed} NOT reproduced` : "") +
    (s.loadProblems > 0 ? `; ${s.loadProblems} unreadable fixture files` : "") +
    (s.subjectProblems > 0 ? `; ${s.subjectProblems} malformed subjects` : "") +
    (s.figures + s.figuresFailed > 0
      ? `; figures ${s.figures} rendered` +
        (s.figuresFailed > 0 ? `, ${s.figuresFailed} missing` : "")
      : "");
}

/** The terminal table. */
export function formatText(report: Report, verbose = false): string {
  const lines: string[] = [];
  for (const group of report.documents) {
    lines.push("", `▌ ${group.label}`);
    const idWidth = Math.min(40, Math.max(...group.results.map((r) => r.id.length)));
    for (const result of group.results) {
      const section = result.section ? `§${result.section}` : "";
      lines.push(
        `  ${MARK[result.status]} ${result.id.padEnd(idWidth)}  ${short(section, 22).padEnd(22)} ` +
          `${printedColumn(result).padEnd(8)} ${notes(result)}`,
      );
      for (const message of result.messages) lines.push(`       ✗ ${short(message, 160)}`);
      for (const erratum of result.errata) {
        lines.push(
          `       erratum${erratum.field ? ` ${erratum.field}` : ""}: printed ${
            short(erratum.printed, 40)
          } → ${short(erratum.correct, 40)} (${short(erratum.why, 90)})`,
        );
      }
      if (verbose) {
        for (const field of result.fields) {
          lines.push(
            `       ${field.field}: printed ${short(field.printed ?? "—", 30)}  computed ${
              short(field.computed ?? "—", 40)
            }  true ${short(field.expected, 40)}`,
          );
        }
      }
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

function mdCell(value: unknown): string {
  return short(value, 120).replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/** Markdown: a table per document and a list of every erratum. */
export function formatMarkdown(report: Report): string {
  const lines: string[] = [
    "# nnref: worked results replayed against lib/",
    "",
    summaryLine(report),
  ];
  for (const group of report.documents) {
    lines.push(
      "",
      `## ${group.label}`,
      "",
      "| id | § | status | printed digits | errata | seeded |",
    );
    lines.push("| --- | --- | --- | --- | ---: | --- |");
    for (const result of group.results) {
      lines.push(
        `| \`${result.id}\` | ${mdCell(result.section)} | ${result.status} | ${
          printedColumn(result)
        } | ${result.errata.length || ""} | ${result.random ? "yes" : ""} |`,
      );
    }
  }
  const errata = report.documents.flatMap((group) =>
    group.results.flatMap((result) => result.errata.map((erratum) => ({ result, erratum })))
  );
  if (errata.length > 0) {
    lines.push("", "## Errata", "", "| id | field | printed | correct | why |");
    lines.push("| --- | --- | --- | --- | --- |");
    for (const { result, erratum } of errata) {
      lines.push(
        `| \`${result.id}\` | ${erratum.field ?? ""} | ${mdCell(erratum.printed)} | ${
          mdCell(erratum.correct)
        } | ${mdCell(erratum.why)} |`,
      );
    }
  }
  const failed = report.documents.flatMap((group) => group.results.filter((r) => !r.ok));
  if (failed.length > 0 || report.loadProblems.length > 0) {
    lines.push("", "## Not reproduced", "");
    for (const result of failed) lines.push(`- \`${result.id}\`: ${result.messages.join("; ")}`);
    for (const problem of report.loadProblems) lines.push(`- ${problem.file}: ${problem.message}`);
  }
  return lines.join("\n");
}

/** JSON with non-finite numbers written as "NaN"/"Infinity" strings, as fixtures do. */
export function formatJson(report: Report): string {
  return JSON.stringify(report, nonFinite, 2);
}

function parseArgs(argv: readonly string[]) {
  const options = {
    format: "text",
    ids: undefined as string[] | undefined,
    verbose: false,
    figures: true,
    figuresDir: join("out", "figures"),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new RangeError(`${arg} needs a value`);
      return next;
    };
    if (arg === "--format") options.format = value();
    else if (arg.startsWith("--format=")) options.format = arg.slice(9);
    else if (arg === "--ids") options.ids = value().split(",").filter(Boolean);
    else if (arg === "--verbose" || arg === "-v") options.verbose = true;
    else if (arg === "--no-figures") options.figures = false;
    else if (arg === "--figures-dir") options.figuresDir = value();
    else {throw new RangeError(
        `Unknown option ${arg} (--format text|md|json, --ids, --verbose, --no-figures, --figures-dir)`,
      );}
  }
  if (!["text", "md", "json"].includes(options.format)) {
    throw new RangeError(`--format must be text, md or json, got "${options.format}"`);
  }
  return options;
}

/** Writes the rendered figures; returns a message per figure that could not be written. */
function writeFigures(figures: readonly RenderedFigure[], dir: string): string[] {
  const problems: string[] = [];
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    return [`cannot create ${dir}: ${(error as Error).message} (Deno needs --allow-write=out)`];
  }
  for (const figure of figures) {
    if (figure.svg === null) continue;
    try {
      writeFileSync(join(dir, `${figure.name}.svg`), figure.svg);
    } catch (error) {
      problems.push(`cannot write ${figure.name}.svg: ${(error as Error).message}`);
    }
  }
  return problems;
}

async function main(): Promise<number> {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const { report, figures } = await buildReport({ ids: options.ids, figures: options.figures });
  const written = options.figures ? writeFigures(figures, options.figuresDir) : [];
  if (options.format === "json") console.log(formatJson(report));
  else if (options.format === "md") console.log(formatMarkdown(report));
  else console.log(formatText(report, options.verbose));
  for (const problem of written) console.error(`figures: ${problem}`);
  if (options.figures && written.length === 0 && options.format === "text") {
    console.log(`figures written to ${options.figuresDir}/`);
  }
  return report.ok ? 0 : 1;
}

if (import.meta.main) process.exitCode = await main();
