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
import { matmulWasmSimd } from "./wasm/matmul_simd.ts";

export { SIGMOID_DERIVATIVE_FROM_OUTPUT_VARIANTS, SIGMOID_VARIANTS } from "./activation/sigmoid.ts";
export { SOFTMAX_VARIANTS } from "./activation/softmax.ts";
export { LSTSQ_VARIANTS } from "./linalg/lstsq.ts";
export { MLP_BACKWARD_VARIANTS } from "./nn/backward.ts";
export { MLP_FORWARD_VARIANTS } from "./nn/forward.ts";
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
