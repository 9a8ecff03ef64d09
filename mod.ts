/**
 * nnref: a reference implementation and correctness oracle for the mathematics of
 * neural computation — least squares, gradient descent and SGD, perceptron and logistic
 * models, activations, feed-forward networks, backpropagation.
 *
 * Every export is checked against worked results of five teaching documents, through
 * fixtures that record what each document printed, the true value from an independent
 * oracle, and the document's errors.
 *
 * @example Check a value against a document's printed digits
 * ```ts
 * import { assertPrinted, ulpDistance } from "./mod.ts";
 * assertPrinted(Math.sqrt(2), "1.41421356");
 * if (ulpDistance(1, 1 + Number.EPSILON) !== 1) throw new Error("one ulp");
 * ```
 *
 * @module
 */

// The oracle: numeric assertions, the fixture format, verification.
export { AssertionError } from "./lib/oracle/assertion_error.ts";
export { ulp, ulpDistance } from "./lib/oracle/ulp.ts";
export {
  assertAllClose,
  assertClose,
  findMismatch,
  type MatrixLike,
  type Mismatch,
  type NumericTree,
  type Tolerance,
  validateTolerance,
} from "./lib/oracle/assert_close.ts";
export {
  assertPrinted,
  parsePrinted,
  printedMismatch,
  type PrintedNumber,
  type PrintedOptions,
  type StringTree,
} from "./lib/oracle/assert_printed.ts";
export {
  errataOf,
  type Erratum,
  type ExpectedValue,
  type Fixture,
  type FixtureOracle,
  type FixtureSource,
  parseFixture,
  parseFixtures,
} from "./lib/oracle/fixture.ts";
export { assertFixture, type Check, verifyFixture } from "./lib/oracle/verify.ts";
export { claims, type Subject, subjectFor } from "./lib/oracle/subject.ts";

// Linear algebra.
export {
  columnVector,
  createMatrix,
  entry,
  fromRows,
  identity,
  type Matrix,
  toRows,
  transpose,
  zeros,
} from "./lib/linalg/matrix.ts";
