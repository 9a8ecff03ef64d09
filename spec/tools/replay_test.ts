// The replay engine (lib/oracle/replay.ts): one result per fixture, whatever goes wrong,
// and every failure named per fixture while the run goes on.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parseFixture } from "../../oracle/fixture.ts";
import { replay, replayFixture } from "../../oracle/replay.ts";
import { subjectProblem } from "../../oracle/subject.ts";
import { summarize } from "../../oracle/replay_summary.ts";
import type { Subject } from "../../oracle/subject.ts";
import { fixtureWithErratum } from "../_demo_erratum.ts";

// 1/3 printed as 0.3334 (a wrong last digit, recorded as an erratum) and 2/3 printed right.
const thirds = fixtureWithErratum({
  id: "demo.thirds",
  title: "thirds",
  source: { document: "001_85ee514aa7c85552.txt", section: "9.9", quote: "0.3334" },
  oracle: { method: "exact rationals", generator: null },
  input: { numerator: [1, 2], denominator: 3 },
  printed: { third: "0.3334", twoThirds: "0.6667" },
  expected: { third: 1 / 3, twoThirds: 2 / 3, pair: [1 / 3, 2 / 3] },
  tolerance: {
    third: { ulps: 0, reason: "one division" },
    twoThirds: { ulps: 0, reason: "one division" },
    pair: { ulps: 0, reason: "one division each" },
  },
}, [{ field: "third", correct: "0.3333" }]);
const seeded = parseFixture({
  id: "demo.seeded",
  source: { document: "002_9788d94b14244768.txt", section: "7", quote: "random" },
  oracle: { method: "numpy RandomState(1)", generator: null },
  input: {},
  printed: {},
  expected: { draws: [0.5] },
  tolerance: { draws: { reason: "exact" } },
  erratum: null,
  random: { seed: 1, note: "stand-in" },
});

const right: Subject = {
  ids: ["demo.thirds"],
  compute: (fixture) => {
    const denominator = fixture.input.denominator as number;
    return { third: 1 / denominator, twoThirds: 2 / denominator, pair: [1 / 3, 2 / 3] };
  },
};
const seededSubject: Subject = { ids: ["demo.seeded"], compute: () => ({ draws: [0.5] }) };

describe("replay: a correct subject", () => {
  const result = replayFixture(thirds, [right, seededSubject]);
  it("passes, with the document's fields", () => {
    assert.equal(result.status, "pass", result.messages.join("; "));
    assert.equal(result.ok, true);
    assert.equal(result.document, "001_85ee514aa7c85552.txt");
    assert.equal(result.section, "9.9");
    assert.equal(result.title, "thirds");
  });
  it("lists printed, computed and true value field by field", () => {
    const third = result.fields.find((field) => field.field === "third")!;
    assert.equal(third.printed, "0.3334");
    assert.equal(third.computed, 1 / 3);
    assert.equal(third.expected, 1 / 3);
    assert.equal(third.valueOk, true);
    assert.equal(third.printedOk, true, "the erratum holds both ways");
    assert.equal(third.erratum?.id, "S1-E01");
    assert.deepEqual(third.erratum?.checks, [{ field: "third", correct: "0.3333" }]);
    const pair = result.fields.find((field) => field.field === "pair")!;
    assert.equal(pair.printed, undefined);
    assert.equal(pair.printedOk, null);
  });
  it("counts the erratum and the agreement with the printed digits", () => {
    assert.equal(result.errata.length, 1);
    assert.equal(result.printedAgrees, true);
  });
  it("reports a fixture whose erratum ids were never linked as an error, not a pass", () => {
    const unlinked = parseFixture({ ...thirds, errata: undefined, notes: undefined });
    const failed = replayFixture(unlinked, [right, seededSubject]);
    assert.equal(failed.status, "error");
    assert.match(failed.messages[0], /S1-E01 that were never resolved/);
  });
});

describe("replay: bad input is reported per fixture and the run goes on", () => {
  it("a subject that throws gives an error result naming the exception", () => {
    const throwing: Subject = {
      ids: ["demo.thirds"],
      compute: () => {
        throw new RangeError("denominator must be positive");
      },
    };
    const run = replay([thirds, seeded], [throwing, seededSubject]);
    assert.deepEqual(run.results.map((r) => r.status), ["error", "pass"]);
    assert.match(run.results[0].messages[0], /threw RangeError: denominator must be positive/);
    // Even uncomputed, the document's digits are still checked against the true value.
    assert.equal(run.results[0].printedAgrees, true);
  });
  it("a fixture no subject claims is no-subject", () => {
    const run = replay([thirds, seeded], [seededSubject]);
    assert.equal(run.results[0].status, "no-subject");
    assert.match(run.results[0].messages[0], /No subject computes fixture "demo\.thirds"/);
    assert.equal(run.results[1].status, "pass");
  });
  it("a value of the wrong shape fails that field and names the shapes", () => {
    const wrongShape: Subject = {
      ids: ["demo.thirds"],
      compute: () => ({ third: 1 / 3, twoThirds: 2 / 3, pair: [[1 / 3, 2 / 3]] }),
    };
    const result = replayFixture(thirds, [wrongShape]);
    assert.equal(result.status, "fail");
    assert.match(
      result.messages.join("\n"),
      /value pair: Shapes differ: actual \[1,2\] vs expected \[2\]/,
    );
    assert.equal(result.fields.find((f) => f.field === "third")!.valueOk, true);
  });
  it("a missing field and a wrong value are named", () => {
    const wrong: Subject = {
      ids: ["demo.thirds"],
      compute: () => ({ third: 0.3334, pair: [1 / 3, 2 / 3] }),
    };
    const result = replayFixture(thirds, [wrong]);
    assert.equal(result.status, "fail");
    const text = result.messages.join("\n");
    assert.match(text, /value third: 1 of 1 values differ/);
    assert.match(text, /value twoThirds: nothing was computed for "twoThirds"/);
  });
  it("a subject returning a non-object is an error naming what was expected", () => {
    const scalar = { ids: ["demo.thirds"], compute: () => 1 / 3 } as unknown as Subject;
    const result = replayFixture(thirds, [scalar]);
    assert.equal(result.status, "error");
    assert.match(
      result.messages[0],
      /returned number, expected an object of expected fields \{ third, twoThirds, pair \}/,
    );
    const list = { ids: ["demo.thirds"], compute: () => [1 / 3] } as unknown as Subject;
    assert.match(replayFixture(thirds, [list]).messages[0], /returned an array/);
  });
  it("an async subject is refused: compute must be synchronous", () => {
    const asyncSubject = {
      ids: ["demo.thirds"],
      compute: () => Promise.resolve({}),
    } as unknown as Subject;
    const result = replayFixture(thirds, [asyncSubject]);
    assert.equal(result.status, "bad-subject");
    assert.match(result.messages[0], /returned a Promise/);
  });
  it("extra computed fields are listed but are not a failure", () => {
    const extra: Subject = {
      ids: ["demo.thirds"],
      compute: () => ({ third: 1 / 3, twoThirds: 2 / 3, pair: [1 / 3, 2 / 3], quarter: 0.25 }),
    };
    const result = replayFixture(thirds, [extra]);
    assert.equal(result.status, "pass");
    assert.deepEqual(result.extraFields, ["quarter"]);
  });
  it("only the subject's own fields are checked", () => {
    const partial: Subject = {
      ids: ["demo.thirds"],
      fields: ["pair"],
      compute: () => ({ pair: [1 / 3, 2 / 3] }),
    };
    const result = replayFixture(thirds, [partial]);
    assert.equal(result.status, "pass", result.messages.join("; "));
    assert.equal(result.fields.find((f) => f.field === "third")!.valueOk, null);
  });
  it("an id asked for that no fixture has is unknown-id, with near ids", () => {
    const run = replay([thirds, seeded], [right, seededSubject], {
      ids: ["demo.thirds", "demo.fourths"],
    });
    assert.deepEqual(run.results.map((r) => [r.id, r.status]), [
      ["demo.thirds", "pass"],
      ["demo.fourths", "unknown-id"],
    ]);
    assert.match(
      run.results[1].messages[0],
      /No fixture has id "demo\.fourths"; ids with the same prefix: demo\.thirds, demo\.seeded/,
    );
  });
  it("ids may be prefixes", () => {
    const run = replay([thirds, seeded], [right, seededSubject], { ids: ["demo.*"] });
    assert.equal(run.results.length, 2);
  });
  it("two subjects claiming one fixture is bad-subject", () => {
    const result = replayFixture(thirds, [right, { ids: ["demo.*"], compute: () => ({}) }]);
    assert.equal(result.status, "bad-subject");
    assert.match(result.messages[0], /2 subjects claim fixture "demo\.thirds"/);
  });
});

describe("replay: subjects with the wrong signature", () => {
  const cases: [string, unknown, RegExp][] = [
    ["null", null, /must be an object/],
    ["no ids", { compute: () => ({}) }, /ids must be a non-empty array/],
    ["empty ids", { ids: [], compute: () => ({}) }, /ids must be a non-empty array/],
    ["ids not strings", { ids: [1], compute: () => ({}) }, /ids must be a non-empty array/],
    [
      "fields not strings",
      { ids: ["a"], fields: "x", compute: () => ({}) },
      /fields must be an array/,
    ],
    ["compute not a function", { ids: ["a"], compute: 3 }, /compute must be a function/],
    [
      "compute with two parameters",
      { ids: ["a"], compute: (_a: unknown, _b: unknown) => ({}) },
      /one parameter.*declares 2/,
    ],
  ];
  for (const [what, subject, message] of cases) {
    it(`rejects ${what}`, () => {
      assert.match(subjectProblem(subject) ?? "", message);
    });
  }
  it("a malformed subject claiming a fixture makes that fixture bad-subject; others still run", () => {
    const twoParameters = {
      ids: ["demo.thirds"],
      compute: (_a: unknown, _b: unknown) => ({}),
    } as unknown as Subject;
    const run = replay([thirds, seeded], [
      twoParameters,
      seededSubject,
      null as unknown as Subject,
    ]);
    assert.deepEqual(run.results.map((r) => r.status), ["bad-subject", "pass"]);
    assert.match(run.results[0].messages[0], /declares 2/);
    assert.deepEqual(run.subjectProblems.map((p) => p.index), [0, 2]);
  });
  it("subject ids that match no fixture are listed as unclaimed", () => {
    const run = replay([thirds], [right, { ids: ["demo.typo"], compute: () => ({}) }]);
    assert.deepEqual(run.unclaimed, ["demo.typo"]);
  });
});

describe("summarize", () => {
  it("counts reproduced, failed, errata and random stand-ins", () => {
    const run = replay([thirds, seeded], [seededSubject], { ids: ["demo.*", "demo.none"] });
    const summary = summarize(run.results);
    assert.equal(summary.fixtures, 2);
    assert.equal(summary.reproduced, 1);
    assert.equal(summary.failed, 2);
    assert.equal(summary.byStatus["no-subject"], 1);
    assert.equal(summary.byStatus["unknown-id"], 1);
    assert.equal(summary.errata, 1);
    assert.equal(summary.erratumReferences, 1);
    assert.equal(summary.notes, 0);
    assert.equal(summary.fixturesWithErrata, 1);
    assert.equal(summary.random, 1);
    assert.equal(summary.printedAgree, 1);
    assert.equal(summary.printedNone, 1);
  });
});
