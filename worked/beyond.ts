/**
 * Worked results beyond the five documents: NIST StRD linear least squares (certified
 * values), the Iris data of S1 §2.2.2's example, numpy's RandomState streams (which S2's
 * programs draw from) and matrix products against exact results.
 *
 * @module
 */

import type { Fixture } from "../oracle/fixture.ts";
import type { Subject } from "../oracle/subject.ts";
import { fromRows } from "../lib/linalg/matrix.ts";
import { matmul } from "../lib/linalg/matmul.ts";
import type { LeastSquaresMethod } from "../lib/linalg/lstsq.ts";
import { designMatrix } from "../lib/regression/design.ts";
import { fitLinearModel, type LinearFit } from "../lib/regression/fit_statistics.ts";
import { polynomialDesign, polynomialDesignDoubleDouble } from "../lib/regression/polynomial.ts";
import { initGenrand, MT19937 } from "../lib/random/mt19937.ts";
import { RandomState } from "../lib/random/random_state.ts";

// NIST StRD linear least squares.

/** The input of a NIST StRD fixture (fixtures/nist/).
 * @category Worked results */
export interface NistInput {
  /** "polynomial" (powers of x[0] up to `degree`) or "linear" (the columns of x). */
  readonly model: "polynomial" | "linear";
  /** The polynomial degree (null for a linear model). */
  readonly degree: number | null;
  /** Whether the model has B0 (NoInt1 and NoInt2 do not). */
  readonly intercept: boolean;
  /** The response, one value per observation. */
  readonly y: number[];
  /** The predictor columns, each one value per observation. */
  readonly x: number[][];
}

/**
 * Fits a NIST StRD dataset by `method`: polynomial designs are built in double-double
 * for the accurate method (powers rounded to double alone cost Filip half its digits).
 * `refine` asks the "tsqr" method for its refinement step.
 * @category Worked results
 */
export function fitNist(
  input: NistInput,
  method: LeastSquaresMethod,
  options: { readonly refine?: boolean } = {},
): LinearFit {
  let design;
  if (input.model === "polynomial") {
    const degree = input.degree as number;
    const powers = method === "accurate"
      ? polynomialDesignDoubleDouble(input.x[0], degree)
      : polynomialDesign(input.x[0], degree);
    // Without an intercept NIST's model is y = B1·x: drop the column of ones.
    design = input.intercept ? powers : dropFirstColumn(powers);
  } else {
    design = designMatrix(input.x, { intercept: input.intercept });
  }
  return fitLinearModel(design, input.y, {
    method,
    intercept: input.intercept,
    ...(options.refine ? { refine: true } : {}),
  });
}

function dropFirstColumn<T extends { rows: number; cols: number }>(m: T): T {
  const record = m as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = { rows: m.rows, cols: m.cols - 1 };
  for (const key of ["data", "hi", "lo"]) {
    const values = record[key] as Float64Array | undefined;
    if (values === undefined) continue;
    out[key] = values.filter((_, k) => k % m.cols !== 0);
  }
  return out as unknown as T;
}

/** Every NIST StRD dataset by the accurate method: coefficients, SDs, residual SD, R². */
const nist: Subject = {
  ids: ["nist.lls.*"],
  compute: (fixture: Fixture) => {
    const fit = fitNist(fixture.input as unknown as NistInput, "accurate");
    return {
      coefficients: fit.weights,
      standardDeviations: fit.standardDeviations,
      residualStandardDeviation: fit.residualStandardDeviation,
      rSquared: fit.rSquared,
    };
  },
};

// The Iris data.

/** Class counts and class means of the Iris data. */
const iris: Subject = {
  ids: ["iris"],
  compute: (fx) => {
    const features = fx.input.features as number[][], labels = fx.input.labels as number[];
    const classCounts = [0, 1, 2].map((k) => labels.filter((l) => l === k).length);
    const classMeans = [0, 1, 2].map((k) => {
      const rows = features.filter((_, i) => labels[i] === k);
      return [0, 1, 2, 3].map((j) => rows.reduce((s, r) => s + r[j], 0) / rows.length);
    });
    return { classCounts, classMeans };
  },
};

// numpy's RandomState streams.

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

/** Every RandomState subject, one per fixture family. */
const RANDOM: readonly Subject[] = [
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

// Matrix products against exact results.

/** C = AB against the exact product. */
const matmulProducts: Subject = {
  ids: ["linalg.matmul.*"],
  compute: (fixture: Fixture) => {
    const { a, b } = fixture.input as unknown as { a: number[][]; b: number[][] };
    return { product: matmul(fromRows(a), fromRows(b)) };
  },
};

/** Every subject beyond the documents.
 * @category Worked results */
export const SUBJECTS: readonly Subject[] = [nist, iris, ...RANDOM, matmulProducts];
