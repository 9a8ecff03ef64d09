/**
 * How the fixtures in fixtures/random/ are computed with lib/random: one subject per
 * fixture family, shared by spec/random/ and the report. Private: not re-exported.
 *
 * @module
 */

import type { Fixture } from "../oracle/fixture.ts";
import type { Subject } from "../oracle/subject.ts";
import { initGenrand, MT19937 } from "./mt19937.ts";
import { RandomState } from "./random_state.ts";

// Re-exported so that `deno doc --lint` finds every type SUBJECTS's type refers to.
export type { Subject } from "../oracle/subject.ts";
export type {
  Erratum,
  ExpectedValue,
  Fixture,
  FixtureOracle,
  FixtureSource,
} from "../oracle/fixture.ts";
export type { Tolerance } from "../oracle/assert_close.ts";

/** One call of the interleaved fixtures, as written in their `input.calls`. */
interface Call {
  readonly method: string;
  readonly low: number;
  readonly high: number;
  readonly mean: number;
  readonly standardDeviation: number;
  readonly populationSize: number;
  readonly size: number;
  readonly replace: boolean;
  readonly n: number;
  readonly count: number;
  readonly items: unknown[];
}

function input<T>(fixture: Fixture): T {
  return fixture.input as T;
}

/** Runs one call on `rng` and returns its result as a list, as the generator does. */
function perform(rng: RandomState, call: Call): unknown[] {
  const p = call;
  switch (call.method) {
    case "randomSample":
      return [rng.randomSample()];
    case "standardNormal":
      return [rng.standardNormal()];
    case "randint":
      return [rng.randint(p.low, p.high)];
    case "uniform":
      return [rng.uniform(p.low, p.high)];
    case "normal":
      return [rng.normal(p.mean, p.standardDeviation)];
    case "choice":
      return rng.choice(p.populationSize, p.size, p.replace);
    case "shuffle":
      return rng.shuffle([...p.items]);
    case "permutation":
      return rng.permutation(p.n);
    case "fillRandomSample":
      return Array.from(rng.fillRandomSample(new Float64Array(p.count)));
    case "fillUniform":
      return Array.from(rng.fillUniform(new Float64Array(p.count), p.low, p.high));
    case "fillNormal":
      return Array.from(
        rng.fillNormal(new Float64Array(p.count), p.mean, p.standardDeviation),
      );
    default:
      throw new RangeError(`Unknown RandomState method in a fixture call: "${call.method}"`);
  }
}

/** `count` results of `draw` on a fresh RandomState(seed). */
function repeat(seed: number, count: number, draw: (rng: RandomState) => number): number[] {
  const rng = new RandomState(seed);
  return Array.from({ length: count }, () => draw(rng));
}

/** Every subject of fixtures/random/*.json. */
export const SUBJECTS: readonly Subject[] = [
  {
    ids: ["random.mt19937.init_genrand.*"],
    compute: (fixture) => ({
      state: Array.from(initGenrand(input<{ seed: number }>(fixture).seed)),
    }),
  },
  {
    ids: ["random.mt19937.genrand_int32.*"],
    compute: (fixture) => {
      const { seed, count } = input<{ seed: number; count: number }>(fixture);
      const generator = new MT19937(seed);
      return { words: Array.from({ length: count }, () => generator.nextUint32()) };
    },
  },
  {
    ids: ["random.mt19937.cpp_rand_predef"],
    compute: (fixture) => {
      const { seed, index } = input<{ seed: number; index: number }>(fixture);
      const generator = new MT19937(seed);
      let word = 0;
      for (let i = 0; i < index; i++) word = generator.nextUint32();
      return { word };
    },
  },
  {
    ids: ["random.random_sample.*"],
    compute: (fixture) => {
      const { seed, count } = input<{ seed: number; count: number }>(fixture);
      return { draws: new RandomState(seed).fillRandomSample(new Float64Array(count)) };
    },
  },
  {
    ids: ["random.uniform.*"],
    compute: (fixture) => {
      const { seed, low, high, count } = input<
        { seed: number; low: number; high: number; count: number }
      >(fixture);
      return { draws: repeat(seed, count, (rng) => rng.uniform(low, high)) };
    },
  },
  {
    ids: ["random.standard_normal.*"],
    compute: (fixture) => {
      const { seed, count } = input<{ seed: number; count: number }>(fixture);
      return { draws: repeat(seed, count, (rng) => rng.standardNormal()) };
    },
  },
  {
    ids: ["random.normal.*"],
    compute: (fixture) => {
      const { seed, mean, standardDeviation, count } = input<
        { seed: number; mean: number; standardDeviation: number; count: number }
      >(fixture);
      return {
        draws: repeat(seed, count, (rng) => rng.normal(mean, standardDeviation)),
        filled: new RandomState(seed).fillNormal(
          new Float64Array(count),
          mean,
          standardDeviation,
        ),
      };
    },
  },
  {
    ids: ["random.randint.*"],
    compute: (fixture) => {
      const { seed, low, high, count } = input<
        { seed: number; low: number; high: number; count: number }
      >(fixture);
      // numpy's randint(low, high, size=count) is the same stream as count scalar calls.
      const draws = repeat(seed, count, (rng) => rng.randint(low, high));
      return { draws, drawsSized: repeat(seed, count, (rng) => rng.randint(low, high)) };
    },
  },
  {
    ids: ["random.choice.*"],
    compute: (fixture) => {
      const { seed, calls } = input<
        {
          seed: number;
          calls: { populationSize: number; size: number; replace: boolean }[];
        }
      >(fixture);
      const rng = new RandomState(seed);
      return {
        chosen: calls.flatMap((call) => rng.choice(call.populationSize, call.size, call.replace)),
      };
    },
  },
  {
    ids: ["random.permutation.*"],
    compute: (fixture) => {
      const { seed, sizes } = input<{ seed: number; sizes: number[] }>(fixture);
      const rng = new RandomState(seed);
      return { permutations: sizes.flatMap((n) => rng.permutation(n)) };
    },
  },
  {
    ids: ["random.shuffle.*"],
    compute: (fixture) => {
      const { seed, items } = input<{ seed: number; items: unknown[] }>(fixture);
      return { shuffled: new RandomState(seed).shuffle([...items]) };
    },
  },
  {
    ids: ["random.interleaved.*", "random.numpy_global.*"],
    compute: (fixture) => {
      const { seed, calls } = input<{ seed: number; calls: Call[] }>(fixture);
      const rng = new RandomState(seed);
      return { values: calls.flatMap((call) => perform(rng, call)) };
    },
  },
];
