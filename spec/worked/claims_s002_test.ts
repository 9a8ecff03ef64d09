// The claims of S2 (002) that no fixture checks on its own, each named by its id in
// fixtures/claims/s002.json.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { logicGate } from "../../lib/classify/logic_gate.ts";
import { sigmoid, sigmoidDerivative } from "../../lib/activation/sigmoid.ts";
import { fromRows } from "../../lib/linalg/matrix.ts";
import { leastSquaresGradient } from "../../lib/optim/least_squares.ts";

const XOR = [[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 0]];

describe("S2: single neurons, one-sample steps, the chain rule", () => {
  it("S2-C005: no single neuron σ(w₁a + w₂b + c), rounded, is XOR", () => {
    // XOR needs w₁ + c > 0 and w₂ + c > 0 (sum: w₁ + w₂ + 2c > 0) but c < 0 and
    // w₁ + w₂ + c < 0 (sum: w₁ + w₂ + 2c < 0): no weights exist. A grid search agrees.
    let found = 0, checked = 0;
    for (let w1 = -20; w1 <= 20; w1 += 0.5) {
      for (let w2 = -20; w2 <= 20; w2 += 0.5) {
        for (let c = -20; c <= 20; c += 0.5) {
          const gate = logicGate(w1, w2, c);
          checked++;
          if (XOR.every(([a, b, out]) => Math.round(gate(a, b)) === out)) found++;
        }
      }
    }
    assert.equal(found, 0, `${checked} weight triples tried`);
    // Two layers do it (s002.gates.xor): AND(OR, NAND).
    const [or, nand, and] = [
      logicGate(20, 20, -10),
      logicGate(-10, -10, 14),
      logicGate(11, 10, -20),
    ];
    assert.ok(XOR.every(([a, b, out]) => Math.round(and(or(a, b), nand(a, b))) === out));
  });
  it("S2-C012: the one-sample step (y_j − ŷ_j)x_j is minus the gradient of ½(y_j − ŷ_j)²", () => {
    const x = [1, 4.5, 7.25], theta = [3, 3, 3], yj = 40;
    const yhat = theta.reduce((s, t, k) => s + t * x[k], 0);
    const g = leastSquaresGradient(fromRows([x]), [yj], theta);
    x.forEach((xk, k) => assert.equal((yj - yhat) * xk, -g[k]));
  });
  it("S2-C036: (g∘f)′ = g′(f)·f′ — σ(x² + 1) against a central difference", () => {
    for (const x of [-1.5, -0.2, 0.7, 2]) {
      const exact = sigmoidDerivative(x * x + 1) * 2 * x;
      const h = 1e-5;
      const numeric = (sigmoid((x + h) ** 2 + 1) - sigmoid((x - h) ** 2 + 1)) / (2 * h);
      assert.ok(Math.abs(exact - numeric) < 1e-9, `x = ${x}`);
    }
  });
  it("S2-C037: W ← W − λ∂MSE/∂W lowers MSE = (y − p)²/2, p = σ(Wx + b), for a small λ", () => {
    const x = [0.5, -1.2], y = 0.9, b = 0.1;
    let w = [0.3, 0.8];
    const mse = (v: number[]) => (y - sigmoid(v[0] * x[0] + v[1] * x[1] + b)) ** 2 / 2;
    for (let step = 0; step < 20; step++) {
      const z = w[0] * x[0] + w[1] * x[1] + b;
      const delta = (sigmoid(z) - y) * sigmoidDerivative(z);
      const next = w.map((wk, k) => wk - 0.5 * delta * x[k]);
      assert.ok(mse(next) < mse(w), `step ${step}`);
      w = next;
    }
  });
});
