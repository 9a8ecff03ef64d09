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
 * @throws {RangeError} from an operation: a zero divisor, ln of x ≤ 0, √ of x < 0, a
 *   non-real power, or a non-finite result — each naming the node.
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
  constant: (value: number) => value,
  add: (left: number, right: number, name?: string) => checkResult(left + right, "add", name),
  sub: (left: number, right: number, name?: string) => checkResult(left - right, "sub", name),
  mul: (left: number, right: number, name?: string) => checkResult(left * right, "mul", name),
  div: (left: number, right: number, name?: string) => {
    checkDivisor(right, name);
    return checkResult(left / right, "div", name);
  },
  pow: (base: number, exponent: number, name?: string) => {
    checkPower(base, exponent, name);
    return checkResult(base ** exponent, "pow", name);
  },
  exp: (x: number, name?: string) => checkResult(Math.exp(x), "exp", name),
  log: (x: number, name?: string) => {
    checkLogArgument(x, name);
    return Math.log(x);
  },
  sqrt: (x: number, name?: string) => {
    checkSqrtArgument(x, name);
    return Math.sqrt(x);
  },
  sin: (x: number, name?: string) => checkResult(Math.sin(x), "sin", name),
  cos: (x: number, name?: string) => checkResult(Math.cos(x), "cos", name),
  sigmoid: (x: number, name?: string) => checkResult(logistic(x), "sigmoid", name),
  tanh: (x: number, name?: string) => checkResult(Math.tanh(x), "tanh", name),
  relu: (x: number, name?: string) => checkResult(x > 0 ? x : 0, "relu", name),
});
