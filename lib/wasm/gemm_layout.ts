/**
 * Where a GEMM's operands go in a WebAssembly memory for `gemm_module.ts`'s kernel, and the
 * copies in and out: A row-major with its rows padded to the tile's R (the module packs it),
 * B row-major with its width padded to the tile's C (and one tile more where the row stride
 * would be a multiple of 512 bytes), C likewise. Shared by the one-thread and the two-core
 * products.
 *
 * @module
 */

import { InputTypeError, ShapeError } from "../errors.ts";
import {
  describeValue,
  requireInteger,
  requireMatrix,
  requireObject,
  requireSize,
} from "../_util/validate.ts";
import type { Matrix } from "../linalg/matrix.ts";

export type { Matrix } from "../linalg/matrix.ts";

/** A register tile: R rows × C columns of C held in f64x2 accumulators.
 * @category WebAssembly encoder */
export interface GemmTile {
  /** R: rows of C per tile (1–6). */
  readonly rows: number;
  /** C: columns of C per tile (2, 4, 6 or 8). */
  readonly columns: number;
}

/** Where the operands go in the module's memory, and the padded sizes.
 * @category WebAssembly encoder */
export interface GemmLayout {
  /** ⌈m / R⌉: row panels of A (and of C). */
  readonly rowPanels: number;
  /** ⌈n / C⌉: column panels of B (and of C). */
  readonly colPanels: number;
  /**
   * The row length of B and C in memory: n rounded up to a multiple of C, plus C more when
   * that would make rows a multiple of 512 bytes apart (cache-set aliasing).
   */
  readonly nPad: number;
  /** Byte address of A as copied (row-major, rows padded with zeros). */
  readonly aRaw: number;
  /** Byte address of A packed into panels. */
  readonly aPacked: number;
  /** Byte address of B (row-major, rows nPad long). */
  readonly b: number;
  /** Byte address of C (row-major, rows nPad long). */
  readonly c: number;
  /** Bytes of memory the layout needs. */
  readonly bytes: number;
}

const align16 = (bytes: number) => Math.ceil(bytes / 16) * 16;

/** Row strides (bytes) that are a multiple of this get one more tile of columns. */
const ALIASING_STRIDE = 512;

const LAYOUT_FIELDS = ["rowPanels", "colPanels", "nPad", "aRaw", "aPacked", "b", "c", "bytes"];

/** Throws unless `layout` is an object whose fields are integers ≥ 0 (a {@link GemmLayout}). */
function requireLayout(layout: unknown): asserts layout is GemmLayout {
  requireObject(layout, "layout");
  for (const key of LAYOUT_FIELDS) {
    const value = layout[key] as number;
    // The message's name is built only for a bad field: the copies run once per product.
    if (!(Number.isSafeInteger(value) && value >= 0)) requireInteger(value, `layout.${key}`, 0);
  }
}

function requireHeap(heap: unknown): asserts heap is Float64Array {
  if (!(heap instanceof Float64Array)) {
    throw new InputTypeError(
      `heap must be a Float64Array (a view of the module's memory), got ${describeValue(heap)}`,
    );
  }
}

/** Throws unless `heap` holds doubles up to index `end` (exclusive). */
function requireHeapFits(heap: Float64Array, end: number, what: string): void {
  if (end > heap.length) {
    throw new ShapeError(
      `heap holds ${heap.length} doubles but ${what} reaches index ${end}: ` +
        `grow the memory to layout.bytes = ${8 * end} bytes at least`,
    );
  }
}

/**
 * The layout for an m × k by k × n product with `tile`, from byte `base` (every address a
 * multiple of 16).
 *
 * @throws {InputTypeError} if a size is not a number or `tile` not an object.
 * @throws {ArgumentRangeError} unless m, k, n and the tile's rows and columns are positive
 *   integers and `base` an integer ≥ 0.
 *
 * @example
 * ```ts
 * import { gemmLayout } from "@nnref/nnref/wasm";
 * const layout = gemmLayout(5, 3, 7, { rows: 2, columns: 4 });
 * if (layout.rowPanels !== 3 || layout.nPad !== 8 || layout.b % 16 !== 0) throw new Error("padded");
 * ```
 * @category WebAssembly encoder
 */
export function gemmLayout(m: number, k: number, n: number, tile: GemmTile, base = 0): GemmLayout {
  requireSize(m, "m (rows of A)", 1);
  requireSize(k, "k (columns of A, rows of B)", 1);
  requireSize(n, "n (columns of B)", 1);
  requireObject(tile, "tile");
  requireSize(tile.rows, "tile.rows", 1);
  requireSize(tile.columns, "tile.columns", 1);
  requireSize(base, "base (a byte address)");
  const rowPanels = Math.ceil(m / tile.rows), colPanels = Math.ceil(n / tile.columns);
  const mPad = rowPanels * tile.rows;
  let nPad = colPanels * tile.columns;
  // Rows a multiple of 512 bytes apart fall into the same few sets of a 4 KiB-periodic L1
  // cache, and the kernel walks B down its rows: one more tile of columns breaks the period
  // (n = 256 and 512: up to 1.4× faster on JavaScriptCore, 1.2× on V8; BENCHMARKS.md).
  if ((8 * nPad) % ALIASING_STRIDE === 0) nPad += tile.columns;
  const aRaw = align16(base), aPacked = align16(aRaw + 8 * mPad * k);
  const b = align16(aPacked + 8 * mPad * k), c = align16(b + 8 * k * nPad);
  return { rowPanels, colPanels, nPad, aRaw, aPacked, b, c, bytes: c + 8 * mPad * nPad };
}

/**
 * Copies A and B into `heap` per `layout` (zero padding included).
 *
 * @throws {InputTypeError} if `heap` is not a Float64Array, A or B not a Matrix, `layout`
 *   not an object of integers.
 * @throws {ShapeError} if A's columns are not B's rows, the layout is for fewer rows or
 *   columns, or `heap` is too small for it.
 * @throws {ArgumentRangeError} if `tileRows` is not a positive integer.
 *
 * @example
 * ```ts
 * import { fromRows } from "@nnref/nnref/linalg";
 * import { gemmCopyIn, gemmLayout } from "@nnref/nnref/wasm";
 * const a = fromRows([[1, 2]]), b = fromRows([[3], [4]]), tile = { rows: 2, columns: 2 };
 * const layout = gemmLayout(1, 2, 1, tile), heap = new Float64Array(layout.bytes / 8);
 * gemmCopyIn(heap, a, b, layout, tile.rows);
 * if (heap[layout.b / 8 + 2] !== 4 || heap[layout.b / 8 + 1] !== 0) throw new Error("B padded to 2 columns");
 * ```
 * @category WebAssembly encoder
 */
export function gemmCopyIn(
  heap: Float64Array,
  a: Matrix,
  b: Matrix,
  layout: GemmLayout,
  tileRows: number,
): void {
  requireHeap(heap);
  requireMatrix(a, "A");
  requireMatrix(b, "B");
  requireLayout(layout);
  requireSize(tileRows, "tileRows", 1);
  const m = a.rows, k = a.cols, n = b.cols;
  const mPad = layout.rowPanels * tileRows;
  if (k !== b.rows || mPad < m || layout.nPad < n) {
    throw new ShapeError(
      `Cannot copy A (${m}×${k}) and B (${b.rows}×${n}) in: ` +
        (k !== b.rows
          ? `A's columns are not B's rows`
          : `the layout holds ${mPad} rows of A (rowPanels × tileRows) and ${layout.nPad} ` +
            `columns of B (nPad)`),
    );
  }
  requireHeapFits(heap, layout.aRaw / 8 + mPad * k, "A (layout.aRaw)");
  requireHeapFits(heap, layout.b / 8 + k * layout.nPad, "B (layout.b)");
  heap.set(a.data, layout.aRaw / 8);
  if (mPad > m) heap.fill(0, layout.aRaw / 8 + m * k, layout.aRaw / 8 + mPad * k);
  const nPad = layout.nPad, bAt = layout.b / 8;
  if (nPad === n) heap.set(b.data, bAt);
  else {
    for (let p = 0; p < k; p++) {
      heap.set(b.data.subarray(p * n, (p + 1) * n), bAt + p * nPad);
      heap.fill(0, bAt + p * nPad + n, bAt + (p + 1) * nPad);
    }
  }
}

/**
 * Copies the valid m × n part of C out of `heap`.
 *
 * @throws {InputTypeError} if `heap` is not a Float64Array, `result` not a Matrix, `layout`
 *   not an object of integers.
 * @throws {ShapeError} if the layout's rows are shorter than `result`'s or `heap` is too
 *   small for them.
 *
 * @example
 * ```ts
 * import { createMatrix } from "@nnref/nnref/linalg";
 * import { gemmCopyOut, gemmLayout } from "@nnref/nnref/wasm";
 * const layout = gemmLayout(1, 1, 1, { rows: 1, columns: 2 }), heap = new Float64Array(layout.bytes / 8);
 * heap[layout.c / 8] = 42;
 * const c = createMatrix(1, 1);
 * gemmCopyOut(heap, c, layout);
 * if (c.data[0] !== 42) throw new Error("copied");
 * ```
 * @category WebAssembly encoder
 */
export function gemmCopyOut(heap: Float64Array, result: Matrix, layout: GemmLayout): void {
  requireHeap(heap);
  requireMatrix(result, "result");
  requireLayout(layout);
  if (layout.nPad < result.cols) {
    throw new ShapeError(
      `Cannot copy C out: result has ${result.cols} columns but the layout's rows hold ` +
        `${layout.nPad} (nPad)`,
    );
  }
  requireHeapFits(heap, layout.c / 8 + result.rows * layout.nPad, "C (layout.c)");
  const m = result.rows, n = result.cols, nPad = layout.nPad, cAt = layout.c / 8;
  if (nPad === n) result.data.set(heap.subarray(cAt, cAt + m * n));
  else {
    for (let i = 0; i < m; i++) {
      result.data.set(heap.subarray(cAt + i * nPad, cAt + i * nPad + n), i * n);
    }
  }
}
