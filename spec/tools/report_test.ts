// The report (tools/report.ts and tools/report/): every fixture file under fixtures/ is
// replayed against lib/, results come out in each document's section order with the
// errata and the audit's coverage, non-document fixtures in an appendix; the text, JSON,
// Markdown and HTML outputs have the documented shape; the command line parses with
// node:util's parseArgs, writes --out files and prints --help.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import process from "node:process";
import {
  buildReport,
  formatJson,
  formatMarkdown,
  formatText,
  helpText,
  OPTIONS,
  parseOptions,
} from "../../tools/report.ts";
import { sectionOf } from "../../tools/report/build.ts";
import { count } from "../../tools/report/text.ts";
import { markdownText, mathFailures, segments } from "../../tools/report/math.ts";
import { sheetPages } from "../../tools/report/sheets.ts";
import { SUBJECTS } from "../../worked/registry.ts";
import { claims } from "../../oracle/subject.ts";
import { lacking } from "../_permissions.ts";
import { fixtureJsonFiles } from "../_fixture.ts";

const skip = lacking("read", "run", "env");

// The fixture ids, listed here independently of the report's own loader.
const files = skip ? [] : fixtureJsonFiles("fixtures");
const allIds = files.flatMap((file) => {
  const json = JSON.parse(readFileSync(file, "utf8"));
  return (Array.isArray(json) ? json : [json]).map((fixture: { id: string }) => fixture.id);
});

const { report } = skip ? { report: undefined as never } : await buildReport({ figures: false });
const documentResults = skip
  ? []
  : report.documents.flatMap((d) => d.sections.flatMap((s) => s.results));
const appendixResults = skip ? [] : report.appendix.flatMap((g) => g.results);
const results = [...documentResults, ...appendixResults];

describe("report: every fixture replayed against lib/", { skip }, () => {
  it("lists every fixture of every file exactly once", () => {
    assert.deepEqual(results.map((r) => r.id).sort(), [...allIds].sort());
    assert.equal(report.summary.fixtures, allIds.length);
    assert.equal(report.summary.files, files.length);
  });
  it("nothing failed to load, no subject is malformed, no subject id is stale", () => {
    assert.deepEqual(report.loadProblems, []);
    assert.deepEqual(report.subjectProblems, []);
    assert.deepEqual(report.unclaimed, []);
  });
  it("every fixture is reproduced by lib/", () => {
    const failed = results.filter((r) => !r.ok).map((r) =>
      `${r.id} [${r.status}]: ${r.messages[0]}`
    );
    assert.deepEqual(failed, []);
    assert.equal(report.ok, true);
  });
  it("every printed digit agrees with the true value, or an erratum says why not", () => {
    assert.deepEqual(results.filter((r) => r.printedAgrees === false).map((r) => r.id), []);
  });
});

describe("report: documents in section order, an appendix for the rest", { skip }, () => {
  it("S0 … S4, each with its sections in the document's order; no group named none", () => {
    assert.deepEqual(report.documents.map((d) => d.label), ["S0", "S1", "S2", "S3", "S4"]);
    for (
      const group of [
        ...report.documents.map((d) => d.label),
        ...report.appendix.map((g) => g.label),
      ]
    ) {
      assert.ok(!/^none$/i.test(group));
    }
  });
  it("every document result fits a section of its document (none left over)", () => {
    assert.deepEqual(report.unplaced, []);
    for (const sheet of report.documents) {
      assert.ok(sheet.sections.every((s) => s.section !== "other"), sheet.label);
    }
  });
  it("inside a document the results follow the worked/ subjects' order (their section order)", () => {
    const rank = (id: string) => SUBJECTS.findIndex((s) => claims(s, id));
    for (const sheet of report.documents) {
      const ranks = sheet.sections.flatMap((s) => s.results.map((r) => rank(r.id)));
      for (const s of sheet.sections) {
        const own = s.results.map((r) => rank(r.id));
        assert.deepEqual(own, [...own].sort((a, b) => a - b), `${sheet.label} §${s.section}`);
      }
      assert.ok(ranks.every((r) => r >= 0));
    }
  });
  it("S1 runs §1.2 … §4.3.1 in order (the issue saw §3.2, §3.1, §2.2.2, §2.1, …)", () => {
    const s1 = report.documents[1].sections.filter((s) => s.results.length > 0).map((s) =>
      s.section
    );
    assert.deepEqual(s1.slice(0, 6), ["1.2", "1.3", "1.4", "1.5", "1.6", "1.7"]);
    assert.ok(s1.indexOf("2.1") < s1.indexOf("2.2.2") && s1.indexOf("2.2.2") < s1.indexOf("3.1"));
  });
  it("the appendix holds RandomState, NIST, matmul and Iris, and nothing from the documents", () => {
    assert.ok(appendixResults.every((r) => !/^00[0-4]_/.test(r.document)));
    assert.ok(documentResults.every((r) => /^00[0-4]_/.test(r.document)));
    assert.deepEqual(report.appendix.map((g) => g.key), [
      "numpy",
      "pytorch",
      "nist",
      "iris",
      "other",
    ]);
  });
  it("a fixture section falls in the longest section name it starts with", () => {
    assert.equal(sectionOf("4.2 (full program)", ["4", "4.2", "4.3"]), "4.2");
    assert.equal(sectionOf("3.3.1 (3.4)–(3.5); 4.1", ["3.3", "3.3.1"]), "3.3.1");
    assert.equal(sectionOf("3.31", ["3.3"]), null, "3.3 is not a prefix of 3.31");
    assert.equal(
      sectionOf("Logistic Regression训练流程", [
        "Logistic Regression",
        "Logistic Regression训练流程",
      ]),
      "Logistic Regression训练流程",
    );
  });
});

describe("report: errata and the claims audit", { skip }, () => {
  const errata = skip ? [] : report.documents.flatMap((d) => d.sections.flatMap((s) => s.errata));
  it("counts distinct errata (a record checked by three fixtures counts once) and notes apart", () => {
    assert.equal(report.summary.errata, new Set(errata.map((e) => e.id)).size);
    assert.equal(report.summary.errata, errata.length, "each record in one section");
    assert.ok(report.summary.erratumReferences > report.summary.errata);
    assert.equal(
      report.summary.notes,
      report.documents.flatMap((d) => d.sections.flatMap((s) => s.notes)).length,
    );
  });
  it("every erratum has a kind; the false §1.4 margin erratum is gone", () => {
    for (const e of errata) {
      assert.ok(["number", "formula", "code", "claim", "notation"].includes(e.kind));
    }
    const margin = errata.filter((e) => [e.printed].flat().some((p) => p.includes("数学表达式为")));
    assert.deepEqual(margin, []);
  });
  it("each document shows the audit's coverage: claims checked and wrong", () => {
    const s1 = report.documents[1].coverage!;
    assert.ok(s1.claims > 0 && s1.wrong > 0 && s1.sectionsAudited > 0);
    assert.equal(
      report.summary.claims,
      report.documents.reduce((n, d) => n + (d.coverage?.claims ?? 0), 0),
    );
  });
});

describe("report: text, JSON and Markdown", { skip }, () => {
  const text = skip ? "" : formatText(report);
  it("the text view has a header row per table and ends with the summary line and OK", () => {
    assert.match(text, /^ {2}status +id +section +printed +errata, notes$/m);
    assert.match(text, /\d+ of \d+ worked results reproduced by lib\//);
    assert.match(text.trimEnd(), /OK$/);
  });
  it("singular and plural are right", () => {
    assert.equal(count(1, "erratum", "errata"), "1 erratum");
    assert.equal(count(2, "erratum", "errata"), "2 errata");
    assert.equal(count(0, "note"), "0 notes");
    assert.doesNotMatch(text, /\b1 (errata|notes|results|claims|sections)\b/);
  });
  it("--verbose truncates nothing: every erratum's full reason is there", () => {
    const verbose = formatText(report, true);
    for (const e of report.documents.flatMap((d) => d.sections.flatMap((s) => s.errata))) {
      assert.ok(verbose.includes(e.why), e.id);
    }
  });
  it("JSON holds every section's results; the summary mode is small", () => {
    const full = JSON.parse(formatJson(report));
    assert.deepEqual(Object.keys(full).sort(), [
      "appendix",
      "documents",
      "figures",
      "fixtureFiles",
      "fixturePages",
      "loadProblems",
      "ok",
      "subjectProblems",
      "summary",
      "unclaimed",
      "unplaced",
    ]);
    const summary = formatJson(report, { summary: true });
    assert.ok(summary.length < 60_000, `${summary.length} bytes`);
    const parsed = JSON.parse(summary);
    assert.equal(parsed.documents[1].label, "S1");
    assert.ok(
      parsed.documents[1].errata.every((e: { kind: string }) => typeof e.kind === "string"),
    );
  });
  it("Markdown has each document and writes formulas as $…$", () => {
    const md = formatMarkdown(report);
    for (const d of report.documents) assert.ok(md.includes(`## ${d.label} — `));
    assert.ok(md.includes("## Appendix — beyond the documents"));
    assert.equal(markdownText("a \\(x^2\\) b"), "a $x^2$ b");
  });
  it("formulas are split from prose, and a bare TeX passage counts as one formula", () => {
    assert.deepEqual(segments("令 $w = 5$ 时").map((s) => s.kind), ["text", "inline", "text"]);
    assert.deepEqual(segments("C''(W) = \\frac{1}{n} X^T X").map((s) => s.kind), ["inline"]);
    assert.deepEqual(segments("j_theta = (1./2*m)").map((s) => s.kind), ["text"]);
    assert.deepEqual(
      segments("rewritten as (Σ|wⱼ|²)^{1/2}, which is ‖W‖₂", false).map((s) => s.kind),
      ["text"],
      "our own prose marks its formulas with $…$",
    );
  });
});

describe("report: the HTML and Markdown sheets", { skip }, () => {
  const pages = skip ? {} as Record<string, string> : sheetPages(report);
  it("index, one page per document and the appendix, in HTML and Markdown", () => {
    for (const name of ["index", "s000", "s001", "s002", "s003", "s004", "appendix"]) {
      assert.ok(name + ".html" in pages && name + ".md" in pages, name);
    }
  });
  it("every formula of every page rendered by KaTeX at build time", () => {
    assert.deepEqual(mathFailures, []);
    assert.ok(pages["s001.html"].includes('class="katex"'));
    assert.doesNotMatch(pages["s001.html"], /class="tex-failed"/);
  });
  it("each erratum in full: printed, correct, why, kind, with its fixture", () => {
    const html = pages["s001.html"];
    const e = report.documents[1].sections.flatMap((s) => s.errata).find((x) => x.id === "S1-E11")!;
    assert.match(html, /id="S1-E11"/);
    for (const label of ["Printed", "Correct", "Why", "Conclusion", "Checked by"]) {
      assert.ok(html.includes(`<dt>${label}</dt>`), label);
    }
    assert.ok(html.includes(e.kind) && html.includes("fx-s001.descent_claim"));
  });
  it("links library specs and document checks apart, and counts both kinds of spec file", () => {
    // Counted here with a plain directory walk, not with tools/spec_kinds.ts (which the
    // report uses): every *_test.ts under spec/, those under spec/documents/ apart.
    const tests = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory()
          ? tests(`${dir}/${entry.name}`)
          : entry.name.endsWith("_test.ts")
          ? [`${dir}/${entry.name}`]
          : []
      );
    const all = tests("spec"), documents = tests("spec/documents");
    assert.deepEqual(report.summary.specFiles, {
      library: all.length - documents.length,
      documents: documents.length,
    });
    assert.ok(report.summary.specFiles.documents > 0);
    // s001.commute is replayed by a library spec and its printed digits are checked by a
    // document check (spec/documents/s001_regression_test.ts).
    const block = pages["s001.md"].split('<a id="fx-s001.commute"></a>')[1].split("<a id=")[0];
    assert.match(block, /specs \[spec\/lib\/regression\/commute_test\.ts\]/);
    assert.match(block, /document checks \[spec\/documents\/s001_regression_test\.ts\]/);
    assert.match(formatText(report), /\d+ library spec files and \d+ document-check files/);
  });
  it("the pages reference no network resource", () => {
    for (const [name, text] of Object.entries(pages)) {
      assert.doesNotMatch(text, /(src|href)="(https?:)?\/\//, name);
    }
  });
});

describe("report: the command line", { skip }, () => {
  const isDeno = "Deno" in globalThis;
  const run = (args: string[]) =>
    spawnSync(
      process.execPath,
      isDeno
        ? ["run", "--allow-read", "--allow-write", "tools/report.ts", ...args]
        : ["tools/report.ts", ...args],
      { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } },
    );
  it("parses every option with node:util's parseArgs, and --help lists them all", () => {
    const help = helpText();
    for (const name of Object.keys(OPTIONS)) assert.ok(help.includes(`--${name}`), name);
    assert.deepEqual(parseOptions(["--format", "json", "--summary", "-v"]).format, "json");
    assert.throws(() => parseOptions(["--colour"]), /Unknown option --colour/);
    assert.throws(() => parseOptions(["--format", "xml"]), /--format must be text, md or json/);
  });
  it("--help exits 0 and prints the options", () => {
    const out = run(["--help"]);
    assert.equal(out.status, 0, out.stderr);
    assert.match(out.stdout, /--out VALUE/);
  });
  it("stdout holds pure JSON; --out writes the file and stdout stays empty", () => {
    const passing = results.find((r) => r.ok)!;
    const out = run(["--format", "json", "--no-figures", "--ids", passing.id]);
    assert.equal(out.status, 0, out.stderr);
    const json = JSON.parse(out.stdout);
    assert.deepEqual(
      json.documents.flatMap((d: { sections: { results: { id: string }[] }[] }) =>
        d.sections.flatMap((s) => s.results.map((r) => r.id))
      ),
      [passing.id],
    );
    // The child process writes the file (the spec itself has no write permission).
    const file = join("out", "spec", `report_summary_${process.pid}.json`);
    const written = run([
      "--format",
      "json",
      "--summary",
      "--no-figures",
      "--ids",
      passing.id,
      "--out",
      file,
    ]);
    assert.equal(written.status, 0, written.stderr);
    assert.equal(written.stdout, "");
    assert.equal(JSON.parse(readFileSync(file, "utf8")).ok, true);
  });
  it("exits 1 for an id that does not exist, naming it; 2 on an unknown option", () => {
    const missing = run(["--no-figures", "--ids", "no.such.fixture"]);
    assert.equal(missing.status, 1);
    assert.match(missing.stdout, /No fixture has id "no\.such\.fixture"/);
    const bad = run(["--colour"]);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /Unknown option --colour/);
  });
});
