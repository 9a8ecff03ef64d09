/**
 * Domain checks shared by every evaluation mode (plain numbers, dual numbers, the
 * reverse-mode graph), so that a bad operation fails the same way, naming the node,
 * whichever algorithm meets it first. Private: never re-exported.
 *
 * @module
 */

/** How an error message refers to a node: by its name, or by its operation if unnamed. */
export function nodeLabel(operation: string, name?: string): string {
  return name === undefined ? `an unnamed ${operation} node` : `node "${name}"`;
}

/** Throws unless the divisor is non-zero. */
export function checkDivisor(divisor: number, name?: string): void {
  if (divisor === 0) {
    throw new RangeError(
      `Cannot divide at ${nodeLabel("div", name)}: the divisor is 0 (expected a non-zero number)`,
    );
  }
}

/** Throws unless the argument of ln is positive. */
export function checkLogArgument(argument: number, name?: string): void {
  if (!(argument > 0)) {
    throw new RangeError(
      `Cannot take ln at ${
        nodeLabel("log", name)
      }: its argument is ${argument}, but ln needs a positive number`,
    );
  }
}

/** Throws unless the argument of √ is ≥ 0. */
export function checkSqrtArgument(argument: number, name?: string): void {
  if (!(argument >= 0)) {
    throw new RangeError(
      `Cannot take √ at ${
        nodeLabel("sqrt", name)
      }: its argument is ${argument}, but √ needs a number ≥ 0`,
    );
  }
}

/** Throws unless base^exponent is a real number. */
export function checkPower(base: number, exponent: number, name?: string): void {
  if (!Number.isFinite(exponent)) {
    throw new RangeError(
      `Cannot raise to a power at ${
        nodeLabel("pow", name)
      }: the exponent is ${exponent} (expected a finite number)`,
    );
  }
  if (base < 0 && !Number.isInteger(exponent)) {
    throw new RangeError(
      `Cannot raise to a power at ${
        nodeLabel("pow", name)
      }: the base ${base} is negative and the exponent ${exponent} is not an integer`,
    );
  }
  if (base === 0 && exponent < 0) {
    throw new RangeError(
      `Cannot raise to a power at ${
        nodeLabel("pow", name)
      }: the base is 0 and the exponent ${exponent} is negative`,
    );
  }
}

/** Throws unless an operation's result is finite (an overflow, say). */
export function checkResult(value: number, operation: string, name?: string): number {
  if (!Number.isFinite(value)) {
    throw new RangeError(
      `${nodeLabel(operation, name)} evaluated to ${value} (expected a finite number)`
        .replace(/^./, (first) => first.toUpperCase()),
    );
  }
  return value;
}

/** Throws unless a local derivative is finite (√ at 0, x^½ at 0). */
export function checkDerivative(derivative: number, operation: string, name?: string): number {
  if (!Number.isFinite(derivative)) {
    throw new RangeError(
      `Cannot differentiate ${operation} at ${
        nodeLabel(operation, name)
      }: its derivative there is ${derivative} (expected a finite number)`,
    );
  }
  return derivative;
}
