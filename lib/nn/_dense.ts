/**
 * The transposed dense products that backprop needs (AᵀΔ and ΔWᵀ), written into
 * caller-provided matrices so that no transpose is ever materialised (lib/linalg's matmul
 * takes untransposed operands). Private to
 * lib/nn: never re-exported.
 *
 * Both accumulate in the order p = 0, 1, …, as lib/linalg's `matmulNaive` does, so the
 * fused and the separate network variants round identically.
 *
 * @module
 */

import type { Matrix } from "../linalg/matrix.ts";

export type { Matrix } from "../linalg/matrix.ts";

/** out = aᵀ·b (a k×m, b k×n, out m×n); out must not alias a or b. */
export function multiplyTransposeAInto(a: Matrix, b: Matrix, out: Matrix): Matrix {
  const k = a.rows, m = a.cols, n = b.cols;
  const A = a.data, B = b.data, C = out.data;
  C.fill(0, 0, m * n);
  for (let p = 0; p < k; p++) {
    for (let i = 0; i < m; i++) {
      const api = A[p * m + i];
      for (let j = 0; j < n; j++) C[i * n + j] += api * B[p * n + j];
    }
  }
  return out;
}

/** out = a·bᵀ (a m×k, b n×k, out m×n); out must not alias a or b. */
export function multiplyTransposeBInto(a: Matrix, b: Matrix, out: Matrix): Matrix {
  const m = a.rows, k = a.cols, n = b.rows;
  const A = a.data, B = b.data, C = out.data;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) sum += A[i * k + p] * B[j * k + p];
      C[i * n + j] = sum;
    }
  }
  return out;
}
