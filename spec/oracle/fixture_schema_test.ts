// Issue 12: parseFixture accepts exactly what fixtures/schema.json accepts. The same
// fixtures — every kind of malformed one, and edge cases that are valid — go to ajv
// (Ajv2020, compiled from the schema file itself) and to parseFixture, and the verdicts
// must agree. On main, 24 of the 39 kinds in the first table passed the parser though the
// schema rejects them. The parser's own rules, which a JSON Schema cannot state (a field
// checked against another field, reserved keys, what JSON itself cannot hold), are
// listed separately: there the schema accepts and the parser refuses, each for its reason.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { Ajv2020 } from "ajv/dist/2020.js";
import schema from "../../fixtures/schema.json" with { type: "json" };
import { parseFixtures } from "../../oracle/fixture.ts";
import { SCHEMA_MIRROR } from "../../oracle/_fixture_schema.ts";
import { CONCEPT_NAMES } from "../../oracle/conformance/format.ts";

// As in spec/fixtures_test.ts: strictRequired off for the tolerance schema's `not`.
const validate = new Ajv2020({ allErrors: true, strict: true, strictRequired: false }).compile(
  schema,
);

type Json = Record<string, unknown>;
const good = (): Json => ({
  id: "demo.half",
  source: { document: "000_96bf12324396e51d.txt", section: "1", quote: "0.5" },
  oracle: { method: "exact", generator: null },
  input: { x: [1, 2] },
  printed: { half: "0.5" },
  expected: { half: 0.5 },
  tolerance: { half: { reason: "exact" } },
  erratum: null,
});
/** What a fixture file holds after JSON: the mutation, written out and read back. */
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value));
const with_ = (patch: Json) => ({ ...good(), ...patch });
const erratum = { field: "half", printed: "0.4", correct: "0.5", why: "a slip" };

function parserAccepts(value: unknown): boolean {
  try {
    parseFixtures(value, "x.json");
    return true;
  } catch (error) {
    assert.ok(error instanceof TypeError || error instanceof RangeError, String(error));
    assert.match((error as Error).message, /^x\.json/, "the message names the file");
    return false;
  }
}

describe("parseFixture and fixtures/schema.json: the same verdict on malformed fixtures", () => {
  const malformed: [string, unknown][] = [
    ["an unknown top-level key", with_({ comment: "x" })],
    ["$schema that is not a string", with_({ $schema: 1 })],
    ["an empty id", with_({ id: "" })],
    ["a title that is not a string", with_({ title: 3 })],
    ["a note that is not a string", with_({ note: ["x"] })],
    ["an unknown key in source", with_({ source: { ...good().source as Json, page: 3 } })],
    [
      "a document that is none of the five",
      with_({
        source: { document: "000.txt", section: "1", quote: "0.5" },
      }),
    ],
    ["an empty section", with_({ source: { ...good().source as Json, section: "" } })],
    ["an unknown key in oracle", with_({ oracle: { method: "m", generator: null, by: "me" } })],
    ["an empty oracle method", with_({ oracle: { method: "", generator: null } })],
    ["a generator outside fixtures/", with_({ oracle: { method: "m", generator: "gen.py" } })],
    ["a generator that is a number", with_({ oracle: { method: "m", generator: 7 } })],
    ["no generator key", with_({ oracle: { method: "m" } })],
    ["a printed number that is not a string", with_({ printed: { half: 0.5 } })],
    ["an empty printed string", with_({ printed: { half: "" } })],
    ["a printed entry that is an object", with_({ printed: { half: { v: "0.5" } } })],
    ["printedRounding other than nearest/truncate", with_({ printedRounding: { half: "up" } })],
    ["printedRounding that is not an object", with_({ printedRounding: "truncate" })],
    ["an expected object", with_({ expected: { half: { v: 0.5 } } })],
    ["a tolerance without a reason", with_({ tolerance: { half: { ulps: 1 } } })],
    ["a tolerance with an empty reason", with_({ tolerance: { half: { reason: "" } } })],
    ["a negative ulps", with_({ tolerance: { half: { ulps: -1, reason: "r" } } })],
    ["rtol as a string", with_({ tolerance: { half: { rtol: "1e-9", reason: "r" } } })],
    ["ulps mixed with atol", with_({ tolerance: { half: { ulps: 1, atol: 0, reason: "r" } } })],
    ["an unknown tolerance key", with_({ tolerance: { half: { digits: 3, reason: "r" } } })],
    ["an empty list of errata", with_({ erratum: [] })],
    ["an erratum with an unknown key", with_({ erratum: { ...erratum, page: 3 } })],
    ["an erratum with an empty why", with_({ erratum: { ...erratum, why: "" } })],
    ["an erratum whose field is not a string", with_({ erratum: { ...erratum, field: 1 } })],
    ["an erratum without correct", with_({ erratum: { printed: "1", why: "w" } })],
    ["an erratum that is a string", with_({ erratum: "wrong" })],
    ["a random seed that is negative", with_({ random: { seed: -1, note: "n" } })],
    ["a random seed that is fractional", with_({ random: { seed: 1.5, note: "n" } })],
    ["a random without its note", with_({ random: { seed: 1 } })],
    ["a random with an unknown key", with_({ random: { seed: 1, note: "n", by: "numpy" } })],
    ["input that is an array", with_({ input: [1, 2] })],
    ["an empty list of concepts", with_({ concepts: [] })],
    ["an unknown concept", with_({ concepts: ["sigmoid", "swish"] })],
    ["a concept listed twice", with_({ concepts: ["sigmoid", "sigmoid"] })],
    ["an empty conform", with_({ concepts: ["sigmoid"], conform: {} })],
    [
      "a conform bound with an unknown key",
      with_({
        concepts: ["sigmoid"],
        conform: { half: { concept: "sigmoid", u: 1, reason: "r", ulps: 1 } },
      }),
    ],
    [
      "a conform bound without u",
      with_({
        concepts: ["sigmoid"],
        conform: { half: { concept: "sigmoid", reason: "r" } },
      }),
    ],
    [
      "u above 1e15",
      with_({
        concepts: ["sigmoid"],
        conform: { half: { concept: "sigmoid", u: 1e16, reason: "r" } },
      }),
    ],
    [
      "u together with checkable: false",
      with_({
        concepts: ["sigmoid"],
        conform: { half: { concept: "sigmoid", u: 1, checkable: false, reason: "r" } },
      }),
    ],
    [
      "a negative floor",
      with_({
        concepts: ["sigmoid"],
        conform: { half: { concept: "sigmoid", u: 1, floor: -1, reason: "r" } },
      }),
    ],
    [
      "transposed: false",
      with_({
        concepts: ["sigmoid"],
        conform: { half: { concept: "sigmoid", u: 1, transposed: false, reason: "r" } },
      }),
    ],
    ["a missing erratum key", (({ erratum: _, ...rest }) => rest)(good())],
    ["an empty file (no fixture at all)", []],
    ["a file whose second fixture is broken", [good(), with_({ id: "demo.two", note: 1 })]],
  ];
  for (const [what, value] of malformed) {
    it(`both refuse ${what}`, () => {
      const json = asJson(value);
      assert.equal(validate(json), false, `the schema accepts ${what}`);
      assert.equal(parserAccepts(json), false, `parseFixtures accepts ${what}`);
    });
  }

  const valid: [string, unknown][] = [
    ["the minimal fixture", good()],
    ["an empty title and note", with_({ title: "", note: "" })],
    [
      "a generator beside the fixtures",
      with_({ oracle: { method: "m", generator: "fixtures/a/b.py" } }),
    ],
    [
      "nested printed digits, ragged as the schema allows",
      with_({
        printed: { half: ["0.5", ["0.5"]] },
        expected: { half: [0.5, [0.5]] },
      }),
    ],
    [
      "several errata and truncation",
      with_({
        printedRounding: { half: "truncate" },
        erratum: [erratum, { printed: "formula a", correct: "formula b", why: "w" }],
      }),
    ],
    ["a random stand-in with a list of seeds", with_({ random: { seed: [0, 7], note: "n" } })],
    ["a random of null", with_({ random: null })],
    [
      "non-finite expected values written as strings",
      with_({
        expected: { half: 0.5, edge: ["NaN", "-Infinity"] },
        tolerance: { half: { reason: "r" }, edge: { reason: "r" } },
      }),
    ],
    ["a file of two fixtures", [good(), with_({ id: "demo.two" })]],
    [
      "a conform bound and an uncheckable one",
      with_({
        concepts: ["sigmoid"],
        expected: { half: 0.5, other: 1 },
        tolerance: { half: { reason: "r" }, other: { reason: "r" } },
        conform: {
          half: { concept: "sigmoid", u: 2, floor: [0], reason: "r" },
          other: { concept: "sigmoid", checkable: false, reason: "why" },
        },
      }),
    ],
  ];
  for (const [what, value] of valid) {
    it(`both accept ${what}`, () => {
      const json = asJson(value);
      assert.equal(validate(json), true, JSON.stringify(validate.errors));
      assert.equal(parserAccepts(json), true);
    });
  }
});

describe("the parser's own rules: the schema accepts, parseFixture refuses, each for its reason", () => {
  const own: [string, unknown, RegExp][] = [
    [
      "an expected field without a tolerance",
      with_({
        expected: { half: 0.5, other: 1 },
      }),
      /expected\.other has no tolerance/,
    ],
    [
      "a tolerance without an expected field",
      with_({
        tolerance: { half: { reason: "r" }, other: { reason: "r" } },
      }),
      /tolerance\.other has no expected value/,
    ],
    [
      "printed digits without an expected value",
      with_({
        printed: { half: "0.5", other: "1" },
      }),
      /printed\.other has no expected value/,
    ],
    [
      "an erratum about a field that is not printed",
      with_({
        erratum: { ...erratum, field: "other" },
      }),
      /erratum names field "other", which is not in printed/,
    ],
    ['a "constructor" key (input)', with_({ input: { constructor: 1 } }), /the key "constructor"/],
    [
      'a conform field that is not expected (even "toString")',
      with_({
        concepts: ["sigmoid"],
        conform: { toString: { concept: "sigmoid", u: 1, reason: "r" } },
      }),
      /conform\.toString has no expected value/,
    ],
    [
      'a "prototype" key (deep in input)',
      with_({ input: { a: [{ prototype: 1 }] } }),
      /the key "prototype" in input\.a\[0\]/,
    ],
    [
      'an expected field named "constructor"',
      with_({
        expected: { constructor: 1 },
        tolerance: { constructor: { reason: "r" } },
        printed: {},
      }),
      /the key "constructor" in expected/,
    ],
  ];
  for (const [what, value, message] of own) {
    it(`${what}`, () => {
      const json = asJson(value);
      assert.equal(validate(json), true, `the schema itself accepts ${what}`);
      assert.throws(() => parseFixtures(json, "x.json"), { name: "InputTypeError", message });
    });
  }
  it('"__proto__" read from JSON text: the same clear error on every runtime', () => {
    const text = JSON.stringify(good()).replace('"input":{', '"input":{"__proto__":{"x":1},');
    const json = JSON.parse(text);
    assert.ok(Object.hasOwn(json.input, "__proto__"), "JSON.parse keeps it as an own key");
    assert.throws(() => parseFixtures(json, "x.json"), {
      name: "InputTypeError",
      message: /x\.json: the key "__proto__" in input is not allowed/,
    });
    const top = JSON.parse(JSON.stringify(good()).replace("{", '{"__proto__":{"id":"evil"},'));
    assert.throws(() => parseFixtures(top, "x.json"), {
      name: "InputTypeError",
      message: /the key "__proto__" in the fixture is not allowed/,
    });
  });
  it("what JSON cannot hold, from a JavaScript object: NaN, ∞, cycles, depth > 64", () => {
    assert.throws(() => parseFixtures(with_({ expected: { half: NaN } }), "x.json"), {
      name: "NonFiniteError",
      message: /x\.json: expected\.half is NaN; JSON has no NaN or ±∞/,
    });
    assert.throws(() => parseFixtures(with_({ input: { x: [1, -Infinity] } }), "x.json"), {
      name: "NonFiniteError",
      message: /input\.x\[1\] is -Infinity/,
    });
    const cyclic: Json = { a: 1 };
    cyclic.self = cyclic;
    assert.throws(() => parseFixtures(with_({ input: cyclic }), "x.json"), {
      name: "InputTypeError",
      message: /cyclic: input\.self contains itself/,
    });
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    assert.throws(() => parseFixtures(with_({ input: { deep } }), "x.json"), {
      name: "InputTypeError",
      message: /nested more than 64 levels deep at input\.deep/,
    });
  });
});

describe("one source of truth: the parser's patterns and key lists are the schema's", () => {
  // deno-lint-ignore no-explicit-any
  const defs = (schema as any).$defs;
  const fixture = defs.fixture;
  it("the id, document and generator patterns", () => {
    assert.equal(SCHEMA_MIRROR.id, fixture.properties.id.pattern);
    assert.equal(SCHEMA_MIRROR.document, fixture.properties.source.properties.document.pattern);
    assert.equal(SCHEMA_MIRROR.generator, fixture.properties.oracle.properties.generator.pattern);
  });
  it("the concept names, the conform bound and its cap on u", () => {
    assert.deepEqual([...CONCEPT_NAMES], defs.concept.enum);
    assert.deepEqual(SCHEMA_MIRROR.conformKeys, Object.keys(defs.conform.oneOf[0].properties));
    assert.deepEqual(SCHEMA_MIRROR.uncheckableKeys, Object.keys(defs.conform.oneOf[1].properties));
    assert.equal(SCHEMA_MIRROR.maxU, defs.conform.oneOf[0].properties.u.maximum);
  });
  it("the property lists and the required keys", () => {
    assert.deepEqual([...SCHEMA_MIRROR.fixtureKeys].sort(), Object.keys(fixture.properties).sort());
    assert.deepEqual([...SCHEMA_MIRROR.required].sort(), [...fixture.required].sort());
    assert.deepEqual(SCHEMA_MIRROR.sourceKeys, Object.keys(fixture.properties.source.properties));
    assert.deepEqual(SCHEMA_MIRROR.oracleKeys, Object.keys(fixture.properties.oracle.properties));
    assert.deepEqual(SCHEMA_MIRROR.toleranceKeys, Object.keys(defs.tolerance.properties));
    assert.deepEqual(SCHEMA_MIRROR.erratumKeys, Object.keys(defs.erratum.properties));
    assert.deepEqual(
      SCHEMA_MIRROR.randomKeys,
      Object.keys(fixture.properties.random.oneOf[1].properties),
    );
  });
});
