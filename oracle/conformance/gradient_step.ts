/**
 * Conformance of a batch gradient-descent step: how to call your implementation on a fixture's
 * input and which expected fields it must reproduce.
 *
 * @module
 */

import { checkConcept, type Concept, type ConceptOptions, type ConceptResult } from "./check.ts";
import { leastSquaresData } from "./least_squares.ts";
import { isVector } from "./_inputs.ts";

// Re-exported so that `deno doc --lint` finds every type the public API refers to.
export type { Concept, ConceptOptions, ConceptResult } from "./check.ts";

/**
 * One step of batch gradient descent on C(W) = (1/2m)‖XW − y‖²:
 * W ← W − η(1/m)Xᵀ(XW − y), returning the new weights (η is the documents' α or η).
 * @category Conformance
 */
export type GradientStep = (
  weights: readonly number[],
  design: readonly (readonly number[])[],
  targets: readonly number[],
  learningRate: number,
) => number[];

interface StopRule {
  readonly kind: string;
  readonly tolerance?: number;
  readonly count?: number;
}

/** Iterates a user's step under a fixture's stopping rule; every run ends by `maxIterations`. */
function iterate(
  step: GradientStep,
  design: number[][],
  targets: number[],
  learningRate: number,
  initial: number[],
  stop: StopRule,
  maxIterations: number,
): { iterations: number; weights: number[] } {
  let weights = [...initial];
  for (let iterations = 0; iterations < maxIterations; iterations++) {
    if (stop.kind === "iterations" && iterations === stop.count) return { iterations, weights };
    const next = step(weights, design, targets, learningRate);
    if (!isVector(next) || next.length !== weights.length) {
      throw new TypeError(
        `the step must return ${weights.length} weights, got ${
          Array.isArray(next) ? `${next.length} values` : typeof next
        }`,
      );
    }
    // The gradient the step used is (W − W′)/η: S0's rule looks at it before updating.
    if (
      stop.kind === "gradient" &&
      next.every((w, j) => Math.abs((weights[j] - w) / learningRate) <= stop.tolerance!)
    ) return { iterations, weights };
    const moved = next.map((w, j) => Math.abs(w - weights[j]));
    weights = next;
    if (stop.kind === "step" && moved.every((d) => d < stop.tolerance!)) {
      return { iterations: iterations + 1, weights };
    }
  }
  return { iterations: maxIterations, weights };
}

/**
 * A gradient-descent step as a concept: fixtures of the documents' GD programs, whose
 * input gives the data (S0's `x`, `y` with X = [1, x]; S1's commute columns with
 * X = [1, distance, weekday]), `learningRate`, `initialWeights` (default 0), a `stop`
 * rule (`{ kind: "gradient" | "step", tolerance }` or `{ kind: "iterations", count }`)
 * and `maxIterations`, and whose expected values have `iterations` and the final weights
 * (`theta` or `W`). The harness iterates your step under the fixture's rule: "gradient"
 * stops before an update when every |(W − W′)/η| ≤ tolerance, "step" after an update
 * when every |ΔWⱼ| < tolerance.
 *
 * @example A step that forgets the 1/m is caught
 * ```ts
 * import {
 *   assertConcept,
 *   checkGradientStep,
 *   GRADIENT_STEP_CONCEPT,
 *   type GradientStep,
 * } from "@nnref/nnref/oracle";
 * const fixture = {
 *   id: "mine.gd", source: { document: "none", section: "-", quote: "one step" },
 *   oracle: { method: "exact", generator: null },
 *   input: { x: [1, 2], y: [2, 4], learningRate: 0.5, stop: { kind: "iterations", count: 1 },
 *     maxIterations: 10 },
 *   printed: {}, expected: { iterations: 1, theta: [1.5, 2.5] },
 *   tolerance: { iterations: { reason: "a count" }, theta: { reason: "exact in binary" } },
 *   erratum: null,
 * };
 * // From W = 0: gradient (1/m)Xᵀ(XW − y) = −[3, 5], so W′ = 0.5·[3, 5] = [1.5, 2.5].
 * const step = (m: number): GradientStep => (w, x, y, eta) => {
 *   const r = x.map((row, i) => row.reduce((s, v, j) => s + v * w[j], 0) - y[i]);
 *   return w.map((wj, j) => wj - (eta / m) * x.reduce((s, row, i) => s + row[j] * r[i], 0));
 * };
 * assertConcept(GRADIENT_STEP_CONCEPT, step(2), fixture);
 * if (checkGradientStep(step(1), fixture)[0].ok) throw new Error("without 1/m the step doubles");
 * ```
 * @category Conformance
 */
export const GRADIENT_STEP_CONCEPT: Concept<GradientStep> = {
  name: "gradient-descent step",
  signature: "(weights: number[], X: number[][], y: number[], learningRate: number) => number[]",
  prepare(fixture) {
    const input = fixture.input;
    const field = ["theta", "W"].find((key) => isVector(fixture.expected[key]));
    if (field === undefined || typeof fixture.expected.iterations !== "number") {
      return "not a gradient-descent fixture: needs expected.iterations and expected.theta or W";
    }
    let design: number[][], targets: number[];
    if (isVector(input.x) && isVector(input.y)) {
      design = input.x.map((v) => [1, v]);
      targets = input.y;
    } else {
      const data = leastSquaresData(input);
      if (typeof data === "string") return `not a gradient-descent fixture: ${data}`;
      ({ design, targets } = data);
    }
    const stop = input.stop as StopRule | undefined;
    const { learningRate, maxIterations } = input;
    if (
      typeof learningRate !== "number" || typeof maxIterations !== "number" ||
      typeof stop !== "object" || stop === null ||
      !["gradient", "step", "iterations"].includes(stop.kind)
    ) {
      return "not a gradient-descent fixture: needs learningRate, maxIterations and a stop rule";
    }
    const initial = isVector(input.initialWeights)
      ? input.initialWeights
      : new Array(design[0].length).fill(0);
    return {
      fields: ["iterations", field],
      run: (step) => {
        const run = iterate(step, design, targets, learningRate, initial, stop, maxIterations);
        return { iterations: run.iterations, [field]: run.weights };
      },
    };
  },
};

/**
 * Checks a gradient-descent step against fixtures; see {@link GRADIENT_STEP_CONCEPT}.
 *
 * @param step Your step `(W, X, y, η) => W′`.
 * @param fixtures Parsed fixture JSON (e.g. `fixtures/gd/s000_gd20.json`).
 * @param options `tolerance` to replace the fixtures' own bounds.
 * @returns One result per fixture.
 * @throws {TypeError} if `step` is not a function or a fixture is malformed.
 *
 * @example A step with the wrong sign climbs and is caught
 * ```ts
 * import { checkGradientStep } from "@nnref/nnref/oracle";
 * const fixture = {
 *   id: "mine.climb", source: { document: "none", section: "-", quote: "descent" },
 *   oracle: { method: "exact", generator: null },
 *   input: { x: [1, 2], y: [2, 4], learningRate: 0.5, stop: { kind: "iterations", count: 1 },
 *     maxIterations: 10 },
 *   printed: {}, expected: { iterations: 1, theta: [1.5, 2.5] },
 *   tolerance: { iterations: { reason: "a count" }, theta: { reason: "exact" } }, erratum: null,
 * };
 * const [result] = checkGradientStep((w) => w.map((v) => v - 1), fixture);
 * if (result.ok || !result.message.startsWith("theta")) throw new Error("caught");
 * ```
 * @category Conformance
 */
export function checkGradientStep(
  step: GradientStep,
  fixtures: unknown,
  options: ConceptOptions = {},
): ConceptResult[] {
  return checkConcept(GRADIENT_STEP_CONCEPT, step, fixtures, options);
}
