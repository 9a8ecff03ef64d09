/**
 * The Householder QR kernel on a column-major work array (internal to qr.ts): the
 * reflections, column pivoting with norm downdating (LAPACK's dlaqp2), and the scratch
 * buffers it reuses between calls. The public API and its documentation are in qr.ts.
 *
 * @module
 */

import { ShapeError } from "../errors.ts";
import { requireFinite, requireMatrix } from "../_util/validate.ts";
import type { Matrix } from "./matrix.ts";
import { pairwiseDots, scaledNorm } from "./_pairwise.ts";

/**
 * The transpose of a rows × cols row-major array, into `result` (also turns a row-major
 * matrix into its column-major copy and back). Long result rows are written through a
 * view whose length bounds the loop. The loops of householderQr live in small
 * functions like this one: V8 optimises those whole, where one long function ran from
 * on-stack replacement and deoptimised on every call.
 */
export function transposeInto(
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
export function scratch(which: 0 | 1, length: number): Float64Array {
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

/** data[i] /= divisor for from ≤ i < to. */
function divideTail(data: Float64Array, from: number, to: number, divisor: number): void {
  for (let i = from; i < to; i++) data[i] /= divisor;
}

/** data[i] *= scale for from ≤ i < to. */
function scaleTail(data: Float64Array, from: number, to: number, scale: number): void {
  for (let i = from; i < to; i++) data[i] *= scale;
}

/** What {@link factorColumnMajor} leaves: the factors column-major (w[j·m + i] = Fᵢⱼ). */
export interface ColumnMajorQr {
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
export function reflectColumns(
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
export function factorColumnMajor(a: Matrix, pivoting: boolean): ColumnMajorQr {
  requireMatrix(a, "The matrix to factor (A)");
  const m = a.rows, n = a.cols;
  if (m === 0 || n === 0) throw new ShapeError(`Cannot factor: the matrix is empty (${m}×${n})`);
  if (m < n) {
    throw new ShapeError(
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
      const head = alpha - beta;
      const scale = 1 / head;
      // For a (sub)normal column as tiny as 2⁻¹⁰²² the reciprocal overflows to ∞: divide
      // instead (never taken otherwise, so every other column keeps its bits).
      if (scale - scale === 0) scaleTail(w, pivot + 1, (j + 1) * m, scale);
      else divideTail(w, pivot + 1, (j + 1) * m, head);
      w[pivot] = beta;
      // Columns j+1 … n−1 each get H applied; no column reads another, so all at once.
      if (j + 1 < n) reflectColumns(w, pivot, w, pivot + m, m, m - j, n - j - 1, tauJ);
    }
    // Row j is final now, pivoted or not: take it out of the remaining partial norms.
    if (pivoting) downdateNorms(w, m, n, j, partial, computed);
  }
  return { w, tau, columnNorms, permutation };
}
