/**
 * Softmax, log-sum-exp and the cross-entropies. Softmax-family inputs `{ z }` (and `{ y }`
 * for the cross-entropy) are one row or a matrix of rows; the implementation takes one row.
 * Fixture layouts read: `z`/`y` (conformance fixtures), or S2's `logits`/`target`.
 *
 * @module
 */

import type { CanonicalInput, ConformanceConcept } from "./concept.ts";
import { call, numbers, unfit } from "./concept.ts";
import type { Fixture } from "../fixture.ts";

/** A function of one row: softmax `(z) => p`.
 * @category Conformance */
export type RowFunction = (z: number[]) => number[];
/** A scalar function of one row: log-sum-exp `(z) => number`.
 * @category Conformance */
export type RowScalar = (z: number[]) => number;
/** A loss of one row of logits and its target distribution: `(z, y) => number`.
 * @category Conformance */
export type RowLoss = (z: number[], y: number[]) => number;
/** Binary cross-entropy of one probability and one label: `(p, y) => number`.
 * @category Conformance */
export type BinaryLoss = (p: number, y: number) => number;

function rowsOf(
  value: unknown,
  what: string,
): { rows: number[][]; single: boolean } {
  if (
    Array.isArray(value) && value.length > 0 &&
    value.every((v) => typeof v === "number")
  ) {
    return { rows: [value as number[]], single: true };
  }
  return { rows: numbers(value, 2, what) as number[][], single: false };
}

function logits(
  fixture: Fixture,
  concept: string,
  withTarget: boolean,
): CanonicalInput {
  const input = fixture.input;
  const z = "z" in input ? input.z : input.logits;
  const y = "z" in input ? input.y : input.target;
  try {
    const zr = rowsOf(z, "the logits");
    if (withTarget) {
      const yr = rowsOf(y, "the targets");
      if (
        yr.rows.length !== zr.rows.length ||
        yr.rows.some((r, i) => r.length !== zr.rows[i].length)
      ) {
        throw new TypeError("targets and logits differ in shape");
      }
      return { z, y };
    }
  } catch (error) {
    unfit(fixture, concept, (error as Error).message);
  }
  return { z };
}

function perRow(
  input: CanonicalInput,
  f: (row: number[], i: number) => unknown,
): unknown {
  const { rows, single } = rowsOf(input.z, "z");
  const out = rows.map(f);
  return single ? out[0] : out;
}

function targetRow(input: CanonicalInput, i: number): number[] {
  return rowsOf(input.y, "y").rows[i];
}

/** softmax(z)ᵢ = e^(zᵢ)/Σⱼ e^(zⱼ), row by row.
 * @category Conformance */
export const SOFTMAX: ConformanceConcept<RowFunction> = {
  name: "softmax",
  signature: "(z: number[]) => number[]",
  summary: "softmax(z)ᵢ = e^(zᵢ)/Σⱼ e^(zⱼ) of each row of { z } (one row, or a matrix of rows).",
  outputs: ["value"],
  inputs: (fixture) => logits(fixture, "softmax", false),
  run: (f, input) => ({
    value: perRow(input, (row) => call(f, "softmax", [row])),
  }),
};

/** lse(z) = log Σⱼ e^(zⱼ), row by row.
 * @category Conformance */
export const LOG_SUM_EXP: ConformanceConcept<RowScalar> = {
  name: "log-sum-exp",
  signature: "(z: number[]) => number",
  summary: "lse(z) = log Σⱼ e^(zⱼ) of each row of { z }: a number, or one per row.",
  outputs: ["value"],
  inputs: (fixture) => logits(fixture, "log-sum-exp", false),
  run: (f, input) => ({
    value: perRow(input, (row) => call(f, "log-sum-exp", [row])),
  }),
};

/** CE(z, y) = −Σᵢ yᵢ log softmax(z)ᵢ, row by row.
 * @category Conformance */
export const SOFTMAX_CROSS_ENTROPY: ConformanceConcept<RowLoss> = {
  name: "softmax-cross-entropy",
  signature: "(z: number[], y: number[]) => number",
  summary:
    "CE(z, y) = −Σᵢ yᵢ log softmax(z)ᵢ for logits z and a target distribution y (Σ y = 1), row by row of { z, y }.",
  outputs: ["value"],
  inputs: (fixture) => logits(fixture, "softmax-cross-entropy", true),
  run: (f, input) => ({
    value: perRow(
      input,
      (row, i) => call(f, "softmax-cross-entropy", [row, targetRow(input, i)]),
    ),
  }),
};

/** BCE(p, y) = −[y log p + (1 − y) log(1 − p)], per sample.
 * @category Conformance */
export const BINARY_CROSS_ENTROPY: ConformanceConcept<BinaryLoss> = {
  name: "binary-cross-entropy",
  signature: "(p: number, y: number) => number",
  summary:
    "BCE(p, y) = −[y log p + (1 − y) log(1 − p)] for each probability p and label y ∈ [0, 1] of { p, y } (vectors).",
  outputs: ["value"],
  inputs(fixture) {
    const { p, y } = fixture.input;
    try {
      numbers(p, 1, "input.p");
      numbers(y, 1, "input.y");
      if ((p as number[]).length !== (y as number[]).length) {
        throw new TypeError("p and y differ in length");
      }
    } catch (error) {
      unfit(fixture, "binary-cross-entropy", (error as Error).message);
    }
    return { p, y };
  },
  run: (f, input) => ({
    value: (input.p as number[]).map((p, i) =>
      call(f, "binary-cross-entropy", [p, (input.y as number[])[i]])
    ),
  }),
};
