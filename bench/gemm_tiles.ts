// Chooses the GEMM register tile per engine (lib/wasm/matmul_simd.ts defaultGemmTile):
// times every tile that fits the 16 vector registers at n = 256 (and 512 with --large),
// with and without relaxed-SIMD FMA, by process CPU time over interleaved rounds (the
// machine is shared), and checks each product against matmulNaive first (bit for bit
// without FMA). Run: `deno run -A bench/gemm_tiles.ts` and `bun bench/gemm_tiles.ts`.
// With --padding it times instead the padding of B's and C's rows (gemm_layout.ts) against
// the same kernel on rows n·8 bytes apart, at n = 256 and 512.
import process from "node:process";
import {
  createWasmMatmul,
  gemmCopyIn,
  gemmCopyOut,
  gemmLayout,
  type GemmTile,
  relaxedMaddSupport,
} from "../lib/wasm/matmul_simd.ts";
import { GEMM_EXPORTS, gemmModule } from "../lib/wasm/gemm_module.ts";
import { GEMM_CANDIDATE_TILES } from "../lib/wasm/gemm_tune.ts";
import type { Matrix } from "../lib/linalg/matrix.ts";
import { matmulNaive } from "../lib/linalg/matmul.ts";
import { createMatrix } from "../lib/linalg/matrix.ts";
import { randomMatrix } from "./_harness.ts";

// tuneGemmTile's candidates, and 6 × 2 for comparison (too few columns to keep B in use).
const TILES: GemmTile[] = [...GEMM_CANDIDATE_TILES, { rows: 6, columns: 2 }];

function cpuMs(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e3;
}

/** The kernel of `tile` on the layout's rows without the padding off multiples of 512 B. */
function unpaddedMatmul(tile: GemmTile): (a: Matrix, b: Matrix, out: Matrix) => void {
  const instance = new WebAssembly.Instance(
    new WebAssembly.Module(gemmModule(1, tile.columns, { tileRows: tile.rows })),
  );
  const memory = instance.exports[GEMM_EXPORTS.memory] as WebAssembly.Memory;
  const kernel = instance.exports[GEMM_EXPORTS.kernel] as (...args: number[]) => void;
  const pack = instance.exports[GEMM_EXPORTS.pack] as (...args: number[]) => void;
  return (a, b, out) => {
    const padded = gemmLayout(a.rows, a.cols, b.cols, tile);
    const nPad = padded.colPanels * tile.columns, mPad = padded.rowPanels * tile.rows;
    const c = padded.b + 8 * a.cols * nPad;
    const layout = { ...padded, nPad, c, bytes: c + 8 * mPad * nPad };
    if (memory.buffer.byteLength < layout.bytes) {
      memory.grow(Math.ceil((layout.bytes - memory.buffer.byteLength) / 65536));
    }
    const heap = new Float64Array(memory.buffer);
    gemmCopyIn(heap, a, b, layout, tile.rows);
    pack(layout.aRaw, layout.aPacked, layout.rowPanels, a.cols);
    kernel(
      layout.aPacked,
      layout.b,
      layout.c,
      layout.rowPanels,
      a.cols,
      0,
      layout.colPanels,
      8 * nPad,
      8 * nPad,
    );
    gemmCopyOut(heap, out, layout);
  };
}

if (process.argv.includes("--padding")) {
  console.log(`${navigator.userAgent}; rows padded off multiples of 512 bytes, or not`);
  for (const n of [256, 512]) {
    const a = randomMatrix(n, n, 1), b = randomMatrix(n, n, 2), reference = matmulNaive(a, b);
    const cases = [{ rows: 2, columns: 8 }, { rows: 5, columns: 4 }, { rows: 3, columns: 6 }]
      .flatMap((tile) => {
        const padded = createWasmMatmul({ tile }).matmul, plain = unpaddedMatmul(tile);
        return [["padded", padded], ["unpadded", plain]].map(([how, matmul]) => {
          const out = createMatrix(n, n);
          (matmul as typeof plain)(a, b, out);
          if (out.data.some((v, i) => !Object.is(v, reference.data[i]))) {
            throw new Error(`${tile.rows}×${tile.columns} ${how} differs from matmulNaive`);
          }
          return {
            name: `${tile.rows}×${tile.columns} ${how}`,
            run: () => (matmul as typeof plain)(a, b, out),
            times: [] as number[],
          };
        });
      });
    const rounds = n >= 512 ? 9 : 21;
    for (let round = 0; round < rounds; round++) {
      for (const entry of cases) entry.times.push(cpuMs(entry.run));
    }
    for (const entry of cases) {
      const median = entry.times.sort((x, y) => x - y)[rounds >> 1];
      console.log(
        `n=${n} ${entry.name.padEnd(14)} ${median.toFixed(3)} ms CPU  ${
          (2 * n ** 3 / (median * 1e6)).toFixed(1)
        } GFLOP/s`,
      );
    }
  }
  process.exit(0);
}

const sizes = process.argv.includes("--large") ? [256, 512] : [256];
const fused = relaxedMaddSupport().fused;
console.log(`${navigator.userAgent}; relaxed_madd fused here: ${fused}`);
for (const n of sizes) {
  const a = randomMatrix(n, n, 1), b = randomMatrix(n, n, 2), reference = matmulNaive(a, b);
  const cases = TILES.flatMap((tile) =>
    [false, ...(fused ? [true] : [])].map((fma) => {
      const { matmul } = createWasmMatmul({ tile, fma });
      const out = createMatrix(n, n);
      matmul(a, b, out);
      if (!fma && out.data.some((v, i) => !Object.is(v, reference.data[i]))) {
        throw new Error(`${tile.rows}×${tile.columns} differs from matmulNaive`);
      }
      return {
        name: `${tile.rows}×${tile.columns}${fma ? " fma" : ""}`,
        run: () => matmul(a, b, out),
        times: [] as number[],
      };
    })
  );
  const rounds = n >= 512 ? 9 : 21;
  for (let round = 0; round < rounds; round++) {
    for (const entry of cases) entry.times.push(cpuMs(entry.run));
  }
  const flops = 2 * n ** 3;
  const rows = cases.map((entry) => {
    const median = entry.times.sort((x, y) => x - y)[rounds >> 1];
    return { name: entry.name, median, gflops: flops / (median * 1e6) };
  }).sort((x, y) => x.median - y.median);
  for (const row of rows) {
    console.log(
      `n=${n} ${row.name.padEnd(9)} ${row.median.toFixed(3)} ms CPU  ${
        row.gflops.toFixed(1)
      } GFLOP/s`,
    );
  }
}

// Today's kernel before this tuning (4 × 6 tile, A and B packed in TypeScript), kept in
// bench/_gemm_before.ts for this comparison: the same bits, so the ratio is pure speed.
{
  const { createWasmMatmul: createBefore } = await import("./_gemm_before.ts");
  const before = createBefore().matmul;
  const best = createWasmMatmul().matmul;
  const n = 256, a = randomMatrix(n, n, 1), b = randomMatrix(n, n, 2);
  const out1 = createMatrix(n, n), out2 = createMatrix(n, n);
  const t1: number[] = [], t2: number[] = [];
  for (let round = 0; round < 21; round++) {
    t1.push(cpuMs(() => before(a, b, out1)));
    t2.push(cpuMs(() => best(a, b, out2)));
  }
  const m1 = t1.sort((x, y) => x - y)[10], m2 = t2.sort((x, y) => x - y)[10];
  console.log(
    `n=256 before (4×6 packed) ${m1.toFixed(3)} ms, default tile now ${m2.toFixed(3)} ms: ${
      (m1 / m2).toFixed(2)
    }×`,
  );
}
