/**
 * Distance between two doubles in units in the last place (ulps).
 *
 * Every finite double maps to an integer so that neighbouring doubles map to
 * neighbouring integers (the IEEE 754 bit pattern, with negative numbers reflected);
 * the ulp distance is the difference of those integers. +0 and −0 map to the same
 * integer, so their distance is 0.
 *
 * @module
 */

const view = new DataView(new ArrayBuffer(8));
const SIGN = 0x8000000000000000n;

/** The ordered integer of a double: consecutive doubles give consecutive integers. */
function orderedBits(x: number): bigint {
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  return bits & SIGN ? -(bits ^ SIGN) : bits;
}

/**
 * Number of representable doubles from `a` to `b` (|ordered(a) − ordered(b)|).
 *
 * Two NaNs are at distance 0; a NaN and a number are at distance `Infinity`. Infinities
 * are treated as the doubles just past ±`Number.MAX_VALUE`, so callers that must reject
 * ∞ against a finite number (as {@link ulpDistance}'s users in `assert_close.ts` do)
 * check that first.
 *
 * @param a A double.
 * @param b Another double.
 * @returns The ulp distance, exact up to 2⁵³ and rounded beyond.
 *
 * @example Neighbouring doubles are one ulp apart
 * ```ts
 * import { ulpDistance } from "@nnref/nnref/oracle";
 * if (ulpDistance(1, 1 + Number.EPSILON) !== 1) throw new Error("expected 1 ulp");
 * if (ulpDistance(0, -0) !== 0) throw new Error("±0 are the same point");
 * if (ulpDistance(-Number.MIN_VALUE, Number.MIN_VALUE) !== 2) throw new Error("across zero");
 * ```
 * @category Assertions
 */
export function ulpDistance(a: number, b: number): number {
  const aNaN = Number.isNaN(a), bNaN = Number.isNaN(b);
  if (aNaN || bNaN) return aNaN && bNaN ? 0 : Infinity;
  const d = orderedBits(a) - orderedBits(b);
  return Number(d < 0n ? -d : d);
}

/**
 * The spacing of doubles at `x`: the distance from |x| to the next larger double.
 *
 * @param x A finite double.
 * @returns ulp(x); `NaN` for non-finite input.
 *
 * @example
 * ```ts
 * import { ulp } from "@nnref/nnref/oracle";
 * if (ulp(1) !== Number.EPSILON) throw new Error("ulp(1) is machine epsilon");
 * ```
 * @category Assertions
 */
export function ulp(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  const magnitude = Math.abs(x);
  if (magnitude === Number.MAX_VALUE) return magnitude - nextDown(magnitude);
  return nextUp(magnitude) - magnitude;
}

/** The next double above a finite non-negative `x`. */
function nextUp(x: number): number {
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) + 1n);
  return view.getFloat64(0);
}

/** The next double below a finite positive `x`. */
function nextDown(x: number): number {
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) - 1n);
  return view.getFloat64(0);
}
