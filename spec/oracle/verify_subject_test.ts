// verifyFixture's checks and the subject registry, edge by edge: computed values in every
// numeric form, the rendering of non-numeric ones, printed rounding in the printed and
// erratum checks, and every refusal with its message. Found unchecked by the mutation run
// (issue 12, tools/mutation/run.sh oracle).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { Fixture } from "../../oracle/fixture.ts";
import { verifyFixture } from "../../oracle/verify.ts";
import { demoFixture, fixtureWithErratum } from "../_demo_erratum.ts";
import { claims, subjectFor, subjectProblem } from "../../oracle/subject.ts";
import type { Subject } from "../../oracle/subject.ts";

const fixture = (patch: Record<string, unknown>): Fixture =>
  demoFixture({ id: "demo.v", ...patch });
const nested = (depth: number) => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};

describe("verifyFixture: computed values", () => {
  const f = fixture({});
  const only = (computed: unknown) => verifyFixture(f, { x: computed })[0];
  it("typed arrays and matrices are numeric", () => {
    assert.deepEqual(only(new Float64Array([1, 2])), {
      id: "demo.v",
      field: "x",
      kind: "value",
      ok: true,
      message: "",
    });
    const square = fixture({ expected: { x: [[1, 2], [3, 4]] } });
    const [check] = verifyFixture(square, { x: { rows: 2, cols: 2, data: [1, 2, 3, 5] } });
    assert.equal(check.ok, false);
    assert.match(check.message, /^1 of 4 values differ; first at \[1, 1\]: actual 5, expected 4/);
  });
  it("what is not numeric, named", () => {
    assert.equal(only(null).message, "computed null is not numeric");
    assert.equal(only([]).message, "computed [] is not numeric");
    assert.equal(only("1,2").message, 'computed "1,2" is not numeric');
    const deep = nested(65);
    assert.equal(only(deep).message, `computed ${JSON.stringify(deep)} is not numeric`);
    const fine = { ...f, expected: { x: nested(64) }, tolerance: { x: {} } } as Fixture; // parsed would be deeper
    assert.equal(verifyFixture(fine, { x: nested(64) })[0].ok, true);
  });
  it("non-numeric expected values: compared as JSON, shown short", () => {
    const text = fixture({ expected: { s: "x" }, tolerance: { s: { reason: "r" } } });
    const message = (computed: unknown) => verifyFixture(text, { s: computed })[0].message;
    assert.equal(message("x"), "");
    assert.equal(message(() => 1), 'computed a function, expected "x"');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    assert.equal(message(cyclic), 'computed an object, expected "x"');
    assert.equal(message("a".repeat(198)), `computed "${"a".repeat(198)}", expected "x"`);
    assert.equal(message("a".repeat(199)), `computed "${"a".repeat(199)}…, expected "x"`);
  });
  it("a field the fixture does not have", () => {
    assert.deepEqual(verifyFixture(f, { x: [1, 2] }, ["y"]), [
      {
        id: "demo.v",
        field: "y",
        kind: "value",
        ok: false,
        message: 'fixture has no expected "y"',
      },
    ]);
  });
});

describe("verifyFixture: printed digits and errata, with their rounding", () => {
  const third = (patch: Record<string, unknown>) =>
    fixture({
      expected: { t: 2 / 3 },
      tolerance: { t: { reason: "r" } },
      printed: { t: "0.6666" },
      ...patch,
    });
  const printedCheck = (f: Fixture) =>
    verifyFixture(f, { t: 2 / 3 }).find((c) => c.kind === "printed")!;
  it("printedRounding truncate is applied to the printed check", () => {
    assert.equal(printedCheck(third({ printedRounding: { t: "truncate" } })).ok, true);
    const nearest = printedCheck(third({}));
    assert.equal(nearest.ok, false);
    assert.match(nearest.message, /half a unit in the last printed digit/);
  });
  it("printed digits that are no number: a failed check, not a crash", () => {
    assert.deepEqual(printedCheck(third({ printed: { t: "abc" } })), {
      id: "demo.v",
      field: "t",
      kind: "printed",
      ok: false,
      message: 'Cannot read "abc" as a printed number: expected digits such as "-1.25e-3"',
    });
  });
  // An erratum of document 000 on field t, with its correction (spec/_demo_erratum.ts).
  const withErratum = (correct: string | null, patch: Record<string, unknown>) =>
    fixtureWithErratum(
      {
        id: "demo.v",
        source: { document: "000_96bf12324396e51d.txt", section: "1", quote: "q" },
        oracle: { method: "m", generator: null },
        input: {},
        printed: { t: "0.6667" },
        expected: { t: 2 / 3 },
        tolerance: { t: { reason: "r" } },
        erratum: null,
        ...patch,
      },
      correct === null ? undefined : [{ field: "t", correct }],
    );
  it("errata are checked under the field's rounding", () => {
    // Truncated, 2/3 prints as 0.6666: "0.6667" is wrong and "0.6666" right (under
    // nearest rounding it would be the other way round).
    const truncate = { printedRounding: { t: "truncate" } };
    const checks = verifyFixture(withErratum("0.6666", truncate), { t: 2 / 3 });
    assert.deepEqual(checks.map((c) => [c.kind, c.ok]), [["value", true], ["erratum", true]]);
    const nearest = verifyFixture(withErratum("0.6666", {}), { t: 2 / 3 })[1];
    assert.equal(
      nearest.message,
      "S0-E01 says printed.t is wrong, but it agrees with the true value",
    );
    const erratum = verifyFixture(withErratum("0.6667", truncate), { t: 2 / 3 })[1];
    assert.equal(erratum.ok, false);
    assert.match(erratum.message, /^S0-E01's correction is itself wrong: 1 of 1/);
  });
  it("an erratum that checks no field (a formula) gives no check", () => {
    const formula = withErratum(null, {});
    assert.deepEqual(verifyFixture(formula, { t: 2 / 3 }).map((c) => c.kind), ["value", "printed"]);
  });
});

describe("verifyFixture: its arguments", () => {
  const f = fixture({});
  it("a parsed fixture, field by field", () => {
    const got = "fixture must be a parsed fixture (from parseFixture), got";
    for (
      const [bad, what] of [
        [null, "null"],
        ["f", 'the string "f"'],
        [{ ...f, id: 1 }, "an object"],
        [{ ...f, expected: null }, "an object"],
        [{ ...f, expected: "x" }, "an object"],
        [{ ...f, tolerance: null }, "an object"],
        [{ ...f, tolerance: 1 }, "an object"],
        [{ ...f, printed: null }, "an object"],
        [{ ...f, printed: "0.5" }, "an object"],
      ] as const
    ) {
      assert.throws(() => verifyFixture(bad as never, {}), {
        name: "InputTypeError",
        message: `${got} ${what}`,
      });
    }
  });
  it("computed values by name, and field names", () => {
    for (const [bad, what] of [[null, "null"], [[1, 2], "an array"], [3, "the number 3"]]) {
      assert.throws(() => verifyFixture(f, bad as never), {
        name: "InputTypeError",
        message: `computed must be an object of fields by name, got ${what}`,
      });
    }
    for (const [bad, what] of [["x", 'the string "x"'], [["x", 1], "an array"]]) {
      assert.throws(() => verifyFixture(f, { x: [1, 2] }, bad as never), {
        name: "InputTypeError",
        message: `fields must be an array of field names, got ${what}`,
      });
    }
  });
});

describe("subjects: claims, subjectFor, subjectProblem", () => {
  const subject = (...ids: string[]): Subject => ({ ids, compute: () => ({}) });
  it("claims: exact ids and prefixes ending in *", () => {
    assert.equal(claims(subject("b.two", "a.one"), "a.one"), true);
    assert.equal(claims(subject("a.one"), "a.onex"), false);
    assert.equal(claims(subject("a.*"), "a.b"), true);
    assert.equal(claims(subject("a.*"), "ab.c"), false);
    assert.equal(claims(subject("a.b.*"), "a.b.c.d"), true);
  });
  it("claims: its arguments named", () => {
    const ids =
      "claims: subject.ids must be an array of fixture ids (or prefixes ending in *), got";
    for (
      const [bad, what] of [
        [null, "undefined"],
        [{ ids: "a.one" }, 'the string "a.one"'],
        [{ ids: ["a.one", 1] }, "an array"],
      ] as const
    ) {
      assert.throws(() => claims(bad as never, "a.one"), {
        name: "InputTypeError",
        message: `${ids} ${what}`,
      });
    }
    assert.throws(() => claims(subject("a.one"), 1 as never), {
      name: "InputTypeError",
      message: "claims: id must be a fixture id (a string), got the number 1",
    });
  });
  it("subjectFor: exactly one subject", () => {
    const one = subject("a.one"), other = subject("b.*");
    assert.equal(subjectFor([other, one], "a.one"), one);
    assert.throws(() => subjectFor([other], "a.one"), {
      name: "ArgumentRangeError",
      message: 'No subject computes fixture "a.one"',
    });
    assert.throws(() => subjectFor([one, subject("a.*"), other], "a.one"), {
      name: "ArgumentRangeError",
      message: '2 subjects claim fixture "a.one"; ids must be unique',
    });
    assert.throws(() => subjectFor({} as never, "a.one"), {
      name: "InputTypeError",
      message: "subjects must be an array of subjects, got an object",
    });
  });
  it("subjectProblem: each problem named, null for a good subject", () => {
    assert.equal(subjectProblem(subject("a.one")), null);
    assert.equal(
      subjectProblem({ ids: ["a.one"], fields: ["x"], compute: (_f: unknown) => ({}) }),
      null,
    );
    const problems: [unknown, string][] = [
      [null, "a subject must be an object { ids, fields?, compute }, got null"],
      [3, "a subject must be an object { ids, fields?, compute }, got number"],
      ...[[], [""], ["a.one", ""], ["a.one", 1], "a.one"].map((ids): [unknown, string] => [
        { ids, compute: () => ({}) },
        "subject.ids must be a non-empty array of fixture ids (or prefixes ending in *)",
      ]),
      ...[["x", 1], "x"].map((fields): [unknown, string] => [
        { ids: ["a.one"], fields, compute: () => ({}) },
        "subject.fields must be an array of expected field names (subject a.one)",
      ]),
      [
        { ids: ["a.one"] },
        "subject.compute must be a function (fixture) => fields, got undefined (subject a.one)",
      ],
      [
        { ids: ["a.one"], compute: (_f: unknown, _g: unknown) => ({}) },
        "subject.compute must take one parameter (the fixture), but declares 2 (subject a.one)",
      ],
    ];
    for (const [bad, message] of problems) assert.equal(subjectProblem(bad), message);
  });
});
