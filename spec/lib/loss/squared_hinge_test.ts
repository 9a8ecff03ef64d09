// S1 §1.4: the squared-hinge cost and its gradient (1.7).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import json from "../../../fixtures/loss/squared_hinge.json" with { type: "json" };
import { fixtureById } from "../../_fixture.ts";
import { checkWithSubject } from "./_run.ts";
import { SUBJECTS } from "../../../worked/registry.ts";
import {
  squaredHinge,
  squaredHingeCost,
  squaredHingeGradient,
  squaredHingeSampleGradient,
} from "../../../lib/loss/squared_hinge.ts";

const fx = fixtureById(json, "s001.sq_hinge.loss");
const x = fx.input.inputs as number[][],
  y = fx.input.labels as number[],
  w = fx.input.weights as number[];
const inputs = { rows: x.length, cols: 3, data: Float64Array.from(x.flat()) };

describe("S1 §1.4 squared hinge", () => {
  it("margins, C(W), the per-sample (1.7) and the full gradient are exact", () => {
    checkWithSubject(SUBJECTS, fx);
  });
  it("(1.7) before simplification, −(1 − yWᵀx)yx, equals (Wᵀx − y)x because y² = 1", () => {
    x.forEach((row, i) => {
      const score = row.reduce((s, v, j) => s + v * w[j], 0);
      const g = squaredHingeSampleGradient(w, inputs, y, i);
      const unsimplified = y[i] * score >= 1
        ? row.map(() => 0)
        : row.map((v) => -(1 - y[i] * score) * y[i] * v);
      assert.deepEqual(Array.from(g), unsimplified.map((v) => v + 0));
    });
  });
  it("the gradient is the derivative of C: central differences agree", () => {
    const g = squaredHingeGradient(w, inputs, y);
    const h = 1e-6;
    for (let j = 0; j < 3; j++) {
      const up = w.map((v, k) => (k === j ? v + h : v)),
        down = w.map((v, k) => (k === j ? v - h : v));
      const fd = (squaredHingeCost(up, inputs, y) - squaredHingeCost(down, inputs, y)) / (2 * h);
      assert.ok(Math.abs(fd - g[j]) < 1e-8, `j = ${j}`);
    }
  });
  it("G(m) = ½ max{0, 1 − m}² is 0 from margin 1 on, and differentiable there", () => {
    assert.equal(squaredHinge(1), 0);
    assert.equal(squaredHinge(1 - 1e-8) / 1e-8 < 1e-7, true);
  });
  it("bad input: labels not ±1, mismatched shapes, no samples, a bad sample index", () => {
    assert.throws(() => squaredHingeCost(w, inputs, [1, 0, -1, 1, -1]), {
      name: "ArgumentRangeError",
      message: /labels must be −1 or \+1, but label 1 is 0/,
    });
    assert.throws(() => squaredHingeCost([1, 2], inputs, y), {
      name: "ShapeError",
      message: /weights has 2 entries but inputs has 3 columns/,
    });
    assert.throws(() => squaredHingeCost([], { rows: 0, cols: 0, data: new Float64Array() }, []), {
      name: "ShapeError",
      message: /no samples/,
    });
    assert.throws(() => squaredHingeSampleGradient(w, inputs, y, 9), {
      name: "ArgumentRangeError",
      message: /row index/,
    });
  });
});
