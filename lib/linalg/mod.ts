/**
 * Linear algebra: the Matrix type (Float64Array, row-major), products, Cholesky, Householder
 * QR, least squares (normal equations, QR, double-double QR) and a symmetric eigensolver.
 *
 * @example
 * ```ts
 * import { fromRows, leastSquares } from "@nnref/nnref/linalg";
 * import { assertAllClose } from "@nnref/nnref/oracle";
 * const { weights } = leastSquares(fromRows([[1, 0], [1, 1], [1, 2]]), [1, 3, 5], { method: "qr" });
 * assertAllClose(weights, [1, 2], { atol: 1e-14 }, "y = 1 + 2x");
 * ```
 *
 * @module
 */

export {
  cholesky,
  choleskyInverse,
  type CholeskyOutcome,
  choleskySolve,
  tryCholesky,
} from "./cholesky.ts";
export {
  ddAdd,
  ddDiv,
  ddDot,
  ddMul,
  ddSqrt,
  ddSub,
  type DoubleDouble,
  type DoubleDoubleMatrix,
  isDoubleDoubleMatrix,
  toDoubleDouble,
  twoProduct,
  twoSum,
} from "./double_double.ts";
export {
  type Design,
  leastSquares,
  leastSquaresAccurate,
  type LeastSquaresMethod,
  leastSquaresNormal,
  type LeastSquaresOptions,
  leastSquaresQr,
  type LeastSquaresResult,
  type LeastSquaresSolver,
  leastSquaresTsqr,
  leastSquaresTsqrRefined,
} from "./lstsq.ts";
export { matmul, matmulBlocked, matmulIkj, type MatmulKernel, matmulNaive } from "./matmul.ts";
export {
  columnVector,
  createMatrix,
  entry,
  fromRows,
  identityMatrix,
  type Matrix,
  toRows,
  transpose,
  zeros,
} from "./matrix.ts";
export { dot, matvec } from "./matvec.ts";
export {
  applyQTranspose,
  householderQr,
  householderQrPivoted,
  type PivotedQrFactorization,
  type QrApplyOptions,
  qrApplyTransposeToColumns,
  type QrFactorization,
  qrR,
  qrSolve,
  type QrTransformedColumns,
} from "./qr.ts";
export {
  symmetricEigen,
  type SymmetricEigenOptions,
  type SymmetricEigenResult,
} from "./symmetric_eigen.ts";
export {
  invertUpperTriangular,
  solveLowerTransposed,
  solveLowerTriangular,
  solveUpperTriangular,
} from "./triangular.ts";
