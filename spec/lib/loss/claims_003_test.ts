// 003 (backpropagation blog): every formula (1)–(21) and checkable claim, one fixture each.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import json from "../../../fixtures/loss/claims_003.json" with { type: "json" };
import { allFixtures, fixtureById } from "../../_fixture.ts";
import { checkWithSubject } from "./_run.ts";
import { assertAllClose, assertClose } from "../../../oracle/assert_close.ts";
import { SUBJECTS } from "../../../worked/registry.ts";
import { relu } from "../../../lib/activation/relu.ts";
import { sigmoid, sigmoidDerivative } from "../../../lib/activation/sigmoid.ts";
import { tanh } from "../../../lib/activation/tanh.ts";
import { meanSquaredError, meanSquaredErrorGradient } from "../../../lib/loss/squared_error.ts";
import type { ScalarFunction } from "../../../lib/autodiff/arithmetic.ts";
import { reverseModeGradient } from "../../../lib/autodiff/graph.ts";
import { centralDifference } from "../../../lib/autodiff/finite_difference.ts";
import { gradientDescent } from "../../../lib/optim/gradient_descent.ts";
import { singleLayerForward, singleLayerGradient } from "../../../lib/classify/single_layer.ts";

const fx = (key: string) => fixtureById(json, `s003.claims.${key}`);

describe("003: every formula goes through its subject", () => {
  for (const fixture of allFixtures(json, "claims_003.json")) {
    it(`${fixture.id}: ${fixture.title}`, () => checkWithSubject(SUBJECTS, fixture));
  }
});

describe("003 §2.1.4 activations", () => {
  it("erratum (2): the sigmoid is not the hyperbolic tangent; tanh z = 2σ(2z) − 1", () => {
    assert.notEqual(sigmoid(1), tanh(1));
    assert.equal(sigmoid(0), 0.5);
    assert.equal(tanh(0), 0);
  });
  it("erratum (3): tanh's slope reaches 1, four times σ's ¼ — steeper, not smoother", () => {
    assert.equal(fx("f03").expected.maxTanhDerivative, 4 * sigmoidDerivative(0));
  });
  it("erratum (4): ReLU is not linear — f(1 + (−1)) ≠ f(1) + f(−1)", () => {
    assert.notEqual(relu(1 + -1), relu(1) + relu(-1));
  });
});

describe("003 §2.1.5–2.1.7 losses, derivatives, gradient descent", () => {
  it("erratum (6): no reciprocal is taken — 1/MSE would rank a worse fit as cheaper", () => {
    const f = fx("f06");
    const targets = f.input.targets as number[], predictions = f.input.predictions as number[];
    const mse = meanSquaredError(predictions, targets);
    assertClose(mse, f.expected.mse as number, {});
    assertClose(1 / mse, f.expected.reciprocal as number, {});
    const worse = meanSquaredError(targets.map((v) => v + 3), targets);
    assert.ok(worse > mse, "MSE ranks the worse fit as costlier");
    assert.ok(1 / worse < 1 / mse, "its reciprocal would rank it as cheaper");
  });
  it("(8) partial derivatives of f = x²y at (1, 2): ∂f/∂x = 4, ∂f/∂y = 1, and f_xy = 2 is a different thing", () => {
    const f: ScalarFunction = (ops, { x, y }) => ops.mul(ops.mul(x, x), y);
    const e = fx("f08").expected;
    const { gradient } = reverseModeGradient(f, { x: 1, y: 2 });
    assert.deepEqual([gradient.x, gradient.y], [e.dfdx, e.dfdy]);
    // ∂f/∂x = 2xy is linear in y: its central difference in y is exact for h = 2⁻²⁰.
    const dfdx = (y: number) => reverseModeGradient(f, { x: 1, y }).gradient.x;
    const mixed = centralDifference(dfdx, 2, 2 ** -20);
    assert.equal(mixed, e.mixed);
    assert.notEqual(mixed, gradient.x);
    assert.notEqual(mixed, gradient.y);
  });
  it("erratum (10): −∇ is the direction of decrease; α = 1.5 on θ² diverges although θ² is convex", () => {
    const e = fx("f10").expected;
    const run = (alpha: number) =>
      gradientDescent(
        (w, g) => {
          g[0] = 2 * w[0];
          return w[0] * w[0];
        },
        [1],
        {
          learningRate: alpha,
          stop: { kind: "iterations", count: 5 },
          maxIterations: 5,
          divergenceFactor: 1e6,
          recordTrajectory: true,
        },
      ).trajectory!.weights.slice(1).map((w) => w[0]);
    assertAllClose(run(0.1), e.small as number[], { ulps: 0 });
    assertAllClose(run(1.5), e.large as number[], {});
    assert.ok((1 - 0.1 * 2) ** 2 < 1 && 1 < (1 + 0.1 * 2) ** 2);
  });
});

describe("003 §2.2.2 the output-layer gradient (13)–(20)", () => {
  const f = fx("f13_f20");
  const layer = {
    weights: { rows: 2, cols: 3, data: Float64Array.from((f.input.weights as number[][]).flat()) },
    biases: Float64Array.from(f.input.biases as number[]),
  };
  const x = f.input.input as number[], y = f.input.target as number[];
  it("erratum (13): the printed two-term chain counts one path twice", () => {
    const g = singleLayerGradient(layer, x, y).weights;
    assertAllClose(Array.from(g, (v) => 2 * v), (f.expected.printed13 as number[][]).flat(), {
      ulps: 1,
    });
  });
  it("erratum (14): d/dŷ (1/K)Σ(ŷ − y)² is (2/K)(ŷ − y), not −(1/K)(ŷ − y)", () => {
    const out = singleLayerForward(layer, x);
    const correct = meanSquaredErrorGradient(out, y);
    const printed = Array.from(out, (v, k) => (-1 / 2) * (v - y[k]));
    const h = 1e-6;
    const loss = (p: number[]) => p.reduce((s, v, k) => s + (v - y[k]) ** 2, 0) / p.length;
    for (let k = 0; k < 2; k++) {
      const up = Array.from(out), down = Array.from(out);
      up[k] += h;
      down[k] -= h;
      const fd = (loss(up) - loss(down)) / (2 * h);
      assert.ok(Math.abs(fd - correct[k]) < 1e-9);
      assert.ok(Math.abs(fd - printed[k]) > 0.1);
    }
  });
  it("erratum (17): the printed −(1/K)(ŷ − y)x drops σ′ and flips the sign", () => {
    const out = singleLayerForward(layer, x);
    const printed17 = Array.from(out, (v, k) => x.map((xl) => (-(v - y[k]) * xl) / 2)).flat();
    assertAllClose(printed17, (f.expected.printed17 as number[][]).flat(), { ulps: 1 });
    const correct = singleLayerGradient(layer, x, y).weights;
    correct.forEach((v, i) => {
      if (v !== 0) assert.ok(Math.sign(v) !== Math.sign(printed17[i]), `entry ${i}`);
    });
  });
  it("(15), (16): z is linear, so ∂z/∂w = x and ∂z/∂b = 1 exactly", () => {
    const e = fx("f15_f16_f18").expected;
    const z: ScalarFunction = (ops, { w0, w1, w2, b }) =>
      ops.add(ops.add(ops.add(ops.mul(w0, x[0]), ops.mul(w1, x[1])), ops.mul(w2, x[2])), b);
    const { gradient } = reverseModeGradient(z, { w0: 0.25, w1: -0.5, w2: 1, b: 0.5 });
    assert.deepEqual([gradient.w0, gradient.w1, gradient.w2], e.dzdw);
    assert.equal(gradient.b, e.dzdb);
  });
});
