import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  encodeModule,
  encodeName,
  encodeSection,
  encodeVector,
  type ModuleDefinition,
  SECTION_ID,
} from "../../../lib/wasm/module_encoder.ts";
import { i32Const, localGet, OPCODE } from "../../../lib/wasm/instructions.ts";

/** A reader written here, independent of the encoder: u32 LEB128 at `position`. */
function readU32(bytes: Uint8Array, position: number): [value: number, next: number] {
  let value = 0, shift = 0, byte: number;
  do {
    byte = bytes[position++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, position];
}

/** Splits a module into (id, contents) pairs, checking each declared size. */
function sections(bytes: Uint8Array): { id: number; contents: Uint8Array }[] {
  const found = [];
  let position = 8;
  while (position < bytes.length) {
    const id = bytes[position];
    const [size, start] = readU32(bytes, position + 1);
    found.push({ id, contents: bytes.subarray(start, start + size) });
    position = start + size;
  }
  assert.equal(position, bytes.length, "section sizes add up to the module length");
  return found;
}

const adder: ModuleDefinition = {
  memory: { initialPages: 2, maximumPages: 10, exportName: "memory" },
  functions: [
    {
      exportName: "add",
      params: ["i32", "i32"],
      results: ["i32"],
      locals: [],
      body: [...localGet(0), ...localGet(1), OPCODE.i32Add],
    },
    {
      exportName: "seven",
      params: [],
      results: ["i32"],
      locals: ["i32", "i32", "f64", "v128", "v128", "v128"],
      body: i32Const(7),
    },
  ],
};

describe("module layout", () => {
  const bytes = encodeModule(adder);
  it("starts with \\0asm and version 1", () => {
    assert.deepEqual(Array.from(bytes.subarray(0, 8)), [0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
  });
  it("has type, function, memory, export, code sections in increasing id order", () => {
    assert.deepEqual(sections(bytes).map((s) => s.id), [
      SECTION_ID.type,
      SECTION_ID.function,
      SECTION_ID.memory,
      SECTION_ID.export,
      SECTION_ID.code,
    ]);
  });
  it("writes one function type per function: 0x60, params, results", () => {
    const type = sections(bytes)[0].contents;
    assert.deepEqual(Array.from(type), [2, 0x60, 2, 0x7f, 0x7f, 1, 0x7f, 0x60, 0, 1, 0x7f]);
  });
  it("writes memory limits with a maximum as flag 1, initial, maximum", () => {
    assert.deepEqual(Array.from(sections(bytes)[2].contents), [1, 0x01, 2, 10]);
  });
  it("run-length encodes locals: (2 × i32) (1 × f64) (3 × v128)", () => {
    const code = sections(bytes)[4].contents;
    const [count, firstBody] = readU32(code, 0);
    assert.equal(count, 2);
    const [size0, start0] = readU32(code, firstBody);
    const [, start1] = readU32(code, start0 + size0);
    assert.deepEqual(Array.from(code.subarray(start1, start1 + 7)), [
      3,
      2,
      0x7f,
      1,
      0x7c,
      3,
      0x7b,
    ]);
  });
  it("is accepted and run by the engine", () => {
    assert.equal(WebAssembly.validate(bytes), true);
    const exports = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports;
    assert.equal((exports.add as (a: number, b: number) => number)(40, 2), 42);
    assert.equal((exports.seven as () => number)(), 7);
    assert.equal((exports.memory as WebAssembly.Memory).buffer.byteLength, 2 * 65536);
  });
  it("an empty module is just the header", () => {
    assert.deepEqual(Array.from(encodeModule({ functions: [] })), [
      0,
      0x61,
      0x73,
      0x6d,
      1,
      0,
      0,
      0,
    ]);
  });
});

describe("building blocks", () => {
  it("vectors, names and sections are count/length-prefixed", () => {
    assert.deepEqual(encodeVector([]), [0]);
    assert.deepEqual(encodeName("é"), [2, 0xc3, 0xa9], "length in UTF-8 bytes, not characters");
    const contents = Array<number>(200).fill(0);
    assert.deepEqual(encodeSection(SECTION_ID.code, contents).slice(0, 3), [10, 0xc8, 0x01]);
  });
});

describe("bad module descriptions", () => {
  it("rejects duplicate export names", () => {
    const twice = {
      functions: [adder.functions[0], { ...adder.functions[1], exportName: "add" }],
    };
    assert.throws(() => encodeModule(twice), {
      name: "ArgumentRangeError",
      message: /export name "add" is used twice/,
    });
  });
  it("rejects a memory maximum below its initial size", () => {
    assert.throws(
      () => encodeModule({ functions: [], memory: { initialPages: 4, maximumPages: 2 } }),
      {
        name: "ArgumentRangeError",
        message: /maximum \(2 pages\) is below the initial size \(4\)/,
      },
    );
    assert.throws(() => encodeModule({ functions: [], memory: { initialPages: -1 } }), {
      name: "ArgumentRangeError",
      message: /module\.memory\.initialPages must be an integer in \[0, 65536\], got -1/,
    });
  });
  it("rejects unknown section ids", () => {
    assert.throws(() => encodeSection(12, []), {
      name: "ArgumentRangeError",
      message: /Section id must be an integer in \[0, 11\], got 12/,
    });
  });
});
