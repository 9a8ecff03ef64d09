import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  GEMM_EXPORTS,
  GEMM_TILE,
  GEMM_TILE_COLUMNS_DEFAULT,
  gemmModule,
} from "../../../lib/wasm/gemm_module.ts";

type Kernel = (a: number, b: number, c: number, rp: number, k: number, cp: number) => void;

describe("the GEMM module on its own (packed layout)", () => {
  const bytes = gemmModule(1);
  it("validates and is small enough for synchronous compilation in browsers (< 4 KiB)", () => {
    assert.equal(WebAssembly.validate(bytes), true);
    assert.ok(bytes.length < 4096, `${bytes.length} bytes`);
  });
  it("exports the kernel and the memory", () => {
    const names = WebAssembly.Module.exports(new WebAssembly.Module(bytes)).map((e) => e.name);
    assert.deepEqual(names.sort(), [GEMM_EXPORTS.kernel, GEMM_EXPORTS.memory].sort());
  });
  it("multiplies one packed 4×2 panel by one 2×4 panel", () => {
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes));
    const memory = instance.exports[GEMM_EXPORTS.memory] as WebAssembly.Memory;
    const heap = new Float64Array(memory.buffer);
    // A = [[1, 2], [3, 4], [5, 6], [7, 8]] packed p-major: column p of A, 4 rows.
    heap.set([1, 3, 5, 7, 2, 4, 6, 8], 0);
    // B = [[1, 0, 2, 0], [0, 1, 0, 3]] packed p-major: row p of B.
    heap.set([1, 0, 2, 0, 0, 1, 0, 3], 8);
    (instance.exports[GEMM_EXPORTS.kernel] as Kernel)(0, 64, 128, 1, 2, 1);
    assert.equal(GEMM_TILE, 4);
    assert.deepEqual(Array.from(heap.subarray(16, 32)), [
      1,
      2,
      2,
      6,
      3,
      4,
      6,
      12,
      5,
      6,
      10,
      18,
      7,
      8,
      14,
      24,
    ]);
  });
});

describe("the GEMM module with a 4 × 6 tile (what matmulWasmSimd runs)", () => {
  it("the default tile has 4 columns", () => {
    assert.equal(GEMM_TILE_COLUMNS_DEFAULT, 4);
  });
  it("multiplies a packed 4×2 panel by a 2×6 panel, each entry summed p = 0, 1", () => {
    const instance = new WebAssembly.Instance(new WebAssembly.Module(gemmModule(1, 6)));
    const memory = instance.exports[GEMM_EXPORTS.memory] as WebAssembly.Memory;
    const heap = new Float64Array(memory.buffer);
    // A = [[1, 2], [3, 4], [5, 6], [7, 8]] packed p-major (4 lanes per p).
    heap.set([1, 3, 5, 7, 2, 4, 6, 8], 0);
    // B = [[1, 0, 2, 0, 1, 0.5], [0, 1, 0, 3, -1, 0.25]] packed p-major (6 lanes per p).
    heap.set([1, 0, 2, 0, 1, 0.5, 0, 1, 0, 3, -1, 0.25], 8);
    (instance.exports[GEMM_EXPORTS.kernel] as Kernel)(0, 64, 160, 1, 2, 1);
    const expected = [[1, 2], [3, 4], [5, 6], [7, 8]].flatMap(([x, y]) => [
      x,
      y,
      2 * x,
      3 * y,
      x - y,
      0.5 * x + 0.25 * y,
    ]);
    assert.deepEqual(Array.from(heap.subarray(20, 44)), expected);
  });
  it("refuses a tile width other than 2, 4 or 6", () => {
    assert.throws(() => gemmModule(1, 8), {
      name: "RangeError",
      message: /GEMM tile must have 2, 4 or 6 columns, got 8/,
    });
  });
});
