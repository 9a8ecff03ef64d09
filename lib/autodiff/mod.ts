/**
 * Automatic differentiation: a scalar computational graph differentiated in reverse mode,
 * forward mode with dual numbers, and central finite differences.
 *
 * @example
 * ```ts
 * import { centralDifference } from "@nnref/nnref/autodiff";
 * import { assertClose } from "@nnref/nnref/oracle";
 * assertClose(centralDifference(Math.sin, 0), 1, { atol: 1e-10 });
 * ```
 *
 * @module
 */

export {
  type Arithmetic,
  NUMBER_ARITHMETIC,
  type Operand,
  type ScalarFunction,
} from "./arithmetic.ts";
export { type Dual, DUAL_ARITHMETIC, forwardModeGradient, type ValueAndGradient } from "./dual.ts";
export { centralDifference, centralDifferenceGradient } from "./finite_difference.ts";
export { Graph, GraphNode, reverseModeGradient, type ReverseModeResult } from "./graph.ts";
