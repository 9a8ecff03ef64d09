/**
 * The TSQR factorisation of a least-squares problem (`tsqr_module.ts`) from TypeScript:
 * X (n × p) and Y (n × k) go into the module's memory once, the module returns
 * [R | c] with R upper triangular and c the first p rows of QᵀY, and
 * {@link refineOnce} optionally corrects a solution by one step of the corrected
 * semi-normal equations with a residual computed in double-double arithmetic.
 *
 * lib/linalg/lstsq.ts offers this as `leastSquares(x, y, { method: "tsqr" })`; this file
 * only factors and refines. Both check their matrices' types and shapes at entry (O(1));
 * finiteness is lstsq.ts's check (here non-finite input gives non-finite output).
 *
 * @module
 */

import { ShapeError } from "../errors.ts";
import { requireMatrix, requireOptions } from "../_util/validate.ts";
import { createMatrix, type Matrix } from "../linalg/matrix.ts";
import { qrApplyTransposeToColumns } from "../linalg/qr.ts";

/** 2²⁷ + 1: Dekker's splitting constant for binary64. */
const SPLITTER = 134217729;
import { hasWasmSimd } from "./simd_support.ts";
import { TSQR_BLOCK, TSQR_MAX_COLUMNS, tsqrModule } from "./tsqr_module.ts";

export type { Matrix } from "../linalg/matrix.ts";

/** What {@link tsqrFactor} returns.
 * @category WebAssembly encoder */
export interface TsqrFactor {
  /** R, p × p upper triangular (XP = QR with P = I: no pivoting). */
  readonly r: Matrix;
  /** The first p rows of QᵀY, p × k. */
  readonly qty: Matrix;
  /** ‖X's column j‖ for each j (for the rank test). */
  readonly columnNorms: Float64Array;
  /**
   * `"wasm-simd"`, `"wasm-simd, rescaled"` (columns scaled by powers of two first, when a
   * sum of squares left the accurate range), or `"fallback"` (lib/linalg's Householder
   * QR, where SIMD is missing or p + k > 32).
   */
  readonly backend: "wasm-simd" | "wasm-simd, rescaled" | "fallback";
}

interface Compiled {
  readonly memory: WebAssembly.Memory;
  readonly load: (x: number, y: number, rows: number, work: number, norms: number) => void;
  readonly reduce: (top: number, work: number, rows: number) => number;
  readonly rows: (top: number, work: number) => void;
}

const modules = new Map<string, Compiled>();
const PAGE = 65536;
const HEAP = 1024;

function compiled(p: number, k: number): Compiled {
  const key = `${p},${k}`;
  let found = modules.get(key);
  if (found === undefined) {
    const exports = new WebAssembly.Instance(new WebAssembly.Module(tsqrModule(p, k))).exports;
    found = {
      memory: exports.memory as WebAssembly.Memory,
      load: exports.load as Compiled["load"],
      reduce: exports.reduce as Compiled["reduce"],
      rows: exports.rows as Compiled["rows"],
    };
    modules.set(key, found);
  }
  return found;
}

let simd: boolean | undefined;

/** Powers of two 2^(−e) with max |column| · 2^(−e) in [½, 1): exact rescaling. */
function columnScales(m: Matrix): Float64Array {
  const scales = new Float64Array(m.cols).fill(1);
  for (let c = 0; c < m.cols; c++) {
    let largest = 0;
    for (let i = 0; i < m.rows; i++) largest = Math.max(largest, Math.abs(m.data[i * m.cols + c]));
    if (largest > 0) scales[c] = 2 ** -Math.ceil(Math.log2(largest) + 1e-12);
    if (!Number.isFinite(scales[c]) || scales[c] === 0) scales[c] = 1;
  }
  return scales;
}

function scaled(m: Matrix, scales: Float64Array): Matrix {
  const out = createMatrix(m.rows, m.cols);
  for (let i = 0; i < m.data.length; i++) out.data[i] = m.data[i] * scales[i % m.cols];
  return out;
}

function runModule(
  x: Matrix,
  y: Matrix,
): { status: number; top: Float64Array; norms: Float64Array } {
  const n = x.rows, p = x.cols, k = y.cols;
  const { memory, load, reduce, rows } = compiled(p, k);
  const widthDoubles = 2 * Math.ceil((p + k) / 2), topDoubles = p * widthDoubles;
  const blocks = Math.ceil(n / TSQR_BLOCK);
  const depth = Math.ceil(Math.log2(blocks)) + 2; // tops alive at once: one per tree level
  const xAt = HEAP, yAt = xAt + 8 * n * p;
  const normsAt = yAt + 8 * n * k;
  const stackAt = normsAt + 8 * widthDoubles;
  const workAt = stackAt + 8 * depth * topDoubles;
  const bytes = workAt + 8 * (TSQR_BLOCK * widthDoubles + TSQR_BLOCK);
  if (memory.buffer.byteLength < bytes) {
    memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / PAGE));
  }
  const heap = new Float64Array(memory.buffer);
  heap.set(x.data, xAt / 8);
  heap.set(y.data, yAt / 8);
  heap.fill(0, normsAt / 8, normsAt / 8 + widthDoubles);
  // The tree as a binary counter: levels[s] is the level of the top in slot s; a new
  // block's top enters at level 0, and two tops of the same level merge into one level up.
  const levels: number[] = [];
  let status = 0;
  const slot = (s: number) => stackAt + 8 * s * topDoubles;
  const merge = () => {
    const upper = levels.length - 2;
    rows(slot(upper + 1), workAt);
    status |= reduce(slot(upper), workAt, p);
    levels.pop();
    levels[upper]++;
  };
  for (let b = 0; b < blocks; b++) {
    const first = b * TSQR_BLOCK, count = Math.min(TSQR_BLOCK, n - first);
    const s = levels.length;
    heap.fill(0, slot(s) / 8, slot(s) / 8 + topDoubles);
    load(xAt + 8 * first * p, yAt + 8 * first * k, count, workAt, normsAt);
    status |= reduce(slot(s), workAt, count);
    levels.push(0);
    while (levels.length > 1 && levels[levels.length - 1] === levels[levels.length - 2]) merge();
  }
  while (levels.length > 1) merge();
  return {
    status,
    top: heap.slice(stackAt / 8, stackAt / 8 + topDoubles),
    norms: heap.slice(normsAt / 8, normsAt / 8 + p),
  };
}

/**
 * Factors the least-squares problem min ‖XW − Y‖ by TSQR: R and the first p rows of QᵀY,
 * so that W = R⁻¹·qty. Finiteness is not checked (lstsq.ts does that); non-finite input
 * gives non-finite output.
 *
 * @param x The design X, n × p (n ≥ 1, p ≥ 1).
 * @param y The targets Y, n × k (k ≥ 1).
 * @param options `forceFallback` to run lib/linalg's Householder QR instead (for tests).
 * @returns R, QᵀY's first p rows, the column norms and the path taken.
 * @throws {InputTypeError} if X or Y is not a Matrix or `options` has an unknown key.
 * @throws {ShapeError} if X and Y differ in rows or a dimension is 0.
 *
 * @example A line through three points: R₀₀ = −√3 (LAPACK's sign), W = R⁻¹c = (1, 2)
 * ```ts
 * import { fromRows } from "@nnref/nnref/linalg";
 * import { assertClose } from "@nnref/nnref/oracle";
 * import { tsqrFactor } from "@nnref/nnref/wasm";
 * const f = tsqrFactor(fromRows([[1, 0], [1, 1], [1, 2]]), fromRows([[1], [3], [5]]));
 * if (Math.abs(f.r.data[0] + Math.sqrt(3)) > 1e-15) throw new Error("−√3");
 * const w1 = f.qty.data[1] / f.r.data[3], w0 = (f.qty.data[0] - f.r.data[1] * w1) / f.r.data[0];
 * assertClose(w0, 1, { atol: 1e-14 }, "y = 1 + 2x");
 * assertClose(w1, 2, { atol: 1e-14 }, "y = 1 + 2x");
 * ```
 * @category WebAssembly encoder
 */
export function tsqrFactor(
  x: Matrix,
  y: Matrix,
  options: { readonly forceFallback?: boolean } = {},
): TsqrFactor {
  requireMatrix(x, "X");
  requireMatrix(y, "Y");
  requireOptions(options, "options", ["forceFallback"], ["forceFallback"]);
  if (x.rows !== y.rows || x.rows === 0 || x.cols === 0 || y.cols === 0) {
    throw new ShapeError(
      `Cannot factor by TSQR: X is ${x.rows}×${x.cols} and Y ${y.rows}×${y.cols}; ` +
        `they need the same number of rows, and every dimension ≥ 1`,
    );
  }
  const p = x.cols, k = y.cols;
  simd ??= hasWasmSimd();
  if (options.forceFallback || !simd || p + k > TSQR_MAX_COLUMNS) {
    const columns = Array.from({ length: k }, (_, c) => {
      const column = new Float64Array(x.rows);
      for (let i = 0; i < x.rows; i++) column[i] = y.data[i * k + c];
      return column;
    });
    const { r, transformed, columnNorms } = qrApplyTransposeToColumns(x, columns);
    const qty = createMatrix(p, k);
    for (let c = 0; c < k; c++) for (let i = 0; i < p; i++) qty.data[i * k + c] = transformed[c][i];
    return { r, qty, columnNorms: Float64Array.from(columnNorms), backend: "fallback" };
  }
  let run = runModule(x, y);
  let xScales: Float64Array | null = null, yScales: Float64Array | null = null;
  if (run.status !== 0) {
    xScales = columnScales(x);
    yScales = columnScales(y);
    run = runModule(scaled(x, xScales), scaled(y, yScales));
  }
  const widthDoubles = 2 * Math.ceil((p + k) / 2);
  const r = createMatrix(p, p), qty = createMatrix(p, k);
  for (let i = 0; i < p; i++) {
    for (let j = i; j < p; j++) r.data[i * p + j] = run.top[i * widthDoubles + j];
    for (let c = 0; c < k; c++) qty.data[i * k + c] = run.top[i * widthDoubles + p + c];
  }
  const columnNorms = run.norms.map(Math.sqrt);
  if (xScales !== null && yScales !== null) {
    // X·diag(sx) = Q·R' and Y·diag(sy): R = R'·diag(1/sx), c = c'·diag(1/sy).
    for (let i = 0; i < p; i++) {
      for (let j = i; j < p; j++) r.data[i * p + j] /= xScales[j];
      for (let c = 0; c < k; c++) qty.data[i * k + c] /= yScales[c];
    }
    for (let j = 0; j < p; j++) columnNorms[j] /= xScales[j];
  }
  return {
    r,
    qty,
    columnNorms,
    backend: xScales === null ? "wasm-simd" : "wasm-simd, rescaled",
  };
}

/**
 * One step of the corrected semi-normal equations: with the residual r = Y − XW computed
 * in double-double (each xᵢⱼwⱼ by Dekker's TwoProduct, the sums by TwoSum, rounded once),
 * solves RᵀR·δ = Xᵀr and returns W + δ. For a well-conditioned X this recovers the digits
 * the residual's rounding would otherwise cost (Björck, Numerical Methods for Least
 * Squares Problems, §2.5.4); it is not a cure for an ill-conditioned one.
 *
 * @param x The design X, n × p.
 * @param y The targets Y, n × k.
 * @param w The solution to correct, p × k.
 * @param r The R of X's QR (any orthogonal factorisation: RᵀR = XᵀX).
 * @returns The corrected solution, p × k (a new matrix).
 * @throws {InputTypeError} if an argument is not a Matrix.
 * @throws {ShapeError} if Y's rows are not X's, W is not p × k or R not p × p.
 *
 * @example An exact solution stays exact
 * ```ts
 * import { fromRows } from "@nnref/nnref/linalg";
 * import { refineOnce } from "@nnref/nnref/wasm";
 * const x = fromRows([[1, 0], [1, 1], [1, 2]]), y = fromRows([[1], [3], [5]]);
 * const r = fromRows([[-Math.sqrt(3), -Math.sqrt(3)], [0, Math.SQRT2]]);
 * const w = refineOnce(x, y, fromRows([[1], [2]]), r);
 * if (w.data[0] !== 1 || w.data[1] !== 2) throw new Error("δ = 0");
 * ```
 * @category WebAssembly encoder
 */
export function refineOnce(x: Matrix, y: Matrix, w: Matrix, r: Matrix): Matrix {
  requireMatrix(x, "X");
  requireMatrix(y, "Y");
  requireMatrix(w, "W");
  requireMatrix(r, "R");
  const n = x.rows, p = x.cols, k = y.cols;
  if (y.rows !== n || w.rows !== p || w.cols !== k || r.rows !== p || r.cols !== p) {
    throw new ShapeError(
      `Cannot refine: X is ${n}×${p}, so Y must be ${n}×k, W ${p}×k and R ${p}×${p}; ` +
        `got Y ${y.rows}×${k}, W ${w.rows}×${w.cols}, R ${r.rows}×${r.cols}`,
    );
  }
  const residual = new Float64Array(n * k);
  // Dekker's TwoProduct and Knuth's TwoSum written out (lib/linalg/double_double.ts's
  // twoProduct and twoSum, without a tuple per call); W's halves are split once.
  const wHi = new Float64Array(p * k), wLo = new Float64Array(p * k);
  for (let m = 0; m < p * k; m++) {
    const c = SPLITTER * w.data[m];
    wHi[m] = c - (c - w.data[m]);
    wLo[m] = w.data[m] - wHi[m];
  }
  const xd = x.data, yd = y.data, wd = w.data;
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) {
      let hi = yd[i * k + c], lo = 0;
      for (let j = 0; j < p; j++) {
        const a = xd[i * p + j], split = SPLITTER * a;
        const aHi = split - (split - a), aLo = a - aHi;
        const m = j * k + c, product = a * wd[m];
        const productError = ((aHi * wHi[m] - product) + aHi * wLo[m] + aLo * wHi[m]) +
          aLo * wLo[m];
        const sum = hi - product, back = sum - hi;
        const sumError = (hi - (sum - back)) + (-product - back);
        hi = sum;
        lo += sumError - productError;
      }
      residual[i * k + c] = hi + lo;
    }
  }
  const out = createMatrix(p, k);
  for (let c = 0; c < k; c++) {
    // s = Xᵀr, then Rᵀt = s (forward), Rδ = t (back).
    const s = new Float64Array(p);
    for (let i = 0; i < n; i++) {
      const value = residual[i * k + c];
      for (let j = 0; j < p; j++) s[j] += x.data[i * p + j] * value;
    }
    for (let j = 0; j < p; j++) {
      let sum = s[j];
      for (let m = 0; m < j; m++) sum -= r.data[m * p + j] * s[m];
      s[j] = sum / r.data[j * p + j];
    }
    for (let j = p - 1; j >= 0; j--) {
      let sum = s[j];
      for (let m = j + 1; m < p; m++) sum -= r.data[j * p + m] * s[m];
      s[j] = sum / r.data[j * p + j];
    }
    for (let j = 0; j < p; j++) out.data[j * k + c] = w.data[j * k + c] + s[j];
  }
  return out;
}
