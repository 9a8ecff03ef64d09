// The report (tools/report.ts): every fixture file under fixtures/ is replayed against
// lib/, the JSON output has the documented shape and counts, and nothing fails.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import process from "node:process";
import { buildReport, formatJson, formatMarkdown, formatText } from "../../tools/report.ts";
import { lacking } from "../_permissions.ts";

const skip = lacking("read", "run", "env");

// The fixture ids, listed here independently of the report's own loader.
function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsonFiles(path);
    return name.endsWith(".json") && name !== "schema.json" ? [path] : [];
  });
}
const files = skip ? [] : jsonFiles("fixtures");
const allIds = files.flatMap((file) => {
  const json = JSON.parse(readFileSync(file, "utf8"));
  return (Array.isArray(json) ? json : [json]).map((fixture: { id: string }) => fixture.id);
});

const { report } = skip ? { report: undefined as never } : await buildReport({ figures: false });
const results = skip ? [] : report.documents.flatMap((group) => group.results);

describe("report: every fixture replayed against lib/", { skip }, () => {
  it("lists every fixture of every file exactly once", () => {
    assert.deepEqual(results.map((r) => r.id).sort(), [...allIds].sort());
    assert.equal(report.summary.fixtures, allIds.length);
    assert.equal(report.summary.files, files.length);
  });
  it("no fixture file is unreadable and no subject is malformed", () => {
    assert.deepEqual(report.loadProblems, []);
    assert.deepEqual(report.subjectProblems, []);
  });
  it("every subject id matches a fixture (no stale or misspelt ids)", () => {
    assert.deepEqual(report.unclaimed, []);
  });
  it("every fixture is reproduced by lib/ (none fails, none lacks a subject)", () => {
    const failed = results.filter((r) => !r.ok).map((r) =>
      `${r.id} [${r.status}]: ${r.messages[0]}`
    );
    assert.deepEqual(failed, []);
    assert.equal(report.ok, true);
    assert.equal(report.summary.reproduced, allIds.length);
  });
  it("every printed digit agrees with the true value, or an erratum says why not", () => {
    const disagree = results.filter((r) => r.printedAgrees === false).map((r) => r.id);
    assert.deepEqual(disagree, []);
  });
});

describe("report: shape of the --format json output", { skip }, () => {
  const json = JSON.parse(formatJson(report));
  it("has summary, ok, documents, problems and figures", () => {
    assert.deepEqual(Object.keys(json).sort(), [
      "documents",
      "figures",
      "loadProblems",
      "ok",
      "subjectProblems",
      "summary",
      "unclaimed",
    ]);
    for (
      const key of [
        "fixtures",
        "reproduced",
        "failed",
        "errata",
        "random",
        "standIns",
        "printedAgree",
        "files",
      ]
    ) {
      assert.equal(typeof json.summary[key], "number", `summary.${key}`);
    }
  });
  it("counts add up", () => {
    const s = json.summary;
    const byStatus = Object.values(s.byStatus as Record<string, number>).reduce((a, b) => a + b, 0);
    assert.equal(byStatus, results.length);
    assert.equal(s.reproduced + s.failed, results.length);
    const errata = results.reduce((sum, r) => sum + r.errata.length, 0);
    assert.equal(s.errata, errata);
    assert.ok(s.standIns <= s.random);
  });
  it("each result carries id, document, section, title, status and fields", () => {
    for (const group of json.documents) {
      assert.equal(typeof group.label, "string");
      for (const result of group.results) {
        for (const key of ["id", "document", "section", "title", "status"]) {
          assert.equal(typeof result[key], "string", `${result.id}.${key}`);
        }
        assert.ok(Array.isArray(result.fields));
        for (const field of result.fields) assert.ok("expected" in field && "tolerance" in field);
      }
    }
  });
  it("groups documents 000…004 first, then the other sources", () => {
    const order = json.documents.map((group: { document: string }) => group.document);
    const firstOther = order.findIndex((d: string) => !/^00[0-4]_/.test(d));
    const documents = order.filter((d: string) => /^00[0-4]_/.test(d));
    assert.deepEqual(documents, [...documents].sort());
    if (firstOther >= 0) {
      assert.ok(order.slice(firstOther).every((d: string) => !/^00[0-4]_/.test(d)));
    }
  });
});

describe("report: text and markdown", { skip }, () => {
  it("the text table ends with the summary line and OK/FAILED", () => {
    const text = formatText(report);
    assert.match(text, /\d+ of \d+ worked results reproduced by lib\//);
    assert.match(text.trimEnd(), report.ok ? /OK$/ : /FAILED$/);
  });
  it("markdown has a section per document group and an errata table when there are errata", () => {
    const md = formatMarkdown(report);
    for (const group of report.documents) assert.ok(md.includes(`## ${group.label}`));
    if (report.summary.errata > 0) {
      assert.match(md, /## Errata\n\n\| id \| field \| printed \| correct \| why \|/);
    }
  });
});

describe("report: the command line", { skip }, () => {
  // Under Deno process.execPath is deno, under Bun it is bun: run the report with the
  // runtime running this spec.
  const isDeno = "Deno" in globalThis;
  const run = (args: string[]) =>
    spawnSync(
      process.execPath,
      isDeno ? ["run", "--allow-read", "tools/report.ts", ...args] : ["tools/report.ts", ...args],
      { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } },
    );
  it("exits 0 and prints JSON for a subset that reproduces", () => {
    const passing = results.find((r) => r.ok);
    assert.ok(passing, "at least one fixture reproduces");
    const out = run(["--format", "json", "--no-figures", "--ids", passing.id]);
    assert.equal(out.status, 0, out.stderr);
    const json = JSON.parse(out.stdout);
    assert.deepEqual(
      json.documents.flatMap((g: { results: { id: string }[] }) => g.results.map((r) => r.id)),
      [passing.id],
    );
  });
  it("exits 1 for an id that does not exist, naming it", () => {
    const out = run(["--no-figures", "--ids", "no.such.fixture"]);
    assert.equal(out.status, 1);
    assert.match(out.stdout, /No fixture has id "no\.such\.fixture"/);
  });
  it("exits 2 on an unknown option", () => {
    const out = run(["--colour"]);
    assert.equal(out.status, 2);
    assert.match(out.stderr, /Unknown option --colour/);
  });
});
