import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  brIf,
  control,
  end,
  f64Load,
  f64Store,
  f64x2Add,
  f64x2Mul,
  f64x2Splat,
  i32Const,
  localGet,
  localSet,
  localTee,
  memoryArgument,
  OPCODE,
  simd,
  SIMD_OPCODE,
  v128ConstF64x2,
  v128Load,
  v128Load64Splat,
  v128Store,
} from "../../../lib/wasm/instructions.ts";
import { encodeModule } from "../../../lib/wasm/module_encoder.ts";

const hex = (bytes: number[]) => bytes.map((b) => b.toString(16).padStart(2, "0")).join(" ");

describe("instruction encodings (opcode table of the core and SIMD specifications)", () => {
  it("core opcodes", () => {
    assert.equal(hex(localGet(0)), "20 00");
    assert.equal(hex(localSet(130)), "21 82 01");
    assert.equal(hex(localTee(5)), "22 05");
    assert.equal(hex(i32Const(-1)), "41 7f");
    assert.equal(hex(i32Const(0xffffffff)), "41 7f", "u32 written as the same bits, signed");
    assert.equal(hex(f64Load(16)), "2b 03 10");
    assert.equal(hex(f64Store(0)), "39 03 00");
    assert.equal(hex(control("block")), "02 40");
    assert.equal(hex(control("loop")), "03 40");
    assert.equal(hex(brIf(1)), "0d 01");
    assert.equal(hex(end()), "0b");
    assert.equal(OPCODE.i32Add, 0x6a);
    assert.equal(OPCODE.f64Mul, 0xa2);
  });
  it("SIMD opcodes: 0xFD then the sub-opcode as LEB128", () => {
    assert.equal(hex(v128Load(0)), "fd 00 04 00");
    assert.equal(hex(v128Store(32)), "fd 0b 04 20");
    assert.equal(hex(v128Load64Splat(24)), "fd 0a 03 18");
    assert.equal(hex(f64x2Splat()), "fd 14");
    assert.equal(hex(f64x2Add()), "fd f0 01");
    assert.equal(hex(f64x2Mul()), "fd f2 01");
    assert.equal(hex(simd(SIMD_OPCODE.f64x2Sub)), "fd f1 01");
    assert.equal(hex(simd(SIMD_OPCODE.f64x2Div)), "fd f3 01");
  });
  it("v128.const lays the two f64 lanes out little-endian", () => {
    // 1.0 is 3FF0000000000000; −2.0 is C000000000000000
    assert.equal(
      hex(v128ConstF64x2(1, -2)),
      "fd 0c 00 00 00 00 00 00 f0 3f 00 00 00 00 00 00 00 c0",
    );
  });
  it("memory arguments: alignment exponent, then offset", () => {
    assert.equal(hex(memoryArgument(3, 200)), "03 c8 01");
  });
  it("rejects out-of-range immediates", () => {
    assert.throws(() => localGet(-1), { name: "ArgumentRangeError", message: /Local index/ });
    assert.throws(() => i32Const(2 ** 32), { name: "ArgumentRangeError", message: /i32.const/ });
    assert.throws(() => i32Const(0.5), { name: "ArgumentRangeError", message: /i32.const/ });
    assert.throws(() => memoryArgument(3, -8), {
      name: "ArgumentRangeError",
      message: /Memory offset/,
    });
    assert.throws(() => brIf(1.5), { name: "ArgumentRangeError", message: /Branch depth/ });
  });
  it("the engine executes them: f64x2 (1, 2)·(3, 4) + (10, 20), lane 1 read back", () => {
    const bytes = encodeModule({
      memory: { initialPages: 1, exportName: "memory" },
      functions: [{
        exportName: "run",
        params: [],
        results: [],
        locals: ["v128"],
        body: [
          ...i32Const(0),
          ...v128ConstF64x2(1, 2),
          ...v128ConstF64x2(3, 4),
          ...f64x2Mul(),
          ...v128ConstF64x2(10, 20),
          ...f64x2Add(),
          ...v128Store(0),
          ...i32Const(16),
          ...i32Const(0),
          ...v128Load64Splat(8), // splat lane 1 (= 28) of the stored vector
          ...localTee(0),
          ...localGet(0),
          ...f64x2Add(),
          ...v128Store(0),
        ],
      }],
    });
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes));
    (instance.exports.run as () => void)();
    const memory = new Float64Array((instance.exports.memory as WebAssembly.Memory).buffer, 0, 4);
    assert.deepEqual(Array.from(memory), [13, 28, 56, 56]);
  });
});
