/**
 * The least-squares cost of document 001 (1.3)/(1.4): C(W) = ‖XW − Y‖² / (2n), the mean
 * squared error halved so that its gradient is (1/n)Xᵀ(XW − Y) without a factor 2.
 *
 * @module
 */

import type { Matrix } from "../linalg/matrix.ts";
import { matvec } from "../linalg/matvec.ts";
import { ShapeError } from "../errors.ts";
import { requireFiniteArray, requireMatrix } from "../_util/validate.ts";

/**
 * C(W) = (1/2n) Σᵢ (y⁽ⁱ⁾ − Wᵀx⁽ⁱ⁾)², 001 (1.3).
 *
 * Symbols: X → `x` (n × p design), W → `weights`, Y → `y`; n is the number of rows.
 *
 * @param x The design X, n × p.
 * @param weights W, length p.
 * @param y Y, length n.
 * @returns C(W) ≥ 0.
 * @throws {InputTypeError} if X is not a Matrix or W, y not arrays of numbers.
 * @throws {ShapeError} on mismatched shapes or an empty X.
 * @throws {NonFiniteError} if W or y has a non-finite value.
 * @see fixtures/regression/commute.json
 *
 * @example A perfect fit costs 0, an error of 2 in one of two points costs 4/4 = 1
 * ```ts
 * import { fromRows } from "@nnref/nnref/linalg";
 * import { leastSquaresCost } from "@nnref/nnref/regression";
 * const x = fromRows([[1, 0], [1, 1]]);
 * if (leastSquaresCost(x, [1, 1], [1, 2]) !== 0) throw new Error("exact fit");
 * if (leastSquaresCost(x, [1, 1], [1, 4]) !== 1) throw new Error("(2²)/(2·2) = 1");
 * ```
 * @category Regression
 */
export function leastSquaresCost(
  x: Matrix,
  weights: ArrayLike<number>,
  y: ArrayLike<number>,
): number {
  requireMatrix(x, "X");
  requireFiniteArray(weights, "W");
  requireFiniteArray(y, "y");
  if (x.rows === 0) throw new ShapeError("Cannot compute the cost: X has no rows");
  if (weights.length !== x.cols) {
    throw new ShapeError(
      `Cannot compute the cost: W has ${weights.length} entries but X has ${x.cols} columns`,
    );
  }
  if (y.length !== x.rows) {
    throw new ShapeError(
      `Cannot compute the cost: X has ${x.rows} rows but y has ${y.length} entries`,
    );
  }
  const predicted = matvec(x, weights);
  let sum = 0;
  for (let i = 0; i < x.rows; i++) {
    const residual = y[i] - predicted[i];
    sum += residual * residual;
  }
  return sum / (2 * x.rows);
}
