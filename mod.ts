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

// The oracle toolkit: numeric assertions, the fixture format, verification, replay, and
// the conformance checks for someone else's implementation. The worked results of the
// five documents are not exported here: import them from `worked.ts`.
export { AssertionError } from "./oracle/assertion_error.ts";
export { ulp, ulpDistance } from "./oracle/ulp.ts";
export {
  assertAllClose,
  assertClose,
  findMismatch,
  type MatrixLike,
  type Mismatch,
  type NumericTree,
  type Tolerance,
  validateTolerance,
} from "./oracle/assert_close.ts";
export {
  assertPrinted,
  parsePrinted,
  printedMismatch,
  type PrintedNumber,
  type PrintedOptions,
  type StringTree,
} from "./oracle/assert_printed.ts";
export {
  errataOf,
  type ExpectedValue,
  type Fixture,
  type FixtureOracle,
  type FixtureSource,
  parseFixture,
  parseFixtures,
} from "./oracle/fixture.ts";
export * from "./oracle/errata.ts";
export * from "./oracle/errata_link.ts";
export * from "./oracle/claims.ts";
export {
  assertFixture,
  type Check,
  type ErratumFieldCheck,
  fieldChecksOf,
  verifyFixture,
} from "./oracle/verify.ts";
export { claims, type Subject, subjectFor, subjectProblem } from "./oracle/subject.ts";
export * from "./oracle/replay.ts";
export * from "./oracle/replay_summary.ts";
export * from "./oracle/conformance/mod.ts";

// Errors by kind, each a subclass of the built-in it replaces, with a stable code.
export * from "./lib/errors.ts";

// Linear algebra: the Matrix type.
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

// Seeded random numbers, stream-identical to numpy's RandomState.
export * from "./lib/random/mt19937.ts";
export * from "./lib/random/random_state.ts";
// Linear algebra: matrices, products, factorisations, least squares.
export * from "./lib/linalg/cholesky.ts";
export * from "./lib/linalg/double_double.ts";
export * from "./lib/linalg/lstsq.ts";
export * from "./lib/linalg/matmul.ts";
export * from "./lib/linalg/matvec.ts";
export * from "./lib/linalg/qr.ts";
export * from "./lib/linalg/symmetric_eigen.ts";
export * from "./lib/linalg/triangular.ts";
// Regression: design matrices, fit statistics, ridge, the Hessian, NIST LRE.
export * from "./lib/regression/cost.ts";
export * from "./lib/regression/design.ts";
export * from "./lib/regression/fit_statistics.ts";
export * from "./lib/regression/hessian.ts";
export * from "./lib/regression/log_relative_error.ts";
export * from "./lib/regression/polynomial.ts";
export * from "./lib/regression/ridge.ts";
// Optimisation: gradient descent with pluggable stopping rules, SGD, step schedules.
export * from "./lib/optim/descent.ts";
export * from "./lib/optim/gd_step.ts";
export * from "./lib/optim/gradient_descent.ts";
export * from "./lib/optim/least_squares.ts";
export * from "./lib/optim/sgd.ts";
export * from "./lib/optim/step_schedule.ts";
export * from "./lib/optim/stopping_rule.ts";
// Step-size series and accurate summation.
export * from "./lib/series/robbins_monro.ts";
export * from "./lib/series/summation.ts";
// Activations and softmax.
export * from "./lib/activation/activation.ts";
export * from "./lib/activation/identity.ts";
export * from "./lib/activation/relu.ts";
export * from "./lib/activation/sigmoid.ts";
export * from "./lib/activation/softmax.ts";
export * from "./lib/activation/step.ts";
export * from "./lib/activation/tanh.ts";
// Losses and their gradients.
export * from "./lib/loss/absolute_error.ts";
export * from "./lib/loss/binary_cross_entropy.ts";
export * from "./lib/loss/categorical_cross_entropy.ts";
export * from "./lib/loss/cross_entropy.ts";
export * from "./lib/loss/loss.ts";
export * from "./lib/loss/squared_error.ts";
export * from "./lib/loss/squared_hinge.ts";
// Classifiers: logic gates, perceptron, squared hinge, logistic regression.
export * from "./lib/classify/logic_gate.ts";
export * from "./lib/classify/logistic_regression.ts";
export * from "./lib/classify/perceptron.ts";
export * from "./lib/classify/single_layer.ts";
export * from "./lib/classify/squared_hinge_sgd.ts";
// Feed-forward networks and backpropagation.
export * from "./lib/nn/backward.ts";
export * from "./lib/nn/forward.ts";
export * from "./lib/nn/initializers.ts";
export * from "./lib/nn/network.ts";
export * from "./lib/nn/output_loss.ts";
export * from "./lib/nn/softmax_output.ts";
export * from "./lib/nn/targets.ts";
export * from "./lib/nn/train.ts";
// Gradient checking by central differences.
export * from "./lib/gradcheck/gradient_check.ts";
// Computational graphs: reverse mode, forward mode (dual numbers), finite differences.
export * from "./lib/autodiff/arithmetic.ts";
export * from "./lib/autodiff/dual.ts";
export * from "./lib/autodiff/finite_difference.ts";
export * from "./lib/autodiff/graph.ts";
// Driving a graph's output to a target (the documents' inverse backpropagation).
export * from "./lib/inverse/drive_to_target.ts";

// WebAssembly: a module emitter written in TypeScript, and an f64x2 SIMD GEMM built with it.
export * from "./lib/wasm/leb128.ts";
export * from "./lib/wasm/instructions.ts";
export * from "./lib/wasm/module_encoder.ts";
export * from "./lib/wasm/simd_support.ts";
export * from "./lib/wasm/gemm_module.ts";
export * from "./lib/wasm/matmul_simd.ts";
