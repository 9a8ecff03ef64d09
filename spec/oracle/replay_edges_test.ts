// replay and replayFixture, edge by edge: what a result holds when nothing could be
// computed, how computed values are copied for printing, which subjects are candidates,
// id selection by prefix, unknown ids with their near misses, unclaimed patterns, and
// every refusal with its message. Found unchecked by the mutation run (issue 12,
// tools/mutation/run.sh oracle).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { Fixture } from "../../oracle/fixture.ts";
import { replay, replayFixture } from "../../oracle/replay.ts";
import type { Subject } from "../../oracle/subject.ts";
import { demoFixture, fixtureWithErratum } from "../_demo_erratum.ts";

const make = (id: string, patch: Record<string, unknown> = {}): Fixture =>
  demoFixture({ id, source: { document: "none", section: "2", quote: "q" }, ...patch });
const subject = (ids: string[], compute: () => unknown, fields?: string[]): Subject =>
  ({ ids, compute, ...(fields ? { fields } : {}) }) as Subject;

describe("replayFixture: results when nothing was computed", () => {
  const printed = make("demo.p", {
    title: "printed",
    printed: { x: ["1", "2"], y: "3.5" },
    expected: { x: [1, 2], y: 3 },
    tolerance: { x: { reason: "r" }, y: { reason: "r" } },
    random: { seed: 1, note: "n" },
  });
  it("no subject: the document's checks alone, fields listed, not ok", () => {
    const result = replayFixture(printed, [subject(["other.*"], () => ({}))]);
    assert.equal(result.status, "no-subject");
    assert.equal(result.ok, false);
    assert.equal(result.random, true);
    assert.equal(result.title, "printed");
    assert.deepEqual(result.messages, ['No subject computes fixture "demo.p"']);
    assert.deepEqual(result.checks.map((c) => [c.kind, c.field, c.ok]), [
      ["printed", "x", true],
      ["printed", "y", false],
    ]);
    assert.equal(result.printedAgrees, false, "one printed field of two disagrees");
    assert.deepEqual(result.fields.map((f) => [f.field, f.computed, f.valueOk, f.printedOk]), [
      ["x", undefined, null, true],
      ["y", undefined, null, false],
    ]);
    assert.match(result.fields[1].messages[0], /^printed: 1 of 1 printed values disagree/);
    assert.deepEqual(result.fields[0].messages, []);
  });
  it("random null or absent is not a seeded stand-in; the title defaults to the id", () => {
    for (const fixture of [make("demo.r", { random: null }), make("demo.r")]) {
      const result = replayFixture(fixture, []);
      assert.equal(result.random, false);
      assert.equal(result.title, "demo.r");
    }
  });
  it("two subjects claiming: bad-subject, both patterns named", () => {
    const result = replayFixture(printed, [
      subject(["demo.*", "x.y"], () => ({})),
      subject(["demo.p"], () => ({})),
    ]);
    assert.equal(result.status, "bad-subject");
    assert.deepEqual(result.messages, [
      '2 subjects claim fixture "demo.p" (demo.*,x.y | demo.p); ids must be unique',
    ]);
  });
  it("a subject whose ids are not all strings is no candidate", () => {
    const result = replayFixture(printed, [subject(["demo.p", 1 as never], () => ({}))]);
    assert.equal(result.status, "no-subject");
  });
  it("what compute returns, when it is not a record", () => {
    for (
      const [value, what] of [[null, "null"], [[1, 2], "an array"], [5, "number"], ["s", "string"]]
    ) {
      const result = replayFixture(make("demo.c"), [subject(["demo.c"], () => value)]);
      assert.equal(result.status, "error");
      assert.deepEqual(result.messages, [
        `subject for "demo.c" returned ${what}, expected an object of expected fields { x }`,
      ]);
    }
  });
});

describe("replayFixture: computed values, copied plain, field by field", () => {
  it("typed arrays and matrices become nested arrays; other objects are copied through", () => {
    const fixture = make("demo.m", {
      expected: { m: [[1, 2, 3], [4, 5, 6]], v: [1, 2], o: [1], n: [1] },
      tolerance: { m: { reason: "r" }, v: { reason: "r" }, o: { reason: "r" }, n: { reason: "r" } },
    });
    const result = replayFixture(fixture, [
      subject(["demo.m"], () => ({
        m: { rows: 2, cols: 3, data: new Float64Array([1, 2, 3, 4, 5, 6]) },
        v: new Float32Array([1, 2]),
        o: { a: new Float64Array([1]), b: null, rows: "2", cols: 1, data: [1] },
        n: { rows: 1, cols: 1 },
        extra: 1,
      })),
    ]);
    const computed = Object.fromEntries(result.fields.map((f) => [f.field, f.computed]));
    assert.deepEqual(computed, {
      m: [[1, 2, 3], [4, 5, 6]],
      v: [1, 2],
      o: { a: [1], b: null, rows: "2", cols: 1, data: [1] },
      n: { rows: 1, cols: 1 },
    });
    assert.deepEqual(result.fields.map((f) => f.valueOk), [true, true, false, false]);
    assert.deepEqual(result.extraFields, ["extra"]);
    assert.equal(result.status, "fail");
    assert.deepEqual(result.messages, [
      'value o: computed {"a":{"0":1},"b":null,"rows":"2","cols":1,"data":[1]} is not numeric',
      'value n: computed {"rows":1,"cols":1} is not numeric',
    ]);
  });
  it("fields a subject does not list are not shown as computed, and carry no erratum", () => {
    const fixture = fixtureWithErratum({
      id: "demo.f",
      source: { document: "000_96bf12324396e51d.txt", section: "2", quote: "q" },
      oracle: { method: "m", generator: null },
      input: {},
      printed: { a: "2" },
      expected: { a: 1, b: 2 },
      tolerance: { a: { reason: "r" }, b: { reason: "r" } },
      erratum: null,
    }, [{ field: "a", correct: "1" }]);
    const result = replayFixture(fixture, [subject(["demo.f"], () => ({ a: 1, b: 2 }), ["b"])]);
    assert.deepEqual(result.fields.map((f) => [f.field, f.computed, f.valueOk]), [
      ["a", undefined, null],
      ["b", 2, true],
    ]);
    assert.deepEqual(result.fields.map((f) => f.erratum?.id ?? null), ["S0-E01", null]);
  });
});

describe("replay: selection, unknown ids, unclaimed patterns", () => {
  const fixtures = ["demo.a", "demo.ab", "demo.b", "demo.c", "demo.d", "demo.e", "other.x"]
    .map((id) => make(id));
  const ids = (ids: string[]) => replay(fixtures, [], { ids }).results.map((r) => [r.id, r.status]);
  it("exact ids and prefixes ending in *", () => {
    assert.deepEqual(ids(["demo.a*"]), [["demo.a", "no-subject"], ["demo.ab", "no-subject"]]);
    assert.deepEqual(ids(["demo.a"]), [["demo.a", "no-subject"]]);
    assert.deepEqual(ids(["demo.b*", "other.x"]), [
      ["demo.b", "no-subject"],
      ["other.x", "no-subject"],
    ]);
  });
  it("an unknown id: a result of its own, naming up to five ids with the same prefix", () => {
    const run = replay(fixtures, [], { ids: ["demo.zz", "none.q"] });
    assert.deepEqual(run.results, [
      {
        id: "demo.zz",
        document: "",
        section: "",
        title: "demo.zz",
        status: "unknown-id",
        ok: false,
        printedAgrees: null,
        random: false,
        errata: [],
        fields: [],
        checks: [],
        messages: [
          'No fixture has id "demo.zz"; ids with the same prefix: demo.a, demo.ab, demo.b, ' +
          "demo.c, demo.d",
        ],
      },
      {
        id: "none.q",
        document: "",
        section: "",
        title: "none.q",
        status: "unknown-id",
        ok: false,
        printedAgrees: null,
        random: false,
        errata: [],
        fields: [],
        checks: [],
        messages: ['No fixture has id "none.q"'],
      },
    ]);
    assert.equal(replay(fixtures, [], { ids: ["demo.abc"] }).results[0].status, "unknown-id");
  });
  it("unclaimed: only the patterns that claim no fixture at all", () => {
    const run = replay(fixtures, [
      subject(["demo.*", "demo.a", "gone.*", "demo.zz"], () => ({ x: [1, 2] })),
    ]);
    assert.deepEqual(run.unclaimed, ["gone.*", "demo.zz"]);
  });
  it("malformed subjects reported with the ids that could be read", () => {
    const run = replay(fixtures.slice(0, 1), [
      subject(["demo.a", 7 as never], () => ({})),
      5 as never,
      subject(["demo.a"], () => ({ x: [1, 2] })),
    ]);
    assert.deepEqual(run.subjectProblems.map((p) => [p.index, p.ids]), [[0, ["demo.a"]], [1, []]]);
    assert.equal(run.results[0].status, "pass");
  });
});

describe("replay and replayFixture: their arguments named", () => {
  const fixture = make("demo.a");
  const refused = (run: () => unknown, message: string) =>
    assert.throws(run, { name: "InputTypeError", message });
  it("fixtures, subjects, options", () => {
    refused(
      () => replay(null as never, []),
      "fixtures must be an array of parsed fixtures, got null",
    );
    refused(() => replay([null] as never, []), "fixtures[0] is not a parsed fixture, got null");
    refused(
      () => replay([fixture, 3] as never, []),
      "fixtures[1] is not a parsed fixture, got the number 3",
    );
    refused(
      () => replay([{ id: 1 }] as never, []),
      "fixtures[0] is not a parsed fixture, got an object",
    );
    refused(() => replay([], {} as never), "subjects must be an array of subjects, got an object");
    refused(() => replay([], [], null as never), "options must be an object, got null");
    refused(() => replay([], [], 5 as never), "options must be an object, got the number 5");
    refused(
      () => replay([], [], { ids: "demo.a" as never }),
      'options.ids must be an array of fixture ids, got the string "demo.a"',
    );
    refused(
      () => replay([], [], { ids: ["demo.a", 1 as never] }),
      "options.ids must be an array of fixture ids, got an array",
    );
  });
  it("replayFixture: a parsed fixture and an array of subjects", () => {
    refused(
      () => replayFixture(null as never, []),
      "fixture must be a parsed fixture (from parseFixture), got null",
    );
    refused(
      () => replayFixture({ id: 2 } as never, []),
      "fixture must be a parsed fixture (from parseFixture), got an object",
    );
    refused(
      () => replayFixture(fixture, "s" as never),
      'subjects must be an array of subjects, got the string "s"',
    );
  });
});
