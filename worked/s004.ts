/**
 * S4 — `004_b1c8051590175ba2.txt`, notes after the ai-edu tutorial, chapters 2–3.
 * Sections covered, in the document's order: 单变量函数的梯度下降 (J = x²); 线性反向传播 and
 * its program's four modes (反向传播求解w / 求解b); 非线性反向传播 (c = √(ln x²) = 2.13) and
 * its program; 损失函数图像理解 (the contour claims); 均方差函数 (the loss table);
 * 交叉熵损失函数 (−log a, −log(1 − a)).
 *
 * @module
 */

import type { Fixture } from "../oracle/fixture.ts";
import type { Subject } from "../oracle/subject.ts";
import { gradientDescent } from "../lib/optim/gradient_descent.ts";
import { reverseModeGradient } from "../lib/autodiff/graph.ts";
import {
  type DriveOptions,
  type DrivePass,
  type DriveResult,
  driveToTarget,
  type FactorMode,
} from "../lib/inverse/drive_to_target.ts";
import {
  halfMeanSquaredError,
  meanSquaredError,
  sumSquaredError,
} from "../lib/loss/squared_error.ts";
import { meanAbsoluteError, sumAbsoluteError } from "../lib/loss/absolute_error.ts";
import {
  binaryCrossEntropy,
  binaryCrossEntropyGradient,
} from "../lib/loss/binary_cross_entropy.ts";
import { LINEAR_PRODUCT, SQRT_LOG_SQUARE } from "./graphs.ts";
import { partial, pointOf } from "./_shared.ts";

// 单变量函数的梯度下降.

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

// 线性反向传播.

/** 004: z = x·y, x = 2w + 3b, y = 2b + 1, every node and local derivative. */
const linearBp: Subject = {
  ids: ["s004.linear_bp"],
  compute(fixture) {
    const { graph, gradient } = reverseModeGradient(
      LINEAR_PRODUCT.fn,
      pointOf(fixture, LINEAR_PRODUCT),
    );
    const values = graph.values();
    const g = graph.gradients();
    return {
      x: values.x,
      y: values.y,
      z: values.z,
      dz_dx: g.x,
      dz_dy: g.y,
      dz_dw: gradient.w,
      dz_db: gradient.b,
      dx_dw: partial(graph, "x", "w"),
      dx_db: partial(graph, "x", "b"),
      dy_db: partial(graph, "y", "b"),
      dy_dw: partial(graph, "y", "w"),
    };
  },
};

/** The settings of one of 004's linear programs, as the fixture records them. */
function linearOptions(fixture: Fixture): DriveOptions {
  const input = fixture.input;
  return {
    fn: LINEAR_PRODUCT.fn,
    start: input.start as Record<string, number>,
    adjust: input.adjust as string[],
    target: input.target as number,
    tolerance: input.tolerance as number,
    factors: input.factors as FactorMode,
    split: input.split as boolean,
    maxIterations: 100,
  };
}

/** Columns over passes (inputs, z, Δz) and over updates (corrections). */
function columns(result: DriveResult, adjust: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {
    w: result.passes.map((p) => p.inputs.w),
    b: result.passes.map((p) => p.inputs.b),
    z: result.passes.map((p) => p.output),
    delta_z: result.passes.map((p) => p.deltaOutput),
    passes: result.passes.length,
    status: result.status,
  };
  const updates = result.passes.filter((p) => p.corrections !== undefined);
  for (const name of adjust) {
    out[`delta_${name}`] = updates.map((p) => p.corrections![name]);
  }
  return out;
}

/** 004: the four modes of the original program. */
const linearPrograms: Subject = {
  ids: [
    "s004.linear_bp.b_fixed",
    "s004.linear_bp.b_recomputed",
    "s004.linear_bp.wb_fixed_halved",
    "s004.linear_bp.wb_recomputed_halved",
  ],
  compute(fixture) {
    const options = linearOptions(fixture);
    return columns(driveToTarget(options), options.adjust);
  },
};

/** 004: the document's unhalved formulas for w and b together. */
const documentFormulas: Subject = {
  ids: ["s004.linear_bp.wb_document_formulas"],
  compute(fixture) {
    const options = linearOptions(fixture);
    const passes = fixture.input.passes as number;
    const recorded = driveToTarget({ ...options, maxIterations: passes - 1, oscillationWindow: 0 });
    const long = driveToTarget({
      ...options,
      maxIterations: 1000,
      oscillationWindow: 0,
      growthLimit: 1e300,
    });
    const detected = driveToTarget({ ...options, maxIterations: 1000 });
    const { passes: _n, status: _s, ...rest } = columns(recorded, options.adjust);
    return {
      ...rest,
      converges_within_1000_updates: long.status === "converged",
      oscillation_detected_at_pass: detected.status === "oscillating"
        ? detected.passes.length
        : null,
    };
  },
};

// 非线性反向传播.

/** The drive of 004's non-linear program, from the fixture's settings. */
function nonlinearDrive(fixture: Fixture, tolerance: number, maxIterations: number) {
  const input = fixture.input;
  return driveToTarget({
    fn: SQRT_LOG_SQUARE.fn,
    start: (input.start ?? { x: 2 }) as Record<string, number>,
    adjust: ["x"],
    target: input.target as number,
    tolerance,
    maxIterations,
    factors: "recomputed",
    reset: input.reset as DriveOptions["reset"],
    outputRange: SQRT_LOG_SQUARE.range,
  });
}

/** A node's value at a pass (recomputed factors record every pass's graph). */
function nodeValue(pass: DrivePass, name: string): number {
  return pass.nodeValues![name];
}

/** 004: the exact x with c(x) = 2.13, by driving the graph to convergence. */
const nonlinearChain: Subject = {
  ids: ["s004.nonlinear_bp"],
  fields: ["x"],
  compute(fixture) {
    return { x: nonlinearDrive(fixture, 1e-15, 100).inputs.x };
  },
};

/** 004: the non-linear program, pass by pass. */
const nonlinearProgram: Subject = {
  ids: ["s004.nonlinear_bp.program"],
  fields: [
    "x",
    "a",
    "b",
    "c",
    "delta_c",
    "delta_b",
    "delta_a",
    "delta_x",
    "passes",
    "status",
    "final_c",
    "newton_x",
  ],
  compute(fixture) {
    const input = fixture.input;
    const result = nonlinearDrive(
      fixture,
      input.tolerance as number,
      (input.maxPasses as number) - 1,
    );
    const updates = result.passes.filter((p) => p.nodeDeltas !== undefined);
    const x = result.passes.map((p) => p.inputs.x);
    const c = result.passes.map((p) => p.output);
    return {
      x,
      a: result.passes.map((p) => nodeValue(p, "a")),
      b: result.passes.map((p) => nodeValue(p, "b")),
      c,
      delta_c: updates.map((p) => p.nodeDeltas!.c),
      delta_b: updates.map((p) => p.nodeDeltas!.b),
      delta_a: updates.map((p) => p.nodeDeltas!.a),
      delta_x: updates.map((p) => p.nodeDeltas!.x),
      passes: result.passes.length,
      status: result.status,
      final_c: result.output,
      newton_x: x,
    };
  },
};

// 损失函数图像理解.

/** The loss at the contour plot's centre (w*, b*). */
const contour: Subject = {
  ids: ["s004.cross_entropy.contour"],
  fields: ["minimumLoss"],
  compute: (fx) => {
    const x = fx.input.x as number[], y = fx.input.y as number[];
    const w = fx.expected.weight as number, b = fx.expected.bias as number;
    return { minimumLoss: halfMeanSquaredError(x.map((v) => w * v + b), y) };
  },
};

// 均方差函数.

/** Absolute vs squared error for labels [1, 1, 1] and two predictions. */
const lossTable: Subject = {
  ids: ["s004.loss_table"],
  compute: (fx) => {
    const y = fx.input.labels as number[];
    const [p1, p2] = fx.input.predictions as number[][];
    const absolute = [sumAbsoluteError(p1, y), sumAbsoluteError(p2, y)];
    const squared = [sumSquaredError(p1, y), sumSquaredError(p2, y)];
    return {
      absolute,
      squared,
      absoluteRatio: meanAbsoluteError(p2, y) / meanAbsoluteError(p1, y),
      squaredRatio: squared[1] / squared[0],
      meanSquared: [meanSquaredError(p1, y), meanSquaredError(p2, y)],
    };
  },
};

// 交叉熵损失函数.

/** −log a and −log(1 − a), and their derivatives. */
const crossEntropyBinary: Subject = {
  ids: ["s004.cross_entropy.binary"],
  compute: (fx) => {
    const a = fx.input.a as number[];
    return {
      positive: a.map((p) => binaryCrossEntropy([p], [1])),
      negative: a.map((p) => binaryCrossEntropy([p], [0])),
      positiveDerivative: a.map((p) => binaryCrossEntropyGradient([p], [1])[0]),
      negativeDerivative: a.map((p) => binaryCrossEntropyGradient([p], [0])[0]),
    };
  },
};

/** Every subject of S4, in the document's section order.
 * @category Worked results */
export const SUBJECTS: readonly Subject[] = [
  s004GdX2,
  linearBp,
  linearPrograms,
  documentFormulas,
  nonlinearChain,
  nonlinearProgram,
  contour,
  lossTable,
  crossEntropyBinary,
];
