import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  createWasmMatmul,
  defaultGemmTile,
  gemmLayout,
  matmulWasmFma,
  matmulWasmSimd,
  relaxedMaddSupport,
  wasmFmaBackend,
  wasmMatmulBackend,
} from "../../../lib/wasm/matmul_simd.ts";
import matmulJson from "../../../fixtures/linalg/matmul.json" with { type: "json" };
import { allFixtures } from "../../_fixture.ts";

const matmulFixtures = allFixtures(matmulJson, "fixtures/linalg/matmul.json");
import { matmulNaive } from "../../../lib/linalg/matmul.ts";
import { createMatrix, fromRows, type Matrix } from "../../../lib/linalg/matrix.ts";
import { RandomState } from "../../../lib/random/random_state.ts";
import { assertAllClose } from "../../../oracle/assert_close.ts";

/** Entries uniform in [−1, 1) from numpy's stream for `seed`. */
function randomMatrix(rows: number, cols: number, seed: number): Matrix {
  const rng = new RandomState(seed);
  const m = createMatrix(rows, cols);
  for (let i = 0; i < m.data.length; i++) m.data[i] = rng.uniform(-1, 1);
  return m;
}

// Odd sizes, sizes just off the 4×4 tile, and whole tiles.
const SHAPES: [number, number, number][] = [
  [1, 1, 1],
  [3, 5, 2],
  [17, 33, 9],
  [64, 64, 64],
  [5, 7, 13],
  [4, 4, 4],
  [7, 1, 6],
  [1, 300, 1],
  [33, 2, 35],
];

const simd = createWasmMatmul();
const fallback = createWasmMatmul({ forceFallback: true });

for (const [name, { matmul }] of [["wasm-simd", simd], ["fallback", fallback]] as const) {
  describe(`matmul on the ${name} path against the textbook loop (matmulNaive)`, () => {
    it("is bit-identical on random odd shapes (measured: 0 ulps, same summation order)", () => {
      for (const [m, k, n] of SHAPES) {
        const a = randomMatrix(m, k, 10 + m), b = randomMatrix(k, n, 20 + n);
        // {} is Object.is per entry: the same operations in the same order, no FMA.
        assertAllClose(matmul(a, b), matmulNaive(a, b), {});
      }
    });
    it("is exact on small integers (checked against BigInt arithmetic)", () => {
      const a = createMatrix(6, 9, Array.from({ length: 54 }, (_, i) => ((i * 37) % 23) - 11));
      const b = createMatrix(9, 5, Array.from({ length: 45 }, (_, i) => ((i * 53) % 19) - 9));
      const c = matmul(a, b);
      for (let i = 0; i < 6; i++) {
        for (let j = 0; j < 5; j++) {
          let exact = 0n;
          for (let p = 0; p < 9; p++) exact += BigInt(a.data[i * 9 + p] * b.data[p * 5 + j]);
          assert.equal(c.data[i * 5 + j], Number(exact), `C[${i}][${j}]`);
        }
      }
    });
    it("propagates ∞ and NaN where the textbook loop does, and nowhere else", () => {
      const a = randomMatrix(5, 6, 3), b = randomMatrix(6, 7, 4);
      a.data[2 * 6 + 1] = Infinity;
      b.data[3 * 7 + 4] = NaN;
      const c = matmul(a, b);
      assertAllClose(c, matmulNaive(a, b), {});
      assert.ok(Number.isNaN(c.data[0 * 7 + 4]) && Number.isFinite(c.data[0]));
    });
    it("handles empty dimensions: k = 0 gives zeros, m = 0 or n = 0 an empty result", () => {
      const stale = createMatrix(2, 3, [9, 9, 9, 9, 9, 9]);
      assert.deepEqual(Array.from(matmul(createMatrix(2, 0), createMatrix(0, 3), stale).data), [
        0,
        0,
        0,
        0,
        0,
        0,
      ]);
      assert.equal(matmul(createMatrix(0, 3), createMatrix(3, 2)).data.length, 0);
      assert.equal(matmul(createMatrix(3, 2), createMatrix(2, 0)).data.length, 0);
    });
    it("writes into out (returns it, overwrites stale contents)", () => {
      const a = randomMatrix(9, 11, 5), b = randomMatrix(11, 6, 6);
      const out = createMatrix(9, 6, Array(54).fill(NaN));
      assert.equal(matmul(a, b, out), out);
      assertAllClose(out, matmulNaive(a, b), {});
    });
    it("rejects mismatched shapes and aliased output with the registry's messages", () => {
      const a = createMatrix(3, 4), b = createMatrix(3, 2);
      assert.throws(() => matmul(a, b), {
        name: "ShapeError",
        message: /Cannot multiply matrices: inner dimensions differ \(4 vs 3\)/,
      });
      const square = createMatrix(2, 2);
      assert.throws(() => matmul(square, square, createMatrix(3, 2)), {
        name: "ShapeError",
        message: /output buffer is 3×2, expected 2×2/,
      });
      assert.throws(() => matmul(square, fromRows([[1, 0], [0, 1]]), square), {
        name: "ShapeError",
        message: /shares memory with an input/,
      });
    });
  });
}

describe("the WebAssembly path specifically", () => {
  it("runs SIMD on Deno and Bun, and the shared kernel says so", () => {
    assert.equal(simd.backend, "wasm-simd");
    assert.equal(wasmMatmulBackend(), "wasm-simd");
    assert.equal(fallback.backend, "fallback");
  });
  it("grows its memory for a larger product and still agrees afterwards with small ones", () => {
    const big = randomMatrix(150, 130, 7), tall = randomMatrix(130, 141, 8); // > 1 page
    assertAllClose(matmulWasmSimd(big, tall), matmulNaive(big, tall), {});
    const a = randomMatrix(3, 5, 9), b = randomMatrix(5, 2, 10);
    assertAllClose(matmulWasmSimd(a, b), matmulNaive(a, b), {});
  });
  it("falls back cleanly when WebAssembly is missing", () => {
    const saved = globalThis.WebAssembly;
    let built;
    try {
      // deno-lint-ignore no-explicit-any
      (globalThis as any).WebAssembly = undefined;
      built = createWasmMatmul();
    } finally {
      globalThis.WebAssembly = saved;
    }
    assert.equal(built.backend, "fallback");
    const a = randomMatrix(17, 33, 11), b = randomMatrix(33, 9, 12);
    assertAllClose(built.matmul(a, b), matmulNaive(a, b), {});
  });
});

describe("every register tile gives the textbook loop's bits", () => {
  const tiles = [[1, 2], [2, 8], [3, 6], [4, 4], [4, 6], [5, 4], [6, 4], [6, 2]] as const;
  for (const [rows, columns] of tiles) {
    it(`${rows} × ${columns}`, () => {
      const { matmul, tile } = createWasmMatmul({ tile: { rows, columns } });
      assert.deepEqual(tile, { rows, columns });
      for (const [m, k, n] of SHAPES) {
        const a = randomMatrix(m, k, 30 + m), b = randomMatrix(k, n, 40 + n);
        assertAllClose(matmul(a, b), matmulNaive(a, b), {});
      }
    });
  }
  it("rows of B and C a multiple of 512 bytes apart get one more tile of columns", () => {
    // 64 doubles = 512 bytes: the L1 set period's divisor the kernel would alias on.
    assert.equal(gemmLayout(2, 3, 64, { rows: 2, columns: 8 }).nPad, 72);
    assert.equal(gemmLayout(2, 3, 128, { rows: 3, columns: 4 }).nPad, 132);
    // 60 → 60 (480 bytes) and 250 → 252 (2016 bytes) are left as they are.
    assert.equal(gemmLayout(2, 3, 60, { rows: 2, columns: 4 }).nPad, 60);
    assert.equal(gemmLayout(2, 3, 250, { rows: 3, columns: 6 }).nPad, 252);
  });
  it("the default tile is one of them, per engine (5 × 4 on V8, 2 × 8 on JavaScriptCore)", () => {
    const tile = defaultGemmTile();
    assert.ok(tiles.some(([r, c]) => r === tile.rows && c === tile.columns));
    const javaScriptCore = /\bBun\//.test(navigator.userAgent);
    assert.deepEqual(tile, javaScriptCore ? { rows: 2, columns: 8 } : { rows: 5, columns: 4 });
    assert.deepEqual(defaultGemmTile(true), { rows: 6, columns: 4 });
  });
});

describe("matmulWasmFma: relaxed-SIMD fused multiply-add where the engine fuses it", () => {
  const { fused, relaxed } = relaxedMaddSupport();
  it("says which path it took (V8 fuses relaxed_madd, JavaScriptCore does not)", () => {
    assert.equal(relaxed, true);
    assert.equal(wasmFmaBackend(), fused ? "wasm-simd-fma" : "wasm-simd, relaxed_madd not fused");
  });
  it("is within k·2⁻⁵³·Σ|a||b| of the exact product (fixtures/linalg/matmul.json)", () => {
    for (const fixture of matmulFixtures) {
      const input = fixture.input as { a: number[][]; b: number[][] };
      const a = fromRows(input.a), b = fromRows(input.b);
      const exact = (fixture.expected.product as number[][]).flat();
      const c = matmulWasmFma(a, b);
      for (let i = 0; i < a.rows; i++) {
        for (let j = 0; j < b.cols; j++) {
          let magnitude = 0;
          for (let p = 0; p < a.cols; p++) {
            magnitude += Math.abs(a.data[i * a.cols + p] * b.data[p * b.cols + j]);
          }
          const bound = a.cols * 2 ** -53 * magnitude * (1 + 1e-12) + 2 ** -1074;
          const error = Math.abs(c.data[i * b.cols + j] - exact[i * b.cols + j]);
          assert.ok(error <= bound, `${fixture.id} (${i}, ${j}): error ${error} > ${bound}`);
        }
      }
    }
  });
  it("fused: differs from the textbook loop's bits; not fused: equals them", () => {
    const a = randomMatrix(40, 60, 51), b = randomMatrix(60, 30, 52);
    const c = matmulWasmFma(a, b), naive = matmulNaive(a, b);
    const differing = c.data.filter((v, i) => v !== naive.data[i]).length;
    if (fused) assert.ok(differing > 0, "one rounding per term changes some entries");
    else assert.equal(differing, 0);
  });
});
