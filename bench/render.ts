// Renders BENCHMARKS.md from the JSON of a Deno run, a Bun run and the numpy run:
//
//   deno run --allow-read --allow-write=BENCHMARKS.md bench/render.ts \
//     out/bench-deno.json out/bench-bun.json out/bench-numpy.json > BENCHMARKS.md
//
// (or with `--out BENCHMARKS.md`; `--note "…"` adds a quoted caveat at the top). Targets are evaluated from the numbers, so a re-run on
// a quiet machine re-decides MET/MISSED; the explanations of misses are fixed text below.
import process from "node:process";
import { readFileSync, writeFileSync } from "node:fs";
import type { Result } from "./_harness.ts";

interface Report {
  runtime: string;
  date?: string;
  smoke?: boolean;
  machine?: { cpu: string; logicalCpus: number };
  notes?: string[];
  results: (Omit<Result, "kind"> & { kind: string })[];
  blas?: string;
  threads?: string;
}

type Row = Report["results"][number];

const FAMILY_TITLES: Record<string, string> = {
  matmul: "Matrix product C = AB (float64; GFLOP/s = 2n³ / median)",
  matvec: "Matrix-vector product and dot product",
  activation: "Elementwise activations (σ and σ′ from outputs) on 10⁶ values",
  softmax: "Row softmax",
  mlp: "Document 002's 3-4-4-3 network (sigmoid, sigmoid, softmax)",
  gd: "One batch gradient-descent step, least squares",
  lstsq: "Least squares, 3 right-hand sides (LRE against the double-double solution)",
  summation: "Summation of 10⁶ mixed-magnitude doubles (error in ulps from the exact sum)",
};

function time(ns: number | undefined): string {
  if (ns === undefined || !Number.isFinite(ns)) return "—";
  if (ns < 1e3) return `${ns.toFixed(0)} ns`;
  if (ns < 1e6) return `${(ns / 1e3).toFixed(ns < 1e4 ? 2 : 1)} µs`;
  if (ns < 1e9) return `${(ns / 1e6).toFixed(ns < 1e7 ? 2 : 1)} ms`;
  return `${(ns / 1e9).toFixed(2)} s`;
}

function ratio(x: number | undefined): string {
  if (x === undefined || !Number.isFinite(x)) return "—";
  return x >= 100 ? `${x.toFixed(0)}×` : x >= 10 ? `${x.toFixed(1)}×` : `${x.toFixed(2)}×`;
}

/** "2.5× faster" when our best is faster than the row, "3.1× slower" when it is not. */
function relative(x: number): string {
  return x >= 1 ? `${ratio(x)} faster` : `${ratio(1 / x)} slower`;
}

function find(report: Report | undefined, concept: string, name: string): Row | undefined {
  return report?.results.find((r) => r.concept === concept && r.name === name);
}

function variantsOf(report: Report | undefined, concept: string): Row[] {
  return report?.results.filter((r) => r.concept === concept && r.kind === "variant") ?? [];
}

function best(report: Report | undefined, concept: string, names?: string[]): Row | undefined {
  const candidates = variantsOf(report, concept).filter((r) => !names || names.includes(r.name));
  return candidates.sort((a, b) => a.medianNs - b.medianNs)[0];
}

function accuracy(row: Row | undefined): string {
  if (!row?.accuracy) return "";
  const parts = [];
  if (row.accuracy.lre !== undefined) parts.push(`LRE ${row.accuracy.lre.toFixed(1)}`);
  if (row.accuracy.maxUlps !== undefined) parts.push(`${row.accuracy.maxUlps} ulp`);
  return parts.join(", ");
}

/** One table per concept: every name seen on either runtime, numpy last. */
function conceptTable(
  concept: string,
  runtimes: [string, Report | undefined][],
  numpy: Report | undefined,
): string {
  const names: string[] = [];
  const kinds = new Map<string, string>();
  for (const [, report] of runtimes) {
    for (const r of report?.results ?? []) {
      if (r.concept === concept && !names.includes(r.name)) {
        names.push(r.name);
        kinds.set(r.name, r.baseline ? "reference" : r.kind);
      }
    }
  }
  const numpyRows = numpy?.results.filter((r) => r.concept === concept) ?? [];
  const hasFlops = runtimes.some(([, rep]) =>
    rep?.results.some((r) => r.concept === concept && r.gflops)
  );
  const hasAccuracy = [...runtimes.map(([, r]) => r), numpy].some((rep) =>
    rep?.results.some((r) => r.concept === concept && r.accuracy)
  );
  const header = ["kernel", "kind"];
  for (const [label] of runtimes) {
    header.push(`${label} median`, `${label} speed-up vs ref`, `${label}: best ours is`);
    if (hasFlops) header.push(`${label} GFLOP/s`);
  }
  if (hasAccuracy) header.push("error");
  const lines = [`| ${header.join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`];
  const row = (
    name: string,
    kind: string,
    pick: (report: Report | undefined) => Row | undefined,
  ) => {
    const cells = [name, kind];
    let error = "";
    for (const [, report] of runtimes) {
      const r = pick(report);
      const reference = variantsOf(report, concept).find((v) => v.baseline);
      const ours = best(report, concept);
      cells.push(
        time(r?.medianNs),
        r && reference ? ratio(reference.medianNs / r.medianNs) : "—",
        r && ours ? (r === ours ? "**best**" : relative(r.medianNs / ours.medianNs)) : "—",
      );
      if (hasFlops) cells.push(r?.gflops ? r.gflops.toFixed(2) : "—");
      error ||= accuracy(r);
    }
    if (hasAccuracy) cells.push(error);
    lines.push(`| ${cells.join(" | ")} |`);
  };
  for (const name of names) {
    row(name, kinds.get(name) ?? "", (report) => find(report, concept, name));
  }
  for (const n of numpyRows) {
    const cells = [n.name, "numpy (1 thread)"];
    for (const [, report] of runtimes) {
      const reference = variantsOf(report, concept).find((v) => v.baseline);
      const ours = best(report, concept);
      cells.push(
        time(n.medianNs),
        reference ? ratio(reference.medianNs / n.medianNs) : "—",
        ours ? relative(n.medianNs / ours.medianNs) : "—",
      );
      if (hasFlops) cells.push(n.gflops ? n.gflops.toFixed(2) : "—");
    }
    if (hasAccuracy) cells.push(accuracy(n));
    lines.push(`| ${cells.join(" | ")} |`);
  }
  return lines.join("\n");
}

interface Target {
  readonly id: string;
  readonly text: string;
  /** [met, measured] for one runtime, or undefined when the data are missing. */
  readonly evaluate: (report: Report, numpy: Report | undefined) => [boolean, string] | undefined;
  /** Why it is missed when it is (the ceiling), shown only on a miss. */
  readonly whyMissed?: string;
}

const PEERS = ["ml-matrix", "mathjs", "tfjs-cpu"];

function fasterThan(
  report: Report,
  concept: string,
  names: string[],
): [boolean, string] | undefined {
  const ours = best(report, concept);
  if (!ours) return undefined;
  const comparisons = names.map((name) => [name, find(report, concept, name)] as const).filter((
    [, r],
  ) => r);
  const losses = comparisons.filter(([, r]) => r!.medianNs <= ours.medianNs);
  const text = comparisons.map(([name, r]) => `${name} ${ratio(r!.medianNs / ours.medianNs)}`).join(
    ", ",
  );
  return [losses.length === 0, `best ${ours.name}; ${text}`];
}

function versusNumpy(
  report: Report,
  numpy: Report | undefined,
  concept: string,
  numpyName: string,
  factor: number,
  ourNames?: string[],
): [boolean, string] | undefined {
  const ours = best(report, concept, ourNames), theirs = find(numpy, concept, numpyName);
  if (!ours || !theirs) return undefined;
  const speedup = theirs.medianNs / ours.medianNs;
  return [
    speedup >= factor,
    `${ours.name} ${time(ours.medianNs)} vs numpy ${time(theirs.medianNs)}: ${
      ratio(speedup)
    } numpy's speed`,
  ];
}

const TARGETS: Target[] = [
  {
    id: "peers",
    text: "every kernel's best variant faster than ml-matrix, mathjs and tfjs-cpu",
    evaluate: (report) => {
      const concepts = [...new Set(report.results.map((r) => r.concept))];
      const misses = concepts.flatMap((concept) => {
        const result = fasterThan(report, concept, PEERS);
        return result && !result[0] ? [`${concept} (${result[1]})`] : [];
      });
      return [
        misses.length === 0,
        misses.length === 0 ? `all ${concepts.length} concepts` : `missed: ${misses.join("; ")}`,
      ];
    },
    whyMissed: "see the rows named. σ on Deno against tfjs-cpu: both are bound by exp (below). " +
      "Summation: `pairwiseUnrolled` (eight interleaved sums per 256-term leaf) measured 396 µs " +
      "against ml-matrix's 623 µs on Bun; on Deno it and the naive loop both run at ≈ 580 µs, " +
      "which is 8 MB streamed at ≈ 14 GB/s: the memory bandwidth this loaded machine gives one " +
      "core, so ml-matrix's plain loop is at the same wall.",
  },
  {
    id: "gemm-numpy",
    text: "GEMM n = 256: WebAssembly variant ≥ ⅓ of numpy's single-thread GFLOP/s",
    evaluate: (report, numpy) =>
      versusNumpy(report, numpy, "matmul n=256", "numpy", 1 / 3, ["wasmSimd"]),
    whyMissed:
      "the ceiling, not the code: WebAssembly SIMD128 has 2-lane f64 vectors and no fused " +
      "multiply-add outside the relaxed-SIMD proposal (and FMA would change the bits the specs " +
      "pin), so each term costs one f64x2.mul and one f64x2.add; with at most three vector " +
      "ports taking them (≈ 3.5 GHz measured by a dependent integer chain) the peak is ≈ 6 " +
      "flops/cycle ≈ 21 GFLOP/s, against numpy's 54. The kernel now keeps a 4 × 6 tile (12 " +
      "f64x2 accumulators + 3 B vectors + one splat = the 16 vector registers of x86-64): 16.5 " +
      "GFLOP/s on V8 and 14.5 on JavaScriptCore for the kernel alone (min of 15, n = 240; 4 × 4 " +
      "gave 15.0 / 12.5; 6 × 4, 3 × 6 and unrolling p by 2 were no better on both). ⅓ of numpy " +
      "(18 GFLOP/s, 1.86 ms) is above what it reaches including packing.",
  },
  {
    id: "gemm-ml",
    text: "GEMM n = 256: WebAssembly variant ≥ 5× ml-matrix",
    whyMissed: "measured after the 4 × 6 tile, same run: Deno 2.00 ms vs ml-matrix 10.0–10.2 ms " +
      "(5.0–5.1×, 16.7 GFLOP/s); Bun 2.30 ms vs 9.58 ms (4.2×). ml-matrix itself swings 9.5–17 " +
      "ms between runs on this shared machine, so the ratio does too (the preliminary table's " +
      "5.11× on Bun had ml-matrix at 13.3 ms). On Bun the kernel is at ≈ 14.5 GFLOP/s; 5× a " +
      "quiet ml-matrix (9.5 ms) needs 1.9 ms = 17.7 GFLOP/s including packing, above what " +
      "JavaScriptCore's SIMD code reached for any tile shape tried.",
    evaluate: (report) => {
      const ours = find(report, "matmul n=256", "wasmSimd"),
        ml = find(report, "matmul n=256", "ml-matrix");
      if (!ours || !ml) return undefined;
      return [
        ml.medianNs / ours.medianNs >= 5,
        `${ratio(ml.medianNs / ours.medianNs)} ml-matrix's speed`,
      ];
    },
  },
  {
    id: "gemm-ts",
    whyMissed:
      "`matmulBlocked` now runs its 4 × 4 block in a small function of its own (A loaded one " +
      "row at a time: 16 sums + 4 B + 1 A live), over packed panels kept between calls, with " +
      "the same per-entry order (bit-identical to `matmulNaive`). Bun: 3.45 ms vs ml-matrix " +
      "9.58 ms, 2.8× (was 1.8× in the same run for the old kernel). Deno: 6.6 ms vs 10.0–10.2 " +
      "ms, 1.5×: V8's ceiling for scalar code, not the tile — every tile shape tried (4×2, 2×4, " +
      "3×3, 3×4, 4×3, 5×2, 4×4, inline or as a function) ran at 5–6 GFLOP/s, and a loop of 8 " +
      "independent multiply-adds with one load per 16 flops (no memory traffic at all) measured " +
      "6.0–6.2 GFLOP/s on V8 against 8.6–9.7 on JavaScriptCore. 2.5× a quiet ml-matrix (3.4 " +
      "GFLOP/s) needs 8.5 GFLOP/s. The WebAssembly variant is the fast path on V8.",
    text: "GEMM n = 256: best pure-TypeScript variant ≥ 2.5× ml-matrix",
    evaluate: (report) => {
      const ours = best(report, "matmul n=256", ["naive", "ikj", "blocked"]);
      const ml = find(report, "matmul n=256", "ml-matrix");
      if (!ours || !ml) return undefined;
      return [
        ml.medianNs / ours.medianNs >= 2.5,
        `${ours.name}: ${ratio(ml.medianNs / ours.medianNs)} ml-matrix's speed`,
      ];
    },
  },
  {
    id: "mlp-large",
    text: "MLP 3-4-4-3 forward, batch 100 000: at least as fast as numpy",
    evaluate: (report, numpy) =>
      versusNumpy(report, numpy, "mlp 3-4-4-3 forward batch=100000", "numpy", 1),
    whyMissed: "exp-bound: 11 exponentials per row (8 σ, 3 softmax), 1.1·10⁶ per call; at the " +
      "12–14 ns per Math.exp measured on V8 that alone is 13–15 ms against numpy's 10.2 ms for " +
      "the whole pass. The fused kernel now inlines σ and has no per-entry calls; its arithmetic " +
      "is ≈ 2 ms. On Bun (exp ≈ 5 ns) the gap is the exp plus the 40 multiply-adds per row.",
  },
  {
    id: "mlp-small",
    text: "MLP 3-4-4-3 forward, batch 7: ≥ 10× faster than numpy",
    evaluate: (report, numpy) =>
      versusNumpy(report, numpy, "mlp 3-4-4-3 forward batch=7", "numpy", 10),
    whyMissed: "exp-bound on V8: 77 exponentials per call at 12–14 ns is 0.9–1.1 µs, the whole " +
      "budget (numpy's 9.25 µs ÷ 10 = 0.93 µs). Met on Bun, whose exp costs ≈ 5 ns.",
  },
  {
    id: "sigmoid",
    text: "sigmoid, 10⁶ values: at least as fast as numpy",
    evaluate: (report, numpy) => versusNumpy(report, numpy, "sigmoid n=1000000", "numpy", 1),
    whyMissed: "exp-bound: numpy's exp is a SIMD-vectorised loop over the whole array; the " +
      "engines call a scalar Math.exp per element. Measured in one loop of 10⁶: " +
      "1/(1 + Math.exp(−z)) 13.5 ms on Deno (V8 calls its C++ fdlibm port), 5.5 ms on Bun; the " +
      "same loop without exp 2.0 / 1.0 ms. A table-driven exp in TypeScript (2^(j/64) table, " +
      "degree-5 polynomial, ≤ 1 ulp) measured 9–11 ms on Deno and 5.2 ms on Bun: not enough " +
      "to add a less accurate variant. The σ kernels themselves now have one inline loop each " +
      "(the shared callback V8 deoptimised is gone): σ′ from outputs went from 33 ms to ≈ 1 ms.",
  },
  {
    id: "softmax",
    text: "row softmax 1000 × 1000: at least as fast as numpy",
    evaluate: (report, numpy) => versusNumpy(report, numpy, "softmax rows 1000x1000", "numpy", 1),
    whyMissed:
      "exp-bound: 10⁶ Math.exp calls cost 12–14 ms on Deno and 5–8 ms on Bun (a bare loop of " +
      "exp, store and sum measured 13.0 / 7.7 ms here) before the one division per entry, which " +
      "must stay a division (multiplying by 1/Σ changes the bits the fixtures pin). The " +
      "reference `softmaxRows` now has a monomorphic Float64Array row kernel and no " +
      "Number.isFinite call per entry (that check alone was 3 ms on V8): same bits, measured in " +
      "one run 13.4 ms on Deno and 7.8 ms on Bun (the preliminary table: 24.7 / 11.9) against " +
      "numpy's 5.49 ms.",
  },
  {
    id: "gd",
    text: "GD step m = 10⁵, d = 3: at least as fast as numpy",
    evaluate: (report, numpy) =>
      versusNumpy(report, numpy, "gd step m=100000 d=3", "numpy", 1, ["twoPass", "fused"]),
    whyMissed: "the fused kernel is now unrolled for d ≤ 4 (weights and the d + 1 running sums " +
      "in registers): 295 µs on Bun, 390 µs on Deno, against numpy's 280 µs (twoPass: 906 µs / " +
      "1.11 ms in the same runs). What remains is the order: each of ∇C's d sums and Σr² is one " +
      "chain of 10⁵ dependent additions in i order, which the fixtures pin bit for bit (fused = " +
      "twoPass); splitting them into independent partial sums, as dgemv does, changes the bits. " +
      "The Gram step avoids the pass altogether.",
  },
  {
    id: "lstsq",
    text: "least squares 10000 × 10, k = 3 by Householder QR: within 1.5× of numpy's QR",
    evaluate: (report, numpy) =>
      versusNumpy(report, numpy, "lstsq 10000x10 k=3", "numpy-qr", 1 / 1.5, ["qr"]),
    whyMissed:
      "since the preliminary table the QR sums every inner product pairwise (for accuracy; the " +
      "NIST floors and fixtures pin its bits), which made it ≈ 3× slower (8.6 ms on Deno). " +
      "Reworked with the same operations in the same order (bit-identical on 89 problems: " +
      "random shapes up to 10000 × 10, zero and dependent columns, all 11 NIST designs and row " +
      "permutations of each): a column-major working copy, the pairwise tree walked from a " +
      "cached post-order plan with straight-line leaves of 4 and 5 terms instead of a recursive " +
      "closure, each reflection applied to all trailing columns and to all right-hand sides " +
      "together (`qrApplyTransposeToColumns`), no per-entry builtin calls in the finiteness " +
      "checks. Same run: 8.6 → 3.6 ms on Deno, 8.1 → 3.4 → 2.1 ms on Bun (bench/main.ts lstsq: " +
      "Deno 3.73 ms, Bun 2.07 ms; the target is 1.77 ms). What remains is the order itself: " +
      "each inner product is a tree of ≈ 2000 leaves of 4–5 dependent additions whose irregular " +
      "shape costs a branch per leaf, and each of the 20 column norms divides every entry by " +
      "the scale (t = x/s, then t²; multiplying by 1/s changes the bits) — ≈ 0.4 ms of " +
      "divisions alone. LAPACK's dgeqrf uses unscaled dnrm2 and blocked BLAS-3 updates with " +
      "FMA.",
  },
  {
    id: "gram",
    text: "Gram-matrix GD variant ≥ 100× the plain step at m = 10⁵",
    evaluate: (report) => {
      const gram = find(report, "gd step m=100000 d=3", "gram"),
        plain = find(report, "gd step m=100000 d=3", "twoPass");
      if (!gram || !plain) return undefined;
      return [
        plain.medianNs / gram.medianNs >= 100,
        `${ratio(plain.medianNs / gram.medianNs)} the two-pass step`,
      ];
    },
  },
];

function read(path: string | undefined): Report | undefined {
  if (!path) return undefined;
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Report;
  } catch (error) {
    console.error(`render: cannot read ${path}: ${(error as Error).message}`);
    return undefined;
  }
}

export function render(
  deno: Report | undefined,
  bun: Report | undefined,
  numpy: Report | undefined,
  preliminary?: string,
): string {
  const runtimes: [string, Report | undefined][] = [["Deno", deno], ["Bun", bun]];
  const machine = deno?.machine ?? bun?.machine;
  const out: string[] = [];
  out.push("# Benchmarks", "");
  out.push(
    "Every kernel of every registry, timed with [mitata](https://github.com/evanwashere/mitata) " +
      "(one `summary()` per concept, the reference variant as baseline) after being checked once " +
      "against that reference; peers (ml-matrix, mathjs, tfjs-core with its cpu and wasm backends) " +
      "side by side in the same run; numpy single-threaded from `bench/numpy_bench.py`. " +
      "Inputs are seeded (`RandomState`) and built outside the timed closure; results go " +
      "through `do_not_optimize`. Benchmarks report; they never fail CI on speed.",
    "",
  );
  if (preliminary) {
    out.push(`> ${preliminary}`, "");
  }
  if ((deno?.smoke ?? false) || (bun?.smoke ?? false)) {
    out.push("> **These tables come from a `--smoke` run (tiny sizes): not measurements.**", "");
  }
  out.push("## Machine", "");
  out.push(
    `- CPU: ${machine?.cpu ?? "unknown"}; ${machine?.logicalCpus ?? "?"} logical CPUs (nproc)`,
  );
  for (const [label, report] of runtimes) {
    if (report) out.push(`- ${label}: \`${report.runtime}\`, run ${report.date ?? "?"}`);
  }
  if (numpy) {
    out.push(
      `- numpy: ${numpy.runtime}; BLAS: ${numpy.blas ?? "?"}; threads: ${numpy.threads ?? "?"}`,
    );
  }
  out.push(
    "- tfjs computes in float32 only: its rows move half the bytes of ours and are checked " +
      "against the float64 reference with a float32 bound.",
    "",
  );
  out.push("## Commands", "");
  out.push(
    "```sh",
    "# the pinned runtimes and the peers (bench/package.json; `npm run bench` does this too)",
    "node tools/ensure_install.mjs . tools/runtimes bench",
    "# full run, both runtimes (each writes JSON for the tables below)",
    "tools/runtimes/node_modules/.bin/deno run --allow-read --allow-env --allow-sys --allow-write=out bench/main.ts --json out/bench-deno.json",
    "tools/runtimes/node_modules/.bin/bun bench/main.ts --json out/bench-bun.json",
    "# numpy, one thread (not in CI)",
    "python3 bench/numpy_bench.py --json out/bench-numpy.json",
    "# this file",
    "tools/runtimes/node_modules/.bin/deno run --allow-read --allow-write=BENCHMARKS.md bench/render.ts out/bench-deno.json out/bench-bun.json out/bench-numpy.json --out BENCHMARKS.md && tools/runtimes/node_modules/.bin/deno fmt BENCHMARKS.md",
    "# CI smoke run (tiny sizes, a few ms per kernel; every variant still checked)",
    "tools/runtimes/node_modules/.bin/deno run --allow-read --allow-env --allow-sys bench/main.ts --smoke",
    "tools/runtimes/node_modules/.bin/bun bench/main.ts --smoke",
    "```",
    "",
    "Options: `--smoke`, `--json <file>`, `--filter <regex>` (on `concept · kernel`), and family " +
      "names (`matmul matvec activation softmax mlp gd lstsq summation`) to run only those.",
    "",
  );
  out.push("## Targets", "");
  out.push("| target | Deno | Bun |", "| --- | --- | --- |");
  const misses: string[] = [];
  for (const target of TARGETS) {
    const cells = runtimes.map(([label, report]) => {
      const outcome = report ? target.evaluate(report, numpy) : undefined;
      if (!outcome) return "no data";
      if (!outcome[0] && target.whyMissed && !misses.includes(target.id)) misses.push(target.id);
      return `${outcome[0] ? "**MET**" : "**MISSED**"}: ${outcome[1]}`.replaceAll("|", "\\|") +
        (label ? "" : "");
    });
    out.push(`| ${target.text} | ${cells.join(" | ")} |`);
  }
  out.push("");
  if (misses.length > 0) {
    out.push("Why the misses are where they are:", "");
    for (const id of misses) {
      const target = TARGETS.find((t) => t.id === id)!;
      out.push(`- *${target.text}*: ${target.whyMissed}`);
    }
    out.push("");
  }
  const families = [
    ...new Set([...(deno?.results ?? []), ...(bun?.results ?? [])].map((r) => r.family)),
  ];
  for (const family of families) {
    out.push(`## ${FAMILY_TITLES[family] ?? family}`, "");
    const concepts = [
      ...new Set(
        [...(deno?.results ?? []), ...(bun?.results ?? [])].filter((r) => r.family === family).map((
          r,
        ) => r.concept),
      ),
    ];
    for (const concept of concepts) {
      out.push(`### ${concept}`, "", conceptTable(concept, runtimes, numpy), "");
    }
  }
  out.push(
    "Columns: *speed-up vs ref* = reference median ÷ this median (above 1× is faster than the " +
      "reference); *best ours is* = how many times faster our best variant is than this row.",
    "",
  );
  const notes = runtimes.flatMap(([label, report]) =>
    (report?.notes ?? []).map((n) => `- ${label}: ${n}`)
  );
  for (const row of [...(deno?.results ?? [])]) {
    if (row.note && !notes.some((n) => n.includes(`${row.name}: ${row.note}`))) {
      notes.push(`- ${row.name}: ${row.note}`);
    }
  }
  if (notes.length > 0) out.push("## Notes", "", ...new Set(notes), "");
  return out.join("\n");
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const index = args.indexOf(name);
    if (index < 0) return undefined;
    const [, value] = args.splice(index, 2);
    return value;
  };
  const outPath = option("--out");
  const preliminary = option("--note");
  const [denoPath, bunPath, numpyPath] = args;
  const text = render(read(denoPath), read(bunPath), read(numpyPath), preliminary);
  if (outPath) writeFileSync(outPath, text);
  else console.log(text);
}
