import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { errataOf, parseFixture, parseFixtures } from "../../oracle/fixture.ts";
import { RecordReferenceError } from "../../oracle/errata.ts";
import { fixtureWithErratum } from "../_demo_erratum.ts";

const good = () => ({
  id: "demo.half",
  source: { document: "000_96bf12324396e51d.txt", section: "1", quote: "0.5" },
  oracle: { method: "exact", generator: null },
  input: {},
  printed: { half: "0.5" },
  expected: { half: 0.5, edge: ["NaN", "Infinity", "-Infinity", 1] },
  tolerance: { half: { reason: "exact" }, edge: { reason: "exact" } },
  erratum: null,
});

describe("parseFixture", () => {
  it("decodes non-finite numbers written as strings in expected", () => {
    const edge = parseFixture(good()).expected.edge as number[];
    assert.ok(Number.isNaN(edge[0]));
    assert.deepEqual(edge.slice(1), [Infinity, -Infinity, 1]);
  });
  it("reads a file holding an array of fixtures", () => {
    assert.equal(parseFixtures([good(), { ...good(), id: "demo.two" }], "f.json").length, 2);
  });
  it("keeps erratum ids, and errataOf gives the records once they are linked", () => {
    assert.deepEqual(errataOf({ erratum: null }), []);
    assert.deepEqual(parseFixture({ ...good(), erratum: ["S0-E01"] }).erratum, ["S0-E01"]);
    const linked = fixtureWithErratum(good(), [{ field: "half", correct: "0.4" }]);
    assert.deepEqual(errataOf(linked).map((e) => e.id), ["S0-E01"]);
  });
  it("refuses to hand out errata that were never linked (their checks would be skipped)", () => {
    const unlinked = parseFixture({ ...good(), erratum: ["S0-E01"] });
    assert.throws(() => errataOf(unlinked), RecordReferenceError);
  });
  const broken: [string, (f: ReturnType<typeof good>) => unknown, RegExp][] = [
    ["not an object", () => [1], /must be a JSON object/],
    ["a bad id", (f) => ({ ...f, id: "has space" }), /id must be dotted words/],
    [
      "no source quote",
      (f) => ({ ...f, source: { document: "d", section: "1" } }),
      /"quote" must be a non-empty string/,
    ],
    ["no oracle", (f) => ({ ...f, oracle: undefined }), /"oracle" is required/],
    [
      "an expected field without tolerance",
      (f) => ({ ...f, tolerance: { half: { reason: "r" } } }),
      /expected\.edge has no tolerance/,
    ],
    [
      "an orphan tolerance",
      (f) => ({ ...f, tolerance: { ...f.tolerance, other: { reason: "r" } } }),
      /tolerance\.other has no expected value/,
    ],
    [
      "a malformed tolerance",
      (f) => ({ ...f, tolerance: { ...f.tolerance, half: { rtol: -1, reason: "r" } } }),
      /tolerance\.half: rtol must be a number ≥ 0, got the number -1/,
    ],
    [
      "an unknown tolerance key",
      (f) => ({ ...f, tolerance: { ...f.tolerance, half: { decimals: 3 } } }),
      /unknown key "decimals"/,
    ],
    [
      "a printed field with no truth",
      (f) => ({ ...f, printed: { other: "1" } }),
      /printed\.other has no expected value/,
    ],
    ["no erratum key", (f) => ({ ...f, erratum: undefined }), /"erratum" is required/],
    [
      "an inline erratum object (the records live in fixtures/errata/)",
      (f) => ({ ...f, erratum: { field: "half", printed: "1", correct: "2", why: "w" } }),
      /list of erratum ids such as \["S1-E09"\]/,
    ],
    ["an empty erratum list", (f) => ({ ...f, erratum: [] }), /list of erratum ids/],
    ["a note id as an erratum", (f) => ({ ...f, erratum: ["S0-N01"] }), /list of erratum ids/],
    ["an erratum id twice", (f) => ({ ...f, erratum: ["S0-E01", "S0-E01"] }), /lists an id twice/],
    [
      "an erratum of another document",
      (f) => ({ ...f, erratum: ["S1-E01"] }),
      /belongs to another document/,
    ],
    [
      "an object in expected",
      (f) => ({ ...f, expected: { ...f.expected, half: { a: 1 } } }),
      /expected\.half must be numbers/,
    ],
  ];
  for (const [what, mutate, message] of broken) {
    it(`refuses ${what} with a TypeError naming the file`, () => {
      assert.throws(() => parseFixture(mutate(good()), "x.json"), (error: unknown) => {
        assert.ok(error instanceof TypeError, String(error));
        assert.match((error as Error).message, /^x\.json/);
        assert.match((error as Error).message, message);
        return true;
      });
    });
  }
});
