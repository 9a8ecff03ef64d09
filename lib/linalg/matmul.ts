/**
 * Matrix product C = AB, three ways: the textbook i-j-p loop (the reference every other
 * kernel is checked against), the cache-friendlier i-p-j order, and a register-blocked
 * kernel over packed panels. All three add the products a[i][p]·b[p][j] for each entry
 * in the same order (p = 0, 1, …, k − 1, starting from +0), so on IEEE doubles without
 * fused multiply-add they give bit-identical results; only the memory traffic differs.
 *
 * @module
 */

import { ShapeError } from "../errors.ts";
import { requireMatrix } from "../_util/validate.ts";
import { createMatrix, type Matrix } from "./matrix.ts";

// Re-exported so that `deno doc --lint` finds every type the public API refers to.
export type { Matrix } from "./matrix.ts";

/** A matrix-product kernel: C = AB, written into `out` when given.
 * @category Linear algebra */
export type MatmulKernel = (a: Matrix, b: Matrix, out?: Matrix) => Matrix;

/** Checks shapes and the output buffer; returns the output matrix (zeroed). */
function prepareOutput(a: Matrix, b: Matrix, out: Matrix | undefined): Matrix {
  requireMatrix(a, "A");
  requireMatrix(b, "B");
  if (a.cols !== b.rows) {
    throw new ShapeError(
      `Cannot multiply matrices: inner dimensions differ (${a.cols} vs ${b.rows}); ` +
        `A is ${a.rows}×${a.cols}, B is ${b.rows}×${b.cols}`,
    );
  }
  if (out === undefined) return createMatrix(a.rows, b.cols);
  requireMatrix(out, "out");
  if (out.rows !== a.rows || out.cols !== b.cols) {
    throw new ShapeError(
      `Cannot multiply matrices: the output buffer is ${out.rows}×${out.cols}, ` +
        `expected ${a.rows}×${b.cols}`,
    );
  }
  if (out.data.buffer === a.data.buffer || out.data.buffer === b.data.buffer) {
    // Writing C while still reading A or B would corrupt the product.
    throw new ShapeError(
      "Cannot multiply matrices: the output buffer shares memory with an input; pass a separate buffer",
    );
  }
  out.data.fill(0);
  return out;
}

/**
 * Reference matrix product by the textbook loop: Cᵢⱼ = Σₚ Aᵢₚ Bₚⱼ, summed for p = 0 … k−1.
 *
 * The oracle for every other variant (`MATMUL_VARIANTS` in lib/variants.ts).
 *
 * @param a Left factor A, m × k.
 * @param b Right factor B, k × n.
 * @param out Optional m × n output buffer (overwritten; must not share memory with A or B).
 * @returns C = AB, m × n (`out` when given).
 * @throws {InputTypeError} if A, B or `out` is not a Matrix (a plain number[][]: use fromRows).
 * @throws {ShapeError} if A's columns differ from B's rows, a Matrix's data is not
 *   rows × cols long, or `out` has the wrong shape or aliases an input.
 * @see fixtures/linalg/matmul.json
 *
 * @example A 2×2 product
 * ```ts
 * import { fromRows, matmulNaive, toRows } from "@nnref/nnref/linalg";
 * const c = matmulNaive(fromRows([[1, 2], [3, 4]]), fromRows([[5, 6], [7, 8]]));
 * if (JSON.stringify(toRows(c)) !== "[[19,22],[43,50]]") throw new Error("19 22 / 43 50");
 * ```
 * @category Linear algebra
 */
export function matmulNaive(a: Matrix, b: Matrix, out?: Matrix): Matrix {
  const c = prepareOutput(a, b, out);
  const m = a.rows, k = a.cols, n = b.cols;
  const ad = a.data, bd = b.data, cd = c.data;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) sum += ad[i * k + p] * bd[p * n + j];
      cd[i * n + j] = sum;
    }
  }
  return c;
}

/**
 * Matrix product in i-p-j loop order: row i of C accumulates Aᵢₚ · (row p of B).
 *
 * The inner loop streams a row of B and a row of C contiguously. Each Cᵢⱼ still receives
 * its products in the order p = 0 … k−1, so the result equals {@link matmulNaive} bit
 * for bit.
 *
 * @param a Left factor A, m × k.
 * @param b Right factor B, k × n.
 * @param out Optional m × n output buffer (overwritten; must not share memory with A or B).
 * @returns C = AB (`out` when given).
 * @throws {InputTypeError}, {ShapeError} as {@link matmulNaive}.
 *
 * @example Same bits as the reference
 * ```ts
 * import { fromRows, matmulIkj, matmulNaive } from "@nnref/nnref/linalg";
 * const a = fromRows([[0.1, 0.2, 0.3]]), b = fromRows([[0.7], [1.1], [1.3]]);
 * if (matmulIkj(a, b).data[0] !== matmulNaive(a, b).data[0]) throw new Error("bit-identical");
 * ```
 * @category Linear algebra
 */
export function matmulIkj(a: Matrix, b: Matrix, out?: Matrix): Matrix {
  const c = prepareOutput(a, b, out);
  const m = a.rows, k = a.cols, n = b.cols;
  const ad = a.data, bd = b.data, cd = c.data;
  for (let i = 0; i < m; i++) {
    const rowC = i * n;
    for (let p = 0; p < k; p++) {
      const aip = ad[i * k + p];
      const rowB = p * n;
      for (let j = 0; j < n; j++) cd[rowC + j] += aip * bd[rowB + j];
    }
  }
  return c;
}

/** Depth of one packed panel: 4·KC doubles of A plus 4·KC of B stay in L1. */
const KC = 256;

// Packed panels, grown on demand and reused by every call: allocating and zero-filling
// them per call cost as much as the packing itself at n = 256. Panels larger than
// MAX_RETAINED doubles (32 MB) are allocated for that call only, so one huge product does
// not pin its scratch in memory for the life of the program.
const MAX_RETAINED = 1 << 22;
let packedA: Float64Array = new Float64Array(0);
let packedB: Float64Array = new Float64Array(0);

/** A packing buffer of at least `length` doubles: the retained one, or a fresh one. */
function panelBuffer(retained: Float64Array, length: number): Float64Array {
  if (retained.length >= length) return retained;
  return new Float64Array(length);
}

/**
 * One full 4 × 4 block of C over `depth` packed steps: the 16 running sums live in locals,
 * starting from C (a later depth slice) or from +0, and each receives a[i][p]·b[p][j] in
 * order p = 0 … depth − 1, exactly as the textbook loop adds them.
 *
 * A small function of its own: JavaScriptCore allocates its registers far better than in
 * one big loop nest (9.6 against 6.2 GFLOP/s at n = 256), and V8 is no slower. The A
 * values are loaded one row at a time, so 16 sums + 4 B values + 1 A value are live.
 */
function tile4x4(
  pA: Float64Array,
  pB: Float64Array,
  cd: Float64Array,
  pa: number,
  pb: number,
  depth: number,
  r0: number,
  n: number,
  continuing: boolean,
): void {
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  const r1 = r0 + n, r2 = r1 + n, r3 = r2 + n;
  if (continuing) {
    c00 = cd[r0], c01 = cd[r0 + 1], c02 = cd[r0 + 2], c03 = cd[r0 + 3];
    c10 = cd[r1], c11 = cd[r1 + 1], c12 = cd[r1 + 2], c13 = cd[r1 + 3];
    c20 = cd[r2], c21 = cd[r2 + 1], c22 = cd[r2 + 2], c23 = cd[r2 + 3];
    c30 = cd[r3], c31 = cd[r3 + 1], c32 = cd[r3 + 2], c33 = cd[r3 + 3];
  }
  const end = pa + depth * 4;
  for (; pa < end; pa += 4, pb += 4) {
    const b0 = pB[pb], b1 = pB[pb + 1], b2 = pB[pb + 2], b3 = pB[pb + 3];
    const a0 = pA[pa];
    c00 += a0 * b0, c01 += a0 * b1, c02 += a0 * b2, c03 += a0 * b3;
    const a1 = pA[pa + 1];
    c10 += a1 * b0, c11 += a1 * b1, c12 += a1 * b2, c13 += a1 * b3;
    const a2 = pA[pa + 2];
    c20 += a2 * b0, c21 += a2 * b1, c22 += a2 * b2, c23 += a2 * b3;
    const a3 = pA[pa + 3];
    c30 += a3 * b0, c31 += a3 * b1, c32 += a3 * b2, c33 += a3 * b3;
  }
  cd[r0] = c00, cd[r0 + 1] = c01, cd[r0 + 2] = c02, cd[r0 + 3] = c03;
  cd[r1] = c10, cd[r1 + 1] = c11, cd[r1 + 2] = c12, cd[r1 + 3] = c13;
  cd[r2] = c20, cd[r2 + 1] = c21, cd[r2 + 2] = c22, cd[r2 + 3] = c23;
  cd[r3] = c30, cd[r3 + 1] = c31, cd[r3 + 2] = c32, cd[r3 + 3] = c33;
}

/**
 * A partial block at the bottom or right edge (rows × cols < 4 × 4): one running sum at a
 * time, in the same order as {@link tile4x4}; only the valid entries are written.
 */
function edgeTile(
  pA: Float64Array,
  pB: Float64Array,
  cd: Float64Array,
  aBase: number,
  bBase: number,
  depth: number,
  r0: number,
  n: number,
  rows: number,
  cols: number,
  continuing: boolean,
): void {
  for (let r = 0; r < rows; r++) {
    for (let s = 0; s < cols; s++) {
      const at = r0 + r * n + s;
      let sum = continuing ? cd[at] : 0;
      for (let p = 0; p < depth; p++) sum += pA[aBase + p * 4 + r] * pB[bBase + p * 4 + s];
      cd[at] = sum;
    }
  }
}

/**
 * Matrix product by a register-blocked 4 × 4 micro-kernel over packed panels.
 *
 * A is packed into panels of 4 rows and B into panels of 4 columns, both laid out so that
 * step p of the kernel reads 4 consecutive doubles of each; the 16 entries of a 4 × 4 block
 * of C live in local variables across the whole depth. Depth is split into slices of 256,
 * whose partial sums pass through C in order, so every Cᵢⱼ is still summed for
 * p = 0 … k−1 and the result equals {@link matmulNaive} bit for bit. Edges are padded
 * with zeros inside the packed panels; padded rows and columns are never written back.
 * The packed panels are module-level scratch, reused by every call (up to 32 MB each).
 *
 * @param a Left factor A, m × k.
 * @param b Right factor B, k × n.
 * @param out Optional m × n output buffer (overwritten; must not share memory with A or B).
 * @returns C = AB (`out` when given).
 * @throws {InputTypeError}, {ShapeError} as {@link matmulNaive}.
 *
 * @example Odd sizes agree with the reference exactly
 * ```ts
 * import { createMatrix, matmulBlocked, matmulNaive } from "@nnref/nnref/linalg";
 * const a = createMatrix(5, 7, Array.from({ length: 35 }, (_, i) => Math.sin(i)));
 * const b = createMatrix(7, 3, Array.from({ length: 21 }, (_, i) => Math.cos(i)));
 * const fast = matmulBlocked(a, b), slow = matmulNaive(a, b);
 * if (!fast.data.every((x, i) => x === slow.data[i])) throw new Error("bit-identical");
 * ```
 * @category Linear algebra
 */
export function matmulBlocked(a: Matrix, b: Matrix, out?: Matrix): Matrix {
  const c = prepareOutput(a, b, out);
  const m = a.rows, k = a.cols, n = b.cols;
  if (m === 0 || n === 0 || k === 0) return c;
  const ad = a.data, bd = b.data, cd = c.data;
  const rowPanels = (m + 3) >> 2, colPanels = (n + 3) >> 2;
  const kc = Math.min(KC, k);
  const pA = panelBuffer(packedA, rowPanels * 4 * kc);
  const pB = panelBuffer(packedB, colPanels * 4 * kc);
  if (pA !== packedA && pA.length <= MAX_RETAINED) packedA = pA;
  if (pB !== packedB && pB.length <= MAX_RETAINED) packedB = pB;
  const fullCols = n >> 2, fullRows = m >> 2;
  for (let p0 = 0; p0 < k; p0 += kc) {
    const depth = Math.min(kc, k - p0);
    // Pack B[p0 : p0+depth, :] as column panels: panel jp, step p → 4 doubles.
    for (let jp = 0; jp < colPanels; jp++) {
      const j0 = jp * 4;
      let dst = jp * depth * 4, src = p0 * n + j0;
      if (jp < fullCols) {
        for (let p = 0; p < depth; p++, dst += 4, src += n) {
          pB[dst] = bd[src], pB[dst + 1] = bd[src + 1];
          pB[dst + 2] = bd[src + 2], pB[dst + 3] = bd[src + 3];
        }
      } else {
        const width = n - j0;
        for (let p = 0; p < depth; p++, dst += 4, src += n) {
          for (let s = 0; s < 4; s++) pB[dst + s] = s < width ? bd[src + s] : 0;
        }
      }
    }
    // Pack A[:, p0 : p0+depth] as row panels: panel ip, step p → 4 doubles.
    for (let ip = 0; ip < rowPanels; ip++) {
      const base = ip * depth * 4;
      for (let r = 0; r < 4; r++) {
        const i = ip * 4 + r;
        if (i < m) {
          const src = i * k + p0;
          for (let p = 0; p < depth; p++) pA[base + p * 4 + r] = ad[src + p];
        } else {
          for (let p = 0; p < depth; p++) pA[base + p * 4 + r] = 0;
        }
      }
    }
    const continuing = p0 > 0;
    for (let ip = 0; ip < rowPanels; ip++) {
      const i0 = ip * 4, aBase = ip * depth * 4;
      for (let jp = 0; jp < colPanels; jp++) {
        const j0 = jp * 4, bBase = jp * depth * 4;
        if (ip < fullRows && jp < fullCols) {
          tile4x4(pA, pB, cd, aBase, bBase, depth, i0 * n + j0, n, continuing);
        } else {
          const rows = Math.min(4, m - i0), cols = Math.min(4, n - j0);
          edgeTile(pA, pB, cd, aBase, bBase, depth, i0 * n + j0, n, rows, cols, continuing);
        }
      }
    }
  }
  return c;
}

/**
 * Matrix product C = AB with the fastest verified kernel ({@link matmulBlocked}).
 *
 * @param a Left factor A, m × k.
 * @param b Right factor B, k × n.
 * @param out Optional m × n output buffer (overwritten; must not share memory with A or B).
 * @returns C = AB (`out` when given).
 * @throws {ShapeError} "Cannot multiply matrices: inner dimensions differ (3 vs 4)" and
 *   similar for a bad output buffer; {InputTypeError} as {@link matmulNaive}.
 *
 * @example The output-buffer form
 * ```ts
 * import { createMatrix, fromRows, matmul } from "@nnref/nnref/linalg";
 * const out = createMatrix(1, 1);
 * matmul(fromRows([[1, 2, 3]]), fromRows([[4], [5], [6]]), out);
 * if (out.data[0] !== 32) throw new Error("1·4 + 2·5 + 3·6 = 32");
 * ```
 * @category Linear algebra
 */
export const matmul: MatmulKernel = matmulBlocked;
