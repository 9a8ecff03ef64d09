/**
 * Conformance of a least-squares solver: how to call your implementation on a fixture's
 * input and which expected fields it must reproduce.
 *
 * @module
 */

import { checkConcept, type Concept, type ConceptOptions, type ConceptResult } from "./check.ts";
import { isMatrix, isVector } from "./_inputs.ts";

// Re-exported so that `deno doc --lint` finds every type the public API refers to.
export type { Concept, ConceptOptions, ConceptResult } from "./check.ts";

/**
 * A least-squares solver: the weights W minimising ‖XW − y‖², X given by rows.
 * @category Conformance
 */
export type LeastSquaresSolverFunction = (
  design: readonly (readonly number[])[],
  targets: readonly number[],
) => number[];

/**
 * The design X and targets y a fixture describes, or why it describes none.
 * @category Conformance
 */
export function leastSquaresData(
  input: Readonly<Record<string, unknown>>,
): { design: number[][]; targets: number[] } | string {
  const { design, X, y, distance, weekday, minutes } = input;
  const matrix = isMatrix(design) ? design : isMatrix(X) ? X : undefined;
  if (matrix !== undefined && isVector(y)) return { design: matrix, targets: y };
  // S1 §1.7's commute data: X = [1, distance D, weekday T_d], y = minutes.
  if (isVector(distance) && isVector(weekday) && isVector(minutes)) {
    return { design: distance.map((d, i) => [1, d, weekday[i]]), targets: minutes };
  }
  return "no design matrix (input.design or input.X with input.y, or the commute columns)";
}

/**
 * Least squares as a concept: fixtures whose input gives a design matrix X (`design` or
 * `X`, rows of numbers, with the intercept column of ones already in it) and targets `y`
 * — or S1 §1.7's commute columns `distance`, `weekday`, `minutes`, read as
 * X = [1, distance, weekday] — and whose expected values have the weights `W` (or
 * `weights`). Your solver returns W* = argmin ‖XW − y‖².
 *
 * @example The line through (0, 1) and (1, 3): W* = [1, 2]
 * ```ts
 * import {
 *   assertConcept,
 *   LEAST_SQUARES_CONCEPT,
 *   type LeastSquaresSolverFunction,
 * } from "@nnref/nnref/oracle";
 * const fixture = {
 *   id: "mine.line", source: { document: "none", section: "-", quote: "y = 1 + 2x" },
 *   oracle: { method: "exact", generator: null },
 *   input: { design: [[1, 0], [1, 1]], y: [1, 3] }, printed: {},
 *   expected: { W: [1, 2] }, tolerance: { W: { ulps: 2, reason: "a 2 × 2 solve" } }, erratum: null,
 * };
 * const twoPoints: LeastSquaresSolverFunction = (x, y) => {
 *   const slope = (y[1] - y[0]) / (x[1][1] - x[0][1]);
 *   return [y[0] - slope * x[0][1], slope];
 * };
 * assertConcept(LEAST_SQUARES_CONCEPT, twoPoints, fixture);
 * ```
 * @category Conformance
 */
export const LEAST_SQUARES_CONCEPT: Concept<LeastSquaresSolverFunction> = {
  name: "least-squares solver",
  signature: "(X: number[][], y: number[]) => number[]",
  prepare(fixture) {
    const field = ["W", "weights"].find((key) => isVector(fixture.expected[key]));
    if (field === undefined) {
      return "not a least-squares fixture: no expected.W or expected.weights";
    }
    const data = leastSquaresData(fixture.input);
    if (typeof data === "string") return `not a least-squares fixture: ${data}`;
    return { fields: [field], run: (solve) => ({ [field]: solve(data.design, data.targets) }) };
  },
};

/**
 * Checks a least-squares solver against fixtures; see {@link LEAST_SQUARES_CONCEPT}.
 *
 * @param solve Your solver `(X, y) => W`.
 * @param fixtures Parsed fixture JSON (e.g. `fixtures/regression/commute.json`).
 * @param options `tolerance` to replace the fixtures' own bounds.
 * @returns One result per fixture.
 * @throws {TypeError} if `solve` is not a function or a fixture is malformed.
 *
 * @example Forgetting the intercept column is caught
 * ```ts
 * import { checkLeastSquares, type LeastSquaresSolverFunction } from "@nnref/nnref/oracle";
 * const fixture = {
 *   id: "mine.offset", source: { document: "none", section: "-", quote: "y = 2 + x" },
 *   oracle: { method: "exact", generator: null },
 *   input: { design: [[1, 1], [1, 2], [1, 3]], y: [3, 4, 5] }, printed: {},
 *   expected: { W: [2, 1] }, tolerance: { W: { rtol: 1e-12, reason: "a small solve" } }, erratum: null,
 * };
 * // Fits y ≈ w·x through the origin only, then pads the bias with 0.
 * const noIntercept: LeastSquaresSolverFunction = (x, y) => {
 *   const sxy = x.reduce((s, row, i) => s + row[1] * y[i], 0);
 *   const sxx = x.reduce((s, row) => s + row[1] * row[1], 0);
 *   return [0, sxy / sxx];
 * };
 * if (checkLeastSquares(noIntercept, fixture)[0].ok) throw new Error("the bias is missing");
 * ```
 * @category Conformance
 */
export function checkLeastSquares(
  solve: LeastSquaresSolverFunction,
  fixtures: unknown,
  options: ConceptOptions = {},
): ConceptResult[] {
  return checkConcept(LEAST_SQUARES_CONCEPT, solve, fixtures, options);
}
