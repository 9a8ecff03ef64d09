// S1 §3.1 the perceptron: as printed (never stops), corrected, non-separable data, the margin proof.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import json from "../../../fixtures/classify/perceptron.json" with { type: "json" };
import { allFixtures, fixtureById } from "../../_fixture.ts";
import { checkWithSubject } from "./_run.ts";
import {
  perceptronPredict,
  perceptronStep,
  trainPerceptron,
} from "../../../lib/classify/perceptron.ts";

const matrix = (rows: number[][]) => ({
  rows: rows.length,
  cols: rows[0].length,
  data: Float64Array.from(rows.flat()),
});

describe("S1 §3.1: every fixture through its subject", () => {
  for (const fixture of allFixtures(json, "perceptron.json")) {
    it(`${fixture.id}: ${fixture.title}`, () => checkWithSubject(fixture));
  }
});

describe("S1 §3.1 the perceptron", () => {
  const printed = fixtureById(json, "s001.perceptron.as_printed");
  const x = matrix(printed.input.inputs as number[][]), y = printed.input.labels as number[];
  it("erratum: as printed, yWᵀx < 0 never holds at W = 0 — 0 updates, stopped only by maxEpochs", () => {
    const r = trainPerceptron(x, y, { learningRate: 0.5, maxEpochs: 1000, rule: "asPrinted" });
    assert.equal(r.status, "maxEpochs");
    assert.equal(r.updates, 0);
    assert.ok(r.misclassified > 0);
  });
  it("corrected (update when ŷ ≠ y): converges and classifies every sample", () => {
    const r = trainPerceptron(x, y, { learningRate: 0.5, maxEpochs: 1000 });
    assert.equal(r.status, "converged");
    for (let i = 0; i < x.rows; i++) {
      assert.equal(perceptronPredict(r.weights, r.bias, x.data.subarray(2 * i, 2 * i + 2)), y[i]);
    }
  });
  it("the margin proof: C = η(y² − yŷ)xᵀx = 2ηxᵀx > 0, and with b the margin grows by 2η(xᵀx + 1)", () => {
    const m = fixtureById(json, "s001.perceptron.margin");
    const u = perceptronStep([1, -2], 0.5, [3, 1], -1, 0.25);
    assert.equal(u.marginAfter - u.marginBefore, 2 * 0.25 * 10);
    assert.equal(u.marginWithBiasAfter - u.marginWithBiasBefore, 2 * 0.25 * 11);
    // The same step as the fixture's input: its exact increase, 2·0.25·‖(3, 1)‖² = 5.
    assert.equal(u.marginAfter - u.marginBefore, m.expected.increase);
  });
  it("x = 0: the proof's xᵀx > 0 fails and the W-margin does not move", () => {
    const u = perceptronStep([0, 0], 0.5, [0, 0], -1, 1);
    assert.equal(u.marginAfter - u.marginBefore, 0);
  });
  it("non-separable data (XOR) never hangs: status maxEpochs after exactly maxEpochs passes", () => {
    const xor = matrix([[0, 0], [0, 1], [1, 0], [1, 1]]);
    const r = trainPerceptron(xor, [-1, 1, 1, -1], { learningRate: 1, maxEpochs: 250 });
    assert.deepEqual([r.status, r.epochs], ["maxEpochs", 250]);
  });
  it("bad input: labels outside ±1, η ≤ 0, a fractional maxEpochs, mismatched W⁰", () => {
    assert.throws(
      () => trainPerceptron(x, y.map((v) => (v < 0 ? 0 : 1)), { learningRate: 1, maxEpochs: 5 }),
      {
        name: "ArgumentRangeError",
        message: /labels must be −1 or \+1/,
      },
    );
    assert.throws(() => trainPerceptron(x, y, { learningRate: 0, maxEpochs: 5 }), {
      name: "ArgumentRangeError",
      message: /learningRate/,
    });
    assert.throws(() => trainPerceptron(x, y, { learningRate: 1, maxEpochs: 2.5 }), {
      name: "ArgumentRangeError",
      message: /maxEpochs/,
    });
    assert.throws(
      () => trainPerceptron(x, y, { learningRate: 1, maxEpochs: 5, initialWeights: [1] }),
      {
        name: "ShapeError",
        message: /initialWeights has 1 entries but inputs has 2 columns/,
      },
    );
    assert.throws(
      () => trainPerceptron(matrix([[1, 2]]), [1, 1], { learningRate: 1, maxEpochs: 5 }),
      {
        name: "ShapeError",
        message: /labels has 2 entries but inputs has 1 rows/,
      },
    );
  });
});
