/**
 * Encodes a WebAssembly module (binary format 1) from a plain description: function
 * signatures, bodies, one memory and exports.
 *
 * A module is the magic `\0asm`, the version 1 (little-endian u32), then sections in
 * increasing id order, each `id, u32 size, contents`. Vectors are `u32 count, items`.
 * Only the sections a compute kernel needs are emitted: type (1), function (3),
 * memory (5), export (7) and code (10). Each function gets its own type entry; that
 * wastes a few bytes when signatures repeat and keeps the index arithmetic obvious.
 *
 * @module
 */

import { ArgumentRangeError, InputTypeError } from "../errors.ts";
import { describeValue, requireInteger, requireObject, requireOptions } from "../_util/validate.ts";
import { encodeSignedLeb128, encodeUnsignedLeb128 } from "./leb128.ts";
import { OPCODE } from "./instructions.ts";
import { requireArray, requireCode, requireCodes, requireMemory, requireString } from "./_check.ts";

/** Value types and their one-byte codes in the binary format.
 * @category WebAssembly encoder */
export const VALUE_TYPE = { i32: 0x7f, i64: 0x7e, f32: 0x7d, f64: 0x7c, v128: 0x7b } as const;

/** A value type by name: `"i32"`, `"i64"`, `"f32"`, `"f64"` or `"v128"`.
 * @category WebAssembly encoder */
export type ValueType = keyof typeof VALUE_TYPE;

/** Section ids, in the order they must appear.
 * @category WebAssembly encoder */
export const SECTION_ID = {
  custom: 0,
  type: 1,
  import: 2,
  function: 3,
  table: 4,
  memory: 5,
  global: 6,
  export: 7,
  start: 8,
  element: 9,
  code: 10,
  data: 11,
} as const;

/** One function to encode.
 * @category WebAssembly encoder */
export interface FunctionDefinition {
  /** Export name, or undefined to keep the function internal. */
  readonly exportName?: string;
  /** Parameter types; parameters are locals 0 … params.length − 1. */
  readonly params: readonly ValueType[];
  /** Result types (at most one for the MVP; more with multi-value). */
  readonly results: readonly ValueType[];
  /** Further locals, numbered after the parameters; zero-initialised on entry. */
  readonly locals: readonly ValueType[];
  /** Instruction bytes of the body, without the final `end` (added here). */
  readonly body: readonly number[];
}

export type { MemoryDefinition } from "./_shapes.ts";
import type { MemoryDefinition } from "./_shapes.ts";

/** Bytes written into the memory at instantiation (an active data segment).
 * @category WebAssembly encoder */
export interface DataSegment {
  /** Byte address of the first byte. */
  readonly offset: number;
  /** The bytes. */
  readonly bytes: ArrayLike<number>;
}

/** A whole module: functions (indices 0, 1, … in order) and an optional memory.
 * @category WebAssembly encoder */
export interface ModuleDefinition {
  /** The functions, in index order. */
  readonly functions: readonly FunctionDefinition[];
  /** The module's own (or imported) memory, if any. */
  readonly memory?: MemoryDefinition;
  /** Data written into the memory at instantiation (needs `memory`). */
  readonly data?: readonly DataSegment[];
}

/**
 * A vector: u32 element count, then the elements' bytes in order.
 *
 * @throws {InputTypeError}, {ArgumentRangeError} unless `items` is an array of Code (arrays
 *   of bytes 0–255).
 *
 * @example
 * ```ts
 * import { encodeVector } from "@nnref/nnref/wasm";
 * if (encodeVector([[1, 2], [3]]).join(",") !== "2,1,2,3") throw new Error("count first");
 * ```
 * @category WebAssembly encoder
 */
export function encodeVector(items: readonly (readonly number[])[]): number[] {
  requireArray(items, "Vector items", "Code (arrays of bytes)");
  requireCodes(items, "Vector item");
  return vector(items);
}

/** {@link encodeVector} without the checks: encodeModule's items are its own. */
function vector(items: readonly (readonly number[])[]): number[] {
  return [...encodeUnsignedLeb128(items.length), ...items.flat()];
}

/**
 * A name: u32 byte length, then UTF-8 bytes.
 *
 * @throws {InputTypeError} if `name` is not a string.
 *
 * @example
 * ```ts
 * import { encodeName } from "@nnref/nnref/wasm";
 * if (encodeName("gemm").join(",") !== "4,103,101,109,109") throw new Error("length, UTF-8");
 * ```
 * @category WebAssembly encoder
 */
export function encodeName(name: string): number[] {
  requireString(name, "Name");
  const bytes = new TextEncoder().encode(name);
  return [...encodeUnsignedLeb128(bytes.length), ...bytes];
}

/**
 * A section: id byte, u32 size of the contents, contents.
 *
 * @throws {InputTypeError} if `id` is not a number or `contents` not Code.
 * @throws {ArgumentRangeError} if `id` is not a known section id or a byte is out of range.
 *
 * @example
 * ```ts
 * import { encodeSection, SECTION_ID } from "@nnref/nnref/wasm";
 * const section = encodeSection(SECTION_ID.function, [1, 0]);
 * if (section.join(",") !== "3,2,1,0") throw new Error("id, size, contents");
 * ```
 * @category WebAssembly encoder
 */
export function encodeSection(id: number, contents: readonly number[]): number[] {
  requireInteger(id, "Section id", 0, 11);
  requireCode(contents, "Section contents");
  return section(id, contents);
}

/** {@link encodeSection} without the checks: encodeModule's sections are its own. */
function section(id: number, contents: readonly number[]): number[] {
  return [id, ...encodeUnsignedLeb128(contents.length), ...contents];
}

function encodeFunctionType(fn: FunctionDefinition): number[] {
  return [
    0x60,
    ...vector(fn.params.map((type) => [VALUE_TYPE[type]])),
    ...vector(fn.results.map((type) => [VALUE_TYPE[type]])),
  ];
}

/** Locals are stored run-length encoded: (count, type) for each run of equal types. */
function encodeLocals(locals: readonly ValueType[]): number[] {
  const runs: number[][] = [];
  let start = 0;
  for (let i = 1; i <= locals.length; i++) {
    if (i === locals.length || locals[i] !== locals[start]) {
      runs.push([...encodeUnsignedLeb128(i - start), VALUE_TYPE[locals[start]]]);
      start = i;
    }
  }
  return vector(runs);
}

function encodeLimits(memory: MemoryDefinition): number[] {
  // Flags: 0 = minimum only, 1 = minimum and maximum, 3 = shared (maximum required).
  return memory.maximumPages === undefined
    ? [0x00, ...encodeUnsignedLeb128(memory.initialPages)]
    : [
      memory.shared ? 0x03 : 0x01,
      ...encodeUnsignedLeb128(memory.initialPages),
      ...encodeUnsignedLeb128(memory.maximumPages),
    ];
}

/**
 * The module's bytes: header, then type, function, memory, export and code sections.
 *
 * @param module Functions (index = position) and an optional memory.
 * @returns Bytes ready for `new WebAssembly.Module(bytes)`.
 * @throws {InputTypeError} if `module` or a part of it has the wrong type: functions not an
 *   array, a body that is not Code (an array of bytes), an unknown value type or key, a
 *   name that is not a string.
 * @throws {ArgumentRangeError} if a byte or a page count is out of range, the maximum is below
 *   the initial size, a shared memory has no maximum, data is given without a memory, or two
 *   exports share a name.
 *
 * @example A function returning 42 validates and runs
 * ```ts
 * import { encodeModule, i32Const } from "@nnref/nnref/wasm";
 * const bytes = encodeModule({
 *   functions: [{ exportName: "answer", params: [], results: ["i32"], locals: [], body: i32Const(42) }],
 * });
 * const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes));
 * if ((instance.exports.answer as () => number)() !== 42) throw new Error("42");
 * ```
 * @category WebAssembly encoder
 */
export function encodeModule(module: ModuleDefinition): Uint8Array<ArrayBuffer> {
  requireModule(module);
  const { functions, memory, data = [] } = module;
  const exports: number[][] = [];
  const exportNames = new Set<string>();
  const addExport = (name: string, kind: number, index: number) => {
    if (exportNames.has(name)) {
      throw new ArgumentRangeError(`Cannot encode module: export name "${name}" is used twice`);
    }
    exportNames.add(name);
    exports.push([...encodeName(name), kind, ...encodeUnsignedLeb128(index)]);
  };
  functions.forEach((fn, index) => {
    if (fn.exportName !== undefined) addExport(fn.exportName, 0x00, index);
  });
  if (memory?.exportName !== undefined) addExport(memory.exportName, 0x02, 0);

  const sections: number[][] = [];
  if (functions.length > 0) {
    sections.push(section(SECTION_ID.type, vector(functions.map(encodeFunctionType))));
  }
  if (memory?.import !== undefined) {
    const { module: moduleName, name } = memory.import;
    sections.push(
      section(
        SECTION_ID.import,
        vector([[
          ...encodeName(moduleName),
          ...encodeName(name),
          0x02,
          ...encodeLimits(memory),
        ]]),
      ),
    );
  }
  if (functions.length > 0) {
    sections.push(
      section(
        SECTION_ID.function,
        vector(functions.map((_, index) => encodeUnsignedLeb128(index))),
      ),
    );
  }
  if (memory !== undefined && memory.import === undefined) {
    sections.push(section(SECTION_ID.memory, vector([encodeLimits(memory)])));
  }
  if (exports.length > 0) sections.push(section(SECTION_ID.export, vector(exports)));
  if (functions.length > 0) {
    const bodies = functions.map((fn) => {
      const body = [...encodeLocals(fn.locals), ...fn.body, OPCODE.end];
      return [...encodeUnsignedLeb128(body.length), ...body];
    });
    sections.push(section(SECTION_ID.code, vector(bodies)));
  }
  if (data.length > 0) {
    // Active segments of memory 0: flag 0, the offset as a constant expression, the bytes.
    const segments = data.map((segment) => [
      0x00,
      OPCODE.i32Const,
      ...encodeSignedLeb128(segment.offset | 0),
      OPCODE.end,
      ...encodeUnsignedLeb128(segment.bytes.length),
      ...Array.from(segment.bytes),
    ]);
    sections.push(section(SECTION_ID.data, vector(segments)));
  }
  const header = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  return new Uint8Array([...header, ...sections.flat()]);
}

const VALUE_TYPES = Object.keys(VALUE_TYPE) as ValueType[];
const FUNCTION_KEYS = ["exportName", "params", "results", "locals", "body"];

/**
 * Throws unless `module` is a {@link ModuleDefinition} encodeModule can write: the checks
 * of every part, at entry, so that a wrong one is named (`module.functions[1].body`)
 * instead of surfacing as a NaN byte or an engine's validation error.
 */
function requireModule(module: unknown): asserts module is ModuleDefinition {
  requireObject(module, "module");
  requireOptions(module, "module", ["functions", "memory", "data"]);
  const { functions, memory, data } = module;
  requireArray(functions, "module.functions", "function definitions");
  functions.forEach((fn, i) => {
    const what = `module.functions[${i}]`;
    requireObject(fn, what);
    requireOptions(fn, what, FUNCTION_KEYS);
    if (fn.exportName !== undefined) requireString(fn.exportName, `${what}.exportName`);
    for (const key of ["params", "results", "locals"]) {
      const types = fn[key];
      requireArray(types, `${what}.${key}`, `value types (${VALUE_TYPES.join(", ")})`);
      types.forEach((type, j) => {
        if (typeof type !== "string" || !Object.hasOwn(VALUE_TYPE, type)) {
          const got = typeof type === "string" ? JSON.stringify(type) : describeValue(type);
          throw new (typeof type === "string" ? ArgumentRangeError : InputTypeError)(
            `${what}.${key}[${j}] must be a value type (${VALUE_TYPES.join(", ")}), got ${got}`,
          );
        }
      });
    }
    requireCode(fn.body, `${what}.body`);
  });
  if (memory !== undefined) requireMemory(memory, "module.memory");
  if (data === undefined) return;
  requireArray(data, "module.data", "data segments { offset, bytes }");
  if (data.length > 0 && memory === undefined) {
    throw new ArgumentRangeError("Cannot encode data segments: the module has no memory");
  }
  data.forEach((segment, i) => {
    const what = `module.data[${i}]`;
    requireObject(segment, what);
    requireOptions(segment, what, ["offset", "bytes"]);
    requireInteger(segment.offset, `${what}.offset`, 0, 0xffffffff);
    if (!(segment.bytes instanceof Uint8Array)) requireCode(segment.bytes, `${what}.bytes`);
  });
}
