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
import { parseFixture, parseFixtures } from "../../oracle/fixture.ts";
import { SCHEMA_MIRROR } from "../../oracle/_fixture_schema.ts";
import { CONCEPT_NAMES } from "../../oracle/conformance/format.ts";

// As in spec/documents/fixtures_test.ts: strictRequired off for the tolerance schema's `not`.
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
  const malformed: [string, unknown, string][] = [
    [
      "an inline erratum object (the records live in fixtures/errata/)",
      with_({ erratum: { field: "half", printed: "0.4", correct: "0.5", why: "a slip" } }),
      'x.json (demo.half): "erratum" must be null or a list of erratum ids such as ["S1-E09"] (the records live in fixtures/errata/), got an object',
    ],
    [
      "an empty list of errata",
      with_({ erratum: [] }),
      'x.json (demo.half): "erratum" must be null or a list of erratum ids such as ["S1-E09"] (the records live in fixtures/errata/), got an array',
    ],
    [
      "an erratum that is a string",
      with_({ erratum: "S0-E01" }),
      'x.json (demo.half): "erratum" must be null or a list of erratum ids such as ["S1-E09"] (the records live in fixtures/errata/), got the string "S0-E01"',
    ],
    [
      "a note id as an erratum",
      with_({ erratum: ["S0-N01"] }),
      'x.json (demo.half): "erratum" must be null or a list of erratum ids such as ["S1-E09"] (the records live in fixtures/errata/), got an array',
    ],
    [
      "an erratum id of a sixth document",
      with_({ erratum: ["S5-E01"] }),
      'x.json (demo.half): "erratum" must be null or a list of erratum ids such as ["S1-E09"] (the records live in fixtures/errata/), got an array',
    ],
    [
      "an erratum id with one digit",
      with_({ erratum: ["S0-E1"] }),
      'x.json (demo.half): "erratum" must be null or a list of erratum ids such as ["S1-E09"] (the records live in fixtures/errata/), got an array',
    ],
    [
      "an erratum id in lower case",
      with_({ erratum: ["s0-e01"] }),
      'x.json (demo.half): "erratum" must be null or a list of erratum ids such as ["S1-E09"] (the records live in fixtures/errata/), got an array',
    ],
    [
      "an erratum id with a tail",
      with_({ erratum: ["S0-E01x"] }),
      'x.json (demo.half): "erratum" must be null or a list of erratum ids such as ["S1-E09"] (the records live in fixtures/errata/), got an array',
    ],
    [
      "a valid id then a number",
      with_({ erratum: ["S0-E01", 1] }),
      'x.json (demo.half): "erratum" must be null or a list of erratum ids such as ["S1-E09"] (the records live in fixtures/errata/), got an array',
    ],
    [
      "an erratum id listed twice",
      with_({ erratum: ["S0-E01", "S0-E02", "S0-E01"] }),
      'x.json (demo.half): "erratum" lists an id twice',
    ],
    ["a fixture that is a number", 3, "x.json: a fixture must be a JSON object, got the number 3"],
    ["a fixture that is null", null, "x.json: a fixture must be a JSON object, got null"],
    [
      "a missing id",
      (({ id: _, ...rest }) => rest)(good()),
      'x.json: "id" must be a non-empty string, got undefined',
    ],
    [
      "an id that is a number",
      with_({ id: 3 }),
      'x.json: "id" must be a non-empty string, got the number 3',
    ],
    [
      "an id that is not dotted words",
      with_({ id: "a..b" }),
      'x.json (a..b): id must be dotted words such as "s001.commute", got "a..b"',
    ],
    [
      "a missing source",
      (({ source: _, ...rest }) => rest)(good()),
      'x.json (demo.half): "source" is required',
    ],
    [
      "a source that is a string",
      with_({ source: "the book" }),
      'x.json (demo.half): "source" must be { document, section, quote }',
    ],
    [
      "a source without its quote",
      with_({ source: { document: "none", section: "1" } }),
      'x.json (demo.half) source: "quote" must be a non-empty string, got undefined',
    ],
    [
      "a document that is a number",
      with_({ source: { document: 1, section: "1", quote: "q" } }),
      'x.json (demo.half) source: "document" must be a non-empty string, got the number 1',
    ],
    [
      "an oracle that is null",
      with_({ oracle: null }),
      'x.json (demo.half): "oracle" must be { method, generator }',
    ],
    [
      "an oracle method that is a number",
      with_({ oracle: { method: 1, generator: null } }),
      'x.json (demo.half) oracle: "method" must be a non-empty string, got the number 1',
    ],
    [
      "no oracle method key",
      with_({ oracle: { generator: null } }),
      'x.json (demo.half) oracle: "method" is required',
    ],
    [
      "printed that is an array",
      with_({ printed: ["0.5"] }),
      'x.json (demo.half): "printed" must be an object, got an array',
    ],
    [
      "an empty string nested in printed",
      with_({ printed: { half: ["0.5", [""]] } }),
      "x.json (demo.half): printed.half must be digits as a non-empty string, or arrays of them",
    ],
    [
      "a number nested in printed",
      with_({ printed: { half: ["0.5", [0.5]] } }),
      "x.json (demo.half): printed.half must be digits as a non-empty string, or arrays of them",
    ],
    [
      "a printedRounding that is a list",
      with_({ printedRounding: { half: ["truncate"] } }),
      'x.json (demo.half): printedRounding.half must be "nearest" or "truncate", got an array',
    ],
    [
      "expected that is null",
      with_({ expected: null }),
      'x.json (demo.half): "expected" must be an object, got null',
    ],
    [
      "an object nested in expected",
      with_({ expected: { half: [0.5, {}] } }),
      "x.json (demo.half): expected.half must be numbers (nested arrays allowed), a string, a boolean or null",
    ],
    [
      "tolerance that is a string",
      with_({ tolerance: "exact" }),
      'x.json (demo.half): "tolerance" must be an object, got the string "exact"',
    ],
    [
      "a tolerance bound that is a number",
      with_({ tolerance: { half: 1 } }),
      "x.json (demo.half): tolerance.half: must be an object { reason, ulps? | rtol?, atol? }",
    ],
    [
      "a tolerance bound that is a list",
      with_({ tolerance: { half: [{ reason: "r" }] } }),
      "x.json (demo.half): tolerance.half: must be an object { reason, ulps? | rtol?, atol? }",
    ],
    [
      "ulps as a string",
      with_({ tolerance: { half: { ulps: "1", reason: "r" } } }),
      'x.json (demo.half): tolerance.half: ulps must be a number ≥ 0, got the string "1"',
    ],
    [
      "ulps mixed with rtol",
      with_({ tolerance: { half: { ulps: 1, rtol: 0, reason: "r" } } }),
      "x.json (demo.half): tolerance.half: mixes ulps with rtol/atol: give one kind of bound",
    ],
    [
      "a negative atol",
      with_({ tolerance: { half: { atol: -1e-9, reason: "r" } } }),
      "x.json (demo.half): tolerance.half: atol must be a number ≥ 0, got the number -1e-9",
    ],
    [
      "a reason that is a number",
      with_({ tolerance: { half: { reason: 1 } } }),
      'x.json (demo.half): tolerance.half: "reason" must be a non-empty string, got the number 1',
    ],
    [
      "a random that is a number",
      with_({ random: 7 }),
      'x.json (demo.half): "random" must be null or { seed, note }',
    ],
    [
      "a random that is a list",
      with_({ random: [{ seed: 1, note: "n" }] }),
      'x.json (demo.half): "random" must be null or { seed, note }',
    ],
    [
      "a seed list with a negative entry",
      with_({ random: { seed: [0, -1], note: "n" } }),
      "x.json (demo.half): random.seed must be an integer ≥ 0 or a list of them, got an array",
    ],
    [
      "a seed list with a fraction",
      with_({ random: { seed: [0.5], note: "n" } }),
      "x.json (demo.half): random.seed must be an integer ≥ 0 or a list of them, got an array",
    ],
    [
      "a seed that is a string",
      with_({ random: { seed: "1", note: "n" } }),
      'x.json (demo.half): random.seed must be an integer ≥ 0 or a list of them, got the string "1"',
    ],
    [
      "a random with an empty note",
      with_({ random: { seed: 1, note: "" } }),
      'x.json (demo.half) random: "note" must be a non-empty string, got the string ""',
    ],
    [
      "a random without a seed",
      with_({ random: { note: "n" } }),
      'x.json (demo.half) random: "seed" is required',
    ],
    [
      "concepts that is a string",
      with_({ concepts: "sigmoid" }),
      'x.json (demo.half): "concepts" must be a non-empty list of distinct concept names',
    ],
    [
      "a concept that is a number",
      with_({ concepts: [1] }),
      'x.json (demo.half): "concepts" must be a non-empty list of distinct concept names',
    ],
    [
      "conform that is a list",
      with_({ concepts: ["sigmoid"], conform: [] }),
      'x.json (demo.half): "conform" must be an object with at least one field',
    ],
    [
      "conform that is null",
      with_({ concepts: ["sigmoid"], conform: null }),
      'x.json (demo.half): "conform" must be an object with at least one field',
    ],
    [
      "a conform entry that is a number",
      with_({ concepts: ["sigmoid"], conform: { half: 1 } }),
      "x.json (demo.half): conform.half: must be an object { concept, u | checkable, reason }",
    ],
    [
      "a conform entry with an unknown concept",
      with_({ concepts: ["sigmoid"], conform: { half: { concept: "swish", u: 1, reason: "r" } } }),
      'x.json (demo.half): conform.half: concept must be a concept name, got the string "swish"',
    ],
    [
      "a conform entry without concept",
      with_({ concepts: ["sigmoid"], conform: { half: { u: 1, reason: "r" } } }),
      'x.json (demo.half): conform.half: "concept" is required',
    ],
    [
      "a conform entry without a reason",
      with_({ concepts: ["sigmoid"], conform: { half: { concept: "sigmoid", u: 1 } } }),
      'x.json (demo.half): conform.half: "reason" is required',
    ],
    [
      "a conform entry with an empty reason",
      with_({ concepts: ["sigmoid"], conform: { half: { concept: "sigmoid", u: 1, reason: "" } } }),
      'x.json (demo.half): conform.half: "reason" must be a non-empty string, got the string ""',
    ],
    [
      "a conform entry with an empty output",
      with_({
        concepts: ["sigmoid"],
        conform: { half: { concept: "sigmoid", output: "", u: 1, reason: "r" } },
      }),
      'x.json (demo.half): conform.half: "output" must be a non-empty string, got the string ""',
    ],
    [
      "a conform entry whose output is a number",
      with_({
        concepts: ["sigmoid"],
        conform: { half: { concept: "sigmoid", output: 1, u: 1, reason: "r" } },
      }),
      'x.json (demo.half): conform.half: "output" must be a non-empty string, got the number 1',
    ],
    [
      "transposed: 1",
      with_({
        concepts: ["sigmoid"],
        conform: { half: { concept: "sigmoid", transposed: 1, u: 1, reason: "r" } },
      }),
      "x.json (demo.half): conform.half: transposed, when given, must be true",
    ],
    [
      "checkable: true",
      with_({
        concepts: ["sigmoid"],
        conform: { half: { concept: "sigmoid", checkable: true, reason: "r" } },
      }),
      "x.json (demo.half): conform.half: checkable, when given, must be false",
    ],
    [
      "an uncheckable bound without a reason",
      with_({ concepts: ["sigmoid"], conform: { half: { concept: "sigmoid", checkable: false } } }),
      'x.json (demo.half): conform.half: "reason" is required',
    ],
    [
      "an uncheckable bound with a floor",
      with_({
        concepts: ["sigmoid"],
        conform: { half: { concept: "sigmoid", checkable: false, floor: 1, reason: "r" } },
      }),
      'x.json (demo.half): conform.half: unknown key "floor" (expected concept, output, transposed, checkable, reason)',
    ],
    [
      "a negative u",
      with_({
        concepts: ["sigmoid"],
        conform: { half: { concept: "sigmoid", u: -1, reason: "r" } },
      }),
      "x.json (demo.half): conform.half: u must be a number in [0, 1e15], got the number -1",
    ],
    [
      "a u just below 0",
      with_({
        concepts: ["sigmoid"],
        conform: { half: { concept: "sigmoid", u: -5e-324, reason: "r" } },
      }),
      "x.json (demo.half): conform.half: u must be a number in [0, 1e15], got the number -5e-324",
    ],
    [
      "a u that is a string",
      with_({
        concepts: ["sigmoid"],
        conform: { half: { concept: "sigmoid", u: "1", reason: "r" } },
      }),
      'x.json (demo.half): conform.half: u must be a number in [0, 1e15], got the string "1"',
    ],
    [
      "an empty floor list",
      with_({
        concepts: ["sigmoid"],
        conform: { half: { concept: "sigmoid", u: 1, floor: [], reason: "r" } },
      }),
      "x.json (demo.half): conform.half: floor must be a number ≥ 0 or a non-empty array of them",
    ],
    [
      "a negative floor nested in a list",
      with_({
        concepts: ["sigmoid"],
        conform: { half: { concept: "sigmoid", u: 1, floor: [[1, -1]], reason: "r" } },
      }),
      "x.json (demo.half): conform.half: floor must be a number ≥ 0 or a non-empty array of them",
    ],
    [
      "a negative floor first in a list",
      with_({
        concepts: ["sigmoid"],
        conform: { half: { concept: "sigmoid", u: 1, floor: [-1, 1], reason: "r" } },
      }),
      "x.json (demo.half): conform.half: floor must be a number ≥ 0 or a non-empty array of them",
    ],
    [
      "an empty list nested in floor",
      with_({
        concepts: ["sigmoid"],
        conform: { half: { concept: "sigmoid", u: 1, floor: [[]], reason: "r" } },
      }),
      "x.json (demo.half): conform.half: floor must be a number ≥ 0 or a non-empty array of them",
    ],
    [
      "a floor that is a string",
      with_({
        concepts: ["sigmoid"],
        conform: { half: { concept: "sigmoid", u: 1, floor: "0", reason: "r" } },
      }),
      "x.json (demo.half): conform.half: floor must be a number ≥ 0 or a non-empty array of them",
    ],
    [
      "a negative inputCondition",
      with_({
        concepts: ["sigmoid"],
        conform: { half: { concept: "sigmoid", u: 1, inputCondition: -1, reason: "r" } },
      }),
      "x.json (demo.half): conform.half: inputCondition must be a number ≥ 0 or a non-empty array of them",
    ],
    [
      "an inputCondition that is a string",
      with_({
        concepts: ["sigmoid"],
        conform: { half: { concept: "sigmoid", u: 1, inputCondition: "1", reason: "r" } },
      }),
      "x.json (demo.half): conform.half: inputCondition must be a number ≥ 0 or a non-empty array of them",
    ],
    [
      "an unknown top-level key",
      with_({ comment: "x" }),
      'x.json: unknown key "comment" (a fixture has $schema, id, title, concepts, source, oracle, input, printed, printedRounding, expected, tolerance, conform, erratum, random, note)',
    ],
    [
      "$schema that is not a string",
      with_({ $schema: 1 }),
      'x.json (demo.half): "$schema" must be a string, got the number 1',
    ],
    [
      "an empty id",
      with_({ id: "" }),
      'x.json (): id must be dotted words such as "s001.commute", got ""',
    ],
    [
      "a title that is not a string",
      with_({ title: 3 }),
      'x.json (demo.half): "title" must be a string, got the number 3',
    ],
    [
      "a note that is not a string",
      with_({ note: ["x"] }),
      'x.json (demo.half): "note" must be a string, got an array',
    ],
    [
      "an unknown key in source",
      with_({ source: { ...good().source as Json, page: 3 } }),
      'x.json (demo.half) source: unknown key "page" (expected document, section, quote)',
    ],
    [
      "a document that is none of the five",
      with_({
        source: { document: "000.txt", section: "1", quote: "0.5" },
      }),
      'x.json (demo.half) source: document must name one of the five documents (00N_<16 hex>.txt), a NIST StRD file, iris.csv, numpy, pytorch or none, got "000.txt"',
    ],
    [
      "an empty section",
      with_({ source: { ...good().source as Json, section: "" } }),
      'x.json (demo.half) source: "section" must be a non-empty string, got the string ""',
    ],
    [
      "an unknown key in oracle",
      with_({ oracle: { method: "m", generator: null, by: "me" } }),
      'x.json (demo.half) oracle: unknown key "by" (expected method, generator)',
    ],
    [
      "an empty oracle method",
      with_({ oracle: { method: "", generator: null } }),
      'x.json (demo.half) oracle: "method" must be a non-empty string, got the string ""',
    ],
    [
      "a generator outside fixtures/",
      with_({ oracle: { method: "m", generator: "gen.py" } }),
      'x.json (demo.half): oracle.generator must be a path fixtures/….py or ….txt, or null, got the string "gen.py"',
    ],
    [
      "a generator that is a number",
      with_({ oracle: { method: "m", generator: 7 } }),
      "x.json (demo.half): oracle.generator must be a path fixtures/….py or ….txt, or null, got the number 7",
    ],
    [
      "no generator key",
      with_({ oracle: { method: "m" } }),
      'x.json (demo.half) oracle: "generator" is required',
    ],
    [
      "a printed number that is not a string",
      with_({ printed: { half: 0.5 } }),
      "x.json (demo.half): printed.half must be digits as a non-empty string, or arrays of them",
    ],
    [
      "an empty printed string",
      with_({ printed: { half: "" } }),
      "x.json (demo.half): printed.half must be digits as a non-empty string, or arrays of them",
    ],
    [
      "a printed entry that is an object",
      with_({ printed: { half: { v: "0.5" } } }),
      "x.json (demo.half): printed.half must be digits as a non-empty string, or arrays of them",
    ],
    [
      "printedRounding other than nearest/truncate",
      with_({ printedRounding: { half: "up" } }),
      'x.json (demo.half): printedRounding.half must be "nearest" or "truncate", got the string "up"',
    ],
    [
      "printedRounding that is not an object",
      with_({ printedRounding: "truncate" }),
      'x.json (demo.half): "printedRounding" must be an object',
    ],
    [
      "an expected object",
      with_({ expected: { half: { v: 0.5 } } }),
      "x.json (demo.half): expected.half must be numbers (nested arrays allowed), a string, a boolean or null",
    ],
    [
      "a tolerance without a reason",
      with_({ tolerance: { half: { ulps: 1 } } }),
      'x.json (demo.half): tolerance.half: "reason" must be a non-empty string, got undefined',
    ],
    [
      "a tolerance with an empty reason",
      with_({ tolerance: { half: { reason: "" } } }),
      'x.json (demo.half): tolerance.half: "reason" must be a non-empty string, got the string ""',
    ],
    [
      "a negative ulps",
      with_({ tolerance: { half: { ulps: -1, reason: "r" } } }),
      "x.json (demo.half): tolerance.half: ulps must be a number ≥ 0, got the number -1",
    ],
    [
      "rtol as a string",
      with_({ tolerance: { half: { rtol: "1e-9", reason: "r" } } }),
      'x.json (demo.half): tolerance.half: rtol must be a number ≥ 0, got the string "1e-9"',
    ],
    [
      "ulps mixed with atol",
      with_({ tolerance: { half: { ulps: 1, atol: 0, reason: "r" } } }),
      "x.json (demo.half): tolerance.half: mixes ulps with rtol/atol: give one kind of bound",
    ],
    [
      "an unknown tolerance key",
      with_({ tolerance: { half: { digits: 3, reason: "r" } } }),
      'x.json (demo.half): tolerance.half: unknown key "digits" (expected ulps, rtol, atol, reason)',
    ],
    [
      "a random seed that is negative",
      with_({ random: { seed: -1, note: "n" } }),
      "x.json (demo.half): random.seed must be an integer ≥ 0 or a list of them, got the number -1",
    ],
    [
      "a random seed that is fractional",
      with_({ random: { seed: 1.5, note: "n" } }),
      "x.json (demo.half): random.seed must be an integer ≥ 0 or a list of them, got the number 1.5",
    ],
    [
      "a random without its note",
      with_({ random: { seed: 1 } }),
      'x.json (demo.half) random: "note" is required',
    ],
    [
      "a random with an unknown key",
      with_({ random: { seed: 1, note: "n", by: "numpy" } }),
      'x.json (demo.half) random: unknown key "by" (expected seed, note)',
    ],
    [
      "input that is an array",
      with_({ input: [1, 2] }),
      'x.json (demo.half): "input" must be an object, got an array',
    ],
    [
      "an empty list of concepts",
      with_({ concepts: [] }),
      'x.json (demo.half): "concepts" must be a non-empty list of distinct concept names',
    ],
    [
      "an unknown concept",
      with_({ concepts: ["sigmoid", "swish"] }),
      'x.json (demo.half): "concepts" must be a non-empty list of distinct concept names',
    ],
    [
      "a concept listed twice",
      with_({ concepts: ["sigmoid", "sigmoid"] }),
      'x.json (demo.half): "concepts" must be a non-empty list of distinct concept names',
    ],
    [
      "an empty conform",
      with_({ concepts: ["sigmoid"], conform: {} }),
      'x.json (demo.half): "conform" must be an object with at least one field',
    ],
    [
      "a conform bound with an unknown key",
      with_({
        concepts: ["sigmoid"],
        conform: { half: { concept: "sigmoid", u: 1, reason: "r", ulps: 1 } },
      }),
      'x.json (demo.half): conform.half: unknown key "ulps" (expected concept, output, transposed, u, floor, inputCondition, reason)',
    ],
    [
      "a conform bound without u",
      with_({
        concepts: ["sigmoid"],
        conform: { half: { concept: "sigmoid", reason: "r" } },
      }),
      'x.json (demo.half): conform.half: "u" is required',
    ],
    [
      "u above 1e15",
      with_({
        concepts: ["sigmoid"],
        conform: { half: { concept: "sigmoid", u: 1e16, reason: "r" } },
      }),
      "x.json (demo.half): conform.half: u must be a number in [0, 1e15], got the number 10000000000000000",
    ],
    [
      "u together with checkable: false",
      with_({
        concepts: ["sigmoid"],
        conform: { half: { concept: "sigmoid", u: 1, checkable: false, reason: "r" } },
      }),
      'x.json (demo.half): conform.half: unknown key "u" (expected concept, output, transposed, checkable, reason)',
    ],
    [
      "a negative floor",
      with_({
        concepts: ["sigmoid"],
        conform: { half: { concept: "sigmoid", u: 1, floor: -1, reason: "r" } },
      }),
      "x.json (demo.half): conform.half: floor must be a number ≥ 0 or a non-empty array of them",
    ],
    [
      "transposed: false",
      with_({
        concepts: ["sigmoid"],
        conform: { half: { concept: "sigmoid", u: 1, transposed: false, reason: "r" } },
      }),
      "x.json (demo.half): conform.half: transposed, when given, must be true",
    ],
    [
      "a missing erratum key",
      (({ erratum: _, ...rest }) => rest)(good()),
      'x.json (demo.half): "erratum" is required',
    ],
    [
      "an empty file (no fixture at all)",
      [],
      "x.json: an empty list; a fixture file holds at least one fixture",
    ],
    [
      "a file whose second fixture is broken",
      [good(), with_({ id: "demo.two", note: 1 })],
      'x.json[1] (demo.two): "note" must be a string, got the number 1',
    ],
  ];
  for (const [what, value, message] of malformed) {
    it(`both refuse ${what}`, () => {
      const json = asJson(value);
      assert.equal(validate(json), false, `the schema accepts ${what}`);
      // The parser's message, exactly: the field, what it got, what a fixture holds.
      assert.throws(() => parseFixtures(json, "x.json"), { name: "InputTypeError", message });
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
      "two errata ids of the fixture's document, and truncation",
      with_({ printedRounding: { half: "truncate" }, erratum: ["S0-E01", "S0-E123"] }),
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
    ["a $schema, a title and a note", with_({ $schema: "../schema.json", title: "t", note: "n" })],
    ["an id with underscores and hyphens", with_({ id: "s001_a-b.c2" })],
    ...["004_0123456789abcdef.txt", "nist-strd/Longley.dat", "iris.csv", "numpy", "pytorch", "none"]
      .map((document): [string, unknown] => [
        `the document ${document}`,
        with_({ source: { document, section: "1", quote: "q" } }),
      ]),
    [
      "a generator that is a text file",
      with_({ oracle: { method: "m", generator: "fixtures/a.txt" } }),
    ],
    ["printed rounding to nearest", with_({ printedRounding: { half: "nearest" } })],
    [
      "expected booleans, null and strings, nested",
      with_({
        printed: {},
        expected: { b: true, n: null, s: "x", list: [false, null, ["y", 1]] },
        tolerance: {
          b: { reason: "r" },
          n: { reason: "r" },
          s: { reason: "r" },
          list: { reason: "r" },
        },
      }),
    ],
    ["rtol with atol", with_({ tolerance: { half: { rtol: 1e-12, atol: 0, reason: "r" } } })],
    ["one erratum id", with_({ erratum: ["S0-E09"] })],
    ["a seed of 0 and an empty list of seeds", with_({ random: { seed: 0, note: "n" } })],
    ["an empty list of seeds", with_({ random: { seed: [], note: "n" } })],
    [
      "u = 0 with floor 0",
      with_({
        concepts: ["sigmoid"],
        conform: { half: { concept: "sigmoid", u: 0, floor: 0, reason: "r" } },
      }),
    ],
    [
      "u = 1e15, the cap",
      with_({
        concepts: ["sigmoid"],
        conform: { half: { concept: "sigmoid", u: 1e15, reason: "r" } },
      }),
    ],
    [
      "a floor list and an inputCondition list",
      with_({
        concepts: ["sigmoid"],
        conform: {
          half: {
            concept: "sigmoid",
            u: 1,
            floor: [0],
            inputCondition: [1],
            reason: "r",
          },
        },
      }),
    ],
    [
      "an output and transposed: true",
      with_({
        concepts: ["sigmoid"],
        conform: { half: { concept: "sigmoid", output: "y", transposed: true, u: 1, reason: "r" } },
      }),
    ],
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
      "an erratum of another document than the fixture's",
      with_({ erratum: ["S0-E01", "S2-E01"] }),
      /erratum S2-E01 belongs to another document than this fixture's/,
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
    const where = "x.json: ";
    const cannot = [
      [{ input: { x: [1, undefined] } }, "input.x[1] is undefined"],
      [{ input: { f: () => 1 } }, "input.f is a function"],
      [{ input: { s: Symbol("s") } }, "input.s is a symbol"],
      [{ input: { b: 1n } }, "input.b is the BigInt 1n"],
    ] as const;
    for (const [patch, what] of cannot) {
      assert.throws(() => parseFixture(with_(patch), "x.json"), {
        name: "InputTypeError",
        message: `${where}${what}, which JSON cannot hold`,
      });
    }
    assert.throws(() => parseFixture(undefined, "x.json"), {
      name: "InputTypeError",
      message: `${where}the value is undefined, which JSON cannot hold`,
    });
    // A property set to undefined is absent, as JSON.stringify writes it: a required one
    // is missing, an optional one is still checked for its type.
    assert.throws(() => parseFixture(with_({ erratum: undefined }), "x.json"), {
      message: 'x.json (demo.half): "erratum" is required',
    });
    const jsonHasNo = 'JSON has no NaN or ±∞ — write the strings "NaN", "Infinity", ' +
      '"-Infinity" in expected';
    for (
      const [value, path] of [[NaN, "the value"], [[NaN], "[0]"], [[{ a: Infinity }], "[0].a"]]
    ) {
      assert.throws(() => parseFixture(value, "x.json"), {
        name: "NonFiniteError",
        message: `${where}${path} is ${JSON.stringify(value).includes("null") ? "" : ""}` +
          `${path === "[0].a" ? "Infinity" : "NaN"}; ${jsonHasNo}`,
      });
    }
    assert.throws(
      () => parseFixtures([good(), with_({ id: "demo.two", input: { x: NaN } })], "x.json"),
      { name: "NonFiniteError", message: `x.json[1]: input.x is NaN; ${jsonHasNo}` },
    );
    // The depth limit, exactly: 64 levels below the fixture, arrays or objects.
    const arrays = (n: number) => {
      let v: unknown = 1;
      for (let i = 0; i < n; i++) v = [v];
      return v;
    };
    const objects = (n: number) => {
      let v: unknown = 1;
      for (let i = 0; i < n; i++) v = { a: v };
      return v;
    };
    parseFixture(with_({ input: { deep: arrays(63) } }), "x.json");
    assert.throws(() => parseFixture(with_({ input: { deep: arrays(64) } }), "x.json"), {
      message: `${where}nested more than 64 levels deep at input.deep${"[0]".repeat(63)}`,
    });
    parseFixture(with_({ input: objects(64) }), "x.json");
    assert.throws(() => parseFixture(with_({ input: objects(65) }), "x.json"), {
      message: `${where}nested more than 64 levels deep at input${".a".repeat(64)}`,
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
    assert.equal(SCHEMA_MIRROR.erratumId, fixture.properties.erratum.oneOf[1].items.pattern);
    assert.deepEqual(
      SCHEMA_MIRROR.randomKeys,
      Object.keys(fixture.properties.random.oneOf[1].properties),
    );
  });
});
