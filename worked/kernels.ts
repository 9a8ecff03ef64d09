/**
 * Worked results of the WebAssembly kernels (fixtures/wasm/): the f64x2 exponential's
 * table, its values at sampled points against mpmath, and the bytes it (and σ, tanh and
 * the row functions built on it) must produce on every engine — an FNV-1a hash over
 * seeded inputs, recorded by the generators from a numpy emulation of the same
 * operations, never from lib/.
 *
 * @module
 */

import type { Fixture } from "../oracle/fixture.ts";
import type { Subject } from "../oracle/subject.ts";
import { RandomState } from "../lib/random/random_state.ts";
import { EXP_TABLE_BITS } from "../lib/wasm/exp_table.ts";
import {
  expArrayWasm,
  logSoftmaxRowsWasm,
  logSumExpRowsWasm,
  sigmoidArrayWasm,
  softmaxRowsWasm,
  tanhArrayWasm,
} from "../lib/wasm/vecmath.ts";
import { fromRows, toRows } from "../lib/linalg/matrix.ts";

// Re-exported so that `deno doc --lint` finds every type the subjects' type refers to.
export type { Subject } from "../oracle/subject.ts";

/** One seeded set of a fixture's input: RandomState(seed).uniform(low, high, count)·scale. */
export interface SeededSet {
  readonly seed: number;
  readonly low: number;
  readonly high: number;
  readonly count: number;
  readonly scale: number;
}

/** JSON numbers, or the strings "Infinity", "-Infinity", "NaN", as numbers. */
export function numbers(values: readonly (number | string)[]): Float64Array {
  return Float64Array.from(values, (v) => Number(v));
}

/**
 * The seeded sets one after the other, then `extra` values: the points a generator
 * measured and hashed.
 *
 * @example
 * ```ts
 * import { seededPoints } from "./kernels.ts";
 * const x = seededPoints([{ seed: 1, low: 0, high: 1, count: 2, scale: 0.5 }], [7]);
 * if (x.length !== 3 || x[2] !== 7 || !(x[0] < 0.5)) throw new Error("two draws, then 7");
 * ```
 */
export function seededPoints(
  sets: readonly SeededSet[],
  extra: readonly (number | string)[] = [],
): Float64Array {
  const total = sets.reduce((sum, s) => sum + s.count, 0) + extra.length;
  const points = new Float64Array(total);
  let at = 0;
  for (const s of sets) {
    const part = points.subarray(at, at + s.count);
    new RandomState(s.seed).fillUniform(part, s.low, s.high);
    for (let i = 0; i < part.length; i++) part[i] *= s.scale;
    at += s.count;
  }
  points.set(numbers(extra), at);
  return points;
}

/**
 * FNV-1a (32-bit) over the little-endian 32-bit words of the doubles, in order, as 8 hex
 * digits: the generators' hash of a kernel's output bytes.
 *
 * @example The offset basis for no input, and a one-bit change moves the hash
 * ```ts
 * import { fnv1a32Words } from "./kernels.ts";
 * if (fnv1a32Words(new Float64Array(0)) !== "811c9dc5") throw new Error("basis");
 * if (fnv1a32Words(new Float64Array([1])) === fnv1a32Words(new Float64Array([1 + 2 ** -52]))) {
 *   throw new Error("differs");
 * }
 * ```
 */
export function fnv1a32Words(values: Float64Array): string {
  const view = new DataView(values.buffer, values.byteOffset, values.byteLength);
  let hash = 0x811c9dc5;
  for (let i = 0; i < values.byteLength; i += 4) {
    hash = Math.imul(hash ^ view.getUint32(i, true), 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

interface HashedInput {
  readonly sets: readonly SeededSet[];
  readonly special: readonly (number | string)[];
}

/** One seeded matrix of fixtures/wasm/vecmath.json: RandomState(seed).uniform(low, high). */
interface SeededRows {
  readonly seed: number;
  readonly rows: number;
  readonly cols: number;
  readonly low: number;
  readonly high: number;
}

/** σ or tanh at a fixture's points, and the hash of their bytes over its seeded sets. */
function elementwiseSubjects(name: "sigmoid" | "tanh", kernel: typeof sigmoidArrayWasm): Subject[] {
  return [
    {
      ids: [`wasm.${name}.points`],
      compute: (fixture: Fixture) => ({
        [name]: kernel(numbers(fixture.input.z as (number | string)[])),
      }),
    },
    {
      ids: [`wasm.${name}.bytes`],
      compute: (fixture: Fixture) => {
        const { sets, special } = fixture.input as unknown as HashedInput;
        const z = seededPoints(sets, special);
        return { count: z.length, fnv1a32: fnv1a32Words(kernel(z, z)) };
      },
    },
  ];
}

/** softmax, log-softmax and log-sum-exp of a block of rows, as arrays of rows. */
function rowResults(block: number[][], label: string): Record<string, unknown> {
  const m = fromRows(block);
  return {
    [`softmax_${label}`]: toRows(softmaxRowsWasm(m)),
    [`logSoftmax_${label}`]: toRows(logSoftmaxRowsWasm(m)),
    [`logSumExp_${label}`]: logSumExpRowsWasm(m),
  };
}

/** The kernels' worked results. */
export const SUBJECTS: readonly Subject[] = [
  {
    ids: ["wasm.exp.table"],
    compute: () => ({
      scale: EXP_TABLE_BITS.map(([, bits], j) => {
        const view = new DataView(new ArrayBuffer(8));
        view.setBigUint64(0, BigInt(`0x${bits}`) + (BigInt(j) << 45n));
        return view.getFloat64(0);
      }),
      tail: EXP_TABLE_BITS.map(([bits]) => {
        const view = new DataView(new ArrayBuffer(8));
        view.setBigUint64(0, BigInt(`0x${bits}`));
        return view.getFloat64(0);
      }),
    }),
  },
  {
    ids: ["wasm.exp.points"],
    compute: (fixture: Fixture) => ({
      exp: expArrayWasm(numbers(fixture.input.x as (number | string)[])),
    }),
  },
  {
    ids: ["wasm.exp.bytes"],
    compute: (fixture: Fixture) => {
      const { sets, special } = fixture.input as unknown as HashedInput;
      const x = seededPoints(sets, special);
      return { count: x.length, fnv1a32: fnv1a32Words(expArrayWasm(x, x)) };
    },
  },
  ...elementwiseSubjects("sigmoid", sigmoidArrayWasm),
  ...elementwiseSubjects("tanh", tanhArrayWasm),
  {
    ids: ["wasm.rows.points"],
    compute: (fixture: Fixture) => {
      const input = fixture.input as Record<string, number[][]>;
      return Object.fromEntries(
        Object.keys(input).flatMap((label) => Object.entries(rowResults(input[label], label))),
      );
    },
  },
  {
    ids: ["wasm.rows.bytes"],
    compute: (fixture: Fixture) => {
      const parts: Float64Array[] = [];
      for (const s of (fixture.input as unknown as { sets: SeededRows[] }).sets) {
        const data = new RandomState(s.seed).fillUniform(
          new Float64Array(s.rows * s.cols),
          s.low,
          s.high,
        );
        const m = { rows: s.rows, cols: s.cols, data };
        parts.push(softmaxRowsWasm(m).data, logSoftmaxRowsWasm(m).data, logSumExpRowsWasm(m));
      }
      const all = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
      let at = 0;
      for (const part of parts) {
        all.set(part, at);
        at += part.length;
      }
      return { fnv1a32: fnv1a32Words(all) };
    },
  },
];
