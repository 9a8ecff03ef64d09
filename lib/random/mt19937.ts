/**
 * The Mersenne Twister MT19937 (Matsumoto & Nishimura 1998), the raw 32-bit generator
 * behind numpy's legacy `np.random.RandomState`.
 *
 * Reference: M. Matsumoto and T. Nishimura, "Mersenne Twister: a 623-dimensionally
 * equidistributed uniform pseudo-random number generator", ACM TOMACS 8(1):3–30, 1998;
 * the reference code `mt19937ar.c` (2002) whose `init_genrand` numpy calls as
 * `mt19937_seed` when `RandomState` is given an integer seed.
 *
 * All state words are unsigned 32-bit integers held in a `Uint32Array`, so every store
 * reduces modulo 2³² exactly as the C code's `uint32_t` does.
 *
 * @module
 */

import { ArgumentRangeError, InputTypeError } from "../errors.ts";
import { describeValue } from "../_util/validate.ts";

/** Number of 32-bit words in the MT19937 state (n = 624).
 * @category Random numbers */
export const MT19937_STATE_SIZE = 624;

/** The middle offset m = 397 of the twist recurrence. */
const MIDDLE = 397;
/** The last row a = 0x9908b0df of the twist matrix A. */
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

/**
 * Seeds an MT19937 state as `init_genrand` does:
 * x₀ = seed, xᵢ = (1812433253 · (xᵢ₋₁ ⊕ (xᵢ₋₁ ≫ 30)) + i) mod 2³² for i = 1 … 623.
 *
 * numpy's `RandomState(seed)` for an integer 0 ≤ seed < 2³² uses exactly this (its
 * `mt19937_seed`); arrays of seeds would use `init_by_array`, which nnref does not need.
 *
 * @param seed An integer in [0, 2³²).
 * @returns A fresh 624-word state (not yet twisted).
 * @throws {InputTypeError} if the seed is not a number.
 * @throws {ArgumentRangeError} if the seed is not an integer in [0, 2³²).
 *
 * @example The first words of the state for seed 1
 * ```ts
 * import { initGenrand } from "@nnref/nnref/random";
 * const state = initGenrand(1);
 * // x₁ = 1812433253 · (1 ⊕ 0) + 1
 * if (state[0] !== 1 || state[1] !== 1812433254) throw new Error("init_genrand recurrence");
 * ```
 * @category Random numbers
 */
export function initGenrand(seed: number): Uint32Array {
  if (typeof seed !== "number") {
    throw new InputTypeError(
      `Cannot seed MT19937: the seed must be an integer in [0, 2**32), got ${describeValue(seed)}`,
    );
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new ArgumentRangeError(
      `Cannot seed MT19937: the seed must be an integer in [0, 2**32), got ${seed}`,
    );
  }
  const state = new Uint32Array(MT19937_STATE_SIZE);
  state[0] = seed;
  for (let i = 1; i < MT19937_STATE_SIZE; i++) {
    const previous = state[i - 1];
    // Math.imul keeps the low 32 bits of the product, as uint32_t multiplication does.
    state[i] = (Math.imul(1812433253, previous ^ (previous >>> 30)) + i) >>> 0;
  }
  return state;
}

/**
 * Regenerates all 624 words in place (the "twist"):
 * y = (xₖ ∧ 0x80000000) ∨ (xₖ₊₁ ∧ 0x7fffffff),
 * xₖ ← xₖ₊₃₉₇ ⊕ (y ≫ 1) ⊕ (y odd ? 0x9908b0df : 0), indices modulo 624.
 *
 * @param state A 624-word state; overwritten.
 * @returns The same array.
 * @throws {InputTypeError} if state is not a Uint32Array of 624 words.
 *
 * @example Twisting is deterministic
 * ```ts
 * import { initGenrand, twistState } from "@nnref/nnref/random";
 * const a = twistState(initGenrand(7));
 * const b = twistState(initGenrand(7));
 * if (!a.every((word, i) => word === b[i])) throw new Error("same seed, same twist");
 * ```
 * @category Random numbers
 */
export function twistState(state: Uint32Array): Uint32Array {
  if (!(state instanceof Uint32Array) || state.length !== MT19937_STATE_SIZE) {
    throw new InputTypeError(
      `state must be a Uint32Array of ${MT19937_STATE_SIZE} words (from initGenrand), got ${
        describeValue(state)
      }`,
    );
  }
  const n = MT19937_STATE_SIZE;
  for (let k = 0; k < n; k++) {
    const y = (state[k] & UPPER_MASK) | (state[(k + 1) % n] & LOWER_MASK);
    state[k] = state[(k + MIDDLE) % n] ^ (y >>> 1) ^ ((y & 1) === 1 ? MATRIX_A : 0);
  }
  return state;
}

/**
 * The tempering transform applied to each state word on output:
 * y ⊕= y ≫ 11; y ⊕= (y ≪ 7) ∧ 0x9d2c5680; y ⊕= (y ≪ 15) ∧ 0xefc60000; y ⊕= y ≫ 18.
 *
 * @param word An unsigned 32-bit state word.
 * @returns The tempered word, an integer in [0, 2³²).
 * @throws {InputTypeError} if word is not a number.
 *
 * @example Zero is a fixed point
 * ```ts
 * import { temper } from "@nnref/nnref/random";
 * if (temper(0) !== 0) throw new Error("tempering is linear over GF(2)");
 * ```
 * @category Random numbers
 */
export function temper(word: number): number {
  if (typeof word !== "number") {
    throw new InputTypeError(`word must be a number, got ${describeValue(word)}`);
  }
  let y = word >>> 0;
  y ^= y >>> 11;
  y ^= (y << 7) & 0x9d2c5680;
  y ^= (y << 15) & 0xefc60000;
  y ^= y >>> 18;
  return y >>> 0;
}

/**
 * The MT19937 generator: `genrand_int32` draws one tempered 32-bit word, twisting the
 * state every 624 draws. Bit-identical to numpy's `RandomState(seed)` raw stream
 * (`RandomState(seed)._bit_generator.random_raw()`) and to C++'s `std::mt19937(seed)`.
 *
 * @see fixtures/random/mt19937.json
 *
 * @example The C++ standard's check: the 10000th draw of seed 5489 is 4123659995
 * ```ts
 * import { MT19937 } from "@nnref/nnref/random";
 * const generator = new MT19937(5489);
 * let word = 0;
 * for (let i = 0; i < 10000; i++) word = generator.nextUint32();
 * if (word !== 4123659995) throw new Error("ISO C++ [rand.predef] mt19937");
 * ```
 * @category Random numbers
 */
export class MT19937 {
  readonly #state: Uint32Array;
  #position: number;

  /**
   * Seeds the state with {@link initGenrand}.
   *
   * @param seed An integer in [0, 2³²).
   * @throws {InputTypeError} if the seed is not a number.
   * @throws {ArgumentRangeError} if the seed is not an integer in [0, 2³²).
   */
  constructor(seed: number) {
    this.#state = initGenrand(seed);
    // Position n forces a twist before the first draw, as mt19937ar.c does.
    this.#position = MT19937_STATE_SIZE;
  }

  /**
   * `genrand_int32`: the next tempered word.
   *
   * @returns An integer in [0, 2³²).
   *
   * @example First draw of seed 0 (numpy `RandomState(0)`)
   * ```ts
   * import { MT19937 } from "@nnref/nnref/random";
   * if (new MT19937(0).nextUint32() !== 2357136044) throw new Error("seed 0");
   * ```
   */
  nextUint32(): number {
    if (this.#position >= MT19937_STATE_SIZE) {
      twistState(this.#state);
      this.#position = 0;
    }
    return temper(this.#state[this.#position++]);
  }
}
