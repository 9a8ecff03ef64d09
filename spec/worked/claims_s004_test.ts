// The claims of S4 (004) that no fixture checks on its own, each named by its id in
// fixtures/claims/s004.json: the gradient's direction, the learning-rate table on the
// document's J = x², and the cancellation of signed errors.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { gradientDescent } from "../../lib/optim/gradient_descent.ts";
import { sumAbsoluteError } from "../../lib/loss/absolute_error.ts";
import type { ScalarFunction } from "../../lib/autodiff/arithmetic.ts";
import { DUAL_ARITHMETIC } from "../../lib/autodiff/dual.ts";
import { reverseModeGradient } from "../../lib/autodiff/graph.ts";

/** Gradient descent on S4's J(x) = x² from x₀ = 1.2 (the document's start). */
function run(learningRate: number, steps: number) {
  return gradientDescent(
    (w, g) => {
      g[0] = 2 * w[0];
      return w[0] * w[0];
    },
    [1.2],
    {
      learningRate,
      stop: { kind: "iterations", count: steps },
      maxIterations: steps,
      recordTrajectory: true,
    },
  );
}

describe("S4: gradients and learning rates on J = x²", () => {
  it("S4-C001: of all unit directions, the gradient's raises J(x, y) = x² + 3y² fastest", () => {
    const J: ScalarFunction = (ops, { x, y }) => ops.add(ops.mul(x, x), ops.mul(3, ops.mul(y, y)));
    const point = { x: 1.2, y: -0.5 };
    const { gradient } = reverseModeGradient(J, point);
    assert.deepEqual([gradient.x, gradient.y], [2.4, -3], "∇J = (2x, 6y)");
    /** The slope of J along (dx, dy): forward mode seeded with the direction. */
    const slope = (dx: number, dy: number) =>
      J(DUAL_ARITHMETIC, {
        x: { value: point.x, derivative: dx },
        y: { value: point.y, derivative: dy },
      }).derivative;
    const norm = Math.hypot(gradient.x, gradient.y);
    const best = slope(gradient.x / norm, gradient.y / norm);
    for (let k = 0; k < 360; k++) {
      const angle = (k * Math.PI) / 180;
      assert.ok(slope(Math.cos(angle), Math.sin(angle)) <= best + 1e-12, `${k}°`);
    }
    assert.ok(Math.abs(best - norm) < 1e-12, "the largest slope is |∇J|");
  });
  it("S4-C006: a larger rate (below 1) gets J below 1e-6 in fewer steps", () => {
    const stepsTo = (eta: number) => run(eta, 2000).trajectory!.losses.findIndex((j) => j < 1e-6);
    const [fast, medium, slow] = [stepsTo(0.3), stepsTo(0.1), stepsTo(0.01)];
    assert.ok(fast > 0 && fast < medium && medium < slow, `${fast}, ${medium}, ${slow}`);
  });
  it("S4-C007: too large a rate oscillates (η = 0.8) or explodes (η = 1.2); a small one crawls (η = 0.01)", () => {
    const oscillating = run(0.8, 10).trajectory!.weights.map((w) => w[0]);
    for (let t = 1; t < oscillating.length; t++) {
      assert.ok(
        Math.sign(oscillating[t]) === -Math.sign(oscillating[t - 1]),
        "x changes sign each step",
      );
    }
    const exploding = run(1.2, 30).trajectory!.losses;
    for (let t = 1; t < exploding.length; t++) assert.ok(exploding[t] > exploding[t - 1]);
    assert.ok(exploding[30] > 1e8, "J(x₃₀) = 1.44·1.96³⁰");
    const crawling = run(0.01, 20).trajectory!.losses;
    assert.ok(crawling[20] > 0.3 * crawling[0], "after 20 steps J has not even dropped 70 %");
  });
  it("S4-C030: signed errors cancel in a sum — predictions [0, 2] for labels [1, 1] sum to 0 error", () => {
    const signed = [0, 2].reduce((sum, a, i) => sum + (a - [1, 1][i]), 0);
    assert.equal(signed, 0);
    assert.equal(sumAbsoluteError([0, 2], [1, 1]), 2, "the absolute errors do not cancel");
  });
});
