/**
 * How each GD/SGD worked result is computed with lib/optim: one subject per fixture
 * family, used by spec/optim and by the report. Private: never re-exported.
 *
 * @module
 */

import type { Fixture } from "../oracle/fixture.ts";
import type { Subject } from "../oracle/subject.ts";
import { fromRows, type Matrix } from "../linalg/matrix.ts";
import { RandomState } from "../random/random_state.ts";
import type { StoppingRule } from "./stopping_rule.ts";
import type { StepSchedule } from "./step_schedule.ts";
import { leastSquaresGradient, leastSquaresLoss } from "./least_squares.ts";
import {
  gradientDescent,
  leastSquaresGradientDescent,
  momentsGradientDescent,
} from "./gradient_descent.ts";
import type { GdStepVariant } from "./gd_step.ts";
import { stochasticGradientDescent } from "./sgd.ts";

type Input = Record<string, unknown>;

const numbers = (value: unknown): number[] => value as number[];

/** S0's design: a column of ones and x. */
function s0Design(input: Input): Matrix {
  return fromRows(numbers(input.x).map((v) => [1, v]));
}

/** S1's commute design: ones, distance, weekday. */
export function commuteDesign(input: Input): Matrix {
  const distance = numbers(input.distance), weekday = numbers(input.weekday);
  return fromRows(distance.map((d, i) => [1, d, weekday[i]]));
}

/** The quantiles numpy's `np.percentile(values, q)` gives (linear interpolation). */
export function percentile(sorted: readonly number[], q: number): number {
  const position = (q / 100) * (sorted.length - 1);
  const low = Math.floor(position), high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

/** S0: the program's gradient descent with its stopping rule. */
const s000Runs: Subject = {
  ids: ["s000.gd20.tol1e-6", "s000.gd20.tol1e-4", "s000.gd20.fixed17"],
  fields: ["iterations", "theta", "J", "gradient"],
  compute(fixture: Fixture) {
    const input = fixture.input;
    const x = s0Design(input), y = numbers(input.y);
    const result = leastSquaresGradientDescent(x, y, {
      learningRate: input.learningRate as number,
      initialWeights: numbers(input.initialWeights),
      stop: input.stop as StoppingRule,
      maxIterations: input.maxIterations as number,
    });
    return {
      status: result.status,
      iterations: result.iterations,
      theta: Array.from(result.weights),
      J: result.loss,
      gradient: Array.from(leastSquaresGradient(x, y, result.weights)),
    };
  },
};

/** S0: the optimum GD converges to, reached by running GD to a tight gradient tolerance. */
const s000ClosedForm: Subject = {
  ids: ["s000.gd20.closed_form"],
  fields: ["thetaStar", "JStar"],
  compute(fixture: Fixture) {
    const input = fixture.input;
    const x = s0Design(input), y = numbers(input.y);
    const result = leastSquaresGradientDescent(x, y, {
      learningRate: input.learningRate as number,
      initialWeights: numbers(input.initialWeights),
      stop: input.stop as StoppingRule,
      maxIterations: input.maxIterations as number,
    });
    return { status: result.status, thetaStar: Array.from(result.weights), JStar: result.loss };
  },
};

/** S0: the gradient (1/m)Xᵀ(Xθ − y). */
const s000Gradient: Subject = {
  ids: ["s000.grad"],
  fields: ["gradient", "componentwise"],
  compute(fixture: Fixture) {
    const input = fixture.input;
    const x = s0Design(input), y = numbers(input.y);
    const gradient = Array.from(leastSquaresGradient(x, y, numbers(input.theta)));
    return { gradient, componentwise: gradient };
  },
};

/** Every GD/SGD subject of lib/optim. */
export const SUBJECTS: readonly Subject[] = [s000Runs, s000ClosedForm, s000Gradient];

// Keep imports used as subjects are added.
void leastSquaresLoss;
void gradientDescent;
void momentsGradientDescent;
void stochasticGradientDescent;
void RandomState;
export type { GdStepVariant, StepSchedule };
