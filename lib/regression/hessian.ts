/**
 * The Hessian of the least-squares cost (document 001 §1.2): C″(W) = XᵀX/n, constant in W.
 *
 * @module
 */

import { matmul } from "../linalg/matmul.ts";
import { type Matrix, transpose } from "../linalg/matrix.ts";
import { ShapeError } from "../errors.ts";
import { requireFiniteMatrix } from "../_util/validate.ts";

/**
 * C″(W) = (1/n)XᵀX for C(W) = ‖XW − Y‖²/(2n). It is positive semidefinite always and
 * positive definite exactly when X has full column rank (the document's "恒大于零",
 * "always > 0", holds only then).
 *
 * @param x The design X, n × p.
 * @returns XᵀX/n, p × p, exactly symmetric.
 * @throws {InputTypeError} if X is not a Matrix.
 * @throws {ShapeError} if X is empty.
 * @throws {NonFiniteError} if X has a non-finite entry.
 * @see fixtures/regression/hessian.json
 *
 * @example
 * ```ts
 * import { fromRows } from "@nnref/nnref/linalg";
 * import { leastSquaresHessian } from "@nnref/nnref/regression";
 * const h = leastSquaresHessian(fromRows([[1, 0], [1, 2]]));
 * if (h.data.join() !== "1,1,1,2") throw new Error("[[1, 1], [1, 2]]");
 * ```
 * @category Regression
 */
export function leastSquaresHessian(x: Matrix): Matrix {
  requireFiniteMatrix(x, "X");
  if (x.rows === 0 || x.cols === 0) {
    throw new ShapeError(`Cannot form the Hessian: X is empty (${x.rows}×${x.cols})`);
  }
  const gram = matmul(transpose(x), x);
  for (let k = 0; k < gram.data.length; k++) gram.data[k] /= x.rows;
  return gram;
}
