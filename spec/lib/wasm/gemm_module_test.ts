import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  GEMM_EXPORTS,
  GEMM_TILE,
  GEMM_TILE_COLUMNS_DEFAULT,
  gemmModule,
} from "../../../lib/wasm/gemm_module.ts";

type Kernel = (
  a: number,
  b: number,
  c: number,
  rowPanels: number,
  depth: number,
  colFirst: number,
  colCount: number,
  ldb: number,
  ldc: number,
) => void;
type Pack = (a: number, packed: number, panels: number, depth: number) => void;

function instantiate(tileColumns: number, tileRows?: number) {
  const bytes = gemmModule(1, tileColumns, tileRows === undefined ? {} : { tileRows });
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes));
  return {
    heap: new Float64Array((instance.exports[GEMM_EXPORTS.memory] as WebAssembly.Memory).buffer),
    kernel: instance.exports[GEMM_EXPORTS.kernel] as Kernel,
    pack: instance.exports[GEMM_EXPORTS.pack] as Pack,
  };
}

describe("the GEMM module on its own", () => {
  const bytes = gemmModule(1);
  it("validates and is small enough for synchronous compilation in browsers (< 4 KiB)", () => {
    assert.equal(WebAssembly.validate(bytes), true);
    assert.ok(bytes.length < 4096, `${bytes.length} bytes`);
  });
  it("exports the kernel, the packing function and the memory", () => {
    const names = WebAssembly.Module.exports(new WebAssembly.Module(bytes)).map((e) => e.name);
    assert.deepEqual(names.sort(), Object.values(GEMM_EXPORTS).sort());
  });
  it("packs A's rows into panels of R, p-major", () => {
    const { heap, pack } = instantiate(4, 2);
    // A = [[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]] (4 rows = 2 panels of 2)
    heap.set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 0);
    pack(0, 128, 2, 3);
    assert.deepEqual(Array.from(heap.subarray(16, 28)), [1, 4, 2, 5, 3, 6, 7, 10, 8, 11, 9, 12]);
  });
  it("multiplies packed 4×2 A by row-major 2×4 B, each entry summed p = 0, 1", () => {
    const { heap, kernel, pack } = instantiate(GEMM_TILE_COLUMNS_DEFAULT);
    assert.equal(GEMM_TILE, 4);
    heap.set([1, 2, 3, 4, 5, 6, 7, 8], 0); // A = [[1, 2], [3, 4], [5, 6], [7, 8]]
    pack(0, 64, 1, 2);
    heap.set([1, 0, 2, 0, 0, 1, 0, 3], 16); // B = [[1, 0, 2, 0], [0, 1, 0, 3]], ldb = 32
    kernel(64, 128, 192, 1, 2, 0, 1, 32, 32);
    assert.deepEqual(
      Array.from(heap.subarray(24, 40)),
      [1, 2, 2, 6, 3, 4, 6, 12, 5, 6, 10, 18, 7, 8, 14, 24],
    );
  });
  it("runs a range of column panels only (how two threads share a product)", () => {
    const { heap, kernel, pack } = instantiate(2, 1);
    heap.set([2, 3], 0); // A = [[2, 3]]
    pack(0, 32, 1, 2);
    heap.set([1, 1, 10, 10, 100, 100, 1000, 1000, 1, 2, 3, 4, 5, 6, 7, 8], 8); // B 2×8, ldb 64
    heap.fill(-1, 32, 40);
    kernel(32, 64, 256, 1, 2, 1, 2, 64, 64); // column panels 1 and 2 of 4
    assert.deepEqual(Array.from(heap.subarray(32, 40)), [-1, -1, 29, 32, 215, 218, -1, -1]);
  });
  it("refuses tiles outside 1–6 rows × {2, 4, 6, 8} columns or over 16 registers", () => {
    assert.throws(() => gemmModule(1, 10), {
      name: "ArgumentRangeError",
      message: /2, 4, 6 or 8 columns, got 10/,
    });
    assert.throws(() => gemmModule(1, 8, { tileRows: 3 }), {
      name: "ArgumentRangeError",
      message: /16 vector registers/,
    });
    assert.throws(() => gemmModule(1, 2, { tileRows: 7 }), {
      name: "ArgumentRangeError",
      message: /1–6 rows/,
    });
  });
});
