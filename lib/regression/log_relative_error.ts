/**
 * The log relative error (LRE) of McCullough (1998), the accuracy measure of NIST's StRD
 * assessments: roughly the number of correct significant digits.
 *
 * @module
 */

import { ShapeError } from "../errors.ts";
import {
  requireFiniteNumber,
  requireNumber,
  requireNumberArray,
  requirePositive,
} from "../_util/validate.ts";

/**
 * LRE = −log₁₀(|estimate − certified| / |certified|), or −log₁₀|estimate| when the
 * certified value is 0; clipped to [0, `digits`] (an estimate equal to the certified
 * value gets `digits`, the number of digits the certified value is given to).
 *
 * @param estimate The computed value.
 * @param certified The certified value.
 * @param digits The cap: the certified value's significant digits (NIST prints 15).
 * @returns The LRE in [0, digits]; 0 for a non-finite estimate.
 * @throws {InputTypeError} if an argument is not a number.
 * @throws {NonFiniteError} if `certified` is not finite.
 * @throws {ArgumentRangeError} if `digits` is not a finite number > 0.
 *
 * @example Eight correct digits
 * ```ts
 * import { logRelativeError } from "@nnref/nnref/regression";
 * if (Math.round(logRelativeError(1.00000001, 1)) !== 8) throw new Error("LRE 8");
 * if (logRelativeError(2, 2) !== 15) throw new Error("capped at 15");
 * if (logRelativeError(1e-20, 0) !== 15) throw new Error("certified 0: −log₁₀|estimate|, capped");
 * ```
 * @category Regression
 */
export function logRelativeError(estimate: number, certified: number, digits = 15): number {
  requireNumber(estimate, "estimate");
  requireFiniteNumber(certified, "The certified value");
  requirePositive(digits, "digits");
  if (!Number.isFinite(estimate)) return 0;
  const error = certified === 0
    ? Math.abs(estimate)
    : Math.abs(estimate - certified) / Math.abs(certified);
  if (error === 0) return digits;
  return Math.min(digits, Math.max(0, -Math.log10(error)));
}

/**
 * The smallest LRE over paired lists (NIST reports the minimum over coefficients).
 *
 * @throws {InputTypeError} if a list is not an array of numbers.
 * @throws {ShapeError} if the lists differ in length or are empty.
 *
 * @example
 * ```ts
 * import { logRelativeError, minimumLogRelativeError } from "@nnref/nnref/regression";
 * if (minimumLogRelativeError([1, 2.0002], [1, 2]) !== logRelativeError(2.0002, 2)) throw new Error("min");
 * ```
 * @category Regression
 */
export function minimumLogRelativeError(
  estimates: ArrayLike<number>,
  certified: ArrayLike<number>,
  digits = 15,
): number {
  requireNumberArray(estimates, "estimates");
  requireNumberArray(certified, "certified");
  if (estimates.length !== certified.length || estimates.length === 0) {
    throw new ShapeError(
      `Cannot compare: ${estimates.length} estimates against ${certified.length} certified values`,
    );
  }
  let minimum = Infinity;
  for (let i = 0; i < estimates.length; i++) {
    minimum = Math.min(minimum, logRelativeError(estimates[i], certified[i], digits));
  }
  return minimum;
}
