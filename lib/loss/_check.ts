/**
 * Input checks shared by the losses. Private.
 *
 * @module
 */

import { requireFinite, requireSameLength } from "../_util/validate.ts";

/**
 * Throws unless predictions and targets are non-empty, equally long and finite.
 *
 * @throws {RangeError} naming the loss and what was wrong.
 */
export function requirePair(
  predictions: ArrayLike<number>,
  targets: ArrayLike<number>,
  loss: string,
): void {
  requireSameLength(predictions, "predictions", targets, "targets", `compute ${loss}`);
  if (predictions.length === 0) {
    throw new RangeError(`Cannot compute ${loss}: predictions and targets are empty`);
  }
  requireFinite(predictions, `${loss}: predictions`);
  requireFinite(targets, `${loss}: targets`);
}

/**
 * Throws unless every value lies in [0, 1].
 *
 * @throws {RangeError} naming the first value outside and its index.
 */
export function requireUnitInterval(values: ArrayLike<number>, what: string): void {
  for (let i = 0; i < values.length; i++) {
    if (!(values[i] >= 0 && values[i] <= 1)) {
      throw new RangeError(`${what} must lie in [0, 1], but entry ${i} is ${values[i]}`);
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
  if (out.length !== n) {
    throw new RangeError(
      `Cannot write the ${loss} gradient: out has ${out.length} entries but predictions has ${n}`,
    );
  }
  return out;
}
