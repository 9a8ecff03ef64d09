/**
 * The output buffer of an elementwise array kernel. Private: every public array kernel
 * checks its buffer here and then runs its own loop with the scalar formula written
 * inline. A shared loop taking the scalar function as a callback was the first version;
 * V8 could not inline the callback at that one megamorphic call site (≈ 30 ns per entry
 * against ≈ 1 ns inline), so the loops are per kernel and the arithmetic is unchanged.
 *
 * @module
 */

import { InputTypeError, ShapeError } from "../errors.ts";
import { describeValue, requireNumberArray } from "../_util/validate.ts";

/**
 * Checks the input of an elementwise kernel (an array of numbers; NaN and ±∞ allowed, they
 * propagate) and returns `out` (allocated when absent) after checking that it is a
 * Float64Array of the same length.
 *
 * @throws {InputTypeError} if `values` is not an array of numbers or `out` not a Float64Array.
 * @throws {ShapeError} if `out` is given with a different length.
 */
export function elementwiseOut(
  values: ArrayLike<number>,
  out: Float64Array | undefined,
  what: string,
): Float64Array {
  requireNumberArray(values, "values");
  const length = values.length;
  if (out === undefined) return new Float64Array(length);
  if (!(out instanceof Float64Array)) {
    throw new InputTypeError(`out must be a Float64Array, got ${describeValue(out)}`);
  }
  if (out.length !== length) {
    throw new ShapeError(
      `Cannot apply ${what}: out has ${out.length} entries but values has ${length}`,
    );
  }
  return out;
}
