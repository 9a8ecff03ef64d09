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
  EXP_INV_LN2_N,
  EXP_LN2_N_HI,
  EXP_LN2_N_LO,
  EXP_POLY,
  EXP_ROUND_SHIFT,
  EXP_TABLE_BITS,
  expTableBytes,
} from "./exp_table.ts";
export {
  gemmCopyIn,
  gemmCopyOut,
  type GemmLayout,
  gemmLayout,
  type GemmTile,
} from "./gemm_layout.ts";
export {
  GEMM_EXPORTS,
  GEMM_TILE,
  GEMM_TILE_COLUMNS_DEFAULT,
  GEMM_UNROLL,
  gemmModule,
  type GemmModuleOptions,
} from "./gemm_module.ts";
export {
  GEMM_CANDIDATE_TILES,
  type GemmTuning,
  tuneGemmTile,
  type TuneGemmTileOptions,
} from "./gemm_tune.ts";
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
  defaultGemmTile,
  matmulWasmFma,
  matmulWasmSimd,
  relaxedMaddSupport,
  wasmFmaBackend,
  type WasmMatmul,
  wasmMatmulBackend,
  type WasmMatmulOptions,
} from "./matmul_simd.ts";
export { backwardWasm, forwardWasm, wasmForwardBackend } from "./mlp.ts";
export { mlpBackwardModule } from "./mlp_backward_module.ts";
export {
  MLP_GROUP,
  MLP_HEAP,
  MLP_TABLE,
  type MlpActivationName,
  mlpModule,
  mlpParameterCount,
  type MlpShape,
} from "./mlp_module.ts";
export {
  type DataSegment,
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
export {
  type BinaryInstruction,
  block,
  br,
  branchIf,
  call,
  type Code,
  drop,
  f64,
  f64x2,
  get,
  i32,
  i64,
  i64x2,
  i8x16,
  ifThen,
  type LoadInstruction,
  loop,
  ret,
  select,
  set,
  type StoreInstruction,
  tee,
  type UnaryInstruction,
  v128,
  type WasmType,
} from "./ops.ts";
export { hasWasmSimd, simdProbeModule } from "./simd_support.ts";
export { refineOnce, type TsqrFactor, tsqrFactor } from "./tsqr.ts";
export { TSQR_BLOCK, TSQR_MAX_COLUMNS, tsqrModule } from "./tsqr_module.ts";
export {
  createTwoCore,
  TWO_CORE_MIN_ELEMENTS,
  TWO_CORE_MIN_GEMM,
  TWO_CORE_WORKER_SHARE,
  type TwoCore,
  type TwoCoreOptions,
} from "./two_core.ts";
export {
  createVecmath,
  expArrayWasm,
  logSoftmaxRowsWasm,
  logSumExpRowsWasm,
  sigmoidArrayWasm,
  softmaxRowsWasm,
  type StridedRows,
  tanhArrayWasm,
  VECMATH_CHUNK,
  vecmathBackend,
  type VecmathKernels,
} from "./vecmath.ts";
export {
  TANH_SMALL,
  VECMATH_EXPORTS,
  VECMATH_HEAP,
  VECMATH_TABLE,
  vecmathModule,
} from "./vecmath_module.ts";
