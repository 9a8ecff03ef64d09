/**
 * Every kernel variant in one place: for each operation, the reference kernel and the
 * faster ones that must agree with it (bit for bit, or within the error each states).
 * Specs and benchmarks iterate these registries, so a variant added here is verified by
 * the same fixtures before it is timed.
 *
 * This module is also the one home of the dispatch between the TypeScript kernels and
 * the WebAssembly ones: `lib/linalg/` and the other areas never import `lib/wasm/`;
 * `lib/wasm/` may fall back to them; this file imports both.
 *
 * @module
 */

import { matmulBlocked, matmulIkj, matmulNaive } from "./linalg/matmul.ts";
import { matmulWasmFma, matmulWasmSimd } from "./wasm/matmul_simd.ts";
import {
  type LeastSquaresSolver,
  leastSquaresTsqrRefined,
  LSTSQ_VARIANTS as LSTSQ_METHODS,
} from "./linalg/lstsq.ts";
import {
  type ForwardKernel,
  MLP_FORWARD_VARIANTS as MLP_FORWARD_TYPESCRIPT,
} from "./nn/forward.ts";
import { backwardWasm, forwardWasm } from "./wasm/mlp.ts";
import {
  type BackwardKernel,
  MLP_BACKWARD_VARIANTS as MLP_BACKWARD_TYPESCRIPT,
} from "./nn/backward.ts";
import { SIGMOID_VARIANTS as SIGMOID_TYPESCRIPT } from "./activation/sigmoid.ts";
import {
  logSoftmax,
  logSumExp,
  SOFTMAX_VARIANTS as SOFTMAX_TYPESCRIPT,
} from "./activation/softmax.ts";
import { tanhArray } from "./activation/tanh.ts";
import type { Matrix } from "./linalg/matrix.ts";
import {
  expArrayWasm,
  logSoftmaxRowsWasm,
  logSumExpRowsWasm,
  sigmoidArrayWasm,
  softmaxRowsWasm,
  tanhArrayWasm,
} from "./wasm/vecmath.ts";

export type { Matrix } from "./linalg/matrix.ts";
export { SIGMOID_DERIVATIVE_FROM_OUTPUT_VARIANTS } from "./activation/sigmoid.ts";
export { GD_STEP_VARIANTS } from "./optim/gd_step.ts";
export { SUM_VARIANTS } from "./series/summation.ts";

/**
 * Every matrix-product kernel that must agree with {@link matmulNaive} bit for bit; specs
 * and benchmarks iterate over it.
 *
 * @example Every variant gives the same product
 * ```ts
 * import { fromRows } from "@nnref/nnref/linalg";
 * import { MATMUL_VARIANTS } from "@nnref/nnref/variants";
 * const a = fromRows([[1, 2], [3, 4]]), b = fromRows([[5, 6], [7, 8]]);
 * for (const [name, kernel] of Object.entries(MATMUL_VARIANTS)) {
 *   if (kernel(a, b).data[3] !== 50) throw new Error(`${name}: C₁₁ = 3·6 + 4·8 = 50`);
 * }
 * ```
 * @category Variants
 */
export const MATMUL_VARIANTS = {
  naive: matmulNaive,
  ikj: matmulIkj,
  blocked: matmulBlocked,
  wasmSimd: matmulWasmSimd,
} as const;

/** An elementwise kernel: `out[i] = f(values[i])`, into `out` when given.
 * @category Variants */
export type ElementwiseKernel = (values: ArrayLike<number>, out?: Float64Array) => Float64Array;

/**
 * Every σ kernel: the TypeScript ones of lib/activation/sigmoid.ts (`stable` is the
 * reference) and `wasmSimd`, σ on the f64x2 exponential (within the bound measured in
 * fixtures/wasm/vecmath.json; the same bytes on every engine).
 *
 * @example
 * ```ts
 * import { SIGMOID_VARIANTS } from "@nnref/nnref/variants";
 * for (const [name, kernel] of Object.entries(SIGMOID_VARIANTS)) {
 *   if (kernel([0])[0] !== 0.5) throw new Error(`${name}: σ(0) = ½`);
 * }
 * ```
 * @category Variants
 */
export const SIGMOID_VARIANTS: Readonly<
  Record<"stable" | "reciprocal" | "tanh" | "wasmSimd", ElementwiseKernel>
> = Object.freeze({ ...SIGMOID_TYPESCRIPT, wasmSimd: sigmoidArrayWasm });

/**
 * Every tanh kernel: `math` (Math.tanh per entry, the reference) and `wasmSimd` (on the
 * f64x2 exponential, within the bound measured in fixtures/wasm/vecmath.json).
 *
 * @example
 * ```ts
 * import { TANH_VARIANTS } from "@nnref/nnref/variants";
 * for (const kernel of Object.values(TANH_VARIANTS)) {
 *   if (kernel([0, 30])[1] !== 1) throw new Error("tanh 30 rounds to 1");
 * }
 * ```
 * @category Variants
 */
export const TANH_VARIANTS: Readonly<Record<"math" | "wasmSimd", ElementwiseKernel>> = Object
  .freeze({ math: tanhArray, wasmSimd: tanhArrayWasm });

function expArrayMath(values: ArrayLike<number>, out?: Float64Array): Float64Array {
  const result = out ?? new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) result[i] = Math.exp(values[i]);
  return result;
}

/**
 * Every e^x kernel: `math` (Math.exp per entry, the reference; its rounding differs
 * between V8 and JavaScriptCore) and `wasmSimd` (below 1 ulp, the same bytes everywhere:
 * fixtures/wasm/exp.json).
 *
 * @example
 * ```ts
 * import { EXP_VARIANTS } from "@nnref/nnref/variants";
 * for (const kernel of Object.values(EXP_VARIANTS)) {
 *   if (kernel([0])[0] !== 1) throw new Error("e⁰ = 1");
 * }
 * ```
 * @category Variants
 */
export const EXP_VARIANTS: Readonly<Record<"math" | "wasmSimd", ElementwiseKernel>> = Object
  .freeze({ math: expArrayMath, wasmSimd: expArrayWasm });

/**
 * Every row-softmax kernel: the TypeScript ones (`shifted` is the reference) and
 * `wasmSimd` (f64x2 exponential, compensated sums: within a few ulp of the exact softmax,
 * see fixtures/wasm/vecmath.json).
 *
 * @example
 * ```ts
 * import { SOFTMAX_VARIANTS } from "@nnref/nnref/variants";
 * const m = { rows: 1, cols: 2, data: new Float64Array([0, 0]) };
 * for (const kernel of Object.values(SOFTMAX_VARIANTS)) {
 *   if (kernel(m).data[1] !== 0.5) throw new Error("½ for equal logits");
 * }
 * ```
 * @category Variants
 */
export const SOFTMAX_VARIANTS: Readonly<
  Record<"shifted" | "unshifted" | "logSumExp" | "wasmSimd", (m: Matrix, out?: Matrix) => Matrix>
> = Object.freeze({
  ...SOFTMAX_TYPESCRIPT,
  wasmSimd: (m: Matrix, out?: Matrix) => softmaxRowsWasm(m, out),
});

function logSoftmaxRowsTypeScript(m: Matrix, out?: Matrix): Matrix {
  const result = out ?? { rows: m.rows, cols: m.cols, data: new Float64Array(m.data.length) };
  for (let i = 0; i < m.rows; i++) {
    const row = m.data.subarray(i * m.cols, (i + 1) * m.cols);
    logSoftmax(row, result.data.subarray(i * m.cols, (i + 1) * m.cols));
  }
  return result;
}

function logSumExpRowsTypeScript(m: Matrix, out?: Float64Array): Float64Array {
  const result = out ?? new Float64Array(m.rows);
  for (let i = 0; i < m.rows; i++) {
    result[i] = logSumExp(m.data.subarray(i * m.cols, (i + 1) * m.cols));
  }
  return result;
}

/**
 * Every row log-softmax kernel: `rows` (lib/activation's logSoftmax on each row, the
 * reference) and `wasmSimd` (see fixtures/wasm/vecmath.json for its measured error).
 *
 * @example
 * ```ts
 * import { LOG_SOFTMAX_VARIANTS } from "@nnref/nnref/variants";
 * const m = { rows: 1, cols: 2, data: new Float64Array([0, -1000]) };
 * for (const kernel of Object.values(LOG_SOFTMAX_VARIANTS)) {
 *   if (kernel(m).data[1] !== -1000) throw new Error("finite where softmax underflows");
 * }
 * ```
 * @category Variants
 */
export const LOG_SOFTMAX_VARIANTS: Readonly<
  Record<"rows" | "wasmSimd", (m: Matrix, out?: Matrix) => Matrix>
> = Object.freeze({
  rows: logSoftmaxRowsTypeScript,
  wasmSimd: (m: Matrix, out?: Matrix) => logSoftmaxRowsWasm(m, out),
});

/**
 * Every row log-sum-exp kernel: `rows` (lib/activation's logSumExp on each row, the
 * reference) and `wasmSimd` (m + log1p of the remaining sum: fixtures/wasm/vecmath.json).
 *
 * @example
 * ```ts
 * import { LOG_SUM_EXP_VARIANTS } from "@nnref/nnref/variants";
 * const m = { rows: 1, cols: 2, data: new Float64Array([1000, 1000]) };
 * for (const kernel of Object.values(LOG_SUM_EXP_VARIANTS)) {
 *   if (kernel(m)[0] !== 1000 + Math.LN2) throw new Error("1000 + ln 2");
 * }
 * ```
 * @category Variants
 */
export const LOG_SUM_EXP_VARIANTS: Readonly<
  Record<"rows" | "wasmSimd", (m: Matrix, out?: Float64Array) => Float64Array>
> = Object.freeze({ rows: logSumExpRowsTypeScript, wasmSimd: logSumExpRowsWasm });

/**
 * The matrix products that do not keep matmulNaive's bits: `wasmFma`, fused multiply-add
 * through relaxed SIMD where the engine fuses it (V8), within γ_k·|A||B| of the exact
 * product (see lib/wasm/matmul_simd.ts; on JavaScriptCore it runs unfused and equals
 * {@link MATMUL_VARIANTS}' bits).
 *
 * @example
 * ```ts
 * import { fromRows } from "@nnref/nnref/linalg";
 * import { MATMUL_RELAXED_VARIANTS } from "@nnref/nnref/variants";
 * const c = MATMUL_RELAXED_VARIANTS.wasmFma(fromRows([[1, 2]]), fromRows([[3], [4]]));
 * if (c.data[0] !== 11) throw new Error("exact on small integers");
 * ```
 * @category Variants
 */
export const MATMUL_RELAXED_VARIANTS = { wasmFma: matmulWasmFma } as const;

/**
 * Every forward kernel: lib/nn's (`separate` is the reference, `fused` its bits) and
 * `wasmSimd`, the fused WebAssembly pass for networks of layers up to 16 units
 * (lib/wasm/mlp.ts: Z¹ bit for bit, activations on the f64x2 exponential).
 *
 * @example
 * ```ts
 * import { MLP_FORWARD_VARIANTS } from "@nnref/nnref/variants";
 * if (Object.keys(MLP_FORWARD_VARIANTS).join() !== "separate,fused,wasmSimd") throw new Error("three");
 * ```
 * @category Variants
 */
export const MLP_FORWARD_VARIANTS: Readonly<
  Record<"separate" | "fused" | "wasmSimd", ForwardKernel>
> = Object.freeze({ ...MLP_FORWARD_TYPESCRIPT, wasmSimd: forwardWasm });

/**
 * Every least-squares solver: the methods of lib/linalg/lstsq.ts (`accurate` is the
 * reference; `tsqr` runs in WebAssembly) and `tsqrRefined`, TSQR with one refinement step
 * whose residual is computed in double-double (`leastSquares(x, y, { method: "tsqr",
 * refine: true })`).
 *
 * @example
 * ```ts
 * import { fromRows } from "@nnref/nnref/linalg";
 * import { assertClose } from "@nnref/nnref/oracle";
 * import { LSTSQ_VARIANTS } from "@nnref/nnref/variants";
 * const x = fromRows([[1, 0], [1, 1], [1, 2], [1, 3]]);
 * for (const [name, solve] of Object.entries(LSTSQ_VARIANTS)) {
 *   assertClose(solve(x, [1, 2, 2, 4]).weights[1], 0.9, { atol: 1e-14 }, name);
 * }
 * ```
 * @category Variants
 */
export const LSTSQ_VARIANTS: Readonly<
  Record<"normal" | "qr" | "accurate" | "tsqr" | "tsqrRefined", LeastSquaresSolver>
> = Object.freeze({ ...LSTSQ_METHODS, tsqrRefined: leastSquaresTsqrRefined });

/**
 * Every backward kernel: lib/nn's (`separate` is the reference, `fused` its bits) and
 * `wasmSimd` (lib/wasm/mlp.ts: Δ in the reference's order, σ′ and tanh′ on the f64x2
 * exponential, parameter gradients summed over even and odd rows separately).
 *
 * @example
 * ```ts
 * import { MLP_BACKWARD_VARIANTS } from "@nnref/nnref/variants";
 * if (Object.keys(MLP_BACKWARD_VARIANTS).join() !== "separate,fused,wasmSimd") throw new Error("three");
 * ```
 * @category Variants
 */
export const MLP_BACKWARD_VARIANTS: Readonly<
  Record<"separate" | "fused" | "wasmSimd", BackwardKernel>
> = Object.freeze({ ...MLP_BACKWARD_TYPESCRIPT, wasmSimd: backwardWasm });
