/**
 * WebAssembly: a WebAssembly module encoder written in TypeScript and the SIMD kernels built
 * with it. The root entry point exports only the kernels; the encoder's instruction helpers
 * are here.
 *
 * @example
 * ```ts
 * import { fromRows } from "@nnref/nnref/linalg";
 * import { matmulWasmSimd } from "@nnref/nnref/wasm";
 * // The f64x2 SIMD kernel where WebAssembly SIMD is available, the TypeScript one elsewhere.
 * const c = matmulWasmSimd(fromRows([[1, 2]]), fromRows([[3], [4]]));
 * if (c.data[0] !== 11) throw new Error("1·3 + 2·4 = 11");
 * ```
 *
 * @module
 */

export {
  GEMM_EXPORTS,
  GEMM_TILE,
  GEMM_TILE_COLUMNS_DEFAULT,
  GEMM_UNROLL,
  gemmModule,
} from "./gemm_module.ts";
export {
  brIf,
  control,
  EMPTY_BLOCK_TYPE,
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
} from "./instructions.ts";
export { encodeSignedLeb128, encodeUnsignedLeb128 } from "./leb128.ts";
export {
  createWasmMatmul,
  matmulWasmSimd,
  type WasmMatmul,
  wasmMatmulBackend,
  type WasmMatmulOptions,
} from "./matmul_simd.ts";
export {
  encodeModule,
  encodeName,
  encodeSection,
  encodeVector,
  type FunctionDefinition,
  type MemoryDefinition,
  type ModuleDefinition,
  SECTION_ID,
  VALUE_TYPE,
  type ValueType,
} from "./module_encoder.ts";
export { hasWasmSimd, simdProbeModule } from "./simd_support.ts";
