/**
 * The design matrix X of a linear model: one row x⁽ⁱ⁾ᵀ = [1, x₁⁽ⁱ⁾, …, x_d⁽ⁱ⁾] per data
 * point (document 001 §1.1 and §1.3, with x₀ = 1 for the bias w₀).
 *
 * @module
 */

import { InputTypeError, ShapeError } from "../errors.ts";
import {
  describeValue,
  requireBoolean,
  requireFiniteArray,
  requireOptionalObject,
} from "../_util/validate.ts";
import { createMatrix, type Matrix } from "../linalg/matrix.ts";

/** Options of {@link designMatrix}.
 * @category Regression */
export interface DesignOptions {
  /** Prepend the column x₀ = 1 for the bias w₀ (default true). */
  readonly intercept?: boolean;
}

/**
 * Builds X (n × (d + 1), or n × d without intercept) from d feature columns of n values.
 *
 * Symbols: the document's x_j⁽ⁱ⁾ (feature j of data point i) is `features[j - 1][i]`.
 *
 * @param features The feature columns x₁ … x_d, each of length n.
 * @param options `{ intercept }`: whether to prepend the column of ones (default true).
 * @returns X, row-major, one row per data point.
 * @throws {InputTypeError} if `features` is not an array of number arrays.
 * @throws {NonFiniteError} if a feature value is not finite.
 * @throws {ShapeError} if there are no columns (and no intercept), no rows, columns of
 *   different lengths, or a non-finite value.
 * @see fixtures/regression/commute.json
 *
 * @example The commute design of 001 §1.7
 * ```ts
 * import { designMatrix } from "@nnref/nnref/regression";
 * const x = designMatrix([[2.7, 4.1, 1.0, 5.2, 2.8], [1, 1, 0, 1, 0]]);
 * if (x.rows !== 5 || x.cols !== 3 || x.data[3] !== 1 || x.data[4] !== 4.1) throw new Error("[1, D, T_d]");
 * ```
 * @category Regression
 */
export function designMatrix(
  features: readonly ArrayLike<number>[],
  options: DesignOptions = {},
): Matrix {
  if (!Array.isArray(features)) {
    throw new InputTypeError(
      `features must be an array of feature columns (number arrays), got ${
        describeValue(features)
      }`,
    );
  }
  requireOptionalObject(options, "options");
  const intercept = options?.intercept ?? true;
  requireBoolean(intercept, "options.intercept");
  features.forEach((column, j) => requireFiniteArray(column, `Feature column ${j}`));
  const p = features.length + (intercept ? 1 : 0);
  if (p === 0) {
    throw new ShapeError("Cannot build a design matrix: no feature columns and no intercept");
  }
  if (features.length === 0) {
    throw new ShapeError(
      "Cannot build a design matrix: no feature columns give the number of rows",
    );
  }
  const n = features[0].length;
  if (n === 0) throw new ShapeError("Cannot build a design matrix: the feature columns are empty");
  features.forEach((column, j) => {
    if (column.length !== n) {
      throw new ShapeError(
        `Cannot build a design matrix: feature column ${j} has ${column.length} values, column 0 has ${n}`,
      );
    }
  });
  const x = createMatrix(n, p);
  const offset = intercept ? 1 : 0;
  for (let i = 0; i < n; i++) {
    if (intercept) x.data[i * p] = 1;
    for (let j = 0; j < features.length; j++) x.data[i * p + offset + j] = features[j][i];
  }
  return x;
}
