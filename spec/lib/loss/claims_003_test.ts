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
import { meanSquaredErrorGradient } from "../../../lib/loss/squared_error.ts";
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
    const worse = (f.input.targets as number[]).map((v) => v + 3);
    const mse = (p: number[]) =>
      p.reduce((s, v, i) => s + (v - (f.input.targets as number[])[i]) ** 2, 0) / p.length;
    assert.ok(mse(worse) > (f.expected.mse as number));
    assert.ok(1 / mse(worse) < (f.expected.reciprocal as number));
  });
  it("(8) partial derivatives of f = x²y at (1, 2): ∂f/∂x = 4, ∂f/∂y = 1, and f_xy = 2 is a different thing", () => {
    const f = (x: number, y: number) => x * x * y;
    const h = 2 ** -20;
    const e = fx("f08").expected;
    assertClose((f(1 + h, 2) - f(1 - h, 2)) / (2 * h), e.dfdx as number, { ulps: 0 });
    assertClose((f(1, 2 + h) - f(1, 2 - h)) / (2 * h), e.dfdy as number, { ulps: 0 });
    const fx2 = (y: number) => (f(1 + h, y) - f(1 - h, y)) / (2 * h);
    assertClose((fx2(2 + h) - fx2(2 - h)) / (2 * h), e.mixed as number, { ulps: 0 });
  });
  it("erratum (9): for f(u, v) = u, ∂J/∂A = ½ (a Riemann sum says so) while (9) gives 0", () => {
    const J = (A: number) => {
      const n = 200;
      let s = 0;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) s += A * ((i + 0.5) / n) + 0.3 * ((j + 0.5) / n) + 0.1;
      }
      return s / (n * n);
    };
    assertClose((J(1.5) - J(0.5)) / 1, fx("f09").expected.dJdA as number, { rtol: 1e-12, atol: 0 });
    assert.notEqual(fx("f09").expected.dJdA, fx("f09").expected.formula9);
  });
  it("erratum (10): −∇ is the direction of decrease; α = 1.5 on θ² diverges although θ² is convex", () => {
    const e = fx("f10").expected;
    const run = (alpha: number) => {
      let t = 1;
      return Array.from({ length: 5 }, () => (t = t - alpha * 2 * t));
    };
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
    const z = (w: number[], b: number) => w.reduce((s, v, l) => s + v * x[l], b);
    const w = [0.25, -0.5, 1];
    for (let l = 0; l < 3; l++) {
      const bumped = w.map((v, k) => (k === l ? v + 1 : v));
      assert.equal(z(bumped, 0) - z(w, 0), (fx("f15_f16_f18").expected.dzdw as number[])[l]);
    }
    assert.equal(z(w, 1) - z(w, 0), fx("f15_f16_f18").expected.dzdb);
  });
});
