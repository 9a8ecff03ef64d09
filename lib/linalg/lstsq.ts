/**
 * Linear least squares W* = argmin ‖XW − Y‖², i.e. the solution of the normal
 * equations XᵀXW* = XᵀY (document 001 §1.3, formula (1.6)), by three methods:
 *
 * - `"normal"`: form XᵀX and XᵀY and solve by Cholesky. Cheapest, but squares the
 *   condition number: expect about 16 − 2·log₁₀κ(X) correct digits. Refuses (throws)
 *   when XᵀX is singular to working precision, as for NIST's Filip data.
 * - `"qr"`: Householder QR with column pivoting, XP = QR, then Rz = QᵀY and W = Pz.
 *   Backward stable: about 16 − log₁₀κ(X) digits.
 * - `"accurate"`: Householder QR carried out in double-double arithmetic (about 32
 *   digits), rounded once at the end: full double precision for κ(X) up to ~10¹⁵. It
 *   also accepts the design as a {@link DoubleDoubleMatrix}, for designs such as
 *   polynomial powers whose entries are not doubles (rounding x¹⁰ to double alone costs
 *   Filip half its digits).
 * - `"tsqr"`: tall-skinny QR without pivoting in WebAssembly (f64x2): blocks of rows are
 *   reduced into a running R by Householder reflections (lib/wasm/tsqr_module.ts), never
 *   forming Q; about 16 − log₁₀κ(X) digits like `"qr"`, several times faster on tall X.
 *   With `refine: true`, one step of the corrected semi-normal equations with a residual
 *   computed in double-double follows. Falls back to TypeScript where SIMD is missing.
 *
 * The one import of lib/wasm/ from an area file (lib/wasm/tsqr.ts imports nothing of this
 * file, so there is no cycle).
 *
 * One file on purpose (it is over 400 lines): the four solvers share the validation,
 * the rank-deficiency messages and the result type, and each keeps its documentation
 * and example beside it.
 *
 * @module
 */

import { ArgumentRangeError, SingularMatrixError } from "../errors.ts";
import { describeValue, lookupOwn, requireObject } from "../_util/validate.ts";
import { columnExponents, scaleColumns, scaleColumnsDoubleDouble } from "./_equilibrate.ts";
import {
  asDoubles,
  dependentColumnMessage,
  scaleRightHandSides,
  shapeWeights,
  unscaleCovariance,
  unscaleWeights,
  validateProblem,
} from "./_lstsq_problem.ts";
import { choleskyInverse, choleskySolve, tryCholesky } from "./cholesky.ts";
import { type DoubleDoubleMatrix, isDoubleDoubleMatrix, toDoubleDouble } from "./double_double.ts";

export type { DoubleDoubleMatrix } from "./double_double.ts";
import { matmul } from "./matmul.ts";
import { createMatrix, type Matrix, transpose } from "./matrix.ts";
import { qrApplyTransposeToColumns } from "./qr.ts";
import { invertUpperTriangular, solveUpperTriangular } from "./triangular.ts";
import { doubleDoubleQrLeastSquares } from "./_qr_double_double.ts";
import { refineOnce, tsqrFactor } from "../wasm/tsqr.ts";

/** Which algorithm solves the least-squares problem.
 * @category Linear algebra */
export type LeastSquaresMethod = "normal" | "qr" | "accurate" | "tsqr";

/** Options of {@link leastSquares}.
 * @category Linear algebra */
export interface LeastSquaresOptions {
  /**
   * `"normal"` (Cholesky on XᵀX), `"qr"` (Householder), `"accurate"` (double-double QR)
   * or `"tsqr"` (tall-skinny QR in WebAssembly).
   */
  readonly method: LeastSquaresMethod;
  /** `"tsqr"` only: one refinement step with a double-double residual (default false). */
  readonly refine?: boolean;
}

/** A design matrix X: doubles, or double-doubles for the `"accurate"` method.
 * @category Linear algebra */
export type Design = Matrix | DoubleDoubleMatrix;

/**
 * The solution of a least-squares problem.
 *
 * @typeParam W `Float64Array` for one right-hand side y, `Matrix` (p × k) for k of them.
 * @category Linear algebra
 */
export interface LeastSquaresResult<W extends Float64Array | Matrix = Float64Array | Matrix> {
  /** The method that produced it. */
  readonly method: LeastSquaresMethod;
  /** W*: p weights (the document's W, with w₀ the bias when X's first column is 1). */
  readonly weights: W;
  /**
   * (XᵀX)⁻¹, p × p, from the method's own factor (Cholesky, R of QR, or R of the
   * double-double QR). Multiplied by the residual variance σ̂² it is the covariance of
   * the weights, whose diagonal gives their standard deviations.
   */
  readonly unscaledCovariance: Matrix;
}

/** One least-squares solver; every entry of {@link LSTSQ_VARIANTS} has this shape.
 * @category Linear algebra */
export type LeastSquaresSolver = {
  (x: Design, y: ArrayLike<number>): LeastSquaresResult<Float64Array>;
  (x: Design, y: Matrix): LeastSquaresResult<Matrix>;
};

/**
 * Least squares by the normal equations: XᵀXW = XᵀY solved by Cholesky.
 *
 * @param x The design X, n × p (a double-double design is rounded to double).
 * @param y The targets Y: length n, or an n × k matrix.
 * @returns W* and (XᵀX)⁻¹.
 * X and y are first equilibrated by powers of two (each column of X and y scaled so its
 * largest magnitude lies in [1, 2); exact, see _equilibrate.ts), so X·10¹⁶⁰ or X·10⁻²⁰⁰
 * gives the same weights as X, and otherwise the bits are those of the unscaled solve.
 *
 * @throws {InputTypeError} if X is not a Matrix (or DoubleDoubleMatrix) or y not numbers.
 * @throws {ShapeError} on bad shapes; {NonFiniteError} on non-finite input or weights
 *   that overflow.
 * @throws {SingularMatrixError} when XᵀX is singular to working precision ("… use the
 *   "qr" or "accurate" method, or ridge").
 *
 * @example A line through three points
 * ```ts
 * import { fromRows, leastSquaresNormal } from "@nnref/nnref/linalg";
 * import { assertClose } from "@nnref/nnref/oracle";
 * const { weights } = leastSquaresNormal(fromRows([[1, 0], [1, 1], [1, 2]]), [1, 3, 5]);
 * assertClose(weights[0], 1, { atol: 1e-14 }, "y = 1 + 2x");
 * assertClose(weights[1], 2, { atol: 1e-14 }, "y = 1 + 2x");
 * ```
 * @category Linear algebra
 */
export const leastSquaresNormal: LeastSquaresSolver = ((
  x: Design,
  y: ArrayLike<number> | Matrix,
) => {
  const columns = validateProblem(x, y);
  const doubles = asDoubles(x);
  // Equilibrated: Z = X·diag(2^(−eⱼ)), y′ = y·2^(−f); the same bits as unscaled whenever
  // XᵀX neither overflows nor underflows, and a well-scaled problem when it would.
  const exponents = columnExponents(doubles.data, doubles.rows, doubles.cols);
  const design = scaleColumns(doubles, exponents);
  const { scaled, exponents: rhsExponents } = scaleRightHandSides(columns);
  const xt = transpose(design);
  const gram = matmul(xt, design);
  const outcome = tryCholesky(gram);
  if (!outcome.ok) {
    throw new SingularMatrixError(
      dependentColumnMessage(
        "XᵀX",
        outcome.failedColumn,
        `use the "qr" or "accurate" method, or ridge`,
      ),
    );
  }
  const n = design.rows, k = scaled.length;
  const rhsMatrix = createMatrix(n, k);
  scaled.forEach((column, c) => {
    for (let i = 0; i < n; i++) rhsMatrix.data[i * k + c] = column[i];
  });
  const solved = choleskySolve(outcome.lower, matmul(xt, rhsMatrix));
  const p = design.cols;
  const solutions = Array.from({ length: k }, (_, c) => {
    const w = new Float64Array(p);
    for (let j = 0; j < p; j++) w[j] = solved.data[j * k + c];
    return w;
  });
  const weights = shapeWeights(unscaleWeights(solutions, rhsExponents, exponents, "normal"), y);
  const unscaledCovariance = unscaleCovariance(choleskyInverse(outcome.lower), exponents);
  return { method: "normal", weights, unscaledCovariance };
}) as LeastSquaresSolver;

/**
 * The column that the rank test fails on, in X's own numbering: the first column that is,
 * to working precision, a combination of the columns before it (the one an unpivoted QR,
 * Cholesky on XᵀX or the accurate method names), found by an unpivoted factorisation; or,
 * should that one pass, the column pivoted QR left for `pivotedColumn`. Error path only.
 */
function dependentColumn(design: Matrix, pivotedColumn: number): number {
  const { r, columnNorms } = qrApplyTransposeToColumns(design, []);
  const n = design.rows, p = design.cols;
  for (let j = 0; j < p; j++) {
    if (!(Math.abs(r.data[j * p + j]) > n * Number.EPSILON * columnNorms[j])) return j;
  }
  return pivotedColumn;
}

/**
 * Least squares by Householder QR with column pivoting: XP = QR (LAPACK's `dgeqp3`:
 * each step takes the remaining column of largest norm), then RZ = QᵀY and W = PZ.
 *
 * Pivoting puts the large, well-determined columns first; on NIST's StRD data in the
 * data's own row order it gains 0.1–1.0 digits over the unpivoted QR on Filip, Norris,
 * Pontius and Wampler1, 2, 4, 5 (losing 1.0–1.7 on Wampler3 and Longley) and reaches
 * numpy's LAPACK QR on Filip, Longley, Wampler4 and Wampler5 (fixtures/nist/LRE.md).
 *
 * @param x The design X, n × p (a double-double design is rounded to double).
 * @param y The targets Y: length n, or an n × k matrix.
 * @returns W* and (XᵀX)⁻¹ = P·R⁻¹R⁻ᵀ·Pᵀ.
 * @throws {InputTypeError}, {ShapeError}, {NonFiniteError} as {@link leastSquaresNormal}.
 * @throws {SingularMatrixError} when X is rank-deficient to working precision (|Rⱼⱼ| ≤ n·ε·‖X's column P(j)‖ on the pivoted diagonal); the
 *   message names, in X's own numbering, the first column that is a combination of the
 *   columns before it.
 *
 * @example A line through three points
 * ```ts
 * import { fromRows, leastSquaresQr } from "@nnref/nnref/linalg";
 * import { assertClose } from "@nnref/nnref/oracle";
 * const { weights } = leastSquaresQr(fromRows([[1, 0], [1, 1], [1, 2]]), [1, 3, 5]);
 * assertClose(weights[0], 1, { atol: 1e-14 }, "y = 1 + 2x");
 * assertClose(weights[1], 2, { atol: 1e-14 }, "y = 1 + 2x");
 * ```
 * @category Linear algebra
 */
export const leastSquaresQr: LeastSquaresSolver = ((
  x: Design,
  y: ArrayLike<number> | Matrix,
) => {
  const columns = validateProblem(x, y);
  const design = asDoubles(x);
  // y scaled by a power of two (exact: the same bits), so that y = ±1e308 cannot
  // overflow Qᵀy. X is not equilibrated: column scaling would change the pivot order.
  const { scaled, exponents: rhsExponents } = scaleRightHandSides(columns);
  // Factor and apply Qᵀ to every column of Y in one pass over the reflectors: the same
  // operations as householderQrPivoted then qrSolve per column, so the same bits.
  const { r, columnNorms, transformed, permutation } = qrApplyTransposeToColumns(
    design,
    scaled,
    { pivoting: true },
  );
  const n = design.rows, p = design.cols;
  for (let j = 0; j < p; j++) {
    const rjj = Math.abs(r.data[j * p + j]);
    if (!(rjj > n * Number.EPSILON * columnNorms[permutation[j]])) {
      const column = dependentColumn(design, permutation[j]);
      throw new SingularMatrixError(
        dependentColumnMessage("X", column, "remove the column or use ridge"),
      );
    }
  }
  const solutions = transformed.map((qty) => {
    const z = solveUpperTriangular(r, qty.subarray(0, p));
    const w = new Float64Array(p);
    for (let i = 0; i < p; i++) w[permutation[i]] = z[i];
    return w;
  });
  // (XᵀX)⁻¹ = P(RᵀR)⁻¹Pᵀ: entry (a, b) of R⁻¹R⁻ᵀ belongs at (P(a), P(b)).
  const rInverse = invertUpperTriangular(r);
  const pivoted = matmul(rInverse, transpose(rInverse));
  const unscaledCovariance = createMatrix(p, p);
  for (let a = 0; a < p; a++) {
    for (let b = 0; b < p; b++) {
      unscaledCovariance.data[permutation[a] * p + permutation[b]] = pivoted.data[a * p + b];
    }
  }
  const weights = shapeWeights(unscaleWeights(solutions, rhsExponents, null, "qr"), y);
  return { method: "qr", weights, unscaledCovariance };
}) as LeastSquaresSolver;

/**
 * Least squares by Householder QR in double-double arithmetic (about 32 significant
 * digits), rounded to double at the end.
 *
 * @param x The design X, n × p: doubles, or a {@link DoubleDoubleMatrix} when its entries
 *   are not doubles (polynomial powers).
 * @param y The targets Y: length n, or an n × k matrix.
 * @returns W* and (XᵀX)⁻¹, each correct to about one double rounding when κ(X) ≲ 10¹⁵.
 * X and y are equilibrated by powers of two as in {@link leastSquaresNormal}.
 *
 * @throws {InputTypeError}, {ShapeError}, {NonFiniteError} as {@link leastSquaresNormal}.
 * @throws {SingularMatrixError} when X is rank-deficient even in double-double precision.
 *
 * @example Recovers an exact polynomial fit
 * ```ts
 * import { fromRows, leastSquaresAccurate } from "@nnref/nnref/linalg";
 * const { weights } = leastSquaresAccurate(fromRows([[1, 1, 1], [1, 2, 4], [1, 3, 9], [1, 4, 16]]), [3, 7, 13, 21]);
 * if (weights[0] !== 1 || weights[1] !== 1 || weights[2] !== 1) throw new Error("y = 1 + x + x²");
 * ```
 * @category Linear algebra
 */
export const leastSquaresAccurate: LeastSquaresSolver = ((
  x: Design,
  y: ArrayLike<number> | Matrix,
) => {
  const columns = validateProblem(x, y);
  const unscaled = isDoubleDoubleMatrix(x) ? x : toDoubleDouble(x);
  // Equilibrated as "normal" is: exact, and the double-double products of X·10¹⁶⁰ or
  // X·10⁻¹⁶⁰ neither overflow nor lose their trailing parts to underflow.
  const exponents = columnExponents(unscaled.hi, unscaled.rows, unscaled.cols);
  const design = scaleColumnsDoubleDouble(unscaled, exponents);
  const { scaled, exponents: rhsExponents } = scaleRightHandSides(columns);
  const outcome = doubleDoubleQrLeastSquares(design, scaled);
  if (!outcome.ok) {
    throw new SingularMatrixError(
      dependentColumnMessage("X", outcome.failedColumn, "remove the column or use ridge"),
    );
  }
  return {
    method: "accurate",
    weights: shapeWeights(unscaleWeights(outcome.weights, rhsExponents, exponents, "accurate"), y),
    unscaledCovariance: unscaleCovariance(outcome.unscaledCovariance, exponents),
  };
}) as LeastSquaresSolver;

function tsqrSolve(x: Design, y: ArrayLike<number> | Matrix, refine: boolean): LeastSquaresResult {
  const columns = validateProblem(x, y);
  const doubles = asDoubles(x);
  const n = doubles.rows, p = doubles.cols, k = columns.length;
  // Equilibrated by powers of two, as "normal" is: Householder QR without pivoting is
  // invariant under exact column scaling, so a well-scaled X gives the same bits, and
  // X·10⁻²⁰⁰ or X·10³⁰⁰ neither underflows the reflectors' norms nor overflows them.
  const exponents = columnExponents(doubles.data, n, p);
  const design = scaleColumns(doubles, exponents);
  const { scaled, exponents: rhsExponents } = scaleRightHandSides(columns);
  const targets = createMatrix(n, k);
  scaled.forEach((column, c) => {
    for (let i = 0; i < n; i++) targets.data[i * k + c] = column[i];
  });
  const { r, qty, columnNorms } = tsqrFactor(design, targets);
  for (let j = 0; j < p; j++) {
    if (!(Math.abs(r.data[j * p + j]) > n * Number.EPSILON * columnNorms[j])) {
      throw new SingularMatrixError(
        dependentColumnMessage("X", j, "remove the column or use ridge"),
      );
    }
  }
  let solution = createMatrix(p, k);
  for (let c = 0; c < k; c++) {
    const rhs = new Float64Array(p);
    for (let i = 0; i < p; i++) rhs[i] = qty.data[i * k + c];
    const w = solveUpperTriangular(r, rhs);
    for (let i = 0; i < p; i++) solution.data[i * k + c] = w[i];
  }
  if (refine) solution = refineOnce(design, targets, solution, r);
  const solutions = Array.from({ length: k }, (_, c) => {
    const w = new Float64Array(p);
    for (let i = 0; i < p; i++) w[i] = solution.data[i * k + c];
    return w;
  });
  const rInverse = invertUpperTriangular(r);
  return {
    method: "tsqr",
    weights: shapeWeights(unscaleWeights(solutions, rhsExponents, exponents, "tsqr"), y),
    unscaledCovariance: unscaleCovariance(matmul(rInverse, transpose(rInverse)), exponents),
  };
}

/**
 * Least squares by tall-skinny QR in WebAssembly (f64x2; see lib/wasm/tsqr_module.ts):
 * X = QR without pivoting, R and QᵀY accumulated block by block, then RW = QᵀY.
 *
 * @param x The design X, n × p (a double-double design is rounded to double).
 * @param y The targets Y: length n, or an n × k matrix.
 * @returns W* and (XᵀX)⁻¹ = R⁻¹R⁻ᵀ.
 * @throws {InputTypeError}, {ShapeError}, {NonFiniteError} as {@link leastSquaresNormal}.
 * @throws {SingularMatrixError} when X is rank-deficient to working precision
 *   (|Rⱼⱼ| ≤ n·ε·‖X's column j‖), naming the first dependent column.
 *
 * @example A line through three points
 * ```ts
 * import { fromRows, leastSquaresTsqr } from "@nnref/nnref/linalg";
 * import { assertClose } from "@nnref/nnref/oracle";
 * const { weights } = leastSquaresTsqr(fromRows([[1, 0], [1, 1], [1, 2]]), [1, 3, 5]);
 * assertClose(weights[0], 1, { atol: 1e-14 }, "y = 1 + 2x");
 * assertClose(weights[1], 2, { atol: 1e-14 }, "y = 1 + 2x");
 * ```
 * @category Linear algebra
 */
export const leastSquaresTsqr: LeastSquaresSolver = ((
  x: Design,
  y: ArrayLike<number> | Matrix,
) => tsqrSolve(x, y, false)) as LeastSquaresSolver;

/**
 * {@link leastSquaresTsqr} followed by one step of the corrected semi-normal equations,
 * RᵀRδ = Xᵀr with the residual r = Y − XW computed in double-double: for a
 * well-conditioned X the result is within about one rounding of the exact solution.
 *
 * @param x The design X, n × p.
 * @param y The targets Y: length n, or an n × k matrix.
 * @returns W* + δ and (XᵀX)⁻¹ = R⁻¹R⁻ᵀ.
 * @throws {InputTypeError}, {ShapeError}, {NonFiniteError}, {SingularMatrixError} as
 *   {@link leastSquaresTsqr}.
 *
 * @example
 * ```ts
 * import { fromRows, leastSquaresTsqrRefined } from "@nnref/nnref/linalg";
 * import { assertClose } from "@nnref/nnref/oracle";
 * const { weights } = leastSquaresTsqrRefined(fromRows([[1, 0], [1, 1], [1, 2], [1, 3]]), [1, 2, 2, 4]);
 * assertClose(weights[1], 0.9, { atol: 1e-15 }, "slope 0.9");
 * ```
 * @category Linear algebra
 */
export const leastSquaresTsqrRefined: LeastSquaresSolver = ((
  x: Design,
  y: ArrayLike<number> | Matrix,
) => tsqrSolve(x, y, true)) as LeastSquaresSolver;

/**
 * Every least-squares method by name; specs and benchmarks iterate over it.
 *
 * @example All four agree on a well-conditioned problem
 * ```ts
 * import { fromRows } from "@nnref/nnref/linalg";
 * import { assertClose } from "@nnref/nnref/oracle";
 * import { LSTSQ_VARIANTS } from "@nnref/nnref/variants";
 * const x = fromRows([[1, 0], [1, 1], [1, 2], [1, 3]]);
 * for (const [name, solve] of Object.entries(LSTSQ_VARIANTS)) {
 *   const { weights } = solve(x, [1, 2, 2, 4]);
 *   assertClose(weights[1], 0.9, { atol: 1e-14 }, `${name}: slope 0.9`);
 * }
 * ```
 * @category Variants
 */
export const LSTSQ_VARIANTS: Readonly<Record<LeastSquaresMethod, LeastSquaresSolver>> = {
  normal: leastSquaresNormal,
  qr: leastSquaresQr,
  accurate: leastSquaresAccurate,
  tsqr: leastSquaresTsqr,
};

/**
 * Least squares W* = argmin ‖XW − Y‖² (001 §1.3 (1.6): W* = (XᵀX)⁻¹XᵀY), by the method
 * named in `options`.
 *
 * Symbols: X (n × p design, one row per data point, a leading column of ones for the bias
 * w₀) → `x`; Y → `y`; W* → `weights`.
 *
 * @param x The design X, n × p, n ≥ p.
 * @param y The targets: length n (weights is a `Float64Array`), or n × k (weights is p × k).
 * @param options `{ method: "normal" | "qr" | "accurate" | "tsqr", refine?: boolean }`
 *   (`refine` only with `"tsqr"`).
 * @returns The weights and (XᵀX)⁻¹ (see {@link LeastSquaresResult}).
 * @throws {InputTypeError} if X, y or options has the wrong type (a number[][] X: use fromRows).
 * @throws {ShapeError} if X is empty, has fewer rows than columns or a row count
 *   different from y's.
 * @throws {NonFiniteError} if X or y has a non-finite entry, or the weights overflow.
 * @throws {SingularMatrixError} if X is rank-deficient to the method's precision.
 * @throws {ArgumentRangeError} if the method is unknown.
 * @see fixtures/regression/commute.json
 *
 * @example The commute regression of 001 §1.7
 * ```ts
 * import { fromRows, leastSquares } from "@nnref/nnref/linalg";
 * import { assertClose } from "@nnref/nnref/oracle";
 * const x = fromRows([[1, 2.7, 1], [1, 4.1, 1], [1, 1.0, 0], [1, 5.2, 1], [1, 2.8, 0]]);
 * const { weights } = leastSquares(x, [25, 33, 15, 45, 22], { method: "qr" });
 * assertClose(weights[0], 6.086134453781513, { atol: 1e-13 }, "w₀ ≈ 6.0861");
 * ```
 * @category Linear algebra
 */
export function leastSquares(
  x: Design,
  y: ArrayLike<number>,
  options: LeastSquaresOptions,
): LeastSquaresResult<Float64Array>;
/**
 * Least squares with k right-hand sides at once: Y is n × k and the weights are p × k,
 * column c solving min ‖XW − Y₍:,c₎‖ (see the single right-hand-side form).
 *
 * @example
 * ```ts
 * import { fromRows, leastSquares } from "@nnref/nnref/linalg";
 * const { weights } = leastSquares(
 *   fromRows([[1], [1], [1], [1]]),
 *   fromRows([[1, 2], [3, 4], [1, 2], [3, 4]]),
 *   { method: "normal" },
 * );
 * if (weights.rows !== 1 || weights.data[0] !== 2 || weights.data[1] !== 3) throw new Error("means");
 * ```
 * @category Linear algebra
 */
export function leastSquares(
  x: Design,
  y: Matrix,
  options: LeastSquaresOptions,
): LeastSquaresResult<Matrix>;
export function leastSquares(
  x: Design,
  y: ArrayLike<number> | Matrix,
  options: LeastSquaresOptions,
): LeastSquaresResult {
  requireObject(options, "options ({ method })");
  const solver = lookupOwn(LSTSQ_VARIANTS, options.method, "least-squares method");
  if (options.refine !== undefined && options.refine !== false) {
    if (options.refine !== true || options.method !== "tsqr") {
      throw new ArgumentRangeError(
        `The refine option takes true or false and applies to method "tsqr" only; got refine ${
          describeValue(options.refine)
        } with method "${options.method}"`,
      );
    }
    return leastSquaresTsqrRefined(x, y as Matrix);
  }
  return solver(x, y as Matrix);
}
