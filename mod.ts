/**
 * nnref: a reference implementation and correctness oracle for the mathematics of
 * neural computation — least squares, gradient descent and SGD, perceptron and logistic
 * models, activations, feed-forward networks, backpropagation.
 *
 * Every export is checked against worked results of five teaching documents, through
 * fixtures that record what each document printed, the true value from an independent
 * oracle, and the document's errors.
 *
 * @example Check a value against a document's printed digits
 * ```ts
 * import { assertPrinted, ulpDistance } from "@nnref/nnref";
 * assertPrinted(Math.sqrt(2), "1.41421356");
 * if (ulpDistance(1, 1 + Number.EPSILON) !== 1) throw new Error("one ulp");
 * ```
 *
 * @module
 */

// The oracle toolkit: numeric assertions, the fixture format, verification, replay, and
// the conformance checks for someone else's implementation. The worked results of the
// five documents are not exported here: import them from "@nnref/nnref/worked".
export * from "./oracle/mod.ts";
// Errors by kind, each a subclass of the built-in it replaces, with a stable code.
export * from "./lib/errors.ts";
// Activation functions (also "@nnref/nnref/activation").
export * from "./lib/activation/mod.ts";
// Automatic differentiation (also "@nnref/nnref/autodiff").
export * from "./lib/autodiff/mod.ts";
// Classifiers (also "@nnref/nnref/classify").
export * from "./lib/classify/mod.ts";
// Gradient checking (also "@nnref/nnref/gradcheck").
export * from "./lib/gradcheck/mod.ts";
// Inverse problems (also "@nnref/nnref/inverse").
export * from "./lib/inverse/mod.ts";
// Linear algebra (also "@nnref/nnref/linalg").
export * from "./lib/linalg/mod.ts";
// Loss functions (also "@nnref/nnref/loss").
export * from "./lib/loss/mod.ts";
// Neural networks (also "@nnref/nnref/nn").
export * from "./lib/nn/mod.ts";
// Optimisation (also "@nnref/nnref/optim").
export * from "./lib/optim/mod.ts";
// Random numbers (also "@nnref/nnref/random").
export * from "./lib/random/mod.ts";
// Regression (also "@nnref/nnref/regression").
export * from "./lib/regression/mod.ts";
// Series and summation (also "@nnref/nnref/series").
export * from "./lib/series/mod.ts";
// WebAssembly: the kernels; the module encoder is in "@nnref/nnref/wasm".
export {
  backwardWasm,
  createTwoCore,
  createVecmath,
  createWasmMatmul,
  defaultGemmTile,
  expArrayWasm,
  forwardWasm,
  GEMM_CANDIDATE_TILES,
  type GemmTile,
  type GemmTuning,
  hasWasmSimd,
  logSoftmaxRowsWasm,
  logSumExpRowsWasm,
  matmulWasmFma,
  matmulWasmSimd,
  relaxedMaddSupport,
  sigmoidArrayWasm,
  softmaxRowsWasm,
  type StridedRows,
  tanhArrayWasm,
  tuneGemmTile,
  type TuneGemmTileOptions,
  TWO_CORE_MIN_ELEMENTS,
  TWO_CORE_MIN_GEMM,
  TWO_CORE_WORKER_SHARE,
  type TwoCore,
  type TwoCoreOptions,
  VECMATH_CHUNK,
  vecmathBackend,
  type VecmathKernels,
  wasmFmaBackend,
  wasmForwardBackend,
  type WasmMatmul,
  wasmMatmulBackend,
  type WasmMatmulOptions,
} from "./lib/wasm/mod.ts";
