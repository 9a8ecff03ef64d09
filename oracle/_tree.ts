/**
 * Flattening of nested numeric values (numbers, arrays, typed arrays, matrices) into a
 * shape and a flat list, shared by the assertions. Private: not re-exported.
 *
 * @module
 */

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

/** A value flattened: its shape (`[]` for a scalar) and its elements in row-major order. */
export interface Flat<T> {
  /** The shape: `[]` for a scalar, `[n]` for a vector, `[rows, cols]` for a matrix, … */
  readonly shape: number[];
  /** The elements in row-major order. */
  readonly values: T[];
}

/** Whether `value` has the fields of a {@link MatrixLike}. */
export function isMatrixLike(value: unknown): value is MatrixLike {
  return typeof value === "object" && value !== null && "rows" in value && "cols" in value &&
    "data" in value;
}

/**
 * Flattens a nested value whose leaves satisfy `isLeaf`, checking that it is not ragged.
 *
 * @throws {TypeError} if a leaf has the wrong type or the nesting is ragged.
 */
export function flatten<T>(
  value: unknown,
  isLeaf: (x: unknown) => x is T,
  leafName: string,
  what: string,
): Flat<T> {
  if (isLeaf(value)) return { shape: [], values: [value] };
  if (isMatrixLike(value)) {
    const values = Array.from(value.data) as unknown[];
    if (values.length !== value.rows * value.cols) {
      throw new TypeError(
        `${what}: matrix data has ${values.length} entries, expected rows × cols = ${
          value.rows * value.cols
        }`,
      );
    }
    values.forEach((x, i) => {
      if (!isLeaf(x)) throw new TypeError(`${what}: matrix entry ${i} is not a ${leafName}`);
    });
    return { shape: [value.rows, value.cols], values: values as T[] };
  }
  if (typeof value === "object" && value !== null && "length" in value) {
    const items = Array.from(value as ArrayLike<unknown>);
    if (items.length === 0) return { shape: [0], values: [] };
    const parts = items.map((item, i) => flatten(item, isLeaf, leafName, `${what}[${i}]`));
    const inner = parts[0].shape;
    parts.forEach((part, i) => {
      if (part.shape.join(",") !== inner.join(",")) {
        throw new TypeError(
          `${what}: ragged nesting, element ${i} has shape [${part.shape}] but element 0 has [${inner}]`,
        );
      }
    });
    return { shape: [items.length, ...inner], values: parts.flatMap((part) => part.values) };
  }
  throw new TypeError(
    `${what}: expected a ${leafName} or an array of them, got ${describe(value)}`,
  );
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

/** A short description of a value's type for error messages. */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return `the string ${JSON.stringify(value.slice(0, 40))}`;
  return typeof value;
}

/** Whether `x` is a JavaScript number (NaN and ±∞ included). */
export function isNumber(x: unknown): x is number {
  return typeof x === "number";
}

/** Whether `x` is a string. */
export function isString(x: unknown): x is string {
  return typeof x === "string";
}
