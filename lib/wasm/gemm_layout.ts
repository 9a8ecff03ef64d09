/**
 * Where a GEMM's operands go in a WebAssembly memory for `gemm_module.ts`'s kernel, and the
 * copies in and out: A row-major with its rows padded to the tile's R (the module packs it),
 * B row-major with its width padded to the tile's C, C likewise. Shared by the one-thread
 * and the two-core products.
 *
 * @module
 */

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
  /** n rounded up to a multiple of C: the row length of B and C in memory. */
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

/**
 * The layout for an m × k by k × n product with `tile`, from byte `base` (every address a
 * multiple of 16).
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
  const rowPanels = Math.ceil(m / tile.rows), colPanels = Math.ceil(n / tile.columns);
  const mPad = rowPanels * tile.rows, nPad = colPanels * tile.columns;
  const aRaw = align16(base), aPacked = align16(aRaw + 8 * mPad * k);
  const b = align16(aPacked + 8 * mPad * k), c = align16(b + 8 * k * nPad);
  return { rowPanels, colPanels, nPad, aRaw, aPacked, b, c, bytes: c + 8 * mPad * nPad };
}

/**
 * Copies A and B into `heap` per `layout` (zero padding included).
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
  const m = a.rows, k = a.cols, n = b.cols;
  heap.set(a.data, layout.aRaw / 8);
  const mPad = layout.rowPanels * tileRows;
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
  const m = result.rows, n = result.cols, nPad = layout.nPad, cAt = layout.c / 8;
  if (nPad === n) result.data.set(heap.subarray(cAt, cAt + m * n));
  else {
    for (let i = 0; i < m; i++) {
      result.data.set(heap.subarray(cAt + i * nPad, cAt + i * nPad + n), i * n);
    }
  }
}
