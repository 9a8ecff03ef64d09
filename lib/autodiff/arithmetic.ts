/**
 * One scalar function, three evaluations. A function written once against
 * {@link Arithmetic} can be evaluated on plain numbers ({@link NUMBER_ARITHMETIC}), on
 * dual numbers (forward mode, `dual.ts`) and on a reverse-mode graph (`graph.ts`), so
 * its gradient is computed by two independent algorithms plus finite differences.
 *
 * @module
 */

import {
  checkDivisor,
  checkLogArgument,
  checkName,
  checkOperand,
  checkPower,
  checkResult,
  checkSqrtArgument,
} from "./_checks.ts";
// σ itself is lib/activation's, so a graph's sigmoid node agrees with a network's bit for bit.
import { sigmoid as logistic } from "../activation/sigmoid.ts";

/** An operand: a value of the arithmetic, or a plain number (a constant).
 * @category Automatic differentiation */
export type Operand<T> = T | number;

/**
 * The operations of a scalar computational graph. Every operation takes an optional
 * `name`: the reverse-mode graph records the node under it, and every mode uses it in
 * error messages ("Cannot take ln at node "b": …").
 * @category Automatic differentiation
 */
export interface Arithmetic<T> {
  /** Which evaluation this is: "number", "dual" or "graph". */
  readonly mode: string;
  /** A constant (derivative 0). */
  constant(value: number): T;
  /** left + right. */
  add(left: Operand<T>, right: Operand<T>, name?: string): T;
  /** left − right. */
  sub(left: Operand<T>, right: Operand<T>, name?: string): T;
  /** left × right. */
  mul(left: Operand<T>, right: Operand<T>, name?: string): T;
  /** left ÷ right; a zero divisor throws. */
  div(left: Operand<T>, right: Operand<T>, name?: string): T;
  /** base^exponent for a constant exponent; a non-real result throws. */
  pow(base: Operand<T>, exponent: number, name?: string): T;
  /** e^x. */
  exp(x: Operand<T>, name?: string): T;
  /** ln x; x ≤ 0 throws. */
  log(x: Operand<T>, name?: string): T;
  /** √x; x < 0 throws. */
  sqrt(x: Operand<T>, name?: string): T;
  /** sin x. */
  sin(x: Operand<T>, name?: string): T;
  /** cos x. */
  cos(x: Operand<T>, name?: string): T;
  /** σ(x) = 1 / (1 + e^(−x)). */
  sigmoid(x: Operand<T>, name?: string): T;
  /** tanh x. */
  tanh(x: Operand<T>, name?: string): T;
  /** max(0, x), with derivative 0 at x = 0. */
  relu(x: Operand<T>, name?: string): T;
}

/**
 * A scalar function of named inputs, written once for every {@link Arithmetic}.
 *
 * @example e = (a + b)(b + 1), written once
 * ```ts
 * import { NUMBER_ARITHMETIC, type ScalarFunction } from "@nnref/nnref/autodiff";
 * const productOfSums: ScalarFunction = (ops, { a, b }) =>
 *   ops.mul(ops.add(a, b, "c"), ops.add(b, 1, "d"), "e");
 * if (productOfSums(NUMBER_ARITHMETIC, { a: 2, b: 1 }) !== 6) throw new Error("e = 6");
 * ```
 * @category Automatic differentiation
 */
export type ScalarFunction = <T>(ops: Arithmetic<T>, inputs: Readonly<Record<string, T>>) => T;

/**
 * Plain float64 evaluation: the operations are the IEEE operations of JavaScript (and
 * `Math.*`), with the same domain checks as the differentiating modes.
 *
 * @throws {InputTypeError} for an operand that is not a number or a name that is not a string.
 * @throws {ArgumentRangeError} from an operation: a zero divisor, ln of x ≤ 0, √ of x < 0
 *   or a non-real power — each naming the node.
 * @throws {NonFiniteError} for a non-finite result (an overflow), naming the node.
 *
 * @example Evaluating and failing by name
 * ```ts
 * import { NUMBER_ARITHMETIC } from "@nnref/nnref/autodiff";
 * const ops = NUMBER_ARITHMETIC;
 * if (ops.sqrt(ops.log(ops.mul(2, 2, "a"), "b"), "c") !== Math.sqrt(Math.log(4))) {
 *   throw new Error("c = √(ln 4)");
 * }
 * let message = "";
 * try { ops.log(-1, "b"); } catch (error) { message = (error as Error).message; }
 * if (!message.includes('node "b"')) throw new Error("the error names the node");
 * ```
 * @category Automatic differentiation
 */
export const NUMBER_ARITHMETIC: Arithmetic<number> = Object.freeze({
  mode: "number",
  constant: (value: number) => checkOperand(value, "constant"),
  add: (left: number, right: number, name?: string) =>
    checkResult(operand(left, "add", name) + operand(right, "add", name), "add", name),
  sub: (left: number, right: number, name?: string) =>
    checkResult(operand(left, "sub", name) - operand(right, "sub", name), "sub", name),
  mul: (left: number, right: number, name?: string) =>
    checkResult(operand(left, "mul", name) * operand(right, "mul", name), "mul", name),
  div: (left: number, right: number, name?: string) => {
    const a = operand(left, "div", name), b = operand(right, "div", name);
    checkDivisor(b, name);
    return checkResult(a / b, "div", name);
  },
  pow: (base: number, exponent: number, name?: string) => {
    const a = operand(base, "pow", name);
    checkPower(a, exponent, name);
    return checkResult(a ** exponent, "pow", name);
  },
  exp: (x: number, name?: string) => checkResult(Math.exp(operand(x, "exp", name)), "exp", name),
  log: (x: number, name?: string) => {
    const a = operand(x, "log", name);
    checkLogArgument(a, name);
    return Math.log(a);
  },
  sqrt: (x: number, name?: string) => {
    const a = operand(x, "sqrt", name);
    checkSqrtArgument(a, name);
    return Math.sqrt(a);
  },
  sin: (x: number, name?: string) => checkResult(Math.sin(operand(x, "sin", name)), "sin", name),
  cos: (x: number, name?: string) => checkResult(Math.cos(operand(x, "cos", name)), "cos", name),
  sigmoid: (x: number, name?: string) =>
    checkResult(logistic(operand(x, "sigmoid", name)), "sigmoid", name),
  tanh: (x: number, name?: string) =>
    checkResult(Math.tanh(operand(x, "tanh", name)), "tanh", name),
  relu: (x: number, name?: string) => {
    const a = operand(x, "relu", name);
    return checkResult(a > 0 ? a : 0, "relu", name);
  },
});

/** An operand of a plain-number operation: a number, under a valid node name. */
function operand(value: number, operation: string, name?: string): number {
  checkName(name, operation);
  return checkOperand(value, operation, name);
}
