/**
 * LEB128, the variable-length integer encoding of the WebAssembly binary format.
 *
 * Every integer in a module (section sizes, indices, `i32.const` immediates, memory
 * offsets) is written seven bits per byte, least significant group first, with the high
 * bit of each byte saying "more bytes follow". Unsigned values stop when the rest is
 * zero; signed values stop when the rest is all copies of the sign bit *and* the sign bit
 * of the last group agrees, which is why 64 needs two bytes signed but one unsigned.
 *
 * @module
 */

import { ArgumentRangeError, InputTypeError } from "../errors.ts";
import { describeValue } from "../_util/validate.ts";

/**
 * Unsigned LEB128 of a non-negative integer: bytes b₀ b₁ … with
 * value = Σ (bₖ & 0x7f)·2^(7k), bₖ & 0x80 set on every byte but the last.
 *
 * Accepts a `number` (a safe integer) or a `bigint`, so that u64 immediates can be
 * written exactly.
 *
 * @param value The integer to encode (≥ 0).
 * @returns The encoded bytes, shortest form.
 * @throws {InputTypeError} if `value` is neither a number nor a bigint.
 * @throws {ArgumentRangeError} if `value` is negative, not an integer or not a safe integer.
 *
 * @example The specification's example: 624485 is E5 8E 26
 * ```ts
 * import { encodeUnsignedLeb128 } from "@nnref/nnref/wasm";
 * const bytes = encodeUnsignedLeb128(624485);
 * if (bytes.join(",") !== [0xe5, 0x8e, 0x26].join(",")) throw new Error("E5 8E 26");
 * ```
 * @category WebAssembly encoder
 */
export function encodeUnsignedLeb128(value: number | bigint): number[] {
  let rest = toBigInt(value, "Unsigned LEB128 value");
  if (rest < 0n) {
    throw new ArgumentRangeError(`Unsigned LEB128 value must be ≥ 0, got ${value}`);
  }
  const bytes: number[] = [];
  do {
    const group = Number(rest & 0x7fn);
    rest >>= 7n;
    bytes.push(rest === 0n ? group : group | 0x80);
  } while (rest !== 0n);
  return bytes;
}

/**
 * Signed LEB128 of an integer (two's complement, sign-extended from the last group):
 * value = Σ (bₖ & 0x7f)·2^(7k) − (b_last & 0x40 ? 2^(7(last+1)) : 0).
 *
 * @param value The integer to encode.
 * @returns The encoded bytes, shortest form.
 * @throws {InputTypeError} if `value` is neither a number nor a bigint.
 * @throws {ArgumentRangeError} if `value` is not an integer or not a safe integer.
 *
 * @example −123456 is C0 BB 78; 64 needs a second byte because bit 6 is the sign
 * ```ts
 * import { encodeSignedLeb128 } from "@nnref/nnref/wasm";
 * if (encodeSignedLeb128(-123456).join(",") !== "192,187,120") throw new Error("C0 BB 78");
 * if (encodeSignedLeb128(64).join(",") !== "192,0") throw new Error("C0 00");
 * ```
 * @category WebAssembly encoder
 */
export function encodeSignedLeb128(value: number | bigint): number[] {
  let rest = toBigInt(value, "Signed LEB128 value");
  const bytes: number[] = [];
  for (;;) {
    const group = Number(rest & 0x7fn);
    rest >>= 7n; // arithmetic shift: keeps the sign
    const signBitClear = (group & 0x40) === 0;
    if ((rest === 0n && signBitClear) || (rest === -1n && !signBitClear)) {
      bytes.push(group);
      return bytes;
    }
    bytes.push(group | 0x80);
  }
}

function toBigInt(value: number | bigint, what: string): bigint {
  if (typeof value === "bigint") return value;
  if (typeof value !== "number") {
    throw new InputTypeError(
      `${what} must be a safe integer or a bigint, got ${describeValue(value)}`,
    );
  }
  if (!Number.isSafeInteger(value)) {
    throw new ArgumentRangeError(`${what} must be a safe integer or a bigint, got ${value}`);
  }
  return BigInt(value);
}
