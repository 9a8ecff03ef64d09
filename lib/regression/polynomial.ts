/**
 * Polynomial regression features (document 001 §1.5): φ(x) = [1, x, x², …, xᵐ]ᵀ, so that
 * f(x) = Wᵀφ(x) = w₀ + w₁x + … + w_m xᵐ is linear in W and W* = (XᵀX)⁻¹XᵀY as in §1.3.
 *
 * @module
 */

import { ShapeError } from "../errors.ts";
import { requireFiniteArray, requireInteger } from "../_util/validate.ts";
import { createMatrix, type Matrix } from "../linalg/matrix.ts";
import type { DoubleDouble, DoubleDoubleMatrix } from "../linalg/double_double.ts";
import { ddMulKernel as ddMul } from "../linalg/_dd.ts";

/** The largest degree accepted: x¹⁰⁰⁰ overflows for every |x| > 2.03. */
const MAX_DEGREE = 1000;

function validate(x: ArrayLike<number>, degree: number): void {
  requireFiniteArray(x, "x");
  requireInteger(degree, "Polynomial degree m", 0, MAX_DEGREE);
  if (x.length === 0) throw new ShapeError("Cannot build polynomial features: x is empty");
}

/**
 * The polynomial design X with rows φ(x⁽ⁱ⁾)ᵀ = [1, x⁽ⁱ⁾, …, (x⁽ⁱ⁾)ᵐ] (001 (1.8)), powers
 * formed by repeated multiplication in double.
 *
 * Symbols: m → `degree`, x⁽ⁱ⁾ → `x[i]`.
 *
 * @param x The inputs x⁽¹⁾ … x⁽ⁿ⁾.
 * @param degree m ≥ 0.
 * @returns X, n × (m + 1).
 * @throws {InputTypeError} if x is not an array of numbers or m not a number.
 * @throws {ShapeError} if x is empty.
 * @throws {NonFiniteError} if x is not finite.
 * @throws {ArgumentRangeError} if m is not an integer in [0, 1000].
 * @see fixtures/regression/poly.json
 *
 * @example φ(2) for m = 3
 * ```ts
 * import { polynomialDesign } from "@nnref/nnref/regression";
 * const x = polynomialDesign([2], 3);
 * if (x.data.join() !== "1,2,4,8") throw new Error("[1, 2, 4, 8]");
 * ```
 * @category Regression
 */
export function polynomialDesign(x: ArrayLike<number>, degree: number): Matrix {
  validate(x, degree);
  const p = degree + 1;
  const design = createMatrix(x.length, p);
  for (let i = 0; i < x.length; i++) {
    let power = 1;
    for (let j = 0; j < p; j++) {
      design.data[i * p + j] = power;
      power *= x[i];
    }
  }
  return design;
}

/**
 * The polynomial design with every power xʲ carried in double-double (about 32 digits),
 * for the `"accurate"` least-squares method. Rounding x¹⁰ to double perturbs the design
 * by up to ten roundings per entry, which on NIST's Filip problem (κ ≈ 10¹⁵) alone
 * leaves only about 8 correct digits; carried in double-double the powers are exact
 * to far below one double rounding.
 *
 * @param x The inputs (doubles, taken as exact).
 * @param degree m ≥ 0.
 * @returns X as hi + lo parts, n × (m + 1).
 * @throws {InputTypeError}, {ShapeError}, {NonFiniteError}, {ArgumentRangeError} as
 *   {@link polynomialDesign}.
 *
 * @example 0.1³ keeps the digits a double loses
 * ```ts
 * import { polynomialDesignDoubleDouble } from "@nnref/nnref/regression";
 * const x = polynomialDesignDoubleDouble([0.1], 3);
 * if (x.hi[1] !== 0.1 || x.lo[3] === 0) throw new Error("0.1³ (of the double 0.1) needs a tail");
 * ```
 * @category Regression
 */
export function polynomialDesignDoubleDouble(
  x: ArrayLike<number>,
  degree: number,
): DoubleDoubleMatrix {
  validate(x, degree);
  const n = x.length, p = degree + 1;
  const hi = new Float64Array(n * p), lo = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    let power: DoubleDouble = [1, 0];
    for (let j = 0; j < p; j++) {
      hi[i * p + j] = power[0];
      lo[i * p + j] = power[1];
      power = ddMul(power, [x[i], 0]);
    }
  }
  return { rows: n, cols: p, hi, lo };
}
