// The oracle toolkit's smaller pieces, edge by edge: printed-digit agreement (the
// non-finite spellings, truncation's interval, the slack, every message part), ulp
// distances across the sign, errataOf, parseFixture's file names, and summarize's input
// checks and counts. Found unchecked by the mutation run (issue 12,
// tools/mutation/run.sh oracle).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { AssertionError } from "../../oracle/assertion_error.ts";
import { assertPrinted, parsePrinted, printedMismatch } from "../../oracle/assert_printed.ts";
import { ulp, ulpDistance } from "../../oracle/ulp.ts";
import { errataOf, parseFixture, parseFixtures } from "../../oracle/fixture.ts";
import { summarize } from "../../oracle/replay_summary.ts";
import type { ReplayResult } from "../../oracle/replay_summary.ts";

describe("AssertionError", () => {
  it("is named, so runners and messages say what failed", () => {
    const error = new AssertionError("m");
    assert.equal(error.name, "AssertionError");
    assert.equal(String(error), "AssertionError: m");
  });
});

describe("parsePrinted", () => {
  it("every non-finite spelling, any case, spaces and U+2212 minus", () => {
    const spellings: [string, number][] = [
      ["NaN", NaN],
      ["inf", Infinity],
      ["+Inf", Infinity],
      ["Infinity", Infinity],
      ["+infinity", Infinity],
      ["-inf", -Infinity],
      ["-Infinity", -Infinity],
      ["\u2212inf", -Infinity],
      [" INF ", Infinity],
    ];
    for (const [text, value] of spellings) {
      assert.deepEqual(parsePrinted(text), { text, value, unit: 0 }, text);
    }
  });
  it("digits with spaces around them; the unit of the last digit", () => {
    assert.deepEqual(parsePrinted("  2.50 "), { text: "  2.50 ", value: 2.5, unit: 10 ** -2 });
    assert.deepEqual(parsePrinted("\u22121.5e3"), { text: "\u22121.5e3", value: -1500, unit: 100 });
    assert.throws(() => parsePrinted(2 as never), {
      name: "InputTypeError",
      message: "A printed value must be a string, got the number 2",
    });
  });
});

describe("printedMismatch", () => {
  it("non-finite against finite: a bound of 0, either way round", () => {
    assert.equal(
      printedMismatch(1, "inf"),
      '1 of 1 printed values disagree; first: actual 1, printed "inf", difference Infinity ' +
        "exceeds 0 (half a unit in the last printed digit)",
    );
    assert.equal(
      printedMismatch(Infinity, "1"),
      '1 of 1 printed values disagree; first: actual Infinity, printed "1", difference ' +
        "Infinity exceeds 0 (half a unit in the last printed digit)",
    );
    assert.equal(printedMismatch([NaN, -Infinity], ["nan", "-inf"]), null);
  });
  it("nearest: half a unit plus two ulps of the larger magnitude", () => {
    // |x − 2| = 0.5 + 6 ulps(0.5): beyond 0.5 + 2 ulps(x), within 0.5 + 2 ulps(2).
    const x = 1.5 - 3 * Number.EPSILON;
    assert.equal(printedMismatch(x, "2"), null);
    assert.notEqual(printedMismatch(x - 2 * Number.EPSILON, "2"), null);
  });
  it("truncate: from the printed value up one unit (away from zero), both ends included", () => {
    const truncate = { rounding: "truncate" } as const;
    assert.equal(printedMismatch(0.5, "0.5", truncate), null);
    assert.equal(printedMismatch(2, "1", truncate), null, "one whole unit above");
    assert.equal(printedMismatch(-2, "-1", truncate), null, "away from zero when negative");
    assert.equal(
      printedMismatch(0.7, "0.5", truncate),
      '1 of 1 printed values disagree; first: actual 0.7, printed "0.5", difference ' +
        "0.19999999999999996 exceeds 0.1 (one unit, truncated in the last printed digit)",
    );
    assert.notEqual(printedMismatch(0.45, "0.5", truncate), null, "below the printed value");
    // A printed zero truncates either sign: the sign is the actual value's.
    assert.equal(printedMismatch(-0.05, "0.0", truncate), null);
    assert.notEqual(printedMismatch(0.15, "0.0", truncate), null);
    assert.notEqual(printedMismatch(-0.15, "0.0", truncate), null);
  });
  it("counts every disagreement, names the first with its multi-index", () => {
    assert.equal(
      printedMismatch([[1, 2], [3, 4]], [["1", "9"], ["3", "9"]]),
      '2 of 4 printed values disagree; first at [0, 1]: actual 2, printed "9", difference 7 ' +
        "exceeds 0.5000000000000036 (half a unit in the last printed digit)", // + 2 ulps(9)
    );
    // [1, 11] against [11, 1]: the same digits if the shapes were written without commas.
    const row = [Array.from({ length: 11 }, (_, i) => i)];
    const column = row[0].map((i) => [String(i)]);
    assert.equal(printedMismatch(row, column), "Shapes differ: actual [1,11] vs printed [11,1]");
  });
  it("options and values checked, each named", () => {
    assert.throws(() => printedMismatch(1, "1", null as never), {
      name: "InputTypeError",
      message: "options must be an object, got null",
    });
    assert.throws(() => printedMismatch(1, "1", 5 as never), {
      message: "options must be an object, got the number 5",
    });
    assert.throws(() => printedMismatch(1, "1", { rounding: "up" as never }), {
      message: 'options.rounding must be "nearest" or "truncate", got "up"',
    });
    assert.throws(() => printedMismatch("x" as never, "1"), {
      message: 'actual: expected a number or an array of them, got the string "x"',
    });
    assert.throws(() => printedMismatch(1, 1 as never), {
      message: "printed: expected a string or an array of them, got the number 1",
    });
  });
  it("assertPrinted: the context prefixes the message", () => {
    assert.throws(() => assertPrinted(1, "2", {}, "w[0]"), {
      name: "AssertionError",
      message: /^w\[0\]: 1 of 1 printed values disagree/,
    });
  });
});

describe("ulpDistance and ulp across the sign", () => {
  it("negative numbers on either side", () => {
    const MIN = Number.MIN_VALUE;
    assert.equal(ulpDistance(MIN, -MIN), 2);
    assert.equal(ulpDistance(0, -MIN), 1);
    assert.equal(ulpDistance(-MIN, 0), 1);
    assert.equal(ulpDistance(-1, -2), 2 ** 52);
    assert.equal(ulpDistance(-2, -1), 2 ** 52);
    assert.equal(ulpDistance(-1, -1 - Number.EPSILON), 1);
    // ordered(1) = 0x3FF0000000000000; ±1 are twice that apart (rounded above 2⁵³).
    assert.equal(ulpDistance(1, -1), 2 * 0x3ff0000000000000);
    assert.equal(ulpDistance(-1, 1), 2 * 0x3ff0000000000000);
  });
  it("numbers only, either argument", () => {
    assert.throws(() => ulpDistance("1" as never, 1), {
      name: "InputTypeError",
      message: 'ulpDistance compares numbers; got the string "1" and the number 1',
    });
  });
  it("ulp at the ends of the range", () => {
    assert.equal(ulp(0), Number.MIN_VALUE);
    assert.equal(ulp(-1), Number.EPSILON);
    assert.equal(ulp(Number.MAX_VALUE), 2 ** 971);
    assert.ok(Number.isNaN(ulp(Infinity)) && Number.isNaN(ulp(NaN)));
  });
});

describe("errataOf and parseFixture's file names", () => {
  const good = () => ({
    id: "demo.half",
    source: { document: "none", section: "1", quote: "0.5" },
    oracle: { method: "exact", generator: null },
    input: {},
    printed: { half: "0.5" },
    expected: { half: 0.5 },
    tolerance: { half: { reason: "exact" } },
    erratum: null,
  });
  it("errataOf: null, undefined and [] are none; unlinked ids are refused; linked, the records", () => {
    assert.deepEqual(errataOf({ erratum: null }), []);
    assert.deepEqual(errataOf({ erratum: undefined } as never), []);
    assert.deepEqual(errataOf({ erratum: [] }), []);
    assert.throws(() => errataOf({ erratum: ["S0-E01", "S0-E02"] }), {
      name: "RecordReferenceError",
      message: "the fixture lists errata S0-E01, S0-E02 that were never resolved: load " +
        "fixtures together with fixtures/errata/ and call linkErrata",
    });
    const records = [{ id: "S0-E01" }] as never;
    assert.equal(errataOf({ erratum: ["S0-E01"], errata: records }), records);
    assert.throws(() => errataOf({} as never), {
      name: "InputTypeError",
      message: "errataOf takes a fixture (with its erratum field), got an object",
    });
    assert.throws(() => errataOf(null as never), {
      message: "errataOf takes a fixture (with its erratum field), got null",
    });
  });
  it("the default names and a where that is not a string", () => {
    assert.throws(() => parseFixture({ ...good(), id: "" }), {
      message: 'fixture (): id must be dotted words such as "s001.commute", got ""',
    });
    assert.throws(() => parseFixtures([]), {
      message: "fixture file: an empty list; a fixture file holds at least one fixture",
    });
    assert.throws(() => parseFixture(good(), 5 as never), {
      name: "InputTypeError",
      message: "where must be a string (a file name), got the number 5",
    });
    assert.equal(parseFixtures(good(), "one.json").length, 1);
  });
});

describe("summarize: its input checked, its counts", () => {
  const result = (patch: Partial<ReplayResult>) =>
    ({ status: "pass", errata: [], random: false, printedAgrees: true, ...patch }) as ReplayResult;
  it("results that are not replay results are named", () => {
    assert.throws(() => summarize({} as never), {
      name: "InputTypeError",
      message: "results must be the array replay() returned, got an object",
    });
    const statuses = "pass, fail, error, no-subject, bad-subject, unknown-id";
    for (
      const [bad, got] of [
        [null, "undefined"],
        [{ status: "weird" }, 'the string "weird"'],
        [{ status: "toString" }, 'the string "toString"'],
        [{ status: 1 }, "the number 1"],
      ] as const
    ) {
      assert.throws(() => summarize([bad] as never), {
        name: "InputTypeError",
        message: `each result must have a replay status (${statuses}), got ${got}`,
      });
    }
  });
  it("errata, random stand-ins and printed agreement, counted per fixture", () => {
    const erratum = { id: "S0-E01" } as never, other = { id: "S0-E02" } as never;
    const summary = summarize([
      result({
        errata: [erratum, other],
        printedAgrees: false,
        notes: [{ id: "S0-N01" }] as never,
      }),
      result({ random: true, printedAgrees: null, errata: [erratum] }),
      result({ status: "fail" }),
      result({ status: "unknown-id", errata: [erratum], random: true, printedAgrees: true }),
    ]);
    assert.deepEqual(
      { ...summary, byStatus: undefined },
      {
        fixtures: 3,
        reproduced: 2,
        failed: 2,
        byStatus: undefined,
        errata: 2, // S0-E01 and S0-E02, each counted once
        erratumReferences: 3,
        notes: 1,
        fixturesWithErrata: 2,
        random: 1,
        printedAgree: 1,
        printedNone: 1,
      },
    );
  });
});
