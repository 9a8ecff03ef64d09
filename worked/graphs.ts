/**
 * The computational graphs the documents differentiate by hand, each written once
 * against `Arithmetic` with the documents' node names, so every node's value and
 * gradient can be listed by name and checked by reverse mode, forward mode and finite
 * differences.
 *
 * @module
 */

import type { ScalarFunction } from "../lib/autodiff/arithmetic.ts";

/** A document's graph: the function, its inputs, its output node and its range.
 * @category Worked results */
export interface WorkedGraph {
  /** Where it comes from, e.g. "000 §4.3.2". */
  readonly source: string;
  /** The formula in the document's symbols. */
  readonly formula: string;
  /** The input names, in the document's order. */
  readonly inputs: readonly string[];
  /** The name of the output node. */
  readonly output: string;
  /** The values the output can take, [min, max] (±Infinity when unbounded). */
  readonly range: readonly [number, number];
  /** The function, written once for every evaluation mode. */
  readonly fn: ScalarFunction;
}

/**
 * e = (a + b)(b + 1), 000 §4.3.2: c = a + b, d = b + 1, e = c·d. b is used twice, so
 * ∂e/∂b = ∂e/∂c·∂c/∂b + ∂e/∂d·∂d/∂b = d + c.
 *
 * @see fixtures/graph/chain_e.json
 *
 * @example At a = 2, b = 1: c = 3, d = 2, e = 6
 * ```ts
 * import { NUMBER_ARITHMETIC } from "@nnref/nnref/autodiff";
 * import { PRODUCT_OF_SUMS } from "@nnref/nnref/worked";
 * if (PRODUCT_OF_SUMS.fn(NUMBER_ARITHMETIC, { a: 2, b: 1 }) !== 6) throw new Error("e = 6");
 * ```
 * @category Worked results
 */
export const PRODUCT_OF_SUMS: WorkedGraph = Object.freeze<WorkedGraph>({
  source: "000 §4.3.2",
  formula: "e = (a + b)(b + 1)",
  inputs: ["a", "b"],
  output: "e",
  range: [-Infinity, Infinity] as const,
  fn: (ops, { a, b }) => ops.mul(ops.add(a, b, "c"), ops.add(b, 1, "d"), "e"),
});

/**
 * The linear-regression graph of 001 §4.2.2: u = w·x, ŷ = u + b, e = y − ŷ, c = e².
 * Node names: u, yhat (ŷ), e, c; inputs x, y (data), w, b (parameters).
 *
 * @see fixtures/graph/graph_linreg.json
 *
 * @example w = 5, x = 1, b = 1, y = 10: u = 5, ŷ = 6, e = 4, c = 16
 * ```ts
 * import { NUMBER_ARITHMETIC } from "@nnref/nnref/autodiff";
 * import { LINEAR_REGRESSION_LOSS } from "@nnref/nnref/worked";
 * const c = LINEAR_REGRESSION_LOSS.fn(NUMBER_ARITHMETIC, { x: 1, y: 10, w: 5, b: 1 });
 * if (c !== 16) throw new Error("c = 16");
 * ```
 * @category Worked results
 */
export const LINEAR_REGRESSION_LOSS: WorkedGraph = Object.freeze<WorkedGraph>({
  source: "001 §4.2.2",
  formula: "c = (y − (w·x + b))²",
  inputs: ["x", "y", "w", "b"],
  output: "c",
  range: [0, Infinity] as const,
  fn: (ops, { x, y, w, b }) => {
    const u = ops.mul(w, x, "u");
    const prediction = ops.add(u, b, "yhat");
    const residual = ops.sub(y, prediction, "e");
    return ops.pow(residual, 2, "c");
  },
});

/**
 * f = y + e^{xy} with x = cos t, y = t², 001 §3.3.2. Node names: x, y, xy, exp_xy, f;
 * df/dt = y e^{xy}·(−sin t) + (1 + x e^{xy})·2t.
 *
 * @see fixtures/graph/chain_multi.json
 *
 * @example At t = 0: x = 1, y = 0, f = 1
 * ```ts
 * import { NUMBER_ARITHMETIC } from "@nnref/nnref/autodiff";
 * import { MULTIVARIATE_CHAIN } from "@nnref/nnref/worked";
 * if (MULTIVARIATE_CHAIN.fn(NUMBER_ARITHMETIC, { t: 0 }) !== 1) throw new Error("f(0) = 1");
 * ```
 * @category Worked results
 */
export const MULTIVARIATE_CHAIN: WorkedGraph = Object.freeze<WorkedGraph>({
  source: "001 §3.3.2",
  formula: "f = y + e^{xy}, x = cos t, y = t²",
  inputs: ["t"],
  output: "f",
  range: [-Infinity, Infinity] as const,
  fn: (ops, { t }) => {
    const x = ops.cos(t, "x");
    const y = ops.pow(t, 2, "y");
    return ops.add(y, ops.exp(ops.mul(x, y, "xy"), "exp_xy"), "f");
  },
});

/**
 * z = x·y with x = 2w + 3b, y = 2b + 1, 004 (ai-edu ch. 2, linear backpropagation).
 * Node names: x, y, z; ∂z/∂w = 2y, ∂z/∂b = 3y + 2x. Evaluated as the original program
 * does (2*w + 3*b, 2*b + 1, x*y), so its iterates can be reproduced bit for bit.
 *
 * @see fixtures/graph/linear_bp.json
 *
 * @example w = 3, b = 4: x = 18, y = 9, z = 162
 * ```ts
 * import { NUMBER_ARITHMETIC } from "@nnref/nnref/autodiff";
 * import { LINEAR_PRODUCT } from "@nnref/nnref/worked";
 * if (LINEAR_PRODUCT.fn(NUMBER_ARITHMETIC, { w: 3, b: 4 }) !== 162) throw new Error("z = 162");
 * ```
 * @category Worked results
 */
export const LINEAR_PRODUCT: WorkedGraph = Object.freeze<WorkedGraph>({
  source: "004 线性反向传播",
  formula: "z = x·y, x = 2w + 3b, y = 2b + 1",
  inputs: ["w", "b"],
  output: "z",
  range: [-Infinity, Infinity] as const,
  fn: (ops, { w, b }) => {
    const x = ops.add(ops.mul(2, w), ops.mul(3, b), "x");
    const y = ops.add(ops.mul(2, b), 1, "y");
    return ops.mul(x, y, "z");
  },
});

/**
 * c = √(ln x²), 004 (ai-edu ch. 2, non-linear backpropagation): a = x·x, b = ln a,
 * c = √b. Defined for |x| ≥ 1, where c takes every value in [0, ∞); dc/dx = 1/(x·c).
 *
 * @see fixtures/graph/nonlinear_bp.json
 *
 * @example x = e: a = e², b = 2, c = √2
 * ```ts
 * import { NUMBER_ARITHMETIC } from "@nnref/nnref/autodiff";
 * import { assertClose } from "@nnref/nnref/oracle";
 * import { SQRT_LOG_SQUARE } from "@nnref/nnref/worked";
 * const c = SQRT_LOG_SQUARE.fn(NUMBER_ARITHMETIC, { x: Math.E });
 * assertClose(c, Math.SQRT2, { atol: 1e-15 }, "c = √2");
 * ```
 * @category Worked results
 */
export const SQRT_LOG_SQUARE: WorkedGraph = Object.freeze<WorkedGraph>({
  source: "004 非线性反向传播",
  formula: "c = √(ln x²)",
  inputs: ["x"],
  output: "c",
  range: [0, Infinity] as const,
  fn: (ops, { x }) => ops.sqrt(ops.log(ops.mul(x, x, "a"), "b"), "c"),
});
