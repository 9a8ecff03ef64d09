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

import { requireFinite } from "../_util/validate.ts";
import { createMatrix, type Matrix } from "./matrix.ts";
import { solveUpperTriangular } from "./triangular.ts";

// Re-exported so that `deno doc --lint` finds every type the public API refers to.
export type { Matrix } from "./matrix.ts";

/**
 * A QR factorisation in compact form: R on and above the diagonal of `factors`, the
 * Householder vectors vⱼ below it (with an implicit 1 at position j), and the scalars τⱼ,
 * so that Q = H₀H₁⋯Hₙ₋₁ with Hⱼ = I − τⱼvⱼvⱼᵀ.
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
 */
export interface PivotedQrFactorization extends QrFactorization {
  /** permutation[j] is the column of A that became column j of AP (and of R). */
  readonly permutation: Int32Array;
}

/** Below this many terms a sum is accumulated left to right. */
const PAIRWISE_BLOCK = 8;

/*
 * Pairwise sums, evaluated from a plan instead of by recursion. The tree is the one the
 * recursive definition gives — a range of `terms` terms is split at ⌊terms/2⌋ until a
 * part has at most PAIRWISE_BLOCK terms, which is summed left to right from +0, and the
 * two halves are added left + right — so the result is the same bits. The plan is the
 * tree in post-order: a positive entry is a leaf of that many terms (pushed), 0 adds the
 * top two partial sums. Leaves are plain loops over contiguous terms, so consecutive
 * leaves overlap in the CPU where the recursive closure serialised them.
 */
const plans = new Map<number, Int32Array>();
let partialSums = new Float64Array(64);

function pairwisePlan(terms: number): Int32Array {
  let plan = plans.get(terms);
  if (plan !== undefined) return plan;
  const ops: number[] = [];
  const visit = (count: number): void => {
    if (count <= PAIRWISE_BLOCK) {
      ops.push(count);
      return;
    }
    const half = count >> 1;
    visit(half);
    visit(count - half);
    ops.push(0);
  };
  visit(terms);
  plan = Int32Array.from(ops);
  if (plans.size >= 256) plans.clear(); // factorisations of many sizes: keep the map small
  plans.set(terms, plan);
  const depth = 2 * Math.ceil(Math.log2(terms + 1)) + 2;
  if (partialSums.length < depth) partialSums = new Float64Array(depth);
  return plan;
}

/**
 * leading + Σ x[xStart + i·xStride]·y[yStart + i] for i < count (x and y may be the same
 * array), summed pairwise over the count + 1 terms with `leading` first: halves are
 * summed recursively down to blocks of PAIRWISE_BLOCK terms, each accumulated left to
 * right, so the error bound is (PAIRWISE_BLOCK + log₂ count)·ε·Σ|terms|. Up to
 * PAIRWISE_BLOCK terms the result is exactly the left-to-right sum.
 */
function pairwiseDot(
  leading: number,
  x: Float64Array,
  xStart: number,
  xStride: number,
  y: Float64Array,
  yStart: number,
  count: number,
): number {
  const plan = pairwisePlan(count + 1);
  const stack = partialSums;
  let top = 0;
  // Term t ≥ 1 is the product x[xStart + (t − 1)·xStride]·y[yStart + t − 1].
  let xi = xStart - xStride, yi = yStart - 1, t = 0;
  for (let q = 0; q < plan.length; q++) {
    const size = plan[q];
    if (size > 0) {
      const end = t + size;
      let sum = 0;
      if (t === 0) {
        sum += leading;
        t = 1, xi += xStride, yi++;
      }
      for (; t < end; t++, xi += xStride, yi++) sum += x[xi] * y[yi];
      stack[top++] = sum;
    } else {
      top--;
      stack[top - 1] = stack[top - 1] + stack[top];
    }
  }
  return stack[0];
}

let columnSums = new Float64Array(64);

/**
 * {@link pairwiseDot} for several columns at once, all against the same x: for c < columns,
 * sums[c] = y[yc − 1] + Σ x[xStart + i]·y[yc + i] (i < count) with yc = yStart + c·yStep,
 * each over the same pairwise tree as pairwiseDot, so each is the same bits. Walking the
 * tree once for all columns spreads its irregular leaf loop over them and gives the CPU
 * independent sums to overlap.
 */
function pairwiseDots(
  x: Float64Array,
  xStart: number,
  y: Float64Array,
  yStart: number,
  yStep: number,
  count: number,
  columns: number,
  sums: Float64Array,
): void {
  const plan = pairwisePlan(count + 1);
  const needed = partialSums.length * columns;
  if (columnSums.length < needed) columnSums = new Float64Array(needed);
  const stack = columnSums;
  // Term t ≥ 1 of column c is x[xBase + t]·y[yBase + c·yStep + t]; term 0 is y[yBase + c·yStep].
  const xBase = xStart - 1, yBase = yStart - 1;
  let top = 0, t = 0;
  for (let q = 0; q < plan.length; q++) {
    const size = plan[q];
    if (size <= 0) {
      top--;
      const left = (top - 1) * columns, right = top * columns;
      for (let c = 0; c < columns; c++) stack[left + c] = stack[left + c] + stack[right + c];
      continue;
    }
    const base = top * columns;
    // Long sums split into leaves of 4 and 5 terms: those get straight-line code, with
    // the x values loaded once for every column; each is still ((0 + p₀) + p₁) + ….
    if (size === 5 && t > 0) {
      const x0 = x[xBase + t], x1 = x[xBase + t + 1], x2 = x[xBase + t + 2];
      const x3 = x[xBase + t + 3], x4 = x[xBase + t + 4];
      for (let c = 0, at = yBase + t; c < columns; c++, at += yStep) {
        stack[base + c] = 0 + x0 * y[at] + x1 * y[at + 1] + x2 * y[at + 2] + x3 * y[at + 3] +
          x4 * y[at + 4];
      }
    } else if (size === 4 && t > 0) {
      const x0 = x[xBase + t], x1 = x[xBase + t + 1], x2 = x[xBase + t + 2];
      const x3 = x[xBase + t + 3];
      for (let c = 0, at = yBase + t; c < columns; c++, at += yStep) {
        stack[base + c] = 0 + x0 * y[at] + x1 * y[at + 1] + x2 * y[at + 2] + x3 * y[at + 3];
      }
    } else {
      const first = t === 0 ? 1 : t, end = t + size;
      for (let c = 0, yc = yBase; c < columns; c++, yc += yStep) {
        let sum = 0;
        if (t === 0) sum += y[yc];
        for (let u = first; u < end; u++) sum += x[xBase + u] * y[yc + u];
        stack[base + c] = sum;
      }
    }
    t += size;
    top++;
  }
  for (let c = 0; c < columns; c++) sums[c] = stack[c];
}

/** Σ (data[start + i] / scale)² for i < count, summed pairwise (see {@link pairwiseDot}). */
function pairwiseScaledSquares(
  data: Float64Array,
  start: number,
  count: number,
  scale: number,
): number {
  const plan = pairwisePlan(count);
  const stack = partialSums;
  let top = 0, i = start;
  for (let q = 0; q < plan.length; q++) {
    const size = plan[q];
    if (size > 0) {
      if (size === 5) {
        const t0 = data[i] / scale, t1 = data[i + 1] / scale, t2 = data[i + 2] / scale;
        const t3 = data[i + 3] / scale, t4 = data[i + 4] / scale;
        stack[top++] = 0 + t0 * t0 + t1 * t1 + t2 * t2 + t3 * t3 + t4 * t4;
        i += 5;
      } else if (size === 4) {
        const t0 = data[i] / scale, t1 = data[i + 1] / scale, t2 = data[i + 2] / scale;
        const t3 = data[i + 3] / scale;
        stack[top++] = 0 + t0 * t0 + t1 * t1 + t2 * t2 + t3 * t3;
        i += 4;
      } else {
        const end = i + size;
        let sum = 0;
        for (; i < end; i++) {
          const t = data[i] / scale;
          sum += t * t;
        }
        stack[top++] = sum;
      }
    } else {
      top--;
      stack[top - 1] = stack[top - 1] + stack[top];
    }
  }
  return stack[0];
}

/**
 * 2-norm of `count` contiguous entries of `data` from `start`: scaled by the largest
 * magnitude so that squaring cannot overflow or underflow, the squares summed pairwise.
 */
function scaledNorm(data: Float64Array, start: number, count: number): number {
  // max |xᵢ| (the entries are finite, so this is Math.max without its NaN and −0 cases;
  // Math.max on a sum that starts as the integer 0 made V8 deoptimise).
  // count ≥ 1, and starting from |x₀| ≥ +0 gives the same maximum as starting from 0.
  let scale = Math.abs(data[start]);
  for (let i = start + 1, end = start + count; i < end; i++) {
    const magnitude = Math.abs(data[i]);
    if (magnitude > scale) scale = magnitude;
  }
  if (scale === 0) return 0;
  return scale * Math.sqrt(pairwiseScaledSquares(data, start, count, scale));
}

/**
 * The transpose of a rows × cols row-major array, into `result` (also turns a row-major
 * matrix into its column-major copy and back). Long result rows are written through a
 * view whose length bounds the loop. The loops of householderQr live in small
 * functions like this one: V8 optimises those whole, where one long function ran from
 * on-stack replacement and deoptimised on every call.
 */
function transposeInto(
  data: Float64Array,
  rows: number,
  cols: number,
  result: Float64Array,
): Float64Array {
  if (rows < cols) {
    // Short rows of the result (back to row-major): a view per row would cost more.
    for (let j = 0, dst = 0; j < cols; j++) {
      for (let src = j, end = dst + rows; dst < end; dst++, src += cols) result[dst] = data[src];
    }
    return result;
  }
  for (let j = 0; j < cols; j++) {
    const column = result.subarray(j * rows, (j + 1) * rows);
    for (let i = 0, src = j; i < column.length; i++, src += cols) column[i] = data[src];
  }
  return result;
}

/** Scratch kept between calls up to this many doubles (32 MB); larger ones are allocated. */
const SCRATCH_LIMIT = 1 << 22;
let scratchA = new Float64Array(0);
let scratchB = new Float64Array(0);

/**
 * A work array of `length` doubles (contents undefined): one of two module-level buffers,
 * grown on demand and reused, since allocating 800 kB per call cost as much as copying it.
 */
function scratch(which: 0 | 1, length: number): Float64Array {
  if (length > SCRATCH_LIMIT) return new Float64Array(length);
  if (which === 0) {
    if (scratchA.length < length) scratchA = new Float64Array(length);
    return scratchA.subarray(0, length);
  }
  if (scratchB.length < length) scratchB = new Float64Array(length);
  return scratchB.subarray(0, length);
}

/**
 * Whether every entry is finite (x − x is 0 exactly for finite x, NaN otherwise). A
 * monomorphic loop: the shared requireFinite, called with every kind of array, ran as a
 * builtin call per entry on V8. It still makes the message when this says no.
 */
function allFinite(data: Float64Array): boolean {
  for (let i = 0; i < data.length; i++) {
    const value = data[i];
    if (value - value !== 0) return false;
  }
  return true;
}

/** data[i] *= scale for from ≤ i < to. */
function scaleTail(data: Float64Array, from: number, to: number, scale: number): void {
  for (let i = from; i < to; i++) data[i] *= scale;
}

/**
 * Householder QR factorisation of an m × n matrix A with m ≥ n.
 *
 * For column j: β = −sign(Aⱼⱼ)·‖A[j:, j]‖, τ = (β − Aⱼⱼ)/β, v = A[j:, j]/(Aⱼⱼ − β) with
 * v₀ = 1, and Rⱼⱼ = β; the reflection I − τvvᵀ is then applied to the remaining columns.
 * The work runs on a column-major copy, so that every reflection reads and writes
 * contiguous memory; the factors are copied back row-major at the end.
 *
 * @param a The matrix A, m × n, m ≥ n ≥ 1 (not modified).
 * @returns The compact factorisation.
 * @throws {RangeError} if A is empty, has fewer rows than columns, or a non-finite entry.
 *
 * @example |R₀₀| is the norm of the first column
 * ```ts
 * import { fromRows } from "./matrix.ts";
 * const { factors } = householderQr(fromRows([[3, 1], [4, 2]]));
 * if (Math.abs(factors.data[0]) !== 5) throw new Error("‖(3, 4)‖ = 5");
 * ```
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
 * @throws {RangeError} as {@link householderQr} does.
 *
 * @example The column of larger norm comes first
 * ```ts
 * import { fromRows } from "./matrix.ts";
 * const { factors, permutation } = householderQrPivoted(fromRows([[1, 3], [0, 4]]));
 * if (permutation[0] !== 1 || permutation[1] !== 0) throw new Error("column 1 (norm 5) first");
 * if (Math.abs(factors.data[0]) !== 5) throw new Error("|R₀₀| = 5");
 * ```
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

/** What {@link factorColumnMajor} leaves: the factors column-major (w[j·m + i] = Fᵢⱼ). */
interface ColumnMajorQr {
  readonly w: Float64Array;
  readonly tau: Float64Array;
  readonly columnNorms: Float64Array;
  /** The column order (the identity without pivoting). */
  readonly permutation: Int32Array;
}

/**
 * LAPACK's threshold for recomputing a downdated partial column norm: √ε with ε the
 * unit roundoff 2⁻⁵³ (`dlamch('Epsilon')`).
 */
const NORM_RECOMPUTE_THRESHOLD = Math.sqrt(Number.EPSILON / 2);

/**
 * Swaps into column j the column k ≥ j of largest `partial[k]` (the first on ties): its m
 * entries in the column-major w, its entries of `permutation`, `partial` and `computed`.
 */
function pivotLargest(
  w: Float64Array,
  m: number,
  n: number,
  j: number,
  permutation: Int32Array,
  partial: Float64Array,
  computed: Float64Array,
): void {
  let best = j;
  for (let k = j + 1; k < n; k++) if (partial[k] > partial[best]) best = k;
  if (best === j) return;
  const here = w.subarray(j * m, (j + 1) * m), there = w.subarray(best * m, (best + 1) * m);
  for (let i = 0; i < here.length; i++) {
    const value = here[i];
    here[i] = there[i];
    there[i] = value;
  }
  const column = permutation[j];
  permutation[j] = permutation[best];
  permutation[best] = column;
  // Column j's norms are not needed again (LAPACK's dlaqp2 does the same).
  partial[best] = partial[j];
  computed[best] = computed[j];
}

/**
 * After step j: the partial norms of columns j+1 … n−1 over rows j+1 … m−1, downdated by
 * Rⱼₖ = w[k·m + j], or recomputed from the column when the downdate has cancelled too far.
 */
function downdateNorms(
  w: Float64Array,
  m: number,
  n: number,
  j: number,
  partial: Float64Array,
  computed: Float64Array,
): void {
  for (let k = j + 1; k < n; k++) {
    const norm = partial[k];
    if (norm === 0) continue;
    const ratio = Math.abs(w[k * m + j]) / norm;
    const remaining = Math.max(0, 1 - ratio * ratio);
    const drift = norm / computed[k];
    if (remaining * drift * drift <= NORM_RECOMPUTE_THRESHOLD) {
      const fresh = j + 1 < m ? scaledNorm(w, k * m + j + 1, m - j - 1) : 0;
      partial[k] = fresh;
      computed[k] = fresh;
    } else {
      partial[k] = norm * Math.sqrt(remaining);
    }
  }
}

/**
 * Applies the reflections H = I − τvvᵀ with v = (1, reflector[pivot + 1 …]) to `columns`
 * columns of `target`, column c being the `count` entries from top + c·step: the inner
 * products by {@link pairwiseDots}, then for each column s = τ·vᵀc, c₀ −= s, cᵢ −= s·vᵢ,
 * one column after the other.
 */
function reflectColumns(
  reflector: Float64Array,
  pivot: number,
  target: Float64Array,
  top: number,
  step: number,
  count: number,
  columns: number,
  tauJ: number,
): void {
  if (columnProducts.length < columns) columnProducts = new Float64Array(columns);
  const sums = columnProducts;
  pairwiseDots(reflector, pivot + 1, target, top + 1, step, count - 1, columns, sums);
  for (let c = 0; c < columns; c++) {
    const s = sums[c] * tauJ;
    const at = top + c * step;
    target[at] -= s;
    axpyTail(target, at, reflector, pivot, count, s);
  }
}
let columnProducts = new Float64Array(16);

/** target[at + i] −= s·reflector[pivot + i] for 1 ≤ i < count. */
function axpyTail(
  target: Float64Array,
  at: number,
  reflector: Float64Array,
  pivot: number,
  count: number,
  s: number,
): void {
  // Views whose length bounds the loop let V8 drop the bounds checks (2× on Deno).
  const tail = target.subarray(at + 1, at + count);
  const v = reflector.subarray(pivot + 1, pivot + count);
  for (let i = 0; i < tail.length; i++) tail[i] -= s * v[i];
}

/** The Householder QR of A on a column-major copy, with or without column pivoting (validates A). */
function factorColumnMajor(a: Matrix, pivoting: boolean): ColumnMajorQr {
  const m = a.rows, n = a.cols;
  if (m === 0 || n === 0) throw new RangeError(`Cannot factor: the matrix is empty (${m}×${n})`);
  if (m < n) {
    throw new RangeError(
      `Cannot factor: QR needs at least as many rows as columns, got ${m}×${n} (${m} < ${n})`,
    );
  }
  if (!allFinite(a.data)) requireFinite(a.data, "The matrix to factor");
  // Column-major working copy: column j is w[j·m … j·m + m − 1].
  // A module-level scratch: the caller copies out what it keeps before the next call.
  const w = transposeInto(a.data, m, n, scratch(0, m * n));
  const tau = new Float64Array(n);
  const columnNorms = new Float64Array(n);
  for (let j = 0; j < n; j++) columnNorms[j] = scaledNorm(w, j * m, m);
  const permutation = new Int32Array(n);
  for (let j = 0; j < n; j++) permutation[j] = j;
  // dgeqp3's vn1 (partial norms, downdated) and vn2 (the last ones computed afresh).
  const partial = pivoting ? columnNorms.slice() : columnNorms;
  const computed = pivoting ? columnNorms.slice() : columnNorms;
  for (let j = 0; j < n; j++) {
    const pivot = j * m + j; // w[pivot] is Aⱼⱼ; the reflector's tail follows it
    if (pivoting) pivotLargest(w, m, n, j, permutation, partial, computed);
    // Column 0 is still one of A's own columns: its norm is the one computed above, bit
    // for bit (the same function on the same entries).
    const norm = j === 0 ? columnNorms[permutation[0]] : scaledNorm(w, pivot, m - j);
    // A column already zero below the diagonal needs no reflection (H = I).
    if (norm !== 0) {
      const alpha = w[pivot];
      const beta = alpha >= 0 ? -norm : norm;
      const tauJ = (beta - alpha) / beta;
      tau[j] = tauJ;
      const scale = 1 / (alpha - beta);
      scaleTail(w, pivot + 1, (j + 1) * m, scale);
      w[pivot] = beta;
      // Columns j+1 … n−1 each get H applied; no column reads another, so all at once.
      if (j + 1 < n) reflectColumns(w, pivot, w, pivot + m, m, m - j, n - j - 1, tauJ);
    }
    // Row j is final now, pivoted or not: take it out of the remaining partial norms.
    if (pivoting) downdateNorms(w, m, n, j, partial, computed);
  }
  return { w, tau, columnNorms, permutation };
}

/** The result of {@link qrApplyTransposeToColumns}. */
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

/** Options of {@link qrApplyTransposeToColumns}. */
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
 * @throws {RangeError} as {@link householderQr} does, or if a column's length is not m.
 *
 * @example The same numbers as factoring, then applying Qᵀ
 * ```ts
 * import { fromRows } from "./matrix.ts";
 * const a = fromRows([[3, 1], [4, 2], [0, 5]]);
 * const { r, transformed } = qrApplyTransposeToColumns(a, [Float64Array.of(1, 2, 3)]);
 * const qr = householderQr(a);
 * if (r.data[1] !== qrR(qr).data[1]) throw new Error("same R");
 * if (transformed[0][2] !== applyQTranspose(qr, [1, 2, 3])[2]) throw new Error("same Qᵀy");
 * ```
 */
export function qrApplyTransposeToColumns(
  a: Matrix,
  columns: readonly ArrayLike<number>[],
  options: QrApplyOptions = {},
): QrTransformedColumns {
  const m = a.rows, n = a.cols, k = columns.length;
  for (const column of columns) {
    if (column.length !== m) {
      throw new RangeError(
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
 * @throws {RangeError} if b's length is not m.
 *
 * @example Q is orthogonal: ‖Qᵀb‖ = ‖b‖
 * ```ts
 * import { fromRows } from "./matrix.ts";
 * const qtb = applyQTranspose(householderQr(fromRows([[3, 1], [4, 2]])), [3, 4]);
 * if (Math.abs(Math.hypot(qtb[0], qtb[1]) - 5) > 1e-15) throw new Error("norm kept");
 * ```
 */
export function applyQTranspose(qr: QrFactorization, b: ArrayLike<number>): Float64Array {
  const { factors, tau } = qr;
  const m = factors.rows, n = factors.cols, f = factors.data;
  if (b.length !== m) {
    throw new RangeError(
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
 * @example
 * ```ts
 * import { fromRows } from "./matrix.ts";
 * const r = qrR(householderQr(fromRows([[3, 1], [4, 2], [0, 0]])));
 * if (r.rows !== 2 || r.data[2] !== 0) throw new Error("2 × 2, zero below the diagonal");
 * ```
 */
export function qrR(qr: QrFactorization): Matrix {
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
 * @throws {RangeError} if b's length is not m or R has a zero on its diagonal.
 *
 * @example An exactly consistent system, with and without pivoting
 * ```ts
 * import { fromRows } from "./matrix.ts";
 * const a = fromRows([[1, 0], [0, 1], [1, 1]]);
 * for (const x of [qrSolve(householderQr(a), [1, 2, 3]), qrSolve(householderQrPivoted(a), [1, 2, 3])]) {
 *   if (Math.abs(x[0] - 1) > 1e-15 || Math.abs(x[1] - 2) > 1e-15) throw new Error("x = [1, 2]");
 * }
 * ```
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
