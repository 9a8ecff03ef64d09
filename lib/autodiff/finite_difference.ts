/**
 * Central finite differences: the third, derivative-free check on the two automatic
 * modes. f′(x) ≈ (f(x + h) − f(x − h)) / (2h), with truncation error f‴h²/6 and
 * rounding error about ε|f|/h, balanced near h = ε^(1/3)·max(1, |x|).
 *
 * @module
 */

import { NUMBER_ARITHMETIC, type ScalarFunction } from "./arithmetic.ts";
import type { ValueAndGradient } from "./dual.ts";
import { requireFiniteNumber, requireFunction, requirePositive } from "../_util/validate.ts";
import { checkPoint } from "./_checks.ts";

/** The step that balances truncation and rounding error: ε^(1/3)·max(1, |x|). */
function defaultStep(x: number): number {
  return Math.cbrt(Number.EPSILON) * Math.max(1, Math.abs(x));
}

/**
 * Central difference (f(x + h) − f(x − h)) / (2h) of a function of one variable.
 *
 * @param f The function.
 * @param x The point.
 * @param step h > 0; default ε^(1/3)·max(1, |x|) ≈ 6.06e-6·max(1, |x|). The step
 *   actually used is (x + h) − (x − h) as represented, so h's own rounding cancels.
 * @returns The approximate derivative; its error is about h²|f‴|/6 + ε|f|/h.
 * @throws {InputTypeError} if f is not a function or x, h not numbers.
 * @throws {NonFiniteError} if x is not finite.
 * @throws {ArgumentRangeError} if the step is not a finite number > 0.
 *
 * @example d/dx sin x at 0 is 1
 * ```ts
 * import { centralDifference } from "@nnref/nnref/autodiff";
 * import { assertClose } from "@nnref/nnref/oracle";
 * assertClose(centralDifference(Math.sin, 0), 1, { atol: 1e-10 }, "cos 0 = 1");
 * ```
 * @category Automatic differentiation
 */
export function centralDifference(
  f: (x: number) => number,
  x: number,
  step: number = defaultStep(x),
): number {
  requireFunction(f, "f");
  requireFiniteNumber(x, "the point x");
  requirePositive(step, "the finite-difference step");
  const above = x + step, below = x - step;
  return (f(above) - f(below)) / (above - below);
}

/**
 * The gradient of a {@link ScalarFunction} by central differences, one input at a time,
 * evaluated with plain float64 arithmetic.
 *
 * @param fn The function, written once against `Arithmetic`.
 * @param point The input values by name.
 * @param step h > 0 for every input; default ε^(1/3)·max(1, |input|) per input.
 * @returns f(point) and the approximate ∂f/∂input for every input.
 * @throws {InputTypeError} if fn is not a function or point not an object of numbers.
 * @throws {NonFiniteError} if an input is not finite.
 * @throws {ArgumentRangeError} if the step is not positive, or an operation fails at a
 *   shifted point (naming the node).
 *
 * @example e = (a + b)(b + 1): ∂e/∂b ≈ 5
 * ```ts
 * import { centralDifferenceGradient } from "@nnref/nnref/autodiff";
 * import { assertClose } from "@nnref/nnref/oracle";
 * const { gradient } = centralDifferenceGradient(
 *   (ops, { a, b }) => ops.mul(ops.add(a, b), ops.add(b, 1)),
 *   { a: 2, b: 1 },
 * );
 * assertClose(gradient.b, 5, { atol: 1e-9 }, "∂e/∂b = 5");
 * ```
 * @category Automatic differentiation
 */
export function centralDifferenceGradient(
  fn: ScalarFunction,
  point: Readonly<Record<string, number>>,
  step?: number,
): ValueAndGradient {
  checkPoint(fn, point);
  if (step !== undefined) requirePositive(step, "the finite-difference step");
  const value = fn(NUMBER_ARITHMETIC, point);
  const gradient: Record<string, number> = {};
  for (const name of Object.keys(point)) {
    const along = (t: number) => fn(NUMBER_ARITHMETIC, { ...point, [name]: t });
    gradient[name] = centralDifference(along, point[name], step ?? defaultStep(point[name]));
  }
  return { value, gradient };
}
