/**
 * Nested numeric values (numbers, arrays, typed arrays, matrices) read in place: their
 * shape is checked once (leaf types, ragged nesting, depth, cycles) and their leaves are
 * then read by flat row-major index without copying, so that comparing two values of
 * 10⁷ entries allocates nothing on the passing path and takes linear time. Shared by the
 * assertions. Private: not re-exported.
 *
 * @module
 */

import { InputTypeError } from "../lib/errors.ts";

/** A matrix-like value: `rows × cols` numbers stored row-major in `data`.
 * @category Assertions */
export interface MatrixLike {
  /** Number of rows. */
  readonly rows: number;
  /** Number of columns. */
  readonly cols: number;
  /** The entries, row after row. */
  readonly data: ArrayLike<number>;
}

/** A number, a (typed) array of numbers, a matrix, or arrays nested to any depth.
 * @category Assertions */
export type NumericTree = number | ArrayLike<number> | MatrixLike | readonly NumericTree[];

/** A string, or arrays of strings nested to any depth (printed values).
 * @category Assertions */
export type StringTree = string | readonly StringTree[];

/**
 * The deepest nesting accepted (a vector is 1, a matrix or an array of rows 2). Deeper
 * values, and cyclic ones (which would be infinitely deep), get an error instead of a
 * stack overflow.
 */
export const MAX_DEPTH = 64;

/** A value read in place: its shape, and a reader of its leaves by flat index. */
export interface Tree<T> {
  /** The shape: `[]` for a scalar, `[n]` for a vector, `[rows, cols]` for a matrix, … */
  readonly shape: number[];
  /** The number of leaves (the product of the shape). */
  readonly size: number;
  /** Leaf `i` in row-major order, 0 ≤ i < size. */
  at(i: number): T;
  /** The leaves themselves when they sit in one array (a vector, a matrix's data), else null. */
  readonly flat: ArrayLike<T> | null;
}

/** Whether `value` has the fields of a {@link MatrixLike}. */
export function isMatrixLike(value: unknown): value is MatrixLike {
  return typeof value === "object" && value !== null && !Array.isArray(value) &&
    !ArrayBuffer.isView(value) && typeof (value as MatrixLike).rows === "number" &&
    typeof (value as MatrixLike).cols === "number" && isArrayLike((value as MatrixLike).data);
}

function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

/** Whether a typed array holds numbers only (every view but the BigInt ones). */
function isNumericView(value: unknown): boolean {
  return ArrayBuffer.isView(value) && !(value instanceof DataView) &&
    !(value instanceof BigInt64Array) && !(value instanceof BigUint64Array);
}

/**
 * Reads a nested value whose leaves satisfy `isLeaf`: checks it once, then returns its
 * shape and a reader of its leaves. Nothing is copied.
 *
 * @throws {InputTypeError} if a leaf has the wrong type, the nesting is ragged, a matrix's
 *   data is not rows × cols long, or the value is nested deeper than {@link MAX_DEPTH}
 *   levels or is cyclic.
 */
export function readTree<T>(
  value: unknown,
  isLeaf: (x: unknown) => x is T,
  leafName: string,
  what: string,
): Tree<T> {
  if (isLeaf(value)) return { shape: [], size: 1, at: () => value, flat: null };
  // Fast paths, one level: a typed array, a matrix, a plain array of leaves.
  const numbers = leafName === "number";
  if (numbers && isNumericView(value)) {
    const flat = value as unknown as ArrayLike<T>;
    return { shape: [flat.length], size: flat.length, at: (i) => flat[i], flat };
  }
  if (isMatrixLike(value) && (isNumericView(value.data) || !numbers)) {
    checkMatrix(value, isLeaf, leafName, what);
    const flat = value.data as unknown as ArrayLike<T>;
    return { shape: [value.rows, value.cols], size: flat.length, at: (i) => flat[i], flat };
  }
  const shape: number[] = [];
  const ancestors: unknown[] = [];
  findShape(value, isLeaf, shape, ancestors, what);
  ancestors.length = 0;
  checkShape(value, isLeaf, leafName, shape, 0, ancestors, what);
  let size = 1;
  for (const extent of shape) size *= extent;
  if (shape.length === 1) {
    const flat = value as ArrayLike<T>;
    return { shape, size, at: (i) => flat[i], flat };
  }
  // strides[d] = number of leaves under one element at depth d.
  const strides = new Array<number>(shape.length).fill(1);
  for (let d = shape.length - 2; d >= 0; d--) strides[d] = strides[d + 1] * shape[d + 1];
  if (shape.length === 2 && isMatrixLike(value)) {
    const flat = value.data as unknown as ArrayLike<T>;
    return { shape, size, at: (i) => flat[i], flat };
  }
  return { shape, size, at: (i) => leafAt(value, strides, shape.length, i) as T, flat: null };
}

/** Leaf `i` of a checked nested value: O(depth) index arithmetic, no allocation. */
function leafAt(value: unknown, strides: readonly number[], depth: number, i: number): unknown {
  let node = value, rest = i;
  for (let d = 0; d < depth; d++) {
    if (isMatrixLike(node)) return node.data[rest]; // the last two levels
    const index = Math.floor(rest / strides[d]);
    rest -= index * strides[d];
    node = (node as ArrayLike<unknown>)[index];
  }
  return node;
}

function checkMatrix<T>(
  m: MatrixLike,
  isLeaf: (x: unknown) => x is T,
  leafName: string,
  what: string,
): void {
  if (!Number.isInteger(m.rows) || !Number.isInteger(m.cols) || m.rows < 0 || m.cols < 0) {
    throw new InputTypeError(
      `${what}: a matrix's rows and cols must be integers ≥ 0, got ${m.rows} × ${m.cols}`,
    );
  }
  if (m.data.length !== m.rows * m.cols) {
    throw new InputTypeError(
      `${what}: matrix data has ${m.data.length} entries, expected rows × cols = ${
        m.rows * m.cols
      }`,
    );
  }
  if (isNumericView(m.data) && leafName === "number") return;
  for (let i = 0; i < m.data.length; i++) {
    if (!isLeaf(m.data[i])) {
      throw new InputTypeError(`${what}: matrix entry ${i} is not a ${leafName}`);
    }
  }
}

function tooDeep(what: string): never {
  throw new InputTypeError(
    `${what}: nested more than ${MAX_DEPTH} levels deep, or cyclic (an array that contains ` +
      `itself); expected ${MAX_DEPTH} levels at most`,
  );
}

function cyclic(what: string): never {
  throw new InputTypeError(`${what}: the value is cyclic (an array contains itself)`);
}

/** The shape read along the first element of every level (checked by checkShape next). */
function findShape<T>(
  value: unknown,
  isLeaf: (x: unknown) => x is T,
  shape: number[],
  ancestors: unknown[],
  what: string,
): void {
  let node = value;
  for (;;) {
    if (isLeaf(node)) return;
    if (shape.length >= MAX_DEPTH) tooDeep(what);
    if (isMatrixLike(node)) {
      shape.push(node.rows, node.cols);
      return;
    }
    if (!isArrayLike(node)) return; // reported by checkShape, with its path
    if (ancestors.includes(node)) cyclic(what);
    ancestors.push(node);
    shape.push(node.length);
    if (node.length === 0) return;
    node = node[0];
  }
}

/** Checks every element against the shape, recursively (depth ≤ MAX_DEPTH, no cycles). */
function checkShape<T>(
  node: unknown,
  isLeaf: (x: unknown) => x is T,
  leafName: string,
  shape: readonly number[],
  depth: number,
  ancestors: unknown[],
  what: string,
): void {
  // Elements at the last level are checked by the loop below, and readTree returns
  // before this for a leaf: depth === shape.length is a top-level value whose shape is
  // [] without being a leaf (a string where numbers are read, an object, a DataView, …).
  if (depth === shape.length) {
    throw new InputTypeError(
      `${what}: expected a ${leafName} or an array of them, got ${describe(node)}`,
    );
  }
  if (isMatrixLike(node)) {
    if (
      depth + 2 !== shape.length || node.rows !== shape[depth] || node.cols !== shape[depth + 1]
    ) {
      throw new InputTypeError(
        `${what}: ragged nesting, a ${node.rows}×${node.cols} matrix where the shape is [${shape}]`,
      );
    }
    checkMatrix(node, isLeaf, leafName, what);
    return;
  }
  if (!isArrayLike(node)) {
    throw new InputTypeError(
      `${what}: expected a ${leafName} or an array of them, got ${describe(node)}`,
    );
  }
  if (node.length !== shape[depth]) {
    throw new InputTypeError(
      `${what}: ragged nesting, an element at depth ${depth} has ${node.length} entries but the first has ${
        shape[depth]
      } (shape [${shape}])`,
    );
  }
  if (depth === shape.length - 1) {
    if (isNumericView(node) && leafName === "number") return;
    for (let i = 0; i < node.length; i++) {
      if (!isLeaf(node[i])) {
        throw new InputTypeError(
          `${what}: expected a ${leafName} at index ${i}, got ${describe(node[i])}` +
            (isArrayLike(node[i]) ? " (ragged nesting)" : ""),
        );
      }
    }
    return;
  }
  if (ancestors.includes(node)) cyclic(what);
  ancestors.push(node);
  for (let i = 0; i < node.length; i++) {
    checkShape(node[i], isLeaf, leafName, shape, depth + 1, ancestors, what);
  }
  ancestors.pop();
}

/** Row-major index → multi-index, for messages such as "at [2, 1]". */
export function multiIndex(flatIndex: number, shape: readonly number[]): number[] {
  const index: number[] = [];
  let rest = flatIndex;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    index.unshift(rest % shape[axis]);
    rest = Math.floor(rest / shape[axis]);
  }
  return index;
}

/** Whether a value is a plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A short description of a value's type for error messages. */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return `the string ${JSON.stringify(value.slice(0, 40))}`;
  if (typeof value === "bigint") return `the BigInt ${value}n`;
  if (typeof value === "number") return `the number ${value}`;
  if (typeof value === "boolean") return `the boolean ${value}`;
  if (ArrayBuffer.isView(value)) {
    const name = value.constructor.name;
    return `${/^[AEIOU]/.test(name) ? "an" : "a"} ${name}`;
  }
  if (typeof value === "object") return "an object";
  if (typeof value === "undefined") return "undefined";
  return `a ${typeof value}`; // function, symbol
}

/** Whether `x` is a JavaScript number (NaN and ±∞ included). */
export function isNumber(x: unknown): x is number {
  return typeof x === "number";
}

/** Whether `x` is a string. */
export function isString(x: unknown): x is string {
  return typeof x === "string";
}
