// Matrix product C = AB: every MATMUL_VARIANTS entry (naive is the reference and the
// baseline), the WebAssembly SIMD kernel, and the peers, on square n × n operands.
import { matmulNaive } from "../lib/linalg/matmul.ts";
import { MATMUL_VARIANTS } from "../lib/variants.ts";
import { createMatrix } from "../lib/linalg/matrix.ts";
import { matmulWasmSimd, wasmMatmulBackend } from "../lib/wasm/matmul_simd.ts";
import { check, flat, type Options, randomMatrix, Suite, toArrays } from "./_harness.ts";
import { addTfPeers, FLOAT32_RTOL, math, MlMatrix, tf } from "./_peers.ts";

export function registerMatmul(suite: Suite, options: Options): void {
  const sizes = options.smoke ? [16] : [64, 256];
  const variants: Record<string, typeof matmulNaive> = { ...MATMUL_VARIANTS };
  if (!Object.values(variants).includes(matmulWasmSimd)) variants.wasmSimd = matmulWasmSimd;
  suite.note(`matmul/wasmSimd backend here: ${wasmMatmulBackend()}`);
  for (const n of sizes) {
    const concept = `matmul n=${n}`;
    const a = randomMatrix(n, n, 1), b = randomMatrix(n, n, 2);
    const reference = matmulNaive(a, b).data;
    const flops = 2 * n * n * n;
    const base = { family: "matmul", concept, flops } as const;
    for (const [name, kernel] of Object.entries(variants)) {
      suite.add({
        ...base,
        name,
        kind: "variant",
        baseline: kernel === matmulNaive,
        setup: () => {
          const out = createMatrix(n, n);
          // Same summation order, no FMA: every variant must agree bit for bit.
          check(`matmul/${name}`, kernel(a, b, out).data, reference, 0);
          return () => kernel(a, b, out);
        },
      });
    }
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
