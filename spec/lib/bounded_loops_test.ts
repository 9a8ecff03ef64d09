// Issue 12, "nothing loops forever": every iteration cap has the documented upper bound
// 10⁷ (MAX_ITERATIONS) and a clear ArgumentRangeError above it — on main 1e300 and
// 2⁵³ − 1 were accepted and the calls ran for days —, the perceptron detects divergence
// (η = 1e308 on XOR ended as weights [NaN, NaN], status "maxEpochs"), and trainSingleLayer
// returns a status like the other trainers.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { fromRows } from "../../lib/linalg/matrix.ts";
import { trainLogisticRegression } from "../../lib/classify/logistic_regression.ts";
import { trainPerceptron } from "../../lib/classify/perceptron.ts";
import { trainSingleLayer } from "../../lib/classify/single_layer.ts";
import { trainSquaredHingeSgd } from "../../lib/classify/squared_hinge_sgd.ts";
import { runDescent } from "../../lib/optim/descent.ts";
import {
  gradientDescent,
  leastSquaresGradientDescent,
  momentsGradientDescent,
  problemGradientDescent,
} from "../../lib/optim/gradient_descent.ts";
import { leastSquaresProblem } from "../../lib/optim/least_squares.ts";
import { stochasticGradientDescent } from "../../lib/optim/sgd.ts";
import { driveToTarget } from "../../lib/inverse/drive_to_target.ts";
import { symmetricEigen } from "../../lib/linalg/symmetric_eigen.ts";
import { MAX_ITERATIONS } from "../../lib/_util/validate.ts";

const x = fromRows([[1, 0], [1, 1], [1, 2]]);
const signed = [-1, 1, 1], binary = [0, 1, 1], y = [1, 2, 4];
const stop = { kind: "iterations", count: 1 } as const;
const layer = { weights: fromRows([[0, 0]]), biases: new Float64Array([0]) };

/** Every trainer and descent, with its cap set to `cap`. */
const CAPPED: Record<string, (cap: number) => unknown> = {
  trainLogisticRegression: (cap) =>
    trainLogisticRegression(x, binary, { learningRate: 1, maxIterations: cap, tolerance: 0.1 }),
  trainSquaredHingeSgd: (cap) =>
    trainSquaredHingeSgd(x, signed, {
      stepSize: 0.5,
      schedule: "constant",
      maxIterations: cap,
      seed: 0,
    }),
  trainSingleLayer: (cap) =>
    trainSingleLayer(layer, x, fromRows([[0], [1], [1]]), {
      learningRate: 0.1,
      epochs: cap,
      tolerance: 0.5, // met before the first epoch: Σ L = 3·⅛ at W = 0
    }),
  trainPerceptron: (cap) => trainPerceptron(x, signed, { learningRate: 1, maxEpochs: cap }),
  gradientDescent: (cap) =>
    gradientDescent((w, g) => (g[0] = 2 * w[0], w[0] * w[0]), [1], {
      learningRate: 0.1,
      stop,
      maxIterations: cap,
    }),
  leastSquaresGradientDescent: (cap) =>
    leastSquaresGradientDescent(x, y, { learningRate: 0.1, stop, maxIterations: cap }),
  problemGradientDescent: (cap) =>
    problemGradientDescent(leastSquaresProblem(x, y), {
      learningRate: 0.1,
      stop,
      maxIterations: cap,
    }),
  momentsGradientDescent: (cap) =>
    momentsGradientDescent({ gram: [[2]], moment: [2] }, {
      learningRate: 0.1,
      stop,
      maxIterations: cap,
    }),
  stochasticGradientDescent: (cap) =>
    stochasticGradientDescent(x, y, {
      schedule: { kind: "constant", learningRate: 0.1 },
      batchSize: 1,
      replace: true,
      seed: 0,
      stop,
      maxIterations: cap,
    }),
  runDescent: (cap) =>
    runDescent(
      {
        step: (w, _t, next, g) => (g[0] = 2 * w[0], next[0] = 0.5 * w[0], w[0] * w[0]),
        fullLoss: (w) => w[0] * w[0],
        stepLossIsFull: true,
      },
      [1],
      { stop, maxIterations: cap },
    ),
  driveToTarget: (cap) =>
    driveToTarget({
      fn: (ops, { b }) => ops.mul(b, 3),
      start: { b: 1 },
      adjust: ["b"],
      target: 6,
      tolerance: 1e-9,
      maxIterations: cap,
      factors: "recomputed",
    }),
  "symmetricEigen (maxSweeps)": (cap) =>
    symmetricEigen(fromRows([[2, 1], [1, 2]]), { maxSweeps: cap }),
};

describe("every iteration cap is bounded by 10⁷, with a clear error above", () => {
  it("the bound is 10⁷", () => assert.equal(MAX_ITERATIONS, 10_000_000));
  for (const [name, run] of Object.entries(CAPPED)) {
    it(`${name}: 10⁷ + 1, 2⁵³ − 1 and 1e300 are refused; 10⁷ itself is allowed`, () => {
      for (const cap of [MAX_ITERATIONS + 1, Number.MAX_SAFE_INTEGER, 1e300]) {
        assert.throws(() => run(cap), {
          name: "ArgumentRangeError",
          message: /must be at most 10000000 \(10⁷, the documented bound/,
        });
      }
      run(MAX_ITERATIONS); // each of these stops long before its cap
    });
  }
});

describe("divergence is detected and reported, never NaN weights", () => {
  const xor = fromRows([[0, 0], [0, 1], [1, 0], [1, 1]]);
  it("trainPerceptron with η = 1e308 on XOR: 'diverged', finite weights and bias", () => {
    const result = trainPerceptron(xor, [-1, 1, 1, -1], { learningRate: 1e308, maxEpochs: 100 });
    assert.equal(result.status, "diverged");
    assert.ok(result.weights.every(Number.isFinite) && Number.isFinite(result.bias));
  });
  it("trainPerceptron with η = 1 on XOR: not separable, 'maxEpochs' (no false alarm)", () => {
    const result = trainPerceptron(xor, [-1, 1, 1, -1], { learningRate: 1, maxEpochs: 100 });
    assert.equal(result.status, "maxEpochs");
  });
  it("trainLogisticRegression and trainSquaredHingeSgd keep their last finite weights", () => {
    const big = fromRows([[1, 1e300], [1, -1e300]]);
    const logistic = trainLogisticRegression(big, [0, 1], {
      learningRate: 1e10,
      maxIterations: 50,
    });
    assert.equal(logistic.status, "diverged");
    assert.ok(logistic.weights.every(Number.isFinite) && Number.isFinite(logistic.gradientNorm));
    const hinge = trainSquaredHingeSgd(big, [-1, 1], {
      stepSize: 1e10,
      schedule: "constant",
      maxIterations: 50,
      seed: 0,
    });
    assert.equal(hinge.status, "diverged");
    assert.ok(hinge.weights.every(Number.isFinite));
  });
});

describe("trainSingleLayer returns a status like the other trainers", () => {
  const targets = fromRows([[0], [1], [1]]);
  it("every epoch run: 'maxEpochs', with the epochs made and one loss per epoch", () => {
    const result = trainSingleLayer(layer, x, targets, { learningRate: 0.5, epochs: 20 });
    assert.equal(result.status, "maxEpochs");
    assert.equal(result.epochs, 20);
    assert.equal(result.losses.length, 21);
  });
  it("a loss at or below the tolerance: 'converged', early", () => {
    const result = trainSingleLayer(layer, x, targets, {
      learningRate: 5,
      epochs: 10_000,
      tolerance: 0.05,
    });
    assert.equal(result.status, "converged");
    assert.ok(result.epochs < 10_000 && result.losses[result.epochs] <= 0.05);
  });
  it("a step that overflows: 'diverged', the parameters the last finite ones", () => {
    const result = trainSingleLayer(layer, fromRows([[1e300, 1e300]]), fromRows([[1]]), {
      learningRate: 1e300,
      epochs: 10,
    });
    assert.equal(result.status, "diverged");
    assert.ok(result.layer.weights.data.every(Number.isFinite));
  });
});
