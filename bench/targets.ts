// The performance targets BENCHMARKS.md marks met or missed, evaluated from the numbers
// of one run per runtime and the numpy run (bench/render.ts prints them). Issue 15's
// targets compare process CPU time where the run has it (--cpu: robust on a shared
// machine) and wall time otherwise; a two-core variant is compared by wall time (its CPU
// time counts both threads). The explanations of misses are measured facts, kept in
// MISS_REASONS beside the targets, keyed by id and runtime.

/** One row of a run's JSON (bench/_harness.ts Result, or numpy_bench.py's). */
export interface Row {
  readonly family: string;
  readonly concept: string;
  readonly name: string;
  readonly kind: string;
  readonly baseline: boolean;
  readonly medianNs: number;
  readonly cpuNs?: number;
  readonly cpuRoundWallNs?: number;
  readonly gflops?: number;
  readonly accuracy?: { lre?: number; maxUlps?: number };
  readonly note?: string;
  readonly float32?: boolean;
  readonly threads?: number;
}

/** A run's JSON. */
export interface Report {
  runtime: string;
  date?: string;
  smoke?: boolean;
  machine?: {
    cpu: string;
    logicalCpus: number;
    loadAverage?: { start: number[]; end: number[] };
  };
  notes?: string[];
  results: Row[];
  blas?: string;
  openblasCore?: string;
  removedEnvironment?: Record<string, string>;
  cpu?: string;
  loadAverage?: number[];
  threads?: string;
}

/** A target: [met, what was measured] per runtime, or undefined without data. */
export interface Target {
  readonly id: string;
  readonly text: string;
  readonly evaluate: (report: Report, numpy: Report | undefined) => [boolean, string] | undefined;
}

export function find(report: Report | undefined, concept: string, name: string): Row | undefined {
  return report?.results.find((r) => r.concept === concept && r.name === name);
}

/** The time a target compares: CPU when both sides have it (one thread), else wall. */
function pair(ours: Row, theirs: Row, wall: boolean): { a: number; b: number; what: string } {
  if (!wall && ours.cpuNs !== undefined && theirs.cpuNs !== undefined) {
    return { a: ours.cpuNs, b: theirs.cpuNs, what: "CPU" };
  }
  const oursWall = ours.cpuRoundWallNs ?? ours.medianNs, theirsWall = theirs.medianNs;
  return { a: oursWall, b: theirsWall, what: "wall" };
}

export function time(ns: number | undefined): string {
  if (ns === undefined || !Number.isFinite(ns)) return "—";
  if (ns < 1e3) return `${ns.toFixed(0)} ns`;
  if (ns < 1e6) return `${(ns / 1e3).toFixed(ns < 1e4 ? 2 : 1)} µs`;
  if (ns < 1e9) return `${(ns / 1e6).toFixed(ns < 1e7 ? 2 : 1)} ms`;
  return `${(ns / 1e9).toFixed(2)} s`;
}

export function ratio(x: number | undefined): string {
  if (x === undefined || !Number.isFinite(x)) return "—";
  return x >= 100 ? `${x.toFixed(0)}×` : x >= 10 ? `${x.toFixed(1)}×` : `${x.toFixed(2)}×`;
}

/** ours against theirs: theirs/ours ≥ factor. */
function compare(
  ours: Row | undefined,
  theirs: Row | undefined,
  factor: number,
  label: string,
  wall = false,
): [boolean, string] | undefined {
  if (!ours || !theirs) return undefined;
  const { a, b, what } = pair(ours, theirs, wall);
  const speed = b / a;
  return [
    speed >= factor,
    `${ours.name} ${time(a)} vs ${label} ${time(b)} (${what}): ${ratio(speed)}`,
  ];
}

const SIGMOID = "sigmoid n=1000000", SOFTMAX = "softmax rows 1000x1000";
const MLP_LARGE = "mlp 3-4-4-3 forward batch=100000", MLP_SMALL = "mlp 3-4-4-3 forward batch=7";
const LSTSQ = "lstsq 10000x10 k=3", GEMM = "matmul n=256";

/** Issue 15's targets. */
export const TARGETS: Target[] = [
  {
    id: "mlp-large",
    text: "MLP forward 3-4-4-3, batch 10⁵: ≥ 1.5× numpy (1 thread, as written)",
    evaluate: (r, n) =>
      compare(find(r, MLP_LARGE, "wasmSimd"), find(n, MLP_LARGE, "numpy"), 1.5, "numpy"),
  },
  {
    id: "mlp-small",
    text: "MLP forward 3-4-4-3, batch 7: ≥ 15× numpy",
    evaluate: (r, n) =>
      compare(find(r, MLP_SMALL, "wasmSimd"), find(n, MLP_SMALL, "numpy"), 15, "numpy"),
  },
  {
    id: "sigmoid-expit",
    text: "σ, 10⁶ values: ≥ 1× scipy's expit",
    evaluate: (r, n) =>
      compare(find(r, SIGMOID, "wasmSimd"), find(n, SIGMOID, "scipy-expit"), 1, "expit"),
  },
  {
    id: "sigmoid-inplace",
    text: "σ, 10⁶ values: ≥ 0.6× numpy in place, one thread",
    evaluate: (r, n) =>
      compare(
        find(r, SIGMOID, "wasmSimd"),
        find(n, SIGMOID, "numpy in place"),
        0.6,
        "numpy in place",
      ),
  },
  {
    id: "sigmoid-two-core",
    text: "σ, 10⁶ values: ≥ 1× numpy in place with two cores (wall time)",
    evaluate: (r, n) =>
      compare(
        find(r, SIGMOID, "twoCore"),
        find(n, SIGMOID, "numpy in place"),
        1,
        "numpy in place",
        true,
      ),
  },
  {
    id: "softmax-inplace",
    text: "row softmax 1000 × 1000: ≥ 0.7× numpy in place, one thread",
    evaluate: (r, n) =>
      compare(
        find(r, SOFTMAX, "wasmSimd"),
        find(n, SOFTMAX, "numpy in place"),
        0.7,
        "numpy in place",
      ),
  },
  {
    id: "softmax-two-core",
    text: "row softmax 1000 × 1000: ≥ 1× numpy in place with two cores (wall time)",
    evaluate: (r, n) =>
      compare(
        find(r, SOFTMAX, "twoCore"),
        find(n, SOFTMAX, "numpy in place"),
        1,
        "numpy in place",
        true,
      ),
  },
  {
    id: "lstsq",
    text: "least squares 10000 × 10, k = 3: ≥ 1.2× numpy's QR",
    evaluate: (r, n) =>
      compare(find(r, LSTSQ, "tsqr"), find(n, LSTSQ, "numpy-qr"), 1.2, "numpy's QR"),
  },
  {
    id: "lstsq-nist",
    text: "… with LRE on every NIST StRD dataset ≥ numpy's QR",
    // Deno and Bun give the same bits; the table and spec/lib/wasm/tsqr_test.ts pin it.
    evaluate: () => [
      false,
      "tsqr ≥ numpy's QR on 9 of 11 datasets (table below); below on noint1 (−0.05) and filip (−0.42)",
    ],
  },
  {
    id: "gemm-fma",
    text: "GEMM n = 256: ≥ 0.33× numpy (1 thread) on V8 with the FMA variant",
    evaluate: (r, n) => compare(find(r, GEMM, "wasmFma"), find(n, GEMM, "numpy"), 1 / 3, "numpy"),
  },
  {
    id: "gemm-tile",
    text: "GEMM n = 256: the bit-identical tile ≥ 1.35× the kernel before this work, both engines",
    evaluate: (r) =>
      compare(find(r, GEMM, "wasmSimd"), find(r, GEMM, "wasm 4×6 packed (before)"), 1.35, "before"),
  },
  {
    id: "gd",
    text: "GD step m = 10⁵, d = 3: stays where it was (no kernel changed): same-run ratio to numpy",
    evaluate: (r, n) => {
      const ours =
        ["fused", "twoPass"].map((name) => find(r, "gd step m=100000 d=3", name)).filter((x) => x)
          .sort((a, b) => (a!.cpuNs ?? a!.medianNs) - (b!.cpuNs ?? b!.medianNs))[0];
      const result = compare(ours, find(n, "gd step m=100000 d=3", "numpy"), 0, "numpy");
      return result && [true, `${result[1]} (the GD kernels are unchanged by this work)`];
    },
  },
];
