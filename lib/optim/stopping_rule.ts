/**
 * When an iterative descent stops: the documents' four stopping rules, decided in one
 * place for every engine (batch GD, its Gram-matrix variant, SGD and mini-batch SGD).
 *
 * - S0's Python program: `while not np.all(np.absolute(gradient) <= tol)`, tested on the
 *   gradient at the current point, before the update (`kind: "gradient"`);
 * - S1's MATLAB files: `while (sum(abs(w_last-w_next)>=e))`, tested on the update just
 *   made (`kind: "step"`);
 * - S4's `while y > error`, tested on the loss at the current point (`kind: "loss"`);
 * - S0's `for i in range(17)` and S2's `for i in range(num_iter)` (`kind: "iterations"`).
 *
 * @module
 */

import { ArgumentRangeError, InputTypeError } from "../errors.ts";
import { describeValue, listOf, requireNumber, requireNumberArray } from "../_util/validate.ts";

/**
 * A stopping rule. Iterations count updates W ← W − η∇C, so a rule that fires on the
 * initial point gives 0 iterations.
 *
 * - `gradient`: stop before the next update when every |∂C/∂Wⱼ| ≤ `tolerance`;
 * - `step`: stop after an update when every |ΔWⱼ| = |Wⱼ⁽ᵗ⁺¹⁾ − Wⱼ⁽ᵗ⁾| < `tolerance`;
 * - `loss`: stop before the next update when the loss C(W) < `threshold`;
 * - `iterations`: stop after exactly `count` updates.
 * @category Optimisation
 */
export type StoppingRule =
  | { readonly kind: "gradient"; readonly tolerance: number }
  | { readonly kind: "step"; readonly tolerance: number }
  | { readonly kind: "loss"; readonly threshold: number }
  | { readonly kind: "iterations"; readonly count: number };

/**
 * How a descent ended: its stopping rule fired (`converged`), the loss or the weights
 * became non-finite or the loss grew without bound (`diverged`), or it ran out of
 * `maxIterations` (`maxIterations`).
 * @category Optimisation
 */
export type DescentStatus = "converged" | "diverged" | "maxIterations";

/**
 * Checks a stopping rule and returns it.
 *
 * Tolerances may be 0 (a rule that can only fire on an exact fixed point); a run with a
 * rule that never fires ends with status `maxIterations`.
 *
 * @param rule The rule to check.
 * @returns The same rule.
 * @throws {InputTypeError} if the rule is not an object or a bound not a number.
 * @throws {ArgumentRangeError} if `rule.kind` is not one of the four kinds, a tolerance or
 *   threshold is negative or not finite, or `count` is not an integer ≥ 0.
 *
 * @example S0's rule, and a rule that cannot be met
 * ```ts
 * import { validateStoppingRule } from "@nnref/nnref/optim";
 * validateStoppingRule({ kind: "gradient", tolerance: 1e-6 });
 * let message = "";
 * try { validateStoppingRule({ kind: "step", tolerance: -1 }); } catch (e) { message = String(e); }
 * if (!message.includes("tolerance")) throw new Error("negative tolerances are refused");
 * ```
 * @category Optimisation
 */
export function validateStoppingRule(rule: StoppingRule): StoppingRule {
  if (typeof rule !== "object" || rule === null) {
    throw new InputTypeError(
      `A stopping rule must be an object such as { kind: "gradient", tolerance: 1e-6 }, got ${
        describeValue(rule)
      }`,
    );
  }
  switch (rule.kind) {
    case "gradient":
    case "step":
      requireBound(rule.tolerance, `Stopping rule "${rule.kind}": tolerance`);
      return rule;
    case "loss":
      requireNumber(rule.threshold, `Stopping rule "loss": threshold`);
      if (!Number.isFinite(rule.threshold)) {
        throw new ArgumentRangeError(
          `Stopping rule "loss": threshold must be a finite number, got ${rule.threshold}`,
        );
      }
      return rule;
    case "iterations":
      requireNumber(rule.count, `Stopping rule "iterations": count`);
      if (!Number.isInteger(rule.count) || rule.count < 0) {
        throw new ArgumentRangeError(
          `Stopping rule "iterations": count must be an integer ≥ 0, got ${rule.count}`,
        );
      }
      return rule;
    default:
      throw new ArgumentRangeError(
        `Unknown stopping rule kind ${
          JSON.stringify((rule as { kind?: unknown }).kind) ?? "undefined"
        }: expected ${listOf(["gradient", "step", "loss", "iterations"])}`,
      );
  }
}

function requireBound(value: number, what: string): void {
  requireNumber(value, what);
  if (!Number.isFinite(value) || value < 0) {
    throw new ArgumentRangeError(`${what} must be a finite number ≥ 0, got ${value}`);
  }
}

/**
 * Whether the rule stops the descent at the current point, before the next update:
 * `gradient` (every |gⱼ| ≤ tolerance), `loss` (loss < threshold) and `iterations`
 * (count already reached) decide here.
 *
 * @param rule The stopping rule.
 * @param gradient ∇C at the current weights (S0's `gradient`).
 * @param loss C at the current weights.
 * @param iterations Updates made so far.
 * @returns `true` if the descent stops without making another update.
 * @throws {InputTypeError}, {ArgumentRangeError} if the rule is malformed (see
 *   {@link validateStoppingRule}) or the gradient is not an array of numbers.
 *
 * @example S0's test `np.all(np.absolute(gradient) <= 1e-6)`
 * ```ts
 * import { firesBeforeStep } from "@nnref/nnref/optim";
 * const rule = { kind: "gradient", tolerance: 1e-6 } as const;
 * if (!firesBeforeStep(rule, [1e-6, -5e-7], 3, 10)) throw new Error("≤ is inclusive");
 * if (firesBeforeStep(rule, [2e-6, 0], 3, 10)) throw new Error("one component too large");
 * ```
 * @category Optimisation
 */
export function firesBeforeStep(
  rule: StoppingRule,
  gradient: ArrayLike<number>,
  loss: number,
  iterations: number,
): boolean {
  validateStoppingRule(rule);
  requireNumberArray(gradient, "gradient");
  requireNumber(loss, "loss");
  requireNumber(iterations, "iterations");
  switch (rule.kind) {
    case "gradient":
      for (let j = 0; j < gradient.length; j++) {
        if (!(Math.abs(gradient[j]) <= rule.tolerance)) return false;
      }
      return true;
    case "loss":
      return loss < rule.threshold;
    case "iterations":
      return iterations >= rule.count;
    case "step":
      return false;
  }
}

/**
 * Whether the rule stops the descent right after an update: `step` (every
 * |ΔWⱼ| < tolerance, the MATLAB files' `sum(abs(w_last-w_next)>=e) == 0`) and
 * `iterations` (count reached) decide here.
 *
 * @param rule The stopping rule.
 * @param previous W⁽ᵗ⁾, the weights before the update.
 * @param next W⁽ᵗ⁺¹⁾, the weights after it.
 * @param iterations Updates made so far, this one included.
 * @returns `true` if the descent stops at `next`.
 * @throws {InputTypeError}, {ArgumentRangeError} if the rule is malformed or the weights
 *   are not arrays of numbers.
 *
 * @example The MATLAB rule is strict: a move of exactly e does not stop
 * ```ts
 * import { firesAfterStep } from "@nnref/nnref/optim";
 * const rule = { kind: "step", tolerance: 0.5 } as const;
 * if (!firesAfterStep(rule, [0, 0], [0.25, -0.25], 1)) throw new Error("small moves stop");
 * if (firesAfterStep(rule, [0, 0], [0.5, 0], 1)) throw new Error("|ΔW| = e does not");
 * ```
 * @category Optimisation
 */
export function firesAfterStep(
  rule: StoppingRule,
  previous: ArrayLike<number>,
  next: ArrayLike<number>,
  iterations: number,
): boolean {
  validateStoppingRule(rule);
  requireNumberArray(previous, "previous");
  requireNumberArray(next, "next");
  requireNumber(iterations, "iterations");
  switch (rule.kind) {
    case "step":
      for (let j = 0; j < next.length; j++) {
        if (!(Math.abs(next[j] - previous[j]) < rule.tolerance)) return false;
      }
      return true;
    case "iterations":
      return iterations >= rule.count;
    case "gradient":
    case "loss":
      return false;
  }
}
