// Issue 12, numeric defect 6: momentsGradientDescent without meanSquare (documented as
// optional) stopped at once as "diverged" on main, its loss NaN. Without s the run is the
// same — the gradient GW − c does not need s — and the loss is reported without its
// constant ½s. Expected values are exact in binary (hand-checked below).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { momentsGradientDescent } from "../../../lib/optim/gradient_descent.ts";

describe("defect 6: moments without the mean square s", () => {
  const stop = { kind: "gradient", tolerance: 0 } as const;
  it("G = [[2]], c = [2]: one exact step of η = ½ reaches W = 1 and converges", () => {
    const result = momentsGradientDescent({ gram: [[2]], moment: [2] }, {
      learningRate: 0.5,
      stop,
      maxIterations: 10,
    });
    assert.equal(result.status, "converged");
    assert.equal(result.iterations, 1);
    assert.deepEqual(Array.from(result.weights), [1]);
    // ½WᵀGW − cᵀW = ½·2·1 − 2·1 = −1: C(W) without ½s (with s = 2 it is 0, see below).
    assert.equal(result.loss, -1);
  });
  it("with s the same run reports C(W) itself", () => {
    const result = momentsGradientDescent({ gram: [[2]], moment: [2], meanSquare: 2 }, {
      learningRate: 0.5,
      stop,
      maxIterations: 10,
    });
    assert.deepEqual(Array.from(result.weights), [1]);
    assert.equal(result.loss, 0);
  });
  it("a divergent step size is still detected without s (non-finite, not a ratio)", () => {
    const result = momentsGradientDescent({ gram: [[2]], moment: [2] }, {
      learningRate: 3,
      stop,
      maxIterations: 10_000,
    });
    assert.equal(result.status, "diverged");
    assert.ok(result.weights.every(Number.isFinite));
  });
  it('a "loss" stopping rule needs s: refused with the reason', () => {
    assert.throws(
      () =>
        momentsGradientDescent({ gram: [[2]], moment: [2] }, {
          learningRate: 0.5,
          stop: { kind: "loss", threshold: 1e-3 },
          maxIterations: 10,
        }),
      {
        name: "ArgumentRangeError",
        message: /needs the loss itself: give the moments' meanSquare/,
      },
    );
  });
});
