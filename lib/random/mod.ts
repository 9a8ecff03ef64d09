/**
 * Random numbers: MT19937 and RandomState, stream-identical to numpy's RandomState for the
 * same seed.
 *
 * @example
 * ```ts
 * import { RandomState } from "@nnref/nnref/random";
 * // numpy: np.random.RandomState(0).random_sample() == 0.5488135039273248
 * if (new RandomState(0).randomSample() !== 0.5488135039273248) throw new Error("numpy's stream");
 * ```
 *
 * @module
 */

export { initGenrand, MT19937, MT19937_STATE_SIZE, temper, twistState } from "./mt19937.ts";
export { RandomState } from "./random_state.ts";
