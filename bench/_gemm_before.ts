/**
 * Matrix product C = A·B on a WebAssembly SIMD128 kernel, with a pure-TypeScript
 * fallback ({@link matmulBlocked}, the fastest TypeScript variant) where SIMD or
 * WebAssembly is unavailable.
 *
 * The operands are copied into the module's linear memory in the packed layout of
 * {@link gemmModule} with a 4 × 6 register tile (rows padded with zeros to a multiple of
 * 4, columns to a multiple of 6, the inner dimension to a multiple of GEMM_UNROLL; padded
 * rows and columns are never copied out, and the
 * padded depth only adds +0 to each sum), the kernel runs,
 * and the valid part of C is copied out. Memory grows on demand and is kept for the next
 * call. The copies cost O(mk + kn + mn) against the 2mkn flops of the product.
 *
 * Results equal the textbook i-j-p loop bit for bit on finite inputs: each entry is
 * summed in order p = 0, 1, … from 0 with separate multiply and add, on both paths.
 *
 * @module
 */

import { createMatrix } from "../lib/linalg/matrix.ts";
import type { Matrix } from "../lib/linalg/matrix.ts";
import { GEMM_EXPORTS, GEMM_TILE, GEMM_UNROLL, gemmModule } from "./_gemm_before_module.ts";
import { hasWasmSimd } from "../lib/wasm/simd_support.ts";
import { matmulBlocked, type MatmulKernel } from "../lib/linalg/matmul.ts";

// Re-exported so that this module's documentation is complete on its own.
export type { Matrix } from "../lib/linalg/matrix.ts";
export type { MatmulKernel } from "../lib/linalg/matmul.ts";

/** A kernel and which path it runs. */
export interface WasmMatmul {
  /** C = A·B, optionally into `out`. */
  readonly matmul: MatmulKernel;
  /** "wasm-simd" when the SIMD module runs, "fallback" when pure TypeScript does. */
  readonly backend: "wasm-simd" | "fallback";
}

/** Options for {@link createWasmMatmul}. */
export interface WasmMatmulOptions {
  /** Use the TypeScript path even if SIMD is available (for testing the fallback). */
  readonly forceFallback?: boolean;
}

const PAGE_BYTES = 65536;

/** Columns of the register tile: 4 × 6 measured fastest on V8 and JavaScriptCore. */
const TILE_COLUMNS = 6;

// The same checks and messages as the TypeScript variants, so that every entry of the
// matmul registry rejects the same inputs in the same words.
function checkShapes(a: Matrix, b: Matrix, out: Matrix | undefined): void {
  if (a.cols !== b.rows) {
    throw new RangeError(
      `Cannot multiply matrices: inner dimensions differ (${a.cols} vs ${b.rows}); ` +
        `A is ${a.rows}×${a.cols}, B is ${b.rows}×${b.cols}`,
    );
  }
  if (out === undefined) return;
  if (out.rows !== a.rows || out.cols !== b.cols || out.data.length !== a.rows * b.cols) {
    throw new RangeError(
      `Cannot multiply matrices: the output buffer is ${out.rows}×${out.cols}, ` +
        `expected ${a.rows}×${b.cols}`,
    );
  }
  if (out.data.buffer === a.data.buffer || out.data.buffer === b.data.buffer) {
    // Harmless here (the operands are copied first) but refused by the other variants.
    throw new RangeError(
      "Cannot multiply matrices: the output buffer shares memory with an input; pass a separate buffer",
    );
  }
}

function simdMatmul(): MatmulKernel {
  const instance = new WebAssembly.Instance(new WebAssembly.Module(gemmModule(1, TILE_COLUMNS)));
  const memory = instance.exports[GEMM_EXPORTS.memory] as WebAssembly.Memory;
  const kernel = instance.exports[GEMM_EXPORTS.kernel] as (
    aPtr: number,
    bPtr: number,
    cPtr: number,
    rowPanels: number,
    depth: number,
    colPanels: number,
  ) => void;

  return (a, b, out) => {
    checkShapes(a, b, out);
    const m = a.rows, k = a.cols, n = b.cols;
    const result = out ?? createMatrix(m, n);
    if (m === 0 || n === 0) return result;
    if (k === 0) {
      result.data.fill(0);
      return result;
    }
    const rowPanels = Math.ceil(m / GEMM_TILE), colPanels = Math.ceil(n / TILE_COLUMNS);
    const mPad = rowPanels * GEMM_TILE, nPad = colPanels * TILE_COLUMNS;
    // Zero padding of the depth adds +0·(+0) terms after the last product: acc + 0 = acc
    // for every acc the textbook loop can produce (its sums start at +0, never −0).
    const depth = Math.ceil(k / GEMM_UNROLL) * GEMM_UNROLL;
    const aCount = mPad * depth, bCount = depth * nPad, cCount = mPad * nPad;
    const bytes = 8 * (aCount + bCount + cCount);
    if (bytes > 2 ** 31) {
      throw new RangeError(
        `Cannot multiply ${m}×${k} by ${k}×${n} in WebAssembly: needs ${bytes} bytes, more than 2 GiB`,
      );
    }
    if (memory.buffer.byteLength < bytes) {
      memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / PAGE_BYTES));
    }
    // A fresh view every call: growing detaches the previous buffer.
    const heap = new Float64Array(memory.buffer, 0, aCount + bCount + cCount);
    const ad = a.data, bd = b.data;
    // Pack A: panel I, depth p, lane r  ←  A[4I + r][p], four rows at a time so the writes
    // are contiguous. Only padding is zeroed: every other slot is overwritten.
    for (let panel = 0; panel < rowPanels; panel++) {
      const base = panel * GEMM_TILE * depth, i0 = panel * GEMM_TILE;
      const rows = Math.min(GEMM_TILE, m - i0);
      if (rows === GEMM_TILE) {
        const r0 = i0 * k, r1 = r0 + k, r2 = r1 + k, r3 = r2 + k;
        for (let p = 0, dst = base; p < k; p++, dst += GEMM_TILE) {
          heap[dst] = ad[r0 + p], heap[dst + 1] = ad[r1 + p];
          heap[dst + 2] = ad[r2 + p], heap[dst + 3] = ad[r3 + p];
        }
      } else {
        heap.fill(0, base, base + GEMM_TILE * depth);
        for (let r = 0; r < rows; r++) {
          const src = (i0 + r) * k;
          for (let p = 0; p < k; p++) heap[base + p * GEMM_TILE + r] = ad[src + p];
        }
      }
      if (depth > k) heap.fill(0, base + GEMM_TILE * k, base + GEMM_TILE * depth);
    }
    // Pack B: panel J, depth p, lane c  ←  B[p][6J + c]; padded columns and depth are zero.
    for (let panel = 0; panel < colPanels; panel++) {
      const base = aCount + panel * TILE_COLUMNS * depth;
      const j0 = panel * TILE_COLUMNS, width = Math.min(TILE_COLUMNS, n - j0);
      if (width === TILE_COLUMNS) {
        for (let p = 0, dst = base, src = j0; p < k; p++, dst += TILE_COLUMNS, src += n) {
          heap[dst] = bd[src], heap[dst + 1] = bd[src + 1], heap[dst + 2] = bd[src + 2];
          heap[dst + 3] = bd[src + 3], heap[dst + 4] = bd[src + 4], heap[dst + 5] = bd[src + 5];
        }
      } else {
        heap.fill(0, base, base + TILE_COLUMNS * depth);
        for (let p = 0; p < k; p++) {
          const dst = base + p * TILE_COLUMNS, src = p * n + j0;
          for (let c = 0; c < width; c++) heap[dst + c] = bd[src + c];
        }
      }
      if (depth > k) heap.fill(0, base + TILE_COLUMNS * k, base + TILE_COLUMNS * depth);
    }
    const cBase = aCount + bCount;
    kernel(0, 8 * aCount, 8 * cBase, rowPanels, depth, colPanels);
    const rd = result.data;
    if (nPad === n) {
      rd.set(heap.subarray(cBase, cBase + m * n));
    } else {
      for (let i = 0; i < m; i++) {
        rd.set(heap.subarray(cBase + i * nPad, cBase + i * nPad + n), i * n);
      }
    }
    return result;
  };
}

/**
 * Builds a matmul on the SIMD kernel, or on the TypeScript fallback if SIMD is missing
 * or `forceFallback` is set.
 *
 * Each call instantiates its own module (its own memory), so kernels do not share state.
 *
 * @param options `forceFallback` to test the TypeScript path.
 * @throws {RangeError} only from the returned kernel, as {@link matmulWasmSimd} does.
 * @returns The kernel and the backend it runs.
 *
 * @example The fallback gives the same answer
 * ```ts
 * import { fromRows } from "../lib/linalg/matrix.ts";
 * const { matmul, backend } = createWasmMatmul({ forceFallback: true });
 * const c = matmul(fromRows([[1, 2]]), fromRows([[3], [4]]));
 * if (backend !== "fallback" || c.data[0] !== 11) throw new Error("1·3 + 2·4 = 11");
 * ```
 */
export function createWasmMatmul(options: WasmMatmulOptions = {}): WasmMatmul {
  if (!options.forceFallback && hasWasmSimd()) {
    return { matmul: simdMatmul(), backend: "wasm-simd" };
  }
  return { matmul: matmulBlocked, backend: "fallback" };
}

let shared: WasmMatmul | undefined;

function sharedMatmul(): WasmMatmul {
  shared ??= createWasmMatmul();
  return shared;
}

/**
 * The backend {@link matmulWasmSimd} runs here: "wasm-simd", or "fallback" (pure
 * TypeScript) where WebAssembly SIMD128 is unavailable.
 *
 * @example
 * ```ts
 * const backend = wasmMatmulBackend();
 * if (backend !== "wasm-simd" && backend !== "fallback") throw new Error("one of two");
 * ```
 */
export function wasmMatmulBackend(): "wasm-simd" | "fallback" {
  return sharedMatmul().backend;
}

/**
 * C = A·B, cᵢⱼ = Σₚ aᵢₚ bₚⱼ, on a register-blocked WebAssembly f64x2 kernel.
 *
 * Same signature and same bits as the other matmul variants' reference (textbook i-j-p
 * loop); falls back to TypeScript where SIMD is missing (see {@link wasmMatmulBackend}).
 * The module is compiled on first use (synchronously; it is under 1 KiB).
 *
 * @param a Left factor A (m × k).
 * @param b Right factor B (k × n).
 * @param out Optional m × n result to overwrite (must not share memory with A or B).
 * @returns C (m × n): `out` if given, else a new matrix.
 * @throws {RangeError} if the inner dimensions differ, `out` has the wrong shape or
 *   aliases an input, or the operands need more than 2 GiB of WebAssembly memory.
 *
 * @example A 2×2 product, exact in binary64
 * ```ts
 * import { fromRows } from "../lib/linalg/matrix.ts";
 * const c = matmulWasmSimd(fromRows([[1, 2], [3, 4]]), fromRows([[5, 6], [7, 8]]));
 * if (c.data.join(",") !== "19,22,43,50") throw new Error("[[19, 22], [43, 50]]");
 * ```
 */
export function matmulWasmSimd(a: Matrix, b: Matrix, out?: Matrix): Matrix {
  return sharedMatmul().matmul(a, b, out);
}
