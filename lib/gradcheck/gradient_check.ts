/**
 * A gradient checker: compares a claimed gradient of f: ℝⁿ → ℝ with central differences,
 * coordinate by coordinate, using the relative error of cs231n's "gradient check" notes.
 *
 * Any spec — and any user — can point it at a function and its gradient. The step and
 * the bound are stated in the result, never hidden.
 *
 * @module
 */

import { requireFinite, requirePositive } from "../_util/validate.ts";

/** The default central-difference step h (cs231n's recommendation for binary64).
 * @category Gradient checking */
export const DEFAULT_GRADIENT_CHECK_STEP = 1e-5;

/**
 * The default pass bound on the relative error. Central differences with h = 1e-5 have
 * truncation error h²·|f‴|/6 ≈ 1e-11 and rounding error ε·|f|/h ≈ 1e-11·|f|, so a correct
 * gradient of a smooth, well-scaled f typically shows relative errors near 1e-9; cs231n
 * calls < 1e-7 "happy" and anything ≥ 1e-4 suspicious. We pass at 1e-6.
 * @category Gradient checking
 */
export const DEFAULT_GRADIENT_CHECK_BOUND = 1e-6;

/**
 * The default scale floor: coordinates whose analytic and numeric values are both
 * smaller than this in magnitude are compared absolutely rather than relatively, because
 * a relative error of two numbers that are both rounding noise means nothing.
 * @category Gradient checking
 */
export const DEFAULT_GRADIENT_CHECK_FLOOR = 1e-8;

/** How to check a gradient.
 * @category Gradient checking */
export interface GradientCheckOptions {
  /** Central-difference step h (default {@link DEFAULT_GRADIENT_CHECK_STEP}). */
  readonly step?: number;
  /** Largest relative error that passes (default {@link DEFAULT_GRADIENT_CHECK_BOUND}). */
  readonly bound?: number;
  /** Denominator floor of the relative error (default {@link DEFAULT_GRADIENT_CHECK_FLOOR}). */
  readonly floor?: number;
}

/** The check of one coordinate of the gradient.
 * @category Gradient checking */
export interface CoordinateCheck {
  /** The coordinate i of x. */
  readonly index: number;
  /** The claimed ∂f/∂xᵢ. */
  readonly analytic: number;
  /** The central difference (f(x + h·eᵢ) − f(x − h·eᵢ)) / (2h). */
  readonly numeric: number;
  /** |analytic − numeric| / max(|analytic|, |numeric|, floor). */
  readonly relativeError: number;
  /** relativeError ≤ bound. */
  readonly passed: boolean;
}

/** The result of {@link checkGradient}.
 * @category Gradient checking */
export interface GradientCheckResult {
  /** True when every coordinate passed. */
  readonly passed: boolean;
  /** One entry per coordinate of x. */
  readonly coordinates: readonly CoordinateCheck[];
  /** The coordinate with the largest relative error (null when x is empty). */
  readonly worst: CoordinateCheck | null;
  /** The step h that was used. */
  readonly step: number;
  /** The bound that was applied. */
  readonly bound: number;
  /** The floor that was applied. */
  readonly floor: number;
}

/**
 * Relative error as in cs231n: |a − n| / max(|a|, |n|), with the denominator floored
 * at `floor` so that two tiny numbers compare absolutely.
 *
 * @param analytic The claimed derivative a.
 * @param numeric The finite-difference estimate n.
 * @param floor The smallest denominator (≥ 0); 0 gives the unfloored formula, with 0/0 read as 0.
 * @returns The relative error in [0, 2] when unfloored; NaN if either input is NaN.
 *
 * @example Agreement to 9 digits is a relative error near 1e-9
 * ```ts
 * import { relativeError } from "@nnref/nnref/gradcheck";
 * const e = relativeError(1.000000001, 1, 0);
 * if (!(Math.abs(e - 1e-9) < 1e-15)) throw new Error(`got ${e}`);
 * if (relativeError(0, 0, 0) !== 0) throw new Error("0 vs 0 agrees");
 * if (relativeError(1e-12, -1e-12, 1e-8) !== 2e-12 / 1e-8) throw new Error("floored");
 * ```
 * @category Gradient checking
 */
export function relativeError(analytic: number, numeric: number, floor: number): number {
  const scale = Math.max(Math.abs(analytic), Math.abs(numeric), floor);
  const difference = Math.abs(analytic - numeric);
  return scale === 0 ? (difference === 0 ? 0 : Infinity) : difference / scale;
}

/**
 * Checks a claimed gradient ∇f(x) against central differences
 * (f(x + h·eᵢ) − f(x − h·eᵢ)) / ((xᵢ + h) − (xᵢ − h)), one coordinate at a time.
 *
 * The divisor is the step actually taken in binary64, not 2h, so that the rounding of
 * xᵢ ± h does not bias the estimate. `point` is perturbed in place and restored exactly
 * after each evaluation; `f` must not keep a reference to it.
 *
 * @param f The function, e.g. a network's loss as a function of its flattened weights.
 * @param gradient The claimed gradient at `point`, or a function computing it.
 * @param point The point x (left unchanged on return).
 * @param options Step h, pass bound and denominator floor.
 * @returns Per-coordinate results, pass/fail, and the worst coordinate.
 * @throws {RangeError} if x or the gradient is non-finite, their lengths differ, the step,
 *   bound or floor is invalid, or f returns a non-finite value.
 *
 * @example The gradient of f(x) = x₀² + 3x₀x₁ is (2x₀ + 3x₁, 3x₀)
 * ```ts
 * import { checkGradient } from "@nnref/nnref/gradcheck";
 * const f = (x: Float64Array) => x[0] * x[0] + 3 * x[0] * x[1];
 * const good = checkGradient(f, new Float64Array([2 * 1 + 3 * 2, 3]), new Float64Array([1, 2]));
 * if (!good.passed) throw new Error("correct gradient passes");
 * const bad = checkGradient(f, new Float64Array([8, 2]), new Float64Array([1, 2]));
 * if (bad.passed || bad.worst?.index !== 1) throw new Error("wrong ∂f/∂x₁ is caught");
 * ```
 * @category Gradient checking
 */
export function checkGradient(
  f: (x: Float64Array) => number,
  gradient: ArrayLike<number> | ((x: Float64Array) => ArrayLike<number>),
  point: Float64Array,
  options: GradientCheckOptions = {},
): GradientCheckResult {
  const step = options.step ?? DEFAULT_GRADIENT_CHECK_STEP;
  const bound = options.bound ?? DEFAULT_GRADIENT_CHECK_BOUND;
  const floor = options.floor ?? DEFAULT_GRADIENT_CHECK_FLOOR;
  requirePositive(step, "Gradient check step");
  requirePositive(bound, "Gradient check bound");
  if (!(floor >= 0 && Number.isFinite(floor))) {
    throw new RangeError(`Gradient check floor must be a finite number ≥ 0, got ${floor}`);
  }
  if (!(point instanceof Float64Array)) {
    throw new TypeError("Cannot check a gradient: the point must be a Float64Array");
  }
  requireFinite(point, "Gradient check point");
  const claimed = typeof gradient === "function" ? gradient(point.slice()) : gradient;
  if (claimed.length !== point.length) {
    throw new RangeError(
      `Cannot check a gradient: it has ${claimed.length} entries but the point has ${point.length}`,
    );
  }
  requireFinite(claimed, "Claimed gradient");
  const evaluate = (i: number): number => {
    const value = f(point);
    if (!Number.isFinite(value)) {
      throw new RangeError(
        `Cannot check a gradient: f returned ${value} when coordinate ${i} was perturbed`,
      );
    }
    return value;
  };
  const coordinates: CoordinateCheck[] = [];
  let worst: CoordinateCheck | null = null;
  for (let i = 0; i < point.length; i++) {
    const original = point[i];
    const up = original + step;
    const down = original - step;
    point[i] = up;
    const fUp = evaluate(i);
    point[i] = down;
    const fDown = evaluate(i);
    point[i] = original;
    const numeric = (fUp - fDown) / (up - down);
    const error = relativeError(claimed[i], numeric, floor);
    const check = {
      index: i,
      analytic: claimed[i],
      numeric,
      relativeError: error,
      passed: error <= bound,
    };
    coordinates.push(check);
    if (worst === null || !(error <= worst.relativeError)) worst = check;
  }
  return {
    passed: coordinates.every((c) => c.passed),
    coordinates,
    worst,
    step,
    bound,
    floor,
  };
}
