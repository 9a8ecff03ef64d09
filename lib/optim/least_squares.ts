/**
 * The least-squares objective of every GD worked result:
 * C(W) = (1/2m) Σᵢ (xᵢᵀW − yᵢ)² = (1/2m)‖XW − y‖², with gradient ∇C(W) = (1/m)Xᵀ(XW − y).
 *
 * S0 writes it J(θ) = (1/2m) Σ (h_θ(x) − y)² with θ = [θ₀, θ₁]; S1 (1.3)–(1.5) writes
 * C(W) = (1/2n)(XW − Y)ᵀ(XW − Y) and C′(W) = (1/n)(XᵀXW − XᵀY); S2's code steps along
 * (1/m)Xᵀ(y − Xθ), the gradient of this C (its slide's MSE gradient has a factor 2).
 *
 * @module
 */

import { ArgumentRangeError, InputTypeError, ShapeError } from "../errors.ts";
import {
  describeValue,
  requireFinite,
  requireFiniteNumber,
  requireMatrix,
  requireNumberArray,
  requireObject,
} from "../_util/validate.ts";
import type { Matrix } from "../linalg/matrix.ts";

export type { Matrix } from "../linalg/matrix.ts";

/**
 * The data of a least-squares problem, checked once, with the Gram moments
 * G = XᵀX/m, c = Xᵀy/m and s = yᵀy/m, so that C(W) = ½WᵀGW − cᵀW + ½s and
 * ∇C(W) = GW − c. Built by {@link leastSquaresProblem} or {@link momentsProblem}.
 * @category Optimisation
 */
export interface LeastSquaresProblem {
  /** d, the number of weights (columns of X). */
  readonly dimension: number;
  /** The design matrix X (m × d) and targets y, or null for a problem given by moments only. */
  readonly data: { readonly x: Matrix; readonly y: Float64Array } | null;
  /** G = XᵀX/m, d × d, row-major. */
  readonly gram: Float64Array;
  /** c = Xᵀy/m. */
  readonly moment: Float64Array;
  /** s = yᵀy/m (NaN when unknown: the Gram loss is then ½WᵀGW − cᵀW, without its constant ½s). */
  readonly meanSquare: number;
  /** Scratch for the residual XW − y (length m), owned by the problem. */
  readonly residual: Float64Array;
}

/**
 * Checks a design matrix and its targets: the same number of rows, at least one row and
 * one column, every entry finite.
 *
 * @param x The design matrix X (m × d), one row per sample.
 * @param y The targets y (length m).
 * @param operation What is being done, for messages ("run gradient descent").
 * @throws {InputTypeError} if X is not a Matrix (use fromRows) or y not an array of numbers.
 * @throws {ShapeError} naming the mismatch: empty X, or rows of X and entries of y differ.
 * @throws {NonFiniteError} naming the first non-finite entry.
 *
 * @example
 * ```ts
 * import { fromRows } from "@nnref/nnref/linalg";
 * import { checkLeastSquaresData } from "@nnref/nnref/optim";
 * let message = "";
 * try { checkLeastSquaresData(fromRows([[1, 2]]), [1, 2], "fit"); } catch (e) { message = String(e); }
 * if (!message.includes("1 rows but y has 2")) throw new Error(message);
 * ```
 * @category Optimisation
 */
export function checkLeastSquaresData(
  x: Matrix,
  y: ArrayLike<number>,
  operation: string,
): void {
  requireMatrix(x, "X");
  requireNumberArray(y, "y");
  if (x.rows === 0 || x.cols === 0) {
    throw new ShapeError(
      `Cannot ${operation}: X is empty (${x.rows}×${x.cols}); expected at least one sample and one feature`,
    );
  }
  if (x.rows !== y.length) {
    throw new ShapeError(
      `Cannot ${operation}: X has ${x.rows} rows but y has ${y.length} entries`,
    );
  }
  requireFinite(x.data, `X (to ${operation})`);
  requireFinite(y, `y (to ${operation})`);
}

/**
 * Prepares a least-squares problem from data: copies y and computes the Gram moments
 * G = XᵀX/m, c = Xᵀy/m, s = yᵀy/m once (O(md²)).
 *
 * @param x The design matrix X (m × d); S0's `x` with its column of ones, S1's X.
 * @param y The targets y (length m).
 * @returns The {@link LeastSquaresProblem}.
 * @throws {InputTypeError}, {ShapeError}, {NonFiniteError} as {@link checkLeastSquaresData}.
 *
 * @example One sample x = [1, 2], y = 3: G = [[1, 2], [2, 4]], c = [3, 6], s = 9
 * ```ts
 * import { fromRows } from "@nnref/nnref/linalg";
 * import { leastSquaresProblem } from "@nnref/nnref/optim";
 * const problem = leastSquaresProblem(fromRows([[1, 2]]), [3]);
 * if (problem.gram.join() !== "1,2,2,4" || problem.moment.join() !== "3,6") throw new Error("G, c");
 * if (problem.meanSquare !== 9) throw new Error("s = 9");
 * ```
 * @category Optimisation
 */
export function leastSquaresProblem(x: Matrix, y: ArrayLike<number>): LeastSquaresProblem {
  checkLeastSquaresData(x, y, "set up least squares");
  const m = x.rows, d = x.cols, a = x.data;
  const gram = new Float64Array(d * d);
  const moment = new Float64Array(d);
  let squares = 0;
  for (let i = 0; i < m; i++) {
    const row = i * d, yi = y[i];
    for (let p = 0; p < d; p++) {
      const xp = a[row + p];
      moment[p] += xp * yi;
      for (let q = p; q < d; q++) gram[p * d + q] += xp * a[row + q];
    }
    squares += yi * yi;
  }
  for (let p = 0; p < d; p++) {
    moment[p] /= m;
    for (let q = p; q < d; q++) {
      gram[p * d + q] /= m;
      gram[q * d + p] = gram[p * d + q];
    }
  }
  return {
    dimension: d,
    data: { x, y: Float64Array.from(y) },
    gram,
    moment,
    meanSquare: squares / m,
    residual: new Float64Array(m),
  };
}

/** The moments that define a least-squares problem without its data.
 * @category Optimisation */
export interface LeastSquaresMoments {
  /** G = E[xxᵀ] (or XᵀX/m), d × d, as rows. */
  readonly gram: readonly (readonly number[])[];
  /** c = E[xy] (or Xᵀy/m). */
  readonly moment: readonly number[];
  /** s = E[y²] (or yᵀy/m); omit when unknown (losses then omit their constant ½s). */
  readonly meanSquare?: number;
}

/**
 * A least-squares problem given by its moments only: the population limit m → ∞ of
 * S2's regression (G = E[xxᵀ], c = E[xy]), or S4's C(x) = x² as G = [[2]], c = [0], s = 0.
 *
 * @param moments G, c and optionally s.
 * @returns A {@link LeastSquaresProblem} with `data: null`; only the Gram kernel runs on it.
 * @throws {InputTypeError} if the moments are not `{ gram: number[][], moment: number[] }`.
 * @throws {ShapeError} if G is not square d × d or c does not have d entries.
 * @throws {ArgumentRangeError} if G is not symmetric.
 * @throws {NonFiniteError} if anything is non-finite.
 *
 * @example C(x) = x² as a Gram problem
 * ```ts
 * import { momentsProblem } from "@nnref/nnref/optim";
 * const problem = momentsProblem({ gram: [[2]], moment: [0], meanSquare: 0 });
 * if (problem.dimension !== 1 || problem.data !== null) throw new Error("moments only");
 * ```
 * @category Optimisation
 */
export function momentsProblem(moments: LeastSquaresMoments): LeastSquaresProblem {
  requireObject(moments, "moments ({ gram, moment, meanSquare? })");
  requireNumberArray(moments.moment, "c (moments.moment)");
  if (!Array.isArray(moments.gram)) {
    throw new InputTypeError(
      `G (moments.gram) must be an array of rows (number[][]), got ${describeValue(moments.gram)}`,
    );
  }
  moments.gram.forEach((row, i) => requireNumberArray(row, `G (moments.gram) row ${i}`));
  const d = moments.moment.length;
  if (d === 0) {
    throw new ShapeError("Cannot set up least squares from moments: c is empty");
  }
  if (moments.gram.length !== d || moments.gram.some((row) => row.length !== d)) {
    throw new ShapeError(
      `Cannot set up least squares from moments: G must be ${d}×${d} to match c (${d} entries)`,
    );
  }
  const gram = Float64Array.from(moments.gram.flat());
  const moment = Float64Array.from(moments.moment);
  requireFinite(gram, "G");
  requireFinite(moment, "c");
  for (let p = 0; p < d; p++) {
    for (let q = 0; q < p; q++) {
      if (gram[p * d + q] !== gram[q * d + p]) {
        throw new ArgumentRangeError(
          `Cannot set up least squares from moments: G is not symmetric at (${p}, ${q})`,
        );
      }
    }
  }
  const meanSquare = moments.meanSquare ?? NaN;
  if (moments.meanSquare !== undefined) requireFiniteNumber(meanSquare, "s (moments.meanSquare)");
  return { dimension: d, data: null, gram, moment, meanSquare, residual: new Float64Array(0) };
}

/**
 * The loss C(W) = (1/2m) Σᵢ (xᵢᵀW − yᵢ)², from the residuals (no cancellation).
 *
 * @param x The design matrix X (m × d).
 * @param y The targets y (length m).
 * @param weights W (length d).
 * @returns C(W).
 * @throws {InputTypeError}, {ShapeError}, {NonFiniteError} as {@link checkLeastSquaresData},
 *   or for W of the wrong type, length or finiteness.
 *
 * @example S0's data at θ = [1, 1]
 * ```ts
 * import { fromRows } from "@nnref/nnref/linalg";
 * import { leastSquaresLoss } from "@nnref/nnref/optim";
 * const loss = leastSquaresLoss(fromRows([[1, 1], [1, 2]]), [3, 4], [1, 1]);
 * if (loss !== (1 + 1) / 4) throw new Error("residuals −1, −1: C = 2 / (2·2)");
 * ```
 * @category Optimisation
 */
export function leastSquaresLoss(
  x: Matrix,
  y: ArrayLike<number>,
  weights: ArrayLike<number>,
): number {
  checkLeastSquaresData(x, y, "compute the least-squares loss");
  requireWeights(weights, x.cols, "compute the least-squares loss");
  const m = x.rows, d = x.cols, a = x.data;
  let sum = 0;
  for (let i = 0; i < m; i++) {
    let r = -y[i];
    for (let j = 0; j < d; j++) r += a[i * d + j] * weights[j];
    sum += r * r;
  }
  return sum / (2 * m);
}

/**
 * The gradient ∇C(W) = (1/m)Xᵀ(XW − y): S0's `gradient_function`, S1's (1.5).
 *
 * @param x The design matrix X (m × d).
 * @param y The targets y (length m).
 * @param weights W (length d).
 * @param out Optional buffer of length d to write into.
 * @returns ∇C(W) (in `out` when given).
 * @throws {InputTypeError}, {ShapeError}, {NonFiniteError} as {@link leastSquaresLoss}, or
 *   if `out` is not a Float64Array of d entries.
 *
 * @example One sample x = [1, 2], y = 3 at W = 0: ∇C = −y·x = [−3, −6]
 * ```ts
 * import { fromRows } from "@nnref/nnref/linalg";
 * import { leastSquaresGradient } from "@nnref/nnref/optim";
 * const g = leastSquaresGradient(fromRows([[1, 2]]), [3], [0, 0]);
 * if (g[0] !== -3 || g[1] !== -6) throw new Error("[−3, −6]");
 * ```
 * @category Optimisation
 */
export function leastSquaresGradient(
  x: Matrix,
  y: ArrayLike<number>,
  weights: ArrayLike<number>,
  out?: Float64Array,
): Float64Array {
  checkLeastSquaresData(x, y, "compute the least-squares gradient");
  requireWeights(weights, x.cols, "compute the least-squares gradient");
  if (out === undefined) out = new Float64Array(x.cols);
  if (!(out instanceof Float64Array)) {
    throw new InputTypeError(`out must be a Float64Array, got ${describeValue(out)}`);
  }
  if (out.length !== x.cols) {
    throw new ShapeError(
      `Cannot compute the least-squares gradient: out has ${out.length} entries, expected ${x.cols}`,
    );
  }
  const m = x.rows, d = x.cols, a = x.data;
  out.fill(0);
  for (let i = 0; i < m; i++) {
    let r = -y[i];
    for (let j = 0; j < d; j++) r += a[i * d + j] * weights[j];
    for (let j = 0; j < d; j++) out[j] += r * a[i * d + j];
  }
  for (let j = 0; j < d; j++) out[j] /= m;
  return out;
}

/**
 * Throws unless `weights` has `dimension` finite entries.
 *
 * @param weights The weights to check.
 * @param dimension The expected length d.
 * @param operation What is being done, for messages.
 * @throws {InputTypeError} if `weights` is not an array of numbers.
 * @throws {ShapeError} naming the lengths; {NonFiniteError} naming the non-finite entry.
 *
 * @example
 * ```ts
 * import { requireWeights } from "@nnref/nnref/optim";
 * requireWeights([0, 0, 0], 3, "run gradient descent");
 * ```
 * @category Optimisation
 */
export function requireWeights(
  weights: ArrayLike<number>,
  dimension: number,
  operation: string,
): void {
  requireNumberArray(weights, "weights");
  if (weights.length !== dimension) {
    throw new ShapeError(
      `Cannot ${operation}: weights have ${weights.length} entries but X has ${dimension} columns`,
    );
  }
  requireFinite(weights, `Weights (to ${operation})`);
}
