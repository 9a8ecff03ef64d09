/**
 * Folded WebAssembly instructions: each builder takes its operands' code and returns the
 * code that pushes the result, so a kernel reads like the folded text format:
 *
 * `set(y, f64x2.add(get(scale), f64x2.mul(get(scale), get(tmp))))` is
 * `(local.set $y (f64x2.add (local.get $scale) (f64x2.mul (local.get $scale) (local.get $tmp))))`.
 *
 * Code is a plain `number[]` of bytes; operands are evaluated left to right, as the stack
 * machine requires. Opcodes are from the core specification (version 2.0), its SIMD128
 * chapter and the relaxed-SIMD proposal (sub-opcodes 0x100 …). This file covers the
 * instructions the vector-math, least-squares and GEMM kernels use; `instructions.ts`
 * keeps the unfolded encoders the first GEMM module was written with.
 *
 * (Over 400 lines because it is one table: a builder per instruction, grouped by type.)
 *
 * @module
 */

import { ArgumentRangeError, InputTypeError } from "../errors.ts";
import { describeValue, requireNumber, requireOneOf } from "../_util/validate.ts";
import { encodeSignedLeb128, encodeUnsignedLeb128 } from "./leb128.ts";
import {
  requireCode,
  requireCodes,
  requireI32,
  requireI64,
  requireIndex,
  requireLane,
} from "./_check.ts";

/** Bytes of WebAssembly code.
 * @category WebAssembly encoder */
export type Code = number[];

/** The value types of locals, parameters and results.
 * @category WebAssembly encoder */
export type WasmType = "i32" | "i64" | "f64" | "v128";

const TYPE_BYTE: Record<WasmType, number> = { i32: 0x7f, i64: 0x7e, f64: 0x7c, v128: 0x7b };
const TYPES = Object.keys(TYPE_BYTE) as WasmType[];

/*
 * Every builder checks its operands where it is entered (requireCode: one pass over the
 * bytes, no call per byte; the names are string literals, built into a message only on
 * failure), so a wrong argument is an InputTypeError or ArgumentRangeError naming the
 * instruction and the operand, never a module that fails to validate later.
 */

const cat = (...parts: Code[]): Code => parts.flat();
const simdOp = (sub: number, ...immediates: number[]): Code => [
  0xfd,
  ...encodeUnsignedLeb128(sub),
  ...immediates,
];
/** A memarg: the alignment exponent (a constant of the builder), then the checked offset. */
const memarg = (alignLog2: number, offset: unknown, what: string): Code => {
  requireIndex(offset, what);
  return [...encodeUnsignedLeb128(alignLog2), ...encodeUnsignedLeb128(offset)];
};
/** An instruction taking one operand: the code that pushes the operand, then the opcode.
 * @category WebAssembly encoder */
export type UnaryInstruction = (operand: Code) => Code;
/** An instruction taking two operands: the code that pushes each, then the opcode.
 * @category WebAssembly encoder */
export type BinaryInstruction = (left: Code, right: Code) => Code;

const unary = (name: string, op: Code): UnaryInstruction => {
  const what = `${name} operand`;
  return (a: Code): Code => {
    requireCode(a, what);
    return cat(a, op);
  };
};
const binary = (
  name: string,
  op: Code,
  leftName = "left operand",
  rightName = "right operand",
): BinaryInstruction => {
  const left = `${name} ${leftName}`, right = `${name} ${rightName}`;
  return (a: Code, b: Code): Code => {
    requireCode(a, left);
    requireCode(b, right);
    return cat(a, b, op);
  };
};

/** A load: the address operand, then the opcode and its memarg (the offset a u32).
 * @category WebAssembly encoder */
export type LoadInstruction = (address: Code, offset?: number) => Code;
/** A store: the address and value operands, then the opcode and its memarg.
 * @category WebAssembly encoder */
export type StoreInstruction = (address: Code, value: Code, offset?: number) => Code;

const load = (name: string, op: Code, alignLog2: number): LoadInstruction => {
  const address = `${name} address`, offsetName = `${name} offset`;
  return (a: Code, offset = 0): Code => {
    requireCode(a, address);
    return cat(a, op, memarg(alignLog2, offset, offsetName));
  };
};
const store = (name: string, op: Code, alignLog2: number): StoreInstruction => {
  const address = `${name} address`, value = `${name} value`, offsetName = `${name} offset`;
  return (a: Code, v: Code, offset = 0): Code => {
    requireCode(a, address);
    requireCode(v, value);
    return cat(a, v, op, memarg(alignLog2, offset, offsetName));
  };
};

/**
 * `local.get index`.
 *
 * @example
 * ```ts
 * import { get } from "@nnref/nnref/wasm";
 * if (get(2).join() !== "32,2") throw new Error("20 02");
 * ```
 * @category WebAssembly encoder
 */
export function get(index: number): Code {
  requireIndex(index, "local.get index");
  return [0x20, ...encodeUnsignedLeb128(index)];
}

/**
 * `local.set index` of the value `value` pushes.
 *
 * @example
 * ```ts
 * import { i32, set } from "@nnref/nnref/wasm";
 * if (set(1, i32.const(0)).join() !== "65,0,33,1") throw new Error("41 00 21 01");
 * ```
 * @category WebAssembly encoder
 */
export function set(index: number, value: Code): Code {
  requireIndex(index, "local.set index");
  requireCode(value, "local.set value");
  return cat(value, [0x21, ...encodeUnsignedLeb128(index)]);
}

/**
 * `local.tee index`: sets the local and leaves the value on the stack.
 *
 * @example
 * ```ts
 * import { get, tee } from "@nnref/nnref/wasm";
 * if (tee(0, get(1)).join() !== "32,1,34,0") throw new Error("20 01 22 00");
 * ```
 * @category WebAssembly encoder
 */
export function tee(index: number, value: Code): Code {
  requireIndex(index, "local.tee index");
  requireCode(value, "local.tee value");
  return cat(value, [0x22, ...encodeUnsignedLeb128(index)]);
}

/**
 * A `block` with no result; `br 0` inside it jumps to its end.
 *
 * @example
 * ```ts
 * import { block } from "@nnref/nnref/wasm";
 * if (block([]).join() !== "2,64,11") throw new Error("02 40 0B");
 * ```
 * @category WebAssembly encoder
 */
export function block(body: Code): Code {
  requireCode(body, "block body");
  return cat([0x02, 0x40], body, [0x0b]);
}

/**
 * A `loop` with no result; `br 0` inside it jumps back to its start.
 *
 * @example
 * ```ts
 * import { loop } from "@nnref/nnref/wasm";
 * if (loop([]).join() !== "3,64,11") throw new Error("03 40 0B");
 * ```
 * @category WebAssembly encoder
 */
export function loop(body: Code): Code {
  requireCode(body, "loop body");
  return cat([0x03, 0x40], body, [0x0b]);
}

/**
 * `if` on an i32 condition, with an optional `else` branch and an optional result type
 * (then both branches must push one value of it).
 *
 * @example
 * ```ts
 * import { f64, get, ifThen } from "@nnref/nnref/wasm";
 * const code = ifThen(get(0), f64.const(1), f64.const(2), "f64");
 * if (code[2] !== 0x04 || code[3] !== 0x7c) throw new Error("if with result f64");
 * ```
 * @category WebAssembly encoder
 */
export function ifThen(
  condition: Code,
  then: Code,
  otherwise?: Code,
  result?: WasmType,
): Code {
  requireCode(condition, "if condition");
  requireCode(then, "if then-branch");
  if (otherwise !== undefined) requireCode(otherwise, "if else-branch");
  if (result !== undefined) requireOneOf(result, TYPES, "if result type");
  const type = result === undefined ? 0x40 : TYPE_BYTE[result];
  return cat(
    condition,
    [0x04, type],
    then,
    otherwise === undefined ? [] : cat([0x05], otherwise),
    [0x0b],
  );
}

/**
 * `br depth`: to the end of the `depth`-th enclosing block (start of a loop).
 *
 * @example
 * ```ts
 * import { br } from "@nnref/nnref/wasm";
 * if (br(1).join() !== "12,1") throw new Error("0C 01");
 * ```
 * @category WebAssembly encoder
 */
export function br(depth: number): Code {
  requireIndex(depth, "br depth");
  return [0x0c, ...encodeUnsignedLeb128(depth)];
}

/**
 * `br_if depth` on an i32 condition (named branchIf: instructions.ts has the unfolded `brIf`).
 *
 * @example
 * ```ts
 * import { branchIf, get } from "@nnref/nnref/wasm";
 * if (branchIf(0, get(3)).join() !== "32,3,13,0") throw new Error("20 03 0D 00");
 * ```
 * @category WebAssembly encoder
 */
export function branchIf(depth: number, condition: Code): Code {
  requireIndex(depth, "br_if depth");
  requireCode(condition, "br_if condition");
  return cat(condition, [0x0d, ...encodeUnsignedLeb128(depth)]);
}

/**
 * `call index` with the arguments' code in order.
 *
 * @example
 * ```ts
 * import { call, f64 } from "@nnref/nnref/wasm";
 * if (call(3, f64.const(0)).at(-2) !== 0x10) throw new Error("10 03");
 * ```
 * @category WebAssembly encoder
 */
export function call(index: number, ...args: Code[]): Code {
  requireIndex(index, "call function index");
  requireCodes(args, "call argument");
  return cat(...args, [0x10, ...encodeUnsignedLeb128(index)]);
}

/**
 * `return` of the values pushed by `values`.
 *
 * @example
 * ```ts
 * import { get, ret } from "@nnref/nnref/wasm";
 * if (ret(get(0)).join() !== "32,0,15") throw new Error("20 00 0F");
 * ```
 * @category WebAssembly encoder
 */
export function ret(...values: Code[]): Code {
  requireCodes(values, "return value");
  return cat(...values, [0x0f]);
}

/**
 * `drop`: discards the value `value` pushes.
 *
 * @example
 * ```ts
 * import { drop, get } from "@nnref/nnref/wasm";
 * if (drop(get(0)).join() !== "32,0,26") throw new Error("20 00 1A");
 * ```
 * @category WebAssembly encoder
 */
export function drop(value: Code): Code {
  requireCode(value, "drop operand");
  return cat(value, [0x1a]);
}

/**
 * `select`: `condition ? a : b` for numeric (non-vector) values, both evaluated.
 *
 * @example
 * ```ts
 * import { get, select } from "@nnref/nnref/wasm";
 * if (select(get(0), get(1), get(2)).at(-1) !== 0x1b) throw new Error("1B");
 * ```
 * @category WebAssembly encoder
 */
export function select(a: Code, b: Code, condition: Code): Code {
  requireCode(a, "select first operand");
  requireCode(b, "select second operand");
  requireCode(condition, "select condition");
  return cat(a, b, condition, [0x1b]);
}

/**
 * i32 instructions.
 *
 * @example
 * ```ts
 * import { i32 } from "@nnref/nnref/wasm";
 * if (i32.add(i32.const(1), i32.const(2)).join() !== "65,1,65,2,106") throw new Error("i32.add");
 * ```
 * @category WebAssembly encoder
 */
export const i32 = {
  /** `i32.const`, signed LEB128 (values in [2³¹, 2³²) are written as their two's complement). */
  const: (value: number): Code => {
    requireI32(value, "i32.const value");
    return [0x41, ...encodeSignedLeb128(value | 0)];
  },
  eqz: unary("i32.eqz", [0x45]) as UnaryInstruction,
  eq: binary("i32.eq", [0x46]) as BinaryInstruction,
  ne: binary("i32.ne", [0x47]) as BinaryInstruction,
  ltS: binary("i32.ltS", [0x48]) as BinaryInstruction,
  ltU: binary("i32.ltU", [0x49]) as BinaryInstruction,
  gtS: binary("i32.gtS", [0x4a]) as BinaryInstruction,
  gtU: binary("i32.gtU", [0x4b]) as BinaryInstruction,
  leS: binary("i32.leS", [0x4c]) as BinaryInstruction,
  leU: binary("i32.leU", [0x4d]) as BinaryInstruction,
  geS: binary("i32.geS", [0x4e]) as BinaryInstruction,
  geU: binary("i32.geU", [0x4f]) as BinaryInstruction,
  add: binary("i32.add", [0x6a]) as BinaryInstruction,
  sub: binary("i32.sub", [0x6b]) as BinaryInstruction,
  mul: binary("i32.mul", [0x6c]) as BinaryInstruction,
  and: binary("i32.and", [0x71]) as BinaryInstruction,
  or: binary("i32.or", [0x72]) as BinaryInstruction,
  shl: binary("i32.shl", [0x74]) as BinaryInstruction,
  shrS: binary("i32.shrS", [0x75]) as BinaryInstruction,
  shrU: binary("i32.shrU", [0x76]) as BinaryInstruction,
  wrapI64: unary("i32.wrapI64", [0xa7]) as UnaryInstruction,
  truncSatF64S: unary("i32.truncSatF64S", [0xfc, 0x02]) as UnaryInstruction,
  load: load("i32.load", [0x28], 2) as LoadInstruction,
  store: store("i32.store", [0x36], 2) as StoreInstruction,
} as const;

/**
 * i64 instructions.
 *
 * @example
 * ```ts
 * import { i64 } from "@nnref/nnref/wasm";
 * if (i64.const(-1n).join() !== "66,127") throw new Error("42 7F");
 * ```
 * @category WebAssembly encoder
 */
export const i64 = {
  /** `i64.const` of a bigint (two's complement for values ≥ 2⁶³). */
  const: (value: bigint): Code => {
    requireI64(value, "i64.const value");
    return [0x42, ...encodeSignedLeb128(BigInt.asIntN(64, value))];
  },
  eq: binary("i64.eq", [0x51]) as BinaryInstruction,
  add: binary("i64.add", [0x7c]) as BinaryInstruction,
  sub: binary("i64.sub", [0x7d]) as BinaryInstruction,
  and: binary("i64.and", [0x83]) as BinaryInstruction,
  shl: binary("i64.shl", [0x86]) as BinaryInstruction,
  shrS: binary("i64.shrS", [0x87]) as BinaryInstruction,
  shrU: binary("i64.shrU", [0x88]) as BinaryInstruction,
  extendI32S: unary("i64.extendI32S", [0xac]) as UnaryInstruction,
  extendI32U: unary("i64.extendI32U", [0xad]) as UnaryInstruction,
  reinterpretF64: unary("i64.reinterpretF64", [0xbd]) as UnaryInstruction,
  load: load("i64.load", [0x29], 3) as LoadInstruction,
  store: store("i64.store", [0x37], 3) as StoreInstruction,
} as const;

/** The 8 little-endian bytes of a double. */
function f64Bytes(value: number): number[] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value, true);
  return Array.from(new Uint8Array(view.buffer));
}

/**
 * f64 instructions.
 *
 * @example f64.const writes the IEEE bytes little-endian
 * ```ts
 * import { f64 } from "@nnref/nnref/wasm";
 * if (f64.const(1).join() !== "68,0,0,0,0,0,0,240,63") throw new Error("44 … F0 3F");
 * ```
 * @category WebAssembly encoder
 */
export const f64 = {
  const: (value: number): Code => {
    requireNumber(value, "f64.const value");
    return [0x44, ...f64Bytes(value)];
  },
  eq: binary("f64.eq", [0x61]) as BinaryInstruction,
  ne: binary("f64.ne", [0x62]) as BinaryInstruction,
  lt: binary("f64.lt", [0x63]) as BinaryInstruction,
  gt: binary("f64.gt", [0x64]) as BinaryInstruction,
  le: binary("f64.le", [0x65]) as BinaryInstruction,
  ge: binary("f64.ge", [0x66]) as BinaryInstruction,
  abs: unary("f64.abs", [0x99]) as UnaryInstruction,
  neg: unary("f64.neg", [0x9a]) as UnaryInstruction,
  sqrt: unary("f64.sqrt", [0x9f]) as UnaryInstruction,
  add: binary("f64.add", [0xa0]) as BinaryInstruction,
  sub: binary("f64.sub", [0xa1]) as BinaryInstruction,
  mul: binary("f64.mul", [0xa2]) as BinaryInstruction,
  div: binary("f64.div", [0xa3]) as BinaryInstruction,
  min: binary("f64.min", [0xa4]) as BinaryInstruction,
  max: binary("f64.max", [0xa5]) as BinaryInstruction,
  copysign: binary("f64.copysign", [0xa6]) as BinaryInstruction,
  convertI32S: unary("f64.convertI32S", [0xb7]) as UnaryInstruction,
  convertI64S: unary("f64.convertI64S", [0xb9]) as UnaryInstruction,
  reinterpretI64: unary("f64.reinterpretI64", [0xbf]) as UnaryInstruction,
  load: load("f64.load", [0x2b], 3) as LoadInstruction,
  store: store("f64.store", [0x39], 3) as StoreInstruction,
} as const;

/**
 * v128 instructions that do not care about lanes: memory, bitwise logic, constants.
 *
 * @example
 * ```ts
 * import { get, v128 } from "@nnref/nnref/wasm";
 * if (v128.load(get(0), 16).join() !== "32,0,253,0,4,16") throw new Error("v128.load offset=16");
 * ```
 * @category WebAssembly encoder
 */
export const v128 = {
  load: load("v128.load", simdOp(0x00), 4) as LoadInstruction,
  store: store("v128.store", simdOp(0x0b), 4) as StoreInstruction,
  /** One f64 loaded into both lanes. */
  load64Splat: load("v128.load64Splat", simdOp(0x0a), 3) as LoadInstruction,
  /** One f64 loaded into lane 0, lane 1 zero. */
  load64Zero: load("v128.load64Zero", simdOp(0x5d), 3) as LoadInstruction,
  /** `vector` with lane `lane` replaced by the f64 at the address. */
  load64Lane: (address: Code, vector: Code, lane: 0 | 1, offset = 0): Code => {
    requireCode(address, "v128.load64Lane address");
    requireCode(vector, "v128.load64Lane vector");
    requireLane(lane, "v128.load64Lane lane");
    return cat(address, vector, simdOp(0x57), memarg(3, offset, "v128.load64Lane offset"), [lane]);
  },
  /** Stores lane `lane` of `vector` as one f64. */
  store64Lane: (address: Code, vector: Code, lane: 0 | 1, offset = 0): Code => {
    requireCode(address, "v128.store64Lane address");
    requireCode(vector, "v128.store64Lane vector");
    requireLane(lane, "v128.store64Lane lane");
    return cat(address, vector, simdOp(0x5b), memarg(3, offset, "v128.store64Lane offset"), [lane]);
  },
  /** Two f64 lanes (little-endian bytes). */
  constF64: (lane0: number, lane1: number = lane0): Code => {
    requireNumber(lane0, "v128.constF64 lane 0");
    requireNumber(lane1, "v128.constF64 lane 1");
    return simdOp(0x0c, ...f64Bytes(lane0), ...f64Bytes(lane1));
  },
  /** Two i64 lanes. */
  constI64: (lane0: bigint, lane1: bigint = lane0): Code => {
    requireI64(lane0, "v128.constI64 lane 0");
    requireI64(lane1, "v128.constI64 lane 1");
    const view = new DataView(new ArrayBuffer(16));
    view.setBigUint64(0, BigInt.asUintN(64, lane0), true);
    view.setBigUint64(8, BigInt.asUintN(64, lane1), true);
    return simdOp(0x0c, ...new Uint8Array(view.buffer));
  },
  not: unary("v128.not", simdOp(0x4d)) as UnaryInstruction,
  and: binary("v128.and", simdOp(0x4e)) as BinaryInstruction,
  /** a AND NOT b. */
  andnot: binary("v128.andnot", simdOp(0x4f)) as BinaryInstruction,
  or: binary("v128.or", simdOp(0x50)) as BinaryInstruction,
  xor: binary("v128.xor", simdOp(0x51)) as BinaryInstruction,
  /** Bits of a where mask is 1, of b where it is 0. */
  bitselect: (a: Code, b: Code, mask: Code): Code => {
    requireCode(a, "v128.bitselect first operand");
    requireCode(b, "v128.bitselect second operand");
    requireCode(mask, "v128.bitselect mask");
    return cat(a, b, mask, simdOp(0x52));
  },
  /** i32 1 if any bit is set. */
  anyTrue: unary("v128.anyTrue", simdOp(0x53)) as UnaryInstruction,
} as const;

/**
 * i8x16 lane shuffles (used to gather f64 lanes from two vectors).
 *
 * @example lanes 0 of a and 0 of b: bytes 0–7 then 16–23
 * ```ts
 * import { i8x16 } from "@nnref/nnref/wasm";
 * const code = i8x16.shuffle([], [], [0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23]);
 * if (code[0] !== 0xfd || code[1] !== 0x0d || code.length !== 18) throw new Error("FD 0D + 16");
 * ```
 * @category WebAssembly encoder
 */
export const i8x16 = {
  shuffle: (a: Code, b: Code, lanes: readonly number[]): Code => {
    requireCode(a, "i8x16.shuffle first operand");
    requireCode(b, "i8x16.shuffle second operand");
    if (!Array.isArray(lanes)) {
      throw new InputTypeError(
        `i8x16.shuffle lanes must be an array of 16 lane indices in [0, 31], got ${
          describeValue(lanes)
        }`,
      );
    }
    if (lanes.length !== 16 || lanes.some((l) => !Number.isInteger(l) || l < 0 || l > 31)) {
      throw new ArgumentRangeError(
        `i8x16.shuffle lanes must be 16 lane indices in [0, 31], got [${lanes}]`,
      );
    }
    return cat(a, b, simdOp(0x0d, ...lanes));
  },
} as const;

/**
 * i64x2 instructions (integer views of f64 lanes: exponent arithmetic, table indices).
 *
 * @example
 * ```ts
 * import { i64x2 } from "@nnref/nnref/wasm";
 * if (i64x2.add([], []).join() !== "253,206,1") throw new Error("FD CE 01");
 * ```
 * @category WebAssembly encoder
 */
export const i64x2 = {
  splat: unary("i64x2.splat", simdOp(0x12)) as UnaryInstruction,
  extractLane: (vector: Code, lane: 0 | 1): Code => {
    requireCode(vector, "i64x2.extractLane vector");
    requireLane(lane, "i64x2.extractLane lane");
    return cat(vector, simdOp(0x1d, lane));
  },
  /** 1 if both lanes are non-zero. */
  allTrue: unary("i64x2.allTrue", simdOp(0xc3)) as UnaryInstruction,
  /** Bit i = the sign bit of lane i. */
  bitmask: unary("i64x2.bitmask", simdOp(0xc4)) as UnaryInstruction,
  shl: binary("i64x2.shl", simdOp(0xcb), "vector", "count") as BinaryInstruction,
  shrS: binary("i64x2.shrS", simdOp(0xcc), "vector", "count") as BinaryInstruction,
  shrU: binary("i64x2.shrU", simdOp(0xcd), "vector", "count") as BinaryInstruction,
  add: binary("i64x2.add", simdOp(0xce)) as BinaryInstruction,
  sub: binary("i64x2.sub", simdOp(0xd1)) as BinaryInstruction,
} as const;

/**
 * f64x2 instructions: two IEEE binary64 lanes, each rounded exactly as the scalar f64
 * instruction would (so a lane computes the same bits as scalar code doing the same
 * operations), plus the relaxed fused multiply-add, whose rounding is engine-defined.
 *
 * @example
 * ```ts
 * import { f64x2 } from "@nnref/nnref/wasm";
 * if (f64x2.mul([], []).join() !== "253,242,1") throw new Error("FD F2 01");
 * if (f64x2.relaxedMadd([], [], []).join() !== "253,135,2") throw new Error("FD 87 02");
 * ```
 * @category WebAssembly encoder
 */
export const f64x2 = {
  splat: unary("f64x2.splat", simdOp(0x14)) as UnaryInstruction,
  extractLane: (vector: Code, lane: 0 | 1): Code => {
    requireCode(vector, "f64x2.extractLane vector");
    requireLane(lane, "f64x2.extractLane lane");
    return cat(vector, simdOp(0x21, lane));
  },
  replaceLane: (vector: Code, value: Code, lane: 0 | 1): Code => {
    requireCode(vector, "f64x2.replaceLane vector");
    requireCode(value, "f64x2.replaceLane value");
    requireLane(lane, "f64x2.replaceLane lane");
    return cat(vector, value, simdOp(0x22, lane));
  },
  eq: binary("f64x2.eq", simdOp(0x47)) as BinaryInstruction,
  ne: binary("f64x2.ne", simdOp(0x48)) as BinaryInstruction,
  lt: binary("f64x2.lt", simdOp(0x49)) as BinaryInstruction,
  gt: binary("f64x2.gt", simdOp(0x4a)) as BinaryInstruction,
  le: binary("f64x2.le", simdOp(0x4b)) as BinaryInstruction,
  ge: binary("f64x2.ge", simdOp(0x4c)) as BinaryInstruction,
  abs: unary("f64x2.abs", simdOp(0xec)) as UnaryInstruction,
  neg: unary("f64x2.neg", simdOp(0xed)) as UnaryInstruction,
  sqrt: unary("f64x2.sqrt", simdOp(0xef)) as UnaryInstruction,
  add: binary("f64x2.add", simdOp(0xf0)) as BinaryInstruction,
  sub: binary("f64x2.sub", simdOp(0xf1)) as BinaryInstruction,
  mul: binary("f64x2.mul", simdOp(0xf2)) as BinaryInstruction,
  div: binary("f64x2.div", simdOp(0xf3)) as BinaryInstruction,
  /** IEEE-754 minimum: NaN if either lane is NaN, −0 < +0. */
  min: binary("f64x2.min", simdOp(0xf4)) as BinaryInstruction,
  max: binary("f64x2.max", simdOp(0xf5)) as BinaryInstruction,
  /** Pseudo-minimum b < a ? b : a (no NaN propagation rule). */
  pmin: binary("f64x2.pmin", simdOp(0xf6)) as BinaryInstruction,
  pmax: binary("f64x2.pmax", simdOp(0xf7)) as BinaryInstruction,
  /** a·b + c, fused or not at the engine's choice (relaxed SIMD). */
  relaxedMadd: (a: Code, b: Code, c: Code): Code => {
    requireCode(a, "f64x2.relaxedMadd first operand");
    requireCode(b, "f64x2.relaxedMadd second operand");
    requireCode(c, "f64x2.relaxedMadd addend");
    return cat(a, b, c, simdOp(0x107));
  },
} as const;
