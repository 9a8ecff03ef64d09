/**
 * The canonical inputs of every fixture of a concept, as JSON for a program in any
 * language to read (`nnref inputs --concept C`), with the conform bound of each field the
 * program must answer. Its answers are checked by answers.ts.
 *
 * @module
 */

import type { Fixture } from "../fixture.ts";
import { parseFixture } from "../fixture.ts";
import type { ConformBound } from "./bound.ts";
import { conceptNamed } from "./registry.ts";

/** What `nnref inputs` writes for one fixture.
 * @category Conformance */
export interface FixtureInputs {
  /** The fixture's id: the key of its answers. */
  readonly id: string;
  /** The concept's canonical input. */
  readonly input: Record<string, unknown>;
  /** The fields to answer: the concept output each holds, its shape, whether transposed. */
  readonly fields: Record<
    string,
    { output: string; shape: number[]; transposed: boolean }
  >;
}

/** What `nnref inputs --concept C` writes.
 * @category Conformance */
export interface ConceptInputs {
  /** The concept. */
  readonly concept: string;
  /** An implementation's signature, in TypeScript notation. */
  readonly signature: string;
  /** What it computes. */
  readonly summary: string;
  /** Every fixture that lists the concept (and can be read as it). */
  readonly fixtures: FixtureInputs[];
}

function shapeOf(value: unknown): number[] {
  return Array.isArray(value) ? [value.length, ...shapeOf(value[0])] : [];
}

/**
 * The conform bound of each field of a fixture (internal: inputs.ts lists them, answers.ts
 * checks against them; not exported from the package).
 * @category Conformance
 */
export function conformOf(fixture: Fixture): Record<string, ConformBound> {
  return (fixture as { conform?: Record<string, ConformBound> }).conform ?? {};
}

/**
 * The canonical inputs of every fixture of a concept.
 *
 * @param name The concept's name.
 * @param fixtures Parsed fixtures (e.g. every file under fixtures/).
 * @returns The concept, its signature, and per fixture the input and the fields to answer.
 * @throws {RangeError} for an unknown concept; {TypeError} for a fixture that lists it but cannot be read as it.
 *
 * @example
 * ```ts
 * import { conceptInputs } from "@nnref/nnref/oracle";
 * const fixture = {
 *   id: "mine.tanh", concepts: ["tanh"], source: { document: "none", section: "-", quote: "tanh 0 = 0" },
 *   oracle: { method: "exact", generator: null }, input: { z: [0] }, printed: {},
 *   expected: { tanh: [0] }, conform: { tanh: { concept: "tanh", u: 5, reason: "libm" } },
 *   tolerance: { tanh: { reason: "exact" } }, erratum: null,
 * };
 * const inputs = conceptInputs("tanh", [fixture]);
 * if (inputs.fixtures[0].fields.tanh.output !== "value") throw new Error("one output");
 * ```
 * @category Conformance
 */
export function conceptInputs(
  name: string,
  fixtures: readonly unknown[],
): ConceptInputs {
  const concept = conceptNamed(name);
  const out: FixtureInputs[] = [];
  for (const json of fixtures) {
    const fixture = parseFixture(json, "fixture");
    if (!(fixture as { concepts?: string[] }).concepts?.includes(name)) {
      continue;
    }
    const fields: FixtureInputs["fields"] = {};
    for (const [field, entry] of Object.entries(conformOf(fixture))) {
      if (entry.concept !== name || entry.checkable === false) continue;
      fields[field] = {
        output: entry.output ?? concept.outputs[0],
        shape: shapeOf(fixture.expected[field]),
        transposed: entry.transposed === true,
      };
    }
    if (Object.keys(fields).length > 0) {
      out.push({ id: fixture.id, input: concept.inputs(fixture), fields });
    }
  }
  return {
    concept: name,
    signature: concept.signature,
    summary: concept.summary,
    fixtures: out,
  };
}
