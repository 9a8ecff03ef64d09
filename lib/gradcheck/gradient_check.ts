/**
 * A gradient checker: compares a claimed gradient of f: ℝⁿ → ℝ with central differences,
 * coordinate by coordinate, using the relative error of cs231n's "gradient check" notes.
 *
 * Any spec — and any user — can point it at a function and its gradient. The step and
 * the bound are stated in the result, never hidden.
 *
 * @module
 */

import { InputTypeError, NonFiniteError, ShapeError } from "../errors.ts";
import {
  describeValue,
  requireFinite,
  requireFunction,
  requireNonNegative,
  requireNumber,
  requireNumberArray,
  requireOptionalObject,
  requirePositive,
} from "../_util/validate.ts";

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
 * @throws {InputTypeError} if an argument is not a number.
 * @throws {ArgumentRangeError} if the floor is not a finite number ≥ 0.
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
  requireNumber(analytic, "analytic");
  requireNumber(numeric, "numeric");
  requireNonNegative(floor, "floor");
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
 * after each evaluation — also when `f` throws or returns a non-finite value — so the
 * caller's point is unchanged on every exit; `f` must not keep a reference to it.
 *
 * @param f The function, e.g. a network's loss as a function of its flattened weights.
 * @param gradient The claimed gradient at `point`, or a function computing it.
 * @param point The point x (left unchanged on return).
 * @param options Step h, pass bound and denominator floor.
 * @returns Per-coordinate results, pass/fail, and the worst coordinate.
 * @throws {InputTypeError} if f is not a function, the point not a Float64Array, the
 *   gradient not numbers (or a function returning them) or options not an object.
 * @throws {ShapeError} if the gradient and the point differ in length.
 * @throws {NonFiniteError} if x or the gradient is non-finite, or f returns a non-finite
 *   value (the point is restored first).
 * @throws {ArgumentRangeError} if the step, bound or floor is invalid.
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
  requireFunction(f, "f");
  requireOptionalObject(options, "options");
  const step = options?.step ?? DEFAULT_GRADIENT_CHECK_STEP;
  const bound = options?.bound ?? DEFAULT_GRADIENT_CHECK_BOUND;
  const floor = options?.floor ?? DEFAULT_GRADIENT_CHECK_FLOOR;
  requirePositive(step, "Gradient check step");
  requirePositive(bound, "Gradient check bound");
  requireNonNegative(floor, "Gradient check floor");
  if (!(point instanceof Float64Array)) {
    throw new InputTypeError(
      `Cannot check a gradient: the point must be a Float64Array, got ${describeValue(point)}`,
    );
  }
  requireFinite(point, "Gradient check point");
  const claimed = typeof gradient === "function" ? gradient(point.slice()) : gradient;
  requireNumberArray(claimed, "the claimed gradient");
  if (claimed.length !== point.length) {
    throw new ShapeError(
      `Cannot check a gradient: it has ${claimed.length} entries but the point has ${point.length}`,
    );
  }
  requireFinite(claimed, "Claimed gradient");
  // f sees the perturbed point; whatever it does — returns, throws, returns NaN — the
  // coordinate is put back before anything else happens.
  const evaluateAt = (i: number, original: number, shifted: number): number => {
    point[i] = shifted;
    let value: unknown;
    try {
      value = f(point);
    } finally {
      point[i] = original;
    }
    if (typeof value !== "number") {
      throw new InputTypeError(
        `Cannot check a gradient: f must return a number, got ${describeValue(value)} when ` +
          `coordinate ${i} was perturbed`,
      );
    }
    if (!Number.isFinite(value)) {
      throw new NonFiniteError(
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
    const fUp = evaluateAt(i, original, up);
    const fDown = evaluateAt(i, original, down);
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
