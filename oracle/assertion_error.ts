/**
 * The error every nnref assertion throws. It is our own class (not `node:assert`'s) so
 * that `lib/` stays runtime-neutral; test runners report it like any thrown error.
 *
 * @module
 */

/**
 * Thrown when a numeric assertion fails. The message names the index, the actual and
 * expected values, their difference and the bound that was exceeded.
 *
 * @example Catching a failed assertion
 * ```ts
 * import { AssertionError } from "@nnref/nnref/oracle";
 * const error = new AssertionError("values differ");
 * if (!(error instanceof Error) || error.name !== "AssertionError") throw new Error("unexpected");
 * ```
 * @category Assertions
 */
export class AssertionError extends Error {
  /**
   * Creates the error.
   *
   * @param message What failed and why.
   */
  constructor(message: string) {
    super(message);
    this.name = "AssertionError";
  }
}
