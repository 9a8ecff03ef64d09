/**
 * Inverse problems: driving a computational graph's output to a target by adjusting one
 * input (the documents' inverse backpropagation).
 *
 * @example
 * ```ts
 * import { driveToTarget } from "@nnref/nnref/inverse";
 * // Drive y = 2b to 10 from b = 1 by adjusting b.
 * const result = driveToTarget({
 *   fn: (ops, { b }) => ops.mul(2, b),
 *   start: { b: 1 }, adjust: ["b"], target: 10, tolerance: 1e-12, maxIterations: 100,
 *   factors: "recomputed", // ∂y/∂b = 2 by reverse mode: b ← 1 + (10 − 2)/2 = 5 in one pass
 * });
 * if (result.status !== "converged") throw new Error(result.status);
 * ```
 *
 * @module
 */

export {
  type DriveOptions,
  type DrivePass,
  type DriveResult,
  type DriveStatus,
  driveToTarget,
  type FactorMode,
} from "./drive_to_target.ts";
