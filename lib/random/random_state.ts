/**
 * A seeded random stream that draws the same numbers as numpy's legacy
 * `np.random.RandomState(seed)`, so that a Python oracle and nnref can run the same
 * "random" experiment. Built on {@link MT19937}; each method follows numpy's legacy
 * code path (mtrand.pyx, legacy-distributions.c `legacy_gauss`/`legacy_normal`,
 * distributions.c `random_bounded_uint64_fill`/`random_interval`), checked against
 * numpy 2.4 by the fixtures in fixtures/random/random_state.json.
 *
 * One file on purpose (it is over 400 lines): every method advances the same MT19937
 * state and numpy's cached second Gaussian, in numpy's order, so the class is the unit
 * that must be read together; the integer-range sampler is already apart
 * (_bounded_integer.ts).
 *
 * numpy's global functions after `np.random.seed(seed)` draw from a RandomState seeded
 * the same way, so they map onto one `new RandomState(seed)` used in the same order:
 *
 * | numpy | nnref |
 * | --- | --- |
 * | `rand(n)`, `random_sample(n)` | `fillRandomSample(new Float64Array(n))` |
 * | `uniform(low, high, size)` | `fillUniform(out, low, high)` |
 * | `randn(n)`, `standard_normal(n)` | `fillNormal(out, 0, 1)` (0 + 1·z is exactly z) |
 * | `normal(loc, scale, size)` | `fillNormal(out, loc, scale)` |
 * | `randint(low, high, size)` | `randint(low, high)`, once per element |
 * | `choice(n, size, replace)`, `permutation(n)`, `shuffle(list)` | the same names |
 *
 * A `size=(rows, cols)` draw fills a row-major matrix in order, so it is the same
 * stream as `rows · cols` scalar draws (a Matrix's `data` can be filled directly).
 *
 * @module
 */

import { MT19937 } from "./mt19937.ts";
import { ArgumentRangeError, ConvergenceError, InputTypeError, NonFiniteError } from "../errors.ts";
import { describeValue } from "../_util/validate.ts";
import { boundedByMask, MAX_REJECTIONS } from "./_bounded_integer.ts";

/** 2⁻⁵³: random_sample's 53-bit integer k becomes k · 2⁻⁵³ ∈ [0, 1). */
const TWO_POW_MINUS_53 = 1 / 9007199254740992;
/** 2²⁶: the 27 high bits of the first word are shifted above the 26 of the second. */
const TWO_POW_26 = 67108864;
/** JS arrays hold at most 2³² − 1 entries. */
const MAX_ARRAY_LENGTH = 0xffffffff;

function requireNumber(value: number, what: string, method: string): void {
  if (typeof value !== "number") {
    throw new InputTypeError(
      `Cannot draw ${method}: ${what} must be a finite number, got ${describeValue(value)}`,
    );
  }
  if (!Number.isFinite(value)) {
    throw new NonFiniteError(
      `Cannot draw ${method}: ${what} must be a finite number, got ${value}`,
    );
  }
}

function requireCount(value: number, what: string, method: string, maximum: number): void {
  if (typeof value !== "number") {
    throw new InputTypeError(
      `Cannot draw ${method}: ${what} must be an integer in [0, ${maximum}], got ${
        describeValue(value)
      }`,
    );
  }
  if (!Number.isInteger(value) || value < 0 || value > maximum) {
    throw new ArgumentRangeError(
      `Cannot draw ${method}: ${what} must be an integer in [0, ${maximum}], got ${value}`,
    );
  }
}

/**
 * numpy's legacy `RandomState`, seeded with an integer: `new RandomState(seed)` draws
 * the same stream as `np.random.RandomState(seed)` method for method, including the
 * cached second value of the polar normal method, which survives interleaved calls of
 * other methods exactly as in numpy.
 *
 * @see fixtures/random/random_state.json
 *
 * @example Same seed, same stream as numpy (`np.random.RandomState(0).random_sample()`)
 * ```ts
 * import { RandomState } from "@nnref/nnref/random";
 * const rng = new RandomState(0);
 * if (rng.randomSample() !== 0.5488135039273248) throw new Error("numpy seed 0");
 * if (new RandomState(0).randint(0, 10) !== 5) throw new Error("numpy randint(0, 10)");
 * ```
 * @category Random numbers
 */
export class RandomState {
  readonly #generator: MT19937;
  #hasGauss = false;
  #gauss = 0;

  /**
   * Seeds MT19937 with `init_genrand(seed)`, as `np.random.RandomState(seed)` does for
   * an integer seed.
   *
   * @param seed An integer in [0, 2³²).
   * @throws {InputTypeError} for a value that is not a number (or array) where one is needed.
   * @throws {ArgumentRangeError} if the seed is not an integer in [0, 2³²).
   */
  constructor(seed: number) {
    if (typeof seed !== "number") {
      throw new InputTypeError(
        `Cannot create RandomState: the seed must be an integer in [0, 2**32), got ${
          describeValue(seed)
        }`,
      );
    }
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
      throw new ArgumentRangeError(
        `Cannot create RandomState: the seed must be an integer in [0, 2**32), got ${seed}`,
      );
    }
    this.#generator = new MT19937(seed);
  }

  /**
   * `random_sample()`: a double in [0, 1) with 53 random bits,
   * u = ((a ≫ 5) · 2²⁶ + (b ≫ 6)) · 2⁻⁵³ for two consecutive 32-bit words a, b.
   * Exact: no rounding happens anywhere.
   *
   * @returns u ∈ [0, 1), a multiple of 2⁻⁵³.
   *
   * @example
   * ```ts
   * import { RandomState } from "@nnref/nnref/random";
   * const u = new RandomState(42).randomSample();
   * if (u !== 0.3745401188473625) throw new Error("np.random.RandomState(42).random_sample()");
   * ```
   */
  randomSample(): number {
    const high = this.#generator.nextUint32() >>> 5;
    const low = this.#generator.nextUint32() >>> 6;
    return (high * TWO_POW_26 + low) * TWO_POW_MINUS_53;
  }

  /**
   * Fills `out` with successive {@link RandomState.randomSample} draws, as
   * `random_sample(size=out.length)` does.
   *
   * @param out The array to fill.
   * @returns `out`.
   * @throws {InputTypeError} if out is not a Float64Array.
   *
   * @example
   * ```ts
   * import { RandomState } from "@nnref/nnref/random";
   * const [first] = new RandomState(42).fillRandomSample(new Float64Array(3));
   * if (first !== new RandomState(42).randomSample()) throw new Error("same stream");
   * ```
   */
  fillRandomSample(out: Float64Array): Float64Array {
    if (!(out instanceof Float64Array)) {
      throw new InputTypeError(
        `Cannot fill random samples: out must be a Float64Array, got ${describeValue(out)}`,
      );
    }
    for (let i = 0; i < out.length; i++) out[i] = this.randomSample();
    return out;
  }

  /**
   * `uniform(low, high)`: low + (high − low) · u with u = random_sample(), exactly as
   * numpy evaluates it (one subtraction, one multiplication, one addition).
   *
   * @param low The lower bound (inclusive).
   * @param high The upper bound (exclusive except through rounding), high ≥ low.
   * @returns A double in [low, high].
   * @throws {InputTypeError} for a value that is not a number (or array) where one is needed.
   * @throws {NonFiniteError} if a bound is not finite.
   * @throws {ArgumentRangeError} if low > high, or high − low overflows.
   *
   * @example
   * ```ts
   * import { RandomState } from "@nnref/nnref/random";
   * const x = new RandomState(42).uniform(-1, 1);
   * if (x !== -1 + 2 * 0.3745401188473625) throw new Error("low + (high - low) * u");
   * ```
   */
  uniform(low: number, high: number): number {
    this.#checkUniform(low, high);
    return low + (high - low) * this.randomSample();
  }

  /**
   * Fills `out` with successive {@link RandomState.uniform} draws, as
   * `uniform(low, high, size=out.length)` does (and `size=(rows, cols)` in row-major
   * order).
   *
   * @param out The array to fill.
   * @param low The lower bound.
   * @param high The upper bound, high ≥ low.
   * @returns `out`.
   * @throws {InputTypeError} for a value that is not a number (or array) where one is needed.
   * @throws {NonFiniteError} if a bound is not finite.
   * @throws {ArgumentRangeError} if low > high, or high − low overflows.
   * @throws {InputTypeError} if out is not a Float64Array.
   *
   * @example Three weights in [−1, 1), as `np.random.uniform(-1, 1, size=3)`
   * ```ts
   * import { RandomState } from "@nnref/nnref/random";
   * const weights = new RandomState(0).fillUniform(new Float64Array(3), -1, 1);
   * if (weights[0] !== new RandomState(0).uniform(-1, 1)) throw new Error("same stream");
   * ```
   */
  fillUniform(out: Float64Array, low: number, high: number): Float64Array {
    if (!(out instanceof Float64Array)) {
      throw new InputTypeError(
        `Cannot fill uniform samples: out must be a Float64Array, got ${describeValue(out)}`,
      );
    }
    // Validate once, even when out is empty, so bad bounds never pass silently.
    this.#checkUniform(low, high);
    const range = high - low;
    for (let i = 0; i < out.length; i++) out[i] = low + range * this.randomSample();
    return out;
  }

  #checkUniform(low: number, high: number): void {
    requireNumber(low, "low", "uniform");
    requireNumber(high, "high", "uniform");
    if (low > high) {
      throw new ArgumentRangeError(
        `Cannot draw uniform: low must be ≤ high, got low ${low}, high ${high}`,
      );
    }
    if (!Number.isFinite(high - low)) {
      throw new ArgumentRangeError(
        `Cannot draw uniform: high − low overflows (low ${low}, high ${high})`,
      );
    }
  }

  /**
   * `standard_normal()`: numpy's `legacy_gauss`, the Marsaglia polar method with its
   * cached second value. Draw x₁ = 2u₁ − 1, x₂ = 2u₂ − 1 until 0 < r² = x₁² + x₂² < 1;
   * with f = √(−2 ln r² / r²) return f·x₂ now and f·x₁ on the next call.
   *
   * Math.log may differ from C's log by an ulp, so a draw may differ from numpy's in
   * the last bits; see the measured tolerance in fixtures/random/normal.json.
   *
   * @returns A standard normal deviate z ~ N(0, 1).
   *
   * @example The second call returns the cached value without drawing
   * ```ts
   * import { RandomState } from "@nnref/nnref/random";
   * const rng = new RandomState(1);
   * rng.standardNormal();
   * const twin = new RandomState(1);
   * twin.standardNormal();
   * twin.standardNormal(); // the cached value: the MT stream did not move
   * if (rng.randomSample() !== twin.randomSample()) throw new Error("cache draws nothing");
   * ```
   */
  standardNormal(): number {
    if (this.#hasGauss) {
      this.#hasGauss = false;
      const cached = this.#gauss;
      this.#gauss = 0;
      return cached;
    }
    let x1 = 0, x2 = 0, radiusSquared = 0;
    // Each try lands in the unit disc with probability π/4, so the cap (probability
    // < 10⁻¹³⁰⁰ of being reached) only turns a broken generator into an error.
    for (let tries = 0; radiusSquared >= 1 || radiusSquared === 0; tries++) {
      if (tries === MAX_REJECTIONS) {
        throw new ConvergenceError(
          `The polar method was rejected ${MAX_REJECTIONS} times in a row; the generator is broken`,
        );
      }
      x1 = 2 * this.randomSample() - 1;
      x2 = 2 * this.randomSample() - 1;
      radiusSquared = x1 * x1 + x2 * x2;
    }
    const factor = Math.sqrt(-2 * Math.log(radiusSquared) / radiusSquared);
    this.#gauss = factor * x1;
    this.#hasGauss = true;
    return factor * x2;
  }

  /**
   * `normal(mean, standardDeviation)`: mean + standardDeviation · z, z from
   * {@link RandomState.standardNormal} (numpy's `legacy_normal`: loc + scale · gauss).
   *
   * @param mean μ (numpy's `loc`).
   * @param standardDeviation σ ≥ 0 (numpy's `scale`); 0 returns μ but still draws.
   * @returns A deviate of N(μ, σ²).
   * @throws {InputTypeError} for a value that is not a number (or array) where one is needed.
   * @throws {NonFiniteError} if μ or σ is not finite.
   * @throws {ArgumentRangeError} if σ < 0.
   *
   * @example
   * ```ts
   * import { RandomState } from "@nnref/nnref/random";
   * const x = new RandomState(3).normal(10, 2);
   * if (x !== 10 + 2 * new RandomState(3).standardNormal()) throw new Error("μ + σz");
   * ```
   */
  normal(mean: number, standardDeviation: number): number {
    this.#checkNormal(mean, standardDeviation);
    return mean + standardDeviation * this.standardNormal();
  }

  /**
   * Fills `out` with successive {@link RandomState.normal} draws, as
   * `normal(mean, standardDeviation, size=out.length)` does.
   *
   * @param out The array to fill.
   * @param mean μ.
   * @param standardDeviation σ ≥ 0.
   * @returns `out`.
   * @throws {InputTypeError} for a value that is not a number (or array) where one is needed.
   * @throws {NonFiniteError} if μ or σ is not finite.
   * @throws {ArgumentRangeError} if σ < 0.
   * @throws {InputTypeError} if out is not a Float64Array.
   *
   * @example
   * ```ts
   * import { RandomState } from "@nnref/nnref/random";
   * const out = new RandomState(3).fillNormal(new Float64Array(2), 0, 1);
   * const rng = new RandomState(3);
   * if (out[1] !== (rng.standardNormal(), rng.standardNormal())) throw new Error("stream");
   * ```
   */
  fillNormal(out: Float64Array, mean: number, standardDeviation: number): Float64Array {
    if (!(out instanceof Float64Array)) {
      throw new InputTypeError(
        `Cannot fill normal samples: out must be a Float64Array, got ${describeValue(out)}`,
      );
    }
    this.#checkNormal(mean, standardDeviation);
    for (let i = 0; i < out.length; i++) out[i] = mean + standardDeviation * this.standardNormal();
    return out;
  }

  #checkNormal(mean: number, standardDeviation: number): void {
    requireNumber(mean, "mean", "normal");
    requireNumber(standardDeviation, "standardDeviation", "normal");
    if (standardDeviation < 0) {
      throw new ArgumentRangeError(
        `Cannot draw normal: standardDeviation must be ≥ 0, got ${standardDeviation}`,
      );
    }
  }

  /**
   * `randint(low, high)`: an integer in [low, high), low + k with k ∈ [0, high − 1 − low]
   * drawn by masked rejection (numpy's `random_bounded_uint64_fill` with
   * `use_masked`): one 32-bit word per try when high − 1 − low < 2³², a 64-bit word
   * otherwise, and no draw at all when high − low = 1. `randint(low, high, size=k)` draws
   * the same stream element by element.
   *
   * @param low The smallest value, a safe integer.
   * @param high One past the largest value, a safe integer > low, high − low ≤ 2⁵³ − 1.
   * @returns An integer in [low, high).
   * @throws {InputTypeError} for a value that is not a number (or array) where one is needed.
   * @throws {ArgumentRangeError} if a bound is not a safe integer, low ≥ high, or the range is
   *   too large for exact doubles.
   *
   * @example
   * ```ts
   * import { RandomState } from "@nnref/nnref/random";
   * const rng = new RandomState(0);
   * if (rng.randint(5, 6) !== 5) throw new Error("a one-element range");
   * if (rng.randint(0, 10) !== 5) throw new Error("and it drew nothing: numpy gives 5");
   * ```
   */
  randint(low: number, high: number): number {
    for (const [what, value] of [["low", low], ["high", high]] as const) {
      if (typeof value !== "number" || !Number.isSafeInteger(value)) {
        if (typeof value !== "number") {
          throw new InputTypeError(
            `Cannot draw randint: ${what} must be a safe integer, got ${describeValue(value)}`,
          );
        }
        throw new ArgumentRangeError(
          `Cannot draw randint: ${what} must be a safe integer, got ${value}`,
        );
      }
    }
    if (low >= high) {
      throw new ArgumentRangeError(
        `Cannot draw randint: low must be < high, got low ${low}, high ${high}`,
      );
    }
    if (high - low > Number.MAX_SAFE_INTEGER) {
      throw new ArgumentRangeError(
        `Cannot draw randint: high − low must be ≤ 2**53 − 1, got [${low}, ${high})`,
      );
    }
    return low + boundedByMask(this.#generator, high - 1 - low);
  }

  /**
   * `choice(populationSize, size, replace)`: `size` indices into [0, populationSize).
   * With replacement: `randint(0, populationSize)` per draw. Without replacement:
   * the first `size` entries of {@link RandomState.permutation}(populationSize), which
   * is how numpy's legacy path does it: it always consumes a full shuffle, even when
   * size = 0.
   *
   * @param populationSize n, the number of items to choose from.
   * @param size How many to choose.
   * @param replace Whether an index may be chosen more than once.
   * @returns The chosen indices.
   * @throws {InputTypeError} for a value that is not a number (or array) where one is needed.
   * @throws {ArgumentRangeError} if a size is not a non-negative integer, populationSize is 0
   *   while size > 0, or size > populationSize without replacement.
   *
   * @example Without replacement is a prefix of a permutation
   * ```ts
   * import { RandomState } from "@nnref/nnref/random";
   * const picked = new RandomState(9).choice(10, 5, false);
   * if (picked.join() !== "8,4,7,2,1") throw new Error("numpy RandomState(9).choice(10, 5, replace=False)");
   * ```
   */
  choice(populationSize: number, size: number, replace: boolean): number[] {
    requireCount(populationSize, "populationSize", "choice", Number.MAX_SAFE_INTEGER);
    requireCount(size, "size", "choice", MAX_ARRAY_LENGTH);
    if (typeof replace !== "boolean") {
      throw new InputTypeError(
        `Cannot draw choice: replace must be a boolean, got ${describeValue(replace)}`,
      );
    }
    if (populationSize === 0 && size > 0) {
      throw new ArgumentRangeError(
        `Cannot draw choice: populationSize must be > 0 unless no samples are taken (size ${size})`,
      );
    }
    if (replace) {
      const chosen = new Array<number>(size);
      for (let i = 0; i < size; i++) chosen[i] = this.randint(0, populationSize);
      return chosen;
    }
    if (size > populationSize) {
      throw new ArgumentRangeError(
        `Cannot draw choice: size ${size} is larger than populationSize ${populationSize} without replacement`,
      );
    }
    return this.permutation(populationSize).slice(0, size);
  }

  /**
   * `permutation(n)`: [0, 1, …, n − 1] put through {@link RandomState.shuffle}.
   *
   * @param n The number of items.
   * @returns A uniformly random permutation of 0 … n − 1.
   * @throws {InputTypeError} for a value that is not a number (or array) where one is needed.
   * @throws {ArgumentRangeError} if n is not an integer in [0, 2³² − 1].
   *
   * @example
   * ```ts
   * import { RandomState } from "@nnref/nnref/random";
   * const order = new RandomState(9).permutation(10);
   * if ([...order].sort((a, b) => a - b).join() !== "0,1,2,3,4,5,6,7,8,9") throw new Error("a permutation");
   * ```
   */
  permutation(n: number): number[] {
    requireCount(n, "n", "permutation", MAX_ARRAY_LENGTH);
    const items = new Array<number>(n);
    for (let i = 0; i < n; i++) items[i] = i;
    return this.shuffle(items);
  }

  /**
   * `shuffle(items)`, in place: Fisher–Yates from the end, for i = n − 1 down to 1 swap
   * items[i] with items[j], j ∈ [0, i] drawn by masked rejection (numpy's
   * `random_interval`).
   *
   * @param items The array to shuffle; reordered in place.
   * @returns `items`.
   * @throws {InputTypeError} if items is not an array.
   *
   * @example
   * ```ts
   * import { RandomState } from "@nnref/nnref/random";
   * const items = ["a", "b", "c"];
   * if (new RandomState(0).shuffle(items) !== items) throw new Error("in place");
   * ```
   */
  shuffle<T>(items: T[]): T[] {
    if (!Array.isArray(items)) {
      throw new InputTypeError(
        `Cannot shuffle: items must be an array, got ${describeValue(items)}`,
      );
    }
    for (let i = items.length - 1; i > 0; i--) {
      const j = boundedByMask(this.#generator, i);
      const held = items[i];
      items[i] = items[j];
      items[j] = held;
    }
    return items;
  }
}
