/**
 * Eigenvalues and eigenvectors of a real symmetric matrix by the cyclic Jacobi method:
 * plane rotations that zero one off-diagonal pair at a time, swept over all pairs until
 * the off-diagonal part is negligible. Slow (O(n³) per sweep) but accurate and simple.
 *
 * @module
 */

import { ArgumentRangeError, ShapeError } from "../errors.ts";
import {
  requireFiniteMatrix,
  requireIterationCap,
  requireOptionalObject,
} from "../_util/validate.ts";
import { binaryExponent, scaleByPowerOfTwo } from "./_equilibrate.ts";
import { createMatrix, identityMatrix, type Matrix } from "./matrix.ts";

/** Options of {@link symmetricEigen}.
 * @category Linear algebra */
export interface SymmetricEigenOptions {
  /** Upper bound on sweeps over all pairs (default 100, at most 10⁷; Jacobi needs about 6–12). */
  readonly maxSweeps?: number;
}

/** Eigen-decomposition A = V·diag(values)·Vᵀ.
 * @category Linear algebra */
export interface SymmetricEigenResult {
  /** Eigenvalues in ascending order. */
  readonly values: Float64Array;
  /** Orthonormal eigenvectors as columns, in the order of `values`. */
  readonly vectors: Matrix;
  /** Sweeps that rotated at least one pair (the final check sweep, which rotates none, is not counted). */
  readonly sweeps: number;
  /** `"converged"` when a sweep found every off-diagonal entry negligible, else `"maxIterations"`. */
  readonly status: "converged" | "maxIterations";
}

/** Below this an off-diagonal entry of the scaled matrix (max |Aᵢⱼ| in [1, 2)) is rounding noise. */
const ABSOLUTE_FLOOR = Number.EPSILON * Number.EPSILON;

/**
 * Symmetric eigen-decomposition by cyclic Jacobi rotations.
 *
 * A is first scaled by a power of two so that its largest magnitude lies in [1, 2)
 * (exact; undone on the eigenvalues at the end), so entries of 10¹⁵⁵ or 10⁻¹⁵⁵ neither
 * overflow nor underflow. Each rotation with t = tan θ the smaller root of
 * t² + 2τt − 1 = 0, τ = (A_qq − A_pp)/(2A_pq), zeroes A_pq (set to 0 exactly, with
 * Rutishauser's A_pp − t·A_pq and A_qq + t·A_pq on the diagonal). A pair is
 * skipped when |A_pq| ≤ ε·√(|A_pp|·|A_qq|) (Demmel–Veselić's test: the rotation could
 * not change either eigenvalue by more than a rounding) or |A_pq| ≤ ε² (rounding noise
 * of the scaled matrix); the iteration has converged when a whole sweep skips every pair.
 *
 * @param a A symmetric n × n matrix (A = Aᵀ exactly).
 * @param options `{ maxSweeps }`.
 * @returns Eigenvalues ascending, eigenvectors, sweeps and status.
 * @throws {InputTypeError} if A is not a Matrix or options not an object.
 * @throws {ShapeError} if A is not square or is empty.
 * @throws {NonFiniteError} if A has a non-finite entry.
 * @throws {ArgumentRangeError} if A is not symmetric, or maxSweeps is not an integer in
 *   [1, 10⁷].
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
  requireOptionalObject(options, "options");
  const maxSweeps = options?.maxSweeps ?? 100;
  requireIterationCap(maxSweeps, "maxSweeps", 1);
  requireFiniteMatrix(a, "The matrix (A)");
  if (a.rows !== a.cols) {
    throw new ShapeError(`Cannot find eigenvalues: the matrix is ${a.rows}×${a.cols}, not square`);
  }
  const n = a.rows;
  if (n === 0) throw new ShapeError("Cannot find eigenvalues: the matrix is empty (0×0)");
  let maxAbs = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      maxAbs = Math.max(maxAbs, Math.abs(a.data[i * n + j]));
      if (j < i && a.data[i * n + j] !== a.data[j * n + i]) {
        throw new ArgumentRangeError(
          `Cannot find eigenvalues: the matrix is not symmetric (entry (${i}, ${j}) is ` +
            `${a.data[i * n + j]}, entry (${j}, ${i}) is ${a.data[j * n + i]})`,
        );
      }
    }
  }
  const exponent = binaryExponent(maxAbs);
  const m = Float64Array.from(a.data, (x) => scaleByPowerOfTwo(x, -exponent));
  const v = identityMatrix(n).data;
  let sweeps = 0;
  let status: "converged" | "maxIterations" = "maxIterations";
  for (;;) {
    // A sweep past the cap only checks: it stops at the first pair that would rotate.
    const mayRotate = sweeps < maxSweeps;
    let rotated = false;
    sweep: for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = m[p * n + q];
        const magnitude = Math.abs(apq);
        if (magnitude <= ABSOLUTE_FLOOR) continue;
        const app = m[p * n + p], aqq = m[q * n + q];
        if (magnitude <= Number.EPSILON * Math.sqrt(Math.abs(app) * Math.abs(aqq))) continue;
        rotated = true;
        if (!mayRotate) break sweep;
        rotate(m, v, n, p, q, apq, app, aqq);
      }
    }
    if (!rotated) {
      status = "converged";
      break;
    }
    if (!mayRotate) break;
    sweeps++;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => m[i * n + i] - m[j * n + j]);
  const values = Float64Array.from(order, (i) => scaleByPowerOfTwo(m[i * n + i], exponent));
  const vectors = createMatrix(n, n);
  order.forEach((source, target) => {
    for (let k = 0; k < n; k++) vectors.data[k * n + target] = v[k * n + source];
  });
  return { values, vectors, sweeps, status };
}

/** One Jacobi rotation in the (p, q) plane of m (and of the eigenvector columns v). */
function rotate(
  m: Float64Array,
  v: Float64Array,
  n: number,
  p: number,
  q: number,
  apq: number,
  app: number,
  aqq: number,
): void {
  const tau = (aqq - app) / (2 * apq);
  // For |τ| > 10¹⁵⁰, τ² would overflow: t = 1/(2τ) to full precision there.
  const t = Math.abs(tau) > 1e150
    ? 1 / (2 * tau)
    : Math.sign(tau || 1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
  const c = 1 / Math.sqrt(1 + t * t), s = t * c;
  // Rows and columns p, q for every k ≠ p, q, kept symmetric (Aₖₚ = Aₚₖ)…
  for (let k = 0; k < n; k++) {
    if (k === p || k === q) continue;
    const akp = m[k * n + p], akq = m[k * n + q];
    const newP = c * akp - s * akq, newQ = s * akp + c * akq;
    m[k * n + p] = newP;
    m[p * n + k] = newP;
    m[k * n + q] = newQ;
    m[q * n + k] = newQ;
  }
  // … and the 2 × 2 block by Rutishauser's updates: A_pp − t·A_pq, A_qq + t·A_pq, and
  // A_pq = 0 exactly (what the rotation was chosen to make it), so no rounding residue
  // is left for later sweeps to chase.
  m[p * n + p] = app - t * apq;
  m[q * n + q] = aqq + t * apq;
  m[p * n + q] = 0;
  m[q * n + p] = 0;
  for (let k = 0; k < n; k++) {
    const vkp = v[k * n + p], vkq = v[k * n + q];
    v[k * n + p] = c * vkp - s * vkq;
    v[k * n + q] = s * vkp + c * vkq;
  }
}
