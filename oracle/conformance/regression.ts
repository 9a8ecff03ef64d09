/**
 * Least squares, ridge, gradient-descent steps and SGD steps with given batches.
 *
 * Canonical inputs: `{ X, y }` (least squares), `{ X, y, lambda }` (ridge),
 * `{ W, X, y, learningRate, steps }` (GD), `{ W, X, y, batches, learningRates }` (SGD); X
 * holds the intercept column where the model has one. Fixture layouts read: `X`/`y`
 * (conformance fixtures); S1's commute columns (X = [1, distance, weekday], y = minutes);
 * S1's polynomial (X = [1, d, d², …]); NIST StRD (`model`, `degree`, `intercept`, columns
 * `x`); S0's `x`/`y` (X = [1, x]). Powers are formed by repeated multiplication (as
 * numpy.vander), the same in every language.
 *
 * @module
 */

import type { ConformanceConcept } from "./concept.ts";
import { call, count, LIMITS, numbers, unfit, vectorResult } from "./concept.ts";
import type { Fixture } from "../fixture.ts";

/** A least-squares solver: `(X, y) => W` minimising ‖XW − y‖₂.
 * @category Conformance */
export type LeastSquaresSolverFunction = (
  X: number[][],
  y: number[],
) => number[];
/** A ridge solver: `(X, y, λ) => W` solving (XᵀX/m + λI)W = Xᵀy/m.
 * @category Conformance */
export type RidgeSolverFunction = (
  X: number[][],
  y: number[],
  lambda: number,
) => number[];
/** One gradient-descent step on C = (1/2m)‖XW − y‖²: W − η(1/m)Xᵀ(XW − y).
 * @category Conformance */
export type GradientStep = (
  W: number[],
  X: number[][],
  y: number[],
  learningRate: number,
) => number[];
/** One SGD step on a batch of row indices: W − η(1/|B|)X_Bᵀ(X_B W − y_B).
 * @category Conformance */
export type SgdStepFunction = (
  W: number[],
  X: number[][],
  y: number[],
  batch: number[],
  learningRate: number,
) => number[];

function columns(cols: number[][], intercept: boolean): number[][] {
  return cols[0].map((
    _,
    i,
  ) => [...(intercept ? [1] : []), ...cols.map((c) => c[i])]);
}

function powers(x: number[], degree: number, intercept: boolean): number[][] {
  return x.map((v) => {
    const row: number[] = [];
    let p = 1;
    for (let k = 0; k <= degree; k++) {
      if (k > 0) p = p * v;
      if (k > 0 || intercept) row.push(p);
    }
    return row;
  });
}

/** The design matrix and targets of a regression fixture.
 * @category Conformance */
export function regressionData(
  fixture: Fixture,
  concept: string,
): { X: number[][]; y: number[] } {
  const i = fixture.input;
  try {
    let X: number[][], y: unknown;
    if ("X" in i) {
      X = numbers(i.X, 2, "input.X") as number[][];
      y = i.y;
    } else if ("distance" in i && "weekday" in i) {
      X = columns(
        [
          numbers(i.distance, 1, "distance"),
          numbers(i.weekday, 1, "weekday"),
        ] as number[][],
        true,
      );
      y = i.minutes;
    } else if ("distance" in i) {
      X = powers(
        numbers(i.distance, 1, "distance") as number[],
        count(i.degree, 50, "degree"),
        true,
      );
      y = i.minutes;
    } else if (i.model === "linear") {
      X = columns(
        numbers(i.x, 2, "input.x") as number[][],
        i.intercept === true,
      );
      y = i.y;
    } else if (i.model === "polynomial") {
      const x = (numbers(i.x, 2, "input.x") as number[][])[0];
      X = powers(x, count(i.degree, 50, "degree"), i.intercept === true);
      y = i.y;
    } else if ("x" in i && "y" in i) {
      X = columns([numbers(i.x, 1, "input.x") as number[]], true);
      y = i.y;
    } else {
      throw new TypeError(
        "no regression layout (X and y, commute columns, polynomial, NIST)",
      );
    }
    numbers(y, 1, "the targets");
    if ((y as number[]).length !== X.length) {
      throw new TypeError("X and y differ in rows");
    }
    if (X.some((row) => row.length !== X[0].length)) {
      throw new TypeError("X is ragged");
    }
    return { X, y: y as number[] };
  } catch (error) {
    return unfit(fixture, concept, (error as Error).message);
  }
}

/** Least squares: W minimising ‖XW − y‖₂ (X with its intercept column).
 * @category Conformance */
export const LEAST_SQUARES: ConformanceConcept<LeastSquaresSolverFunction> = {
  name: "least-squares",
  signature: "(X: number[][], y: number[]) => number[]",
  summary:
    "W minimising ‖XW − y‖₂ for { X, y } (X holds the intercept column where the model has one).",
  outputs: ["W"],
  inputs: (fixture) => regressionData(fixture, "least-squares"),
  run: (f, input) => ({ W: call(f, "least-squares", [input.X, input.y]) }),
};

/** Ridge: (XᵀX/m + λI)W = Xᵀy/m, every weight penalised (S1 §1.6).
 * @category Conformance */
export const RIDGE: ConformanceConcept<RidgeSolverFunction> = {
  name: "ridge",
  signature: "(X: number[][], y: number[], lambda: number) => number[]",
  summary:
    "W minimising (1/2m)‖XW − y‖² + (λ/2)‖W‖², i.e. (XᵀX/m + λI)W = Xᵀy/m, for { X, y, lambda }; every weight, the intercept's too, is penalised (S1 §1.6).",
  outputs: ["W"],
  inputs(fixture) {
    const data = regressionData(fixture, "ridge");
    const lambda = fixture.input.lambda;
    if (typeof lambda !== "number" || !(lambda >= 0)) {
      unfit(fixture, "ridge", "input.lambda must be ≥ 0");
    }
    return { ...data, lambda };
  },
  run: (f, input) => ({
    W: call(f, "ridge", [input.X, input.y, input.lambda]),
  }),
};

/** A GD fixture's number of steps: the stop rule's count, or the iterations the run made. */
function gdSteps(fixture: Fixture): number {
  const stop = fixture.input.stop as
    | { kind?: unknown; count?: unknown }
    | undefined;
  const steps = stop?.kind === "iterations" ? stop.count : fixture.expected.iterations;
  return count(steps, LIMITS.steps, "the number of steps");
}

/** Gradient descent: W after `steps` steps W ← W − η(1/m)Xᵀ(XW − y) from W₀.
 * @category Conformance */
export const GD_STEP: ConformanceConcept<GradientStep> = {
  name: "gd-step",
  signature: "(W: number[], X: number[][], y: number[], learningRate: number) => number[]",
  summary:
    "One step W − η(1/m)Xᵀ(XW − y) of gradient descent on C = (1/2m)‖XW − y‖², applied `steps` times from { W } (the checker iterates your step; in another language, iterate it yourself).",
  outputs: ["W"],
  inputs(fixture) {
    const { X, y } = regressionData(fixture, "gd-step");
    try {
      const i = fixture.input;
      const W = "W" in i ? i.W : i.initialWeights;
      numbers(W, 1, "the initial weights");
      if ((W as number[]).length !== X[0].length) {
        throw new TypeError("W and X differ in columns");
      }
      if (typeof i.learningRate !== "number") {
        throw new TypeError("learningRate must be a number");
      }
      const steps = "steps" in i ? count(i.steps, LIMITS.steps, "steps") : gdSteps(fixture);
      return { W, X, y, learningRate: i.learningRate, steps };
    } catch (error) {
      return unfit(fixture, "gd-step", (error as Error).message);
    }
  },
  run(f, input) {
    let W = input.W as number[];
    const steps = count(input.steps, LIMITS.steps, "steps");
    for (let k = 0; k < steps; k++) {
      W = vectorResult(
        call(f, "gd-step", [W, input.X, input.y, input.learningRate]),
        W.length,
        `step ${k + 1}`,
      );
    }
    return { W };
  },
};

/** SGD with given batches: one step per batch, in order, with that step's rate.
 * @category Conformance */
export const SGD_STEP: ConformanceConcept<SgdStepFunction> = {
  name: "sgd-step",
  signature:
    "(W: number[], X: number[][], y: number[], batch: number[], learningRate: number) => number[]",
  summary:
    "One step W − ηₜ(1/|Bₜ|)Σ_{i∈Bₜ} xᵢ(xᵢ·W − yᵢ) per batch Bₜ of { batches } (row indices, repeats counted), with rate ηₜ of { learningRates }, in order from { W }.",
  outputs: ["W"],
  inputs(fixture) {
    const i = fixture.input;
    try {
      const X = numbers(i.X, 2, "input.X") as number[][];
      numbers(i.y, 1, "input.y");
      numbers(i.W, 1, "input.W");
      const batches = i.batches, rates = i.learningRates;
      if (
        !Array.isArray(batches) || !Array.isArray(rates) ||
        batches.length !== rates.length
      ) {
        throw new TypeError(
          "batches and learningRates must be lists of equal length",
        );
      }
      count(batches.length, LIMITS.batches, "the number of batches");
      for (const batch of batches) {
        if (
          !Array.isArray(batch) || batch.length === 0 ||
          !batch.every((k) => Number.isInteger(k) && k >= 0 && k < X.length)
        ) throw new TypeError("every batch must list row indices of X");
      }
      numbers(rates, 1, "learningRates");
      return { W: i.W, X, y: i.y, batches, learningRates: rates };
    } catch (error) {
      return unfit(fixture, "sgd-step", (error as Error).message);
    }
  },
  run(f, input) {
    let W = input.W as number[];
    const batches = input.batches as number[][],
      rates = input.learningRates as number[];
    batches.forEach((batch, t) => {
      W = vectorResult(
        call(f, "sgd-step", [W, input.X, input.y, batch, rates[t]]),
        W.length,
        `step ${t + 1}`,
      );
    });
    return { W };
  },
};
