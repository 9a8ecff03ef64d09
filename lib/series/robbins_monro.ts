/**
 * The step-size series of S1 §2.2: partial sums Σ_{t=1}^{T} ηₜ and Σ ηₜ² for the
 * schedules ηₜ = C/√t and ηₜ = C/t, their asymptotic forms, and the Robbins–Monro
 * conditions Σηₜ = ∞, Σηₜ² < ∞ that decide which schedule guarantees convergence.
 *
 * Every series here is C^k · Σ_{t=1}^{T} t^(−p): C/√t is (k, p) = (1, ½), its square
 * C²/t is (2, 1), C/t is (1, 1) and its square C²/t² is (2, 2).
 *
 * @module
 */

import { ArgumentRangeError } from "../errors.ts";
import {
  lookupOwn,
  requireInteger,
  requireNumber,
  requireOptionalObject,
  requirePositive,
} from "../_util/validate.ts";
import { SUM_VARIANTS, type SumVariant } from "./summation.ts";

/** ζ(½) = −1.46035450880958681…, the constant in Σ_{t≤T} 1/√t = 2√T + ζ(½) + O(T^(−½)).
 * @category Series and summation */
export const ZETA_HALF: number = -1.4603545088095868;
/** The Euler–Mascheroni constant γ = 0.57721566490153286…, in Σ_{t≤T} 1/t = ln T + γ + O(1/T).
 * @category Series and summation */
export const EULER_GAMMA: number = 0.5772156649015329;
/** ζ(2) = π²/6 = 1.64493406684822643…, the limit of Σ 1/t².
 * @category Series and summation */
export const ZETA_TWO: number = 1.6449340668482264;

/** One Robbins–Monro series: C^power · Σ t^(−exponent).
 * @category Series and summation */
export interface StepSeries {
  /** p in t^(−p). */
  readonly exponent: 0.5 | 1 | 2;
  /** k in C^k: 1 for Σηₜ, 2 for Σηₜ². */
  readonly power: 1 | 2;
}

/**
 * S1 §2.2's four series: Σ C/√t, Σ C²/t, Σ C/t, Σ C²/t².
 *
 * @example
 * ```ts
 * import { ROBBINS_MONRO_SERIES } from "@nnref/nnref/series";
 * if (ROBBINS_MONRO_SERIES.squaresInverseSqrt.exponent !== 1) throw new Error("(C/√t)² = C²/t");
 * ```
 * @category Series and summation
 */
export const ROBBINS_MONRO_SERIES: {
  readonly stepsInverseSqrt: StepSeries;
  readonly squaresInverseSqrt: StepSeries;
  readonly stepsInverse: StepSeries;
  readonly squaresInverse: StepSeries;
} = {
  stepsInverseSqrt: { exponent: 0.5, power: 1 },
  squaresInverseSqrt: { exponent: 1, power: 2 },
  stepsInverse: { exponent: 1, power: 1 },
  squaresInverse: { exponent: 2, power: 2 },
} as const;

/** The name of one of {@link ROBBINS_MONRO_SERIES}.
 * @category Series and summation */
export type StepSeriesName = keyof typeof ROBBINS_MONRO_SERIES;

function seriesOf(name: StepSeriesName): StepSeries {
  return lookupOwn(ROBBINS_MONRO_SERIES, name, "step series");
}

/**
 * The terms t^(−p) for t = 1 … T, each correctly rounded or within one more rounding:
 * 1/√t, 1/t, 1/(t·t) (t·t is exact for T < 9.4·10⁷).
 *
 * @param exponent p: ½, 1 or 2.
 * @param horizon T ≥ 1.
 * @returns A Float64Array of T terms.
 * @throws {InputTypeError} if p or T is not a number.
 * @throws {ArgumentRangeError} if T is not an integer in [1, 94906265] (t·t exact), or p is
 *   not ½, 1, 2.
 *
 * @example
 * ```ts
 * import { powerTerms } from "@nnref/nnref/series";
 * if (powerTerms(2, 3).join() !== [1, 0.25, 1 / 9].join()) throw new Error("1, 1/4, 1/9");
 * ```
 * @category Series and summation
 */
export function powerTerms(exponent: 0.5 | 1 | 2, horizon: number): Float64Array {
  requireNumber(exponent, "Exponent p");
  if (exponent !== 0.5 && exponent !== 1 && exponent !== 2) {
    throw new ArgumentRangeError(`Exponent p must be 0.5, 1 or 2, got ${exponent}`);
  }
  requireInteger(horizon, "Horizon T", 1);
  if (horizon > 94906265) {
    throw new ArgumentRangeError(`Horizon T must be ≤ 94906265 (t·t exact), got ${horizon}`);
  }
  const terms = new Float64Array(horizon);
  if (exponent === 0.5) { for (let t = 1; t <= horizon; t++) terms[t - 1] = 1 / Math.sqrt(t); }
  else if (exponent === 1) { for (let t = 1; t <= horizon; t++) terms[t - 1] = 1 / t; }
  else for (let t = 1; t <= horizon; t++) terms[t - 1] = 1 / (t * t);
  return terms;
}

/** Options of {@link robbinsMonroPartialSum}.
 * @category Series and summation */
export interface PartialSumOptions {
  /** C > 0 (S1's MiniSGD uses 0.06); default 1. */
  readonly constant?: number;
  /** Which kernel of `SUM_VARIANTS` adds the terms; default `compensated`. */
  readonly method?: SumVariant;
}

/**
 * The partial sum C^k · Σ_{t=1}^{T} t^(−p) of one of S1's four step-size series. The
 * t^(−p) are summed first and multiplied by C^k once, so with the compensated or
 * pairwise kernel the result is within about one ulp of the true value at T = 10⁶.
 *
 * @param name `stepsInverseSqrt` (Σ C/√t), `squaresInverseSqrt` (Σ C²/t),
 *   `stepsInverse` (Σ C/t) or `squaresInverse` (Σ C²/t²).
 * @param horizon T, the number of updates.
 * @param options C and the summation kernel.
 * @returns The partial sum.
 * @throws {InputTypeError} if an argument has the wrong type.
 * @throws {ArgumentRangeError} for an unknown series or kernel, T not an integer in
 *   [1, 94906265], C ≤ 0.
 * @see fixtures/series/s001_robbins_monro.json
 *
 * @example Σ_{t≤10} 1/t = 7381/2520
 * ```ts
 * import { assertClose } from "@nnref/nnref/oracle";
 * import { robbinsMonroPartialSum } from "@nnref/nnref/series";
 * assertClose(robbinsMonroPartialSum("stepsInverse", 10), 7381 / 2520, { ulps: 1 });
 * ```
 * @category Series and summation
 */
export function robbinsMonroPartialSum(
  name: StepSeriesName,
  horizon: number,
  options: PartialSumOptions = {},
): number {
  const series = seriesOf(name);
  requireOptionalObject(options, "options");
  const constant = options?.constant ?? 1;
  requirePositive(constant, "Constant C");
  const method = options?.method ?? "compensated";
  const kernel = lookupOwn(SUM_VARIANTS, method, "summation method");
  const sum = kernel(powerTerms(series.exponent, horizon));
  const scale = series.power === 1 ? constant : constant * constant;
  return scale * sum;
}

/**
 * The asymptotic form of Σ_{t=1}^{T} t^(−p), times C^k: ζ(p) + T^(1−p)/(1−p), i.e.
 * 2√T + ζ(½) for p = ½, ln T + γ for p = 1 and π²/6 − 1/T for p = 2, plus up to three
 * Euler–Maclaurin corrections T^(−p)/2, −pT^(−p−1)/12, p(p+1)(p+2)T^(−p−3)/720.
 *
 * @param name One of the four series (see {@link robbinsMonroPartialSum}).
 * @param horizon T ≥ 1.
 * @param options `constant` C (default 1) and `corrections` (0 … 3, default 0).
 * @returns The asymptotic value.
 * @throws {InputTypeError} if an argument has the wrong type.
 * @throws {ArgumentRangeError} for an unknown series, T not a positive integer, C ≤ 0 or
 *   corrections outside 0 … 3.
 *
 * @example Σ_{t≤10⁶} 1/√t ≈ 2000 + ζ(½)
 * ```ts
 * import { robbinsMonroAsymptotic, ZETA_HALF } from "@nnref/nnref/series";
 * const leading = robbinsMonroAsymptotic("stepsInverseSqrt", 1e6);
 * if (leading !== 2000 + ZETA_HALF) throw new Error("2√T + ζ(½)");
 * ```
 * @category Series and summation
 */
export function robbinsMonroAsymptotic(
  name: StepSeriesName,
  horizon: number,
  options: { readonly constant?: number; readonly corrections?: number } = {},
): number {
  const { exponent: p, power } = seriesOf(name);
  requireInteger(horizon, "Horizon T", 1);
  requireOptionalObject(options, "options");
  const constant = options?.constant ?? 1;
  requirePositive(constant, "Constant C");
  const corrections = options?.corrections ?? 0;
  requireInteger(corrections, "Number of corrections", 0, 3);
  const T = horizon;
  let value = p === 0.5
    ? 2 * Math.sqrt(T) + ZETA_HALF
    : p === 1
    ? Math.log(T) + EULER_GAMMA
    : ZETA_TWO - 1 / T;
  const terms = [
    T ** -p / 2,
    -p * T ** (-p - 1) / 12,
    p * (p + 1) * (p + 2) * T ** (-p - 3) / 720,
  ];
  for (let k = 0; k < corrections; k++) value += terms[k];
  return (power === 1 ? constant : constant * constant) * value;
}

/** Which Robbins–Monro conditions a schedule ηₜ = C/t^p meets.
 * @category Series and summation */
export interface RobbinsMonroConditions {
  /** Σηₜ = ∞ (the first condition): true iff p ≤ 1. */
  readonly stepsDiverge: boolean;
  /** Σηₜ² < ∞ (the second condition): true iff 2p > 1. */
  readonly squaresConverge: boolean;
  /** Both. */
  readonly satisfied: boolean;
}

/**
 * The Robbins–Monro conditions for ηₜ = C/t^p (C > 0): Σ C/t^p diverges iff p ≤ 1 and
 * Σ C²/t^(2p) converges iff 2p > 1 (p-series test), so both hold iff ½ < p ≤ 1.
 *
 * @param exponent p ≥ 0: ½ for S1's C/√t, 1 for C/t, 0 for a constant step.
 * @returns Which conditions hold.
 * @throws {InputTypeError} if p is not a number.
 * @throws {ArgumentRangeError} if p is negative or not finite.
 *
 * @example C/√t meets only the first condition; C/t meets both
 * ```ts
 * import { robbinsMonroConditions } from "@nnref/nnref/series";
 * const sqrt = robbinsMonroConditions(0.5), inverse = robbinsMonroConditions(1);
 * if (!sqrt.stepsDiverge || sqrt.squaresConverge) throw new Error("Σ C²/t diverges");
 * if (!inverse.satisfied) throw new Error("C/t satisfies both");
 * ```
 * @category Series and summation
 */
export function robbinsMonroConditions(exponent: number): RobbinsMonroConditions {
  requireNumber(exponent, "Exponent p");
  if (!Number.isFinite(exponent) || exponent < 0) {
    throw new ArgumentRangeError(`Exponent p must be a finite number ≥ 0, got ${exponent}`);
  }
  const stepsDiverge = exponent <= 1;
  const squaresConverge = 2 * exponent > 1;
  return { stepsDiverge, squaresConverge, satisfied: stepsDiverge && squaresConverge };
}
