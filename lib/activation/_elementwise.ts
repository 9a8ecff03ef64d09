/**
 * Applying a scalar function to every entry of an array, into a caller's buffer.
 * Private: the public array kernels are thin wrappers around this.
 *
 * @module
 */

/**
 * Writes `fn(values[i])` into `out[i]` (allocating `out` when absent) and returns it.
 *
 * @throws {RangeError} if `out` is given with a different length from `values`.
 */
export function mapInto(
  values: ArrayLike<number>,
  fn: (x: number) => number,
  out: Float64Array | undefined,
  what: string,
): Float64Array {
  const n = values.length;
  if (out === undefined) {
    out = new Float64Array(n);
  } else if (out.length !== n) {
    throw new RangeError(
      `Cannot apply ${what}: out has ${out.length} entries but values has ${n}`,
    );
  }
  for (let i = 0; i < n; i++) out[i] = fn(values[i]);
  return out;
}
