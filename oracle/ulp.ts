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

import { InputTypeError } from "../lib/errors.ts";
import { describe } from "./_tree.ts";

const view = new DataView(new ArrayBuffer(8));
// The bits of a double as two 32-bit words, through a typed-array view of one buffer (no
// BigInt, no allocation per call: ulpDistance runs once per compared entry).
const float = new Float64Array(1);
const words = new Uint32Array(float.buffer);
// Which word holds the sign and exponent depends on the platform's byte order.
const HIGH = new Uint8Array(Float64Array.of(-0).buffer)[7] === 0x80 ? 1 : 0;
const LOW = 1 - HIGH;
const TWO_32 = 4294967296;

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
 * @throws {InputTypeError} if a or b is not a number.
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
  if (typeof a !== "number" || typeof b !== "number") {
    throw new InputTypeError(
      `ulpDistance compares numbers; got ${describe(a)} and ${describe(b)}`,
    );
  }
  if (a === b) return 0; // also +0 and −0
  const aNaN = a !== a, bNaN = b !== b;
  if (aNaN || bNaN) return aNaN && bNaN ? 0 : Infinity;
  // The ordered integer of a double is its bit pattern, negated (sign cleared) for
  // negative numbers; consecutive doubles give consecutive integers. As two words, each
  // difference is exact and so is their sum below 2⁵³.
  float[0] = a;
  let highA = words[HIGH], lowA = words[LOW];
  float[0] = b;
  let highB = words[HIGH], lowB = words[LOW];
  if (highA >= 0x80000000) highA = -(highA - 0x80000000), lowA = -lowA;
  if (highB >= 0x80000000) highB = -(highB - 0x80000000), lowB = -lowB;
  return Math.abs((highA - highB) * TWO_32 + (lowA - lowB));
}

/**
 * The spacing of doubles at `x`: the distance from |x| to the next larger double.
 *
 * @param x A finite double.
 * @returns ulp(x); `NaN` for non-finite input (IEEE: NaN propagates).
 * @throws {InputTypeError} if x is not a number.
 *
 * @example
 * ```ts
 * import { ulp } from "@nnref/nnref/oracle";
 * if (ulp(1) !== Number.EPSILON) throw new Error("ulp(1) is machine epsilon");
 * ```
 * @category Assertions
 */
export function ulp(x: number): number {
  if (typeof x !== "number") {
    throw new InputTypeError(`ulp takes a number, got ${describe(x)}`);
  }
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
