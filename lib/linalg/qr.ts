/**
 * Householder QR factorisation A = QR (LAPACK's `dgeqr2` convention) and the
 * least-squares solve Rx = Qᵀb. Backward stable: the computed R is the exact R of a
 * matrix within a few n·ε of A, column by column, so column scaling does not hurt it.
 *
 * Every inner product (the column norms, vᵀc when a reflection is applied, vᵀb in Qᵀb) is
 * summed pairwise, in plain double: its rounding error grows like log₂(m)·ε instead of
 * m·ε, as in optimised BLAS kernels that keep several partial sums. Averaged over 200 row
 * orders of NIST's StRD data this gains 0.36 correct digits on Filip and 0.1–0.2 on Norris,
 * Pontius and Wampler1–5, level with numpy's LAPACK QR (fixtures/nist/LRE.md). With at
 * most PAIRWISE_BLOCK rows the sums are the plain left-to-right ones.
 *
 * {@link householderQrPivoted} adds column pivoting (LAPACK's `dgeqp3`/`dlaqp2`): AP = QR,
 * each step taking the remaining column of largest norm, so that |R₀₀| ≥ |R₁₁| ≥ …. It is
 * what least squares uses ("qr" in lstsq.ts): on NIST's StRD data in the data's own row
 * order it gains 0.1–1.0 digits on Filip, Norris, Pontius and Wampler1, 2, 4, 5 and loses
 * 1.0–1.7 on Wampler3 and Longley, which stay above numpy's LAPACK QR (fixtures/nist/LRE.md).
 *
 * @module
 */

import { InputTypeError, ShapeError } from "../errors.ts";
import {
  describeValue,
  requireBoolean,
  requireMatrix,
  requireNumberArray,
  requireOptionalObject,
} from "../_util/validate.ts";
import { createMatrix, type Matrix } from "./matrix.ts";
import { solveUpperTriangular } from "./triangular.ts";
import { pairwiseDot } from "./_pairwise.ts";
import { factorColumnMajor, reflectColumns, scratch, transposeInto } from "./_qr_columns.ts";

// Re-exported so that `deno doc --lint` finds every type the public API refers to.
export type { Matrix } from "./matrix.ts";

/**
 * A QR factorisation in compact form: R on and above the diagonal of `factors`, the
 * Householder vectors vⱼ below it (with an implicit 1 at position j), and the scalars τⱼ,
 * so that Q = H₀H₁⋯Hₙ₋₁ with Hⱼ = I − τⱼvⱼvⱼᵀ.
 * @category Linear algebra
 */
export interface QrFactorization {
  /** m × n: R in the upper triangle, the Householder vectors below the diagonal. */
  readonly factors: Matrix;
  /** τⱼ for each of the n reflections (0 where a column was already zero). */
  readonly tau: Float64Array;
  /** The 2-norms of A's columns, for rank decisions relative to each column's size. */
  readonly columnNorms: Float64Array;
}

/**
 * A column-pivoted QR factorisation AP = QR: the factorisation of A with its columns
 * reordered so that column j of AP is column `permutation[j]` of A.
 * @category Linear algebra
 */
export interface PivotedQrFactorization extends QrFactorization {
  /** permutation[j] is the column of A that became column j of AP (and of R). */
  readonly permutation: Int32Array;
}

/**
 * Householder QR factorisation of an m × n matrix A with m ≥ n.
 *
 * For column j: β = −sign(Aⱼⱼ)·‖A[j:, j]‖, τ = (β − Aⱼⱼ)/β, v = A[j:, j]/(Aⱼⱼ − β) with
 * v₀ = 1, and Rⱼⱼ = β; the reflection I − τvvᵀ is then applied to the remaining columns.
 * The work runs on a column-major copy, so that every reflection reads and writes
 * contiguous memory; the factors are copied back row-major at the end.
 *
 * A column as tiny as the subnormals still gives finite factors: where 1/(Aⱼⱼ − β)
 * overflows, the tail is divided by Aⱼⱼ − β instead.
 *
 * @param a The matrix A, m × n, m ≥ n ≥ 1 (not modified).
 * @returns The compact factorisation.
 * @throws {InputTypeError} if A is not a Matrix (use fromRows for number[][]).
 * @throws {ShapeError} if A is empty or has fewer rows than columns.
 * @throws {NonFiniteError} if A has a non-finite entry.
 *
 * @example |R₀₀| is the norm of the first column
 * ```ts
 * import { fromRows, householderQr } from "@nnref/nnref/linalg";
 * const { factors } = householderQr(fromRows([[3, 1], [4, 2]]));
 * if (Math.abs(factors.data[0]) !== 5) throw new Error("‖(3, 4)‖ = 5");
 * ```
 * @category Linear algebra
 */
export function householderQr(a: Matrix): QrFactorization {
  const { w, tau, columnNorms } = factorColumnMajor(a, false);
  const m = a.rows, n = a.cols;
  const factors: Matrix = {
    rows: m,
    cols: n,
    data: transposeInto(w, n, m, new Float64Array(m * n)),
  };
  return { factors, tau, columnNorms };
}

/**
 * Householder QR with column pivoting, AP = QR (LAPACK's `dgeqp3`, unblocked `dlaqp2`).
 *
 * Before step j the remaining column of largest partial norm ‖A[j:, k]‖ is swapped into
 * place (the first such on ties); the reflection is then formed and applied as in
 * {@link householderQr}. The partial norms are downdated, ‖A[j+1:, k]‖² = ‖A[j:, k]‖² −
 * Rⱼₖ², as √(max(0, 1 − (|Rⱼₖ|/norm)²))·norm, and recomputed from the column when
 * LAPACK's cancellation test fires ((1 − (|Rⱼₖ|/norm)²)·(norm/norm₀)² ≤ √ε, norm₀ the
 * last computed one). So |R₀₀| ≥ |R₁₁| ≥ … ≥ |Rₙ₋₁,ₙ₋₁| up to those roundings, and
 * a (numerically) dependent column is left for last, where its Rⱼⱼ shows it.
 *
 * @param a The matrix A, m × n, m ≥ n ≥ 1 (not modified).
 * @returns The compact factorisation of AP and P as `permutation`; `columnNorms` are those
 *   of A's columns in A's own order.
 * @throws {InputTypeError}, {ShapeError}, {NonFiniteError} as {@link householderQr} does.
 *
 * @example The column of larger norm comes first
 * ```ts
 * import { fromRows, householderQrPivoted } from "@nnref/nnref/linalg";
 * const { factors, permutation } = householderQrPivoted(fromRows([[1, 3], [0, 4]]));
 * if (permutation[0] !== 1 || permutation[1] !== 0) throw new Error("column 1 (norm 5) first");
 * if (Math.abs(factors.data[0]) !== 5) throw new Error("|R₀₀| = 5");
 * ```
 * @category Linear algebra
 */
export function householderQrPivoted(a: Matrix): PivotedQrFactorization {
  const { w, tau, columnNorms, permutation } = factorColumnMajor(a, true);
  const m = a.rows, n = a.cols;
  const factors: Matrix = {
    rows: m,
    cols: n,
    data: transposeInto(w, n, m, new Float64Array(m * n)),
  };
  return { factors, tau, columnNorms, permutation };
}

/** The result of {@link qrApplyTransposeToColumns}.
 * @category Linear algebra */
export interface QrTransformedColumns {
  /** The n × n upper-triangular factor R (as {@link qrR} of {@link householderQr} gives). */
  readonly r: Matrix;
  /** τⱼ for each of the n reflections, as in {@link QrFactorization}. */
  readonly tau: Float64Array;
  /** The 2-norms of A's columns, as in {@link QrFactorization}. */
  readonly columnNorms: Float64Array;
  /** Qᵀy for each given column y, length m each (as {@link applyQTranspose} gives). */
  readonly transformed: Float64Array[];
  /**
   * The column order P of AP = QR (as in {@link PivotedQrFactorization}); the identity
   * 0, 1, …, n − 1 without pivoting.
   */
  readonly permutation: Int32Array;
}

/** Options of {@link qrApplyTransposeToColumns}.
 * @category Linear algebra */
export interface QrApplyOptions {
  /** Factor with column pivoting, as {@link householderQrPivoted} (default false). */
  readonly pivoting?: boolean;
}

/**
 * Householder QR of A (m × n) and Qᵀyₖ for several right-hand sides yₖ, in one go: the
 * same operations in the same order as {@link householderQr} (with `pivoting`,
 * {@link householderQrPivoted}) followed by {@link applyQTranspose} on each yₖ (so the
 * same bits), but each reflection is applied to all right-hand sides together while its
 * vector is at hand in a column-major copy, and the m × n compact factors are never
 * copied back row-major. This is the least-squares path: R·zₖ = (Qᵀyₖ)[0:n], and xₖ = Pzₖ
 * (x[permutation[i]] = z[i]).
 *
 * @param a The matrix A, m × n, m ≥ n ≥ 1 (not modified).
 * @param columns The right-hand sides, each of length m (not modified).
 * @param options `{ pivoting }`: factor AP = QR with column pivoting (default false).
 * @returns R, τ, the column norms, Qᵀyₖ for each k and the column order P.
 * @throws {InputTypeError}, {ShapeError}, {NonFiniteError} as {@link householderQr} does,
 *   or if `columns` is not an array of number arrays each of length m.
 *
 * @example The same numbers as factoring, then applying Qᵀ
 * ```ts
 * import {
 *   applyQTranspose,
 *   fromRows,
 *   householderQr,
 *   qrApplyTransposeToColumns,
 *   qrR,
 * } from "@nnref/nnref/linalg";
 * const a = fromRows([[3, 1], [4, 2], [0, 5]]);
 * const { r, transformed } = qrApplyTransposeToColumns(a, [Float64Array.of(1, 2, 3)]);
 * const qr = householderQr(a);
 * if (r.data[1] !== qrR(qr).data[1]) throw new Error("same R");
 * if (transformed[0][2] !== applyQTranspose(qr, [1, 2, 3])[2]) throw new Error("same Qᵀy");
 * ```
 * @category Linear algebra
 */
export function qrApplyTransposeToColumns(
  a: Matrix,
  columns: readonly ArrayLike<number>[],
  options: QrApplyOptions = {},
): QrTransformedColumns {
  requireMatrix(a, "A");
  if (!Array.isArray(columns)) {
    throw new InputTypeError(
      `columns must be an array of right-hand sides (number arrays), got ${describeValue(columns)}`,
    );
  }
  requireOptionalObject(options, "options");
  if (options.pivoting !== undefined) requireBoolean(options.pivoting, "options.pivoting");
  const m = a.rows, n = a.cols, k = columns.length;
  for (let c = 0; c < k; c++) {
    const column = columns[c];
    requireNumberArray(column, `columns[${c}]`);
    if (column.length !== m) {
      throw new ShapeError(
        `Cannot apply Qᵀ: Q is ${m}×${m} but the vector has ${column.length} entries`,
      );
    }
  }
  const { w, tau, columnNorms, permutation } = factorColumnMajor(a, options.pivoting === true);
  // The right-hand sides side by side, column-major: yₖ is y[k·m … k·m + m − 1].
  const y = scratch(1, m * k);
  columns.forEach((column, c) => y.set(column, c * m));
  for (let j = 0; j < n && k > 0; j++) {
    if (tau[j] === 0) continue;
    reflectColumns(w, j * m + j, y, j, m, m - j, k, tau[j]);
  }
  const r = createMatrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) r.data[i * n + j] = w[j * m + i];
  }
  const transformed = columns.map((_, c) => y.slice(c * m, (c + 1) * m));
  return { r, tau, columnNorms, transformed, permutation };
}

/** Throws unless `qr` is a factorisation from {@link householderQr} or {@link householderQrPivoted}. */
function requireFactorization(qr: QrFactorization): void {
  if (typeof qr !== "object" || qr === null) {
    throw new InputTypeError(
      `qr must be a factorisation from householderQr, got ${describeValue(qr)}`,
    );
  }
  requireMatrix(qr.factors, "qr.factors");
  if (!(qr.tau instanceof Float64Array) || qr.tau.length !== qr.factors.cols) {
    throw new InputTypeError(
      `qr.tau must be a Float64Array of ${qr.factors.cols} entries (from householderQr), got ${
        describeValue(qr.tau)
      }`,
    );
  }
  if (qr.factors.rows < qr.factors.cols) {
    throw new ShapeError(
      `qr.factors is ${qr.factors.rows}×${qr.factors.cols}: a QR factorisation needs rows ≥ columns`,
    );
  }
  if ("permutation" in qr) {
    const p = (qr as PivotedQrFactorization).permutation;
    if (!(p instanceof Int32Array) || p.length !== qr.factors.cols) {
      throw new InputTypeError(
        `qr.permutation must be an Int32Array of ${qr.factors.cols} entries, got ${
          describeValue(p)
        }`,
      );
    }
  }
}

/**
 * Applies H = I − τvvᵀ to y, with v = (1, column j of the row-major factors f below the
 * diagonal): s = τ·(yⱼ + Σ vᵢyᵢ) with the sum pairwise, then yⱼ −= s and yᵢ −= s·vᵢ.
 */
function reflectStrided(
  f: Float64Array,
  n: number,
  j: number,
  y: Float64Array,
  m: number,
  tauJ: number,
): void {
  let s = pairwiseDot(y[j], f, (j + 1) * n + j, n, y, j + 1, m - j - 1);
  s *= tauJ;
  y[j] -= s;
  for (let i = j + 1, at = (j + 1) * n + j; i < m; i++, at += n) y[i] -= s * f[at];
}

/**
 * Qᵀb for the Q of a factorisation, applying the reflections H₀, H₁, … in turn.
 *
 * @param qr The factorisation of an m × n matrix.
 * @param b A vector of length m.
 * @returns Qᵀb, length m (its first n entries are the coordinates in the column space).
 * @throws {InputTypeError} if `qr` is not a factorisation or b not an array of numbers.
 * @throws {ShapeError} if b's length is not m.
 *
 * @example Q is orthogonal: ‖Qᵀb‖ = ‖b‖
 * ```ts
 * import { applyQTranspose, fromRows, householderQr } from "@nnref/nnref/linalg";
 * import { assertClose } from "@nnref/nnref/oracle";
 * const qtb = applyQTranspose(householderQr(fromRows([[3, 1], [4, 2]])), [3, 4]);
 * assertClose(Math.hypot(qtb[0], qtb[1]), 5, { atol: 1e-15 }, "norm kept");
 * ```
 * @category Linear algebra
 */
export function applyQTranspose(qr: QrFactorization, b: ArrayLike<number>): Float64Array {
  requireFactorization(qr);
  requireNumberArray(b, "b");
  const { factors, tau } = qr;
  const m = factors.rows, n = factors.cols, f = factors.data;
  if (b.length !== m) {
    throw new ShapeError(
      `Cannot apply Qᵀ: Q is ${m}×${m} but the vector has ${b.length} entries`,
    );
  }
  const y = Float64Array.from(b);
  for (let j = 0; j < n; j++) {
    if (tau[j] === 0) continue;
    reflectStrided(f, n, j, y, m, tau[j]);
  }
  return y;
}

/**
 * The n × n upper-triangular factor R.
 *
 * @throws {InputTypeError} if `qr` is not a factorisation.
 *
 * @example
 * ```ts
 * import { fromRows, householderQr, qrR } from "@nnref/nnref/linalg";
 * const r = qrR(householderQr(fromRows([[3, 1], [4, 2], [0, 0]])));
 * if (r.rows !== 2 || r.data[2] !== 0) throw new Error("2 × 2, zero below the diagonal");
 * ```
 * @category Linear algebra
 */
export function qrR(qr: QrFactorization): Matrix {
  requireFactorization(qr);
  const n = qr.factors.cols;
  const r = createMatrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) r.data[i * n + j] = qr.factors.data[i * n + j];
  }
  return r;
}

/**
 * Least-squares solution of min ‖Ax − b‖ from A's QR factorisation: Rx = (Qᵀb)[0:n];
 * for a pivoted one (AP = QR), Rz = (Qᵀb)[0:n] and x = Pz.
 *
 * @param qr The factorisation of A (m × n, full column rank), pivoted or not.
 * @param b The right-hand side, length m.
 * @returns x, length n, in A's own column order.
 * @throws {InputTypeError} if `qr` is not a factorisation or b not an array of numbers.
 * @throws {ShapeError} if b's length is not m.
 * @throws {SingularMatrixError} if R has a zero on its diagonal.
 *
 * @example An exactly consistent system, with and without pivoting
 * ```ts
 * import { fromRows, householderQr, householderQrPivoted, qrSolve } from "@nnref/nnref/linalg";
 * import { assertClose } from "@nnref/nnref/oracle";
 * const a = fromRows([[1, 0], [0, 1], [1, 1]]);
 * for (const x of [qrSolve(householderQr(a), [1, 2, 3]), qrSolve(householderQrPivoted(a), [1, 2, 3])]) {
 *   assertClose(x[0], 1, { atol: 1e-15 }, "x = [1, 2]");
 *   assertClose(x[1], 2, { atol: 1e-15 }, "x = [1, 2]");
 * }
 * ```
 * @category Linear algebra
 */
export function qrSolve(
  qr: QrFactorization | PivotedQrFactorization,
  b: ArrayLike<number>,
): Float64Array {
  const qtb = applyQTranspose(qr, b);
  const solution = solveUpperTriangular(qrR(qr), qtb.subarray(0, qr.factors.cols));
  if (!("permutation" in qr)) return solution;
  const x = new Float64Array(solution.length);
  for (let i = 0; i < solution.length; i++) x[qr.permutation[i]] = solution[i];
  return x;
}
