/**
 * WebAssembly instruction encoders: each function returns the bytes of one instruction,
 * opcode then immediates, so a function body reads like the text format:
 *
 * `[...localGet(0), ...localGet(1), ...f64x2Mul(), ...localSet(2)]`.
 *
 * Only the instructions our kernels need are here (control, locals, i32 arithmetic and
 * comparisons, f64 loads/stores, and the SIMD128 `f64x2` subset). SIMD instructions are
 * the prefix byte 0xFD followed by a u32 LEB128 sub-opcode, so `f64x2.add` (sub-opcode
 * 240) is three bytes, FD F0 01.
 *
 * @module
 */

import { InputTypeError } from "../errors.ts";
import { requireNumber, requireOneOf } from "../_util/validate.ts";
import { requireCode, requireI32, requireIndex } from "./_check.ts";
import { encodeSignedLeb128, encodeUnsignedLeb128 } from "./leb128.ts";

/** Single-byte opcodes of the core instruction set that the emitter uses.
 * @category WebAssembly encoder */
export const OPCODE = {
  unreachable: 0x00,
  nop: 0x01,
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  else: 0x05,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  return: 0x0f,
  call: 0x10,
  drop: 0x1a,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  f64Load: 0x2b,
  f64Store: 0x39,
  i32Const: 0x41,
  f64Const: 0x44,
  i32Eqz: 0x45,
  i32Eq: 0x46,
  i32Ne: 0x47,
  i32LtU: 0x49,
  i32GtU: 0x4b,
  i32GeU: 0x4f,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32Mul: 0x6c,
  i32Shl: 0x74,
  i32ShrU: 0x76,
  f64Add: 0xa0,
  f64Mul: 0xa2,
  simdPrefix: 0xfd,
} as const;

/** SIMD128 sub-opcodes (after the 0xFD prefix), from the SIMD proposal's opcode table.
 * @category WebAssembly encoder */
export const SIMD_OPCODE = {
  v128Load: 0x00,
  v128Load64Splat: 0x0a,
  v128Store: 0x0b,
  v128Const: 0x0c,
  f64x2Splat: 0x14,
  f64x2ExtractLane: 0x21,
  f64x2Add: 0xf0,
  f64x2Sub: 0xf1,
  f64x2Mul: 0xf2,
  f64x2Div: 0xf3,
} as const;

/** The empty block type (0x40): a block that takes and leaves nothing on the stack.
 * @category WebAssembly encoder */
export const EMPTY_BLOCK_TYPE = 0x40;

/**
 * Throws if an instruction without operands got arguments: `f64x2Add(a, b)` is most likely
 * meant as the folded `f64x2.add(a, b)` of ops.ts, and would silently drop a and b.
 */
function requireNoOperands(count: number, name: string, folded: string): void {
  if (count > 0) {
    throw new InputTypeError(
      `${name}() takes no operands (it is the bare opcode), got ${count} argument${
        count === 1 ? "" : "s"
      }; to fold operands in, use ${folded}`,
    );
  }
}

/**
 * `local.get index`: pushes local `index` (parameters come first, then declared locals).
 *
 * @throws {InputTypeError} if `index` is not a number; {ArgumentRangeError} if not a u32.
 *
 * @example
 * ```ts
 * import { localGet } from "@nnref/nnref/wasm";
 * if (localGet(200).join(",") !== "32,200,1") throw new Error("20 C8 01");
 * ```
 * @category WebAssembly encoder
 */
export function localGet(index: number): number[] {
  requireIndex(index, "Local index");
  return [OPCODE.localGet, ...encodeUnsignedLeb128(index)];
}

/**
 * `local.set index`: pops into local `index`.
 *
 * @throws {InputTypeError} if `index` is not a number; {ArgumentRangeError} if not a u32.
 *
 * @example
 * ```ts
 * import { localSet } from "@nnref/nnref/wasm";
 * if (localSet(3).join(",") !== "33,3") throw new Error("21 03");
 * ```
 * @category WebAssembly encoder
 */
export function localSet(index: number): number[] {
  requireIndex(index, "Local index");
  return [OPCODE.localSet, ...encodeUnsignedLeb128(index)];
}

/**
 * `local.tee index`: stores into local `index` and leaves the value on the stack.
 *
 * @throws {InputTypeError} if `index` is not a number; {ArgumentRangeError} if not a u32.
 *
 * @example
 * ```ts
 * import { localTee } from "@nnref/nnref/wasm";
 * if (localTee(1).join(",") !== "34,1") throw new Error("22 01");
 * ```
 * @category WebAssembly encoder
 */
export function localTee(index: number): number[] {
  requireIndex(index, "Local index");
  return [OPCODE.localTee, ...encodeUnsignedLeb128(index)];
}

/**
 * `i32.const value`, with the immediate as signed LEB128 (i32 constants are signed in
 * the encoding even when used as unsigned).
 *
 * @throws {InputTypeError} if `value` is not a number; {ArgumentRangeError} if outside [−2³¹, 2³²).
 *
 * @example 64 needs two bytes because bit 6 of one byte would read as the sign
 * ```ts
 * import { i32Const } from "@nnref/nnref/wasm";
 * if (i32Const(64).join(",") !== "65,192,0") throw new Error("41 C0 00");
 * ```
 * @category WebAssembly encoder
 */
export function i32Const(value: number): number[] {
  requireI32(value, "i32.const immediate");
  return [OPCODE.i32Const, ...encodeSignedLeb128(value | 0)];
}

/**
 * A memory access immediate (memarg): alignment exponent then byte offset, both u32.
 *
 * @param alignLog2 log₂ of the alignment hint (3 for f64, 4 for v128).
 * @param offset Constant byte offset added to the address operand.
 * @throws {InputTypeError} if either is not a number; {ArgumentRangeError} if not a u32.
 *
 * @example
 * ```ts
 * import { memoryArgument } from "@nnref/nnref/wasm";
 * if (memoryArgument(4, 128).join(",") !== "4,128,1") throw new Error("04 80 01");
 * ```
 * @category WebAssembly encoder
 */
export function memoryArgument(alignLog2: number, offset: number): number[] {
  requireIndex(alignLog2, "Alignment exponent");
  requireIndex(offset, "Memory offset");
  return [...encodeUnsignedLeb128(alignLog2), ...encodeUnsignedLeb128(offset)];
}

/**
 * `f64.load offset=…`: pops an i32 address, pushes the f64 at address + offset.
 *
 * @example
 * ```ts
 * import { f64Load } from "@nnref/nnref/wasm";
 * if (f64Load(8).join(",") !== "43,3,8") throw new Error("2B 03 08");
 * ```
 * @category WebAssembly encoder
 */
export function f64Load(offset = 0): number[] {
  return [OPCODE.f64Load, ...memoryArgument(3, offset)];
}

/**
 * `f64.store offset=…`: pops a value and an i32 address.
 *
 * @example
 * ```ts
 * import { f64Store } from "@nnref/nnref/wasm";
 * if (f64Store().join(",") !== "57,3,0") throw new Error("39 03 00");
 * ```
 * @category WebAssembly encoder
 */
export function f64Store(offset = 0): number[] {
  return [OPCODE.f64Store, ...memoryArgument(3, offset)];
}

/**
 * A SIMD instruction: 0xFD, then the sub-opcode as u32 LEB128, then `immediates`.
 *
 * @throws {InputTypeError} if `subOpcode` is not a number or the immediates not an array
 * of numbers; {ArgumentRangeError} if `subOpcode` is not a u32 or an immediate not a byte.
 *
 * @example f64x2.mul is sub-opcode 242, which takes two LEB128 bytes
 * ```ts
 * import { simd, SIMD_OPCODE } from "@nnref/nnref/wasm";
 * if (simd(SIMD_OPCODE.f64x2Mul).join(",") !== "253,242,1") throw new Error("FD F2 01");
 * ```
 * @category WebAssembly encoder
 */
export function simd(subOpcode: number, immediates: readonly number[] = []): number[] {
  requireIndex(subOpcode, "SIMD sub-opcode");
  requireCode(immediates, "SIMD immediates");
  return [OPCODE.simdPrefix, ...encodeUnsignedLeb128(subOpcode), ...immediates];
}

/**
 * `v128.load offset=…` (16 bytes).
 *
 * @example
 * ```ts
 * import { v128Load } from "@nnref/nnref/wasm";
 * if (v128Load(16).join(",") !== "253,0,4,16") throw new Error("FD 00 04 10");
 * ```
 * @category WebAssembly encoder
 */
export function v128Load(offset = 0): number[] {
  return simd(SIMD_OPCODE.v128Load, memoryArgument(4, offset));
}

/**
 * `v128.store offset=…` (16 bytes).
 *
 * @example
 * ```ts
 * import { v128Store } from "@nnref/nnref/wasm";
 * if (v128Store().join(",") !== "253,11,4,0") throw new Error("FD 0B 04 00");
 * ```
 * @category WebAssembly encoder
 */
export function v128Store(offset = 0): number[] {
  return simd(SIMD_OPCODE.v128Store, memoryArgument(4, offset));
}

/**
 * `v128.load64_splat offset=…`: loads one 64-bit value into both lanes, i.e. f64x2.splat
 * of an f64 load in one instruction.
 *
 * @example
 * ```ts
 * import { v128Load64Splat } from "@nnref/nnref/wasm";
 * if (v128Load64Splat(8).join(",") !== "253,10,3,8") throw new Error("FD 0A 03 08");
 * ```
 * @category WebAssembly encoder
 */
export function v128Load64Splat(offset = 0): number[] {
  return simd(SIMD_OPCODE.v128Load64Splat, memoryArgument(3, offset));
}

/**
 * `v128.const` of two f64 lanes (16 little-endian bytes).
 *
 * @example The zero vector is the prefix, sub-opcode 12 and sixteen zero bytes
 * ```ts
 * import { v128ConstF64x2 } from "@nnref/nnref/wasm";
 * const bytes = v128ConstF64x2(0, 0);
 * if (bytes.length !== 18 || bytes[1] !== 12 || bytes.slice(2).some((b) => b !== 0)) {
 *   throw new Error("FD 0C 00×16");
 * }
 * ```
 * @category WebAssembly encoder
 */
export function v128ConstF64x2(lane0: number, lane1: number): number[] {
  requireNumber(lane0, "lane0");
  requireNumber(lane1, "lane1");
  const lanes = new Uint8Array(new Float64Array([lane0, lane1]).buffer);
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
    // Typed arrays use the platform's byte order; WebAssembly immediates are little-endian.
    for (let lane = 0; lane < 2; lane++) lanes.subarray(lane * 8, lane * 8 + 8).reverse();
  }
  return simd(SIMD_OPCODE.v128Const, Array.from(lanes));
}

/**
 * `f64x2.add`: lane-wise sum of two f64x2 vectors.
 *
 * @throws {InputTypeError} if called with arguments (ops.ts's f64x2.add takes operands).
 *
 * @example
 * ```ts
 * import { f64x2Add } from "@nnref/nnref/wasm";
 * if (f64x2Add().join(",") !== "253,240,1") throw new Error("FD F0 01");
 * ```
 * @category WebAssembly encoder
 */
export function f64x2Add(): number[] {
  requireNoOperands(arguments.length, "f64x2Add", "f64x2.add(left, right)");
  return simd(SIMD_OPCODE.f64x2Add);
}

/**
 * `f64x2.mul`: lane-wise product of two f64x2 vectors.
 *
 * @throws {InputTypeError} if called with arguments (ops.ts's f64x2.mul takes operands).
 *
 * @example
 * ```ts
 * import { f64x2Mul } from "@nnref/nnref/wasm";
 * if (f64x2Mul().join(",") !== "253,242,1") throw new Error("FD F2 01");
 * ```
 * @category WebAssembly encoder
 */
export function f64x2Mul(): number[] {
  requireNoOperands(arguments.length, "f64x2Mul", "f64x2.mul(left, right)");
  return simd(SIMD_OPCODE.f64x2Mul);
}

/**
 * `f64x2.splat`: pops an f64, pushes a vector with it in both lanes.
 *
 * @throws {InputTypeError} if called with arguments (ops.ts's f64x2.splat takes operands).
 *
 * @example
 * ```ts
 * import { f64x2Splat } from "@nnref/nnref/wasm";
 * if (f64x2Splat().join(",") !== "253,20") throw new Error("FD 14");
 * ```
 * @category WebAssembly encoder
 */
export function f64x2Splat(): number[] {
  requireNoOperands(arguments.length, "f64x2Splat", "f64x2.splat(operand)");
  return simd(SIMD_OPCODE.f64x2Splat);
}

/**
 * A structured control instruction with the empty block type: `block`, `loop` or `if`.
 *
 * @example
 * ```ts
 * import { control } from "@nnref/nnref/wasm";
 * if (control("loop").join(",") !== "3,64") throw new Error("03 40");
 * ```
 * @category WebAssembly encoder
 */
export function control(kind: "block" | "loop" | "if"): number[] {
  requireOneOf(kind, ["block", "loop", "if"], "kind");
  return [OPCODE[kind], EMPTY_BLOCK_TYPE];
}

/**
 * `br_if depth`: pops an i32 and branches to the `depth`-th enclosing label if non-zero
 * (for a `loop` label that means "continue", for a `block` label "break").
 *
 * @throws {InputTypeError} if `depth` is not a number; {ArgumentRangeError} if not a u32.
 *
 * @example
 * ```ts
 * import { brIf } from "@nnref/nnref/wasm";
 * if (brIf(0).join(",") !== "13,0") throw new Error("0D 00");
 * ```
 * @category WebAssembly encoder
 */
export function brIf(depth: number): number[] {
  requireIndex(depth, "Branch depth");
  return [OPCODE.brIf, ...encodeUnsignedLeb128(depth)];
}

/**
 * `end`: closes a block, loop, if or function body.
 *
 * @throws {InputTypeError} if called with arguments (ops.ts's block/loop/ifThen takes operands).
 *
 * @example
 * ```ts
 * import { end } from "@nnref/nnref/wasm";
 * if (end()[0] !== 0x0b) throw new Error("0B");
 * ```
 * @category WebAssembly encoder
 */
export function end(): number[] {
  requireNoOperands(arguments.length, "end", "block(body), loop(body) or ifThen(…)");
  return [OPCODE.end];
}
