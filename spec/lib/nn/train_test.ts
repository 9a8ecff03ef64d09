import { describe, it } from "node:test";
import assert from "node:assert/strict";
import json from "../../../fixtures/nn/diamond.json" with { type: "json" };
import { fixtureById } from "../../_fixture.ts";
import { assertFixture } from "../../../oracle/verify.ts";
import { assertAllClose } from "../../../oracle/assert_close.ts";
import { subjectFor } from "../../../oracle/subject.ts";
import { SUBJECTS } from "../../../worked/registry.ts";
import { diamondDraws } from "../../../worked/s002/diamond.ts";
import { createNetwork, flattenParameters, withParameters } from "../../../lib/nn/network.ts";
import { predict } from "../../../lib/nn/forward.ts";
import { flattenGradients } from "../../../lib/nn/backward.ts";
import { lossGradients, trainNetwork } from "../../../lib/nn/train.ts";
import { accuracy, labelTargets } from "../../../lib/nn/targets.ts";
import { checkGradient } from "../../../lib/gradcheck/gradient_check.ts";
import { LOSSES } from "../../../lib/loss/loss.ts";
import { RandomState } from "../../../lib/random/random_state.ts";
import { createMatrix, fromRows } from "../../../lib/linalg/matrix.ts";

type Rows = number[][];
const BCE = LOSSES.binaryCrossEntropy;

describe("002 定义向前传播及反向计算梯度函数: the hand-written diamond gradients", () => {
  const fixture = fixtureById(json, "s002.diamond.gradients");
  const subject = subjectFor(SUBJECTS, fixture.id);
  const e = fixture.expected as Record<string, Rows & number[]>;
  it("our backward pass gives the true gradient of the summed log loss (mpmath chain rule and differences)", () => {
    assertFixture(fixture, subject.compute(fixture), subject.fields);
  });
  it("the slides' J_W_1_grad, J_W_2_grad (numpy, as printed) are our backward pass's gradient", () => {
    // Each is within its bound of the true gradient (fixture tolerances), so within the sum.
    const values = subject.compute(fixture) as Record<string, Rows & number[]>;
    const t = fixture.tolerance;
    const atol = (a: string, b: string) => ({ rtol: 0, atol: t[a].atol! + t[b].atol! });
    assertAllClose(e.documentGradW1, values.gradW1, atol("documentGradW1", "gradW1"));
    // gradW2 is held to 1 ulp of values below 3 in magnitude: 4.4e-16 more.
    assertAllClose(e.documentGradW2, values.gradW2, {
      rtol: 0,
      atol: t.documentGradW2.atol! + 4.5e-16,
    });
  });
  it("binary64 central differences of our summed log loss agree with our backward pass (third oracle)", () => {
    const net = createNetwork([
      { weights: fixture.input.W_1 as Rows, activation: "sigmoid" },
      { weights: (fixture.input.W_2 as number[]).map((w) => [w]), activation: "sigmoid" },
    ]);
    const x = fromRows(fixture.input.x_mat_full as Rows);
    const y = createMatrix(50, 1, fixture.input.y as number[]);
    const cost = (theta: Float64Array) =>
      BCE.value(predict(withParameters(net, theta), x).data, y.data);
    const grad = flattenGradients(lossGradients(net, x, y, BCE).gradients);
    const r = checkGradient(cost, grad, flattenParameters(net));
    assert.ok(r.passed, JSON.stringify(r.worst));
  });
  it("erratum: the slides' formulas name three weight matrices; the 2-layer code has two, and its gradient is of the SUM (50× the mean loss's)", () => {
    const net = createNetwork([
      { weights: fixture.input.W_1 as Rows, activation: "sigmoid" },
      { weights: (fixture.input.W_2 as number[]).map((w) => [w]), activation: "sigmoid" },
    ]);
    const x = fromRows(fixture.input.x_mat_full as Rows);
    const y = createMatrix(50, 1, fixture.input.y as number[]);
    const { weights } = lossGradients(net, x, y, BCE, "sum").gradients;
    assert.deepEqual(weights.map((w) => [w.rows, w.cols]), [[3, 4], [4, 1]]);
    // The summed loss's gradient, divided by 50, is the mean loss's (mpmath): 1 ulp of the
    // sum and the rounding of /50.
    assertAllClose(Array.from(weights[1].data, (g) => g / 50), e.meanLossGradW2, { ulps: 2 });
    assert.ok(Math.abs(weights[1].data[0] - e.meanLossGradW2[0]) > 1, "not the mean's");
  });
  it("erratum: forward_pass ignores its arguments W1, W2 — it returns the globals' predictions", () => {
    const net = createNetwork([
      { weights: fixture.input.W_1 as Rows, activation: "sigmoid" },
      { weights: (fixture.input.W_2 as number[]).map((w) => [w]), activation: "sigmoid" },
    ]);
    const x = fromRows(fixture.input.x_mat_full as Rows);
    const zeros = withParameters(net, new Float64Array(16));
    // Zero weights would predict ½ everywhere; the slides' function returns the globals' predictions.
    assert.ok(predict(zeros, x).data.every((p) => p === 0.5));
    assertAllClose(
      predict(net, x).data,
      e.predictionsOfDocumentForwardPass,
      fixture.tolerance.predictionsOfDocumentForwardPass,
    );
  });
});

for (const n of [50, 500]) {
  describe(`002 模型初始化及训练: seeded stand-in, num_obs = ${n}, lr .001, 5000 iterations`, () => {
    const fixture = fixtureById(json, `s002.diamond.standin.n${n}`);
    const subject = subjectFor(SUBJECTS, fixture.id);
    it("RandomState draws numpy's data and weights; the loss/accuracy log, final loss and weights match numpy's run", () => {
      assertFixture(fixture, subject.compute(fixture), subject.fields);
    });
  });
}

describe("002's printed log: can it come from the code shown (num_obs = 50)?", () => {
  const fixture = fixtureById(json, "s002.diamond.log");
  const subject = subjectFor(SUBJECTS, fixture.id);
  it("per-seed losses and accuracies at iterations 0 and 200 (n = 50 and 500) match numpy's runs", () => {
    assertFixture(fixture, subject.compute(fixture), subject.fields);
  });
  it("with 50 samples our accuracies are multiples of 1/50; with 500, of 1/500", () => {
    const values = subject.compute(fixture) as Record<string, number[]>;
    for (const a of values["accuracy200.n50"]) {
      assert.ok(Number.isInteger(Math.round(a * 50 * 1e9) / 1e9));
    }
    for (const a of values["accuracy200.n500"]) {
      assert.ok(Number.isInteger(Math.round(a * 500 * 1e9) / 1e9));
    }
  });
});

describe("trainNetwork: status, mini-batches and reductions", () => {
  const { inputs, labels, network } = diamondDraws(7, 40);
  it("stops with 'converged' once the mean loss reaches targetLoss", () => {
    const r = trainNetwork(network, inputs, labels, {
      loss: BCE,
      learningRate: 0.5,
      maxEpochs: 1000,
      targetLoss: 0.68,
    });
    assert.equal(r.status, "converged");
    assert.ok(r.lossHistory[r.lossHistory.length - 1] <= 0.68);
    assert.equal(r.epochs, r.lossHistory.length - 1);
  });
  it("reports 'diverged' when the loss stops being finite", () => {
    const net = createNetwork([{ weights: [[1], [1]], activation: "identity" }]);
    const x = fromRows([[1e154, 1e154], [1, 1]]);
    const r = trainNetwork(net, x, [1, 0], {
      loss: LOSSES.squaredError,
      learningRate: 1e10,
      maxEpochs: 50,
    });
    assert.equal(r.status, "diverged");
    assert.ok(r.epochs < 50);
  });
  it("ends with 'maxIterations' and never modifies the caller's network", () => {
    const before = Array.from(flattenParameters(network));
    const r = trainNetwork(network, inputs, labels, {
      loss: BCE,
      learningRate: 0.001,
      maxEpochs: 3,
    });
    assert.equal(r.status, "maxIterations");
    assert.equal(r.lossHistory.length, 3);
    assert.deepEqual(Array.from(flattenParameters(network)), before);
  });
  it("'sum' with η equals 'mean' with η·n up to rounding (002's lr .001 on a sum over 40 rows)", () => {
    const sum = trainNetwork(network, inputs, labels, {
      loss: BCE,
      learningRate: 0.001,
      maxEpochs: 20,
      reduction: "sum",
    });
    const mean = trainNetwork(network, inputs, labels, {
      loss: BCE,
      learningRate: 0.04,
      maxEpochs: 20,
      reduction: "mean",
    });
    assertAllClose(sum.lossHistory, mean.lossHistory, { rtol: 1e-13, atol: 0 });
  });
  it("mini-batches are shuffled by the RandomState: the same seed gives the same run", () => {
    const run = () =>
      trainNetwork(network, inputs, labels, {
        loss: BCE,
        learningRate: 0.5,
        maxEpochs: 10,
        batchSize: 8,
        random: new RandomState(3),
      });
    const a = run(), b = run();
    assert.deepEqual(a.lossHistory, b.lossHistory);
    assert.notDeepEqual(
      a.lossHistory,
      trainNetwork(network, inputs, labels, { loss: BCE, learningRate: 0.5, maxEpochs: 10 })
        .lossHistory,
    );
  });
  it("one-hot targets and arg-max accuracy for a softmax output, with squared error through the softmax Jacobian", () => {
    const net = createNetwork([{
      weights: [[0.1, -0.1, 0], [0, 0.2, -0.2], [0, 0, 0]],
      activation: "softmax",
    }]);
    const x = fromRows([[1, 0, 1], [0, 1, 1], [-1, -1, 1]]);
    const r = trainNetwork(net, x, [0, 1, 2], {
      loss: LOSSES.squaredError,
      learningRate: 1,
      maxEpochs: 300,
    });
    assert.equal(r.finalAccuracy, 1);
    assert.ok(r.finalLoss < r.lossHistory[0]);
    assert.deepEqual(Array.from(labelTargets([2], 3).data), [0, 0, 1]);
    assert.equal(accuracy(fromRows([[0.1, 0.7, 0.2]]), [1]), 1);
  });
});

describe("trainNetwork: bad input", () => {
  const { inputs, labels, network } = diamondDraws(1, 10);
  const options = { loss: BCE, learningRate: 0.1, maxEpochs: 5 };
  it("an empty dataset", () => {
    assert.throws(() => trainNetwork(network, createMatrix(0, 3), [], options), {
      name: "ShapeError",
      message: /empty dataset/,
    });
  });
  it("labels outside the class range", () => {
    assert.throws(
      () => trainNetwork(network, inputs, labels.map((l, i) => (i === 4 ? 2 : l)), options),
      {
        name: "ArgumentRangeError",
        message: /^Label 2 at row 4 is outside the class range 0\.\.1: .* use trainRegressor$/,
      },
    );
    assert.throws(() => labelTargets([0, 3], 3), {
      name: "ArgumentRangeError",
      message: /Label 3 at row 1 .* 0\.\.2/,
    });
    assert.throws(() => labelTargets([0.5], 1), {
      name: "ArgumentRangeError",
      message: /Label 0.5 at row 0/,
    });
  });
  it("a learning rate ≤ 0", () => {
    for (const learningRate of [0, -0.1, NaN]) {
      assert.throws(() => trainNetwork(network, inputs, labels, { ...options, learningRate }), {
        name: "ArgumentRangeError",
        message: /Learning rate must be a finite number > 0/,
      });
    }
  });
  it("a batch of the wrong width, non-finite inputs, a label count that differs", () => {
    assert.throws(() => trainNetwork(network, createMatrix(10, 2), labels, options), {
      name: "ShapeError",
      message: /batch of width 2: layer 1 expects 3 inputs/,
    });
    const bad = createMatrix(10, 3, inputs.data);
    bad.data[7] = Infinity;
    assert.throws(() => trainNetwork(network, bad, labels, options), {
      name: "NonFiniteError",
      message: /Training inputs must be finite, but entry 7 is Infinity/,
    });
    assert.throws(() => trainNetwork(network, inputs, labels.slice(1), options), {
      name: "ShapeError",
      message: /10 input rows but 9 labels/,
    });
  });
  it("maxEpochs that is not a whole number, mini-batches without a RandomState", () => {
    assert.throws(() => trainNetwork(network, inputs, labels, { ...options, maxEpochs: 2.5 }), {
      name: "ArgumentRangeError",
      message: /maxEpochs must be an integer in \[0, 1000000\] \(MAX_EPOCHS\), got 2.5/,
    });
    assert.throws(() => trainNetwork(network, inputs, labels, { ...options, batchSize: 4 }), {
      name: "ArgumentRangeError",
      message: /Mini-batches of 4 rows \(of 10\) need a RandomState/,
    });
  });
  it("lossGradients with targets of the wrong shape", () => {
    assert.throws(() => lossGradients(network, inputs, createMatrix(10, 2), BCE), {
      name: "ShapeError",
      message: /targets are 10×2 but the output is 10×1/,
    });
  });
});
