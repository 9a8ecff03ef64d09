// Shared by the gradient-descent figures: the documents' runs, recomputed with lib/optim.
import { fromRows, type Matrix } from "../../lib/linalg/matrix.ts";
import { leastSquares } from "../../lib/linalg/lstsq.ts";
import { gradientDescent, leastSquaresGradientDescent } from "../../lib/optim/gradient_descent.ts";
import { leastSquaresLoss } from "../../lib/optim/least_squares.ts";
import type { DescentResult } from "../../lib/optim/descent.ts";
import type { StoppingRule } from "../../lib/optim/stopping_rule.ts";
import type { Fixture } from "../../oracle/fixture.ts";
import { numbers } from "./_data.ts";

/** The design X of a GD fixture: S0's [1, x] or S1's commute [1, distance, weekday]. */
export function designOf(f: Fixture): { x: Matrix; y: number[] } {
  if (Array.isArray(f.input.x)) {
    return { x: fromRows(numbers(f, "x").map((v) => [1, v])), y: numbers(f, "y") };
  }
  const distance = numbers(f, "distance"), weekday = numbers(f, "weekday");
  return { x: fromRows(distance.map((d, i) => [1, d, weekday[i]])), y: numbers(f, "minutes") };
}

/** A fixture's GD run with its trajectory recorded. */
export function runOf(f: Fixture): DescentResult & { x: Matrix; y: number[] } {
  const { x, y } = designOf(f);
  const input = f.input;
  const initial = Array.isArray(input.initialWeights) ? numbers(f, "initialWeights") : undefined;
  const result = leastSquaresGradientDescent(x, y, {
    learningRate: input.learningRate as number,
    initialWeights: initial,
    stop: input.stop as StoppingRule,
    maxIterations: input.maxIterations as number,
    recordTrajectory: true,
  });
  return { ...result, x, y };
}

/** S4's run: J(x) = x² from x₀ = 1.2 with η = 0.3 (the document's parameters), `steps` steps. */
export function s4Run(steps: number): DescentResult {
  return gradientDescent(
    (w, g) => {
      g[0] = 2 * w[0];
      return w[0] * w[0];
    },
    [1.2],
    {
      learningRate: 0.3,
      stop: { kind: "iterations", count: steps },
      maxIterations: steps,
      recordTrajectory: true,
    },
  );
}

/** The minimum of C(W) = (1/2m)‖XW − y‖², by the accurate least-squares solver. */
export function optimum(x: Matrix, y: number[]): { weights: Float64Array; loss: number } {
  const { weights } = leastSquares(x, y, { method: "accurate" });
  return { weights, loss: leastSquaresLoss(x, y, weights) };
}
