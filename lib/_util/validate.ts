/**
 * Input checks shared by every module, so that bad input always gets the same clear,
 * typed error (lib/errors.ts): what was wrong — naming the parameter and what it got —,
 * what was expected, and where one exists, the fix. Private: not re-exported.
 *
 * The checks are O(1) except {@link requireNumberArray} on a plain array (one `typeof`
 * per entry) and {@link requireFinite} (one comparison per entry): typed arrays skip the
 * per-entry type check, since they can only hold numbers.
 *
 * @module
 */

import { ArgumentRangeError, InputTypeError, NonFiniteError, ShapeError } from "../errors.ts";

/**
 * The documented upper bound of every iteration cap (`maxIterations`, `maxEpochs`,
 * `epochs`, `maxSweeps`, …): 10⁷. A larger cap is refused with an
 * {@link ArgumentRangeError}, so that no call can run for days (2⁵³ − 1 passes) by accident.
 */
export const MAX_ITERATIONS = 10_000_000;

/** The largest size (a length, a row or column count) any function accepts: 2³² − 1. */
export const MAX_SIZE = 0xffffffff;

/** A short description of a value for messages: `null`, `the string "abc"`, `the BigInt 3n`, … */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  switch (typeof value) {
    case "string":
      return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + "…" : value)}`;
    case "bigint":
      return `the BigInt ${value}n`;
    case "number":
      return Object.is(value, -0) ? "-0" : String(value);
    case "boolean":
      return `the boolean ${value}`;
    case "symbol":
      return "a symbol";
    case "function":
      return "a function";
  }
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (ArrayBuffer.isView(value)) {
    const length = (value as unknown as { length?: number }).length;
    return `a ${value.constructor.name}${length === undefined ? "" : ` of length ${length}`}`;
  }
  if (isMatrixShaped(value)) return `a matrix object (${value.rows}×${value.cols})`;
  return "an object";
}

function isMatrixShaped(value: unknown): value is { rows: unknown; cols: unknown; data: unknown } {
  return typeof value === "object" && value !== null && Object.hasOwn(value, "rows") &&
    Object.hasOwn(value, "cols") && Object.hasOwn(value, "data");
}

/**
 * Throws unless `value` is a number (NaN and ±∞ included: elementwise kernels propagate
 * them).
 *
 * @throws {InputTypeError} naming the parameter and what it got.
 */
export function requireNumber(value: unknown, what: string): asserts value is number {
  if (typeof value !== "number") {
    throw new InputTypeError(`${what} must be a number, got ${describeValue(value)}`);
  }
}

/**
 * Throws unless every value is finite.
 *
 * @param values The numbers to check.
 * @param what What they are, for the message ("X", "learning rate").
 * @throws {InputTypeError} if an entry is not a number.
 * @throws {NonFiniteError} naming the first non-finite value and its index.
 */
export function requireFinite(values: ArrayLike<number>, what: string): void {
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    // x − x is 0 exactly when x is a finite number (a comparison, not a call per entry).
    if (typeof value !== "number" || value - value !== 0) {
      if (typeof value !== "number") {
        throw new InputTypeError(
          `${what} must be an array of numbers, but entry ${i} is ${describeValue(value)}`,
        );
      }
      throw new NonFiniteError(`${what} must be finite, but entry ${i} is ${values[i]}`);
    }
  }
}

/**
 * Throws unless `value` is a finite number.
 *
 * @throws {InputTypeError} if it is not a number at all.
 * @throws {NonFiniteError} if it is NaN or ±∞.
 */
export function requireFiniteNumber(value: unknown, what: string): asserts value is number {
  requireNumber(value, what);
  if (!Number.isFinite(value)) {
    throw new NonFiniteError(`${what} must be a finite number, got ${value}`);
  }
}

/**
 * Throws unless `value` is a finite number > 0.
 *
 * @throws {InputTypeError} if it is not a number.
 * @throws {ArgumentRangeError} saying which parameter and what it was.
 */
export function requirePositive(value: unknown, what: string): asserts value is number {
  requireNumber(value, what);
  if (!Number.isFinite(value) || value <= 0) {
    throw new ArgumentRangeError(`${what} must be a finite number > 0, got ${value}`);
  }
}

/**
 * Throws unless `value` is a finite number ≥ 0.
 *
 * @throws {InputTypeError} if it is not a number.
 * @throws {ArgumentRangeError} saying which parameter and what it was.
 */
export function requireNonNegative(value: unknown, what: string): asserts value is number {
  requireNumber(value, what);
  if (!Number.isFinite(value) || value < 0) {
    throw new ArgumentRangeError(`${what} must be a finite number ≥ 0, got ${value}`);
  }
}

/**
 * Throws unless `value` is an integer in [minimum, maximum].
 *
 * @throws {InputTypeError} if it is not a number.
 * @throws {ArgumentRangeError} saying which parameter and what it was.
 */
export function requireInteger(
  value: unknown,
  what: string,
  minimum = 0,
  maximum = Number.MAX_SAFE_INTEGER,
): asserts value is number {
  requireNumber(value, what);
  if (!Number.isInteger(value) || value < minimum || value > maximum) {
    const range = maximum === Number.MAX_SAFE_INTEGER
      ? `≥ ${minimum}`
      : `in [${minimum}, ${maximum}]`;
    throw new ArgumentRangeError(`${what} must be an integer ${range}, got ${value}`);
  }
}

/**
 * Throws unless `value` is a size: an integer in [0, {@link MAX_SIZE}] (or from `minimum`).
 *
 * @throws {InputTypeError} if it is not a number.
 * @throws {ArgumentRangeError} for a fraction, a negative number, NaN or a size too large.
 */
export function requireSize(value: unknown, what: string, minimum = 0): asserts value is number {
  requireInteger(value, what, minimum, MAX_SIZE);
}

/**
 * Throws unless `value` is an iteration cap: an integer in [minimum, {@link MAX_ITERATIONS}].
 *
 * @throws {InputTypeError} if it is not a number.
 * @throws {ArgumentRangeError} naming the documented bound 10⁷ when it is exceeded.
 */
export function requireIterationCap(
  value: unknown,
  what: string,
  minimum = 0,
): asserts value is number {
  requireNumber(value, what);
  if (!Number.isInteger(value) || value < minimum) {
    throw new ArgumentRangeError(`${what} must be an integer ≥ ${minimum}, got ${value}`);
  }
  if (value > MAX_ITERATIONS) {
    throw new ArgumentRangeError(
      `${what} must be at most ${MAX_ITERATIONS} (10⁷, the documented bound of every ` +
        `iteration cap), got ${value}; run in several calls if you really need more`,
    );
  }
}

/**
 * Throws unless `value` is an array of numbers: a plain array whose every entry is a
 * number (no holes), or a numeric typed array (not BigInt64Array/BigUint64Array).
 * Strings — numeric or not —, BigInts, `null`, `undefined`, array-like objects and
 * matrices are refused.
 *
 * @throws {InputTypeError} naming the parameter and the first bad entry.
 */
export function requireNumberArray(
  value: unknown,
  what: string,
): asserts value is ArrayLike<number> {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const entry = value[i];
      if (typeof entry !== "number") {
        const problem = !(i in value)
          ? "is missing (a sparse array)"
          : `is ${describeValue(entry)}`;
        throw new InputTypeError(
          `${what} must be an array of numbers, but entry ${i} ${problem}` +
            (Array.isArray(entry) ? " (nested arrays are not accepted here)" : ""),
        );
      }
    }
    return;
  }
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    if (value instanceof BigInt64Array || value instanceof BigUint64Array) {
      throw new InputTypeError(
        `${what} must be an array of numbers, got a ${value.constructor.name} (BigInts); ` +
          `convert with Float64Array.from(values, Number)`,
      );
    }
    return;
  }
  if (isMatrixShaped(value)) {
    throw new InputTypeError(
      `${what} must be an array of numbers, got ${describeValue(value)}; pass its data ` +
        `(a Float64Array) or toRows(matrix)`,
    );
  }
  throw new InputTypeError(
    `${what} must be an array of numbers (number[] or Float64Array), got ${describeValue(value)}`,
  );
}

/**
 * Throws unless `value` is an array of numbers whose every entry is finite.
 *
 * @throws {InputTypeError} as {@link requireNumberArray}.
 * @throws {NonFiniteError} naming the first non-finite entry.
 */
export function requireFiniteArray(
  value: unknown,
  what: string,
): asserts value is ArrayLike<number> {
  requireNumberArray(value, what);
  requireFinite(value, what);
}

/** What {@link requireMatrix} accepts: the fields of a `Matrix`. */
interface MatrixFields {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/**
 * Throws unless `value` is a `Matrix`: an object with integer `rows` and `cols` ≥ 0 and
 * `data`, a Float64Array of exactly rows × cols entries. A plain `number[][]` gets the fix
 * "use fromRows".
 *
 * @throws {InputTypeError} for a non-object, an array of rows or `data` that is not a
 *   Float64Array.
 * @throws {ShapeError} if `data` does not hold rows × cols entries.
 */
export function requireMatrix(value: unknown, what: string): asserts value is MatrixFields {
  if (Array.isArray(value)) {
    throw new InputTypeError(
      `${what} must be a Matrix { rows, cols, data: Float64Array }, got a plain array ` +
        `(${value.length} rows); use fromRows(${what}) to make one`,
    );
  }
  if (typeof value !== "object" || value === null || ArrayBuffer.isView(value)) {
    throw new InputTypeError(
      `${what} must be a Matrix { rows, cols, data: Float64Array }, got ${describeValue(value)}`,
    );
  }
  const { rows, cols, data } = value as { rows?: unknown; cols?: unknown; data?: unknown };
  if (typeof rows !== "number" || typeof cols !== "number") {
    throw new InputTypeError(
      `${what} must be a Matrix { rows, cols, data }: rows and cols must be numbers, got ` +
        `${describeValue(rows)} and ${describeValue(cols)}`,
    );
  }
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
    throw new ShapeError(
      `${what} must have integer rows and cols ≥ 0, got ${rows}×${cols}`,
    );
  }
  if (!(data instanceof Float64Array)) {
    throw new InputTypeError(
      `${what}.data must be a Float64Array, got ${describeValue(data)}; ` +
        `use createMatrix(rows, cols, values) or fromRows(rows)`,
    );
  }
  if (data.length !== rows * cols) {
    throw new ShapeError(
      `${what} is ${rows}×${cols} but its data has ${data.length} entries, expected ` +
        `rows × cols = ${rows * cols}`,
    );
  }
}

/**
 * Throws unless `value` is a `Matrix` (see {@link requireMatrix}) with finite entries.
 *
 * @throws {InputTypeError}, {ShapeError} as {@link requireMatrix}.
 * @throws {NonFiniteError} naming the first non-finite entry by row and column.
 */
export function requireFiniteMatrix(value: unknown, what: string): asserts value is MatrixFields {
  requireMatrix(value, what);
  const { data, cols } = value;
  for (let i = 0; i < data.length; i++) {
    const entry = data[i];
    if (entry - entry !== 0) {
      throw new NonFiniteError(
        `${what} must be finite, but entry ${i} is ${entry} (row ${Math.floor(i / cols)}, ` +
          `column ${i % cols})`,
      );
    }
  }
}

/**
 * Throws unless `value` is a function.
 *
 * @throws {InputTypeError} naming the parameter and what it got.
 */
export function requireFunction(
  value: unknown,
  what: string,
): asserts value is (...args: never[]) => unknown {
  if (typeof value !== "function") {
    throw new InputTypeError(`${what} must be a function, got ${describeValue(value)}`);
  }
}

/**
 * Throws unless `value` is a plain options object (not null, not an array).
 *
 * @throws {InputTypeError} naming the parameter and what it got.
 */
export function requireObject(
  value: unknown,
  what: string,
): asserts value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new InputTypeError(`${what} must be an object, got ${describeValue(value)}`);
  }
}

/**
 * Throws unless `value` is `undefined` (the default applies) or an options object.
 *
 * @throws {InputTypeError} for null, an array, a string, …
 */
export function requireOptionalObject(value: unknown, what: string): void {
  if (value !== undefined) requireObject(value, what);
}

/**
 * Throws unless `value` is `undefined` or an options object whose own keys are all in
 * `keys` (a misspelt option is an error, not silently the default), each optional boolean
 * among `booleans` a boolean when present.
 *
 * @throws {InputTypeError} naming the unknown key and the known ones, or the option that
 *   is not a boolean.
 */
export function requireOptions(
  value: unknown,
  what: string,
  keys: readonly string[],
  booleans: readonly string[] = [],
): void {
  if (value === undefined) return;
  requireObject(value, what);
  for (const key of Object.keys(value)) {
    if (!keys.includes(key)) {
      throw new InputTypeError(`${what} has unknown key "${key}" (expected ${listOf(keys)})`);
    }
  }
  for (const key of booleans) {
    if (value[key] !== undefined) requireBoolean(value[key], `${what}.${key}`);
  }
}

/**
 * Throws unless `value` is a boolean.
 *
 * @throws {InputTypeError} naming the parameter and what it got.
 */
export function requireBoolean(value: unknown, what: string): asserts value is boolean {
  if (typeof value !== "boolean") {
    throw new InputTypeError(`${what} must be true or false, got ${describeValue(value)}`);
  }
}

/** `"a"`, `"a" or "b"`, `"a", "b" or "c"`: the names a parameter takes, quoted. */
export function listOf(names: readonly string[]): string {
  const quoted = names.map((name) => JSON.stringify(name));
  return quoted.length <= 1
    ? quoted.join("")
    : `${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}`;
}

/**
 * Throws unless `value` is one of `allowed` (compared with ===, never through a
 * prototype: "constructor" or "__proto__" are not names).
 *
 * @throws {InputTypeError} if `value` is not a string.
 * @throws {ArgumentRangeError} listing what is allowed.
 */
export function requireOneOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
  what: string,
): asserts value is T {
  if (typeof value !== "string") {
    throw new InputTypeError(`${what} must be ${listOf(allowed)}, got ${describeValue(value)}`);
  }
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ArgumentRangeError(
      `${what} must be ${listOf(allowed)}, got ${JSON.stringify(value)}`,
    );
  }
}

/**
 * The entry of `table` named `key`, found as an own property only (so "constructor",
 * "toString" and "__proto__" are unknown names, never Object.prototype's members).
 *
 * @throws {InputTypeError} if `key` is not a string.
 * @throws {ArgumentRangeError} naming the unknown key and listing the known ones.
 */
export function lookupOwn<T>(
  table: Readonly<Record<string, T>>,
  key: unknown,
  what: string,
): T {
  const known = () => listOf(Object.keys(table));
  if (typeof key !== "string") {
    throw new InputTypeError(`${what} must be ${known()}, got ${describeValue(key)}`);
  }
  if (!Object.hasOwn(table, key)) {
    throw new ArgumentRangeError(`Unknown ${what} ${JSON.stringify(key)}; expected ${known()}`);
  }
  return table[key];
}

/**
 * Throws unless two lengths are equal.
 *
 * @throws {ShapeError} "Cannot <operation>: <a> has n entries but <b> has m".
 */
export function requireSameLength(
  a: ArrayLike<unknown>,
  aName: string,
  b: ArrayLike<unknown>,
  bName: string,
  operation: string,
): void {
  if (a.length !== b.length) {
    throw new ShapeError(
      `Cannot ${operation}: ${aName} has ${a.length} entries but ${bName} has ${b.length}`,
    );
  }
}
