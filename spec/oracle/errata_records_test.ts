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
  documentNumber,
  type ErrataRecord,
  isErratum,
  parseErrata,
  parseErrataRecord,
  passagesOf,
  RecordFormatError,
  RecordReferenceError,
} from "../../oracle/errata.ts";
import { errataLinkProblems, linkErrata, resolveErrata } from "../../oracle/errata_link.ts";
import { claimCoverage, claimProblems, type ClaimsFile, parseClaims } from "../../oracle/claims.ts";
import { type Fixture, parseFixtures } from "../../oracle/fixture.ts";
import { demoFixture } from "../_demo_erratum.ts";

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

/** A valid claims file of S1: one audited section, one verified claim. */
const CLAIM = {
  id: "S1-C001",
  section: "1.2",
  quote: "q",
  claim: "c",
  status: "verified",
  checkedBy: ["s001.hessian"],
};
const AUDITED_SECTION = { section: "1.2", title: "量化评价", audited: true };
const CLAIMS_FILE = {
  document: "001_85ee514aa7c85552.txt",
  sections: [AUDITED_SECTION],
  claims: [CLAIM],
};

describe("the claims parser refuses malformed claims", () => {
  const good = CLAIMS_FILE;
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

// Each validation branch of the readers, one malformed field at a time: the error class by
// name, and the message pinned to what it names (the record, the field, what was got, what
// was expected).
function refuses(run: () => unknown, name: string, message: RegExp): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof Error, "an Error");
    assert.equal(error.name, name);
    assert.match(error.message, message);
    return true;
  });
}
const FORMAT = "RecordFormatError";
const TYPE = "InputTypeError";
const AT_E = String.raw`^x\.json \(S1-E01\): `;
const AT_N = String.raw`^x\.json \(S1-N01\): `;

describe("parseErrataRecord: every field's check and message", () => {
  const record = (patch: Record<string, unknown>, base: Record<string, unknown> = erratum) => () =>
    parseErrataRecord({ ...base, ...patch }, "x.json");
  const cases: [string, Record<string, unknown>, Record<string, unknown>, RegExp][] = [
    [
      "an empty section",
      erratum,
      { section: "" },
      /"section" must be a non-empty string, got the string ""$/,
    ],
    [
      "a numeric section",
      erratum,
      { section: 5 },
      /"section" must be a non-empty string, got the number 5$/,
    ],
    // Each required text field, empty: the same check names the field it read.
    ...(["why", "decision", "correct", "conclusion"] as const).map((field) =>
      [
        `an empty ${field}`,
        erratum,
        { [field]: "" },
        new RegExp(`"${field}" must be a non-empty string, got the string ""$`),
      ] as [string, Record<string, unknown>, Record<string, unknown>, RegExp]
    ),
    [
      "an empty correct of a note",
      note,
      { correct: "" },
      /"correct" must be a non-empty string, got the string ""$/,
    ],
    [
      "an id with a prefix",
      erratum,
      { id: "xS1-E01" },
      /id must be S<document>-E<nn> \(erratum\) or S<document>-N<nn> \(note\), such as "S1-E09"$/,
    ],
    [
      "an id with a suffix",
      erratum,
      { id: "S1-E01x" },
      /id must be S<document>-E<nn> \(erratum\) or S<document>-N<nn> \(note\), such as "S1-E09"$/,
    ],
    [
      "an unknown class",
      erratum,
      { class: "typo" },
      /class must be "erratum" or "note", got the string "typo"$/,
    ],
    [
      "an N id with class erratum",
      erratum,
      { id: "S1-N02" },
      /an id with N must have class "note"$/,
    ],
    ["an E id with class note", note, { id: "S1-E02" }, /an id with E must have class "erratum"$/],
    [
      "an empty printed string",
      erratum,
      { printed: "" },
      /"printed" must be the verbatim passage, or a non-empty list of them$/,
    ],
    [
      "an empty passage in a list",
      erratum,
      { printed: ["a", ""] },
      /"printed" must be the verbatim passage/,
    ],
    [
      "a passage that is a list",
      erratum,
      { printed: [["a"]] },
      /"printed" must be the verbatim passage/,
    ],
    [
      "fixtures as a string",
      erratum,
      { fixtures: "s001.hessian" },
      /"fixtures" must be a list of fixture ids, got the string "s001.hessian"$/,
    ],
    [
      "a fixture id with a space",
      erratum,
      { fixtures: ["s001 hessian"] },
      /"fixtures" must be a list of fixture ids, got an array$/,
    ],
    [
      "a fixture id with a leading sign",
      erratum,
      { fixtures: ["!s001"] },
      /"fixtures" must be a list of fixture ids/,
    ],
    [
      "a fixture id with a trailing sign",
      erratum,
      { fixtures: ["s001!"] },
      /"fixtures" must be a list of fixture ids/,
    ],
    [
      "a fixture id that is a number",
      erratum,
      { fixtures: [5] },
      /"fixtures" must be a list of fixture ids/,
    ],
    [
      "a fixture named twice",
      erratum,
      { fixtures: ["a", "a"] },
      /"fixtures" names a fixture twice$/,
    ],
    [
      "an unknown kind",
      erratum,
      { kind: "typo" },
      /kind must be one of number, formula, code, claim, notation, got the string "typo"$/,
    ],
    [
      "an unknown severity",
      erratum,
      { severity: "x" },
      /severity must be one of low, medium, high, got the string "x"$/,
    ],
    [
      "a note with a kind",
      note,
      { kind: "claim" },
      /unknown key "kind" for a note \(id, class, document, section, printed, why, fixtures, decision, correct\)$/,
    ],
    [
      "an erratum with an extra key",
      erratum,
      { extra: 1 },
      /unknown key "extra" for an erratum \(id, class, document, section, printed, why, fixtures, decision, kind, severity, correct, conclusionHolds, conclusion, checks\)$/,
    ],
    [
      "conclusionHolds a string",
      erratum,
      { conclusionHolds: "yes" },
      /conclusionHolds must be true or false, got the string "yes"$/,
    ],
    [
      "no fixture",
      erratum,
      { fixtures: [] },
      /an erratum needs at least one fixture that checks it$/,
    ],
    [
      "an empty checks list",
      erratum,
      { checks: [] },
      /"checks" must be a non-empty list of \{ field, correct \}$/,
    ],
    [
      "checks an object",
      erratum,
      { checks: {} },
      /"checks" must be a non-empty list of \{ field, correct \}$/,
    ],
  ];
  for (const [what, base, patch, message] of cases) {
    const at = new RegExp(
      (base === note && !("id" in patch)
        ? AT_N
        : AT_E.replace("S1-E01", String(patch.id ?? "S1-E01"))) + message.source,
    );
    it(`refuses ${what}`, () => refuses(record(patch, base), FORMAT, at));
  }
  const check = String
    .raw`each check must be \{ field, correct \} with correct the digits as printed \(a string such as "-8", or nested lists of them\), got `;
  const badChecks: [string, unknown, string][] = [
    ["a check that is a string", "1", 'the string "1"'],
    ["a check without a string field", { field: 5, correct: "1" }, "an object"],
    ["digits with a prefix", { field: "W", correct: "x1" }, "an object"],
    ["digits with a suffix", { field: "W", correct: "1x" }, "an object"],
    ["digits a number", { field: "W", correct: 5 }, "an object"],
    ["digits an empty list", { field: "W", correct: [] }, "an object"],
    ["digits a list with a word", { field: "W", correct: ["1", "x"] }, "an object"],
    ["digits an object with a length", { field: "W", correct: { length: 1 } }, "an object"],
  ];
  for (const [what, bad, got] of badChecks) {
    it(`refuses ${what}`, () =>
      refuses(record({ checks: [bad] }), FORMAT, new RegExp(`${AT_E}${check}${got}$`)));
  }
  it("accepts digits with exponents and nested lists, and a note's correction", () => {
    for (const correct of ["-8", "1e5", "1.5E-10", "+0.25", [["1", "2"], ["3e12"]]]) {
      const parsed = parseErrataRecord({ ...erratum, checks: [{ field: "W", correct }] });
      assert.deepEqual((parsed as { checks?: unknown }).checks, [{ field: "W", correct }]);
    }
    assert.deepEqual(parseErrataRecord({ ...note, correct: "fine" }), { ...note, correct: "fine" });
    assert.deepEqual(parseErrataRecord({ ...erratum, decision: "kept" }), {
      ...erratum,
      decision: "kept",
    });
  });
  it('names the record\'s place, or "errata record" by default', () => {
    refuses(
      () => parseErrataRecord(5),
      FORMAT,
      /^errata record: a record must be a JSON object, got the number 5$/,
    );
    refuses(
      () => parseErrataRecord([], "x.json"),
      FORMAT,
      /^x\.json: a record must be a JSON object, got an array$/,
    );
    refuses(
      () => parseErrataRecord({ ...erratum, id: "" }, "x.json"),
      FORMAT,
      /^x\.json: "id" must be a non-empty string, got the string ""$/,
    );
  });
  it("RecordFormatError and RecordReferenceError carry their names and codes", () => {
    const format = new RecordFormatError("m");
    const reference = new RecordReferenceError("m");
    assert.deepEqual([format.name, format.code, format instanceof TypeError], [
      FORMAT,
      "NNREF_RECORD_FORMAT",
      true,
    ]);
    assert.deepEqual([reference.name, reference.code, reference instanceof RangeError], [
      "RecordReferenceError",
      "NNREF_RECORD_REFERENCE",
      true,
    ]);
  });
});

describe("parseErrata, documentNumber, isErratum, passagesOf", () => {
  it("parseErrata names the file and the index", () => {
    refuses(
      () => parseErrata(5),
      FORMAT,
      /^errata file: an errata file must be a JSON list of records, got the number 5$/,
    );
    refuses(
      () => parseErrata({}, "f.json"),
      FORMAT,
      /^f\.json: an errata file must be a JSON list of records, got an object$/,
    );
    refuses(
      () => parseErrata([erratum, { ...note, why: "" }], "f.json"),
      FORMAT,
      /^f\.json\[1\] \(S1-N01\): "why" must be a non-empty string/,
    );
    refuses(
      () => parseErrata([note, note], "f.json"),
      FORMAT,
      /^f\.json: id S1-N01 is used twice$/,
    );
  });
  it("documentNumber reads only a whole document file name", () => {
    assert.deepEqual(
      [
        "000_0123456789abcdef.txt",
        "004_0123456789abcdef.txt",
        "005_0123456789abcdef.txt",
        "x001_85ee514aa7c85552.txt",
        "001_85ee514aa7c85552.txt.bak",
        "none",
      ].map(documentNumber),
      [0, 4, -1, -1, -1, -1],
    );
    refuses(
      () => documentNumber(5 as unknown as string),
      TYPE,
      /^document must be a file name \(a string\), got the number 5$/,
    );
  });
  it("isErratum is true for an erratum only", () => {
    assert.deepEqual(
      [erratum, note, null, undefined, "erratum", { class: "note" }].map((r) =>
        isErratum(r as ErrataRecord)
      ),
      [true, false, false, false, false, false],
    );
  });
  it("passagesOf lists the passages, and refuses what is not a record", () => {
    assert.deepEqual(passagesOf({ printed: "a" }), ["a"]);
    assert.deepEqual(passagesOf({ printed: ["a", "b"] }), ["a", "b"]);
    assert.deepEqual(passagesOf({ printed: [] }), []);
    for (const bad of [{ printed: 5 }, { printed: ["a", 5] }, {}, null]) {
      refuses(
        () => passagesOf(bad as unknown as ErrataRecord),
        TYPE,
        /^passagesOf takes an errata record \(printed: a string or a list of them\), got (an object|null)$/,
      );
    }
  });
});

describe("parseClaims: every field's check and message", () => {
  const section = AUDITED_SECTION, claim = CLAIM;
  const file = (patch: Record<string, unknown>) => ({ ...CLAIMS_FILE, ...patch });
  const AT_C = String.raw`^c\.json claims\[0\] \(S1-C001\): `;
  const claimCases: [string, Record<string, unknown>, string][] = [
    [
      "an empty claim",
      { claim: "" },
      String.raw`"claim" must be a non-empty string, got the string ""$`,
    ],
    [
      "a numeric claim",
      { claim: 5 },
      String.raw`"claim" must be a non-empty string, got the number 5$`,
    ],
    [
      "an unknown key",
      { extra: 1 },
      String
        .raw`unknown key "extra" \(id, section, quote, claim, status, checkedBy, erratum, note, comment\)$`,
    ],
    [
      "an empty quote",
      { quote: "" },
      String.raw`"quote" must be the verbatim sentence, or a list of passages$`,
    ],
    ["an empty quote list", { quote: [] }, String.raw`"quote" must be the verbatim sentence`],
    ["an empty passage", { quote: ["a", ""] }, String.raw`"quote" must be the verbatim sentence`],
    [
      "a passage that is a list",
      { quote: [["a"]] },
      String.raw`"quote" must be the verbatim sentence`,
    ],
    ["a numeric quote", { quote: 5 }, String.raw`"quote" must be the verbatim sentence`],
    [
      "an unknown status",
      { status: "wrong" },
      String.raw`status must be one of verified, erratum, note, got the string "wrong"$`,
    ],
    [
      "an empty checkedBy",
      { checkedBy: [] },
      String
        .raw`a verified claim needs "checkedBy": fixture ids or spec paths \(spec/…_test\.ts\), got an array$`,
    ],
    [
      "a checkedBy with one bad id",
      { checkedBy: ["s001.hessian", "bad id"] },
      String.raw`a verified claim needs "checkedBy"`,
    ],
    [
      "a checkedBy with a bad id",
      { checkedBy: ["bad id"] },
      String.raw`a verified claim needs "checkedBy"`,
    ],
    [
      "a checkedBy that is a number",
      { checkedBy: [5] },
      String.raw`a verified claim needs "checkedBy"`,
    ],
    [
      "a spec path with a prefix",
      { checkedBy: ["xspec/a_test.ts"] },
      String.raw`a verified claim needs "checkedBy"`,
    ],
    [
      "a spec path with a suffix",
      { checkedBy: ["spec/a_test.ts.bak"] },
      String.raw`a verified claim needs "checkedBy"`,
    ],
    [
      "checkedBy on a note claim",
      { status: "note", note: "S1-N01" },
      String.raw`only a verified claim has "checkedBy"$`,
    ],
    [
      "an erratum id with a prefix",
      { status: "erratum", checkedBy: undefined, erratum: "xS1-E01" },
      String.raw`a claim found wrong needs "erratum": the record's id, such as "S1-E09"$`,
    ],
    [
      "an erratum id with a suffix",
      { status: "erratum", checkedBy: undefined, erratum: "S1-E01x" },
      String.raw`a claim found wrong needs "erratum"`,
    ],
    [
      "an erratum on a verified claim",
      { erratum: "S1-E01" },
      String.raw`only a claim with status "erratum" names an erratum$`,
    ],
    [
      "a note claim without a note",
      { status: "note", checkedBy: undefined },
      String.raw`a claim with status "note" needs "note": the note's id$`,
    ],
    [
      "a note that is an erratum id",
      { note: "S1-E01" },
      String.raw`"note" must be a note id such as "S1-N01", got the string "S1-E01"$`,
    ],
    ["a note id with a prefix", { note: "xS1-N01" }, String.raw`"note" must be a note id`],
    ["a note id with a suffix", { note: "S1-N01x" }, String.raw`"note" must be a note id`],
    [
      "an empty comment",
      { comment: "" },
      String.raw`"comment" must be a non-empty string, got the string ""$`,
    ],
  ];
  for (const [what, patch, message] of claimCases) {
    it(`refuses ${what}`, () => {
      const json = JSON.parse(JSON.stringify(file({ claims: [{ ...claim, ...patch }] })));
      refuses(() => parseClaims(json, "c.json"), FORMAT, new RegExp(AT_C + message));
    });
  }
  const idCases: [string, unknown, RegExp][] = [
    ["a claim that is not an object", 5, /^c\.json claims\[0\]: a claim must be an object$/],
    [
      "an id with a prefix",
      { ...claim, id: "xS1-C001" },
      /^c\.json claims\[0\] \(xS1-C001\): id must be S1-C<nnn>, such as "S1-C001"$/,
    ],
    [
      "an id with a suffix",
      { ...claim, id: "S1-C001x" },
      /^c\.json claims\[0\] \(S1-C001x\): id must be S1-C<nnn>/,
    ],
    [
      "an id of another document",
      { ...claim, id: "S2-C001" },
      /^c\.json claims\[0\] \(S2-C001\): id must be S1-C<nnn>/,
    ],
  ];
  for (const [what, bad, message] of idCases) {
    it(`refuses ${what}`, () =>
      refuses(() => parseClaims(file({ claims: [bad] }), "c.json"), FORMAT, message));
  }
  const fileCases: [string, unknown, RegExp][] = [
    ["a file that is not an object", [], /^c\.json: a claims file must be an object$/],
    [
      "an unknown document",
      file({ document: "foo.txt" }),
      /^c\.json: "foo\.txt" is not one of the five documents$/,
    ],
    [
      "an unknown key",
      file({ extra: 1 }),
      /^c\.json: unknown key "extra" \(document, sections, claims\)$/,
    ],
    [
      "no sections",
      file({ sections: [] }),
      /^c\.json: "sections" must list the document's sections in order$/,
    ],
    [
      "sections an object",
      file({ sections: {} }),
      /^c\.json: "sections" must list the document's sections in order$/,
    ],
    [
      "a section that is not an object",
      file({ sections: [section, 5] }),
      /^c\.json sections\[1\]: a section must be an object$/,
    ],
    [
      "an empty title",
      file({ sections: [{ ...section, title: "" }] }),
      /^c\.json sections\[0\]: "title" must be a non-empty string, got the string ""$/,
    ],
    [
      "audited a string",
      file({ sections: [{ ...section, audited: "yes" }] }),
      /^c\.json sections\[0\] \(1\.2\): "audited" must be true or false$/,
    ],
    [
      "an empty section comment",
      file({ sections: [{ ...section, comment: "" }] }),
      /^c\.json sections\[0\]: "comment" must be a non-empty string/,
    ],
    [
      "a section listed twice",
      file({ sections: [section, section] }),
      /^c\.json sections\[1\]: section "1\.2" is listed twice$/,
    ],
    ["claims an object", file({ claims: {} }), /^c\.json: "claims" must be a list$/],
    [
      "a claim id used twice",
      file({ claims: [claim, claim] }),
      /^c\.json: claim id S1-C001 is used twice$/,
    ],
    [
      "a bad second claim",
      file({ claims: [claim, { ...claim, id: "S1-C002", claim: "" }] }),
      /^c\.json claims\[1\] \(S1-C002\): "claim" must be/,
    ],
  ];
  for (const [what, bad, message] of fileCases) {
    it(`refuses ${what}`, () => refuses(() => parseClaims(bad, "c.json"), FORMAT, message));
  }
  it('names "claims file" by default, and accepts comments', () => {
    refuses(() => parseClaims(5), FORMAT, /^claims file: a claims file must be an object$/);
    const commented = file({
      sections: [{ ...section, comment: "read twice" }],
      claims: [{ ...claim, comment: "by hand", note: "S1-N01" }],
    });
    assert.deepEqual(parseClaims(commented), commented);
  });

  const DOC2 = "002_9788d94b14244768.txt";
  const audit2 = (
    claims: unknown[],
    sections: unknown[] = [{ section: "1.2", title: "t", audited: true }],
  ) => parseClaims({ document: DOC2, sections, claims });
  const c2 = { id: "S2-C001", section: "1.2", quote: "q", claim: "c" };
  const messages = (file: ClaimsFile, context: Parameters<typeof claimProblems>[1]) =>
    claimProblems(file, context).map((p) => {
      assert.equal(p.name, "RecordReferenceError");
      return p.message;
    });
  it("claimProblems reports fixtures and specs that do not exist or do not name the claim", () => {
    const file = audit2([
      {
        ...c2,
        status: "verified",
        checkedBy: ["s002.a", "s002.gone", "spec/a_test.ts", "spec/b_test.ts", "spec/c_test.ts"],
      },
    ]);
    const specs: Record<string, string> = {
      "spec/a_test.ts": "checks S2-C001",
      "spec/b_test.ts": "nothing",
    };
    const context = {
      fixtureIds: new Set(["s002.a"]),
      records: [],
      specText: (p: string) => specs[p] ?? null,
    };
    assert.deepEqual(messages(file, context), [
      "S2-C001: fixture s002.gone does not exist",
      "S2-C001: spec/b_test.ts never names S2-C001",
      "S2-C001: spec/c_test.ts does not exist",
    ]);
    // Without specText the spec paths are not checked.
    assert.deepEqual(messages(file, { fixtureIds: new Set(["s002.a"]), records: [] }), [
      "S2-C001: fixture s002.gone does not exist",
    ]);
  });
  it("claimProblems reports errata and notes that have no record, or another document's", () => {
    const file = audit2([
      { ...c2, status: "erratum", erratum: "S1-E01" },
      { ...c2, id: "S2-C002", status: "note", note: "S1-N01" },
      { ...c2, id: "S2-C003", status: "erratum", erratum: "S2-E09" },
      { ...c2, id: "S2-C004", status: "note", note: "S2-N09" },
    ]);
    const records = [parseErrataRecord(erratum), parseErrataRecord(note)];
    assert.deepEqual(messages(file, { fixtureIds: new Set(), records }), [
      `S2-C001: S1-E01 is not an erratum of ${DOC2}`,
      `S2-C002: S1-N01 is not a note of ${DOC2}`,
      "S2-C003: erratum S2-E09 has no record",
      "S2-C004: note S2-N09 has no record",
    ]);
  });
  it("claimProblems reports a record of the wrong class under an id", () => {
    const file = parseClaims({
      document: erratum.document,
      sections: [{ section: "1.2", title: "t", audited: false }, {
        section: "2.1",
        title: "t",
        audited: false,
      }],
      claims: [{ ...c2, id: "S1-C001", status: "erratum", erratum: "S1-E01" }],
    });
    // A record list not from parseErrata: S1-E01 is a note.
    const records = [{ ...note, id: "S1-E01" }] as unknown as ErrataRecord[];
    assert.deepEqual(messages(file, { fixtureIds: new Set(), records }), [
      `S1-C001: S1-E01 is not an erratum of ${erratum.document}`,
    ]);
  });
  it("claimProblems reports records outside the sections, and unrecorded ones of audited sections only", () => {
    const records = [
      parseErrataRecord({ ...erratum, document: DOC2, id: "S2-E01", section: "9.9" }),
      parseErrataRecord({ ...erratum, document: DOC2, id: "S2-E02", section: "1.2" }),
      parseErrataRecord({ ...erratum, document: DOC2, id: "S2-E03", section: "1.3" }),
      parseErrataRecord({ ...erratum, document: DOC2, id: "S2-E04", section: "1.2" }),
      parseErrataRecord(erratum), // another document's
    ];
    const file = audit2([{ ...c2, status: "erratum", erratum: "S2-E04" }], [
      { section: "1.2", title: "t", audited: true },
      { section: "1.3", title: "t", audited: false },
    ]);
    assert.deepEqual(messages(file, { fixtureIds: new Set(), records }), [
      'S2-E01: section "9.9" is not in the audit\'s sections',
      "S2-E02 is in audited section 1.2, but no claim records it",
    ]);
  });
  it("claimProblems and claimCoverage refuse what is not a parsed file or a context", () => {
    const good = audit2([]);
    const fileMessage = /^file must be a parsed claims file \(from parseClaims\), got /;
    for (
      const bad of [
        null,
        "x",
        Object.assign(() => {}, { document: DOC2, claims: [], sections: [] }),
        { document: 5, claims: [], sections: [] },
        { document: DOC2, claims: {}, sections: [] },
        { document: DOC2, claims: [], sections: {} },
      ]
    ) {
      refuses(() => claimCoverage(bad as unknown as ClaimsFile), TYPE, fileMessage);
      refuses(
        () => claimProblems(bad as unknown as ClaimsFile, { fixtureIds: new Set(), records: [] }),
        TYPE,
        fileMessage,
      );
    }
    const contextMessage =
      /^context must be \{ fixtureIds: Set, records: list, specText\? \}, got /;
    for (
      const bad of [
        null,
        Object.assign(() => {}, { fixtureIds: new Set(), records: [] }),
        { records: [] },
        { fixtureIds: [], records: [] },
        { fixtureIds: new Set() },
        { fixtureIds: new Set(), records: [], specText: "spec" },
      ]
    ) {
      refuses(() => claimProblems(good, bad as never), TYPE, contextMessage);
    }
    assert.deepEqual(
      claimProblems(good, { fixtureIds: new Set(), records: [], specText: () => null }),
      [],
    );
  });
  it("claimCoverage counts claims by status and the audited sections", () => {
    const file = audit2([
      { ...c2, status: "verified", checkedBy: ["s002.a"] },
      { ...c2, id: "S2-C002", status: "erratum", erratum: "S2-E01" },
      { ...c2, id: "S2-C003", status: "note", note: "S2-N01" },
      { ...c2, id: "S2-C004", status: "verified", checkedBy: ["s002.a"] },
    ], [
      { section: "1.1", title: "t", audited: false },
      { section: "1.2", title: "t", audited: true },
      { section: "1.3", title: "t", audited: false },
    ]);
    assert.deepEqual(claimCoverage(file), {
      document: DOC2,
      claims: 4,
      verified: 2,
      wrong: 1,
      notes: 1,
      sectionsAudited: 1,
      sections: 3,
      unaudited: ["1.1", "1.3"],
    });
  });
});

describe("errataLinkProblems, linkErrata and resolveErrata, exactly", () => {
  const DOC1 = erratum.document;
  const DOC2 = "002_9788d94b14244768.txt";
  // parseFixture itself refuses a note id or another document's erratum id in `erratum`;
  // the linker checks them again, for fixtures not from parseFixture: such ids are set after.
  const fixture = (id: string, erratumIds: string[] | null, document = DOC1): Fixture => {
    const parsed = demoFixture({
      id,
      source: { document: DOC1, section: "1", quote: "q" },
      printed: { x: ["1", "2"] },
      erratum: erratumIds?.some((e) => e.includes("-N")) ? null : erratumIds,
    });
    return { ...parsed, source: { ...parsed.source, document }, erratum: erratumIds };
  };
  const e1 = parseErrataRecord({ ...erratum, fixtures: ["f.a"] }) as ErrataRecord;
  const n1 = parseErrataRecord({ ...note, fixtures: ["f.a", "f.b"] }) as ErrataRecord;
  const messages = (problems: RecordReferenceError[]) =>
    problems.map((p) => {
      assert.equal(p.name, "RecordReferenceError");
      return p.message;
    });
  it("no problems when both sides agree, and the errata and notes resolved", () => {
    const a = fixture("f.a", ["S1-E01"]);
    const b = fixture("f.b", null);
    const records = [e1, n1];
    assert.deepEqual(errataLinkProblems([a, b], records), []);
    assert.deepEqual(linkErrata([a, b], records), [
      { ...a, errata: [e1], notes: [n1] },
      { ...b, errata: [], notes: [n1] },
    ]);
  });
  it("an id used twice, a note listed as an erratum, a record not naming the fixture", () => {
    const e2 = parseErrataRecord({ ...erratum, id: "S1-E02", fixtures: ["f.c"] });
    const a = fixture("f.a", ["S1-E01", "S1-N01", "S1-E02"]);
    const c = fixture("f.c", ["S1-E02"]);
    assert.deepEqual(messages(errataLinkProblems([a, c], [e1, e1, n1, e2], { complete: false })), [
      "S1-E01 is used twice",
      "f.a lists S1-N01 as an erratum, but it is a note",
      "f.a lists S1-E02, whose record does not name it",
    ]);
  });
  it("a fixture of another document, and a record naming a fixture that does not exist", () => {
    const a = fixture("f.a", ["S1-E01"], DOC2);
    const e2 = parseErrataRecord({ ...erratum, id: "S1-E02", fixtures: ["f.a", "f.gone"] });
    const expected = [
      `f.a (${DOC2}) lists S1-E01 of ${DOC1}`,
      "S1-E02 names fixture f.a, which does not list it",
    ];
    const gone = "S1-E02 names fixture f.gone, which does not exist";
    assert.deepEqual(messages(errataLinkProblems([a], [e1, e2], { complete: false })), expected);
    assert.deepEqual(messages(errataLinkProblems([a], [e1, e2], { complete: true })), [
      ...expected,
      gone,
    ]);
    assert.deepEqual(messages(errataLinkProblems([a], [e1, e2])), [...expected, gone]);
    assert.deepEqual(messages(errataLinkProblems([a], [e1, e2], {})), [...expected, gone]);
  });
  it("a fixture listing an unknown id, and a check of a field that is not printed", () => {
    const checked = parseErrataRecord({
      ...erratum,
      fixtures: ["f.a"],
      checks: [{ field: "x", correct: ["1", "3"] }, { field: "W", correct: "1" }],
    });
    const a = fixture("f.a", ["S1-E01", "S1-E77"]);
    assert.deepEqual(messages(errataLinkProblems([a], [checked])), [
      "f.a lists S1-E77, which no record has",
      'S1-E01 checks field "W" of f.a, which does not print it',
    ]);
  });
  it("a note naming a fixture is no problem, and is not checked for fields", () => {
    assert.deepEqual(errataLinkProblems([fixture("f.a", null), fixture("f.b", null)], [n1]), []);
  });
  it("linkErrata throws the first problem and how many more", () => {
    const a = fixture("f.a", ["S1-E77"]);
    refuses(
      () => linkErrata([a], []),
      "RecordReferenceError",
      /^f\.a lists S1-E77, which no record has$/,
    );
    refuses(
      () => linkErrata([fixture("f.a", ["S1-E77", "S1-E78", "S1-E79"])], []),
      "RecordReferenceError",
      /^f\.a lists S1-E77, which no record has \(and 2 more\)$/,
    );
    refuses(
      () => linkErrata([fixture("f.a", ["S1-E77", "S1-E78"])], []),
      "RecordReferenceError",
      /^f\.a lists S1-E77, which no record has \(and 1 more\)$/,
    );
  });
  it("resolveErrata leaves errata unresolved when an id has no erratum, and attaches notes", () => {
    const a = fixture("f.a", ["S1-E01", "S1-E77"]);
    const b = fixture("f.b", ["S1-N01"]);
    const c = fixture("f.c", ["S1-E01"]);
    const d = fixture("f.d", null);
    assert.deepEqual(resolveErrata([a, b, c, d], [e1, n1]), [
      { ...a, notes: [n1] },
      { ...b, notes: [n1] },
      { ...c, errata: [e1], notes: [] },
      { ...d, errata: [], notes: [] },
    ]);
  });
  it("refuses what is not a list of parsed fixtures or records, or options not an object", () => {
    const a = fixture("f.a", null);
    const fixturesMessage =
      /^fixtures must be a list of parsed fixtures \(from parseFixtures\), got /;
    const recordsMessage =
      /^records must be a list of parsed errata records \(from parseErrata\), got /;
    const badFixtures = [
      5,
      [a, 5],
      [null],
      [Object.assign(() => {}, { id: "f.b", erratum: null })],
      [{ id: 5, erratum: null }],
      [{ id: "f.b", erratum: "S1-E01" }],
      [{ id: "f.b" }],
    ];
    for (const bad of badFixtures) {
      refuses(() => errataLinkProblems(bad as never, []), TYPE, fixturesMessage);
      refuses(() => resolveErrata(bad as never, []), TYPE, fixturesMessage);
    }
    const badRecords = [
      5,
      [e1, 5],
      [null],
      [Object.assign(() => {}, { id: "S1-E01", fixtures: [] })],
      [{ id: 5, fixtures: [] }],
      [{ id: "S1-E01", fixtures: "f.a" }],
    ];
    for (const bad of badRecords) {
      refuses(() => errataLinkProblems([a], bad as never), TYPE, recordsMessage);
      refuses(() => linkErrata([a], bad as never), TYPE, recordsMessage);
    }
    for (const bad of [null, 5, "complete"]) {
      refuses(
        () => errataLinkProblems([a], [], bad as never),
        TYPE,
        /^options must be an object \{ complete\? \}, got /,
      );
    }
  });
});
