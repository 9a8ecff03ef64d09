/**
 * Forward-mode differentiation with dual numbers: a + a′ε with ε² = 0. Every operation
 * carries the derivative along with the value, f(a + a′ε) = f(a) + f′(a)a′ε, so one
 * pass with the seed a′ = 1 on one input gives the derivative with respect to that
 * input. Independent of the reverse-mode graph: it shares only the domain checks.
 *
 * @module
 */

import type { Arithmetic, Operand, ScalarFunction } from "./arithmetic.ts";
import {
  checkDerivative,
  checkDivisor,
  checkLogArgument,
  checkName,
  checkPoint,
  checkPower,
  checkResult,
  checkSqrtArgument,
} from "./_checks.ts";
// σ itself is lib/activation's, so a graph's sigmoid node agrees with a network's bit for
// bit; σ′ and tanh′ are its accurate derivatives from z (no cancellation in σ(1 − σ)).
import { sigmoid as logistic, sigmoidDerivative } from "../activation/sigmoid.ts";
import { tanhDerivative } from "../activation/tanh.ts";
import { InputTypeError } from "../errors.ts";
import { describeValue } from "../_util/validate.ts";

/** A dual number value + derivative·ε.
 * @category Automatic differentiation */
export interface Dual {
  /** The value a. */
  readonly value: number;
  /** The derivative a′ with respect to the seeded input. */
  readonly derivative: number;
}

function lift(x: Operand<Dual>, operation = "an operation", name?: string): Dual {
  checkName(name, operation);
  if (typeof x === "number") return { value: x, derivative: 0 };
  if (
    typeof x !== "object" || x === null || typeof x.value !== "number" ||
    typeof x.derivative !== "number"
  ) {
    throw new InputTypeError(
      `An operand of ${operation} must be a number or a Dual { value, derivative }, got ${
        describeValue(x)
      }`,
    );
  }
  return x;
}

/** f(x) = value, f′ = local · x′, with both checked finite. */
function unary(
  x: Operand<Dual>,
  value: number,
  local: number,
  operation: string,
  name?: string,
): Dual {
  const d = lift(x, operation, name);
  checkResult(value, operation, name);
  // A zero seed needs no derivative, so √0 of a constant is fine.
  if (d.derivative === 0) return { value, derivative: 0 };
  return {
    value,
    derivative: checkResult(
      d.derivative * checkDerivative(local, operation, name),
      operation,
      name,
    ),
  };
}

/**
 * Dual-number arithmetic, implementing {@link Arithmetic}: (a + a′ε) op (b + b′ε).
 *
 * Rules: (a ± b)′ = a′ ± b′; (ab)′ = a′b + ab′; (a/b)′ = (a′b − ab′)/b²;
 * (aⁿ)′ = n aⁿ⁻¹ a′; (eᵃ)′ = eᵃ a′; (ln a)′ = a′/a; (√a)′ = a′/(2√a); (sin a)′ = cos a · a′;
 * (cos a)′ = −sin a · a′; σ′ = σ(1 − σ); tanh′ = 1 − tanh²; ReLU′ = [a > 0].
 *
 * @throws {InputTypeError} for an operand that is neither a number nor a Dual.
 * @throws {ArgumentRangeError} naming the node, for a zero divisor, ln of a ≤ 0, √ of a < 0
 *   or a non-real power.
 * @throws {NonFiniteError} naming the node, for a non-finite result or an infinite
 *   derivative (√ at 0).
 *
 * @example d/dx (x² + 1) at x = 3 is 6
 * ```ts
 * import { DUAL_ARITHMETIC } from "@nnref/nnref/autodiff";
 * const x = { value: 3, derivative: 1 };
 * const y = DUAL_ARITHMETIC.add(DUAL_ARITHMETIC.mul(x, x), 1);
 * if (y.value !== 10 || y.derivative !== 6) throw new Error("(10, 6)");
 * ```
 * @category Automatic differentiation
 */
export const DUAL_ARITHMETIC: Arithmetic<Dual> = Object.freeze({
  mode: "dual",
  constant: (value: number): Dual => lift(value, "constant"),
  add: (left: Operand<Dual>, right: Operand<Dual>, name?: string): Dual => {
    const a = lift(left, "add", name), b = lift(right, "add", name);
    return {
      value: checkResult(a.value + b.value, "add", name),
      derivative: checkResult(a.derivative + b.derivative, "add", name),
    };
  },
  sub: (left: Operand<Dual>, right: Operand<Dual>, name?: string): Dual => {
    const a = lift(left, "sub", name), b = lift(right, "sub", name);
    return {
      value: checkResult(a.value - b.value, "sub", name),
      derivative: checkResult(a.derivative - b.derivative, "sub", name),
    };
  },
  mul: (left: Operand<Dual>, right: Operand<Dual>, name?: string): Dual => {
    const a = lift(left, "mul", name), b = lift(right, "mul", name);
    return {
      value: checkResult(a.value * b.value, "mul", name),
      derivative: checkResult(a.derivative * b.value + a.value * b.derivative, "mul", name),
    };
  },
  div: (left: Operand<Dual>, right: Operand<Dual>, name?: string): Dual => {
    const a = lift(left, "div", name), b = lift(right, "div", name);
    checkDivisor(b.value, name);
    const value = checkResult(a.value / b.value, "div", name);
    return {
      value,
      derivative: checkResult((a.derivative - value * b.derivative) / b.value, "div", name),
    };
  },
  pow: (base: Operand<Dual>, exponent: number, name?: string): Dual => {
    const a = lift(base, "pow", name);
    checkPower(a.value, exponent, name);
    const local = exponent === 0 ? 0 : exponent * a.value ** (exponent - 1);
    return unary(a, a.value ** exponent, local, "pow", name);
  },
  exp: (x: Operand<Dual>, name?: string): Dual => {
    const value = Math.exp(lift(x, "exp", name).value);
    return unary(x, value, value, "exp", name);
  },
  log: (x: Operand<Dual>, name?: string): Dual => {
    const a = lift(x, "log", name);
    checkLogArgument(a.value, name);
    return unary(a, Math.log(a.value), 1 / a.value, "log", name);
  },
  sqrt: (x: Operand<Dual>, name?: string): Dual => {
    const a = lift(x, "sqrt", name);
    checkSqrtArgument(a.value, name);
    const value = Math.sqrt(a.value);
    return unary(a, value, 1 / (2 * value), "sqrt", name);
  },
  sin: (x: Operand<Dual>, name?: string): Dual => {
    const a = lift(x, "sin", name);
    return unary(a, Math.sin(a.value), Math.cos(a.value), "sin", name);
  },
  cos: (x: Operand<Dual>, name?: string): Dual => {
    const a = lift(x, "cos", name);
    return unary(a, Math.cos(a.value), -Math.sin(a.value), "cos", name);
  },
  sigmoid: (x: Operand<Dual>, name?: string): Dual => {
    const a = lift(x, "sigmoid", name);
    return unary(a, logistic(a.value), sigmoidDerivative(a.value), "sigmoid", name);
  },
  tanh: (x: Operand<Dual>, name?: string): Dual => {
    const a = lift(x, "tanh", name);
    return unary(a, Math.tanh(a.value), tanhDerivative(a.value), "tanh", name);
  },
  relu: (x: Operand<Dual>, name?: string): Dual => {
    const a = lift(x, "relu", name);
    return unary(a, a.value > 0 ? a.value : 0, a.value > 0 ? 1 : 0, "relu", name);
  },
});

/** A function's value and its partial derivatives with respect to each input.
 * @category Automatic differentiation */
export interface ValueAndGradient {
  /** f at the point. */
  readonly value: number;
  /** ∂f/∂input for every input, by input name. */
  readonly gradient: Readonly<Record<string, number>>;
}

/**
 * The gradient by forward mode: one dual-number pass per input, seeding that input's
 * derivative with 1 and every other with 0.
 *
 * @param fn The function, written once against {@link Arithmetic}.
 * @param point The input values by name (e.g. `{ a: 2, b: 1 }`).
 * @returns f(point) and ∂f/∂input for every input.
 * @throws {InputTypeError} if fn is not a function or point not an object of numbers.
 * @throws {NonFiniteError} if an input is not finite.
 * @throws {ArgumentRangeError} for the name "__proto__", or from an operation (naming the node).
 *
 * @example e = (a + b)(b + 1) at a = 2, b = 1: ∂e/∂a = 2, ∂e/∂b = 5
 * ```ts
 * import { forwardModeGradient } from "@nnref/nnref/autodiff";
 * const { value, gradient } = forwardModeGradient(
 *   (ops, { a, b }) => ops.mul(ops.add(a, b), ops.add(b, 1)),
 *   { a: 2, b: 1 },
 * );
 * if (value !== 6 || gradient.a !== 2 || gradient.b !== 5) throw new Error("6, 2, 5");
 * ```
 * @category Automatic differentiation
 */
export function forwardModeGradient(
  fn: ScalarFunction,
  point: Readonly<Record<string, number>>,
): ValueAndGradient {
  const names = checkPoint(fn, point);
  const gradient: Record<string, number> = {};
  let value = fn(DUAL_ARITHMETIC, seeded(point, undefined)).value;
  for (const name of names) {
    const result = fn(DUAL_ARITHMETIC, seeded(point, name));
    value = result.value;
    gradient[name] = result.derivative;
  }
  return { value, gradient };
}

function seeded(point: Readonly<Record<string, number>>, seed: string | undefined) {
  const duals: Record<string, Dual> = {};
  for (const [name, value] of Object.entries(point)) {
    duals[name] = { value, derivative: name === seed ? 1 : 0 };
  }
  return duals;
}
