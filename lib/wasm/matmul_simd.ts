/**
 * Matrix product C = A·B on a WebAssembly SIMD128 kernel (`gemm_module.ts`), with a
 * pure-TypeScript fallback ({@link matmulBlocked}) where SIMD or WebAssembly is missing.
 *
 * Each call copies A into the module's memory row by row (rows padded with zeros to a
 * multiple of the tile's R) and packs it into panels there (in WebAssembly), copies B as
 * it is (one copy; row by row into a width padded to the tile's C when n is not a multiple
 * of it), runs the kernel and copies the valid part of C out. Memory grows on demand and is
 * kept for the next call.
 *
 * The tile is chosen per engine from measurement ({@link defaultGemmTile}; `tuneGemmTile`
 * measures it on the machine at hand); every tile gives the same bits: each entry summed in
 * order p = 0, 1, … from 0 with separate multiply and add, as the textbook loop.
 * {@link matmulWasmFma} uses the relaxed-SIMD fused multiply-add instead where the engine
 * fuses it (V8): one rounding per term, so
 * |C − AB| ≤ k·2⁻⁵³·|A||B| per entry (against 2k·2⁻⁵³ for separate multiply and add), but
 * not the bits of the other variants.
 *
 * @module
 */

import { InputTypeError, ShapeError } from "../errors.ts";
import { describeValue, requireMatrix, requireOptions } from "../_util/validate.ts";
import { createMatrix } from "../linalg/matrix.ts";
import type { Matrix } from "../linalg/matrix.ts";
import { GEMM_EXPORTS, gemmModule } from "./gemm_module.ts";
import { gemmCopyIn, gemmCopyOut, gemmLayout, type GemmTile } from "./gemm_layout.ts";
import { hasWasmSimd } from "./simd_support.ts";
import { matmulBlocked, type MatmulKernel } from "../linalg/matmul.ts";
import { encodeModule } from "./module_encoder.ts";
import { f64x2, get } from "./ops.ts";

// Re-exported so that this module's documentation is complete on its own.
export type { Matrix } from "../linalg/matrix.ts";
export {
  gemmCopyIn,
  gemmCopyOut,
  type GemmLayout,
  gemmLayout,
  type GemmTile,
} from "./gemm_layout.ts";
export type { MatmulKernel } from "../linalg/matmul.ts";

/** A kernel and which path it runs.
 * @category WebAssembly */
export interface WasmMatmul {
  /** C = A·B, optionally into `out`. */
  readonly matmul: MatmulKernel;
  /**
   * "wasm-simd" (separate multiply and add), "wasm-simd-fma" (relaxed_madd, fused here),
   * "wasm-simd, relaxed_madd not fused" (FMA asked for, the engine rounds twice: the
   * bits of "wasm-simd"), or "fallback" (pure TypeScript).
   */
  readonly backend:
    | "wasm-simd"
    | "wasm-simd-fma"
    | "wasm-simd, relaxed_madd not fused"
    | "fallback";
  /** The register tile of the WebAssembly kernel (undefined on the fallback). */
  readonly tile?: GemmTile;
}

/** Options for {@link createWasmMatmul}.
 * @category WebAssembly */
export interface WasmMatmulOptions {
  /** Use the TypeScript path even if SIMD is available (for testing the fallback). */
  readonly forceFallback?: boolean;
  /** The register tile (default {@link defaultGemmTile}). */
  readonly tile?: GemmTile;
  /** Fused multiply-add via relaxed SIMD, where the engine has it. */
  readonly fma?: boolean;
}

const PAGE = 65536;

/**
 * The tile each engine ran fastest on the machine the benchmarks run on (AMD EPYC, AVX2),
 * measured with bench/gemm_tiles.ts at n = 256 and 512 (process CPU time, interleaved
 * rounds; BENCHMARKS.md): 5 × 4 on V8 (Deno, Node, Chromium), 2 × 8 on JavaScriptCore
 * (Bun, Safari), 6 × 4 for the fused kernel (V8 only fuses). The engines are told apart by
 * `navigator.userAgent`; any other engine gets V8's choice. Another core may prefer
 * another tile (on an Intel Xeon with AVX-512 the two engines' choices swap): `tuneGemmTile`
 * measures it on the machine at hand.
 *
 * @param fma For the fused kernel.
 * @returns R × C.
 * @throws {InputTypeError} if fma is not a boolean.
 *
 * @example
 * ```ts
 * import { defaultGemmTile } from "@nnref/nnref/wasm";
 * const { rows, columns } = defaultGemmTile();
 * if (rows < 1 || rows > 6 || columns % 2 !== 0) throw new Error("a valid tile");
 * ```
 * @category WebAssembly
 */
export function defaultGemmTile(fma = false): GemmTile {
  if (typeof fma !== "boolean") {
    throw new InputTypeError(`fma must be true or false, got ${describeValue(fma)}`);
  }
  if (fma) return { rows: 6, columns: 4 };
  return isJavaScriptCore() ? { rows: 2, columns: 8 } : { rows: 5, columns: 4 };
}

/** Bun and Safari run JavaScriptCore; Deno, Node and Chromium V8. */
function isJavaScriptCore(): boolean {
  const agent = typeof navigator === "object" ? String(navigator.userAgent ?? "") : "";
  return /\bBun\//.test(agent) ||
    (/Safari\//.test(agent) && !/Chrome\/|Chromium\//.test(agent));
}

/**
 * Whether this engine validates `f64x2.relaxed_madd`, and whether it fuses it: probes
 * 1 + 2⁻³⁰ times 1 − 2⁻³⁰ minus 1, which is −2⁻⁶⁰ fused and 0 rounded twice.
 *
 * @returns `{ relaxed, fused }`.
 *
 * @example
 * ```ts
 * import { relaxedMaddSupport } from "@nnref/nnref/wasm";
 * const { relaxed, fused } = relaxedMaddSupport();
 * if (fused && !relaxed) throw new Error("fused implies supported");
 * ```
 * @category WebAssembly
 */
export function relaxedMaddSupport(): { relaxed: boolean; fused: boolean } {
  try {
    const bytes = encodeModule({
      functions: [{
        exportName: "madd",
        params: ["f64", "f64", "f64"],
        results: ["f64"],
        locals: [],
        body: f64x2.extractLane(
          f64x2.relaxedMadd(f64x2.splat(get(0)), f64x2.splat(get(1)), f64x2.splat(get(2))),
          0,
        ),
      }],
    });
    if (typeof WebAssembly !== "object" || !WebAssembly.validate(bytes)) {
      return { relaxed: false, fused: false };
    }
    const madd = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports.madd as (
      a: number,
      b: number,
      c: number,
    ) => number;
    return { relaxed: true, fused: madd(1 + 2 ** -30, 1 - 2 ** -30, -1) === -(2 ** -60) };
  } catch {
    return { relaxed: false, fused: false };
  }
}

// The same checks and messages as the TypeScript variants, so that every entry of the
// matmul registry rejects the same inputs in the same words.
function checkShapes(a: Matrix, b: Matrix, out: Matrix | undefined): void {
  requireMatrix(a, "A");
  requireMatrix(b, "B");
  if (a.cols !== b.rows) {
    throw new ShapeError(
      `Cannot multiply matrices: inner dimensions differ (${a.cols} vs ${b.rows}); ` +
        `A is ${a.rows}×${a.cols}, B is ${b.rows}×${b.cols}`,
    );
  }
  if (out === undefined) return;
  requireMatrix(out, "out");
  if (out.rows !== a.rows || out.cols !== b.cols) {
    throw new ShapeError(
      `Cannot multiply matrices: the output buffer is ${out.rows}×${out.cols}, ` +
        `expected ${a.rows}×${b.cols}`,
    );
  }
  if (out.data.buffer === a.data.buffer || out.data.buffer === b.data.buffer) {
    // Harmless here (the operands are copied first) but refused by the other variants.
    throw new ShapeError(
      "Cannot multiply matrices: the output buffer shares memory with an input; pass a separate buffer",
    );
  }
}

type Kernel = (
  aPacked: number,
  b: number,
  c: number,
  rowPanels: number,
  depth: number,
  colFirst: number,
  colCount: number,
  ldb: number,
  ldc: number,
) => void;

function simdMatmul(tile: GemmTile, fma: boolean): MatmulKernel {
  const instance = new WebAssembly.Instance(
    new WebAssembly.Module(gemmModule(1, tile.columns, { tileRows: tile.rows, fma })),
  );
  const memory = instance.exports[GEMM_EXPORTS.memory] as WebAssembly.Memory;
  const kernel = instance.exports[GEMM_EXPORTS.kernel] as Kernel;
  const pack = instance.exports[GEMM_EXPORTS.pack] as (
    a: number,
    packed: number,
    panels: number,
    depth: number,
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
    const layout = gemmLayout(m, k, n, tile);
    if (layout.bytes > 2 ** 31) {
      throw new ShapeError(
        `Cannot multiply ${m}×${k} by ${k}×${n} in WebAssembly: needs ${layout.bytes} bytes, more than 2 GiB`,
      );
    }
    if (memory.buffer.byteLength < layout.bytes) {
      memory.grow(Math.ceil((layout.bytes - memory.buffer.byteLength) / PAGE));
    }
    // A fresh view every call: growing detaches the previous buffer.
    const heap = new Float64Array(memory.buffer);
    gemmCopyIn(heap, a, b, layout, tile.rows);
    pack(layout.aRaw, layout.aPacked, layout.rowPanels, k);
    kernel(
      layout.aPacked,
      layout.b,
      layout.c,
      layout.rowPanels,
      k,
      0,
      layout.colPanels,
      8 * layout.nPad,
      8 * layout.nPad,
    );
    gemmCopyOut(heap, result, layout);
    return result;
  };
}

/**
 * Builds a matmul on the SIMD kernel, or on the TypeScript fallback if SIMD is missing
 * or `forceFallback` is set.
 *
 * Each call instantiates its own module (its own memory), so kernels do not share state.
 *
 * @param options `forceFallback` to test the TypeScript path; `tile` to choose the register
 *   tile; `fma` for relaxed-SIMD fused multiply-add (used only where the engine fuses it).
 * @throws {InputTypeError} if options is not an object, has an unknown key, or
 *   forceFallback/fma is not a boolean.
 * @throws {RangeError} if `tile` is not a valid tile (see `gemmModule`).
 * @throws {ShapeError} only from the returned kernel, as {@link matmulWasmSimd} does.
 * @returns The kernel, the backend it runs and its tile.
 *
 * @example The fallback gives the same answer
 * ```ts
 * import { fromRows } from "@nnref/nnref/linalg";
 * import { createWasmMatmul } from "@nnref/nnref/wasm";
 * const { matmul, backend } = createWasmMatmul({ forceFallback: true });
 * const c = matmul(fromRows([[1, 2]]), fromRows([[3], [4]]));
 * if (backend !== "fallback" || c.data[0] !== 11) throw new Error("1·3 + 2·4 = 11");
 * ```
 * @category WebAssembly
 */
export function createWasmMatmul(options: WasmMatmulOptions = {}): WasmMatmul {
  requireOptions(options, "options", ["forceFallback", "tile", "fma"], ["forceFallback", "fma"]);
  if (options.forceFallback || !hasWasmSimd()) {
    return { matmul: matmulBlocked, backend: "fallback" };
  }
  if (options.fma) {
    const { fused } = relaxedMaddSupport();
    const tile = options.tile ?? defaultGemmTile(fused);
    if (fused) return { matmul: simdMatmul(tile, true), backend: "wasm-simd-fma", tile };
    return {
      matmul: simdMatmul(tile, false),
      backend: "wasm-simd, relaxed_madd not fused",
      tile,
    };
  }
  const tile = options.tile ?? defaultGemmTile();
  return { matmul: simdMatmul(tile, false), backend: "wasm-simd", tile };
}

let shared: WasmMatmul | undefined;
let sharedFma: WasmMatmul | undefined;

function sharedMatmul(): WasmMatmul {
  shared ??= createWasmMatmul();
  return shared;
}

function sharedFmaMatmul(): WasmMatmul {
  sharedFma ??= createWasmMatmul({ fma: true });
  return sharedFma;
}

/**
 * The backend {@link matmulWasmSimd} runs here: "wasm-simd", or "fallback" (pure
 * TypeScript) where WebAssembly SIMD128 is unavailable.
 *
 * @example
 * ```ts
 * import { wasmMatmulBackend } from "@nnref/nnref/wasm";
 * const backend = wasmMatmulBackend();
 * if (backend !== "wasm-simd" && backend !== "fallback") throw new Error("one of two");
 * ```
 * @category WebAssembly
 */
export function wasmMatmulBackend(): WasmMatmul["backend"] {
  return sharedMatmul().backend;
}

/**
 * The backend {@link matmulWasmFma} runs here: "wasm-simd-fma" where the engine fuses
 * relaxed_madd (V8), "wasm-simd, relaxed_madd not fused" (JavaScriptCore: the bits of
 * {@link matmulWasmSimd}), "wasm-simd" where relaxed SIMD is missing, or "fallback".
 *
 * @example
 * ```ts
 * import { wasmFmaBackend } from "@nnref/nnref/wasm";
 * if (typeof wasmFmaBackend() !== "string") throw new Error("a backend name");
 * ```
 * @category WebAssembly
 */
export function wasmFmaBackend(): WasmMatmul["backend"] {
  return sharedFmaMatmul().backend;
}

/**
 * C = A·B, cᵢⱼ = Σₚ aᵢₚ bₚⱼ, on a register-blocked WebAssembly f64x2 kernel.
 *
 * Same signature and same bits as the other matmul variants' reference (textbook i-j-p
 * loop); falls back to TypeScript where SIMD is missing (see {@link wasmMatmulBackend}).
 * The module is compiled on first use (synchronously; it is under 4 KiB).
 *
 * @param a Left factor A (m × k).
 * @param b Right factor B (k × n).
 * @param out Optional m × n result to overwrite (must not share memory with A or B).
 * @returns C (m × n): `out` if given, else a new matrix.
 * @throws {InputTypeError} if A, B or `out` is not a Matrix.
 * @throws {ShapeError} if the inner dimensions differ, `out` has the wrong shape or
 *   aliases an input, or the operands need more than 2 GiB of WebAssembly memory.
 *
 * @example A 2×2 product, exact in binary64
 * ```ts
 * import { fromRows } from "@nnref/nnref/linalg";
 * import { matmulWasmSimd } from "@nnref/nnref/wasm";
 * const c = matmulWasmSimd(fromRows([[1, 2], [3, 4]]), fromRows([[5, 6], [7, 8]]));
 * if (c.data.join(",") !== "19,22,43,50") throw new Error("[[19, 22], [43, 50]]");
 * ```
 * @category WebAssembly
 */
export function matmulWasmSimd(a: Matrix, b: Matrix, out?: Matrix): Matrix {
  return sharedMatmul().matmul(a, b, out);
}

/**
 * C = A·B with fused multiply-adds (relaxed SIMD) where the engine fuses them (V8); the
 * same kernel without fusion elsewhere (see {@link wasmFmaBackend}). Each entry is
 * accumulated in order p = 0, 1, … as fl(aᵢₚbₚⱼ + acc): one rounding per term, so
 * |C − AB| ≤ γ_k·|A||B| with γ_k ≈ k·2⁻⁵³ (half the bound of separate multiply and add);
 * the bits differ from the textbook loop's.
 *
 * @param a Left factor A (m × k).
 * @param b Right factor B (k × n).
 * @param out Optional m × n result to overwrite (must not share memory with A or B).
 * @returns C (m × n).
 * @throws {RangeError} as {@link matmulWasmSimd}.
 *
 * @example Exact on small integers either way
 * ```ts
 * import { fromRows } from "@nnref/nnref/linalg";
 * import { matmulWasmFma } from "@nnref/nnref/wasm";
 * const c = matmulWasmFma(fromRows([[1, 2], [3, 4]]), fromRows([[5, 6], [7, 8]]));
 * if (c.data.join(",") !== "19,22,43,50") throw new Error("[[19, 22], [43, 50]]");
 * ```
 * @category WebAssembly
 */
export function matmulWasmFma(a: Matrix, b: Matrix, out?: Matrix): Matrix {
  return sharedFmaMatmul().matmul(a, b, out);
}
