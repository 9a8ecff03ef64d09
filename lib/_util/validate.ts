/**
 * Input checks shared by every module, so that bad input always gets the same clear
 * message: what was wrong, and what was expected. Private: not re-exported.
 *
 * @module
 */

import { ArgumentRangeError, NonFiniteError, ShapeError } from "../errors.ts";

/**
 * Throws unless every value is finite.
 *
 * @param values The numbers to check.
 * @param what What they are, for the message ("X", "learning rate").
 * @throws {NonFiniteError} naming the first non-finite value and its index.
 */
export function requireFinite(values: ArrayLike<number>, what: string): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new NonFiniteError(`${what} must be finite, but entry ${i} is ${values[i]}`);
    }
  }
}

/**
 * Throws unless `value` is a finite number.
 *
 * @throws {RangeError} saying which parameter and what it was.
 */
export function requireFiniteNumber(value: number, what: string): void {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new NonFiniteError(`${what} must be a finite number, got ${value}`);
  }
}

/**
 * Throws unless `value` is a finite number > 0.
 *
 * @throws {RangeError} saying which parameter and what it was.
 */
export function requirePositive(value: number, what: string): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new ArgumentRangeError(`${what} must be a finite number > 0, got ${value}`);
  }
}

/**
 * Throws unless `value` is an integer ≥ `minimum`.
 *
 * @throws {RangeError} saying which parameter and what it was.
 */
export function requireInteger(value: number, what: string, minimum = 0): void {
  if (!Number.isInteger(value) || value < minimum) {
    throw new ArgumentRangeError(`${what} must be an integer ≥ ${minimum}, got ${value}`);
  }
}

/**
 * Throws unless two lengths are equal.
 *
 * @throws {RangeError} "Cannot <operation>: <a> has n entries but <b> has m".
 */
export function requireSameLength(
  a: ArrayLike<unknown>,
  aName: string,
  b: ArrayLike<unknown>,
  bName: string,
  operation: string,
): void {
  if (a.length !== b.length) {
    throw new ShapeError(
      `Cannot ${operation}: ${aName} has ${a.length} entries but ${bName} has ${b.length}`,
    );
  }
}
