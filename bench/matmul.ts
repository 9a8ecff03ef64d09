// Matrix product C = AB: every MATMUL_VARIANTS entry (naive is the reference and the
// baseline), the WebAssembly SIMD kernel, and the peers, on square n × n operands.
import { matmulNaive } from "../lib/linalg/matmul.ts";
import { MATMUL_RELAXED_VARIANTS, MATMUL_VARIANTS } from "../lib/variants.ts";
import { createMatrix, fromRows, type Matrix } from "../lib/linalg/matrix.ts";
import { defaultGemmTile, wasmFmaBackend, wasmMatmulBackend } from "../lib/wasm/matmul_simd.ts";
import { createWasmMatmul as createBefore } from "./_gemm_before.ts";
import { ulpDistance } from "../oracle/ulp.ts";
import { parseFixtures } from "../oracle/fixture.ts";
import matmulJson from "../fixtures/linalg/matmul.json" with { type: "json" };
import { type Case, check, flat, type Options, randomMatrix, Suite, toArrays } from "./_harness.ts";
import { addTfPeers, FLOAT32_RTOL, math, MlMatrix, tf } from "./_peers.ts";

/** Largest distance in doubles from the exact products of fixtures/linalg/matmul.json. */
function fixtureError(kernel: (a: Matrix, b: Matrix) => Matrix): number {
  let worst = 0;
  for (const fixture of parseFixtures(matmulJson, "matmul")) {
    const input = fixture.input as { a: number[][]; b: number[][] };
    const c = kernel(fromRows(input.a), fromRows(input.b)).data;
    (fixture.expected.product as number[][]).flat().forEach((e, i) => {
      worst = Math.max(worst, ulpDistance(c[i], e));
    });
  }
  return worst;
}

export function registerMatmul(suite: Suite, options: Options): void {
  const sizes = options.smoke ? [16] : [64, 256, 512];
  const tile = defaultGemmTile();
  const before = createBefore().matmul;
  const variants: Record<string, typeof matmulNaive> = {
    ...MATMUL_VARIANTS,
    ...MATMUL_RELAXED_VARIANTS,
    "wasm 4×6 packed (before)": before,
  };
  suite.note(
    `matmul/wasmSimd backend here: ${wasmMatmulBackend()}, tile ${tile.rows}×${tile.columns}; ` +
      `wasmFma: ${wasmFmaBackend()}; "wasm 4×6 packed (before)" is the kernel this work replaced ` +
      `(bench/_gemm_before.ts), same bits`,
  );
  for (const n of sizes) {
    const concept = `matmul n=${n}`;
    const a = randomMatrix(n, n, 1), b = randomMatrix(n, n, 2);
    const reference = matmulNaive(a, b).data;
    const flops = 2 * n * n * n;
    const base = { family: "matmul", concept, flops } as const;
    const all = Object.entries(variants) as [string, typeof matmulNaive, number?][];
    if (options.twoCore && (n >= 512 || options.smoke)) {
      all.push(["twoCore", options.twoCore.matmul, 2]);
    }
    for (const [name, kernel, threads] of all) {
      if (n >= 512 && !["naive", "blocked", "wasmSimd", "wasmFma", "twoCore"].includes(name)) {
        continue;
      }
      const relaxed = kernel === MATMUL_RELAXED_VARIANTS.wasmFma;
      const entry: Case = {
        ...base,
        name,
        kind: "variant",
        baseline: kernel === matmulNaive,
        ...(threads ? { threads } : {}),
        setup: () => {
          const out = createMatrix(n, n);
          // Same summation order, no FMA: every variant but wasmFma agrees bit for bit;
          // wasmFma rounds once per term (|error| ≤ k·2⁻⁵³·Σ|ab| ≈ 1.5e-14 here).
          check(
            `matmul/${name}`,
            kernel(a, b, out).data,
            reference,
            relaxed ? 1e-12 : 0,
            relaxed ? 1e-12 : 0,
          );
          entry.accuracy = { maxUlps: fixtureError(kernel) };
          return () => kernel(a, b, out);
        },
      };
      suite.add(entry);
    }
    if (n >= 512) continue; // peers at 64 and 256 only (mathjs takes seconds at 512)
    const ml = [new MlMatrix(toArrays(a)), new MlMatrix(toArrays(b))];
    suite.add({
      ...base,
      name: "ml-matrix",
      kind: "peer",
      setup: () => {
        check("ml-matrix mmul", flat(ml[0].mmul(ml[1]).to2DArray()), reference, 1e-12, 1e-13);
        return () => ml[0].mmul(ml[1]);
      },
    });
    const mj = [math.matrix(toArrays(a)), math.matrix(toArrays(b))];
    suite.add({
      ...base,
      name: "mathjs",
      kind: "peer",
      setup: () => {
        check(
          "mathjs multiply",
          flat(math.multiply(mj[0], mj[1]).toArray()),
          reference,
          1e-12,
          1e-13,
        );
        return () => math.multiply(mj[0], mj[1]);
      },
    });
    addTfPeers(suite, base, {
      what: "matMul",
      prepare: () => {
        const ta = tf.tensor2d(Float32Array.from(a.data), [n, n]),
          tb = tf.tensor2d(Float32Array.from(b.data), [n, n]);
        return () => tf.matMul(ta, tb);
      },
      reference,
      rtol: FLOAT32_RTOL,
      atol: 1e-4 * Math.sqrt(n),
    });
  }
}
