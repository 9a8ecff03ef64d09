/**
 * Summing many doubles: the naive loop, Neumaier's compensated sum and pairwise
 * summation, registered once in {@link SUM_VARIANTS}. The Robbins–Monro partial sums of
 * S1 §2.2 add up to 10⁶ terms; the naive loop's rounding error grows with the number of
 * terms, the other two stay near one rounding.
 *
 * @module
 */

import { requireNumberArray } from "../_util/validate.ts";

/** A summation kernel: the sum of `values` in binary64.
 * @category Series and summation */
export type SumKernel = (values: ArrayLike<number>) => number;

/**
 * The naive loop s ← s + xᵢ, left to right. Its error bound grows like n·ε·Σ|xᵢ|.
 *
 * @param values The terms.
 * @returns Their sum, rounded after every addition (±∞ when a partial sum overflows, even
 *   if the total would not: use {@link sumCompensated} for that; NaN propagates).
 * @throws {InputTypeError} if `values` is not an array of numbers (a string would
 *   otherwise be concatenated: "0abc").
 *
 * @example 0.1 added ten times is not 1
 * ```ts
 * import { sumNaive } from "@nnref/nnref/series";
 * if (sumNaive(new Array(10).fill(0.1)) === 1) throw new Error("the loop rounds");
 * ```
 * @category Series and summation
 */
export function sumNaive(values: ArrayLike<number>): number {
  requireNumberArray(values, "values");
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum;
}

/**
 * Neumaier's compensated sum (Kahan–Babuška): keeps the rounding error of each addition
 * in a separate compensation c (exact by Fast2Sum, whichever operand is larger) and adds
 * it back at the end. Error about ε·|Σxᵢ| + O(nε²)Σ|xᵢ|: one rounding for sums of
 * terms of one sign, such as every Robbins–Monro series.
 *
 * A partial sum that overflows (1e308 + 1e308) while the terms are finite restarts the
 * sum on the terms scaled by 2⁻⁶⁴ (exact for every term above 2⁻⁹⁵⁸, which are the only
 * ones that can matter next to an overflowing sum) and scales the result back, so
 * [1e308, 1e308, −1e308] gives 1e308, not NaN; ±∞ only when the sum itself overflows.
 *
 * @param values The terms.
 * @returns Their sum, accurate to about one rounding (NaN and ±∞ terms propagate, IEEE).
 * @throws {InputTypeError} if `values` is not an array of numbers.
 *
 * @example Ten times 0.1 is 1, and the cancellation 1e100 + 1 − 1e100 keeps the 1
 * ```ts
 * import { sumCompensated } from "@nnref/nnref/series";
 * if (sumCompensated(new Array(10).fill(0.1)) !== 1) throw new Error("compensated");
 * if (sumCompensated([1e100, 1, -1e100]) !== 1) throw new Error("Neumaier keeps the 1");
 * ```
 * @category Series and summation
 */
export function sumCompensated(values: ArrayLike<number>): number {
  requireNumberArray(values, "values");
  let sum = 0, compensation = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    const t = sum + x;
    // An overflow of finite terms (t − t is NaN only for t = ±∞ or NaN).
    if (t - t !== 0 && sum - sum === 0 && x - x === 0) return compensatedScaled(values);
    // Fast2Sum needs the larger operand first; that choice is Neumaier's fix to Kahan.
    compensation += Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
    sum = t;
  }
  return sum + compensation;
}

const DOWN = 2 ** -64, UP = 2 ** 64;

/** Neumaier's sum of the terms times 2⁻⁶⁴, times 2⁶⁴: the overflow path of sumCompensated. */
function compensatedScaled(values: ArrayLike<number>): number {
  let sum = 0, compensation = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i] * DOWN;
    const t = sum + x;
    compensation += Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
    sum = t;
  }
  return (sum + compensation) * UP;
}

/** Below this many terms pairwise summation adds in a plain loop. */
const PAIRWISE_BLOCK = 16;

function pairwise(values: ArrayLike<number>, start: number, end: number): number {
  const n = end - start;
  if (n <= PAIRWISE_BLOCK) {
    let sum = 0;
    for (let i = start; i < end; i++) sum += values[i];
    return sum;
  }
  const middle = start + (n >> 1);
  return pairwise(values, start, middle) + pairwise(values, middle, end);
}

/**
 * Pairwise (cascade) summation: split in halves, sum each recursively, add the two;
 * blocks of at most 16 terms are summed in a loop. Error bound grows like log₂ n·ε·Σ|xᵢ|,
 * and in practice stays within a few roundings.
 *
 * @param values The terms.
 * @returns Their sum (NaN and ±∞ propagate; a partial sum can overflow).
 * @throws {InputTypeError} if `values` is not an array of numbers.
 *
 * @example
 * ```ts
 * import { sumPairwise } from "@nnref/nnref/series";
 * const values = Array.from({ length: 1000 }, (_, i) => i + 1);
 * if (sumPairwise(values) !== 500500) throw new Error("integers are exact");
 * ```
 * @category Series and summation
 */
export function sumPairwise(values: ArrayLike<number>): number {
  requireNumberArray(values, "values");
  return pairwise(values, 0, values.length);
}

/** Leaf size of the unrolled pairwise kernel: eight interleaved sums of ≤ 32 terms each. */
const UNROLLED_BLOCK = 256;

function pairwiseUnrolled(values: ArrayLike<number>, start: number, end: number): number {
  const n = end - start;
  if (n <= UNROLLED_BLOCK) {
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, i = start;
    for (; i + 7 < end; i += 8) {
      s0 += values[i];
      s1 += values[i + 1];
      s2 += values[i + 2];
      s3 += values[i + 3];
      s4 += values[i + 4];
      s5 += values[i + 5];
      s6 += values[i + 6];
      s7 += values[i + 7];
    }
    for (; i < end; i++) s0 += values[i];
    return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
  }
  const middle = start + (n >> 1);
  return pairwiseUnrolled(values, start, middle) + pairwiseUnrolled(values, middle, end);
}

/**
 * Pairwise summation with an unrolled leaf: as {@link sumPairwise}, but each block of up
 * to 256 terms is summed as eight interleaved running sums (s₀ takes terms i ≡ 0 mod 8,
 * and so on) combined pairwise. The eight sums are independent, so the processor overlaps
 * their additions instead of waiting on one chain; the error bound is pairwise's with a
 * leaf of 32 + 3 additions: (35 + log₂(n/256))·ε·Σ|xᵢ|. A different
 * order from {@link sumPairwise}, so not the same bits: spec/series/summation_test.ts
 * holds it to the same measured bounds.
 *
 * @param values The terms.
 * @returns Their sum (NaN and ±∞ propagate; a partial sum can overflow).
 * @throws {InputTypeError} if `values` is not an array of numbers.
 *
 * @example
 * ```ts
 * import { sumPairwiseUnrolled } from "@nnref/nnref/series";
 * const values = Array.from({ length: 1000 }, (_, i) => i + 1);
 * if (sumPairwiseUnrolled(values) !== 500500) throw new Error("integers are exact");
 * ```
 * @category Series and summation
 */
export function sumPairwiseUnrolled(values: ArrayLike<number>): number {
  requireNumberArray(values, "values");
  return pairwiseUnrolled(values, 0, values.length);
}

/**
 * Every summation kernel; spec/ and bench/ loop over it.
 *
 * @example
 * ```ts
 * import { SUM_VARIANTS } from "@nnref/nnref/variants";
 * for (const sum of Object.values(SUM_VARIANTS)) {
 *   if (sum([1, 2, 3]) !== 6) throw new Error("small integers add exactly");
 * }
 * ```
 * @category Variants
 */
export const SUM_VARIANTS: {
  readonly naive: SumKernel;
  readonly compensated: SumKernel;
  readonly pairwise: SumKernel;
  readonly pairwiseUnrolled: SumKernel;
} = {
  naive: sumNaive,
  compensated: sumCompensated,
  pairwise: sumPairwise,
  pairwiseUnrolled: sumPairwiseUnrolled,
} as const;

/** The name of a summation kernel in {@link SUM_VARIANTS}.
 * @category Series and summation */
export type SumVariant = keyof typeof SUM_VARIANTS;
