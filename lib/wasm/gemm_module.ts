/**
 * A register-blocked f64x2 GEMM kernel, C = A·B, emitted as WebAssembly bytes, for a tile
 * of R rows × C columns (R from 1 to 6, C = 2, 4, 6 or 8) chosen by the caller.
 *
 * Layout in linear memory (byte addresses, multiples of 16):
 * - A packed in row panels by the module's `pack` function: panel I holds rows R·I … R·I+R−1;
 *   inside it, for each p the R values A[R·I+r][p] are adjacent (`panel[p·R + r]`), so one
 *   pointer walks it;
 * - B row-major as the caller copied it, rows `ldb` bytes apart (its width padded to a
 *   multiple of C with zeros): no packing, the kernel reads B[p][C·J … C·J+C−1] with
 *   v128.load and steps p by ldb;
 * - C row-major, rows `ldc` bytes apart.
 *
 * For each R × C tile of C the kernel keeps R·C/2 f64x2 accumulators in registers and, for
 * p = 0 … k−1, loads C/2 vectors of B, splats each of the R values of A
 * (`v128.load64_splat`) and does R·C/2 `f64x2.mul` + `f64x2.add`. Column panels are the
 * outer loop (a C-column strip of B, k·C·8 bytes, stays in L1 while every row panel uses
 * it), and the kernel takes a range of them, so two threads can share one product.
 *
 * Every C entry is accumulated as ((0 + a₀b₀) + a₁b₁) + … in order p = 0, 1, …, with a
 * separate multiply and add, which is exactly the textbook i-j-p loop: the result is
 * bitwise equal to it for finite inputs, whatever the tile. With `fma: true` the multiply
 * and add become `f64x2.relaxed_madd` (relaxed SIMD): V8 fuses it on x86-64 with FMA3
 * (one rounding per term instead of two: different bits, see `matmul_simd.ts` for the
 * error), JavaScriptCore does not (the same bits as without).
 *
 * @module
 */

import { ArgumentRangeError } from "../errors.ts";
import { requireInteger, requireNumber, requireOptions } from "../_util/validate.ts";
import { encodeModule, type FunctionDefinition, type MemoryDefinition } from "./module_encoder.ts";
import { requireMemory } from "./_check.ts";
import { type Code, f64, f64x2, get, i32, set, v128 } from "./ops.ts";
import { Locals } from "./_exp_code.ts";
import { repeat } from "./_loop_code.ts";

/** Rows of the default register tile.
 * @category WebAssembly encoder */
export const GEMM_TILE = 4;

/** Columns of the default register tile.
 * @category WebAssembly encoder */
export const GEMM_TILE_COLUMNS_DEFAULT = 4;

/** Steps of p per loop iteration: the depth is never padded (kept for compatibility).
 * @category WebAssembly encoder */
export const GEMM_UNROLL = 1;

/** Names of the exported kernel, packing function and memory.
 * @category WebAssembly encoder */
export const GEMM_EXPORTS = { kernel: "gemm", pack: "pack", memory: "memory" } as const;

/** Options of {@link gemmModule}.
 * @category WebAssembly encoder */
export interface GemmModuleOptions {
  /** Rows R of the register tile, 1 to 6 (default {@link GEMM_TILE}). */
  readonly tileRows?: number;
  /** Use `f64x2.relaxed_madd` (relaxed SIMD) for each multiply-add. */
  readonly fma?: boolean;
  /** The memory (default: own, exported); pass an imported shared one for two threads. */
  readonly memory?: MemoryDefinition;
}

/**
 * `gemm(aPacked, b, c, rowPanels, depth, colFirst, colCount, ldb, ldc)`: C's tiles for
 * column panels colFirst … colFirst + colCount − 1 and every row panel.
 */
function kernel(rows: number, vectors: number, fma: boolean): FunctionDefinition {
  const locals = new Locals(9);
  const A = 0, B = 1, C = 2, ROW_PANELS = 3, DEPTH = 4, COL_FIRST = 5, COL_COUNT = 6;
  const LDB = 7, LDC = 8;
  const jLeft = locals.add("i32"), iLeft = locals.add("i32"), pLeft = locals.add("i32");
  const pa = locals.add("i32"), pb = locals.add("i32"), bStrip = locals.add("i32");
  const cTile = locals.add("i32"), cStrip = locals.add("i32"), address = locals.add("i32");
  const acc = Array.from({ length: rows * vectors }, () => locals.add("v128"));
  const bv = Array.from({ length: vectors }, () => locals.add("v128"));
  const splat = locals.add("v128");
  const step: Code = [];
  for (let h = 0; h < vectors; h++) step.push(...set(bv[h], v128.load(get(pb), 16 * h)));
  for (let r = 0; r < rows; r++) {
    step.push(...set(splat, v128.load64Splat(get(pa), 8 * r)));
    for (let h = 0; h < vectors; h++) {
      const a = acc[r * vectors + h];
      step.push(
        ...set(
          a,
          fma
            ? f64x2.relaxedMadd(get(splat), get(bv[h]), get(a))
            : f64x2.add(get(a), f64x2.mul(get(splat), get(bv[h]))),
        ),
      );
    }
  }
  const store: Code = [...set(address, get(cTile))];
  for (let r = 0; r < rows; r++) {
    for (let h = 0; h < vectors; h++) {
      store.push(...v128.store(get(address), get(acc[r * vectors + h]), 16 * h));
    }
    if (r < rows - 1) store.push(...set(address, i32.add(get(address), get(LDC))));
  }
  const tile: Code = [
    ...acc.flatMap((a) => set(a, v128.constF64(0, 0))),
    ...set(pb, get(bStrip)),
    ...repeat(pLeft, get(DEPTH), [
      ...step,
      ...set(pa, i32.add(get(pa), i32.const(8 * rows))),
      ...set(pb, i32.add(get(pb), get(LDB))),
    ]),
    ...store,
  ];
  const body: Code = [
    // strip J of B starts at byte 16·vectors·J; of C at the same column
    ...set(bStrip, i32.add(get(B), i32.mul(get(COL_FIRST), i32.const(16 * vectors)))),
    ...set(cStrip, i32.add(get(C), i32.mul(get(COL_FIRST), i32.const(16 * vectors)))),
    ...repeat(jLeft, get(COL_COUNT), [
      ...set(pa, get(A)),
      ...set(cTile, get(cStrip)),
      ...repeat(iLeft, get(ROW_PANELS), [
        ...tile, // leaves pa at the next row panel
        ...set(cTile, i32.add(get(cTile), i32.mul(get(LDC), i32.const(rows)))),
      ]),
      ...set(bStrip, i32.add(get(bStrip), i32.const(16 * vectors))),
      ...set(cStrip, i32.add(get(cStrip), i32.const(16 * vectors))),
    ]),
  ];
  return {
    exportName: GEMM_EXPORTS.kernel,
    params: ["i32", "i32", "i32", "i32", "i32", "i32", "i32", "i32", "i32"],
    results: [],
    locals: locals.types,
    body,
  };
}

/** `pack(a, aPacked, rowPanels, depth)`: row-major A (rows padded with zeros) into panels. */
function packer(rows: number): FunctionDefinition {
  const locals = new Locals(4);
  const SRC = 0, DST = 1, PANELS = 2, DEPTH = 3;
  const panelLeft = locals.add("i32"), pLeft = locals.add("i32"), source = locals.add("i32");
  const stride = locals.add("i32");
  const copy: Code = [];
  for (let r = 0; r < rows; r++) {
    copy.push(
      ...f64.store(
        get(DST),
        f64.load(r === 0 ? get(source) : i32.add(get(source), i32.mul(get(stride), i32.const(r)))),
        8 * r,
      ),
    );
  }
  return {
    exportName: GEMM_EXPORTS.pack,
    params: ["i32", "i32", "i32", "i32"],
    results: [],
    locals: locals.types,
    body: [
      ...set(stride, i32.shl(get(DEPTH), i32.const(3))),
      ...repeat(panelLeft, get(PANELS), [
        ...set(source, get(SRC)),
        ...repeat(pLeft, get(DEPTH), [
          ...copy,
          ...set(DST, i32.add(get(DST), i32.const(8 * rows))),
          ...set(source, i32.add(get(source), i32.const(8))),
        ]),
        ...set(SRC, i32.add(get(SRC), i32.mul(get(stride), i32.const(rows)))),
      ]),
    ],
  };
}

/**
 * The GEMM module's bytes: a memory and the exported `gemm` (see the module doc) and
 * `pack(a, aPacked, rowPanels, depth)`.
 *
 * The caller must pass addresses that are multiples of 16, B's and C's row strides
 * (`ldb`, `ldc`, in bytes) covering whole tiles, and A's rows padded to a multiple of R.
 *
 * @param initialPages Initial memory size in pages (≥ 1; ignored for an imported memory).
 * @param tileColumns Columns C of the register tile: 2, 4, 6 or 8.
 * @param options Rows of the tile, FMA, and the memory.
 * @returns Module bytes (under the 4 KiB that browsers compile synchronously for the
 *   default tile).
 * @throws {InputTypeError} if an argument has the wrong type or `options` an unknown key.
 * @throws {ArgumentRangeError} if `initialPages` is not an integer in 1 … 65536, or the tile
 *   is outside 1–6 rows × {2, 4, 6, 8} columns or needs more than 16 vector registers
 *   (R·C/2 accumulators + C/2 + 1).
 *
 * @example
 * ```ts
 * import { gemmModule } from "@nnref/nnref/wasm";
 * const bytes = gemmModule(1, 6);
 * if (bytes.length > 4096 || !WebAssembly.validate(bytes)) throw new Error("small and valid");
 * ```
 * @category WebAssembly encoder
 */
export function gemmModule(
  initialPages: number,
  tileColumns: number = GEMM_TILE_COLUMNS_DEFAULT,
  options: GemmModuleOptions = {},
): Uint8Array<ArrayBuffer> {
  requireInteger(initialPages, "initialPages", 1, 65536);
  requireNumber(tileColumns, "tileColumns");
  requireOptions(options, "options", ["tileRows", "fma", "memory"], ["fma"]);
  const rows = options.tileRows ?? GEMM_TILE;
  requireNumber(rows, "options.tileRows");
  if (options.memory !== undefined) requireMemory(options.memory, "options.memory");
  if (![2, 4, 6, 8].includes(tileColumns)) {
    throw new ArgumentRangeError(
      `The GEMM tile must have 2, 4, 6 or 8 columns, got ${tileColumns}`,
    );
  }
  const vectors = tileColumns / 2;
  if (!Number.isInteger(rows) || rows < 1 || rows > 6 || rows * vectors + vectors + 1 > 16) {
    throw new ArgumentRangeError(
      `A ${rows} × ${tileColumns} GEMM tile needs 1–6 rows and at most 16 vector registers (R·C/2 + C/2 + 1)`,
    );
  }
  return encodeModule({
    memory: options.memory ?? { initialPages, exportName: GEMM_EXPORTS.memory },
    functions: [kernel(rows, vectors, options.fma ?? false), packer(rows)],
  });
}
