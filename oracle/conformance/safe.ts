/**
 * Reading whatever a user's implementation returns without ever throwing: a number, an
 * array, a typed array or a `{ rows, cols, data }` matrix, nested — and, for everything
 * else (a BigInt, a string, a cyclic object, a getter that throws, a revoked Proxy, a
 * Promise), a clear error string instead of an exception. Also deep copies of fixture
 * inputs, so that user code can never change a fixture or a later verdict.
 *
 * @module
 */

/** A value flattened: its shape, its numbers in row-major order, and "" or what was wrong.
 * @category Conformance */
export interface SafeTree {
  /** `[]` for a scalar, `[n]` for a vector, `[rows, cols]` for a matrix, … */
  readonly shape: readonly number[];
  /** The numbers, row-major. */
  readonly values: readonly number[];
  /** Empty when the value is a well-formed numeric tree; otherwise the reason it is not. */
  readonly error: string;
}

const MAX_ELEMENTS = 10_000_000;
const MAX_DEPTH = 64;

/**
 * Describes any value in a few words, never throwing (not even for a revoked Proxy).
 *
 * @example
 * ```ts
 * import { safeDescribe } from "@nnref/nnref/oracle";
 * if (safeDescribe(1n) !== "a BigInt (1n)") throw new Error(safeDescribe(1n));
 * ```
 * @category Conformance
 */
export function safeDescribe(value: unknown): string {
  try {
    if (value === null) return "null";
    if (typeof value === "bigint") return `a BigInt (${value}n)`;
    if (typeof value === "number") return `the number ${value}`;
    if (typeof value === "string") {
      return `the string ${JSON.stringify(value.slice(0, 40))}`;
    }
    if (typeof value === "function") return "a function";
    if (typeof value !== "object") return `${typeof value} ${String(value)}`;
    if (typeof (value as { then?: unknown }).then === "function") {
      return "a Promise (the check is synchronous: return the value itself)";
    }
    if (Array.isArray(value)) return `an array of ${value.length}`;
    return `an object with keys ${Object.keys(value).slice(0, 5).join(", ") || "(none)"}`;
  } catch {
    return "a value that cannot be inspected (its properties throw)";
  }
}

function fail(error: string): SafeTree {
  return { shape: [], values: [], error };
}

/**
 * Flattens a computed value, or says why it is not numbers in a regular shape. Never throws.
 *
 * @param value Anything a user's function returned.
 * @param what Its name, for messages.
 * @returns Shape and numbers, or an error string.
 *
 * @example
 * ```ts
 * import { safeTree } from "@nnref/nnref/oracle";
 * const cyclic: unknown[] = [1];
 * cyclic.push(cyclic);
 * if (!safeTree(cyclic).error.includes("cycl")) throw new Error("a cycle is an error");
 * if (safeTree([[1, 2], [3, 4]]).shape.join() !== "2,2") throw new Error("2 × 2");
 * ```
 * @category Conformance
 */
export function safeTree(value: unknown, what = "the result"): SafeTree {
  try {
    const values: number[] = [];
    const seen = new Set<unknown>();
    const walk = (
      v: unknown,
      path: string,
      depth: number,
    ): number[] | string => {
      if (typeof v === "number") {
        values.push(v);
        return [];
      }
      if (typeof v === "bigint") {
        return `${path} is a BigInt (${v}n), not a number`;
      }
      if (v === null || typeof v !== "object") {
        return `${path} is ${safeDescribe(v)}, not a number`;
      }
      if (depth > MAX_DEPTH) {
        return `${path} is nested deeper than ${MAX_DEPTH} levels`;
      }
      if (seen.has(v)) return `${path} is cyclic (it contains itself)`;
      if (typeof (v as { then?: unknown }).then === "function") {
        return `${path} is a Promise: the check is synchronous, return the value itself`;
      }
      seen.add(v);
      let items: unknown[];
      const record = v as Record<string, unknown>;
      if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
        items = Array.from(v as unknown as ArrayLike<unknown>);
      } else if ("rows" in record && "cols" in record && "data" in record) {
        const rows = record.rows, cols = record.cols;
        if (typeof rows !== "number" || typeof cols !== "number") {
          return `${path} has rows/cols that are not numbers`;
        }
        const data = Array.from(record.data as ArrayLike<unknown>);
        if (data.length !== rows * cols) {
          return `${path}: ${data.length} data entries for ${rows} × ${cols}`;
        }
        items = Array.from(
          { length: rows },
          (_, r) => data.slice(r * cols, (r + 1) * cols),
        );
      } else if (Array.isArray(v)) {
        items = [];
        for (let i = 0; i < v.length; i++) items.push(v[i]);
      } else {
        return `${path} is ${safeDescribe(v)}, not numbers`;
      }
      if (values.length + items.length > MAX_ELEMENTS) {
        return `${path} is too large`;
      }
      let inner: number[] | null = null;
      for (let i = 0; i < items.length; i++) {
        const shape = walk(items[i], `${path}[${i}]`, depth + 1);
        if (typeof shape === "string") return shape;
        if (inner === null) inner = shape;
        else if (inner.join(",") !== shape.join(",")) {
          return `${path} is ragged: element ${i} has shape [${shape}], element 0 [${inner}]`;
        }
      }
      seen.delete(v);
      return [items.length, ...(inner ?? [])];
    };
    const shape = walk(value, what, 0);
    return typeof shape === "string" ? fail(shape) : { shape, values, error: "" };
  } catch (error) {
    let text = "";
    try {
      text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    } catch {
      text = "an unprintable error";
    }
    return fail(`reading ${what} threw ${text}`);
  }
}

/**
 * A deep copy of plain JSON data (numbers, strings, booleans, null, arrays, objects), so
 * that code given the copy cannot change the original.
 *
 * @example
 * ```ts
 * import { copyJson } from "@nnref/nnref/oracle";
 * const input = { z: [1, 2] };
 * const copy = copyJson(input);
 * copy.z[0] = 99;
 * if (input.z[0] !== 1) throw new Error("the original is untouched");
 * ```
 * @category Conformance
 */
export function copyJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyJson) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = copyJson(v);
    return out as T;
  }
  return value;
}
