// S2 Logistic Regression: likelihood, loss, gradient (with the sign erratum) and the training flow.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import json from "../../../fixtures/loss/softmax_ce.json" with { type: "json" };
import { fixtureById } from "../../_fixture.ts";
import { checkWithSubject as checkLoss } from "../loss/_run.ts";
import { checkWithSubject } from "./_run.ts";
import { SUBJECTS as LOSS_SUBJECTS } from "../../../worked/registry.ts";
import {
  logisticCost,
  logisticCostGradient,
  logisticLikelihood,
  logisticProbabilities,
  trainLogisticRegression,
} from "../../../lib/classify/logistic_regression.ts";

const fx = fixtureById(json, "s002.softmax_ce.logistic");
const training = fixtureById(json, "s002.softmax_ce.logistic_training");
const rows = fx.input.inputs as number[][],
  y = fx.input.labels as number[],
  k = fx.input.weights as number[];
const x = { rows: rows.length, cols: 2, data: Float64Array.from(rows.flat()) };

describe("S2 logistic regression", () => {
  it("likelihood, loss C(k), gradient, and the 1/m forms match mpmath", () =>
    checkLoss(LOSS_SUBJECTS, fx));
  it("the likelihood is e^(−C(k))", () => {
    assert.ok(Math.abs(logisticLikelihood(k, x, y) - Math.exp(-logisticCost(k, x, y))) < 1e-16);
  });
  it("erratum: ∂C/∂kⱼ = +Σ(σ − y)xⱼ (central differences), not −Σ(σ − y)xⱼ as printed", () => {
    const g = logisticCostGradient(k, x, y);
    const h = 1e-6;
    for (let j = 0; j < 2; j++) {
      const up = k.map((v, i) => (i === j ? v + h : v)),
        down = k.map((v, i) => (i === j ? v - h : v));
      const fd = (logisticCost(up, x, y) - logisticCost(down, x, y)) / (2 * h);
      assert.ok(Math.abs(fd - g[j]) < 1e-8);
      assert.ok(Math.abs(fd + g[j]) > 0.1, "the printed sign would give −g");
    }
  });
  it("erratum: with x₀ = 0 the intercept k₀ has no effect on the model", () => {
    const zeroColumn = { rows: x.rows, cols: 2, data: x.data.map((v, i) => (i % 2 === 0 ? 0 : v)) };
    assert.equal(logisticCost([-1, 0.5], zeroColumn, y), logisticCost([5, 0.5], zeroColumn, y));
    assert.notEqual(logisticCost([-1, 0.5], x, y), logisticCost([5, 0.5], x, y));
  });
  it("the training flow k ← k + αΣ(y − σ)x converges to the maximum-likelihood k*", () =>
    checkWithSubject(training));
  it("probabilities are σ(kᵀx), in [0, 1]", () => {
    for (const p of logisticProbabilities(k, x)) assert.ok(p > 0 && p < 1);
  });
  it("bad input: labels outside {0, 1}, mismatched k, α ≤ 0, a negative tolerance", () => {
    assert.throws(() => logisticCost(k, x, y.map((v) => 2 * v - 1)), {
      name: "ArgumentRangeError",
      message: /labels must be 0 or 1/,
    });
    assert.throws(() => logisticCost([1], x, y), {
      name: "ShapeError",
      message: /weights has 1 entries but inputs has 2 columns/,
    });
    assert.throws(() => trainLogisticRegression(x, y, { learningRate: -1, maxIterations: 3 }), {
      name: "ArgumentRangeError",
      message: /learningRate/,
    });
    assert.throws(
      () => trainLogisticRegression(x, y, { learningRate: 1, maxIterations: 3, tolerance: -1 }),
      {
        name: "ArgumentRangeError",
        message: /tolerance must be a finite number ≥ 0, got -1/,
      },
    );
  });
  it("separable data: the MLE does not exist, so the run stops at maxIterations and says so", () => {
    const sep = { rows: 2, cols: 2, data: Float64Array.from([1, -1, 1, 1]) };
    const r = trainLogisticRegression(sep, [0, 1], {
      learningRate: 1,
      maxIterations: 200,
      tolerance: 1e-12,
    });
    assert.equal(r.status, "maxIterations");
  });
});
