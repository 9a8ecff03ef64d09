/**
 * S1 chapter 2 — gradient descent: §2.1 the length of a step and when a step lowers C,
 * the companion MATLAB file's batch GD, §2.2 the
 * Robbins–Monro step-size conditions, §2.2.1 the MiniSGD file, §2.2.2 SGD on the squared
 * hinge loss (the Iris example).
 *
 * @module
 */

import type { Fixture } from "../../oracle/fixture.ts";
import type { Subject } from "../../oracle/subject.ts";
import { fromRows as matrix } from "../../lib/linalg/matrix.ts";
import type { StoppingRule } from "../../lib/optim/stopping_rule.ts";
import type { StepSchedule } from "../../lib/optim/step_schedule.ts";
import { leastSquaresGradientDescent } from "../../lib/optim/gradient_descent.ts";
import type { GdStepVariant } from "../../lib/optim/gd_step.ts";
import { stochasticGradientDescent } from "../../lib/optim/sgd.ts";
import {
  EULER_GAMMA,
  ROBBINS_MONRO_SERIES,
  robbinsMonroAsymptotic,
  robbinsMonroConditions,
  robbinsMonroPartialSum,
  type StepSeriesName,
  ZETA_HALF,
  ZETA_TWO,
} from "../../lib/series/robbins_monro.ts";
import { linearSign, trainSquaredHingeSgd } from "../../lib/classify/squared_hinge_sgd.ts";
import { squaredHingeCost } from "../../lib/loss/squared_hinge.ts";
import { descentOptions, type Input, numbers } from "../_shared.ts";
import { commuteDesign } from "./chapter1.ts";
import { leastSquares } from "../../lib/linalg/lstsq.ts";
import { symmetricEigen } from "../../lib/linalg/symmetric_eigen.ts";
import { leastSquaresGradient } from "../../lib/optim/least_squares.ts";
import { leastSquaresHessian } from "../../lib/regression/hessian.ts";

// §2.1 — one step of (2.1): its length, and whether it lowers C.

/**
 * S1 §2.1: from W⁰ the first step of (2.1) at each rate (its length η‖∇C(W⁰)‖, C before
 * and after), `steps` steps at the larger rate, the largest eigenvalue L of XᵀX/n (steps
 * lower C only for η < 2/L) and ‖∇C‖² at the least-squares W*.
 */
const descentClaim: Subject = {
  ids: ["s001.descent_claim"],
  compute(fixture: Fixture) {
    const input = fixture.input;
    const x = commuteDesign(input), y = numbers(input.minutes);
    const [slow, fast] = numbers(input.learningRates);
    const steps = input.steps as number;
    const run = (learningRate: number, count: number) =>
      leastSquaresGradientDescent(x, y, {
        learningRate,
        initialWeights: numbers(input.initialWeights),
        stop: { kind: "iterations", count },
        maxIterations: count,
        recordTrajectory: true,
        divergenceFactor: Number.MAX_VALUE,
      }).trajectory!;
    const [one, many] = [run(slow, 1), run(fast, steps)];
    const { values } = symmetricEigen(leastSquaresHessian(x));
    const largest = values[values.length - 1];
    const optimum = leastSquares(x, y, { method: "accurate" }).weights;
    const gradient0 = leastSquaresGradient(x, y, numbers(input.initialWeights));
    const stepLength = (path: Float64Array[]) =>
      Math.hypot(...path[1].map((w, j) => w - path[0][j]));
    return {
      largestEigenvalue: largest,
      criticalRate: 2 / largest,
      lossStart: one.losses[0],
      lossAfterOneStep: [one.losses[1], many.losses[1]],
      decreases: [one.losses[1] < one.losses[0], many.losses[1] < many.losses[0]],
      lossesAboveCritical: many.losses,
      gradientNormSquaredAtOptimum: leastSquaresGradient(x, y, optimum).reduce(
        (sum, g) => sum + g * g,
        0,
      ),
      gradientNormStart: Math.hypot(...gradient0),
      firstStepLength: [stepLength(one.weights), stepLength(many.weights)],
    };
  },
};

// §2.1 — batch gradient descent (Gradient_Descent_for_Linear_Regression.m).

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

// §2.2 — the Robbins–Monro conditions.

const horizonsOf = (fixture: Fixture) => fixture.input.horizons as number[];

/** S1 §2.2: the four partial sums at each horizon, compensated summation. */
const partialSums: Subject = {
  ids: ["s001.robbins_monro.partial_sums", "s001.robbins_monro.partial_sums_c006"],
  compute(fixture: Fixture) {
    const constant = fixture.input.constant as number;
    return Object.fromEntries(
      (Object.keys(ROBBINS_MONRO_SERIES) as StepSeriesName[]).map((name) => [
        name,
        horizonsOf(fixture).map((T) => robbinsMonroPartialSum(name, T, { constant })),
      ]),
    );
  },
};

/** S1 §2.2: asymptotic forms, their remainders, and the naive loop at T = 10⁶. */
const asymptotics: Subject = {
  ids: ["s001.robbins_monro.asymptotics"],
  compute(fixture: Fixture) {
    const names = ["stepsInverseSqrt", "stepsInverse", "squaresInverse"] as const;
    const [leadingInverseSqrt, leadingInverse, leadingInverseSquared] = names.map((name) =>
      horizonsOf(fixture).map((T) => robbinsMonroAsymptotic(name, T))
    );
    const remainder = (name: StepSeriesName, leading: number[]) =>
      horizonsOf(fixture).map((T, k) => robbinsMonroPartialSum(name, T) - leading[k]);
    return {
      zetaHalf: ZETA_HALF,
      eulerGamma: EULER_GAMMA,
      zetaTwo: ZETA_TWO,
      leadingInverseSqrt,
      leadingInverse,
      leadingInverseSquared,
      remainderInverseSqrt: remainder("stepsInverseSqrt", leadingInverseSqrt),
      remainderInverse: remainder("stepsInverse", leadingInverse),
      remainderInverseSquared: remainder("squaresInverse", leadingInverseSquared),
      naiveAt1e6: names.map((name) => robbinsMonroPartialSum(name, 1e6, { method: "naive" })),
    };
  },
};

/** S1 §2.2: which of ηₜ = C/t^p meets which Robbins–Monro condition. */
const conditions: Subject = {
  ids: ["s001.robbins_monro.conditions"],
  fields: ["stepsDiverge", "squaresConverge", "satisfied", "harmonicAt1e6"],
  compute(fixture: Fixture) {
    const all = (fixture.input.exponents as number[]).map(robbinsMonroConditions);
    return {
      stepsDiverge: all.map((c) => c.stepsDiverge),
      squaresConverge: all.map((c) => c.squaresConverge),
      satisfied: all.map((c) => c.satisfied),
      harmonicAt1e6: robbinsMonroPartialSum("stepsInverse", 1e6),
    };
  },
};

// §2.2.1 — MiniSGD_for_Linear_Regression.m.

/** The quantiles numpy's `np.percentile(values, q)` gives (linear interpolation). */
export function percentile(sorted: readonly number[], q: number): number {
  const position = (q / 100) * (sorted.length - 1);
  const low = Math.floor(position), high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

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

// §2.2.2 — SGD on the squared hinge loss.

/** §2.2.2: SGD on the squared hinge loss (Iris, setosa vs versicolor), seeded. */
const squaredHingeSgd: Subject = {
  ids: ["s001.sq_hinge.sgd.*"],
  compute: (fx) => {
    const x = matrix(fx.input.inputs as number[][]), y = fx.input.labels as number[];
    const r = trainSquaredHingeSgd(x, y, {
      stepSize: fx.input.stepSize as number,
      schedule: fx.input.schedule as "inverseSqrt",
      maxIterations: fx.input.maxIterations as number,
      seed: fx.input.seed as number,
    });
    const signs = linearSign(r.weights, x);
    return {
      weights: r.weights,
      status: r.status,
      iterations: r.iterations,
      updates: r.updates,
      cost: squaredHingeCost(r.weights, x, y),
      accuracy: signs.filter((s, i) => s === y[i]).length / y.length,
    };
  },
};

/** The subjects of S1 chapter 2, in section order. */
export const CHAPTER_2: readonly Subject[] = [
  descentClaim,
  s001GdMatlab,
  partialSums,
  asymptotics,
  conditions,
  s001MiniSgdSeed,
  s001MiniSgdTimes,
  squaredHingeSgd,
];
