// Renders BENCHMARKS.md from the JSON of a Deno run, a Bun run and the numpy run:
//
//   deno run --allow-read --allow-write=BENCHMARKS.md bench/render.ts \
//     out/bench-deno.json out/bench-bun.json out/bench-numpy.json --out BENCHMARKS.md \
//     [--note "…"] [--insert file.md]…
//
// Targets (bench/targets.ts) are evaluated from the numbers, so a re-run on a quiet machine
// re-decides MET/MISSED; why a target is missed is written in --insert files (measured
// facts, with their commands), which are copied in after the target table.
import process from "node:process";
import { readFileSync, writeFileSync } from "node:fs";
import { find, ratio, type Report, type Row, TARGETS, time } from "./targets.ts";

const FAMILY_TITLES: Record<string, string> = {
  matmul: "Matrix product C = AB (float64; GFLOP/s = 2n³ / median)",
  matvec: "Matrix-vector product and dot product",
  activation: "Elementwise kernels (σ, tanh, e^x, σ′ from outputs) on 10⁶ values",
  softmax: "Row softmax, log-softmax and log-sum-exp",
  mlp: "Small networks: S2's 3-4-4-3 (sigmoid, sigmoid, softmax) and the diamond 3-4-1",
  gd: "One batch gradient-descent step, least squares",
  lstsq: "Least squares, 3 right-hand sides (LRE against the double-double solution)",
  summation: "Summation of 10⁶ mixed-magnitude doubles (error in ulps from the exact sum)",
};

/** "2.5× faster" when our best is faster than the row, "3.1× slower" when it is not. */
function relative(x: number): string {
  return x >= 1 ? `${ratio(x)} faster` : `${ratio(1 / x)} slower`;
}

function variantsOf(report: Report | undefined, concept: string): Row[] {
  return report?.results.filter((r) => r.concept === concept && r.kind === "variant") ?? [];
}

/** The time a table compares: CPU (one thread) when the run has it, else the median wall. */
function measure(row: Row): number {
  return row.threads && row.threads > 1
    ? (row.cpuRoundWallNs ?? row.medianNs)
    : row.cpuNs ?? row.medianNs;
}

function best(report: Report | undefined, concept: string): Row | undefined {
  return variantsOf(report, concept).sort((a, b) => measure(a) - measure(b))[0];
}

function accuracy(row: Row | undefined): string {
  if (!row?.accuracy) return "";
  const parts = [];
  if (row.accuracy.lre !== undefined) parts.push(`LRE ${row.accuracy.lre.toFixed(1)}`);
  if (row.accuracy.maxUlps !== undefined) parts.push(`${row.accuracy.maxUlps} ulp`);
  return parts.join(", ");
}

function label(row: Row): string {
  const marks = [
    row.float32 ? "float32" : "",
    row.threads && row.threads > 1 ? `${row.threads} threads` : "",
  ]
    .filter((m) => m);
  return marks.length > 0 ? `${row.name} (${marks.join(", ")})` : row.name;
}

/** One table per concept: every name seen on either runtime, numpy last. */
function conceptTable(
  concept: string,
  runtimes: [string, Report | undefined][],
  numpy: Report | undefined,
): string {
  const rows = new Map<string, Row>();
  for (const [, report] of runtimes) {
    for (const r of report?.results ?? []) {
      if (r.concept === concept && !rows.has(r.name)) rows.set(r.name, r);
    }
  }
  const numpyRows = numpy?.results.filter((r) => r.concept === concept) ?? [];
  const all = [...runtimes.map(([, r]) => r), numpy];
  const hasCpu = all.some((rep) =>
    rep?.results.some((r) => r.concept === concept && r.cpuNs !== undefined)
  );
  const hasFlops = all.some((rep) => rep?.results.some((r) => r.concept === concept && r.gflops));
  const hasAccuracy = all.some((rep) =>
    rep?.results.some((r) => r.concept === concept && r.accuracy)
  );
  const header = ["kernel", "kind"];
  for (const [name] of runtimes) {
    header.push(`${name} wall`);
    if (hasCpu) header.push(`${name} CPU`);
    header.push(`${name} vs ref`, `${name}: best ours is`);
    if (hasFlops) header.push(`${name} GFLOP/s`);
  }
  if (hasAccuracy) header.push("error");
  const lines = [`| ${header.join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`];
  const line = (
    first: string,
    kind: string,
    pick: (report: Report | undefined) => Row | undefined,
  ) => {
    const cells = [first, kind];
    let error = "";
    for (const [, report] of runtimes) {
      const r = pick(report);
      const reference = variantsOf(report, concept).find((v) => v.baseline);
      const ours = best(report, concept);
      cells.push(time(r?.medianNs));
      if (hasCpu) cells.push(time(r?.cpuNs));
      cells.push(
        r && reference ? ratio(measure(reference) / measure(r)) : "—",
        r && ours ? (r === ours ? "**best**" : relative(measure(r) / measure(ours))) : "—",
      );
      if (hasFlops) cells.push(r?.gflops ? r.gflops.toFixed(2) : "—");
      error ||= accuracy(r);
    }
    if (hasAccuracy) cells.push(error);
    lines.push(`| ${cells.join(" | ")} |`);
  };
  for (const [name, row] of rows) {
    line(
      label(row),
      row.baseline ? "reference" : row.kind,
      (report) => find(report, concept, name),
    );
  }
  for (const n of numpyRows) line(n.name, "numpy (1 thread)", () => n);
  return lines.join("\n");
}

function read(path: string | undefined): Report | undefined {
  if (!path) return undefined;
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Report;
  } catch (error) {
    console.error(`render: cannot read ${path}: ${(error as Error).message}`);
    return undefined;
  }
}

const COMMANDS = [
  "```sh",
  "# the pinned runtimes and the peers (bench/package.json; `npm run bench` does this too)",
  "node tools/ensure_install.mjs . tools/runtimes bench",
  "# full run, both runtimes: mitata wall time, then process CPU time over interleaved rounds",
  "tools/runtimes/node_modules/.bin/deno run --allow-read --allow-env --allow-sys --allow-write=out bench/main.ts --cpu --json out/bench-deno.json",
  "tools/runtimes/node_modules/.bin/bun bench/main.ts --cpu --json out/bench-bun.json",
  "# numpy, one thread, OpenBLAS choosing its own kernel (not in CI)",
  "env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 bench/numpy_bench.py --json out/bench-numpy.json",
  "# the GEMM tile per engine and its row padding, where the time of two misses goes, and the NIST table",
  "tools/runtimes/node_modules/.bin/deno run -A bench/gemm_tiles.ts; tools/runtimes/node_modules/.bin/bun bench/gemm_tiles.ts",
  "tools/runtimes/node_modules/.bin/deno run -A bench/gemm_tiles.ts --padding; tools/runtimes/node_modules/.bin/bun bench/gemm_tiles.ts --padding",
  "tools/runtimes/node_modules/.bin/deno run -A bench/breakdowns.ts; tools/runtimes/node_modules/.bin/bun bench/breakdowns.ts",
  "tools/runtimes/node_modules/.bin/deno run --allow-read bench/nist_lre.ts --compare",
  "# this file",
  "tools/runtimes/node_modules/.bin/deno run --allow-read --allow-write=BENCHMARKS.md bench/render.ts out/bench-deno.json out/bench-bun.json out/bench-numpy.json --insert bench/BENCHMARKS.notes.md --out BENCHMARKS.md && tools/runtimes/node_modules/.bin/deno fmt BENCHMARKS.md",
  "# CI smoke run (tiny sizes, a few ms per kernel; every variant still checked, the worker exercised)",
  "tools/runtimes/node_modules/.bin/deno run --allow-read --allow-env --allow-sys bench/main.ts --smoke",
  "tools/runtimes/node_modules/.bin/bun bench/main.ts --smoke",
  "```",
];

export function render(
  deno: Report | undefined,
  bun: Report | undefined,
  numpy: Report | undefined,
  preliminary?: string,
  inserts: string[] = [],
): string {
  const runtimes: [string, Report | undefined][] = [["Deno", deno], ["Bun", bun]];
  const machine = deno?.machine ?? bun?.machine;
  const out: string[] = ["# Benchmarks", ""];
  out.push(
    "Every kernel of every registry (lib/variants.ts), timed with " +
      "[mitata](https://github.com/evanwashere/mitata) (wall time, one `summary()` per concept) " +
      "and, with `--cpu`, by process CPU time over interleaved rounds, after being checked once " +
      "against the reference; peers (ml-matrix, mathjs, tfjs-core with its cpu and wasm backends) " +
      "in the same run; numpy single-threaded from `bench/numpy_bench.py`, as a user writes it and " +
      "in place (`out=`). Inputs are seeded (`RandomState`) and built outside the timed closure. " +
      "The error column is each variant's largest distance from the correctly rounded values of " +
      "the committed mpmath fixtures (ulps) or its LRE. Benchmarks report; they never fail CI on speed.",
    "",
  );
  if (preliminary) out.push(`> ${preliminary}`, "");
  if ((deno?.smoke ?? false) || (bun?.smoke ?? false)) {
    out.push("> **These tables come from a `--smoke` run (tiny sizes): not measurements.**", "");
  }
  out.push("## Machine", "");
  out.push(
    `- CPU: ${machine?.cpu ?? "unknown"}; ${machine?.logicalCpus ?? "?"} logical CPUs (nproc)`,
  );
  for (const [name, report] of runtimes) {
    if (!report) continue;
    const load = report.machine?.loadAverage;
    const loadText = load
      ? `; load average ${load.start.map((v) => v.toFixed(2)).join(" ")} at start, ${
        load.end.map((v) => v.toFixed(2)).join(" ")
      } at end`
      : "";
    out.push(`- ${name}: \`${report.runtime}\`, run ${report.date ?? "?"}${loadText}`);
  }
  if (numpy) {
    const removed = Object.entries(numpy.removedEnvironment ?? {}).map(([k, v]) => `${k}=${v}`)
      .join(", ");
    out.push(
      `- numpy: ${numpy.runtime}; BLAS: ${numpy.blas ?? "?"}; kernel OpenBLAS chose: ` +
        `**${numpy.openblasCore ?? "?"}**${
          removed ? ` (removed from the environment: ${removed})` : ""
        }; ` +
        `threads: ${numpy.threads ?? "?"}${
          numpy.loadAverage
            ? `; load average ${numpy.loadAverage.map((v) => v.toFixed(2)).join(" ")}`
            : ""
        }`,
    );
  }
  out.push(
    "- tfjs computes in float32 only (marked float32): its rows move half the bytes of ours and " +
      "are checked against the float64 reference with a float32 bound.",
    "- Rows marked 2 threads (`twoCore`) run on the main thread and one Worker: their CPU column " +
      "counts both threads; they are compared by wall time.",
    "",
  );
  out.push("## Commands", "", ...COMMANDS, "");
  out.push("## Targets (issue 15)", "");
  out.push("| target | Deno | Bun |", "| --- | --- | --- |");
  for (const target of TARGETS) {
    const cells = runtimes.map(([, report]) => {
      const outcome = report ? target.evaluate(report, numpy) : undefined;
      if (!outcome) return "no data";
      return `${outcome[0] ? "**MET**" : "**MISSED**"}: ${outcome[1]}`.replaceAll("|", "\\|");
    });
    out.push(`| ${target.text} | ${cells.join(" | ")} |`);
  }
  out.push("");
  for (const text of inserts) out.push(text.trim(), "");
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
    "Columns: *wall* = mitata's median; *CPU* = median process CPU time per call over interleaved " +
      "rounds; *vs ref* = the reference's time ÷ this one (CPU where measured; wall for 2-thread " +
      "rows), above 1× is faster; *best ours is* = how many times faster our best variant is than this row.",
    "",
  );
  const notes = runtimes.flatMap(([name, report]) =>
    (report?.notes ?? []).map((n) => `- ${name}: ${n}`)
  );
  for (const row of deno?.results ?? []) {
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
  const inserts: string[] = [];
  for (let file = option("--insert"); file !== undefined; file = option("--insert")) {
    inserts.push(readFileSync(file, "utf8"));
  }
  const [denoPath, bunPath, numpyPath] = args;
  const text = render(read(denoPath), read(bunPath), read(numpyPath), preliminary, inserts);
  if (outPath) writeFileSync(outPath, text);
  else console.log(text);
}
