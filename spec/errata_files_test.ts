// The errata records (fixtures/errata/) and the claims audit (fixtures/claims/): every file
// is valid against its JSON Schema and passes the oracle's parser; fixtures and records
// agree both ways; every claim resolves; the schemas and parsers refuse malformed records.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import errataSchema from "../fixtures/errata.schema.json" with { type: "json" };
import claimsSchema from "../fixtures/claims.schema.json" with { type: "json" };
import {
  isErratum,
  parseErrata,
  parseErrataRecord,
  RecordFormatError,
  RecordReferenceError,
} from "../oracle/errata.ts";
import { errataLinkProblems } from "../oracle/errata_link.ts";
import { claimCoverage, claimProblems, parseClaims } from "../oracle/claims.ts";
import { loadFixtures, specText } from "../tools/_load_fixtures.ts";

const ajv = () => new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
const validateErrata = ajv().compile(errataSchema);
const validateClaims = ajv().compile(claimsSchema);
const jsonIn = (dir: string) =>
  readdirSync(dir).filter((f) => f.endsWith(".json")).sort().map((f) => join(dir, f));
const read = (path: string) => JSON.parse(readFileSync(path, "utf8"));

const loaded = loadFixtures();
const fixtures = loaded.fixtures.map((item) => item.fixture);

describe("fixtures/errata/: one file per document, valid records", () => {
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

describe("fixtures/claims/: the audit resolves", () => {
  for (const file of jsonIn("fixtures/claims")) {
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

// A valid erratum and a valid note, to break one field at a time.
const erratum = {
  id: "S1-E01",
  class: "erratum",
  document: "001_85ee514aa7c85552.txt",
  section: "1.2",
  kind: "claim",
  severity: "medium",
  printed: "恒大于零",
  correct: "positive semidefinite",
  why: "a duplicated column gives a zero eigenvalue",
  conclusionHolds: true,
  conclusion: "on the commute data it is positive definite",
  fixtures: ["s001.hessian"],
};
const note = {
  id: "S1-N01",
  class: "note",
  document: "001_85ee514aa7c85552.txt",
  section: "2.1",
  printed: "…",
  why: "a caveat",
  fixtures: [],
};

describe("errata.schema.json and parseErrataRecord refuse malformed records", () => {
  it("accept a valid erratum and a valid note", () => {
    assert.ok(validateErrata([erratum, note]), JSON.stringify(validateErrata.errors));
    assert.equal(parseErrata([erratum, note]).length, 2);
  });
  const broken: [string, Record<string, unknown>, RegExp][] = [
    ["an erratum without kind", { ...erratum, kind: undefined }, /kind must be one of/],
    ["an unknown kind", { ...erratum, kind: "typo" }, /kind must be one of/],
    ["an unknown severity", { ...erratum, severity: "critical" }, /severity must be one of/],
    ["an erratum without a fixture", { ...erratum, fixtures: [] }, /at least one fixture/],
    ["no conclusionHolds", { ...erratum, conclusionHolds: "yes" }, /conclusionHolds must be/],
    ["an empty printed list", { ...erratum, printed: [] }, /"printed" must be the verbatim/],
    ["a malformed id", { ...erratum, id: "E01" }, /id must be S<document>-E<nn>/],
    ["an E id with class note", { ...note, id: "S1-E02" }, /must have class "erratum"/],
    [
      "the wrong document",
      { ...erratum, document: "002_9788d94b14244768.txt" },
      /is not document 1/,
    ],
    ["a note with a severity", { ...note, severity: "low" }, /unknown key "severity"/],
    ["a check whose digits are not digits", {
      ...erratum,
      checks: [{ field: "W", correct: "six" }],
    }, /each check must be \{ field, correct \}/],
  ];
  for (const [what, record, message] of broken) {
    it(`refuses ${what}, with a RecordFormatError`, () => {
      const json = JSON.parse(JSON.stringify(record));
      // Whether an id's letter matches the class and its digit the document are rules a
      // JSON Schema cannot state; the parser alone refuses those two.
      if (!/class "erratum"|is not document/.test(message.source)) {
        assert.equal(validateErrata([json]), false, "the schema refuses it too");
      }
      assert.throws(() => parseErrataRecord(json, "x.json"), (error: unknown) => {
        assert.ok(error instanceof RecordFormatError && error instanceof TypeError);
        assert.equal((error as RecordFormatError).code, "NNREF_RECORD_FORMAT");
        assert.match((error as Error).message, message);
        return true;
      });
    });
  }
  it("refuses an id used twice in a file", () => {
    assert.throws(() => parseErrata([erratum, erratum]), /S1-E01 is used twice/);
  });
});

describe("linking fixtures and records reports each broken side", () => {
  const hessian = fixtures.find((f) => f.id === "s001.hessian")!;
  it("a record naming a fixture that does not list it back", () => {
    const other = { ...erratum, id: "S1-E99", fixtures: ["s001.hessian"] };
    const problems = errataLinkProblems([hessian], [parseErrataRecord(other)], { complete: false });
    assert.ok(problems.every((p) => p instanceof RecordReferenceError));
    assert.match(
      problems.map((p) => p.message).join(),
      /S1-E99 names fixture s001.hessian, which does not list it/,
    );
  });
  it("a fixture listing an id no record has, and a check of an unprinted field", () => {
    const records = [parseErrataRecord({ ...erratum, checks: [{ field: "W", correct: "1" }] })];
    const problems = errataLinkProblems([{ ...hessian, erratum: ["S1-E01", "S1-E77"] }], records, {
      complete: false,
    }).map((p) => p.message).join("\n");
    assert.match(problems, /lists S1-E77, which no record has/);
    assert.match(problems, /checks field "W" of s001.hessian, which does not print it/);
  });
});

describe("the claims parser refuses malformed claims", () => {
  const good = {
    document: "001_85ee514aa7c85552.txt",
    sections: [{ section: "1.2", title: "量化评价", audited: true }],
    claims: [{
      id: "S1-C001",
      section: "1.2",
      quote: "q",
      claim: "c",
      status: "verified",
      checkedBy: ["s001.hessian"],
    }],
  };
  const broken: [string, (c: typeof good.claims[0]) => unknown, RegExp][] = [
    [
      "a verified claim without checkedBy",
      (c) => ({ ...c, checkedBy: undefined }),
      /needs "checkedBy"/,
    ],
    [
      "an erratum claim without an erratum id",
      (c) => ({ ...c, status: "erratum", checkedBy: undefined }),
      /needs "erratum"/,
    ],
    ["an unknown section", (c) => ({ ...c, section: "9.9" }), /is not in the file's sections/],
    ["an id of another document", (c) => ({ ...c, id: "S2-C001" }), /id must be S1-C<nnn>/],
    [
      "a checkedBy that is neither fixture nor spec",
      (c) => ({ ...c, checkedBy: ["spec/x.ts"] }),
      /fixture ids or spec paths/,
    ],
  ];
  for (const [what, mutate, message] of broken) {
    it(`refuses ${what}`, () => {
      const json = { ...good, claims: [mutate(good.claims[0])] };
      // Section membership and the id's document digit are beyond the schema: parser only.
      if (!/sections|id must be/.test(message.source)) {
        assert.equal(validateClaims(JSON.parse(JSON.stringify(json))), false, "schema too");
      }
      assert.throws(() => parseClaims(json, "c.json"), (error: unknown) => {
        assert.ok(error instanceof RecordFormatError);
        assert.match((error as Error).message, message);
        return true;
      });
    });
  }
  it("reports an erratum of an audited section that no claim records", () => {
    const audit = parseClaims(good);
    const problems = claimProblems(audit, {
      fixtureIds: new Set(["s001.hessian"]),
      records: [parseErrataRecord(erratum)],
    });
    assert.match(problems[0].message, /S1-E01 is in audited section 1.2, but no claim records it/);
  });
});
