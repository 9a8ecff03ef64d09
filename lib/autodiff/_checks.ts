/**
 * Domain checks shared by every evaluation mode (plain numbers, dual numbers, the
 * reverse-mode graph), so that a bad operation fails the same way, naming the node,
 * whichever algorithm meets it first. Private: never re-exported.
 *
 * @module
 */

import { ArgumentRangeError, InputTypeError, NonFiniteError } from "../errors.ts";
import { describeValue, requireFiniteNumber, requireFunction } from "../_util/validate.ts";

/** How an error message refers to a node: by its name, or by its operation if unnamed. */
export function nodeLabel(operation: string, name?: string): string {
  return name === undefined ? `an unnamed ${operation} node` : `node "${name}"`;
}

/** Throws unless the divisor is non-zero. */
export function checkDivisor(divisor: number, name?: string): void {
  if (divisor === 0) {
    throw new ArgumentRangeError(
      `Cannot divide at ${nodeLabel("div", name)}: the divisor is 0 (expected a non-zero number)`,
    );
  }
}

/** Throws unless the argument of ln is positive. */
export function checkLogArgument(argument: number, name?: string): void {
  if (!(argument > 0)) {
    throw new ArgumentRangeError(
      `Cannot take ln at ${
        nodeLabel("log", name)
      }: its argument is ${argument}, but ln needs a positive number`,
    );
  }
}

/** Throws unless the argument of √ is ≥ 0. */
export function checkSqrtArgument(argument: number, name?: string): void {
  if (!(argument >= 0)) {
    throw new ArgumentRangeError(
      `Cannot take √ at ${
        nodeLabel("sqrt", name)
      }: its argument is ${argument}, but √ needs a number ≥ 0`,
    );
  }
}

/** Throws unless base^exponent is a real number. */
export function checkPower(base: number, exponent: number, name?: string): void {
  if (typeof exponent !== "number") {
    throw new InputTypeError(
      `Cannot raise to a power at ${nodeLabel("pow", name)}: the exponent must be a number, got ${
        describeValue(exponent)
      }`,
    );
  }
  if (!Number.isFinite(exponent)) {
    throw new NonFiniteError(
      `Cannot raise to a power at ${
        nodeLabel("pow", name)
      }: the exponent is ${exponent} (expected a finite number)`,
    );
  }
  if (base < 0 && !Number.isInteger(exponent)) {
    throw new ArgumentRangeError(
      `Cannot raise to a power at ${
        nodeLabel("pow", name)
      }: the base ${base} is negative and the exponent ${exponent} is not an integer`,
    );
  }
  if (base === 0 && exponent < 0) {
    throw new ArgumentRangeError(
      `Cannot raise to a power at ${
        nodeLabel("pow", name)
      }: the base is 0 and the exponent ${exponent} is negative`,
    );
  }
}

/** Throws unless an operation's result is finite (an overflow, say). */
export function checkResult(value: number, operation: string, name?: string): number {
  if (!Number.isFinite(value)) {
    throw new NonFiniteError(
      `${nodeLabel(operation, name)} evaluated to ${value} (expected a finite number)`
        .replace(/^./, (first) => first.toUpperCase()),
    );
  }
  return value;
}

/** Throws unless a local derivative is finite (√ at 0, x^½ at 0). */
export function checkDerivative(derivative: number, operation: string, name?: string): number {
  if (!Number.isFinite(derivative)) {
    throw new NonFiniteError(
      `Cannot differentiate ${operation} at ${
        nodeLabel(operation, name)
      }: its derivative there is ${derivative} (expected a finite number)`,
    );
  }
  return derivative;
}

/** Throws unless an operand of a plain-number evaluation is a number. */
export function checkOperand(value: unknown, operation: string, name?: string): number {
  if (typeof value !== "number") {
    throw new InputTypeError(
      `Cannot evaluate ${nodeLabel(operation, name)}: an operand must be a number, got ${
        describeValue(value)
      }`,
    );
  }
  return value;
}

/** Throws unless a node name is absent or a string that is not "__proto__". */
export function checkName(name: unknown, operation: string): void {
  if (name === undefined) return;
  if (typeof name !== "string") {
    throw new InputTypeError(
      `The name of a ${operation} node must be a string, got ${describeValue(name)}`,
    );
  }
  if (name === "__proto__") {
    throw new ArgumentRangeError(
      `"__proto__" cannot name a node or an input: it is the prototype accessor of every object`,
    );
  }
}

/**
 * Checks a function and a point { name: value } of finite inputs (own properties only) and
 * returns the names. `"__proto__"` is refused: a literal { __proto__: 1 } sets the
 * prototype instead, and JSON.parse makes it an own key, so it means different things.
 */
export function checkPoint(fn: unknown, point: unknown): string[] {
  requireFunction(fn, "fn (the scalar function)");
  if (typeof point !== "object" || point === null || Array.isArray(point)) {
    throw new InputTypeError(
      `point must be an object of inputs by name, such as { x: 1, y: 2 }, got ${
        describeValue(point)
      }`,
    );
  }
  const names = Object.keys(point);
  for (const name of names) {
    checkName(name, "input");
    requireFiniteNumber((point as Record<string, unknown>)[name], `input "${name}"`);
  }
  return names;
}
