// Shared machinery of the benchmarks: a case registry, seeded inputs, the once-only
// correctness check before timing, and the ways of timing: mitata summary() groups for a
// full run (wall time), mitata's measure() with a tiny budget for --smoke, and with --cpu
// process CPU time (user + system, process.cpuUsage) over interleaved rounds, which a
// shared machine disturbs less than wall time. Process CPU time counts every thread of the
// process: the engine's own (concurrent GC and compilation) as well as a Worker.
import process from "node:process";
import { bench, do_not_optimize, measure, run, summary } from "mitata";
import { createMatrix, type Matrix } from "../lib/linalg/matrix.ts";
import { RandomState } from "../lib/random/random_state.ts";
import type { TwoCore } from "../lib/wasm/two_core.ts";

export interface Options {
  /** Tiny sizes and minimal iterations (CI). */
  readonly smoke: boolean;
  /** Also time every case by process CPU time over interleaved rounds. */
  readonly cpu?: boolean;
  /** The two-core kernels, when the run includes them (main.ts starts and closes them). */
  readonly twoCore?: TwoCore;
}

/** Accuracy reported beside the time (least squares, summation). */
export interface Accuracy {
  /** Log relative error, −log₁₀(|x − x*| / |x*|), minimum over the outputs. */
  lre?: number;
  /** Largest distance in units in the last place from the correctly rounded answer. */
  maxUlps?: number;
}

/** One timed kernel. `setup` builds nothing big: inputs are prepared by the family. */
export interface Case {
  /** Kernel family: matmul, matvec, activation, softmax, mlp, gd, lstsq, summation. */
  readonly family: string;
  /** The concept and size, e.g. "matmul n=256"; one mitata summary() per concept. */
  readonly concept: string;
  /** Variant name from the registry, or the peer's name. */
  readonly name: string;
  /** Our variant, or a peer library. */
  readonly kind: "variant" | "peer";
  /** The reference variant: the summary's baseline. */
  readonly baseline?: boolean;
  /** Floating-point operations per call, for GFLOP/s. */
  readonly flops?: number;
  /**
   * Checks the kernel once against the reference (throws if it disagrees) and returns
   * the closure to time. May be async (tfjs switches backends here).
   */
  readonly setup: () => (() => unknown) | Promise<() => unknown>;
  /** Filled in by setup for families that report error. */
  accuracy?: Accuracy;
  /** Numbers are float32 (tfjs): marked in the terminal output and the tables. */
  readonly float32?: boolean;
  /** Runs on two threads: CPU time counts both, wall time is what a caller waits. */
  readonly threads?: number;
  /** Why a number should be read with care (float32 peer, different algorithm, …). */
  note?: string;
}

/** What a run produced for one case. */
export interface Result {
  family: string;
  concept: string;
  name: string;
  kind: "variant" | "peer";
  baseline: boolean;
  /** Median time per call in nanoseconds. */
  medianNs: number;
  minNs: number;
  avgNs: number;
  samples: number;
  gflops?: number;
  accuracy?: Accuracy;
  note?: string;
  /** Median process CPU time per call (--cpu), nanoseconds; both threads' for two-core cases. */
  cpuNs?: number;
  /** Median wall time per call in the same interleaved rounds (--cpu), nanoseconds. */
  cpuRoundWallNs?: number;
  float32?: boolean;
  threads?: number;
}

/** Cases in registration order, plus notes about peers that were skipped. */
export class Suite {
  readonly cases: Case[] = [];
  readonly notes: string[] = [];
  add(entry: Case): void {
    this.cases.push(entry);
  }
  note(text: string): void {
    this.notes.push(text);
    console.log(`note: ${text}`);
  }
}

/** Entries uniform in [−1, 1) from numpy's stream for `seed` (RandomState, like numpy). */
export function randomMatrix(rows: number, cols: number, seed: number): Matrix {
  const rng = new RandomState(seed);
  const m = createMatrix(rows, cols);
  for (let i = 0; i < m.data.length; i++) m.data[i] = rng.uniform(-1, 1);
  return m;
}

/** A seeded vector, uniform in [low, high). */
export function randomVector(length: number, seed: number, low = -1, high = 1): Float64Array {
  const rng = new RandomState(seed);
  const v = new Float64Array(length);
  for (let i = 0; i < length; i++) v[i] = rng.uniform(low, high);
  return v;
}

/** Row-major rows as plain arrays (what ml-matrix and mathjs take). */
export function toArrays(m: Matrix): number[][] {
  return Array.from(
    { length: m.rows },
    (_, i) => Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)),
  );
}

/**
 * Throws unless |actual − expected| ≤ atol + rtol·|expected| everywhere (NaN matches
 * nothing). The bound is per family and per peer: float32 peers get a float32 bound.
 */
export function check(
  what: string,
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  rtol: number,
  atol = 0,
): void {
  if (actual.length !== expected.length) {
    throw new Error(`${what}: ${actual.length} values, expected ${expected.length}`);
  }
  for (let i = 0; i < expected.length; i++) {
    const a = Number(actual[i]), e = expected[i];
    if (!(Math.abs(a - e) <= atol + rtol * Math.abs(e))) {
      throw new Error(
        `${what} disagrees with the reference at index ${i}: ${a} vs ${e} (rtol ${rtol}, atol ${atol})`,
      );
    }
  }
}

/** Flattens nested arrays of numbers (ml-matrix to2DArray, mathjs toArray). */
export function flat(values: unknown): number[] {
  return (values as unknown[]).flat(Infinity as 1) as number[];
}

/** −log₁₀ of the largest relative error (capped at 17 for exact answers). */
export function logRelativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let worst = 17;
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i], a = actual[i];
    const lre = a === e
      ? 17
      : e === 0
      ? -Math.log10(Math.abs(a))
      : -Math.log10(Math.abs((a - e) / e));
    worst = Math.min(worst, lre);
  }
  return Math.max(0, worst);
}

function toResult(
  entry: Case,
  stats: { p50: number; min: number; avg: number; samples: number[] },
): Result {
  const result: Result = {
    family: entry.family,
    concept: entry.concept,
    name: entry.name,
    kind: entry.kind,
    baseline: entry.baseline ?? false,
    medianNs: stats.p50,
    minNs: stats.min,
    avgNs: stats.avg,
    samples: stats.samples.length,
  };
  if (entry.flops !== undefined) result.gflops = entry.flops / stats.p50;
  if (entry.accuracy !== undefined) result.accuracy = entry.accuracy;
  if (entry.note !== undefined) result.note = entry.note;
  if (entry.float32) result.float32 = true;
  if (entry.threads !== undefined) result.threads = entry.threads;
  return result;
}

/** The name mitata prints and --filter matches; float32 peers say so in the name. */
function benchmarkName(entry: Case): string {
  return `${entry.concept} · ${entry.name}${entry.float32 ? " [float32]" : ""}`;
}

/**
 * Calls of `run` per batch so that a batch takes about half a millisecond of wall time:
 * process.cpuUsage() is a system call (≈ 1 µs), so it is read once per batch, not per call.
 */
function batchSize(run: () => unknown): number {
  let calls = 1;
  for (;;) {
    const start = performance.now();
    for (let i = 0; i < calls; i++) do_not_optimize(run());
    if (performance.now() - start >= 0.5 || calls >= 1 << 20) return calls;
    calls *= 2;
  }
}

/** CPU and wall time of one call of `run`, over batches until at least `minimumMs` of CPU. */
function cpuSample(
  run: () => unknown,
  batch: number,
  minimumMs: number,
): { cpu: number; wall: number } {
  let calls = 0, cpu = 0;
  const start = process.cpuUsage(), wallStart = performance.now();
  do {
    for (let i = 0; i < batch; i++) do_not_optimize(run());
    calls += batch;
    const used = process.cpuUsage(start);
    cpu = (used.user + used.system) / 1e3;
  } while (cpu < minimumMs);
  return { cpu: (cpu * 1e6) / calls, wall: ((performance.now() - wallStart) * 1e6) / calls };
}

/**
 * Times every case of each concept by process CPU time: `rounds` rounds, each running
 * every case of the concept once for at least `minimumMs` of CPU, in turn (interleaved,
 * so a burst of load hits all of them); the median per call is kept.
 */
async function cpuTimes(
  cases: Case[],
  results: Result[],
  rounds: number,
  minimumMs: number,
): Promise<void> {
  const concepts = [...new Set(cases.map((entry) => entry.concept))];
  for (const concept of concepts) {
    const members = cases.filter((entry) => entry.concept === concept);
    const runs = await Promise.all(members.map((entry) => entry.setup()));
    const batches = runs.map(batchSize);
    const samples = members.map(() => ({ cpu: [] as number[], wall: [] as number[] }));
    for (let round = 0; round < rounds; round++) {
      runs.forEach((run, i) => {
        const { cpu, wall } = cpuSample(run, batches[i], minimumMs);
        samples[i].cpu.push(cpu);
        samples[i].wall.push(wall);
      });
    }
    const median = (values: number[]) => values.sort((x, y) => x - y)[values.length >> 1];
    members.forEach((entry, i) => {
      const result = results.find((r) => r.concept === concept && r.name === entry.name);
      if (!result) return;
      result.cpuNs = median(samples[i].cpu);
      result.cpuRoundWallNs = median(samples[i].wall);
      console.log(
        `${benchmarkName(entry).padEnd(56)} CPU ${
          (result.cpuNs / 1e3).toFixed(1).padStart(10)
        } µs` +
          `  wall ${(result.cpuRoundWallNs / 1e3).toFixed(1).padStart(10)} µs`,
      );
    });
  }
}

function timedGenerator(entry: Case) {
  return async function* () {
    const kernel = await entry.setup();
    yield () => do_not_optimize(kernel());
  };
}

/**
 * Times every case. Full mode: one mitata summary() per concept, printed by mitata,
 * baseline = the reference variant. Smoke mode: measure() with a few milliseconds each.
 */
export async function runSuite(suite: Suite, options: Options, filter?: RegExp): Promise<Result[]> {
  const cases = suite.cases.filter((entry) => !filter || filter.test(benchmarkName(entry)));
  const results: Result[] = [];
  if (options.smoke) {
    for (const entry of cases) {
      const stats = await measure(timedGenerator(entry), {
        min_cpu_time: 2e6,
        min_samples: 1,
        max_samples: 3,
        warmup_samples: 0,
        batch_samples: 16,
      });
      const result = toResult(entry, stats);
      results.push(result);
      const extra = entry.accuracy ? ` ${JSON.stringify(entry.accuracy)}` : "";
      console.log(
        `${benchmarkName(entry).padEnd(56)} ${
          (result.medianNs / 1e3).toFixed(1).padStart(10)
        } µs${extra}`,
      );
    }
    if (options.cpu) await cpuTimes(cases, results, 2, 0.2);
    return results;
  }
  const byName = new Map<string, Case>();
  const concepts = [...new Set(cases.map((entry) => entry.concept))];
  for (const concept of concepts) {
    summary(() => {
      for (const entry of cases.filter((c) => c.concept === concept)) {
        const name = benchmarkName(entry);
        if (byName.has(name)) throw new Error(`Two benchmarks are called "${name}"`);
        byName.set(name, entry);
        bench(name, timedGenerator(entry)).baseline(entry.baseline ?? false);
      }
    });
  }
  const { benchmarks } = await run({ throw: true, colors: false });
  for (const trial of benchmarks) {
    const entry = byName.get(trial.alias);
    const stats = trial.runs[0]?.stats;
    if (entry && stats) results.push(toResult(entry, stats));
  }
  if (options.cpu) {
    console.log("\nprocess CPU time per call, interleaved rounds (median of 15):");
    await cpuTimes(cases, results, 15, 5);
  }
  return results;
}
