/**
 * Step-size schedules ηₜ for stochastic gradient descent: constant, C/√t (S1 (2.2) and
 * its MiniSGD file) and C/t (the schedule S1 §2.2 says meets both Robbins–Monro
 * conditions). t counts updates from 1.
 *
 * @module
 */

import { ArgumentRangeError, InputTypeError } from "../errors.ts";
import { describeValue, listOf, requireInteger, requirePositive } from "../_util/validate.ts";

/**
 * A step-size schedule:
 * - `constant`: ηₜ = `learningRate`;
 * - `inverseSqrt`: ηₜ = C/√t with C = `constant` (S1's η_t = C/√t, C = 0.06);
 * - `inverse`: ηₜ = C/t.
 * @category Optimisation
 */
export type StepSchedule =
  | { readonly kind: "constant"; readonly learningRate: number }
  | { readonly kind: "inverseSqrt"; readonly constant: number }
  | { readonly kind: "inverse"; readonly constant: number };

/**
 * Checks a schedule and returns it.
 *
 * @param schedule The schedule.
 * @returns The same schedule.
 * @throws {InputTypeError} if the schedule is not an object.
 * @throws {ArgumentRangeError} for an unknown kind, or if the learning rate or constant C
 *   is not a finite number > 0.
 *
 * @example
 * ```ts
 * import { validateStepSchedule } from "@nnref/nnref/optim";
 * validateStepSchedule({ kind: "inverseSqrt", constant: 0.06 });
 * let threw = false;
 * try { validateStepSchedule({ kind: "inverse", constant: 0 }); } catch { threw = true; }
 * if (!threw) throw new Error("C must be > 0");
 * ```
 * @category Optimisation
 */
export function validateStepSchedule(schedule: StepSchedule): StepSchedule {
  if (typeof schedule !== "object" || schedule === null) {
    throw new InputTypeError(
      `A step schedule must be an object such as { kind: "inverseSqrt", constant: 0.06 }, got ${
        describeValue(schedule)
      }`,
    );
  }
  switch (schedule.kind) {
    case "constant":
      requirePositive(schedule.learningRate, "Step schedule learningRate");
      return schedule;
    case "inverseSqrt":
    case "inverse":
      requirePositive(schedule.constant, `Step schedule "${schedule.kind}" constant C`);
      return schedule;
    default:
      throw new ArgumentRangeError(
        `Unknown step schedule kind ${
          JSON.stringify((schedule as { kind?: unknown }).kind) ?? "undefined"
        }: expected ${listOf(["constant", "inverseSqrt", "inverse"])}`,
      );
  }
}

/**
 * The step size ηₜ of update t (t = 1, 2, …).
 *
 * @param schedule The schedule.
 * @param t The 1-based update number.
 * @returns ηₜ: η, C/√t or C/t.
 * @throws {InputTypeError}, {ArgumentRangeError} as {@link validateStepSchedule}, or if t is
 *   not an integer ≥ 1.
 *
 * @example S1's MiniSGD: C = 0.06, η₄ = 0.06/√4 = 0.03
 * ```ts
 * import { stepSize } from "@nnref/nnref/optim";
 * if (stepSize({ kind: "inverseSqrt", constant: 0.06 }, 4) !== 0.03) throw new Error("0.03");
 * if (stepSize({ kind: "inverse", constant: 1 }, 8) !== 0.125) throw new Error("1/8");
 * ```
 * @category Optimisation
 */
export function stepSize(schedule: StepSchedule, t: number): number {
  validateStepSchedule(schedule);
  requireInteger(t, "Update number t", 1);
  switch (schedule.kind) {
    case "constant":
      return schedule.learningRate;
    case "inverseSqrt":
      return schedule.constant / Math.sqrt(t);
    case "inverse":
      return schedule.constant / t;
  }
}
