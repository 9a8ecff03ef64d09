// The claims of S0 (000) that no fixture checks on its own, each named by its id in
// fixtures/claims/s000.json, on S0's own 20 points where they apply.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import s000 from "../../fixtures/gd/s000_gd20.json" with { type: "json" };
import { fromRows } from "../../lib/linalg/matrix.ts";
import { matmul } from "../../lib/linalg/matmul.ts";
import { leastSquares } from "../../lib/linalg/lstsq.ts";
import { leastSquaresGradient, leastSquaresLoss } from "../../lib/optim/least_squares.ts";

const input = (s000 as unknown as { input: { x: number[]; y: number[] } }[])[0].input;
const X = fromRows(input.x.map((v) => [1, v]));
const y = input.y;

describe("S0 §4.2: the cost and the update", () => {
  it("S0-C001: J and 2J have the same minimiser (the ½ only scales the gradient)", () => {
    const optimum = leastSquares(X, y, { method: "accurate" }).weights;
    const g = leastSquaresGradient(X, y, optimum);
    assert.ok(Math.hypot(...g) < 1e-12, "∇J(θ*) = 0, so ∇(2J)(θ*) = 0 too");
    for (const [a, b] of [[1e-3, 0], [0, 1e-3], [-1e-3, 1e-4]]) {
      const moved = [optimum[0] + a, optimum[1] + b];
      assert.ok(leastSquaresLoss(X, y, moved) > leastSquaresLoss(X, y, optimum));
      assert.ok(2 * leastSquaresLoss(X, y, moved) > 2 * leastSquaresLoss(X, y, optimum));
    }
  });
  it("S0-C004: Σ(h − y)² = (h − y)ᵀ(h − y) for the residual column (integers: exact)", () => {
    const theta = [1, 1];
    const r = y.map((v, i) => theta[0] + theta[1] * input.x[i] - v);
    const column = fromRows(r.map((v) => [v]));
    const inner = matmul(fromRows([r]), column).data[0];
    assert.equal(inner, r.reduce((s, v) => s + v * v, 0));
    assert.equal(inner, 2 * y.length * leastSquaresLoss(X, y, theta));
  });
  it("S0-C033: θ − a(f(θ) − yᵢ)xᵢ is the gradient step on ½(f(θ) − yᵢ)² with f(θ) = θᵀxᵢ", () => {
    const theta = [0.5, 1.25], row = [1, input.x[3]], yi = y[3], a = 0.01;
    const f = theta[0] * row[0] + theta[1] * row[1];
    // ½(θᵀx − y)² has gradient (θᵀx − y)x: leastSquaresGradient on the single sample.
    const g = leastSquaresGradient(fromRows([row]), [yi], theta);
    const step = theta.map((t, j) => t - a * (f - yi) * row[j]);
    assert.deepEqual(step, theta.map((t, j) => t - a * g[j]));
    const half = (w: number[]) => 0.5 * (w[0] * row[0] + w[1] * row[1] - yi) ** 2;
    assert.ok(half(step) < half(theta), "the step lowers the sample's loss");
  });
});
