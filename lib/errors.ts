/**
 * The errors nnref throws, by kind. Each is a subclass of the built-in error it replaces,
 * so `catch (e) { if (e instanceof RangeError) … }` written against earlier versions keeps
 * working, and each carries a stable `code` to branch on without parsing messages:
 *
 * | class                  | extends      | `code`                  | when                                                      |
 * | ---------------------- | ------------ | ----------------------- | --------------------------------------------------------- |
 * | {@link InputTypeError}      | `TypeError`  | `NNREF_INPUT_TYPE`      | a value of the wrong type: null, a string, a BigInt, a plain array where a `Matrix` is expected |
 * | {@link ShapeError}          | `RangeError` | `NNREF_SHAPE`           | wrong or mismatched sizes, empty data, ragged rows        |
 * | {@link ArgumentRangeError}  | `RangeError` | `NNREF_ARGUMENT_RANGE`  | a number outside its domain, an unknown option name, a cap above its bound |
 * | {@link NonFiniteError}      | `RangeError` | `NNREF_NON_FINITE`      | NaN or ±∞ where the computation needs finite data         |
 * | {@link SingularMatrixError} | `RangeError` | `NNREF_SINGULAR_MATRIX` | a singular or numerically rank-deficient system (numpy's `LinAlgError`) |
 * | {@link ConvergenceError}    | `Error`      | `NNREF_NO_CONVERGENCE`  | an iteration that must converge did not, where a function throws rather than returning a status |
 *
 * Messages say what was wrong (naming the parameter and what it got) and what was
 * expected, and, where one exists, the fix.
 *
 * @module
 */

/** The stable codes of nnref's errors.
 * @category Errors */
export type NnrefErrorCode =
  | "NNREF_INPUT_TYPE"
  | "NNREF_SHAPE"
  | "NNREF_ARGUMENT_RANGE"
  | "NNREF_NON_FINITE"
  | "NNREF_SINGULAR_MATRIX"
  | "NNREF_NO_CONVERGENCE";

/**
 * A value of the wrong type: `null`, `undefined`, a string (numeric or not), a BigInt, a
 * plain `number[][]` where a `Matrix` is expected or the reverse.
 *
 * @example
 * ```ts
 * import { InputTypeError } from "@nnref/nnref/errors";
 * const error = new InputTypeError("x must be an array of numbers, got the string \"abc\"");
 * if (!(error instanceof TypeError) || error.code !== "NNREF_INPUT_TYPE") throw new Error("kind");
 * ```
 * @category Errors
 */
export class InputTypeError extends TypeError {
  /** Always `"NNREF_INPUT_TYPE"`. */
  readonly code = "NNREF_INPUT_TYPE" as const;
  /** The class name, shown in messages and stack traces. */
  override readonly name = "InputTypeError";
}

/**
 * Wrong or mismatched sizes: A is 2×3 where 3 rows are needed, X and y of different
 * lengths, an empty data set, ragged rows, a `Matrix` whose data is not rows × cols long.
 *
 * @example
 * ```ts
 * import { ShapeError } from "@nnref/nnref/errors";
 * const error = new ShapeError("Cannot multiply matrices: inner dimensions differ (3 vs 4)");
 * if (!(error instanceof RangeError) || error.code !== "NNREF_SHAPE") throw new Error("kind");
 * ```
 * @category Errors
 */
export class ShapeError extends RangeError {
  /** Always `"NNREF_SHAPE"`. */
  readonly code = "NNREF_SHAPE" as const;
  /** The class name, shown in messages and stack traces. */
  override readonly name = "ShapeError";
}

/**
 * A number outside its domain (a learning rate ≤ 0, a fractional size, an iteration cap
 * above its documented bound) or an unknown name (method, activation, option).
 *
 * @example
 * ```ts
 * import { ArgumentRangeError } from "@nnref/nnref/errors";
 * const error = new ArgumentRangeError("learningRate must be a finite number > 0, got -1");
 * if (!(error instanceof RangeError) || error.code !== "NNREF_ARGUMENT_RANGE") {
 *   throw new Error("kind");
 * }
 * ```
 * @category Errors
 */
export class ArgumentRangeError extends RangeError {
  /** Always `"NNREF_ARGUMENT_RANGE"`. */
  readonly code = "NNREF_ARGUMENT_RANGE" as const;
  /** The class name, shown in messages and stack traces. */
  override readonly name = "ArgumentRangeError";
}

/**
 * NaN or ±∞ in data that must be finite (a design matrix, targets, a fixture's expected
 * values, a training set). Elementwise kernels propagate NaN instead (IEEE 754).
 *
 * @example
 * ```ts
 * import { NonFiniteError } from "@nnref/nnref/errors";
 * const error = new NonFiniteError("X must be finite, but entry 3 is NaN");
 * if (!(error instanceof RangeError) || error.code !== "NNREF_NON_FINITE") throw new Error("kind");
 * ```
 * @category Errors
 */
export class NonFiniteError extends RangeError {
  /** Always `"NNREF_NON_FINITE"`. */
  readonly code = "NNREF_NON_FINITE" as const;
  /** The class name, shown in messages and stack traces. */
  override readonly name = "NonFiniteError";
}

/**
 * A singular or numerically rank-deficient system: the anchor is numpy's
 * `numpy.linalg.LinAlgError` ("Singular matrix").
 *
 * @example
 * ```ts
 * import { SingularMatrixError } from "@nnref/nnref/errors";
 * const error = new SingularMatrixError("XᵀX is singular: column 2 is a multiple of column 1");
 * if (!(error instanceof RangeError) || error.code !== "NNREF_SINGULAR_MATRIX") {
 *   throw new Error("kind");
 * }
 * ```
 * @category Errors
 */
export class SingularMatrixError extends RangeError {
  /** Always `"NNREF_SINGULAR_MATRIX"`. */
  readonly code = "NNREF_SINGULAR_MATRIX" as const;
  /** The class name, shown in messages and stack traces. */
  override readonly name = "SingularMatrixError";
}

/**
 * An iteration that must converge did not, where the function throws rather than
 * returning a status (iterative trainers and descents return `status` instead).
 *
 * @example
 * ```ts
 * import { ConvergenceError } from "@nnref/nnref/errors";
 * const error = new ConvergenceError("symmetricEigen: 100 sweeps did not converge");
 * if (!(error instanceof Error) || error.code !== "NNREF_NO_CONVERGENCE") throw new Error("kind");
 * ```
 * @category Errors
 */
export class ConvergenceError extends Error {
  /** Always `"NNREF_NO_CONVERGENCE"`. */
  readonly code = "NNREF_NO_CONVERGENCE" as const;
  /** The class name, shown in messages and stack traces. */
  override readonly name = "ConvergenceError";
}
