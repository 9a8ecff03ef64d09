// The training API beyond 002's diamond: saturated outputs (issue 12, item 3), regression
// networks, categorical cross-entropy, the epoch cap, divergence that returns a finite
// network, typed errors for every option, and no mutation of the caller's arguments.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  createNetwork,
  flattenParameters,
  type Network,
  withParameters,
} from "../../../lib/nn/network.ts";
import { predict } from "../../../lib/nn/forward.ts";
import { flattenGradients } from "../../../lib/nn/backward.ts";
import {
  lossGradients,
  MAX_EPOCHS,
  trainNetwork,
  type TrainOptions,
  trainRegressor,
} from "../../../lib/nn/train.ts";
import { initializeNetwork } from "../../../lib/nn/initializers.ts";
import { checkGradient } from "../../../lib/gradcheck/gradient_check.ts";
import { LOSSES } from "../../../lib/loss/loss.ts";
import { RandomState } from "../../../lib/random/random_state.ts";
import { createMatrix, fromRows } from "../../../lib/linalg/matrix.ts";
import { assertClose } from "../../../oracle/assert_close.ts";

const BCE = LOSSES.binaryCrossEntropy, CCE = LOSSES.categoricalCrossEntropy;
const SE = LOSSES.squaredError;

describe("a sigmoid output saturated on the wrong side trains (issue 12, item 3)", () => {
  const net = createNetwork([{ weights: [[40]], biases: [0], activation: "sigmoid" }]);
  const x = fromRows([[1], [-1], [0.5]]);
  it("w = 40, b = 0, labels [0, 1, 1], η 0.2: loss 26.666666667353716 (1 ulp), then all 7 epochs", () => {
    const r = trainNetwork(net, x, [0, 1, 1], { loss: BCE, learningRate: 0.2, maxEpochs: 7 });
    assert.equal(r.status, "maxIterations");
    assert.equal(r.epochs, 7);
    assert.equal(r.lossHistory.length, 7);
    // mpmath: (softplus(40) + softplus(40) + softplus(−20))/3 = 26.66666666735371787…
    assertClose(r.lossHistory[0], 26.666666667353716, { ulps: 1 });
    assert.ok(r.lossHistory.every((l, i) => i === 0 || l < r.lossHistory[i - 1]));
    assert.ok(Number.isFinite(r.finalLoss) && r.finalLoss < r.lossHistory[6]);
  });
  it("lossGradients gives the same finite loss and the exact gradient, −σ(−20)/3 for the bias", () => {
    const r = lossGradients(net, x, fromRows([[0], [1], [1]]), BCE, "mean");
    assertClose(r.loss, 26.666666667353716, { ulps: 1 });
    // δ = (σ(40), σ(−40) − 1, σ(20) − 1) = (1 − e, −(1 − e), −σ(−20)) with e = σ(−40), so
    // ∂/∂w = (2(1 − e) − σ(−20)/2)/3 and ∂/∂b = −σ(−20)/3: the (1 − e) terms cancel exactly.
    // (Central differences cannot see ∂/∂b ≈ −6.9e-10 beside a loss of 26.7.)
    const s20 = Math.exp(-20) / (1 + Math.exp(-20)), e = Math.exp(-40) / (1 + Math.exp(-40));
    assertClose(r.gradients.weights[0].data[0], (2 * (1 - e) - s20 / 2) / 3, { ulps: 1 });
    assertClose(r.gradients.biases[0]![0], -s20 / 3, { ulps: 4 });
  });
});

describe("softmax with categorical cross-entropy: δ = softmax(z) − y", () => {
  const net = initializeNetwork([2, 4, 3], ["tanh", "softmax"], {
    initializer: "glorotUniform",
    random: new RandomState(1),
  });
  const x = fromRows([[0.5, -1], [1.5, 0.2], [-0.3, 0.8], [0, 0]]);
  const labels = [0, 2, 1, 1];
  it("lossGradients is the gradient of the loss (central differences)", () => {
    const targets = fromRows([[1, 0, 0], [0, 0, 1], [0, 1, 0], [0, 1, 0]]);
    const r = lossGradients(net, x, targets, CCE);
    const cost = (theta: Float64Array) =>
      lossGradients(withParameters(net, theta), x, targets, CCE).loss;
    const check = checkGradient(cost, flattenGradients(r.gradients), flattenParameters(net));
    assert.ok(check.passed, JSON.stringify(check.worst));
  });
  it("training lowers the loss to full accuracy", () => {
    const r = trainNetwork(net, x, labels, { loss: CCE, learningRate: 0.5, maxEpochs: 300 });
    assert.equal(r.finalAccuracy, 1);
    assert.ok(r.finalLoss < 0.1 * r.lossHistory[0]);
  });
});

describe("trainRegressor: identity output, real-valued targets, squared error", () => {
  const x = fromRows([[0], [0.5], [1], [1.5], [2]]);
  const y = [0.3246, 1.1, 2.05, 2.9, 4.1];
  const net = createNetwork([{ weights: [[0]], biases: [0], activation: "identity" }]);
  it("converges to the least-squares line, which normal equations give exactly", () => {
    const r = trainRegressor(net, x, y, { loss: SE, learningRate: 0.3, maxEpochs: 3000 });
    // Least squares by hand: slope Sxy/Sxx, intercept ȳ − slope·x̄.
    const xs = [0, 0.5, 1, 1.5, 2], mx = 1, my = y.reduce((a, b) => a + b) / 5;
    const slope = xs.reduce((s, v, i) => s + (v - mx) * (y[i] - my), 0) /
      xs.reduce((s, v) => s + (v - mx) ** 2, 0);
    assertClose(r.network.layers[0].weights.data[0], slope, { rtol: 1e-12, atol: 0 });
    assertClose(r.network.layers[0].biases![0], my - slope * mx, { rtol: 1e-12, atol: 1e-13 });
    assert.equal(r.status, "maxIterations");
    assert.ok(!("accuracyHistory" in r));
  });
  it("targets as a Matrix or as a flat array are the same run; two outputs read row by row", () => {
    const options = { loss: SE, learningRate: 0.1, maxEpochs: 20 };
    const a = trainRegressor(net, x, y, options),
      b = trainRegressor(net, x, createMatrix(5, 1, y), options);
    assert.deepEqual(a.lossHistory, b.lossHistory);
    const two = createNetwork([{ weights: [[1, -1]], biases: [0, 0], activation: "identity" }]);
    const flat = y.flatMap((v) => [v, -v]);
    const c = trainRegressor(two, x, flat, options),
      d = trainRegressor(two, x, createMatrix(5, 2, flat), options);
    assert.deepEqual(c.lossHistory, d.lossHistory);
  });
  it("real-valued labels in trainNetwork point to trainRegressor", () => {
    assert.throws(() => trainNetwork(net, x, y, { loss: SE, learningRate: 0.1, maxEpochs: 5 }), {
      name: "ArgumentRangeError",
      message: /^Label 0\.3246 at row 0 is outside the class range 0\.\.1: .*use trainRegressor$/,
    });
  });
  it("bad targets: wrong count, wrong shape, non-finite, a cross-entropy after identity", () => {
    const options = { loss: SE, learningRate: 0.1, maxEpochs: 5 };
    assert.throws(() => trainRegressor(net, x, y.slice(1), options), {
      name: "ShapeError",
      message: /4 targets for 5 rows of 1 outputs \(expected 5\)/,
    });
    assert.throws(() => trainRegressor(net, x, createMatrix(1, 5, y), options), {
      name: "ShapeError",
      message: /targets are 1×5 but the output is 5×1/,
    });
    assert.throws(() => trainRegressor(net, x, [0, 1, NaN, 2, 3], options), {
      name: "NonFiniteError",
      message: /Training targets must be finite, but entry 2 is NaN/,
    });
    assert.throws(() => trainRegressor(net, x, y, { ...options, loss: BCE }), {
      name: "ArgumentRangeError",
      message: /binaryCrossEntropy does not fit the output layer \(layer 1, identity\)/,
    });
    assert.throws(() => trainRegressor(net, x, "0.3246" as never, options), {
      name: "InputTypeError",
    });
  });
});

describe("the epoch cap MAX_EPOCHS = 10⁶", () => {
  const net = createNetwork([{ weights: [[0]], activation: "sigmoid" }]);
  const x = fromRows([[1]]);
  for (const maxEpochs of [1e300, 2 ** 53 - 1, MAX_EPOCHS + 1, Infinity, -1, 0.5, NaN]) {
    it(`maxEpochs ${maxEpochs} is rejected, naming the bound`, () => {
      assert.throws(() => trainNetwork(net, x, [1], { loss: BCE, learningRate: 1, maxEpochs }), {
        name: "ArgumentRangeError",
        message: /maxEpochs must be an integer in \[0, 1000000\] \(MAX_EPOCHS\)/,
      });
    });
  }
  it("MAX_EPOCHS itself is accepted (a target loss stops the run at once)", () => {
    const r = trainNetwork(net, x, [1], {
      loss: BCE,
      learningRate: 1,
      maxEpochs: MAX_EPOCHS,
      targetLoss: 1,
    });
    assert.equal(r.status, "converged");
    assert.equal(r.epochs, 0);
  });
});

describe("divergence returns the last finite network", () => {
  it("a step to ±∞ is undone: status diverged, finite parameters, finite final loss", () => {
    const net = createNetwork([{ weights: [[1]], activation: "identity" }]);
    const x = fromRows([[1e150]]);
    const r = trainRegressor(net, x, [0], { loss: SE, learningRate: 1e10, maxEpochs: 10 });
    assert.equal(r.status, "diverged");
    assert.equal(r.epochs, 0);
    assert.deepEqual(Array.from(r.network.layers[0].weights.data), [1]);
    assert.equal(r.finalLoss, 0.5 * (1e150 * 1e150));
    assert.deepEqual(r.lossHistory, [0.5 * (1e150 * 1e150)]);
  });
  it("a loss that overflows at an epoch's start stops there, with that (finite) network", () => {
    const net = createNetwork([{ weights: [[1]], activation: "identity" }]);
    const r = trainRegressor(net, fromRows([[1e200]]), [0], {
      loss: SE,
      learningRate: 1,
      maxEpochs: 5,
    });
    assert.equal(r.status, "diverged");
    assert.deepEqual(r.lossHistory, [Infinity]);
    assert.ok(flattenParameters(r.network).every(Number.isFinite));
  });
});

describe("no function changes its caller's arguments", () => {
  it("trainNetwork, trainRegressor and lossGradients leave network, inputs, labels and targets as they were", () => {
    const net = createNetwork([
      { weights: [[0.5, -0.5], [0.25, 1]], biases: [0.1, -0.1], activation: "tanh" },
      { weights: [[1], [-1]], biases: [0], activation: "sigmoid" },
    ]);
    const x = fromRows([[1, 2], [-1, 0.5], [0.3, -0.3]]);
    const labels = [1, 0, 1], targets = [0.9, 0.1, 0.7];
    const snapshot = (n: Network) => Array.from(flattenParameters(n));
    const before = [snapshot(net), Array.from(x.data), labels.slice(), targets.slice()];
    const options: TrainOptions = Object.freeze({
      loss: BCE,
      learningRate: 0.5,
      maxEpochs: 5,
      batchSize: 2,
      random: new RandomState(0),
    });
    trainNetwork(net, x, labels, options);
    trainRegressor(net, x, targets, { ...options, random: new RandomState(0) });
    lossGradients(net, x, createMatrix(3, 1, targets), BCE);
    assert.deepEqual([snapshot(net), Array.from(x.data), labels, targets], before);
  });
});

describe("options and arguments: typed errors at the boundary", () => {
  const net = createNetwork([{ weights: [[0], [0]], activation: "sigmoid" }]);
  const x = fromRows([[1, 0], [0, 1]]);
  const ok: TrainOptions = { loss: BCE, learningRate: 0.1, maxEpochs: 3 };
  const cases: [string, () => unknown, string, RegExp][] = [
    [
      "a misspelt option",
      () => trainNetwork(net, x, [0, 1], { ...ok, maxEpoch: 3 } as never),
      "ArgumentRangeError",
      /unknown option "maxEpoch"/,
    ],
    [
      "options that are not an object",
      () => trainNetwork(net, x, [0, 1], null as never),
      "InputTypeError",
      /options must be an options object, got null/,
    ],
    [
      "no loss",
      () => trainNetwork(net, x, [0, 1], { learningRate: 0.1, maxEpochs: 3 } as never),
      "InputTypeError",
      /loss must be a Loss/,
    ],
    [
      "a loss given by name",
      () => trainNetwork(net, x, [0, 1], { ...ok, loss: "binaryCrossEntropy" as never }),
      "InputTypeError",
      /got the string "binaryCrossEntropy"/,
    ],
    [
      "categorical cross-entropy after one sigmoid",
      () => trainNetwork(net, x, [0, 1], { ...ok, loss: CCE }),
      "ArgumentRangeError",
      /does not fit the output layer \(layer 1, sigmoid\)/,
    ],
    [
      "a learning rate given as a string",
      () => trainNetwork(net, x, [0, 1], { ...ok, learningRate: "0.1" as never }),
      "InputTypeError",
      /learningRate must be a number, got the string "0.1"/,
    ],
    [
      "an unknown reduction",
      () => trainNetwork(net, x, [0, 1], { ...ok, reduction: "median" as never }),
      "ArgumentRangeError",
      /reduction must be "mean" or "sum"/,
    ],
    [
      "random that is not a RandomState",
      () =>
        trainNetwork(net, x, [0, 1], {
          ...ok,
          batchSize: 1,
          random: { permutation: () => [0, 1] } as never,
        }),
      "InputTypeError",
      /random must be a RandomState/,
    ],
    [
      "a batch size of 0",
      () => trainNetwork(net, x, [0, 1], { ...ok, batchSize: 0 }),
      "ArgumentRangeError",
      /Batch size must be an integer ≥ 1, got 0/,
    ],
    [
      "a non-finite target loss",
      () => trainNetwork(net, x, [0, 1], { ...ok, targetLoss: Infinity }),
      "ArgumentRangeError",
      /targetLoss must be a finite number/,
    ],
    [
      "a plain array for the inputs",
      () => trainNetwork(net, [[1, 0], [0, 1]] as never, [0, 1], ok),
      "InputTypeError",
      /inputs must be a Matrix, got an array of length 2: use fromRows/,
    ],
    [
      "a Matrix whose data is too short",
      () => trainNetwork(net, { rows: 2, cols: 2, data: Float64Array.of(1, 2, 3) }, [0, 1], ok),
      "ShapeError",
      /data has 3 entries \(expected 4\)/,
    ],
    [
      "labels as a string",
      () => trainNetwork(net, x, "01" as never, ok),
      "InputTypeError",
      /labels must be an array of numbers/,
    ],
    [
      "a network that is not one",
      () => trainNetwork({ layers: "x" } as never, x, [0, 1], ok),
      "InputTypeError",
      /network must be a Network \(use createNetwork\)/,
    ],
    [
      "a network with a NaN weight",
      () =>
        trainNetwork(
          {
            layers: [{
              ...net.layers[0],
              weights: { rows: 2, cols: 1, data: Float64Array.of(NaN, 0) },
            }],
          },
          x,
          [0, 1],
          ok,
        ),
      "NonFiniteError",
      /layer 1 weights must be finite, but entry 0 is NaN/,
    ],
    [
      "lossGradients with an unknown reduction",
      () => lossGradients(net, x, createMatrix(2, 1), BCE, "avg" as never),
      "ArgumentRangeError",
      /reduction must be "mean" or "sum"/,
    ],
  ];
  for (const [what, call, name, message] of cases) {
    it(what, () => assert.throws(call, { name, message }));
  }
  it("a prediction from the trained network needs no re-validation surprises", () => {
    const r = trainNetwork(net, x, [0, 1], ok);
    assert.equal(predict(r.network, x).rows, 2);
  });
});
