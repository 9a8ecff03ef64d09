/**
 * One batch gradient-descent update W ← W − η(1/m)Xᵀ(XW − y), three ways. These are the
 * hot kernels: each writes the gradient and the new weights into caller-provided
 * buffers and returns the loss at the old weights, and all three are verified against
 * the same fixtures and registered once in {@link GD_STEP_VARIANTS} for the benchmarks.
 *
 * @module
 */

import type { LeastSquaresProblem } from "./least_squares.ts";
import { ArgumentRangeError, InputTypeError, ShapeError } from "../errors.ts";
import { describeValue, requireNumber } from "../_util/validate.ts";

/**
 * Checks a kernel's arguments: a prepared problem, W, `next` and `gradient` Float64Arrays
 * of length d with `next` and `gradient` not sharing memory with W, and η a number. O(1):
 * the kernels run once per iteration.
 */
function requireStep(
  problem: LeastSquaresProblem,
  weights: Float64Array,
  learningRate: number,
  next: Float64Array,
  gradient: Float64Array,
): void {
  if (
    typeof problem !== "object" || problem === null || !(problem.gram instanceof Float64Array) ||
    !(problem.moment instanceof Float64Array) || !Number.isInteger(problem.dimension)
  ) {
    throw new InputTypeError(
      `problem must come from leastSquaresProblem or momentsProblem, got ${describeValue(problem)}`,
    );
  }
  const d = problem.dimension;
  for (
    const [value, what] of [[weights, "weights"], [next, "next"], [gradient, "gradient"]] as const
  ) {
    if (!(value instanceof Float64Array)) {
      throw new InputTypeError(`${what} must be a Float64Array, got ${describeValue(value)}`);
    }
    if (value.length !== d) {
      throw new ShapeError(`${what} has ${value.length} entries, expected d = ${d}`);
    }
  }
  if (next.buffer === weights.buffer || gradient.buffer === weights.buffer) {
    throw new ArgumentRangeError(
      "next and gradient must not share memory with weights: pass separate buffers",
    );
  }
  requireNumber(learningRate, "learningRate");
}

/**
 * A GD step kernel: writes ∇C(W) into `gradient` and W − η∇C(W) into `next`, returns
 * C(W). `next` and `gradient` must have length d and must not alias `weights`.
 * @category Optimisation
 */
export type GdStepKernel = (
  problem: LeastSquaresProblem,
  weights: Float64Array,
  learningRate: number,
  next: Float64Array,
  gradient: Float64Array,
) => number;

/**
 * The common tail of the data kernels: `gradient` holds Xᵀr (unscaled); scales it to
 * ∇C = Xᵀr/m, writes W − η∇C into `next` and returns C = Σr²/(2m).
 */
function finishStep(
  d: number,
  weights: Float64Array,
  learningRate: number,
  m: number,
  squares: number,
  next: Float64Array,
  gradient: Float64Array,
): number {
  for (let j = 0; j < d; j++) {
    const g = gradient[j] / m;
    gradient[j] = g;
    next[j] = weights[j] - learningRate * g;
  }
  return squares / (2 * m);
}

function requireData(problem: LeastSquaresProblem, kernel: string) {
  if (problem.data === null) {
    throw new ArgumentRangeError(
      `The ${kernel} GD step needs the data X and y; this problem has moments only (use the gram step)`,
    );
  }
  return problem.data;
}

/**
 * Two passes over X: first the residuals r = XW − y (row by row, into the problem's
 * scratch), then ∇C = Xᵀr/m column by column. O(md) per step; the textbook order of S0's
 * `np.dot(np.transpose(X), np.dot(X, theta) - y)`.
 *
 * @param problem The data, from `leastSquaresProblem`.
 * @param weights W (θ in S0).
 * @param learningRate η (S0's α, S1's η, S2's `learning_rate`).
 * @param next Receives W − η∇C(W).
 * @param gradient Receives ∇C(W).
 * @returns C(W) = (1/2m)‖XW − y‖².
 * @throws {InputTypeError} if the problem or a buffer has the wrong type, {ShapeError} if a
 *   buffer is not d long, {ArgumentRangeError} if `next` or `gradient` aliases W or the
 *   problem has moments only.
 *
 * @example One sample x = [1], y = 2 from W = 0 with η = ½: ∇C = −2, W ← 1
 * ```ts
 * import { fromRows } from "@nnref/nnref/linalg";
 * import { gdStepTwoPass, leastSquaresProblem } from "@nnref/nnref/optim";
 * const next = new Float64Array(1), gradient = new Float64Array(1);
 * const loss = gdStepTwoPass(leastSquaresProblem(fromRows([[1]]), [2]), new Float64Array(1), 0.5, next, gradient);
 * if (loss !== 2 || gradient[0] !== -2 || next[0] !== 1) throw new Error("C = 2, ∇C = −2, W = 1");
 * ```
 * @category Optimisation
 */
export function gdStepTwoPass(
  problem: LeastSquaresProblem,
  weights: Float64Array,
  learningRate: number,
  next: Float64Array,
  gradient: Float64Array,
): number {
  requireStep(problem, weights, learningRate, next, gradient);
  const { x, y } = requireData(problem, "twoPass");
  const m = x.rows, d = x.cols, a = x.data, r = problem.residual;
  let squares = 0;
  for (let i = 0; i < m; i++) {
    let ri = -y[i];
    const row = i * d;
    for (let j = 0; j < d; j++) ri += a[row + j] * weights[j];
    r[i] = ri;
    squares += ri * ri;
  }
  for (let j = 0; j < d; j++) {
    let g = 0;
    for (let i = 0; i < m; i++) g += a[i * d + j] * r[i];
    gradient[j] = g;
  }
  return finishStep(d, weights, learningRate, m, squares, next, gradient);
}

/**
 * One pass over X: each row's residual rᵢ = xᵢᵀW − yᵢ is added into ∇C as soon as it is
 * known, so X is streamed once and no residual vector is stored. Same sums in the same
 * order as {@link gdStepTwoPass}, so the same bits.
 *
 * @param problem The data, from `leastSquaresProblem`.
 * @param weights W.
 * @param learningRate η.
 * @param next Receives W − η∇C(W).
 * @param gradient Receives ∇C(W).
 * @returns C(W).
 * @throws {InputTypeError} if the problem or a buffer has the wrong type, {ShapeError} if a
 *   buffer is not d long, {ArgumentRangeError} if `next` or `gradient` aliases W or the
 *   problem has moments only.
 *
 * @example Agrees bit for bit with the two-pass kernel
 * ```ts
 * import { fromRows } from "@nnref/nnref/linalg";
 * import { gdStepFused, gdStepTwoPass, leastSquaresProblem } from "@nnref/nnref/optim";
 * const problem = leastSquaresProblem(fromRows([[1, 2.7], [1, 4.1], [1, 1]]), [25, 33, 15]);
 * const w = new Float64Array([0.5, 0.25]);
 * const a = new Float64Array(2), b = new Float64Array(2), ga = new Float64Array(2), gb = new Float64Array(2);
 * if (gdStepFused(problem, w, 0.02, a, ga) !== gdStepTwoPass(problem, w, 0.02, b, gb)) throw new Error("loss");
 * if (a.join() !== b.join()) throw new Error("same bits");
 * ```
 * @category Optimisation
 */
export function gdStepFused(
  problem: LeastSquaresProblem,
  weights: Float64Array,
  learningRate: number,
  next: Float64Array,
  gradient: Float64Array,
): number {
  requireStep(problem, weights, learningRate, next, gradient);
  const { x, y } = requireData(problem, "fused");
  const m = x.rows, d = x.cols, a = x.data;
  let squares;
  if (d === 2) squares = fusedSums2(a, y, m, weights, gradient);
  else if (d === 3) squares = fusedSums3(a, y, m, weights, gradient);
  else if (d === 4) squares = fusedSums4(a, y, m, weights, gradient);
  else {
    gradient.fill(0);
    squares = 0;
    for (let i = 0; i < m; i++) {
      const row = i * d;
      let ri = -y[i];
      for (let j = 0; j < d; j++) ri += a[row + j] * weights[j];
      squares += ri * ri;
      for (let j = 0; j < d; j++) gradient[j] += a[row + j] * ri;
    }
  }
  return finishStep(d, weights, learningRate, m, squares, next, gradient);
}

// The fused loop unrolled for small d: the weights and the d running sums of Xᵀr live in
// locals (registers) instead of arrays, but every sum takes its terms in the general
// loop's order (rᵢ = ((−yᵢ + xᵢ₀w₀) + xᵢ₁w₁) + …, gⱼ = Σᵢ xᵢⱼrᵢ over i ascending), so
// the bits are the same.

function fusedSums2(
  a: Float64Array,
  y: Float64Array,
  m: number,
  weights: Float64Array,
  gradient: Float64Array,
): number {
  const w0 = weights[0], w1 = weights[1];
  let g0 = 0, g1 = 0, squares = 0;
  for (let i = 0, row = 0; i < m; i++, row += 2) {
    const x0 = a[row], x1 = a[row + 1];
    const ri = -y[i] + x0 * w0 + x1 * w1;
    squares += ri * ri;
    g0 += x0 * ri;
    g1 += x1 * ri;
  }
  gradient[0] = g0, gradient[1] = g1;
  return squares;
}

function fusedSums3(
  a: Float64Array,
  y: Float64Array,
  m: number,
  weights: Float64Array,
  gradient: Float64Array,
): number {
  const w0 = weights[0], w1 = weights[1], w2 = weights[2];
  let g0 = 0, g1 = 0, g2 = 0, squares = 0;
  for (let i = 0, row = 0; i < m; i++, row += 3) {
    const x0 = a[row], x1 = a[row + 1], x2 = a[row + 2];
    const ri = -y[i] + x0 * w0 + x1 * w1 + x2 * w2;
    squares += ri * ri;
    g0 += x0 * ri;
    g1 += x1 * ri;
    g2 += x2 * ri;
  }
  gradient[0] = g0, gradient[1] = g1, gradient[2] = g2;
  return squares;
}

function fusedSums4(
  a: Float64Array,
  y: Float64Array,
  m: number,
  weights: Float64Array,
  gradient: Float64Array,
): number {
  const w0 = weights[0], w1 = weights[1], w2 = weights[2], w3 = weights[3];
  let g0 = 0, g1 = 0, g2 = 0, g3 = 0, squares = 0;
  for (let i = 0, row = 0; i < m; i++, row += 4) {
    const x0 = a[row], x1 = a[row + 1], x2 = a[row + 2], x3 = a[row + 3];
    const ri = -y[i] + x0 * w0 + x1 * w1 + x2 * w2 + x3 * w3;
    squares += ri * ri;
    g0 += x0 * ri;
    g1 += x1 * ri;
    g2 += x2 * ri;
    g3 += x3 * ri;
  }
  gradient[0] = g0, gradient[1] = g1, gradient[2] = g2, gradient[3] = g3;
  return squares;
}

/**
 * The Gram-matrix step: with G = XᵀX/m and c = Xᵀy/m precomputed, ∇C(W) = GW − c costs
 * O(d²) instead of O(md) — S1's form W − (η/n)(XᵀXW − XᵀY). The loss comes from
 * C(W) = ½(Wᵀ∇C(W) − cᵀW + s), which cancels near the optimum (absolute error about
 * ε·s, not ε·C), so use it to watch for divergence, not to report small losses.
 *
 * @param problem From `leastSquaresProblem` or `momentsProblem`.
 * @param weights W.
 * @param learningRate η.
 * @param next Receives W − η∇C(W).
 * @param gradient Receives ∇C(W).
 * @returns C(W); without the mean square s (a moments problem given only G and c), the
 *   loss up to its unknown constant, ½WᵀGW − cᵀW.
 * @throws {InputTypeError}, {ShapeError}, {ArgumentRangeError} as {@link gdStepTwoPass}.
 *
 * @example C(x) = x² (G = [[2]], c = [0], s = 0): from x = 1.2 with η = 0.3, x ← 0.48
 * ```ts
 * import { gdStepGram, momentsProblem } from "@nnref/nnref/optim";
 * import { assertClose } from "@nnref/nnref/oracle";
 * const next = new Float64Array(1), gradient = new Float64Array(1);
 * const problem = momentsProblem({ gram: [[2]], moment: [0], meanSquare: 0 });
 * const loss = gdStepGram(problem, new Float64Array([1.2]), 0.3, next, gradient);
 * assertClose(next[0], 0.48, { atol: 1e-15 }, "0.48");
 * assertClose(loss, 1.44, { atol: 1e-15 }, "0.48");
 * ```
 * @category Optimisation
 */
export function gdStepGram(
  problem: LeastSquaresProblem,
  weights: Float64Array,
  learningRate: number,
  next: Float64Array,
  gradient: Float64Array,
): number {
  requireStep(problem, weights, learningRate, next, gradient);
  const d = problem.dimension, gram = problem.gram, c = problem.moment;
  // Without s the loss is known only up to its constant ½s: report ½WᵀGW − cᵀW.
  const s = Number.isNaN(problem.meanSquare) ? 0 : problem.meanSquare;
  let wg = 0, cw = 0;
  for (let p = 0; p < d; p++) {
    let g = -c[p];
    const row = p * d;
    for (let q = 0; q < d; q++) g += gram[row + q] * weights[q];
    gradient[p] = g;
    wg += weights[p] * g;
    cw += c[p] * weights[p];
  }
  for (let p = 0; p < d; p++) next[p] = weights[p] - learningRate * gradient[p];
  return 0.5 * (wg - cw + s);
}

/**
 * Every GD step kernel; spec/ and bench/ both loop over it, and each must agree with
 * {@link gdStepTwoPass} (fused bit for bit, gram within a measured tolerance).
 *
 * @example
 * ```ts
 * import { GD_STEP_VARIANTS } from "@nnref/nnref/variants";
 * if (Object.keys(GD_STEP_VARIANTS).join() !== "twoPass,fused,gram") throw new Error("three kernels");
 * ```
 * @category Variants
 */
export const GD_STEP_VARIANTS: {
  readonly twoPass: GdStepKernel;
  readonly fused: GdStepKernel;
  readonly gram: GdStepKernel;
} = { twoPass: gdStepTwoPass, fused: gdStepFused, gram: gdStepGram } as const;

/** The name of a GD step kernel in {@link GD_STEP_VARIANTS}.
 * @category Optimisation */
export type GdStepVariant = keyof typeof GD_STEP_VARIANTS;
