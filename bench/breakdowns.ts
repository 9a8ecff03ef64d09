// Where the time of two missed targets goes (BENCHMARKS.md, "Why the misses are where they
// are"), by process CPU time, medians of 7 interleaved rounds:
//
// - least squares 10000 × 10, k = 3 by TSQR: the whole call, then its parts — the input
//   checks (finite X and Y, Y split into columns), the column exponents and the scaled copy
//   of X (the equilibration by powers of two), and the WebAssembly factorisation alone;
// - the MLP 3-4-4-3 forward in WebAssembly at 1, 7, 70 and 700 rows, and the straight line
//   through 70 and 700 rows: its slope is the cost per row, its intercept the fixed cost of
//   a call.
//
// Run: `deno run -A bench/breakdowns.ts` and `bun bench/breakdowns.ts`.
import process from "node:process";
import { LSTSQ_VARIANTS, MLP_FORWARD_VARIANTS } from "../lib/variants.ts";
import { validateProblem } from "../lib/linalg/_lstsq_problem.ts";
import { columnExponents, scaleColumns } from "../lib/linalg/_equilibrate.ts";
import { tsqrFactor } from "../lib/wasm/tsqr.ts";
import { createNetwork } from "../lib/nn/network.ts";
import { createForwardTrace } from "../lib/nn/forward.ts";
import { randomMatrix } from "./_harness.ts";

/** Microseconds of CPU per call: calls in batches of `batch` until `minimumMs` of CPU. */
function cpuMicroseconds(
  run: () => unknown,
  batch: number,
  minimumMs = 150,
): number {
  let calls = 0, used = 0;
  const start = process.cpuUsage();
  do {
    for (let i = 0; i < batch; i++) run();
    calls += batch;
    const u = process.cpuUsage(start);
    used = (u.user + u.system) / 1e3;
  } while (used < minimumMs);
  return (used * 1e3) / calls;
}

/** Median over `rounds` interleaved rounds of every case, in µs per call. */
function interleaved(
  cases: Record<string, () => unknown>,
  batch: number,
  rounds = 7,
): Record<string, number> {
  const times: Record<string, number[]> = Object.fromEntries(
    Object.keys(cases).map((name) => [name, []]),
  );
  for (let r = 0; r < rounds; r++) {
    for (const [name, run] of Object.entries(cases)) {
      times[name].push(cpuMicroseconds(run, batch));
    }
  }
  return Object.fromEntries(
    Object.entries(times).map((
      [name, t],
    ) => [name, t.sort((a, b) => a - b)[rounds >> 1]]),
  );
}

console.log(navigator.userAgent);

const x = randomMatrix(10_000, 10, 1), y = randomMatrix(10_000, 3, 2);
const exponents = columnExponents(x.data, x.rows, x.cols);
const lstsq = interleaved({
  "whole call (LSTSQ_VARIANTS.tsqr)": () => LSTSQ_VARIANTS.tsqr(x, y),
  "input checks (validateProblem)": () => validateProblem(x, y),
  "column exponents": () => columnExponents(x.data, x.rows, x.cols),
  "scaled copy of X": () => scaleColumns(x, exponents),
  "WebAssembly factorisation (tsqrFactor)": () => tsqrFactor(x, y),
}, 4);
for (const [name, us] of Object.entries(lstsq)) {
  console.log(
    `lstsq 10000×10 k=3  ${name.padEnd(40)} ${(us / 1e3).toFixed(3)} ms`,
  );
}

const network = createNetwork([
  {
    weights: [[2, -1, 1, 4], [-1, 2, -3, 1], [3, -2, -1, 5]],
    activation: "sigmoid",
  },
  {
    weights: [[3, 1, -2, 1], [-2, 4, 1, -4], [-1, -3, 2, -5], [3, 1, 1, 1]],
    activation: "sigmoid",
  },
  {
    weights: [[-1, 3, -2], [1, -1, -3], [3, -2, 2], [1, 2, 1]],
    activation: "softmax",
  },
]);
const forward = MLP_FORWARD_VARIANTS.wasmSimd;
const rowCounts = [1, 7, 70, 700];
const mlp = interleaved(
  Object.fromEntries(rowCounts.map((rows, i) => {
    const trace = createForwardTrace(network, rows);
    trace.activations[0].data.set(randomMatrix(rows, 3, 3 + i).data);
    return [String(rows), () => forward(network, trace)];
  })),
  64,
);
for (const rows of rowCounts) {
  console.log(
    `mlp forward wasmSimd  ${String(rows).padStart(4)} rows  ${mlp[rows].toFixed(3)} µs`,
  );
}
const perRow = (mlp["700"] - mlp["70"]) / 630;
console.log(
  `mlp forward wasmSimd  per row ${(perRow * 1e3).toFixed(1)} ns, fixed cost of a call ${
    (mlp["70"] - 70 * perRow).toFixed(3)
  } µs`,
);
