/**
 * Input checks shared by the losses. Private.
 *
 * @module
 */

import { ArgumentRangeError, InputTypeError, ShapeError } from "../errors.ts";
import {
  describeValue,
  requireFinite,
  requireNumberArray,
  requireSameLength,
} from "../_util/validate.ts";

/**
 * Throws unless predictions and targets are non-empty, equally long and finite.
 *
 * @throws {InputTypeError} if either is not an array of numbers.
 * @throws {ShapeError} if they differ in length or are empty.
 * @throws {NonFiniteError} naming the loss and the first non-finite entry.
 */
export function requirePair(
  predictions: ArrayLike<number>,
  targets: ArrayLike<number>,
  loss: string,
): void {
  requireNumberArray(predictions, "predictions");
  requireNumberArray(targets, "targets");
  requireSameLength(predictions, "predictions", targets, "targets", `compute ${loss}`);
  if (predictions.length === 0) {
    throw new ShapeError(`Cannot compute ${loss}: predictions and targets are empty`);
  }
  requireFinite(predictions, `${loss}: predictions`);
  requireFinite(targets, `${loss}: targets`);
}

/**
 * Throws unless every value lies in [0, 1].
 *
 * @throws {ArgumentRangeError} naming the first value outside and its index.
 */
export function requireUnitInterval(values: ArrayLike<number>, what: string): void {
  for (let i = 0; i < values.length; i++) {
    if (!(values[i] >= 0 && values[i] <= 1)) {
      throw new ArgumentRangeError(`${what} must lie in [0, 1], but entry ${i} is ${values[i]}`);
    }
  }
}

/** The output buffer of a gradient: `out` if its length fits, else a new one. */
export function gradientBuffer(
  out: Float64Array | undefined,
  n: number,
  loss: string,
): Float64Array {
  if (out === undefined) return new Float64Array(n);
  if (!(out instanceof Float64Array)) {
    throw new InputTypeError(`out must be a Float64Array, got ${describeValue(out)}`);
  }
  if (out.length !== n) {
    throw new ShapeError(
      `Cannot write the ${loss} gradient: out has ${out.length} entries but predictions has ${n}`,
    );
  }
  return out;
}
