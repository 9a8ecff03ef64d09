/**
 * The output buffer of an elementwise array kernel. Private: every public array kernel
 * checks its buffer here and then runs its own loop with the scalar formula written
 * inline. A shared loop taking the scalar function as a callback was the first version;
 * V8 could not inline the callback at that one megamorphic call site (≈ 30 ns per entry
 * against ≈ 1 ns inline), so the loops are per kernel and the arithmetic is unchanged.
 *
 * @module
 */

/**
 * Returns `out` (allocated when absent) after checking that it has `length` entries.
 *
 * @throws {RangeError} if `out` is given with a different length.
 */
export function elementwiseOut(
  length: number,
  out: Float64Array | undefined,
  what: string,
): Float64Array {
  if (out === undefined) return new Float64Array(length);
  if (out.length !== length) {
    throw new RangeError(
      `Cannot apply ${what}: out has ${out.length} entries but values has ${length}`,
    );
  }
  return out;
}
