/**
 * Eigenvalues and eigenvectors of a real symmetric matrix by the cyclic Jacobi method:
 * plane rotations that zero one off-diagonal pair at a time, swept over all pairs until
 * the off-diagonal part is negligible. Slow (O(n³) per sweep) but accurate and simple.
 *
 * @module
 */

import { requireFinite, requireInteger } from "../_util/validate.ts";
import { createMatrix, identityMatrix, type Matrix } from "./matrix.ts";

/** Options of {@link symmetricEigen}.
 * @category Linear algebra */
export interface SymmetricEigenOptions {
  /** Upper bound on sweeps over all pairs (default 100; Jacobi needs about 6–10). */
  readonly maxSweeps?: number;
}

/** Eigen-decomposition A = V·diag(values)·Vᵀ.
 * @category Linear algebra */
export interface SymmetricEigenResult {
  /** Eigenvalues in ascending order. */
  readonly values: Float64Array;
  /** Orthonormal eigenvectors as columns, in the order of `values`. */
  readonly vectors: Matrix;
  /** Sweeps performed. */
  readonly sweeps: number;
  /** `"converged"` when the off-diagonal mass fell below rounding level, else `"maxIterations"`. */
  readonly status: "converged" | "maxIterations";
}

/**
 * Symmetric eigen-decomposition by cyclic Jacobi rotations.
 *
 * Each rotation with t = tan θ chosen as the smaller root of t² + 2τt − 1 = 0,
 * τ = (A_qq − A_pp)/(2A_pq), zeroes A_pq. Stops when Σ_{i≠j} A_ij² ≤ (ε·‖A‖_F)².
 *
 * @param a A symmetric n × n matrix (only symmetric input is meaningful; the lower
 *   triangle is assumed to mirror the upper).
 * @param options `{ maxSweeps }`.
 * @returns Eigenvalues ascending, eigenvectors, sweeps and status.
 * @throws {RangeError} if A is not square, is empty, has a non-finite entry, is not
 *   symmetric, or maxSweeps is not an integer ≥ 1.
 * @see fixtures/regression/hessian.json
 *
 * @example [[2, 1], [1, 2]] has eigenvalues 1 and 3
 * ```ts
 * import { fromRows, symmetricEigen } from "@nnref/nnref/linalg";
 * const { values, status } = symmetricEigen(fromRows([[2, 1], [1, 2]]));
 * if (status !== "converged" || Math.abs(values[0] - 1) > 1e-15 || Math.abs(values[1] - 3) > 1e-15) {
 *   throw new Error("[1, 3]");
 * }
 * ```
 * @category Linear algebra
 */
export function symmetricEigen(
  a: Matrix,
  options: SymmetricEigenOptions = {},
): SymmetricEigenResult {
  const maxSweeps = options.maxSweeps ?? 100;
  requireInteger(maxSweeps, "maxSweeps", 1);
  if (a.rows !== a.cols) {
    throw new RangeError(`Cannot find eigenvalues: the matrix is ${a.rows}×${a.cols}, not square`);
  }
  const n = a.rows;
  if (n === 0) throw new RangeError("Cannot find eigenvalues: the matrix is empty (0×0)");
  requireFinite(a.data, "The matrix");
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (a.data[i * n + j] !== a.data[j * n + i]) {
        throw new RangeError(
          `Cannot find eigenvalues: the matrix is not symmetric (entry (${i}, ${j}) is ` +
            `${a.data[i * n + j]}, entry (${j}, ${i}) is ${a.data[j * n + i]})`,
        );
      }
    }
  }
  const m = createMatrix(n, n, a.data).data;
  const v = identityMatrix(n).data;
  let frobenius = 0;
  for (const x of m) frobenius += x * x;
  const threshold = (Number.EPSILON * Number.EPSILON) * frobenius;
  let sweeps = 0;
  let status: "converged" | "maxIterations" = "maxIterations";
  for (;;) {
    let off = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) if (i !== j) off += m[i * n + j] * m[i * n + j];
    }
    if (off <= threshold) {
      status = "converged";
      break;
    }
    if (sweeps === maxSweeps) break;
    sweeps++;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = m[p * n + q];
        if (apq === 0) continue;
        const tau = (m[q * n + q] - m[p * n + p]) / (2 * apq);
        const t = Math.sign(tau || 1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
        const c = 1 / Math.sqrt(1 + t * t), s = t * c;
        for (let k = 0; k < n; k++) {
          const mkp = m[k * n + p], mkq = m[k * n + q];
          m[k * n + p] = c * mkp - s * mkq;
          m[k * n + q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < n; k++) {
          const mpk = m[p * n + k], mqk = m[q * n + k];
          m[p * n + k] = c * mpk - s * mqk;
          m[q * n + k] = s * mpk + c * mqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p], vkq = v[k * n + q];
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => m[i * n + i] - m[j * n + j]);
  const values = Float64Array.from(order, (i) => m[i * n + i]);
  const vectors = createMatrix(n, n);
  order.forEach((source, target) => {
    for (let k = 0; k < n; k++) vectors.data[k * n + target] = v[k * n + source];
  });
  return { values, vectors, sweeps, status };
}
