// Issue 12, "nothing mutates": no function changes its caller's inputs unless documented
// (the `out` buffers, RandomState.shuffle). Each call below gets inputs it could be tempted
// to work in place on; a deep copy taken before the call must equal them after. On main,
// checkGradient left the point perturbed when f threw or returned NaN.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { fromRows } from "../../lib/linalg/matrix.ts";
import { leastSquares } from "../../lib/linalg/lstsq.ts";
import { ridgeRegression } from "../../lib/regression/ridge.ts";
import { symmetricEigen } from "../../lib/linalg/symmetric_eigen.ts";
import { cholesky } from "../../lib/linalg/cholesky.ts";
import { householderQrPivoted, qrApplyTransposeToColumns } from "../../lib/linalg/qr.ts";
import { matmul } from "../../lib/linalg/matmul.ts";
import { logSoftmax, softmax, softmaxRows } from "../../lib/activation/softmax.ts";
import { softmaxCrossEntropy } from "../../lib/loss/cross_entropy.ts";
import { trainLogisticRegression } from "../../lib/classify/logistic_regression.ts";
import { trainPerceptron } from "../../lib/classify/perceptron.ts";
import { trainSingleLayer } from "../../lib/classify/single_layer.ts";
import { trainSquaredHingeSgd } from "../../lib/classify/squared_hinge_sgd.ts";
import { gradientDescent, momentsGradientDescent } from "../../lib/optim/gradient_descent.ts";
import { stochasticGradientDescent } from "../../lib/optim/sgd.ts";
import { createNetwork } from "../../lib/nn/network.ts";
import { backward } from "../../lib/nn/backward.ts";
import { forwardBatch } from "../../lib/nn/forward.ts";
import { checkGradient } from "../../lib/gradcheck/gradient_check.ts";
import { driveToTarget } from "../../lib/inverse/drive_to_target.ts";
import { fitLinearModel } from "../../lib/regression/fit_statistics.ts";
import { designMatrix } from "../../lib/regression/design.ts";
import { SUM_VARIANTS } from "../../lib/series/summation.ts";

/** A deep copy that keeps typed arrays typed (structuredClone does). */
const snapshot = <T>(value: T): T => structuredClone(value);

function unchanged(name: string, inputs: unknown[], call: (...args: never[]) => unknown) {
  it(`${name} leaves its inputs as they were`, () => {
    const before = snapshot(inputs);
    try {
      call(...(inputs as never[]));
    } catch {
      // A throw must not leave half-done work behind either.
    }
    assert.deepStrictEqual(inputs, before);
  });
}

const x = () => fromRows([[1, 0.5], [1, 1.5], [1, 2.5], [1, 4]]);
const y = () => [1, 2, 2.5, 4.5];

describe("no function changes its caller's inputs", () => {
  for (const method of ["normal", "qr", "accurate"] as const) {
    unchanged(`leastSquares ${method}`, [x(), y()], (a, b) => leastSquares(a, b, { method }));
  }
  unchanged("ridgeRegression", [x(), y()], (a, b) => ridgeRegression(a, b, 1e-30));
  unchanged("symmetricEigen", [fromRows([[2, 1], [1, 2]])], (a) => symmetricEigen(a));
  unchanged("cholesky", [fromRows([[4, 2], [2, 5]])], (a) => cholesky(a));
  unchanged("householderQrPivoted", [x()], (a) => householderQrPivoted(a));
  unchanged(
    "qrApplyTransposeToColumns",
    [x(), [Float64Array.from(y())]],
    (a, c) => qrApplyTransposeToColumns(a, c, { pivoting: true }),
  );
  unchanged("matmul", [x(), fromRows([[1, 2], [3, 4]])], (a, b) => matmul(a, b));
  unchanged("softmax, logSoftmax", [[1, 2, 3]], (v) => (softmax(v), logSoftmax(v)));
  unchanged("softmaxRows", [fromRows([[1, 2], [3, 4]])], (m) => softmaxRows(m));
  unchanged("softmaxCrossEntropy", [[50, 0, 0], [1, 0, 0]], (o, t) => softmaxCrossEntropy(o, t));
  for (const [name, sum] of Object.entries(SUM_VARIANTS)) {
    unchanged(`sum ${name}`, [[1e308, 1e308, -1e308, 0.5]], (v) => sum(v));
  }
  unchanged(
    "trainLogisticRegression",
    [x(), [0, 1, 0, 1], [0.5, -0.5]],
    (a, l, w) =>
      trainLogisticRegression(a, l, { learningRate: 0.1, maxIterations: 50, initialWeights: w }),
  );
  unchanged(
    "trainPerceptron",
    [x(), [-1, 1, -1, 1], [0.5, -0.5]],
    (a, l, w) => trainPerceptron(a, l, { learningRate: 1e308, maxEpochs: 50, initialWeights: w }),
  );
  unchanged(
    "trainSquaredHingeSgd",
    [x(), [-1, -1, 1, 1], [0.5, -0.5]],
    (a, l, w) =>
      trainSquaredHingeSgd(a, l, { stepSize: 0.1, maxIterations: 50, seed: 0, initialWeights: w }),
  );
  unchanged("trainSingleLayer", [
    { weights: fromRows([[0.1, 0.2]]), biases: new Float64Array([0.3]) },
    x(),
    fromRows([[0], [1], [0], [1]]),
  ], (layer, a, t) => trainSingleLayer(layer, a, t, { learningRate: 1, epochs: 5 }));
  unchanged(
    "gradientDescent",
    [new Float64Array([3, -1])],
    (w) =>
      gradientDescent((v, g) => (g.set([2 * v[0], 2 * v[1]]), v[0] ** 2 + v[1] ** 2), w, {
        learningRate: 0.1,
        stop: { kind: "iterations", count: 5 },
        maxIterations: 10,
      }),
  );
  unchanged(
    "momentsGradientDescent",
    [{ gram: [[2]], moment: [2] }, [0.25]],
    (m, w) =>
      momentsGradientDescent(m, {
        learningRate: 0.5,
        stop: { kind: "iterations", count: 3 },
        maxIterations: 10,
        initialWeights: w,
      }),
  );
  unchanged(
    "stochasticGradientDescent without replacement",
    [x(), y(), [0.5, 0.5]],
    (a, b, w) =>
      stochasticGradientDescent(a, b, {
        schedule: { kind: "constant", learningRate: 0.05 },
        batchSize: 2,
        replace: false,
        seed: 3,
        stop: { kind: "iterations", count: 20 },
        maxIterations: 100,
        initialWeights: w,
      }),
  );
  unchanged("createNetwork, forwardBatch, backward", [
    [[0.1, -0.2], [0.3, 0.4]],
    [0.5, -0.5],
    fromRows([[1, 2]]),
    fromRows([[0.5, -0.25]]),
  ], (w, b, input, grad) => {
    const network = createNetwork([{ weights: w, biases: b, activation: "tanh" }]);
    backward(network, forwardBatch(network, input), grad);
  });
  unchanged("driveToTarget", [{ w: 3, b: 4 }, ["b"]], (start, adjust) =>
    driveToTarget({
      fn: (ops, { w, b }) =>
        ops.mul(ops.add(ops.mul(2, w), ops.mul(3, b)), ops.add(ops.mul(2, b), 1)),
      start,
      adjust,
      target: 150,
      tolerance: 1e-5,
      maxIterations: 100,
      factors: { b: 63 },
    }));
  unchanged(
    "fitLinearModel, designMatrix",
    [[0.5, 1.5, 2.5, 4], y()],
    (f, t) => fitLinearModel(designMatrix([f]), t, { method: "accurate", intercept: true }),
  );
});

describe("checkGradient restores the point on every exit", () => {
  const gradient = new Float64Array([2, 4]);
  it("when f throws on a perturbed point", () => {
    const point = new Float64Array([1, 2]);
    assert.throws(() =>
      checkGradient(
        (p) => {
          if (p[1] !== 2) throw new Error("f fails off the point");
          return p[0] ** 2 + p[1] ** 2;
        },
        gradient,
        point,
      ), /f fails off the point/);
    assert.deepStrictEqual(point, new Float64Array([1, 2]));
  });
  it("when f returns NaN on a perturbed point (a NonFiniteError)", () => {
    const point = new Float64Array([1, 2]);
    assert.throws(
      () => checkGradient((p) => (p[0] === 1 ? 5 : NaN), gradient, point),
      { name: "NonFiniteError", message: /f returned NaN when coordinate 0 was perturbed/ },
    );
    assert.deepStrictEqual(point, new Float64Array([1, 2]));
  });
  it("when f returns something that is not a number (an InputTypeError)", () => {
    const point = new Float64Array([1, 2]);
    assert.throws(() => checkGradient(() => "3" as never, gradient, point), {
      name: "InputTypeError",
      message: /f must return a number, got the string "3"/,
    });
    assert.deepStrictEqual(point, new Float64Array([1, 2]));
  });
});
