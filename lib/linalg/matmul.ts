/**
 * Matrix product C = AB, three ways: the textbook i-j-p loop (the reference every other
 * kernel is checked against), the cache-friendlier i-p-j order, and a register-blocked
 * kernel over packed panels. All three add the products a[i][p]·b[p][j] for each entry
 * in the same order (p = 0, 1, …, k − 1, starting from +0), so on IEEE doubles without
 * fused multiply-add they give bit-identical results; only the memory traffic differs.
 *
 * @module
 */

import { createMatrix, type Matrix } from "./matrix.ts";
// A circular import (matmul_simd.ts falls back to matmulBlocked): safe because each side
// only reads the other's hoisted function declarations, never a top-level value.
import { matmulWasmSimd } from "../wasm/matmul_simd.ts";

/** A matrix-product kernel: C = AB, written into `out` when given. */
export type MatmulKernel = (a: Matrix, b: Matrix, out?: Matrix) => Matrix;

/** Checks shapes and the output buffer; returns the output matrix (zeroed). */
function prepareOutput(a: Matrix, b: Matrix, out: Matrix | undefined): Matrix {
  if (a.cols !== b.rows) {
    throw new RangeError(
      `Cannot multiply matrices: inner dimensions differ (${a.cols} vs ${b.rows}); ` +
        `A is ${a.rows}×${a.cols}, B is ${b.rows}×${b.cols}`,
    );
  }
  if (out === undefined) return createMatrix(a.rows, b.cols);
  if (out.rows !== a.rows || out.cols !== b.cols || out.data.length !== a.rows * b.cols) {
    throw new RangeError(
      `Cannot multiply matrices: the output buffer is ${out.rows}×${out.cols}, ` +
        `expected ${a.rows}×${b.cols}`,
    );
  }
  if (out.data.buffer === a.data.buffer || out.data.buffer === b.data.buffer) {
    // Writing C while still reading A or B would corrupt the product.
    throw new RangeError(
      "Cannot multiply matrices: the output buffer shares memory with an input; pass a separate buffer",
    );
  }
  out.data.fill(0);
  return out;
}

/**
 * Reference matrix product by the textbook loop: Cᵢⱼ = Σₚ Aᵢₚ Bₚⱼ, summed for p = 0 … k−1.
 *
 * The oracle for every other variant in {@link MATMUL_VARIANTS}.
 *
 * @param a Left factor A, m × k.
 * @param b Right factor B, k × n.
 * @param out Optional m × n output buffer (overwritten; must not share memory with A or B).
 * @returns C = AB, m × n (`out` when given).
 * @throws {RangeError} if A's columns differ from B's rows, or `out` has the wrong shape
 *   or aliases an input.
 * @see fixtures/linalg/matmul.json
 *
 * @example A 2×2 product
 * ```ts
 * import { fromRows, toRows } from "./matrix.ts";
 * const c = matmulNaive(fromRows([[1, 2], [3, 4]]), fromRows([[5, 6], [7, 8]]));
 * if (JSON.stringify(toRows(c)) !== "[[19,22],[43,50]]") throw new Error("19 22 / 43 50");
 * ```
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
 * @throws {RangeError} on an inner-dimension mismatch or a bad output buffer.
 *
 * @example Same bits as the reference
 * ```ts
 * import { fromRows } from "./matrix.ts";
 * const a = fromRows([[0.1, 0.2, 0.3]]), b = fromRows([[0.7], [1.1], [1.3]]);
 * if (matmulIkj(a, b).data[0] !== matmulNaive(a, b).data[0]) throw new Error("bit-identical");
 * ```
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

/**
 * Matrix product by a register-blocked 4 × 4 micro-kernel over packed panels.
 *
 * A is packed into panels of 4 rows and B into panels of 4 columns, both laid out so that
 * step p of the kernel reads 4 consecutive doubles of each; the 16 entries of a 4 × 4 block
 * of C live in local variables across the whole depth. Depth is split into slices of 256,
 * whose partial sums pass through C in order, so every Cᵢⱼ is still summed for
 * p = 0 … k−1 and the result equals {@link matmulNaive} bit for bit. Edges are padded
 * with zeros inside the packed panels; padded rows and columns are never written back.
 *
 * @param a Left factor A, m × k.
 * @param b Right factor B, k × n.
 * @param out Optional m × n output buffer (overwritten; must not share memory with A or B).
 * @returns C = AB (`out` when given).
 * @throws {RangeError} on an inner-dimension mismatch or a bad output buffer.
 *
 * @example Odd sizes agree with the reference exactly
 * ```ts
 * import { createMatrix } from "./matrix.ts";
 * const a = createMatrix(5, 7, Array.from({ length: 35 }, (_, i) => Math.sin(i)));
 * const b = createMatrix(7, 3, Array.from({ length: 21 }, (_, i) => Math.cos(i)));
 * const fast = matmulBlocked(a, b), slow = matmulNaive(a, b);
 * if (!fast.data.every((x, i) => x === slow.data[i])) throw new Error("bit-identical");
 * ```
 */
export function matmulBlocked(a: Matrix, b: Matrix, out?: Matrix): Matrix {
  const c = prepareOutput(a, b, out);
  const m = a.rows, k = a.cols, n = b.cols;
  if (m === 0 || n === 0 || k === 0) return c;
  const ad = a.data, bd = b.data, cd = c.data;
  const rowPanels = Math.ceil(m / 4), colPanels = Math.ceil(n / 4);
  const kc = Math.min(KC, k);
  const packedA = new Float64Array(rowPanels * 4 * kc);
  const packedB = new Float64Array(colPanels * 4 * kc);
  for (let p0 = 0; p0 < k; p0 += kc) {
    const depth = Math.min(kc, k - p0);
    // Pack B[p0 : p0+depth, :] as column panels: panel jp, step p → 4 doubles.
    packedB.fill(0);
    for (let p = 0; p < depth; p++) {
      const rowB = (p0 + p) * n;
      for (let j = 0; j < n; j++) {
        packedB[((j >> 2) * depth + p) * 4 + (j & 3)] = bd[rowB + j];
      }
    }
    // Pack A[:, p0 : p0+depth] as row panels: panel ip, step p → 4 doubles.
    packedA.fill(0);
    for (let i = 0; i < m; i++) {
      const rowA = i * k + p0;
      const base = (i >> 2) * depth * 4 + (i & 3);
      for (let p = 0; p < depth; p++) packedA[base + p * 4] = ad[rowA + p];
    }
    for (let ip = 0; ip < rowPanels; ip++) {
      const i0 = ip * 4;
      const rowsHere = Math.min(4, m - i0);
      const aBase = ip * depth * 4;
      for (let jp = 0; jp < colPanels; jp++) {
        const j0 = jp * 4;
        const colsHere = Math.min(4, n - j0);
        const bBase = jp * depth * 4;
        // Load the running sums of this 4×4 block (zero on the first depth slice).
        let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
        let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
        let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        if (p0 > 0) {
          const r0 = i0 * n + j0;
          c00 = cd[r0], c01 = colsHere > 1 ? cd[r0 + 1] : 0;
          c02 = colsHere > 2 ? cd[r0 + 2] : 0, c03 = colsHere > 3 ? cd[r0 + 3] : 0;
          if (rowsHere > 1) {
            const r = r0 + n;
            c10 = cd[r], c11 = colsHere > 1 ? cd[r + 1] : 0;
            c12 = colsHere > 2 ? cd[r + 2] : 0, c13 = colsHere > 3 ? cd[r + 3] : 0;
          }
          if (rowsHere > 2) {
            const r = r0 + 2 * n;
            c20 = cd[r], c21 = colsHere > 1 ? cd[r + 1] : 0;
            c22 = colsHere > 2 ? cd[r + 2] : 0, c23 = colsHere > 3 ? cd[r + 3] : 0;
          }
          if (rowsHere > 3) {
            const r = r0 + 3 * n;
            c30 = cd[r], c31 = colsHere > 1 ? cd[r + 1] : 0;
            c32 = colsHere > 2 ? cd[r + 2] : 0, c33 = colsHere > 3 ? cd[r + 3] : 0;
          }
        }
        for (let p = 0; p < depth; p++) {
          const pa = aBase + p * 4, pb = bBase + p * 4;
          const a0 = packedA[pa], a1 = packedA[pa + 1], a2 = packedA[pa + 2], a3 = packedA[pa + 3];
          const b0 = packedB[pb], b1 = packedB[pb + 1], b2 = packedB[pb + 2], b3 = packedB[pb + 3];
          c00 += a0 * b0, c01 += a0 * b1, c02 += a0 * b2, c03 += a0 * b3;
          c10 += a1 * b0, c11 += a1 * b1, c12 += a1 * b2, c13 += a1 * b3;
          c20 += a2 * b0, c21 += a2 * b1, c22 += a2 * b2, c23 += a2 * b3;
          c30 += a3 * b0, c31 += a3 * b1, c32 += a3 * b2, c33 += a3 * b3;
        }
        const r0 = i0 * n + j0;
        if (rowsHere === 4 && colsHere === 4) {
          cd[r0] = c00, cd[r0 + 1] = c01, cd[r0 + 2] = c02, cd[r0 + 3] = c03;
          const r1 = r0 + n, r2 = r1 + n, r3 = r2 + n;
          cd[r1] = c10, cd[r1 + 1] = c11, cd[r1 + 2] = c12, cd[r1 + 3] = c13;
          cd[r2] = c20, cd[r2 + 1] = c21, cd[r2 + 2] = c22, cd[r2 + 3] = c23;
          cd[r3] = c30, cd[r3 + 1] = c31, cd[r3 + 2] = c32, cd[r3 + 3] = c33;
        } else {
          const block = [
            c00,
            c01,
            c02,
            c03,
            c10,
            c11,
            c12,
            c13,
            c20,
            c21,
            c22,
            c23,
            c30,
            c31,
            c32,
            c33,
          ];
          for (let r = 0; r < rowsHere; r++) {
            for (let s = 0; s < colsHere; s++) cd[r0 + r * n + s] = block[r * 4 + s];
          }
        }
      }
    }
  }
  return c;
}

/**
 * Every matrix-product kernel that must agree with {@link matmulNaive}; specs and
 * benchmarks iterate over it.
 *
 * @example Every variant gives the same product
 * ```ts
 * import { fromRows } from "./matrix.ts";
 * const a = fromRows([[1, 2], [3, 4]]), b = fromRows([[5, 6], [7, 8]]);
 * for (const [name, kernel] of Object.entries(MATMUL_VARIANTS)) {
 *   if (kernel(a, b).data[3] !== 50) throw new Error(`${name}: C₁₁ = 3·6 + 4·8 = 50`);
 * }
 * ```
 */
export const MATMUL_VARIANTS = {
  naive: matmulNaive,
  ikj: matmulIkj,
  blocked: matmulBlocked,
  wasmSimd: matmulWasmSimd,
} as const;

/**
 * Matrix product C = AB with the fastest verified kernel ({@link matmulBlocked}).
 *
 * @param a Left factor A, m × k.
 * @param b Right factor B, k × n.
 * @param out Optional m × n output buffer (overwritten; must not share memory with A or B).
 * @returns C = AB (`out` when given).
 * @throws {RangeError} "Cannot multiply matrices: inner dimensions differ (3 vs 4)" and
 *   similar for a bad output buffer.
 *
 * @example The output-buffer form
 * ```ts
 * import { createMatrix, fromRows } from "./matrix.ts";
 * const out = createMatrix(1, 1);
 * matmul(fromRows([[1, 2, 3]]), fromRows([[4], [5], [6]]), out);
 * if (out.data[0] !== 32) throw new Error("1·4 + 2·5 + 3·6 = 32");
 * ```
 */
export const matmul: MatmulKernel = matmulBlocked;
