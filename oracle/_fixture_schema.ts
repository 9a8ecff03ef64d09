/**
 * fixtures/schema.json, rule for rule, as code (internal to fixture.ts): parseFixture
 * accepts what the schema accepts, and spec/oracle/fixture_schema_test.ts feeds the same
 * malformed fixtures to both to keep it so. Before any rule, the whole value is walked
 * once: nesting deeper than 64 levels, cycles, the keys `__proto__`, `constructor` and
 * `prototype` (which mean different things to different readers of JSON), and non-finite
 * numbers (JSON has none; they come only from a JavaScript object) are refused.
 *
 * @module
 */

import { InputTypeError, NonFiniteError } from "../lib/errors.ts";
import { describe, MAX_DEPTH } from "./_tree.ts";
import { CONCEPT_NAMES } from "./conformance/format.ts";

type Json = Record<string, unknown>;

/** Keys refused anywhere in a fixture. */
const RESERVED = new Set(["__proto__", "constructor", "prototype"]);

/**
 * The schema's patterns and property lists, as written in fixtures/schema.json. The
 * oracle may not import that file (it is data, outside the layers), so
 * spec/oracle/fixture_schema_test.ts checks that these equal the schema's: the schema
 * stays the one source of truth.
 */
export const SCHEMA_MIRROR = {
  id: "^[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)*$",
  document:
    "^(00[0-4]_[0-9a-f]{16}\\.txt|nist-strd/[A-Za-z0-9]+\\.dat|iris\\.csv|numpy|pytorch|none)$",
  generator: "^fixtures/.+\\.(py|txt)$",
  erratumId: "^S[0-4]-E[0-9]{2,}$",
  fixtureKeys: [
    "$schema",
    "id",
    "title",
    "concepts",
    "source",
    "oracle",
    "input",
    "printed",
    "printedRounding",
    "expected",
    "tolerance",
    "conform",
    "erratum",
    "random",
    "note",
  ],
  required: ["id", "source", "oracle", "input", "printed", "expected", "tolerance", "erratum"],
  sourceKeys: ["document", "section", "quote"],
  oracleKeys: ["method", "generator"],
  toleranceKeys: ["ulps", "rtol", "atol", "reason"],
  randomKeys: ["seed", "note"],
  conformKeys: ["concept", "output", "transposed", "u", "floor", "inputCondition", "reason"],
  uncheckableKeys: ["concept", "output", "transposed", "checkable", "reason"],
  maxU: 1e15,
} as const;

const FIXTURE_KEYS = new Set<string>(SCHEMA_MIRROR.fixtureKeys);
const ID = new RegExp(SCHEMA_MIRROR.id);
const DOCUMENT = new RegExp(SCHEMA_MIRROR.document);
const GENERATOR = new RegExp(SCHEMA_MIRROR.generator);
const ERRATUM_ID = new RegExp(SCHEMA_MIRROR.erratumId);

function fail(where: string, message: string): never {
  throw new InputTypeError(`${where}: ${message}`);
}

/** A plain object: not null, not an array. */
export function isRecord(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Walks the whole value once (iteratively: no recursion, so no stack overflow at any
 * depth) and refuses depth > 64, cycles, reserved keys and non-finite numbers.
 *
 * @throws {InputTypeError} naming the path of the offending key or the depth.
 * @throws {NonFiniteError} naming the path of a NaN or ±∞.
 */
export function checkJsonValue(value: unknown, where: string): void {
  interface Item {
    readonly node: unknown;
    readonly key: string | number | null;
    readonly parent: Item | null;
    readonly depth: number;
  }
  const pathOf = (item: Item): string => {
    const parts: string[] = [];
    for (let at: Item | null = item; at !== null && at.key !== null; at = at.parent) {
      parts.unshift(typeof at.key === "number" ? `[${at.key}]` : `.${at.key}`);
    }
    return parts.length === 0 ? "the value" : parts.join("").replace(/^\./, "");
  };
  const stack: Item[] = [{ node: value, key: null, parent: null, depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    const node = item.node;
    if (typeof node === "number") {
      if (!Number.isFinite(node)) {
        throw new NonFiniteError(
          `${where}: ${pathOf(item)} is ${node}; JSON has no NaN or ±∞ — write the strings ` +
            `"NaN", "Infinity", "-Infinity" in expected`,
        );
      }
      continue;
    }
    if (node === undefined && item.parent !== null && !Array.isArray(item.parent.node)) {
      continue; // a property set to undefined: absent, as JSON.stringify would write it
    }
    if (typeof node !== "object" || node === null) {
      if (typeof node !== "string" && typeof node !== "boolean" && node !== null) {
        fail(where, `${pathOf(item)} is ${describe(node)}, which JSON cannot hold`);
      }
      continue;
    }
    if (item.depth > MAX_DEPTH) {
      fail(where, `nested more than ${MAX_DEPTH} levels deep at ${pathOf(item)}`);
    }
    // A cycle: the node is one of its own ancestors (a value shared by two fields is not).
    for (let at = item.parent; at !== null; at = at.parent) {
      if (at.node === node) fail(where, `the value is cyclic: ${pathOf(item)} contains itself`);
    }
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) {
        stack.push({ node: node[i], key: i, parent: item, depth: item.depth + 1 });
      }
      continue;
    }
    // Pushed last key first, so that the keys are visited (and reported) in their order.
    for (const key of Object.keys(node).reverse()) {
      if (RESERVED.has(key)) {
        fail(
          where,
          `the key "${key}" in ${item.key === null ? "the fixture" : pathOf(item)} is not ` +
            `allowed: __proto__, constructor and prototype mean different things to different ` +
            `readers of JSON`,
        );
      }
      stack.push({ node: (node as Json)[key], key, parent: item, depth: item.depth + 1 });
    }
  }
}

// A property set to undefined is absent, as JSON.stringify writes it (and JSON cannot hold
// it): these read a record as its JSON text would.
export function present(record: Json, key: string): boolean {
  return Object.hasOwn(record, key) && record[key] !== undefined;
}

export function keysOf(record: Json): string[] {
  return Object.keys(record).filter((key) => record[key] !== undefined);
}

function entriesOf(record: Json): [string, unknown][] {
  return Object.entries(record).filter(([, value]) => value !== undefined);
}

function requireString(record: Json, key: string, where: string, minLength = 0): void {
  const value = record[key];
  if (typeof value !== "string" || value.length < minLength) {
    fail(
      where,
      `"${key}" must be a${minLength > 0 ? " non-empty" : ""} string, got ${describe(value)}`,
    );
  }
}

function onlyKeys(record: Json, allowed: readonly string[], where: string): void {
  for (const key of keysOf(record)) {
    if (!allowed.includes(key)) {
      fail(where, `unknown key "${key}" (expected ${allowed.join(", ")})`);
    }
  }
}

function requireKeys(record: Json, required: readonly string[], where: string): void {
  for (const key of required) {
    if (!present(record, key)) {
      fail(where, `"${key}" is required`);
    }
  }
}

/** The schema's stringTree: a non-empty string, or arrays of them (any length, ragged). */
function isStringTree(value: unknown): boolean {
  if (typeof value === "string") return value.length > 0;
  return Array.isArray(value) && value.every(isStringTree);
}

/** The schema's expectedValue: number, string, boolean, null, or arrays of them. */
function isExpectedValue(value: unknown): boolean {
  if (value === null || ["number", "string", "boolean"].includes(typeof value)) return true;
  return Array.isArray(value) && value.every(isExpectedValue);
}

function isNonNegativeInteger(value: unknown): boolean {
  return typeof value === "number" && Number.isInteger(value) && value >= 0;
}

function checkTolerance(bound: unknown, where: string): void {
  if (!isRecord(bound)) fail(where, `must be an object { reason, ulps? | rtol?, atol? }`);
  onlyKeys(bound, SCHEMA_MIRROR.toleranceKeys, where);
  requireString(bound, "reason", where, 1);
  for (const key of ["ulps", "rtol", "atol"]) {
    if (!present(bound, key)) continue;
    const value = bound[key];
    if (typeof value !== "number" || value < 0) {
      fail(where, `${key} must be a number ≥ 0, got ${describe(value)}`);
    }
  }
  if (
    present(bound, "ulps") && (present(bound, "rtol") || present(bound, "atol"))
  ) {
    fail(where, "mixes ulps with rtol/atol: give one kind of bound");
  }
}

/** The schema's `concept` enum: the names of oracle/conformance's concepts. */
function isConcept(value: unknown): boolean {
  return typeof value === "string" && CONCEPT_NAMES.includes(value);
}

/** The schema's nonNegativeTree: a number ≥ 0, or a non-empty array of such trees. */
function isNonNegativeTree(value: unknown): boolean {
  if (typeof value === "number") return value >= 0;
  return Array.isArray(value) && value.length > 0 && value.every(isNonNegativeTree);
}

function checkConcepts(concepts: unknown, at: string): void {
  if (
    !Array.isArray(concepts) || concepts.length === 0 || !concepts.every(isConcept) ||
    new Set(concepts).size !== concepts.length
  ) {
    fail(at, `"concepts" must be a non-empty list of distinct concept names`);
  }
}

function checkConform(conform: unknown, at: string): void {
  if (!isRecord(conform) || keysOf(conform).length === 0) {
    fail(at, `"conform" must be an object with at least one field`);
  }
  for (const [field, entry] of entriesOf(conform)) {
    const where = `${at}: conform.${field}`;
    if (!isRecord(entry)) fail(where, "must be an object { concept, u | checkable, reason }");
    const uncheckable = present(entry, "checkable");
    onlyKeys(entry, uncheckable ? SCHEMA_MIRROR.uncheckableKeys : SCHEMA_MIRROR.conformKeys, where);
    requireKeys(
      entry,
      uncheckable ? ["concept", "checkable", "reason"] : ["concept", "u", "reason"],
      where,
    );
    if (!isConcept(entry.concept)) {
      fail(where, `concept must be a concept name, got ${describe(entry.concept)}`);
    }
    requireString(entry, "reason", where, 1);
    if (present(entry, "output")) requireString(entry, "output", where, 1);
    if (present(entry, "transposed") && entry.transposed !== true) {
      fail(where, "transposed, when given, must be true");
    }
    if (uncheckable) {
      if (entry.checkable !== false) fail(where, "checkable, when given, must be false");
      continue;
    }
    const u = entry.u;
    if (typeof u !== "number" || u < 0 || u > SCHEMA_MIRROR.maxU) {
      fail(where, `u must be a number in [0, 1e15], got ${describe(u)}`);
    }
    for (const key of ["floor", "inputCondition"]) {
      if (present(entry, key) && !isNonNegativeTree(entry[key])) {
        fail(where, `${key} must be a number ≥ 0 or a non-empty array of them`);
      }
    }
  }
}

/**
 * Checks one fixture against fixtures/schema.json's `fixture` definition.
 *
 * @throws {InputTypeError} naming the file, the field and what was expected.
 */
export function checkFixtureSchema(json: unknown, where: string): asserts json is Json {
  if (!isRecord(json)) fail(where, `a fixture must be a JSON object, got ${describe(json)}`);
  for (const key of keysOf(json)) {
    if (!FIXTURE_KEYS.has(key)) {
      fail(where, `unknown key "${key}" (a fixture has ${[...FIXTURE_KEYS].join(", ")})`);
    }
  }
  if (typeof json.id !== "string") {
    fail(where, `"id" must be a non-empty string, got ${describe(json.id)}`);
  }
  const at = `${where} (${json.id})`;
  requireKeys(json, SCHEMA_MIRROR.required, at);
  if (!ID.test(json.id)) {
    fail(at, `id must be dotted words such as "s001.commute", got ${JSON.stringify(json.id)}`);
  }
  if (present(json, "$schema")) requireString(json, "$schema", at);
  if (present(json, "title")) requireString(json, "title", at);
  if (present(json, "note")) requireString(json, "note", at);
  const source = json.source;
  if (!isRecord(source)) fail(at, `"source" must be { document, section, quote }`);
  onlyKeys(source, SCHEMA_MIRROR.sourceKeys, `${at} source`);
  for (const key of ["document", "section", "quote"]) requireString(source, key, `${at} source`, 1);
  if (!DOCUMENT.test(source.document as string)) {
    fail(
      `${at} source`,
      `document must name one of the five documents (00N_<16 hex>.txt), a NIST StRD file, ` +
        `iris.csv, numpy, pytorch or none, got ${JSON.stringify(source.document)}`,
    );
  }
  const oracle = json.oracle;
  if (!isRecord(oracle)) fail(at, `"oracle" must be { method, generator }`);
  onlyKeys(oracle, SCHEMA_MIRROR.oracleKeys, `${at} oracle`);
  requireKeys(oracle, ["method", "generator"], `${at} oracle`);
  requireString(oracle, "method", `${at} oracle`, 1);
  const generator = oracle.generator;
  if (generator !== null && (typeof generator !== "string" || !GENERATOR.test(generator))) {
    fail(
      at,
      `oracle.generator must be a path fixtures/….py or ….txt, or null, got ${describe(generator)}`,
    );
  }
  for (const key of ["input", "printed", "expected", "tolerance"]) {
    if (!isRecord(json[key])) fail(at, `"${key}" must be an object, got ${describe(json[key])}`);
  }
  for (const [field, value] of entriesOf(json.printed as Json)) {
    if (!isStringTree(value)) {
      fail(at, `printed.${field} must be digits as a non-empty string, or arrays of them`);
    }
  }
  if (present(json, "printedRounding")) {
    const rounding = json.printedRounding;
    if (!isRecord(rounding)) fail(at, `"printedRounding" must be an object`);
    for (const [field, value] of entriesOf(rounding)) {
      if (value !== "nearest" && value !== "truncate") {
        fail(
          at,
          `printedRounding.${field} must be "nearest" or "truncate", got ${describe(value)}`,
        );
      }
    }
  }
  for (const [field, value] of entriesOf(json.expected as Json)) {
    if (!isExpectedValue(value)) {
      fail(
        at,
        `expected.${field} must be numbers (nested arrays allowed), a string, a boolean or null`,
      );
    }
  }
  for (const [field, bound] of entriesOf(json.tolerance as Json)) {
    checkTolerance(bound, `${at}: tolerance.${field}`);
  }
  if (present(json, "concepts")) checkConcepts(json.concepts, at);
  if (present(json, "conform")) checkConform(json.conform, at);
  const erratum = json.erratum;
  if (
    erratum !== null &&
    !(Array.isArray(erratum) && erratum.length > 0 &&
      erratum.every((id) => typeof id === "string" && ERRATUM_ID.test(id)))
  ) {
    fail(
      at,
      `"erratum" must be null or a list of erratum ids such as ["S1-E09"] (the records live ` +
        `in fixtures/errata/), got ${describe(erratum)}`,
    );
  }
  if (Array.isArray(erratum) && new Set(erratum).size !== erratum.length) {
    fail(at, `"erratum" lists an id twice`);
  }
  if (present(json, "random") && json.random !== null) {
    const random = json.random;
    if (!isRecord(random)) fail(at, `"random" must be null or { seed, note }`);
    onlyKeys(random, SCHEMA_MIRROR.randomKeys, `${at} random`);
    requireKeys(random, ["seed", "note"], `${at} random`);
    requireString(random, "note", `${at} random`, 1);
    const seed = random.seed;
    if (
      !(isNonNegativeInteger(seed) || (Array.isArray(seed) && seed.every(isNonNegativeInteger)))
    ) {
      fail(at, `random.seed must be an integer ≥ 0 or a list of them, got ${describe(seed)}`);
    }
  }
}
