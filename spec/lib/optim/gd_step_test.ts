import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { assertAllClose, assertClose } from "../../../oracle/assert_close.ts";
import { fromRows } from "../../../lib/linalg/matrix.ts";
import { RandomState } from "../../../lib/random/random_state.ts";
import { GD_STEP_VARIANTS } from "../../../lib/optim/gd_step.ts";
import { leastSquaresProblem, momentsProblem } from "../../../lib/optim/least_squares.ts";
import { leastSquaresGradientDescent } from "../../../lib/optim/gradient_descent.ts";

/** A seeded 200 × 4 regression problem: uniform features, a noisy linear target. */
function randomProblem() {
  const random = new RandomState(7);
  const rows: number[][] = [], y: number[] = [];
  for (let i = 0; i < 200; i++) {
    const row = [1, random.uniform(-3, 3), random.uniform(0, 10), random.uniform(-1, 1)];
    rows.push(row);
    y.push(2 - row[1] + 0.5 * row[2] + 3 * row[3] + random.normal(0, 0.1));
  }
  return { x: fromRows(rows), y };
}

describe("GD step kernels: twoPass, fused and gram agree", () => {
  const { x, y } = randomProblem();
  const problem = leastSquaresProblem(x, y);
  const weights = new Float64Array([0.3, -0.2, 0.1, 0.5]);

  it("one step: fused is bit-identical to twoPass; gram within the measured 2 ulps (Deno, Bun)", () => {
    const out = Object.fromEntries(
      Object.entries(GD_STEP_VARIANTS).map(([name, kernel]) => {
        const next = new Float64Array(4), gradient = new Float64Array(4);
        const loss = kernel(problem, weights, 0.01, next, gradient);
        return [name, { next, gradient, loss }];
      }),
    );
    assertAllClose(out.fused.next, out.twoPass.next, {});
    assertAllClose(out.fused.gradient, out.twoPass.gradient, {});
    assert.equal(out.fused.loss, out.twoPass.loss);
    assertAllClose(out.gram.gradient, out.twoPass.gradient, { rtol: 6e-16 }); // measured 5.8e-16
    assertAllClose(out.gram.next, out.twoPass.next, { ulps: 2 });
    // The Gram loss cancels: its error scales with s = yᵀy/m = 30.7, not with C
    // (measured 3.6e-15 absolute, 1.2e-16·s).
    assertClose(out.gram.loss, out.twoPass.loss, { atol: 1.5e-16 * problem.meanSquare });
  });

  it("each kernel writes only into the caller's buffers", () => {
    for (const kernel of Object.values(GD_STEP_VARIANTS)) {
      const w = weights.slice(), next = new Float64Array(4), gradient = new Float64Array(4);
      kernel(problem, w, 0.01, next, gradient);
      assertAllClose(w, weights, {});
      assert.ok(next.some((v) => v !== 0) && gradient.some((v) => v !== 0));
    }
  });

  it("whole runs: the Gram variant reaches the plain variant's iterate (measured 5.2e-15 relative)", () => {
    const options = {
      learningRate: 0.02,
      stop: { kind: "gradient", tolerance: 1e-9 },
      maxIterations: 100000,
    } as const;
    const plain = leastSquaresGradientDescent(x, y, { ...options, variant: "twoPass" });
    const gram = leastSquaresGradientDescent(x, y, { ...options, variant: "gram" });
    assert.equal(plain.status, "converged");
    assert.equal(gram.status, "converged");
    assert.equal(gram.iterations, plain.iterations); // 4815 on Deno and Bun
    assertAllClose(gram.weights, plain.weights, { rtol: 6e-15 });
    assertClose(gram.loss, plain.loss, { rtol: 1e-15 }); // measured 8.1e-16
  });

  it("data kernels refuse a moments-only problem", () => {
    const moments = momentsProblem({ gram: [[2]], moment: [0], meanSquare: 0 });
    const buffers = [new Float64Array(1), new Float64Array(1)] as const;
    for (const name of ["twoPass", "fused"] as const) {
      assert.throws(
        () => GD_STEP_VARIANTS[name](moments, new Float64Array(1), 0.1, ...buffers),
        { name: "ArgumentRangeError", message: /needs the data X and y/ },
      );
    }
  });
});
