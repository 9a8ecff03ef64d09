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

import { encodeSignedLeb128, encodeUnsignedLeb128 } from "./leb128.ts";
import { OPCODE } from "./instructions.ts";

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

/** The memory a module defines and (optionally) exports, or imports.
 * @category WebAssembly encoder */
export interface MemoryDefinition {
  /** Initial size in 64 KiB pages. */
  readonly initialPages: number;
  /** Maximum size in pages, or undefined for no maximum (a shared memory needs one). */
  readonly maximumPages?: number;
  /** Export name, or undefined to keep it internal. */
  readonly exportName?: string;
  /**
   * Import the memory as `module.name` instead of defining it (the threads proposal's way
   * to give two instances, e.g. on two threads, one memory).
   */
  readonly import?: { readonly module: string; readonly name: string };
  /** A shared memory (a SharedArrayBuffer underneath); needs `maximumPages`. */
  readonly shared?: boolean;
}

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
 * @example
 * ```ts
 * import { encodeVector } from "@nnref/nnref/wasm";
 * if (encodeVector([[1, 2], [3]]).join(",") !== "2,1,2,3") throw new Error("count first");
 * ```
 * @category WebAssembly encoder
 */
export function encodeVector(items: readonly (readonly number[])[]): number[] {
  return [...encodeUnsignedLeb128(items.length), ...items.flat()];
}

/**
 * A name: u32 byte length, then UTF-8 bytes.
 *
 * @example
 * ```ts
 * import { encodeName } from "@nnref/nnref/wasm";
 * if (encodeName("gemm").join(",") !== "4,103,101,109,109") throw new Error("length, UTF-8");
 * ```
 * @category WebAssembly encoder
 */
export function encodeName(name: string): number[] {
  const bytes = new TextEncoder().encode(name);
  return [...encodeUnsignedLeb128(bytes.length), ...bytes];
}

/**
 * A section: id byte, u32 size of the contents, contents.
 *
 * @throws {RangeError} if `id` is not a known section id.
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
  if (!Number.isInteger(id) || id < 0 || id > 11) {
    throw new RangeError(`Section id must be an integer in [0, 11], got ${id}`);
  }
  return [id, ...encodeUnsignedLeb128(contents.length), ...contents];
}

function encodeFunctionType(fn: FunctionDefinition): number[] {
  return [
    0x60,
    ...encodeVector(fn.params.map((type) => [VALUE_TYPE[type]])),
    ...encodeVector(fn.results.map((type) => [VALUE_TYPE[type]])),
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
  return encodeVector(runs);
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
 * @throws {RangeError} if a memory size is negative or the maximum is below the initial
 *   size, a shared memory has no maximum, data is given without a memory, or two exports
 *   share a name.
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
  const { functions, memory, data = [] } = module;
  const exports: number[][] = [];
  const exportNames = new Set<string>();
  const addExport = (name: string, kind: number, index: number) => {
    if (exportNames.has(name)) {
      throw new RangeError(`Cannot encode module: export name "${name}" is used twice`);
    }
    exportNames.add(name);
    exports.push([...encodeName(name), kind, ...encodeUnsignedLeb128(index)]);
  };
  functions.forEach((fn, index) => {
    if (fn.exportName !== undefined) addExport(fn.exportName, 0x00, index);
  });
  if (memory !== undefined) {
    if (!Number.isInteger(memory.initialPages) || memory.initialPages < 0) {
      throw new RangeError(
        `Memory initial size must be a non-negative page count, got ${memory.initialPages}`,
      );
    }
    if (memory.maximumPages !== undefined && !(memory.maximumPages >= memory.initialPages)) {
      throw new RangeError(
        `Memory maximum (${memory.maximumPages} pages) is below the initial size (${memory.initialPages})`,
      );
    }
    if (memory.shared && memory.maximumPages === undefined) {
      throw new RangeError("A shared memory needs a maximum size (maximumPages)");
    }
    if (memory.exportName !== undefined) addExport(memory.exportName, 0x02, 0);
  }
  if (data.length > 0 && memory === undefined) {
    throw new RangeError("Cannot encode data segments: the module has no memory");
  }

  const sections: number[][] = [];
  if (functions.length > 0) {
    sections.push(encodeSection(SECTION_ID.type, encodeVector(functions.map(encodeFunctionType))));
  }
  if (memory?.import !== undefined) {
    const { module: moduleName, name } = memory.import;
    sections.push(
      encodeSection(
        SECTION_ID.import,
        encodeVector([[
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
      encodeSection(
        SECTION_ID.function,
        encodeVector(functions.map((_, index) => encodeUnsignedLeb128(index))),
      ),
    );
  }
  if (memory !== undefined && memory.import === undefined) {
    sections.push(encodeSection(SECTION_ID.memory, encodeVector([encodeLimits(memory)])));
  }
  if (exports.length > 0) sections.push(encodeSection(SECTION_ID.export, encodeVector(exports)));
  if (functions.length > 0) {
    const bodies = functions.map((fn) => {
      const body = [...encodeLocals(fn.locals), ...fn.body, OPCODE.end];
      return [...encodeUnsignedLeb128(body.length), ...body];
    });
    sections.push(encodeSection(SECTION_ID.code, encodeVector(bodies)));
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
    sections.push(encodeSection(SECTION_ID.data, encodeVector(segments)));
  }
  const header = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  return new Uint8Array([...header, ...sections.flat()]);
}
