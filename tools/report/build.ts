// Builds the report's model: every fixture replayed against lib/, grouped by document and
// sorted into the document's section order (the order of the sections in
// fixtures/claims/s00N.json; inside a section, the worked/ subjects' order), with each
// document's errata, notes, audited claims and figures; RandomState, NIST, matmul, Iris
// and other fixtures beyond the five documents go to an appendix.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { replay, type ReplayResult, type ReplayRun } from "../../oracle/replay.ts";
import { specFileKinds } from "../spec_kinds.ts";
import { summarize } from "../../oracle/replay_summary.ts";
import { claims as subjectClaims, type Subject } from "../../oracle/subject.ts";
import { type ErrataRecord, type Erratum, isErratum, type Note } from "../../oracle/errata.ts";
import { type Claim, type ClaimCoverage, claimCoverage } from "../../oracle/claims.ts";
import { SUBJECTS } from "../../worked/registry.ts";
import { loadFixtures, type LoadProblem } from "../_load_fixtures.ts";
import { buildFigures, type RenderedFigure } from "../figures/index.ts";

/** The five documents, in order. */
export const DOCUMENTS = [
  {
    key: "s000",
    label: "S0",
    document: "000_96bf12324396e51d.txt",
    title: "Book chapter: the gradient-descent program, the chain rule, backpropagation",
  },
  {
    key: "s001",
    label: "S1",
    document: "001_85ee514aa7c85552.txt",
    title: "刘俊宏《神经计算的数学原理》",
  },
  {
    key: "s002",
    label: "S2",
    document: "002_9788d94b14244768.txt",
    title: "PKU slides: neural networks in numpy (胡俊峰)",
  },
  {
    key: "s003",
    label: "S3",
    document: "003_c3d0e1fd3f80ea19.txt",
    title: "Blog: the principles of backpropagation",
  },
  {
    key: "s004",
    label: "S4",
    document: "004_b1c8051590175ba2.txt",
    title: "Notes after the ai-edu tutorial, chapters 2–3",
  },
] as const;

/** A section of a document with everything the report places in it, in order. */
export interface SheetSection {
  /** The section's number or heading (as the errata name it). */
  readonly section: string;
  /** Its title in the document. */
  readonly title: string;
  /** Whether the claims audit covered it in full (false when not, null for "other"). */
  readonly audited: boolean | null;
  /** Why it is or is not audited, where the audit says. */
  readonly comment?: string;
  /** The worked results, in the subjects' order. */
  readonly results: readonly ReplayResult[];
  /** The errata of the section, in the document's order. */
  readonly errata: readonly Erratum[];
  /** The notes (caveats) of the section. */
  readonly notes: readonly Note[];
  /** The audited claims of the section. */
  readonly claims: readonly Claim[];
  /** Names of the figures that illustrate the section. */
  readonly figures: readonly string[];
}

/** Counts of one document. */
export interface SheetCounts {
  readonly results: number;
  readonly reproduced: number;
  readonly errata: number;
  readonly notes: number;
  readonly bySeverity: Readonly<Record<"low" | "medium" | "high", number>>;
  readonly conclusionWrong: number;
}

/** One document's errata sheet. */
export interface DocumentSheet {
  readonly key: string;
  readonly label: string;
  readonly document: string;
  readonly title: string;
  readonly sections: readonly SheetSection[];
  readonly counts: SheetCounts;
  /** How far the claims audit reaches (null when the document has no audit file). */
  readonly coverage: ClaimCoverage | null;
}

/** A group of results beyond the documents (the appendix). */
export interface AppendixGroup {
  readonly key: string;
  readonly label: string;
  readonly results: readonly ReplayResult[];
}

/** A figure as the report lists it. */
export interface FigureInfo {
  readonly name: string;
  readonly title: string;
  readonly ok: boolean;
  readonly error: string;
  readonly places: readonly (readonly [string, string])[];
}

/** Everything the report shows, in one value. */
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
    /** Claims recorded by the audit, over all documents, and those found wrong. */
    readonly claims: number;
    readonly claimsWrong: number;
    /** Spec files: library specs (call the library) and document checks (spec/documents/). */
    readonly specFiles: { readonly library: number; readonly documents: number };
  };
  readonly ok: boolean;
  readonly documents: readonly DocumentSheet[];
  readonly appendix: readonly AppendixGroup[];
  readonly loadProblems: readonly LoadProblem[];
  readonly subjectProblems: ReplayRun["subjectProblems"];
  readonly unclaimed: readonly string[];
  readonly figures: readonly FigureInfo[];
  /** Results that fit no section of their document (a spec keeps this empty). */
  readonly unplaced: readonly string[];
  /** The file of each fixture, by id (repository-relative). */
  readonly fixtureFiles: Readonly<Record<string, string>>;
  /** The sheet that shows each fixture, by id: s000 … s004 or appendix. */
  readonly fixturePages: Readonly<Record<string, string>>;
}

/** Options of {@link buildReport}. */
export interface ReportOptions {
  readonly ids?: readonly string[];
  readonly figures?: boolean;
  readonly subjects?: readonly Subject[];
  readonly fixturesDir?: string;
}

/** The appendix group of a source that is not one of the five documents. */
function appendixKey(document: string): [string, string] {
  if (document.startsWith("nist-strd/")) {
    return ["nist", "NIST StRD linear least squares (certified values)"];
  }
  if (document === "iris.csv") return ["iris", "Fisher's Iris data (iris.csv)"];
  if (document === "numpy") return ["numpy", "numpy reference runs: RandomState, MT19937, matmul"];
  if (document === "pytorch") {
    return [
      "pytorch",
      "Training runs beyond the documents (mpmath, with PyTorch float64 alongside)",
    ];
  }
  return ["other", "Other checks (no source document)"];
}

/**
 * The section of `sections` that `name` (a fixture's section, e.g. "4.2 (full program)")
 * falls in: the longest section name it starts with, ending at a word boundary.
 */
export function sectionOf(name: string, sections: readonly string[]): string | null {
  let best: string | null = null;
  for (const section of sections) {
    if (name === section) return section;
    const next = name.slice(section.length, section.length + 1);
    if (name.startsWith(section) && !/[0-9.]/.test(next) && section.length > (best?.length ?? 0)) {
      best = section;
    }
  }
  return best;
}

/** The subjects' order: index of the first subject claiming each id. */
function subjectRank(subjects: readonly Subject[]): (id: string) => number {
  return (id) => {
    const index = subjects.findIndex((subject) =>
      Array.isArray(subject?.ids) && subjectClaims(subject, id)
    );
    return index < 0 ? subjects.length : index;
  };
}

function countsOf(results: readonly ReplayResult[], records: readonly ErrataRecord[]): SheetCounts {
  const errata = records.filter(isErratum);
  const severity = (s: "low" | "medium" | "high") => errata.filter((e) => e.severity === s).length;
  return {
    results: results.length,
    reproduced: results.filter((r) => r.ok).length,
    errata: errata.length,
    notes: records.length - errata.length,
    bySeverity: { low: severity("low"), medium: severity("medium"), high: severity("high") },
    conclusionWrong: errata.filter((e) => !e.conclusionHolds).length,
  };
}

/** Replays every fixture and (optionally) renders the figures. */
export async function buildReport(
  options: ReportOptions = {},
): Promise<{ report: Report; figures: RenderedFigure[] }> {
  const loaded = loadFixtures(options.fixturesDir ?? "fixtures");
  const subjects = options.subjects ?? SUBJECTS;
  const run = replay(loaded.fixtures.map((item) => item.fixture), subjects, { ids: options.ids });
  const rank = subjectRank(subjects);
  const ordered = run.results
    .map((result, i) => ({ result, i, rank: rank(result.id) }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map(({ result }) => result);
  const figures = options.figures === false ? [] : await buildFigures();
  const selected = options.ids !== undefined;
  const unplaced: string[] = [];
  const documents: DocumentSheet[] = DOCUMENTS.map((meta) => {
    const audit = loaded.claims.find((file) => file.document === meta.document);
    const results = ordered.filter((r) => r.document === meta.document);
    const records = loaded.errata.filter((r) => r.document === meta.document);
    const shown = selected
      ? records.filter((r) => r.fixtures.some((id) => results.some((x) => x.id === id)))
      : records;
    const names = audit?.sections.map((s) => s.section) ?? [];
    const place = (section: string) => sectionOf(section, names) ?? "";
    const sections: SheetSection[] = (audit?.sections ?? []).map((s) => ({
      section: s.section,
      title: s.title,
      audited: s.audited,
      ...(s.comment ? { comment: s.comment } : {}),
      results: results.filter((r) => place(r.section) === s.section),
      errata: shown.filter(isErratum).filter((e) => e.section === s.section),
      notes: shown.filter((n): n is Note => !isErratum(n) && n.section === s.section),
      claims: selected ? [] : audit!.claims.filter((c) => c.section === s.section),
      figures: figures.filter((f) =>
        f.places.some(([l, sec]) => l === meta.label && sec === s.section)
      )
        .map((f) => f.name),
    }));
    const loose = results.filter((r) => place(r.section) === "");
    if (loose.length > 0 || sections.length === 0) {
      unplaced.push(...loose.map((r) => r.id));
      sections.push({
        section: "other",
        title: "results that fit no section of the audit's list",
        audited: null,
        results: loose,
        errata: shown.filter(isErratum).filter((e) => !names.includes(e.section)),
        notes: shown.filter((n): n is Note => !isErratum(n) && !names.includes(n.section)),
        claims: [],
        figures: [],
      });
    }
    return {
      ...meta,
      sections: sections.filter((s) =>
        !selected || s.results.length + s.errata.length + s.notes.length > 0
      ),
      counts: countsOf(results, shown),
      coverage: audit && !selected ? claimCoverage(audit) : null,
    };
  });
  const appendixGroups = new Map<string, AppendixGroup>();
  for (const result of ordered.filter((r) => !/^00[0-4]_/.test(r.document))) {
    const [key, label] = appendixKey(result.document);
    const group = appendixGroups.get(key) ?? { key, label, results: [] };
    appendixGroups.set(key, { ...group, results: [...group.results, result] });
  }
  const order = ["numpy", "pytorch", "nist", "iris", "other"];
  const appendix = [...appendixGroups.values()].sort((a, b) =>
    order.indexOf(a.key) - order.indexOf(b.key)
  );
  const summary = summarize(run.results);
  const files = new Set(loaded.fixtures.map((item) => item.file)).size +
    loaded.problems.filter((p) => p.file.endsWith(".json")).length;
  const coverages = documents.flatMap((d) => d.coverage ? [d.coverage] : []);
  const report: Report = {
    summary: {
      ...summary,
      // Every record of the documents, also the notes that name no fixture.
      errata: documents.reduce((n, d) => n + d.counts.errata, 0),
      notes: documents.reduce((n, d) => n + d.counts.notes, 0),
      standIns: run.results.filter((r) => r.random && /^00[0-4]_/.test(r.document)).length,
      files,
      loadProblems: loaded.problems.length,
      subjects: subjects.length,
      subjectProblems: run.subjectProblems.length,
      figures: figures.filter((figure) => figure.svg !== null).length,
      figuresFailed: figures.filter((figure) => figure.svg === null).length,
      claims: coverages.reduce((sum, c) => sum + c.claims, 0),
      claimsWrong: coverages.reduce((sum, c) => sum + c.wrong, 0),
      specFiles: specFileCounts(),
    },
    ok: summary.failed === 0 && loaded.problems.length === 0 && run.subjectProblems.length === 0,
    documents,
    appendix,
    loadProblems: loaded.problems,
    subjectProblems: run.subjectProblems,
    unclaimed: run.unclaimed,
    figures: figures.map(({ name, title, svg, error, places }) => ({
      name,
      title,
      ok: svg !== null,
      error,
      places,
    })),
    unplaced,
    fixtureFiles: Object.fromEntries(loaded.fixtures.map((item) => [item.fixture.id, item.file])),
    fixturePages: Object.fromEntries(loaded.fixtures.map(({ fixture }) => [
      fixture.id,
      DOCUMENTS.find((d) => d.document === fixture.source.document)?.key ?? "appendix",
    ])),
  };
  return { report, figures };
}

/**
 * The spec files that check worked results: library specs under spec/lib/ and
 * spec/worked/ (the oracle's own specs use made-up ids), and document checks under
 * spec/documents/; repository-relative, for the sheets' links.
 */
export function specFiles(): string[] {
  return ["spec/lib", "spec/worked", "spec/documents"].flatMap((dir) =>
    existsSync(dir) ? specFilesIn(dir) : []
  );
}

/** How many spec files of each kind there are (tools/spec_kinds.ts sorts them). */
function specFileCounts(): { library: number; documents: number } {
  const kinds = specFileKinds(".");
  return {
    library: kinds.filter((f) => f.kind === "library").length,
    documents: kinds.filter((f) => f.kind === "document").length,
  };
}

function specFilesIn(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return specFilesIn(path);
    return name.endsWith("_test.ts") ? [path.split("\\").join("/")] : [];
  });
}

/**
 * The spec files that name any of `ids` in quotes (a fixture id such as "s001.commute" or
 * an erratum id such as "S1-E09"): the specs a sheet links an erratum to.
 */
export function specsNaming(ids: readonly string[], files = specIndex()): string[] {
  return files.filter(({ text }) =>
    ids.some((id) =>
      text.includes(`"${id}"`) || text.includes(id + ":") || text.includes(`${id} (`)
    )
  )
    .map(({ path }) => path);
}

let cachedSpecs: { path: string; text: string }[] | null = null;

/** The text of every spec file, read once. */
export function specIndex(): { path: string; text: string }[] {
  cachedSpecs ??= specFiles().map((path) => ({ path, text: readFileSync(path, "utf8") }));
  return cachedSpecs;
}
