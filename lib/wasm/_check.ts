/**
 * Argument checks of the WebAssembly encoder, the instruction builders and the kernel
 * module builders, on top of lib/_util/validate.ts: what `Code`, an index, a memory
 * definition and an MLP shape must be, with typed errors (lib/errors.ts) naming the
 * parameter, what it got and what was expected. Private: not re-exported.
 *
 * These run where a builder is entered (once per instruction or module built), never in a
 * kernel's loop. A `Code` check is one pass over its bytes: `(b & 0xff) === b` holds
 * exactly for the numbers 0 … 255 (and −0), with no call per byte.
 *
 * @module
 */

import { ArgumentRangeError, InputTypeError, ShapeError } from "../errors.ts";
import {
  describeValue,
  requireBoolean,
  requireInteger,
  requireNumber,
  requireObject,
  requireOneOf,
  requireOptions,
} from "../_util/validate.ts";
import type { MemoryDefinition, MlpActivationName, MlpShape } from "./_shapes.ts";

/** What a `Code` is, for messages. */
const CODE = "Code (an array of bytes: integers 0–255)";

/** The index of the first entry of `bytes` that is not a byte, or −1. */
function firstNonByte(bytes: readonly unknown[]): number {
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    if ((byte & 0xff) !== byte) return i;
  }
  return -1;
}

function codeError(value: unknown, what: string): Error {
  if (!Array.isArray(value)) {
    return new InputTypeError(
      `${what} must be ${CODE}, got ${describeValue(value)}` +
        (value instanceof Uint8Array ? "; convert with Array.from(bytes)" : ""),
    );
  }
  const i = firstNonByte(value), entry = value[i];
  if (typeof entry === "number") {
    return new ArgumentRangeError(`${what} must be ${CODE}, but entry ${i} is ${entry}`);
  }
  return new InputTypeError(
    `${what} must be ${CODE}, but entry ${i} is ${
      !(i in value) ? "missing (a sparse array)" : describeValue(entry)
    }` + (Array.isArray(entry) ? " (nested Code: spread it into its parent, [...a, ...b])" : ""),
  );
}

/**
 * Throws unless `value` is `Code`: a plain array whose every entry is an integer 0–255.
 *
 * @throws {InputTypeError} for a non-array, a nested array or an entry that is not a number.
 * @throws {ArgumentRangeError} for a number that is not a byte (256, −1, 1.5, NaN).
 */
export function requireCode(value: unknown, what: string): asserts value is number[] {
  if (!Array.isArray(value) || firstNonByte(value) >= 0) throw codeError(value, what);
}

/**
 * Throws unless every entry of `values` (a rest parameter: an array) is `Code`; the
 * message numbers the bad one from 1 (`what 2`).
 */
export function requireCodes(values: readonly unknown[], what: string): void {
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (!Array.isArray(value) || firstNonByte(value) >= 0) {
      throw codeError(value, `${what} ${i + 1}`);
    }
  }
}

/**
 * Throws unless `value` is a u32 index (a local, function, branch depth, offset):
 * an integer in [0, 2³² − 1].
 *
 * @throws {InputTypeError} if it is not a number; {ArgumentRangeError} otherwise.
 */
export function requireIndex(value: unknown, what: string): asserts value is number {
  requireInteger(value, what, 0, 0xffffffff);
}

/**
 * Throws unless `value` is a lane number 0 or 1 (of an f64x2 or i64x2).
 *
 * @throws {InputTypeError} if it is not a number; {ArgumentRangeError} otherwise.
 */
export function requireLane(value: unknown, what: string): asserts value is 0 | 1 {
  requireInteger(value, what, 0, 1);
}

/**
 * Throws unless `value` is an i64 constant: a bigint in [−2⁶³, 2⁶⁴) (values from 2⁶³ on are
 * written as their two's complement).
 *
 * @throws {InputTypeError} if it is not a bigint; {ArgumentRangeError} if out of range.
 */
export function requireI64(value: unknown, what: string): asserts value is bigint {
  if (typeof value !== "bigint") {
    throw new InputTypeError(
      `${what} must be a bigint (an i64, e.g. 45n), got ${describeValue(value)}`,
    );
  }
  if (value < -(2n ** 63n) || value >= 2n ** 64n) {
    throw new ArgumentRangeError(`${what} must be a bigint in [−2⁶³, 2⁶⁴), got ${value}n`);
  }
}

/**
 * Throws unless `value` is an i32 constant: an integer in [−2³¹, 2³²) (values from 2³¹ on
 * are written as their two's complement).
 *
 * @throws {InputTypeError} if it is not a number; {ArgumentRangeError} otherwise.
 */
export function requireI32(value: unknown, what: string): asserts value is number {
  requireNumber(value, what);
  if (!Number.isInteger(value) || value < -0x80000000 || value > 0xffffffff) {
    throw new ArgumentRangeError(`${what} must be an integer in [−2³¹, 2³²), got ${value}`);
  }
}

/** Throws unless `value` is a string (an export, module or field name). */
export function requireString(value: unknown, what: string): asserts value is string {
  if (typeof value !== "string") {
    throw new InputTypeError(`${what} must be a string, got ${describeValue(value)}`);
  }
}

/** Throws unless `value` is an array (a list parameter). */
export function requireArray(
  value: unknown,
  what: string,
  of: string,
): asserts value is readonly unknown[] {
  if (!Array.isArray(value)) {
    throw new InputTypeError(`${what} must be an array of ${of}, got ${describeValue(value)}`);
  }
}

/** The largest memory of the 32-bit WebAssembly, in 64 KiB pages (4 GiB). */
const MAX_PAGES = 65536;

/**
 * Throws unless `value` is a {@link MemoryDefinition}: page counts within 0 … 65536 with the
 * maximum not below the initial size, a maximum when shared, names that are strings, no
 * unknown keys.
 *
 * @throws {InputTypeError} for a non-object, an unknown key or a field of the wrong type.
 * @throws {ArgumentRangeError} for page counts out of range or inconsistent.
 */
export function requireMemory(value: unknown, what: string): asserts value is MemoryDefinition {
  requireObject(value, what);
  requireOptions(
    value,
    what,
    ["initialPages", "maximumPages", "exportName", "import", "shared"],
    ["shared"],
  );
  const { initialPages, maximumPages, exportName, import: imported, shared } = value;
  requireInteger(initialPages, `${what}.initialPages`, 0, MAX_PAGES);
  if (maximumPages !== undefined) {
    requireInteger(maximumPages, `${what}.maximumPages`, 0, MAX_PAGES);
    if (maximumPages < initialPages) {
      throw new ArgumentRangeError(
        `${what}: the memory maximum (${maximumPages} pages) is below the initial size (${initialPages})`,
      );
    }
  }
  if (shared && maximumPages === undefined) {
    throw new ArgumentRangeError(`${what}: a shared memory needs a maximum size (maximumPages)`);
  }
  if (exportName !== undefined) requireString(exportName, `${what}.exportName`);
  if (imported !== undefined) {
    requireObject(imported, `${what}.import`);
    requireString(imported.module, `${what}.import.module`);
    requireString(imported.name, `${what}.import.name`);
  }
}

/** The activations {@link requireMlpShape} accepts (`MlpActivationName`). */
const MLP_ACTIVATIONS: readonly MlpActivationName[] = [
  "sigmoid",
  "tanh",
  "relu",
  "identity",
  "softmax",
];

/**
 * Throws unless `value` is an {@link MlpShape} the generated code takes: ≥ 2 widths, each
 * an integer 1–16, and one activation name and one bias flag per layer.
 *
 * @throws {InputTypeError} for a non-object, lists that are not arrays, a flag that is
 *   not a boolean, a name that is not a string.
 * @throws {ShapeError} if the lists disagree in length or there is no layer.
 * @throws {ArgumentRangeError} for a width outside 1–16 or an unknown activation.
 */
export function requireMlpShape(value: unknown, what: string): asserts value is MlpShape {
  requireObject(value, what);
  const { widths, activations, biases } = value;
  requireArray(widths, `${what}.widths`, "layer widths (n₀, n₁, …)");
  requireArray(activations, `${what}.activations`, "activation names, one per layer");
  requireArray(biases, `${what}.biases`, "booleans, one per layer");
  const layers = widths.length - 1;
  if (layers < 1 || activations.length !== layers || biases.length !== layers) {
    throw new ShapeError(
      `${what} needs at least two widths and one activation and one bias flag per layer: ` +
        `${widths.length} widths (${Math.max(layers, 0)} layers), ${activations.length} ` +
        `activations, ${biases.length} flags`,
    );
  }
  // The messages' names are built only for a bad entry (mlpParameterCount runs per call).
  for (let l = 0; l <= layers; l++) {
    const width = widths[l] as number;
    if (!(Number.isInteger(width) && width >= 1 && width <= 16)) {
      requireInteger(width, `${what}.widths[${l}]`, 1, 16);
    }
  }
  for (let l = 0; l < layers; l++) {
    if (!MLP_ACTIVATIONS.includes(activations[l] as MlpActivationName)) {
      requireOneOf(activations[l], MLP_ACTIVATIONS, `${what}.activations[${l}]`);
    }
    if (typeof biases[l] !== "boolean") requireBoolean(biases[l], `${what}.biases[${l}]`);
  }
}
