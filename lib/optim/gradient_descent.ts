/**
 * Batch gradient descent W⁽ᵗ⁺¹⁾ = W⁽ᵗ⁾ − η∇C(W⁽ᵗ⁾) (S1 (2.1), S4's θₙ₊₁ = θₙ − η∇J(θ)),
 * for any differentiable objective and for least squares with a choice of step kernel.
 * Every variant runs through the one loop of `descent.ts`.
 *
 * @module
 */

import { ArgumentRangeError, InputTypeError } from "../errors.ts";
import {
  describeValue,
  lookupOwn,
  requireFunction,
  requireNumberArray,
  requireObject,
  requirePositive,
} from "../_util/validate.ts";
import type { Matrix } from "../linalg/matrix.ts";
export type { Matrix } from "../linalg/matrix.ts";
import { type DescentOptions, type DescentResult, runDescent } from "./descent.ts";
import { GD_STEP_VARIANTS, type GdStepVariant } from "./gd_step.ts";
import {
  type LeastSquaresMoments,
  type LeastSquaresProblem,
  leastSquaresProblem,
  momentsProblem,
  requireWeights,
} from "./least_squares.ts";

/** A differentiable objective C: writes ∇C(W) into `gradient` and returns C(W).
 * @category Optimisation */
export type Objective = (weights: Float64Array, gradient: Float64Array) => number;

/** Options of batch gradient descent: the learning rate plus {@link DescentOptions}.
 * @category Optimisation */
export interface GradientDescentOptions extends DescentOptions {
  /** η > 0 (S0's α, S1's η, S2's `learning_rate`, S4's η). */
  readonly learningRate: number;
}

/**
 * Gradient descent on any objective: W ← W − η∇C(W) from `initialWeights`.
 *
 * @param objective C and its gradient (see {@link Objective}).
 * @param initialWeights W⁽⁰⁾ (S4's x₀).
 * @param options η, the stopping rule, `maxIterations`, divergence factor, trajectory.
 * @returns status, iterations, weights, loss and optionally the trajectory.
 * @throws {InputTypeError} if the objective is not a function or an argument has the wrong type.
 * @throws {ArgumentRangeError} if η is not a finite number > 0, or the options are malformed.
 * @throws {NonFiniteError} if the initial weights are not finite.
 * @see fixtures/gd/s004_gd_x2.json
 *
 * @example S4: J(x) = x², x₀ = 1.2, η = 0.3, stop when J < 10⁻³: x = 1.2·0.4ⁿ, four steps
 * ```ts
 * import { gradientDescent } from "@nnref/nnref/optim";
 * const result = gradientDescent(
 *   (w, g) => { g[0] = 2 * w[0]; return w[0] * w[0]; },
 *   [1.2],
 *   { learningRate: 0.3, stop: { kind: "loss", threshold: 1e-3 }, maxIterations: 100 },
 * );
 * if (result.iterations !== 4 || Math.abs(result.weights[0] - 0.03072) > 1e-16) throw new Error("x₄ = 0.03072");
 * ```
 * @category Optimisation
 */
export function gradientDescent(
  objective: Objective,
  initialWeights: ArrayLike<number>,
  options: GradientDescentOptions,
): DescentResult {
  requireFunction(objective, "objective (the function to minimise)");
  requireNumberArray(initialWeights, "initialWeights");
  requireObject(options, "options");
  requirePositive(options.learningRate, "learningRate");
  const eta = options.learningRate;
  const scratch = new Float64Array(initialWeights.length);
  return runDescent(
    {
      step: (weights, _t, next, gradient) => {
        const loss = objective(weights, gradient);
        for (let j = 0; j < weights.length; j++) next[j] = weights[j] - eta * gradient[j];
        return loss;
      },
      fullLoss: (weights) => objective(weights, scratch),
      stepLossIsFull: true,
    },
    initialWeights,
    options,
  );
}

/** Options of least-squares gradient descent.
 * @category Optimisation */
export interface LeastSquaresDescentOptions extends GradientDescentOptions {
  /** W⁽⁰⁾; default zeros (S1's W⁰ = 0). */
  readonly initialWeights?: ArrayLike<number>;
  /** Which step kernel of `GD_STEP_VARIANTS` to use; default `twoPass`. */
  readonly variant?: GdStepVariant;
}

/** The accurate loss (1/2m)‖XW − y‖² from residuals; no validation (the problem is checked). */
function residualLoss(problem: LeastSquaresProblem, weights: Float64Array): number {
  const data = problem.data;
  if (data === null) {
    const probe = new Float64Array(weights.length);
    return GD_STEP_VARIANTS.gram(problem, weights, 0, probe, new Float64Array(weights.length));
  }
  const { x, y } = data, m = x.rows, d = x.cols, a = x.data;
  let squares = 0;
  for (let i = 0; i < m; i++) {
    let r = -y[i];
    for (let j = 0; j < d; j++) r += a[i * d + j] * weights[j];
    squares += r * r;
  }
  return squares / (2 * m);
}

/**
 * Runs least-squares GD on a prepared problem with a chosen step kernel.
 *
 * @param problem From `leastSquaresProblem` or `momentsProblem`.
 * @param options η, W⁽⁰⁾, the kernel, the stopping rule, `maxIterations`, …
 * @returns The {@link DescentResult}; `loss` is (1/2m)‖XW − y‖² from residuals when
 *   the data are known.
 * @throws {InputTypeError} if the problem or options have the wrong type.
 * @throws {ShapeError} for W⁽⁰⁾ of the wrong length.
 * @throws {ArgumentRangeError} for a bad η, an unknown kernel, a data kernel on a
 *   moments-only problem, or a "loss" stopping rule on moments without s.
 *
 * @example The twoPass and gram kernels reach the same point
 * ```ts
 * import { fromRows } from "@nnref/nnref/linalg";
 * import { leastSquaresProblem, problemGradientDescent } from "@nnref/nnref/optim";
 * import { assertClose } from "@nnref/nnref/oracle";
 * const problem = leastSquaresProblem(fromRows([[1, 1], [1, 2], [1, 3]]), [1, 2, 2]);
 * const options = { learningRate: 0.1, stop: { kind: "iterations", count: 50 }, maxIterations: 50 } as const;
 * const a = problemGradientDescent(problem, { ...options, variant: "twoPass" });
 * const b = problemGradientDescent(problem, { ...options, variant: "gram" });
 * assertClose(a.weights[1], b.weights[1], { atol: 1e-14 }, "same iterate");
 * ```
 * @category Optimisation
 */
export function problemGradientDescent(
  problem: LeastSquaresProblem,
  options: LeastSquaresDescentOptions,
): DescentResult {
  if (typeof problem !== "object" || problem === null || !(problem.gram instanceof Float64Array)) {
    throw new InputTypeError(
      `problem must come from leastSquaresProblem or momentsProblem, got ${describeValue(problem)}`,
    );
  }
  requireObject(options, "options");
  requirePositive(options.learningRate, "learningRate");
  const variant = options.variant ?? "twoPass";
  const kernel = lookupOwn(GD_STEP_VARIANTS, variant, "GD step variant");
  if (problem.data === null && variant !== "gram") {
    throw new ArgumentRangeError(
      `The ${variant} GD step needs the data X and y; this problem has moments only (use variant "gram")`,
    );
  }
  if (problem.data === null && Number.isNaN(problem.meanSquare) && options.stop?.kind === "loss") {
    throw new ArgumentRangeError(
      `A "loss" stopping rule needs the loss itself: give the moments' meanSquare s ` +
        `(without it the loss is known only up to its constant ½s)`,
    );
  }
  const d = problem.dimension;
  const initial = options.initialWeights ?? new Float64Array(d);
  requireWeights(initial, d, "run gradient descent");
  const eta = options.learningRate;
  return runDescent(
    {
      step: (weights, _t, next, gradient) => kernel(problem, weights, eta, next, gradient),
      fullLoss: (weights) => residualLoss(problem, weights),
      stepLossIsFull: variant !== "gram" || problem.data === null,
    },
    initial,
    options,
  );
}

/**
 * Least-squares gradient descent W ← W − η(1/m)Xᵀ(XW − y) on data X, y.
 *
 * With `variant: "gram"` it precomputes G = XᵀX/m and c = Xᵀy/m once and each step
 * costs O(d²) instead of O(md); S1's MATLAB file steps exactly this way.
 *
 * @param x The design matrix X (m × d), first column of ones for a bias.
 * @param y The targets y.
 * @param options η, W⁽⁰⁾ (default 0), the kernel, the stopping rule, `maxIterations`.
 * @returns status, iterations, weights, loss C(W) = (1/2m)‖XW − y‖², trajectory.
 * @throws {InputTypeError} if X is not a Matrix (use fromRows) or y not numbers.
 * @throws {ShapeError} for mismatched lengths, empty data or W⁽⁰⁾ of the wrong length.
 * @throws {NonFiniteError} for non-finite data.
 * @throws {ArgumentRangeError} for a bad η or `maxIterations` not an integer in [1, 10⁷].
 * @see fixtures/gd/s000_gd20.json, fixtures/gd/s001_gd_matlab.json
 *
 * @example S1 §2.1: step 0.02 from W⁰ = 0, stop when every |ΔWⱼ| < 0.02 — 16 steps
 * ```ts
 * import { fromRows } from "@nnref/nnref/linalg";
 * import { leastSquaresGradientDescent } from "@nnref/nnref/optim";
 * const x = fromRows([[1, 2.7, 1], [1, 4.1, 1], [1, 1.0, 0], [1, 5.2, 1], [1, 2.8, 0]]);
 * const result = leastSquaresGradientDescent(x, [25, 33, 15, 45, 22], {
 *   learningRate: 0.02, stop: { kind: "step", tolerance: 0.02 }, maxIterations: 1000,
 * });
 * if (result.status !== "converged" || result.iterations !== 16) throw new Error("16 steps");
 * ```
 * @category Optimisation
 */
export function leastSquaresGradientDescent(
  x: Matrix,
  y: ArrayLike<number>,
  options: LeastSquaresDescentOptions,
): DescentResult {
  return problemGradientDescent(leastSquaresProblem(x, y), options);
}

/**
 * Gradient descent on a least-squares problem given by its moments only,
 * W ← W − η(GW − c): the population (m → ∞) limit of a regression, with G = E[xxᵀ]
 * and c = E[xy]. Runs the Gram kernel.
 *
 * s is optional: without it the run is the same (the gradient GW − c does not need s),
 * and `loss` is ½WᵀGW − cᵀW, the loss without its constant ½s; only a `"loss"` stopping
 * rule, whose threshold needs the constant, is then refused.
 *
 * @param moments G, c and optionally s = E[y²] (for the loss).
 * @param options η, W⁽⁰⁾ (default 0), the stopping rule, `maxIterations`.
 * @returns The {@link DescentResult}; `loss` is ½WᵀGW − cᵀW + ½s (without s: ½WᵀGW − cᵀW).
 * @throws {InputTypeError}, {ShapeError}, {NonFiniteError}, {ArgumentRangeError} for
 *   malformed moments or options (see {@link momentsProblem}, {@link problemGradientDescent}).
 * @see fixtures/gd/s002_gd_regression.json
 *
 * @example One weight, G = [[2]], c = [2]: the minimiser is W = 1
 * ```ts
 * import { momentsGradientDescent } from "@nnref/nnref/optim";
 * const result = momentsGradientDescent({ gram: [[2]], moment: [2], meanSquare: 2 }, {
 *   learningRate: 0.5, stop: { kind: "gradient", tolerance: 0 }, maxIterations: 10,
 * });
 * if (result.weights[0] !== 1 || result.iterations !== 1) throw new Error("one exact step");
 * ```
 * @category Optimisation
 */
export function momentsGradientDescent(
  moments: LeastSquaresMoments,
  options: GradientDescentOptions & { readonly initialWeights?: ArrayLike<number> },
): DescentResult {
  requireObject(options, "options");
  return problemGradientDescent(momentsProblem(moments), { ...options, variant: "gram" });
}
