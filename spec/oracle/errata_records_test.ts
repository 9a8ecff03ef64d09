// The errata records' and the claims audit's readers (oracle/errata.ts, errata_link.ts,
// claims.ts) and their JSON Schemas (fixtures/errata.schema.json, claims.schema.json):
// each malformed record is refused by both, and linking reports each broken side. The
// records themselves are checked in spec/documents/errata_files_test.ts.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { Ajv2020 } from "ajv/dist/2020.js";
import errataSchema from "../../fixtures/errata.schema.json" with { type: "json" };
import claimsSchema from "../../fixtures/claims.schema.json" with { type: "json" };
import json from "../../fixtures/regression/hessian.json" with { type: "json" };
import {
  parseErrata,
  parseErrataRecord,
  RecordFormatError,
  RecordReferenceError,
} from "../../oracle/errata.ts";
import { errataLinkProblems } from "../../oracle/errata_link.ts";
import { claimProblems, parseClaims } from "../../oracle/claims.ts";
import { parseFixtures } from "../../oracle/fixture.ts";

const ajv = () => new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
const validateErrata = ajv().compile(errataSchema);
const validateClaims = ajv().compile(claimsSchema);

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
  const [hessian] = parseFixtures(json, "hessian.json");
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
