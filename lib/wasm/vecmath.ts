/**
 * e^x, σ, tanh, row softmax, row log-softmax and row log-sum-exp on the f64x2
 * exponential of the vector-math WebAssembly module, with pure-TypeScript fallbacks.
 *
 * Every function copies its input into the module's memory in chunks of 8192 values
 * (64 KiB, cache-resident), runs the kernel there and copies the result out, so the
 * caller's arrays are ordinary Float64Arrays and `out` may be the input itself. The
 * results are the same bytes on every engine (IEEE-754 arithmetic, no fused
 * multiply-add); their errors, measured against mpmath by the generators in
 * fixtures/wasm/:
 *
 * | function | bound | measured |
 * | --- | --- | --- |
 * | e^x | < 1 ulp (0.5 + 0.01) | 0.50… ulp over 1.45·10⁶ points (fixtures/wasm/exp.json) |
 * | σ(z) | ≤ 2 ulp | see fixtures/wasm/vecmath.json |
 * | tanh(z) | ≤ 3 ulp | see fixtures/wasm/vecmath.json |
 * | softmax, log-softmax, log-sum-exp | see {@link softmaxRowsWasm} and the others | fixtures/wasm/vecmath.json |
 *
 * Where WebAssembly SIMD is missing, {@link vecmathBackend} says `"fallback"` and the
 * functions run the TypeScript kernels (Math.exp, Math.tanh, lib/activation): the
 * same values to within those bounds, not the same bytes.
 *
 * (One file of about 500 lines: the six functions share one instance, its chunked copies
 * and the fallbacks, and {@link createVecmath} binds all of them to another instance.)
 *
 * @module
 */

import { InputTypeError, NonFiniteError, ShapeError } from "../errors.ts";
import {
  describeValue,
  requireNumberArray,
  requireOptions,
  requireSize,
} from "../_util/validate.ts";
import type { Matrix } from "../linalg/matrix.ts";
import { sigmoidArray } from "../activation/sigmoid.ts";
import { tanhArray } from "../activation/tanh.ts";
import { logSoftmax, logSumExp, softmaxRows } from "../activation/softmax.ts";
import { hasWasmSimd } from "./simd_support.ts";
import { VECMATH_HEAP, vecmathModule } from "./vecmath_module.ts";

export type { Matrix } from "../linalg/matrix.ts";

/** Values per chunk copied into the module's memory (64 KiB).
 * @category WebAssembly */
export const VECMATH_CHUNK = 8192;

const PAGE = 65536;

type ElementwiseExport = (src: number, dst: number, n: number) => void;
type RowsExport = (
  src: number,
  dst: number,
  rows: number,
  cols: number,
  srcStride: number,
  dstStride: number,
) => number;

/** The module's exports as the kernels call them. */
interface VecmathExports {
  readonly memory: WebAssembly.Memory;
  readonly exp: ElementwiseExport;
  readonly sigmoid: ElementwiseExport;
  readonly tanh: ElementwiseExport;
  readonly softmaxRows: RowsExport;
  readonly logSoftmaxRows: RowsExport;
  readonly logSumExpRows: (
    src: number,
    dst: number,
    rows: number,
    cols: number,
    srcStride: number,
  ) => number;
  readonly expScalar: (x: number, lo: number) => number;
  readonly log1p: (s: number) => number;
}

/** Instantiates the vector-math module with its own (growable) memory. */
function instantiateVecmath(): VecmathExports {
  const module = new WebAssembly.Module(vecmathModule());
  return new WebAssembly.Instance(module).exports as unknown as VecmathExports;
}

let instance: VecmathExports | null | undefined;

function wasm(): VecmathExports | null {
  if (instance === undefined) instance = hasWasmSimd() ? instantiateVecmath() : null;
  return instance;
}

/**
 * Which path the functions of this module take here: `"wasm-simd"`, or `"fallback"`
 * (TypeScript) where WebAssembly SIMD128 is unavailable.
 *
 * @example
 * ```ts
 * import { vecmathBackend } from "@nnref/nnref/wasm";
 * if (!["wasm-simd", "fallback"].includes(vecmathBackend())) throw new Error("one of two");
 * ```
 * @category WebAssembly
 */
export function vecmathBackend(): "wasm-simd" | "fallback" {
  return wasm() === null ? "fallback" : "wasm-simd";
}

/** A Float64Array view of `doubles` values at VECMATH_HEAP, growing the memory if needed. */
function heap(exports: VecmathExports, doubles: number): Float64Array {
  const bytes = VECMATH_HEAP + 8 * doubles;
  const memory = exports.memory;
  if (memory.buffer.byteLength < bytes) {
    memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / PAGE));
  }
  return new Float64Array(memory.buffer, VECMATH_HEAP, doubles);
}

function outBuffer(length: number, out: Float64Array | undefined, what: string): Float64Array {
  if (out === undefined) return new Float64Array(length);
  if (!(out instanceof Float64Array) || out.length !== length) {
    throw new ShapeError(
      `Cannot apply ${what}: out has ${out?.length} entries but values has ${length}`,
    );
  }
  return out;
}

/** Runs an elementwise export over `values` chunk by chunk. */
function runElementwise(
  exports: VecmathExports,
  kernel: ElementwiseExport,
  values: ArrayLike<number>,
  result: Float64Array,
): Float64Array {
  const n = values.length;
  const buffer = heap(exports, Math.min(n, VECMATH_CHUNK));
  const typed = values instanceof Float64Array;
  for (let start = 0; start < n; start += VECMATH_CHUNK) {
    const count = Math.min(VECMATH_CHUNK, n - start);
    if (typed) buffer.set((values as Float64Array).subarray(start, start + count));
    else for (let i = 0; i < count; i++) buffer[i] = values[start + i];
    kernel(VECMATH_HEAP, VECMATH_HEAP, count);
    result.set(count === buffer.length ? buffer : buffer.subarray(0, count), start);
  }
  return result;
}

/**
 * e^x for every entry, by the f64x2 exponential: below 1 ulp everywhere (0.5 for the
 * final rounding + 0.01), the same bytes on every engine; e^x overflows to +∞ for
 * x > 709.78 and underflows through the subnormals to +0 below −745.13.
 *
 * @param values The exponents x.
 * @param out Optional buffer of the same length (may be `values` itself).
 * @returns `out`, or a new Float64Array.
 * @throws {InputTypeError} if values is not an array of numbers.
 * @throws {ShapeError} if `out` has a different length.
 * @see fixtures/wasm/exp.json
 *
 * @example
 * ```ts
 * import { expArrayWasm } from "@nnref/nnref/wasm";
 * const y = expArrayWasm([0, 1, -1000, 710]);
 * if (y[0] !== 1 || y[1] !== Math.E || y[2] !== 0 || y[3] !== Infinity) throw new Error("e^x");
 * ```
 * @category WebAssembly
 */
export function expArrayWasm(values: ArrayLike<number>, out?: Float64Array): Float64Array {
  return expWith(wasm(), values, out);
}

function expWith(
  exports: VecmathExports | null,
  values: ArrayLike<number>,
  out?: Float64Array,
): Float64Array {
  requireNumberArray(values, "values");
  const result = outBuffer(values.length, out, "exp");
  if (exports === null) {
    for (let i = 0; i < values.length; i++) result[i] = Math.exp(values[i]);
    return result;
  }
  return runElementwise(exports, exports.exp, values, result);
}

/**
 * σ(z) = 1/(1 + e^(−z)) for every entry, as (z ≥ 0 ? 1 : e)/(1 + e) with e = e^(−|z|) (the
 * reference's two branches, without overflow), on the f64x2 exponential: within 2 ulp of
 * σ(z), subnormal results included; σ(±∞) = 1, 0; NaN stays NaN.
 *
 * @param values Pre-activations z.
 * @param out Optional buffer of the same length (may be `values` itself).
 * @returns `out`, or a new Float64Array.
 * @throws {InputTypeError} if values is not an array of numbers.
 * @throws {ShapeError} if `out` has a different length.
 * @see fixtures/wasm/vecmath.json
 *
 * @example
 * ```ts
 * import { sigmoidArrayWasm } from "@nnref/nnref/wasm";
 * const a = sigmoidArrayWasm([0, 1000, -1000]);
 * if (a[0] !== 0.5 || a[1] !== 1 || a[2] !== 0) throw new Error("σ");
 * ```
 * @category WebAssembly
 */
export function sigmoidArrayWasm(values: ArrayLike<number>, out?: Float64Array): Float64Array {
  return sigmoidWith(wasm(), values, out);
}

function sigmoidWith(
  exports: VecmathExports | null,
  values: ArrayLike<number>,
  out?: Float64Array,
): Float64Array {
  requireNumberArray(values, "values");
  const result = outBuffer(values.length, out, "sigmoid");
  if (exports === null) return sigmoidArray(values, result);
  return runElementwise(exports, exports.sigmoid, values, result);
}

/**
 * tanh z for every entry on the f64x2 exponential: sign(z)·t with m = e^(−2|z|) − 1 and
 * t = −m/(2 + m) for |z| < 0.55, e = e^(−2|z|) and t = 1 − 2e/(1 + e) above (±1 beyond
 * |z| = 20); within 3 ulp of tanh z, exact for tiny z (tanh z = z) and signed zeros.
 *
 * @param values Pre-activations z.
 * @param out Optional buffer of the same length (may be `values` itself).
 * @returns `out`, or a new Float64Array.
 * @throws {InputTypeError} if values is not an array of numbers.
 * @throws {ShapeError} if `out` has a different length.
 * @see fixtures/wasm/vecmath.json
 *
 * @example
 * ```ts
 * import { tanhArrayWasm } from "@nnref/nnref/wasm";
 * const t = tanhArrayWasm([0, -0, 1e-300, 30, -Infinity]);
 * if (t[2] !== 1e-300 || t[3] !== 1 || t[4] !== -1 || !Object.is(t[1], -0)) throw new Error("tanh");
 * ```
 * @category WebAssembly
 */
export function tanhArrayWasm(values: ArrayLike<number>, out?: Float64Array): Float64Array {
  return tanhWith(wasm(), values, out);
}

function tanhWith(
  exports: VecmathExports | null,
  values: ArrayLike<number>,
  out?: Float64Array,
): Float64Array {
  requireNumberArray(values, "values");
  const result = outBuffer(values.length, out, "tanh");
  if (exports === null) return tanhArray(values, result);
  return runElementwise(exports, exports.tanh, values, result);
}

/**
 * Rows of a buffer: row i is `data[offset + i·stride … offset + i·stride + cols)`. A
 * `Matrix` is the case offset 0, stride = cols.
 * @category WebAssembly
 */
export interface StridedRows {
  /** The buffer holding the rows. */
  readonly data: Float64Array;
  /** Number of rows. */
  readonly rows: number;
  /** Entries per row. */
  readonly cols: number;
  /** Index of row 0's first entry (default 0). */
  readonly offset?: number;
  /** Distance between the starts of consecutive rows (default `cols`). */
  readonly stride?: number;
}

type RowKind = "softmax" | "logSoftmax";

const ROW_WHAT: Record<RowKind | "logSumExp", string> = {
  softmax: "softmax of rows",
  logSoftmax: "log-softmax of rows",
  logSumExp: "log-sum-exp of rows",
};

/** Throws unless `m` has the fields of {@link StridedRows} (the layout is checked next). */
function requireRows(m: unknown, name: string): asserts m is StridedRows {
  if (typeof m !== "object" || m === null || !((m as StridedRows).data instanceof Float64Array)) {
    throw new InputTypeError(
      `${name} must be a Matrix or strided rows { data: Float64Array, rows, cols, offset?, ` +
        `stride? }, got ${describeValue(m)}`,
    );
  }
  requireSize((m as StridedRows).rows, `${name}.rows`);
  requireSize((m as StridedRows).cols, `${name}.cols`);
}

function layout(m: StridedRows, what: string, name: string): { offset: number; stride: number } {
  const offset = m.offset ?? 0, stride = m.stride ?? m.cols;
  const valid = Number.isInteger(offset) && offset >= 0 && Number.isInteger(stride) &&
    stride >= m.cols && (m.rows === 0 || offset + (m.rows - 1) * stride + m.cols <= m.data.length);
  if (!valid) {
    throw new ShapeError(
      `Cannot compute ${what}: ${name} has ${m.rows} rows of ${m.cols} at offset ${offset}, stride ${stride}, which do not fit in its ${m.data.length} entries`,
    );
  }
  return { offset, stride };
}

function throwNonFinite(m: StridedRows, row: number, what: string): never {
  const { offset, stride } = layout(m, what, "the input");
  for (let j = 0; j < m.cols; j++) {
    const value = m.data[offset + row * stride + j];
    if (!Number.isFinite(value)) {
      throw new NonFiniteError(
        `Cannot compute ${what}: entry (${row}, ${j}) is ${value}, expected finite`,
      );
    }
  }
  throw new NonFiniteError(`Cannot compute ${what}: row ${row} has a non-finite entry`);
}

/**
 * Copies chunks of rows in (compacted), runs `kernel(count)` on them, copies `outWidth`
 * values per row out: the one loop of every row function.
 */
function runRows(
  exports: VecmathExports,
  m: StridedRows,
  what: string,
  out: { data: Float64Array; offset: number; stride: number; width: number },
  kernel: (src: number, dst: number, rows: number) => number,
): void {
  const { offset, stride } = layout(m, what, "the input");
  const cols = m.cols;
  const rowsPerChunk = Math.max(1, Math.floor(VECMATH_CHUNK / cols));
  const chunkRows = Math.min(rowsPerChunk, m.rows);
  const buffer = heap(exports, chunkRows * cols + chunkRows * out.width);
  const outBase = VECMATH_HEAP + 8 * chunkRows * cols;
  const results = buffer.subarray(chunkRows * cols);
  for (let first = 0; first < m.rows; first += rowsPerChunk) {
    const count = Math.min(rowsPerChunk, m.rows - first);
    const src = offset + first * stride;
    if (stride === cols) buffer.set(m.data.subarray(src, src + count * cols));
    else {
      for (let r = 0; r < count; r++) {
        buffer.set(m.data.subarray(src + r * stride, src + r * stride + cols), r * cols);
      }
    }
    const bad = kernel(VECMATH_HEAP, outBase, count);
    if (bad >= 0) throwNonFinite(m, first + bad, what);
    const dst = out.offset + first * out.stride;
    if (out.stride === out.width) out.data.set(results.subarray(0, count * out.width), dst);
    else {
      for (let r = 0; r < count; r++) {
        out.data.set(
          results.subarray(r * out.width, (r + 1) * out.width),
          dst + r * out.stride,
        );
      }
    }
  }
}

function rowFunction(
  exports: VecmathExports | null,
  kind: RowKind,
  m: StridedRows,
  out?: StridedRows,
): StridedRows {
  const what = ROW_WHAT[kind];
  requireRows(m, "m");
  if (out !== undefined) requireRows(out, "out");
  if (m.cols === 0) throw new ShapeError(`Cannot compute ${what}: the matrix has no columns`);
  layout(m, what, "the input");
  const result = out ?? { rows: m.rows, cols: m.cols, data: new Float64Array(m.rows * m.cols) };
  if (result.rows !== m.rows || result.cols !== m.cols) {
    throw new ShapeError(
      `Cannot compute ${what}: out is ${result.rows}×${result.cols} but the input is ${m.rows}×${m.cols}`,
    );
  }
  const place = layout(result, what, "out");
  if (exports === null) {
    const input = layout(m, what, "the input");
    const dense = m.offset === undefined && m.stride === undefined && result === out &&
      out.offset === undefined && out.stride === undefined;
    if (kind === "softmax" && dense) {
      softmaxRows(m as Matrix, result as Matrix);
      return result;
    }
    for (let i = 0; i < m.rows; i++) {
      const row = m.data.subarray(
        input.offset + i * input.stride,
        input.offset + i * input.stride + m.cols,
      );
      const target = result.data.subarray(
        place.offset + i * place.stride,
        place.offset + i * place.stride + m.cols,
      );
      if (kind === "logSoftmax") logSoftmax(row, target);
      else {softmaxRows({ rows: 1, cols: m.cols, data: row }, {
          rows: 1,
          cols: m.cols,
          data: target,
        });}
    }
    return result;
  }
  const kernel = kind === "softmax" ? exports.softmaxRows : exports.logSoftmaxRows;
  runRows(
    exports,
    m,
    what,
    { data: result.data, offset: place.offset, stride: place.stride, width: m.cols },
    (src, dst, rows) => kernel(src, dst, rows, m.cols, m.cols, m.cols),
  );
  return result;
}

/**
 * Softmax of every row, ŷⱼ = e^(oⱼ − m)/Σₖ e^(oₖ − m) with m the row's maximum, on the
 * f64x2 exponential. oⱼ − m is carried with its rounding error (a two-sum) into the
 * exponential, and Σ is a compensated sum (Sum2), so each ŷⱼ is within about 3 ulp of
 * the exact softmax (0.51 from e^x, ≈ 2 from Σ, 0.5 from the division), where the
 * reference {@link softmaxRows} loses up to |oⱼ − m|·2⁻⁵³ relative in the subtraction
 * (≈ 35 ulp at |o| ≈ 10).
 *
 * @param m The logits, one sample per row: a `Matrix`, or {@link StridedRows}.
 * @param out Optional output of the same shape (a `Matrix` or strided rows; may be `m`).
 * @returns `out`, or a new matrix.
 * @throws {InputTypeError} if `m` or `out` is not a Matrix or strided rows.
 * @throws {ShapeError} if `m` has no columns, a layout does not fit its buffer, or `out`
 *   has another shape.
 * @throws {NonFiniteError} naming the first non-finite entry of the first row holding one
 *   (rows before it are already written to `out`).
 * @see fixtures/wasm/vecmath.json
 *
 * @example
 * ```ts
 * import { softmaxRowsWasm } from "@nnref/nnref/wasm";
 * const p = softmaxRowsWasm({ rows: 2, cols: 2, data: new Float64Array([0, 0, 800, 0]) });
 * if (p.data[0] !== 0.5 || p.data[2] !== 1 || p.data[3] !== 0) throw new Error("per row");
 * ```
 * @category WebAssembly
 */
export function softmaxRowsWasm<T extends StridedRows = Matrix>(m: StridedRows, out?: T): T {
  return rowFunction(wasm(), "softmax", m, out) as T;
}

/**
 * log-softmax of every row, log ŷⱼ = (oⱼ − m) − log Σₖ e^(oₖ − m), as ((oⱼ − m) − L) + lⱼ
 * with lⱼ the rounding error of oⱼ − m and L = log1p(Σₖ e^(oₖ − m) − 1) (the largest
 * term is exactly 1, so a small remainder keeps its digits). Error at most about 1 ulp of
 * the result plus 3·2⁻⁵³·max(1, L) absolutely.
 *
 * @param m The logits (a `Matrix` or {@link StridedRows}).
 * @param out Optional output of the same shape (may be `m`).
 * @returns `out`, or a new matrix.
 * @throws {InputTypeError}, {ShapeError} as {@link softmaxRowsWasm}.
 * @throws {NonFiniteError} as {@link softmaxRowsWasm}.
 * @see fixtures/wasm/vecmath.json
 *
 * @example Finite where softmax underflows
 * ```ts
 * import { logSoftmaxRowsWasm } from "@nnref/nnref/wasm";
 * const l = logSoftmaxRowsWasm({ rows: 1, cols: 2, data: new Float64Array([0, -1000]) });
 * if (l.data[0] !== 0 || l.data[1] !== -1000) throw new Error("log ŷ = o − lse");
 * ```
 * @category WebAssembly
 */
export function logSoftmaxRowsWasm<T extends StridedRows = Matrix>(m: StridedRows, out?: T): T {
  return rowFunction(wasm(), "logSoftmax", m, out) as T;
}

/**
 * log Σⱼ e^(oⱼ) of every row, as m + log1p(Σⱼ e^(oⱼ − m) − 1) (m the row's maximum; the
 * terms carry the rounding error of oⱼ − m; compensated sum). Error at most about
 * 1 ulp of the result plus 3·2⁻⁵³·max(1, lse − m) absolutely.
 *
 * @param m The logits (a `Matrix` or {@link StridedRows}).
 * @param out Optional buffer with one entry per row.
 * @returns `out`, or a new Float64Array.
 * @throws {InputTypeError} if `m` is not a Matrix or strided rows.
 * @throws {ShapeError} if `m` has no columns, its layout does not fit, or `out` has
 *   another length.
 * @throws {NonFiniteError} as {@link softmaxRowsWasm}.
 * @see fixtures/wasm/vecmath.json
 *
 * @example
 * ```ts
 * import { logSumExpRowsWasm } from "@nnref/nnref/wasm";
 * const lse = logSumExpRowsWasm({ rows: 1, cols: 2, data: new Float64Array([1000, 1000]) });
 * if (lse[0] !== 1000 + Math.LN2) throw new Error("1000 + ln 2");
 * ```
 * @category WebAssembly
 */
export function logSumExpRowsWasm(m: StridedRows, out?: Float64Array): Float64Array {
  return logSumExpWith(wasm(), m, out);
}

function logSumExpWith(
  exports: VecmathExports | null,
  m: StridedRows,
  out?: Float64Array,
): Float64Array {
  const what = ROW_WHAT.logSumExp;
  requireRows(m, "m");
  if (m.cols === 0) throw new ShapeError(`Cannot compute ${what}: the matrix has no columns`);
  const input = layout(m, what, "the input");
  const result = outBuffer(m.rows, out, what);
  if (exports === null) {
    for (let i = 0; i < m.rows; i++) {
      result[i] = logSumExp(
        m.data.subarray(input.offset + i * input.stride, input.offset + i * input.stride + m.cols),
      );
    }
    return result;
  }
  runRows(
    exports,
    m,
    what,
    { data: result, offset: 0, stride: 1, width: 1 },
    (src, dst, rows) => exports.logSumExpRows(src, dst, rows, m.cols, m.cols),
  );
  return result;
}

/** The functions of this module bound to one instance, and the path they take.
 * @category WebAssembly */
export interface VecmathKernels {
  /** `"wasm-simd"`, or `"fallback"` (TypeScript). */
  readonly backend: "wasm-simd" | "fallback";
  /** As {@link expArrayWasm}. */
  readonly exp: (values: ArrayLike<number>, out?: Float64Array) => Float64Array;
  /** As {@link sigmoidArrayWasm}. */
  readonly sigmoid: (values: ArrayLike<number>, out?: Float64Array) => Float64Array;
  /** As {@link tanhArrayWasm}. */
  readonly tanh: (values: ArrayLike<number>, out?: Float64Array) => Float64Array;
  /** As {@link softmaxRowsWasm}. */
  readonly softmaxRows: <T extends StridedRows = Matrix>(m: StridedRows, out?: T) => T;
  /** As {@link logSoftmaxRowsWasm}. */
  readonly logSoftmaxRows: <T extends StridedRows = Matrix>(m: StridedRows, out?: T) => T;
  /** As {@link logSumExpRowsWasm}. */
  readonly logSumExpRows: (m: StridedRows, out?: Float64Array) => Float64Array;
}

/**
 * The functions of this module on a new instance of the WebAssembly module (its own
 * memory), or on the TypeScript fallbacks where SIMD is missing or `forceFallback` is set.
 *
 * @param options `forceFallback` to run the TypeScript path (for tests).
 * @returns The kernels and the backend they run.
 * @throws {InputTypeError} if options is not an object or forceFallback not a boolean.
 *
 * @example The fallback gives σ(0) = ½ too
 * ```ts
 * import { createVecmath } from "@nnref/nnref/wasm";
 * const kernels = createVecmath({ forceFallback: true });
 * if (kernels.backend !== "fallback" || kernels.sigmoid([0])[0] !== 0.5) throw new Error("½");
 * ```
 * @category WebAssembly
 */
export function createVecmath(options: { readonly forceFallback?: boolean } = {}): VecmathKernels {
  requireOptions(options, "options", ["forceFallback"], ["forceFallback"]);
  const exports = !options.forceFallback && hasWasmSimd() ? instantiateVecmath() : null;
  return {
    backend: exports === null ? "fallback" : "wasm-simd",
    exp: (values, out) => expWith(exports, values, out),
    sigmoid: (values, out) => sigmoidWith(exports, values, out),
    tanh: (values, out) => tanhWith(exports, values, out),
    softmaxRows: <T extends StridedRows = Matrix>(m: StridedRows, out?: T) =>
      rowFunction(exports, "softmax", m, out) as T,
    logSoftmaxRows: <T extends StridedRows = Matrix>(m: StridedRows, out?: T) =>
      rowFunction(exports, "logSoftmax", m, out) as T,
    logSumExpRows: (m, out) => logSumExpWith(exports, m, out),
  };
}
