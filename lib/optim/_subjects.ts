/**
 * How each GD/SGD worked result is computed with lib/optim: one subject per fixture
 * family, used by spec/optim and by the report. Private: never re-exported.
 *
 * @module
 */

import type { Fixture } from "../oracle/fixture.ts";
import type { Subject } from "../oracle/subject.ts";
import { fromRows, type Matrix } from "../linalg/matrix.ts";

export type { Matrix } from "../linalg/matrix.ts";
// Re-exported so that `deno doc --lint` finds every type SUBJECTS's type refers to.
export type { Subject } from "../oracle/subject.ts";
export type {
  Erratum,
  ExpectedValue,
  Fixture,
  FixtureOracle,
  FixtureSource,
} from "../oracle/fixture.ts";
export type { Tolerance } from "../oracle/assert_close.ts";
import { RandomState } from "../random/random_state.ts";
import type { StoppingRule } from "./stopping_rule.ts";
import type { StepSchedule } from "./step_schedule.ts";
import { leastSquaresGradient } from "./least_squares.ts";
import {
  gradientDescent,
  leastSquaresGradientDescent,
  momentsGradientDescent,
} from "./gradient_descent.ts";
import type { GdStepVariant } from "./gd_step.ts";
import { stochasticGradientDescent } from "./sgd.ts";

/** A fixture's input. */
export type Input = Record<string, unknown>;

const numbers = (value: unknown): number[] => value as number[];

/** S0's design: a column of ones and x. */
function s0Design(input: Input): Matrix {
  return fromRows(numbers(input.x).map((v) => [1, v]));
}

/** The descent options a fixture's input spells out: η, W⁰, the stopping rule, the step limit. */
function descentOptions(input: Input) {
  return {
    learningRate: input.learningRate as number,
    initialWeights: numbers(input.initialWeights),
    stop: input.stop as StoppingRule,
    maxIterations: input.maxIterations as number,
  };
}

/** S0's design and targets, and the program's gradient descent on them. */
function s000Run(input: Input) {
  const x = s0Design(input), y = numbers(input.y);
  return { x, y, result: leastSquaresGradientDescent(x, y, descentOptions(input)) };
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
    const { x, y, result } = s000Run(fixture.input);
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
    const { result } = s000Run(fixture.input);
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

/** S1 §2.1: the companion MATLAB file's GD (Gram form, stop when every |ΔWⱼ| < 0.02). */
const s001GdMatlab: Subject = {
  ids: ["s001.gd_matlab"],
  fields: ["iterations", "W", "Yhat", "C", "lastStep", "WStar", "CStar"],
  compute(fixture: Fixture) {
    const input = fixture.input;
    const x = commuteDesign(input), y = numbers(input.minutes);
    const options = {
      ...descentOptions(input),
      variant: (input.variant ?? "gram") as GdStepVariant,
    };
    const run = leastSquaresGradientDescent(x, y, { ...options, recordTrajectory: true });
    const path = run.trajectory!.weights;
    const last = path[path.length - 1], before = path[path.length - 2];
    const optimum = leastSquaresGradientDescent(x, y, {
      ...options,
      stop: input.optimumStop as StoppingRule,
      maxIterations: input.optimumMaxIterations as number,
    });
    const w = run.weights;
    return {
      status: run.status,
      optimumStatus: optimum.status,
      iterations: run.iterations,
      W: Array.from(w),
      Yhat: Array.from(
        { length: x.rows },
        (_, i) => x.data[i * 3] * w[0] + x.data[i * 3 + 1] * w[1] + x.data[i * 3 + 2] * w[2],
      ),
      C: run.loss,
      lastStep: Array.from(last, (v, j) => v - before[j]),
      WStar: Array.from(optimum.weights),
      CStar: optimum.loss,
    };
  },
};

/** The SGD options a MiniSGD fixture's input describes. */
function miniSgdOptions(input: Input, seed: number, recordBatches: boolean) {
  return {
    schedule: input.schedule as StepSchedule,
    batchSize: input.batchSize as number,
    replace: input.replace as boolean,
    seed,
    stop: input.stop as StoppingRule,
    initialWeights: numbers(input.initialWeights),
    maxIterations: input.maxIterations as number,
    recordTrajectory: recordBatches,
    recordBatches,
  };
}

/** S1 §2.2.1: one seeded stand-in run of the MiniSGD file. */
const s001MiniSgdSeed: Subject = {
  ids: ["s001.minisgd.seed0"],
  compute(fixture: Fixture) {
    const input = fixture.input;
    const x = commuteDesign(input), y = numbers(input.minutes);
    const run = stochasticGradientDescent(x, y, miniSgdOptions(input, input.seed as number, true));
    const path = run.trajectory!.weights;
    const last = path[path.length - 1], before = path[path.length - 2];
    return {
      status: run.status,
      iterations: run.iterations,
      batches: run.batches,
      firstIterate: Array.from(path[1]),
      W: Array.from(run.weights),
      lastStep: Array.from(last, (v, j) => v - before[j]),
      C: run.loss,
    };
  },
};

/** S1 §2.2.1: the distribution of the MiniSGD file's stopping time over many seeds. */
const s001MiniSgdTimes: Subject = {
  ids: ["s001.minisgd.stopping_times"],
  compute(fixture: Fixture) {
    const input = fixture.input;
    const x = commuteDesign(input), y = numbers(input.minutes);
    const times: number[] = [];
    const statuses = new Set<string>();
    for (let seed = 0; seed < (input.seeds as number); seed++) {
      const run = stochasticGradientDescent(x, y, miniSgdOptions(input, seed, false));
      statuses.add(run.status);
      times.push(run.iterations);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const histogram = new Array<number>(sorted[sorted.length - 1] + 1).fill(0);
    for (const t of times) histogram[t]++;
    return {
      statuses: [...statuses],
      stoppingTimes: times,
      quantiles: [0, 10, 25, 50, 75, 90, 100].map((q) => percentile(sorted, q)),
      mean: times.reduce((a, b) => a + b, 0) / times.length,
      histogram,
    };
  },
};

/** S2: the population limit of the regression program, GD on the moments G, c. */
const s002Limit: Subject = {
  ids: ["s002.gd_regression.limit"],
  fields: ["theta", "loss", "gap"],
  compute(fixture: Fixture) {
    const input = fixture.input;
    const run = momentsGradientDescent({
      gram: input.gram as number[][],
      moment: numbers(input.moment),
      meanSquare: input.meanSquare as number,
    }, descentOptions(input));
    const truth = fixture.expected.thetaTrue as number[];
    return {
      status: run.status,
      theta: Array.from(run.weights),
      loss: run.loss,
      gap: Array.from(run.weights, (v, j) => v - truth[j]),
    };
  },
};

/** S2: the seeded stand-in — draw the data as the program does, then 2000 GD steps. */
const s002Seeded: Subject = {
  ids: ["s002.gd_regression.seed0"],
  fields: ["x1", "x2", "eps", "theta", "lossFirst", "lossLast", "firstStepCode"],
  compute(fixture: Fixture) {
    const input = fixture.input;
    const m = input.samples as number;
    const random = new RandomState(input.seed as number);
    const x1 = Array.from({ length: m }, () => random.uniform(0, 10));
    const x2 = Array.from({ length: m }, () => random.uniform(0, 10));
    const eps = Array.from({ length: m }, () => random.normal(0, input.noise as number));
    const bias = input.bias as number, t1 = input.theta1 as number, t2 = input.theta2 as number;
    // y = b*const + theta_1*x1 + theta_2*x2 + eps, in the program's order.
    const y = x1.map((v, i) => bias * 1 + t1 * v + t2 * x2[i] + eps[i]);
    const x = fromRows(x1.map((v, i) => [1, v, x2[i]]));
    const options = descentOptions(input);
    const run = leastSquaresGradientDescent(x, y, { ...options, recordTrajectory: true });
    const first = leastSquaresGradientDescent(x, y, {
      ...options,
      stop: { kind: "iterations", count: 1 },
      maxIterations: 1,
    });
    const losses = run.trajectory!.losses;
    // The program's loss_vec[i] is Σ(y − ŷ)² = 2m·C(θ⁽ⁱ⁾).
    return {
      status: run.status,
      x1,
      x2,
      eps,
      theta: Array.from(run.weights),
      lossFirst: 2 * m * losses[0],
      lossLast: 2 * m * losses[losses.length - 2],
      firstStepCode: Array.from(first.weights),
      y,
    };
  },
};

/** S4: J(x) = x² from x₀ = 1.2, η = 0.3, stopping once J < threshold. */
const s004GdX2: Subject = {
  ids: ["s004.gd_x2"],
  fields: ["x", "y", "lines", "linesWithPrintedThreshold"],
  compute(fixture: Fixture) {
    const input = fixture.input;
    const square = (w: Float64Array, g: Float64Array) => {
      g[0] = 2 * w[0];
      return w[0] * w[0];
    };
    const run = (threshold: number) =>
      gradientDescent(square, [input.x0 as number], {
        learningRate: input.learningRate as number,
        stop: { kind: "loss", threshold },
        maxIterations: input.maxIterations as number,
        recordTrajectory: true,
      });
    const shown = run(fixture.expected.threshold as number);
    const trajectory = shown.trajectory!;
    return {
      status: shown.status,
      x: trajectory.weights.slice(1).map((w) => w[0]),
      y: trajectory.losses.slice(1),
      lines: shown.iterations,
      linesWithPrintedThreshold: run(Number(fixture.printed.threshold)).iterations,
    };
  },
};

/** Every GD/SGD subject of lib/optim. */
export const SUBJECTS: readonly Subject[] = [
  s000Runs,
  s000ClosedForm,
  s000Gradient,
  s001GdMatlab,
  s001MiniSgdSeed,
  s001MiniSgdTimes,
  s002Limit,
  s002Seeded,
  s004GdX2,
];
