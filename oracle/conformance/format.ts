/**
 * The rules of a fixture's `concepts` and `conform` that fixtures/schema.json cannot state:
 * every conform field has an expected value, every conform entry's concept is listed in
 * `concepts` and every listed concept has a field, `floor` and `inputCondition` are one
 * number or one per element of the field, and `u` is a finite number ≥ 0.
 *
 * @module
 */

import { isRecord } from "../_tree.ts";
import type { ConformBound } from "./bound.ts";

/** The concept names a fixture may list (as fixtures/schema.json's `concept` enum).
 * @category Conformance */
export const CONCEPT_NAMES: readonly string[] = [
  "sigmoid",
  "sigmoid-derivative",
  "tanh",
  "tanh-derivative",
  "relu",
  "relu-derivative",
  "softmax",
  "log-sum-exp",
  "softmax-cross-entropy",
  "binary-cross-entropy",
  "least-squares",
  "ridge",
  "gd-step",
  "sgd-step",
  "forward",
  "backward",
  "backward-delta",
  "logistic-gradient",
  "perceptron-update",
  "graph-gradient",
];

function leaves(value: unknown): number[] | null {
  if (typeof value === "number") return [value];
  if (!Array.isArray(value) || value.length === 0) return null;
  const out: number[] = [];
  for (const v of value) {
    const inner = leaves(v);
    if (inner === null) return null;
    out.push(...inner);
  }
  return out;
}

/**
 * Checks `concepts` and `conform` of a fixture's JSON; absent both, there is nothing to check.
 *
 * @param json The fixture's JSON object.
 * @param at Where, for messages.
 * @throws {TypeError} naming the rule broken.
 *
 * @example
 * ```ts
 * import { validateConformance } from "@nnref/nnref/oracle";
 * let message = "";
 * try {
 *   validateConformance({ concepts: ["tanh"], expected: { t: [1] }, conform: {} }, "demo");
 * } catch (error) { message = (error as Error).message; }
 * if (!message.includes("no conform field")) throw new Error(message);
 * ```
 * @category Conformance
 */
export function validateConformance(
  json: Record<string, unknown>,
  at: string,
): void {
  const { concepts, conform, expected } = json;
  if (concepts === undefined && conform === undefined) return;
  if (!Array.isArray(concepts) || concepts.length === 0) {
    throw new TypeError(
      `${at}: "concepts" must list the concepts the conform fields compute`,
    );
  }
  for (const name of concepts) {
    if (!CONCEPT_NAMES.includes(name)) {
      throw new TypeError(
        `${at}: unknown concept ${JSON.stringify(name)} (known: ${CONCEPT_NAMES.join(", ")})`,
      );
    }
  }
  if (new Set(concepts).size !== concepts.length) {
    throw new TypeError(`${at}: a concept is listed twice`);
  }
  if (!isRecord(conform)) {
    throw new TypeError(`${at}: "conform" must be an object { field: bound }`);
  }
  const used = new Set<string>();
  for (const [field, raw] of Object.entries(conform)) {
    const where = `${at}: conform.${field}`;
    if (!isRecord(raw)) throw new TypeError(`${where} must be an object`);
    const entry = raw as unknown as ConformBound;
    if (!isRecord(expected) || !(field in expected)) {
      throw new TypeError(`${where} has no expected value`);
    }
    if (!concepts.includes(entry.concept)) {
      throw new TypeError(
        `${where} names concept ${entry.concept}, not in concepts`,
      );
    }
    used.add(entry.concept);
    if (typeof entry.reason !== "string" || entry.reason === "") {
      throw new TypeError(`${where} needs a reason`);
    }
    if (entry.checkable === false) continue;
    if (
      typeof entry.u !== "number" || !(entry.u >= 0) ||
      !Number.isFinite(entry.u)
    ) {
      throw new TypeError(
        `${where}.u must be a finite number ≥ 0 (or checkable: false)`,
      );
    }
    const size = leaves(expected[field])?.length ?? 1;
    for (const key of ["floor", "inputCondition"] as const) {
      const value = entry[key];
      if (value === undefined) continue;
      const list = leaves(value);
      if (list === null || list.some((x) => !(x >= 0) || !Number.isFinite(x))) {
        throw new TypeError(`${where}.${key} must be numbers ≥ 0`);
      }
      if (typeof value !== "number" && list.length !== size) {
        throw new TypeError(
          `${where}.${key} has ${list.length} entries for ${size} values`,
        );
      }
    }
  }
  for (const name of concepts) {
    if (!used.has(name)) {
      throw new TypeError(`${at}: concept ${name} has no conform field`);
    }
  }
}
