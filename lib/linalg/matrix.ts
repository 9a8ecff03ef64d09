/**
 * The `Matrix` type: `rows × cols` doubles in one row-major `Float64Array`.
 *
 * Entry (i, j) — row i, column j, both from 0 — lives at `data[i * cols + j]`. One flat
 * buffer, never an array per row: small typed arrays are expensive to allocate on some
 * runtimes, and a flat buffer is what the kernels stream through.
 *
 * @module
 */

import { ArgumentRangeError, InputTypeError, ShapeError } from "../errors.ts";
import {
  MAX_SIZE,
  requireInteger,
  requireMatrix,
  requireNumberArray,
  requireSize,
} from "../_util/validate.ts";

/** A dense real matrix, row-major.
 * @category Linear algebra */
export interface Matrix {
  /** Number of rows (m). */
  readonly rows: number;
  /** Number of columns (n). */
  readonly cols: number;
  /** The entries, row after row; length `rows * cols`. */
  readonly data: Float64Array;
}

function requireDimensions(rows: number, cols: number): void {
  requireSize(rows, "Matrix row count (rows)");
  requireSize(cols, "Matrix column count (cols)");
  if (rows * cols > MAX_SIZE) {
    throw new ShapeError(
      `Cannot create a ${rows}×${cols} matrix: ${
        rows * cols
      } entries exceed the ${MAX_SIZE} a Float64Array can hold`,
    );
  }
}

/**
 * Creates a `rows × cols` matrix, copying `data` (row-major) or filling with zeros.
 *
 * @param rows Number of rows.
 * @param cols Number of columns.
 * @param data Optional entries, row after row; must have `rows * cols` of them.
 * @throws {InputTypeError} if a dimension is not a number or `data` is not an array of numbers.
 * @throws {ArgumentRangeError} if a dimension is not an integer in [0, 2³² − 1].
 * @throws {ShapeError} if `data` has the wrong length.
 *
 * @example
 * ```ts
 * import { createMatrix } from "@nnref/nnref/linalg";
 * const a = createMatrix(2, 3, [1, 2, 3, 4, 5, 6]);
 * if (a.data[1 * 3 + 2] !== 6) throw new Error("row 1, column 2 is 6");
 * ```
 * @category Linear algebra
 */
export function createMatrix(rows: number, cols: number, data?: ArrayLike<number>): Matrix {
  requireDimensions(rows, cols);
  if (data !== undefined) requireNumberArray(data, "Matrix data");
  if (data !== undefined && data.length !== rows * cols) {
    throw new ShapeError(
      `Cannot create a ${rows}×${cols} matrix from ${data.length} entries: expected ${rows * cols}`,
    );
  }
  const buffer = new Float64Array(rows * cols);
  if (data !== undefined) buffer.set(data);
  return { rows, cols, data: buffer };
}

/**
 * The `rows × cols` zero matrix.
 *
 * @throws {InputTypeError}, {ArgumentRangeError} as {@link createMatrix}.
 *
 * @example
 * ```ts
 * import { zeros } from "@nnref/nnref/linalg";
 * if (zeros(2, 2).data.some((x) => x !== 0)) throw new Error("all zero");
 * ```
 * @category Linear algebra
 */
export function zeros(rows: number, cols: number): Matrix {
  return createMatrix(rows, cols);
}

/**
 * The n × n identity matrix I.
 *
 * @throws {InputTypeError}, {ArgumentRangeError} if n is not an integer in [0, 2³² − 1]
 *   (or n² is too large).
 *
 * @example
 * ```ts
 * import { identityMatrix } from "@nnref/nnref/linalg";
 * const i = identityMatrix(3);
 * if (i.data[4] !== 1 || i.data[1] !== 0) throw new Error("ones on the diagonal only");
 * ```
 * @category Linear algebra
 */
export function identityMatrix(n: number): Matrix {
  requireSize(n, "Identity size n");
  const m = createMatrix(n, n);
  for (let i = 0; i < n; i++) m.data[i * n + i] = 1;
  return m;
}

/**
 * Builds a matrix from an array of rows, e.g. `[[1, 2], [3, 4]]`.
 *
 * @throws {InputTypeError} if `rows` is not an array of arrays of numbers (a `Matrix`
 *   is already one).
 * @throws {ShapeError} if the rows have different lengths.
 *
 * @example
 * ```ts
 * import { fromRows } from "@nnref/nnref/linalg";
 * const a = fromRows([[1, 2], [3, 4]]);
 * if (a.rows !== 2 || a.cols !== 2 || a.data[2] !== 3) throw new Error("row-major");
 * ```
 * @category Linear algebra
 */
export function fromRows(rows: readonly (readonly number[])[]): Matrix {
  if (!Array.isArray(rows)) {
    throw new InputTypeError(
      `fromRows needs an array of rows (number[][]), got ${
        rows !== null && typeof rows === "object" && "data" in rows
          ? "a Matrix, which needs no conversion"
          : describeRows(rows)
      }`,
    );
  }
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!Array.isArray(row) && !(row instanceof Float64Array)) {
      throw new InputTypeError(
        `fromRows needs an array of rows (number[][]), but row ${i} is ${describeRows(row)}`,
      );
    }
    requireNumberArray(row, `row ${i}`);
  }
  const cols = rows.length === 0 ? 0 : rows[0].length;
  const m = createMatrix(rows.length, cols);
  rows.forEach((row, i) => {
    if (row.length !== cols) {
      throw new ShapeError(
        `Cannot build a matrix: row ${i} has ${row.length} entries, row 0 has ${cols} (ragged rows)`,
      );
    }
    m.data.set(row, i * cols);
  });
  return m;
}

function describeRows(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === "string") return `the string ${JSON.stringify(value.slice(0, 40))}`;
  if (typeof value === "bigint") return `the BigInt ${value}n`;
  return typeof value === "object" ? "an object" : `the ${typeof value} ${String(value)}`;
}

/**
 * A column vector (n × 1) from a list of numbers.
 *
 * @throws {InputTypeError} if `values` is not an array of numbers.
 *
 * @example
 * ```ts
 * import { columnVector } from "@nnref/nnref/linalg";
 * const y = columnVector([25, 33, 15]);
 * if (y.rows !== 3 || y.cols !== 1) throw new Error("3 × 1");
 * ```
 * @category Linear algebra
 */
export function columnVector(values: ArrayLike<number>): Matrix {
  requireNumberArray(values, "values");
  return createMatrix(values.length, 1, values);
}

/**
 * The matrix as an array of rows (for printing and JSON).
 *
 * @throws {InputTypeError}, {ShapeError} if `m` is not a well-formed Matrix.
 *
 * @example
 * ```ts
 * import { fromRows, toRows } from "@nnref/nnref/linalg";
 * const rows = toRows(fromRows([[1, 2], [3, 4]]));
 * if (rows[1][0] !== 3) throw new Error("round trip");
 * ```
 * @category Linear algebra
 */
export function toRows(m: Matrix): number[][] {
  requireMatrix(m, "m");
  return Array.from(
    { length: m.rows },
    (_, i) => Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)),
  );
}

/**
 * Entry (i, j), with bounds checking.
 *
 * @throws {InputTypeError}, {ShapeError} if `m` is not a well-formed Matrix.
 * @throws {ArgumentRangeError} if (i, j) is not a pair of integer indices inside the matrix.
 *
 * @example
 * ```ts
 * import { entry, fromRows } from "@nnref/nnref/linalg";
 * if (entry(fromRows([[1, 2], [3, 4]]), 1, 0) !== 3) throw new Error("row 1, column 0");
 * ```
 * @category Linear algebra
 */
export function entry(m: Matrix, i: number, j: number): number {
  requireMatrix(m, "m");
  requireInteger(i, "Row index i", -Infinity);
  requireInteger(j, "Column index j", -Infinity);
  if (i < 0 || j < 0 || i >= m.rows || j >= m.cols) {
    throw new ArgumentRangeError(`Index (${i}, ${j}) is outside the ${m.rows}×${m.cols} matrix`);
  }
  return m.data[i * m.cols + j];
}

/**
 * The transpose Aᵀ: (Aᵀ)ᵢⱼ = Aⱼᵢ.
 *
 * @throws {InputTypeError}, {ShapeError} if `a` is not a well-formed Matrix.
 *
 * @example
 * ```ts
 * import { fromRows, transpose } from "@nnref/nnref/linalg";
 * const t = transpose(fromRows([[1, 2, 3]]));
 * if (t.rows !== 3 || t.cols !== 1 || t.data[2] !== 3) throw new Error("3 × 1");
 * ```
 * @category Linear algebra
 */
export function transpose(a: Matrix): Matrix {
  requireMatrix(a, "A");
  const t = createMatrix(a.cols, a.rows);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.cols; j++) t.data[j * a.rows + i] = a.data[i * a.cols + j];
  }
  return t;
}
