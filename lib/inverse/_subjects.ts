/**
 * How the iteration fixtures of fixtures/graph/ are computed with lib/inverse: the
 * program's settings are read from `fixture.input` and handed to `driveToTarget`.
 * Shared by the specs and the report. Private: never re-exported.
 *
 * @module
 */

import type { Fixture } from "../oracle/fixture.ts";
import type { Subject } from "../oracle/subject.ts";
// Re-exported only so that `deno doc --lint` sees the types SUBJECTS is made of.
export type { Subject } from "../oracle/subject.ts";
export type {
  Erratum,
  ExpectedValue,
  Fixture,
  FixtureOracle,
  FixtureSource,
} from "../oracle/fixture.ts";
export type { Tolerance } from "../oracle/assert_close.ts";
import { LINEAR_PRODUCT, SQRT_LOG_SQUARE } from "../autodiff/worked_graphs.ts";
import {
  type DriveOptions,
  type DrivePass,
  type DriveResult,
  driveToTarget,
  type FactorMode,
} from "./drive_to_target.ts";

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

/** Every fixture of fixtures/graph/ that lib/inverse computes. */
export const SUBJECTS: readonly Subject[] = [
  linearPrograms,
  documentFormulas,
  nonlinearChain,
  nonlinearProgram,
];
