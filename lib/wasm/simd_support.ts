/**
 * Feature detection for WebAssembly SIMD128.
 *
 * `WebAssembly.validate` compiles nothing and throws nothing: it answers whether this
 * engine accepts the bytes. A module whose one function adds two `v128.const` vectors
 * with `f64x2.add` validates exactly where the SIMD proposal (and its f64x2 subset) is
 * implemented, so that is the probe. Engines without WebAssembly at all (some
 * locked-down or JIT-less configurations) report false too.
 *
 * @module
 */

import { encodeModule } from "./module_encoder.ts";
import { f64x2Add, v128ConstF64x2 } from "./instructions.ts";

/**
 * The probe module: `(func (result v128) (f64x2.add (v128.const 1 2) (v128.const 3 4)))`.
 *
 * @returns Its bytes (under 100).
 *
 * @example
 * ```ts
 * import { simdProbeModule } from "@nnref/nnref/wasm";
 * const bytes = simdProbeModule();
 * if (bytes[0] !== 0 || bytes[1] !== 0x61) throw new Error("starts with \\0asm");
 * ```
 * @category WebAssembly
 */
export function simdProbeModule(): Uint8Array<ArrayBuffer> {
  return encodeModule({
    functions: [{
      params: [],
      results: ["v128"],
      locals: [],
      body: [...v128ConstF64x2(1, 2), ...v128ConstF64x2(3, 4), ...f64x2Add()],
    }],
  });
}

/**
 * Whether this engine runs WebAssembly SIMD128 with f64x2 arithmetic.
 *
 * @returns true if `WebAssembly.validate` accepts {@link simdProbeModule}.
 *
 * @example Deno, Bun, Node ≥ 16.4 and current browsers all say yes
 * ```ts
 * import { hasWasmSimd } from "@nnref/nnref/wasm";
 * if (typeof hasWasmSimd() !== "boolean") throw new Error("a boolean, never a throw");
 * ```
 * @category WebAssembly
 */
export function hasWasmSimd(): boolean {
  try {
    return typeof WebAssembly === "object" && WebAssembly.validate(simdProbeModule());
  } catch {
    return false;
  }
}
