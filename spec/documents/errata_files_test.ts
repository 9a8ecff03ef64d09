// Document checks (checks of the documents' claims and of the fixtures' consistency,
// counted apart from the library specs): the errata records (fixtures/errata/) and the
// claims audit (fixtures/claims/) of documents 000 … 004 — every file is valid against
// its JSON Schema and passes the oracle's reader, fixtures and records agree both ways,
// every claim resolves, and the prose marks its formulas.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import errataSchema from "../../fixtures/errata.schema.json" with { type: "json" };
import claimsSchema from "../../fixtures/claims.schema.json" with { type: "json" };
import { isErratum, parseErrata } from "../../oracle/errata.ts";
import { errataLinkProblems } from "../../oracle/errata_link.ts";
import { claimCoverage, claimProblems, parseClaims } from "../../oracle/claims.ts";
import { type Loaded, loadFixtures, specText } from "../../tools/_load_fixtures.ts";
import { lacking } from "../_permissions.ts";

const ajv = () => new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
const validateErrata = ajv().compile(errataSchema);
const validateClaims = ajv().compile(claimsSchema);
const jsonIn = (dir: string) =>
  readdirSync(dir).filter((f) => f.endsWith(".json")).sort().map((f) => join(dir, f));
const read = (path: string) => JSON.parse(readFileSync(path, "utf8"));

const skip = lacking("read");
const loaded: Loaded = skip
  ? { fixtures: [], errata: [], problems: [], claims: [] }
  : loadFixtures();
const fixtures = loaded.fixtures.map((item) => item.fixture);

describe("fixtures/errata/: one file per document, valid records", { skip }, () => {
  const files = jsonIn("fixtures/errata");
  it("there are five files, s000 … s004", () => {
    assert.deepEqual(files.map((f) => f.slice(-9)), [0, 1, 2, 3, 4].map((d) => `s00${d}.json`));
  });
  for (const file of files) {
    it(`${file}: valid against errata.schema.json and parseErrata, ids in order`, () => {
      const json = read(file);
      assert.ok(validateErrata(json), JSON.stringify(validateErrata.errors?.slice(0, 3)));
      const records = parseErrata(json, file);
      const doc = file.slice(-6, -5);
      for (const kind of ["E", "N"]) {
        const ids = records.filter((r) => r.id[3] === kind).map((r) => r.id);
        assert.deepEqual(
          ids,
          ids.map((_, i) => `S${doc}-${kind}${String(i + 1).padStart(2, "0")}`),
        );
      }
    });
  }
  it("every fixture's erratum ids and every record's fixtures agree both ways", () => {
    assert.deepEqual(errataLinkProblems(fixtures, loaded.errata).map((p) => p.message), []);
  });
  it("every erratum is checked by at least one fixture that lists it", () => {
    for (const record of loaded.errata.filter(isErratum)) {
      const checking = fixtures.filter((f) => (f.erratum ?? []).includes(record.id));
      assert.ok(checking.length > 0, record.id);
    }
  });
  it("prose fields mark their formulas with $…$ (no bare TeX in why, correct, conclusion, claim)", () => {
    const bare = /\^\{|_\{|\\[a-zA-Z]/;
    const outside = (text: string) => text.replace(/\$[^$]*\$/g, "");
    const prose = [
      ...loaded.errata.flatMap((r) =>
        [r.why, r.correct, r.decision, r.class === "erratum" ? r.conclusion : undefined]
          .map((t) => [r.id, t] as const)
      ),
      ...loaded.claims.flatMap((f) =>
        f.claims.flatMap((c) => [[c.id, c.claim], [c.id, c.comment]] as const)
      ),
    ].filter(([, t]) => t !== undefined && bare.test(outside(t)));
    assert.deepEqual(prose, []);
  });
  it("nothing under fixtures/ failed to load or link", () => {
    assert.deepEqual(loaded.problems, []);
  });
});

describe("fixtures/claims/: the audit resolves", { skip }, () => {
  for (const file of skip ? [] : jsonIn("fixtures/claims")) {
    it(`${file}: valid, every reference resolves, every erratum of an audited section is a claim's`, () => {
      const json = read(file);
      assert.ok(validateClaims(json), JSON.stringify(validateClaims.errors?.slice(0, 3)));
      const audit = parseClaims(json, file);
      const problems = claimProblems(audit, {
        fixtureIds: new Set(fixtures.map((f) => f.id)),
        records: loaded.errata,
        specText,
      });
      assert.deepEqual(problems.map((p) => p.message), []);
      const coverage = claimCoverage(audit);
      assert.equal(coverage.claims, coverage.verified + coverage.wrong + coverage.notes);
    });
  }
});
