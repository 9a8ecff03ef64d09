/**
 * Checking an implementation of a concept against every fixture that lists the concept,
 * by default against the fixtures' conform bounds (what any correct implementation must
 * meet), or against their reproduce tolerances (nnref's own measured bits) on request.
 *
 * The check cannot be fooled and never throws on account of the implementation: a fixture
 * that does not list the concept is not part of the check (and a check that compares
 * nothing is a failure, "nothing checked"); an implementation that throws, returns NaN, the
 * wrong shape, a BigInt, a cyclic object, a Promise or an object whose getter throws gets a
 * failed result with a message; it works on private copies of the inputs, so it cannot
 * change the fixtures or a later verdict; every loop a fixture drives is capped.
 *
 * @module
 */

import { AssertionError } from "../assertion_error.ts";
import { findMismatch, type Tolerance } from "../assert_close.ts";
import { type Fixture, parseFixture } from "../fixture.ts";
import {
  compareConform,
  type ConformBound,
  type FieldVerdict,
  type Precision,
  short,
} from "./bound.ts";
import type { AnyConcept, ConformanceConcept } from "./concept.ts";
import { conceptNamed } from "./registry.ts";
import { copyJson, type SafeTree, safeTree } from "./safe.ts";

/** Options of {@link checkConcept}.
 * @category Conformance */
export interface ConceptOptions {
  /**
   * "conform" (default): each field's conform bound, independent of summation order and
   * algorithm. "reproduce": the fixture's own tolerance, as tight as nnref's lib/ measured.
   */
  readonly bound?: "conform" | "reproduce";
  /** The format your implementation computes in (default "float64"); float32 uses u = 2⁻²⁴. */
  readonly precision?: Precision;
}

/** The check of one field of one fixture.
 * @category Conformance */
export interface FieldOutcome {
  /** The expected field. */
  readonly field: string;
  /** The concept's output compared with it. */
  readonly output: string;
  /** pass, fail, or unchecked (not checkable at this precision or at all). */
  readonly status: "pass" | "fail" | "unchecked";
  /** `status === "pass"`. */
  readonly ok: boolean;
  /** The worst error in units of u (conform only; NaN for reproduce). */
  readonly worstU: number;
  /** The worst relative error. */
  readonly worstRelative: number;
  /** The worst distance in ulps of the format (conform only). */
  readonly worstUlps: number;
  /** The worst |error| / bound (≤ 1 passes; conform only). */
  readonly worstRatio: number;
  /** Empty when it passed; otherwise what differed, with the relative error and the bound. */
  readonly message: string;
}

/** One fixture, checked against your implementation.
 * @category Conformance */
export interface ConceptResult {
  /** The fixture's id ("(none)" when no fixture lists the concept). */
  readonly id: string;
  /** pass only when every checkable field passed and at least one was checked. */
  readonly status: "pass" | "fail" | "unchecked";
  /** `status === "pass"`: never true for a fixture where nothing was compared. */
  readonly ok: boolean;
  /** Field by field (empty when the implementation threw or the fixture could not be read). */
  readonly fields: readonly FieldOutcome[];
  /** One line: the failures, or why nothing was checked; empty when it passed. */
  readonly message: string;
}

function describeThrown(error: unknown): string {
  try {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  } catch {
    return "an unprintable value";
  }
}

/** Every fixture in `fixtures` (one, a file's array, or a list of either), parsed; or the error. */
function fixturesOf(fixtures: unknown): (Fixture | string)[] {
  let list: unknown[];
  try {
    list = Array.isArray(fixtures) ? fixtures.flat() : [fixtures];
  } catch (error) {
    return [`the fixtures cannot be read: ${describeThrown(error)}`];
  }
  return list.map((json, index) => {
    try {
      return parseFixture(json, `fixtures[${index}]`);
    } catch (error) {
      return describeThrown(error);
    }
  });
}

function reshape(
  tree: SafeTree,
  shape: readonly number[],
  transposed: boolean,
): SafeTree {
  let t = tree;
  if (t.error !== "") return t;
  if (transposed) {
    if (t.shape.length !== 2) {
      return { ...t, error: `a matrix is due, got shape [${t.shape}]` };
    }
    const [r, c] = t.shape;
    const values: number[] = [];
    for (let j = 0; j < c; j++) {
      for (let i = 0; i < r; i++) values.push(t.values[i * c + j]);
    }
    t = { shape: [c, r], values, error: "" };
  }
  // one sample as a batch of one: [1, …shape] ↔ shape (a forward pass of one input vector)
  const same = (a: readonly number[], b: readonly number[]) => a.join(",") === b.join(",");
  if (
    !same(t.shape, shape) &&
    ((t.shape[0] === 1 && same(t.shape.slice(1), shape)) ||
      (shape[0] === 1 && same(shape.slice(1), t.shape)))
  ) {
    t = { ...t, shape: [...shape] };
  }
  return t;
}

function nest(tree: SafeTree): unknown {
  const build = (
    offset: number,
    dims: readonly number[],
  ): [unknown, number] => {
    if (dims.length === 0) return [tree.values[offset], offset + 1];
    const out: unknown[] = [];
    let at = offset;
    for (let i = 0; i < dims[0]; i++) {
      const [v, next] = build(at, dims.slice(1));
      out.push(v);
      at = next;
    }
    return [out, at];
  };
  return build(0, tree.shape)[0];
}

function reproduceVerdict(
  actual: SafeTree,
  expected: unknown,
  tolerance: Tolerance,
): FieldVerdict {
  const base = {
    checked: 0,
    unchecked: 0,
    worstU: NaN,
    worstRatio: NaN,
    worstRelative: NaN,
    worstUlps: NaN,
  };
  if (actual.error !== "") {
    return { ...base, status: "fail", message: actual.error };
  }
  try {
    const mismatch = findMismatch(
      nest(actual) as never,
      expected as never,
      tolerance,
    );
    return {
      ...base,
      checked: actual.values.length,
      status: mismatch ? "fail" : "pass",
      message: mismatch?.message ?? "",
    };
  } catch (error) {
    return { ...base, status: "fail", message: describeThrown(error) };
  }
}

function failed(id: string, message: string): ConceptResult {
  return { id, status: "fail", ok: false, fields: [], message };
}

/** Checks one fixture that lists the concept. */
function checkFixture(
  concept: AnyConcept,
  implementation: unknown,
  fixture: Fixture,
  options: ConceptOptions,
): ConceptResult {
  const conform = (fixture as { conform?: Record<string, ConformBound> }).conform ?? {};
  const fields = Object.entries(conform).filter(([, entry]) => entry?.concept === concept.name);
  if (fields.length === 0) {
    return failed(
      fixture.id,
      `the fixture lists ${concept.name} but no conform field computes it`,
    );
  }
  let input;
  try {
    input = concept.inputs(fixture);
  } catch (error) {
    return failed(fixture.id, describeThrown(error));
  }
  let outputs: Record<string, unknown>;
  try {
    outputs = concept.run(implementation, copyJson(input));
  } catch (error) {
    return failed(
      fixture.id,
      `your ${concept.name} threw ${describeThrown(error)}`,
    );
  }
  const outcomes: FieldOutcome[] = fields.map(([field, entry]) => {
    const output = entry.output ?? concept.outputs[0];
    const expected = safeTree(fixture.expected[field], `expected.${field}`);
    const actual = reshape(
      safeTree(outputs[output], output),
      expected.shape,
      entry.transposed === true,
    );
    const verdict = options.bound === "reproduce"
      ? reproduceVerdict(
        actual,
        fixture.expected[field],
        fixture.tolerance[field],
      )
      : compareConform(
        entry,
        actual,
        expected,
        options.precision ?? "float64",
        concept.skip?.(input, output),
      );
    return {
      field,
      output,
      status: verdict.status,
      ok: verdict.status === "pass",
      worstU: verdict.worstU,
      worstRelative: verdict.worstRelative,
      worstUlps: verdict.worstUlps,
      worstRatio: verdict.worstRatio,
      message: verdict.message,
    };
  });
  const bad = outcomes.filter((o) => o.status === "fail");
  const status = bad.length > 0
    ? "fail"
    : outcomes.some((o) => o.status === "pass")
    ? "pass"
    : "unchecked";
  const message = bad.length > 0
    ? bad.map((o) => `${o.field}: ${o.message}`).join("; ")
    : status === "unchecked"
    ? `nothing checked: ${outcomes.map((o) => `${o.field}: ${o.message}`).join("; ")}`
    : "";
  return {
    id: fixture.id,
    status,
    ok: status === "pass",
    fields: outcomes,
    message,
  };
}

/**
 * Checks an implementation against every fixture (of those given) that lists the concept.
 * Never throws because of the implementation or the fixtures.
 *
 * @param concept The concept or its name (e.g. "sigmoid").
 * @param implementation Your function (see the concept's `signature`).
 * @param fixtures Parsed fixture JSON: one fixture, a file's array, or a list of files.
 * @param options `bound` ("conform" by default, or "reproduce") and `precision`.
 * @returns One result per fixture that lists the concept; when none does, one failed
 *   result "nothing checked".
 *
 * @example A sigmoid with the sign forgotten fails; the right one passes
 * ```ts
 * import { checkConcept } from "@nnref/nnref/oracle";
 * const fixture = {
 *   id: "mine.sigmoid", concepts: ["sigmoid"],
 *   source: { document: "none", section: "-", quote: "σ(0) = ½" },
 *   oracle: { method: "exact", generator: null }, input: { z: [0, 2] }, printed: {},
 *   expected: { sigmoid: [0.5, 0.8807970779778823] },
 *   conform: { sigmoid: { concept: "sigmoid", u: 5, reason: "four roundings" } },
 *   tolerance: { sigmoid: { ulps: 1, reason: "measured" } }, erratum: null,
 * };
 * if (!checkConcept("sigmoid", (x: number) => 1 / (1 + Math.exp(-x)), fixture)[0].ok) {
 *   throw new Error("the logistic function conforms");
 * }
 * const [wrong] = checkConcept("sigmoid", (x: number) => 1 / (1 + Math.exp(x)), fixture);
 * if (wrong.ok || !wrong.message.includes("relative error")) throw new Error(wrong.message);
 * ```
 * @category Conformance
 */
export function checkConcept<Implementation>(
  concept: ConformanceConcept<Implementation> | string,
  implementation: Implementation,
  fixtures: unknown,
  options: ConceptOptions = {},
): ConceptResult[] {
  let c: AnyConcept;
  try {
    c = typeof concept === "string" ? conceptNamed(concept) : concept;
  } catch (error) {
    return [failed("(none)", describeThrown(error))];
  }
  if (typeof implementation !== "function") {
    return [
      failed(
        "(none)",
        `the ${c.name} implementation must be a function ${c.signature}, got ${typeof implementation}`,
      ),
    ];
  }
  const parsed = fixturesOf(fixtures);
  const results: ConceptResult[] = [];
  parsed.forEach((fixture) => {
    if (typeof fixture === "string") {
      results.push(failed("(unreadable fixture)", fixture));
    } else if (
      (fixture as { concepts?: string[] }).concepts?.includes(c.name)
    ) {
      results.push(checkFixture(c, implementation, fixture, options));
    }
  });
  if (results.length === 0) {
    return [
      failed(
        "(none)",
        `nothing checked: none of the ${parsed.length} fixture(s) lists the concept ${c.name}`,
      ),
    ];
  }
  return results;
}

/**
 * Like {@link checkConcept}, but throws unless every fixture passed (a fixture where
 * nothing could be checked does not pass), for use as the body of a test.
 *
 * @returns The number of fixtures that passed.
 * @throws {AssertionError} listing every fixture that did not pass.
 *
 * @example
 * ```ts
 * import { assertConcept } from "@nnref/nnref/oracle";
 * const fixture = {
 *   id: "mine.relu", concepts: ["relu"], source: { document: "none", section: "-", quote: "max(0, z)" },
 *   oracle: { method: "exact", generator: null }, input: { z: [-1, 2] }, printed: {},
 *   expected: { relu: [0, 2] }, conform: { relu: { concept: "relu", u: 0, reason: "exact" } },
 *   tolerance: { relu: { reason: "exact" } }, erratum: null,
 * };
 * if (assertConcept("relu", (z: number) => Math.max(0, z), fixture) !== 1) throw new Error("one");
 * ```
 * @category Conformance
 */
export function assertConcept<Implementation>(
  concept: ConformanceConcept<Implementation> | string,
  implementation: Implementation,
  fixtures: unknown,
  options: ConceptOptions = {},
): number {
  const results = checkConcept(concept, implementation, fixtures, options);
  const bad = results.filter((r) => !r.ok);
  const name = typeof concept === "string" ? concept : concept.name;
  if (bad.length > 0) {
    throw new AssertionError(
      `${name}: ${bad.length} of ${results.length} fixture(s) did not pass\n` +
        bad.map((r) => `  ${r.id} [${r.status}]: ${r.message}`).join("\n"),
    );
  }
  return results.length;
}

/** One line per fixture: id, status, the worst error in units of u.
 * @category Conformance */
export function formatResults(results: readonly ConceptResult[]): string {
  return results.map((r) => {
    const worst = Math.max(
      0,
      ...r.fields.map((f) => (Number.isFinite(f.worstU) ? f.worstU : 0)),
    );
    return `${r.status.padEnd(9)} ${r.id}${r.ok ? ` (worst ${short(worst)} u)` : `: ${r.message}`}`;
  }).join("\n");
}
