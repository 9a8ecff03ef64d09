import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { encodeSignedLeb128, encodeUnsignedLeb128 } from "../../../lib/wasm/leb128.ts";

const hex = (bytes: number[]) => bytes.map((b) => b.toString(16).padStart(2, "0")).join(" ");

/** Lets the engine decode: a module whose function returns `i32.const value`. */
function engineReadsI32(valueBytes: number[]): number {
  const body = [0x00, 0x41, ...valueBytes, 0x0b]; // no locals, i32.const, end
  const code = [0x01, body.length, ...body];
  const bytes = new Uint8Array([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    0x01,
    0x05,
    0x01,
    0x60,
    0x00,
    0x01,
    0x7f, // type: () -> i32
    0x03,
    0x02,
    0x01,
    0x00, // function 0 has type 0
    0x07,
    0x05,
    0x01,
    0x01,
    0x66,
    0x00,
    0x00, // export "f"
    0x0a,
    code.length,
    ...code,
  ]);
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes));
  return (instance.exports.f as () => number)();
}

describe("unsigned LEB128", () => {
  it("encodes the specification's example 624485 as E5 8E 26", () => {
    assert.equal(hex(encodeUnsignedLeb128(624485)), "e5 8e 26");
  });
  it("switches to one more byte exactly at 2^7, 2^14, 2^21, 2^28", () => {
    const cases: [number, string][] = [
      [0, "00"],
      [1, "01"],
      [127, "7f"],
      [128, "80 01"],
      [16383, "ff 7f"],
      [16384, "80 80 01"],
      [2 ** 21 - 1, "ff ff 7f"],
      [2 ** 21, "80 80 80 01"],
      [2 ** 28, "80 80 80 80 01"],
      [2 ** 32 - 1, "ff ff ff ff 0f"],
    ];
    for (const [value, expected] of cases) {
      assert.equal(hex(encodeUnsignedLeb128(value)), expected, `${value}`);
    }
  });
  it("encodes u64 maximum from a bigint in ten bytes", () => {
    assert.equal(hex(encodeUnsignedLeb128(2n ** 64n - 1n)), "ff ff ff ff ff ff ff ff ff 01");
    assert.equal(hex(encodeUnsignedLeb128(Number.MAX_SAFE_INTEGER)), "ff ff ff ff ff ff ff 0f");
  });
  it("rejects negative, fractional and unsafe numbers", () => {
    assert.throws(() => encodeUnsignedLeb128(-1), {
      name: "ArgumentRangeError",
      message: /must be ≥ 0/,
    });
    assert.throws(() => encodeUnsignedLeb128(-1n), {
      name: "ArgumentRangeError",
      message: /must be ≥ 0/,
    });
    assert.throws(() => encodeUnsignedLeb128(1.5), {
      name: "ArgumentRangeError",
      message: /safe integer or a bigint, got 1.5/,
    });
    assert.throws(() => encodeUnsignedLeb128(2 ** 53), {
      name: "ArgumentRangeError",
      message: /safe/,
    });
    assert.throws(() => encodeUnsignedLeb128(NaN), {
      name: "ArgumentRangeError",
      message: /got NaN/,
    });
  });
});

describe("signed LEB128", () => {
  it("encodes the specification's example −123456 as C0 BB 78", () => {
    assert.equal(hex(encodeSignedLeb128(-123456)), "c0 bb 78");
  });
  it("needs a second byte where bit 6 of the last group would flip the sign", () => {
    const cases: [number, string][] = [
      [0, "00"],
      [-1, "7f"],
      [63, "3f"],
      [64, "c0 00"],
      [-64, "40"],
      [-65, "bf 7f"],
      [127, "ff 00"],
      [-128, "80 7f"],
      [2 ** 31 - 1, "ff ff ff ff 07"],
      [-(2 ** 31), "80 80 80 80 78"],
    ];
    for (const [value, expected] of cases) {
      assert.equal(hex(encodeSignedLeb128(value)), expected, `${value}`);
    }
  });
  it("encodes i64 minimum from a bigint", () => {
    assert.equal(hex(encodeSignedLeb128(-(2n ** 63n))), "80 80 80 80 80 80 80 80 80 7f");
  });
  it("is read back by the WebAssembly engine as the same i32", () => {
    for (const value of [0, 1, -1, 63, 64, -64, -65, 8191, -8192, 123456, -123456, 2 ** 31 - 1]) {
      assert.equal(engineReadsI32(encodeSignedLeb128(value)), value);
    }
    assert.equal(engineReadsI32(encodeSignedLeb128(-(2 ** 31))), -(2 ** 31));
  });
  it("rejects fractional numbers", () => {
    assert.throws(() => encodeSignedLeb128(0.5), {
      name: "ArgumentRangeError",
      message: /got 0.5/,
    });
  });
});
