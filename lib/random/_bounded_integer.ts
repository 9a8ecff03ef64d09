/**
 * Masked rejection sampling of an integer in [0, range], as numpy's legacy
 * `RandomState` does it: `random_bounded_uint64_fill(..., use_masked = true)` for
 * `randint`/`choice`, and `random_interval` for `shuffle`/`permutation`. Both draw
 * (next word ∧ mask) until the value is ≤ range, where mask = 2^⌈log₂(range + 1)⌉ − 1;
 * they use one 32-bit word when range ≤ 2³² − 1 and a 64-bit word (high word first)
 * otherwise, and draw nothing at all when range = 0. Private: not re-exported.
 *
 * @module
 */

import { ConvergenceError } from "../errors.ts";

import type { MT19937 } from "./mt19937.ts";

const TWO_POW_32 = 4294967296;
/**
 * Each try is accepted with probability > 1/2, so 2000 rejections in a row happen with
 * probability < 2⁻²⁰⁰⁰: the cap only turns a broken generator into an error instead of
 * an endless loop.
 */
export const MAX_REJECTIONS = 2000;

function tooManyRejections(range: number): never {
  throw new ConvergenceError(
    `Masked rejection for an integer in [0, ${range}] was rejected ${MAX_REJECTIONS} times in a row; the generator is broken`,
  );
}

/** The smallest 2^k − 1 that is ≥ value, for 0 ≤ value < 2³². */
function mask32(value: number): number {
  let mask = value >>> 0;
  mask |= mask >>> 1;
  mask |= mask >>> 2;
  mask |= mask >>> 4;
  mask |= mask >>> 8;
  mask |= mask >>> 16;
  return mask >>> 0;
}

/**
 * A uniform integer in [0, range] by masked rejection.
 *
 * @param generator The raw 32-bit stream.
 * @param range The largest value, an integer in [0, 2⁵³ − 1] (checked by the caller).
 * @returns An integer in [0, range].
 */
export function boundedByMask(generator: MT19937, range: number): number {
  if (range === 0) return 0;
  if (range <= 0xffffffff) {
    const mask = mask32(range);
    for (let tries = 0; tries < MAX_REJECTIONS; tries++) {
      const value = (generator.nextUint32() & mask) >>> 0;
      if (value <= range) return value;
    }
    return tooManyRejections(range);
  }
  // range < 2⁵³, so the mask's high word is below 2²¹ and value stays an exact double;
  // the mask's low word is all ones because range ≥ 2³².
  const highMask = mask32(Math.floor(range / TWO_POW_32));
  for (let tries = 0; tries < MAX_REJECTIONS; tries++) {
    const high = (generator.nextUint32() & highMask) >>> 0;
    const low = generator.nextUint32();
    const value = high * TWO_POW_32 + low;
    if (value <= range) return value;
  }
  return tooManyRejections(range);
}
