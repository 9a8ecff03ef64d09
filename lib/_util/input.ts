/**
 * Type checks for the values a function receives, run before any arithmetic, so that
 * `null`, a string, a BigInt or a plain `number[][]` where a `Matrix` is expected gets an
 * {@link InputTypeError} naming the parameter, instead of a NaN or "Cannot read properties
 * of null" from deep inside. Private: not re-exported.
 *
 * @module
 */

import { ArgumentRangeError, InputTypeError, ShapeError } from "../errors.ts";
import type { Matrix } from "../linalg/matrix.ts";

/** A short description of a value for a message: `null`, `the string "abc"`, `a bigint`. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (typeof value === "string") return `the string ${JSON.stringify(value.slice(0, 40))}`;
  if (typeof value === "number") return `the number ${value}`;
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name}`;
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}

/**
 * Throws unless `value` is an array of numbers (a dense `Array` whose every entry is a
 * number, or a typed array other than BigInt64Array/BigUint64Array). Finiteness is not
 * checked here.
 *
 * @throws {InputTypeError} naming `what`, what it got, and the first bad entry.
 */
export function requireNumberArray(
  value: unknown,
  what: string,
): asserts value is ArrayLike<number> {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    if (value instanceof BigInt64Array || value instanceof BigUint64Array) {
      throw new InputTypeError(`${what} must be an array of numbers, got ${describeValue(value)}`);
    }
    return;
  }
  if (!Array.isArray(value)) {
    throw new InputTypeError(`${what} must be an array of numbers, got ${describeValue(value)}`);
  }
  for (let i = 0; i < value.length; i++) {
    if (!(i in value)) {
      throw new InputTypeError(
        `${what} must be a dense array of numbers, but entry ${i} is a hole`,
      );
    }
    if (typeof value[i] !== "number") {
      throw new InputTypeError(
        `${what} must be an array of numbers, but entry ${i} is ${describeValue(value[i])}`,
      );
    }
  }
}

/**
 * Throws unless `value` is a `Matrix`: integer `rows` and `cols` ≥ 0 and a `Float64Array`
 * `data` of exactly rows × cols entries. A plain array of rows gets the fix ("use fromRows").
 *
 * @throws {InputTypeError} for a non-object, a plain array, or data that is not a Float64Array.
 * @throws {ShapeError} if data does not have rows × cols entries.
 */
export function requireMatrix(value: unknown, what: string): asserts value is Matrix {
  if (Array.isArray(value)) {
    throw new InputTypeError(
      `${what} must be a Matrix, got ${describeValue(value)}: use fromRows(rows) to build one`,
    );
  }
  if (typeof value !== "object" || value === null) {
    throw new InputTypeError(`${what} must be a Matrix, got ${describeValue(value)}`);
  }
  const m = value as Record<string, unknown>;
  for (const key of ["rows", "cols"]) {
    const n = m[key];
    if (typeof n !== "number" || !Number.isInteger(n) || n < 0) {
      throw new InputTypeError(
        `${what} must be a Matrix whose ${key} is an integer ≥ 0, got ${describeValue(n)}`,
      );
    }
  }
  if (!(m.data instanceof Float64Array)) {
    throw new InputTypeError(
      `${what} must be a Matrix whose data is a Float64Array, got ${describeValue(m.data)}`,
    );
  }
  const rows = m.rows as number, cols = m.cols as number;
  if (m.data.length !== rows * cols) {
    throw new ShapeError(
      `${what} is ${rows}×${cols} but its data has ${m.data.length} entries (expected ${
        rows * cols
      })`,
    );
  }
}

/**
 * Throws unless `value` is a plain object (an options bag) whose keys are all in
 * `allowed`, so that a misspelt option ("maxEpoch") is an error rather than ignored.
 *
 * @throws {InputTypeError} if value is not an object.
 * @throws {ArgumentRangeError} if it has an own key outside `allowed`.
 */
export function requireOptions(
  value: unknown,
  what: string,
  allowed: readonly string[],
): asserts value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new InputTypeError(`${what} must be an options object, got ${describeValue(value)}`);
  }
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      throw new ArgumentRangeError(
        `${what} has an unknown option ${JSON.stringify(key)}: expected ${allowed.join(", ")}`,
      );
    }
  }
}

/**
 * The output buffer of a function that can write into the caller's array: a new
 * Float64Array of length n when `out` is undefined, else `out` itself after checking it.
 *
 * @throws {InputTypeError} if out is given but is not a Float64Array.
 * @throws {ShapeError} if its length is not n.
 */
export function outputBuffer(out: unknown, n: number, what: string): Float64Array {
  if (out === undefined) return new Float64Array(n);
  if (!(out instanceof Float64Array)) {
    throw new InputTypeError(`${what}: out must be a Float64Array, got ${describeValue(out)}`);
  }
  if (out.length !== n) {
    throw new ShapeError(`${what}: out has ${out.length} entries but ${n} are needed`);
  }
  return out;
}
