/**
 * Random numbers: MT19937 and RandomState, stream-identical to numpy's RandomState for the
 * same seed.
 *
 * @example
 * ```ts
 * import { RandomState } from "@nnref/nnref/random";
 * const a = new RandomState(42).randomSample(3), b = new RandomState(42).randomSample(3);
 * if (a.join() !== b.join()) throw new Error("same seed, same stream");
 * ```
 *
 * @module
 */

export { initGenrand, MT19937, MT19937_STATE_SIZE, temper, twistState } from "./mt19937.ts";
export { RandomState } from "./random_state.ts";
