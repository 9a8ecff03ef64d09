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

describe("GD step kernels at every width the fused kernel unrolls (d = 2, 3, 4) and beyond", () => {
  for (const d of [1, 2, 3, 4, 5, 7]) {
    it(`d = ${d}: fused gives twoPass's bits; the step is W − η·g and the loss ½·mean r²`, () => {
      const random = new RandomState(100 + d);
      const rows = Array.from(
        { length: 37 },
        () => Array.from({ length: d }, () => random.uniform(-2, 2)),
      );
      const y = rows.map(() => random.uniform(-5, 5));
      const problem = leastSquaresProblem(fromRows(rows), y);
      const weights = Float64Array.from({ length: d }, (_, j) => 0.25 * (j + 1) - 0.6);
      const results = (["twoPass", "fused"] as const).map((name) => {
        const next = new Float64Array(d), gradient = new Float64Array(d);
        const loss = GD_STEP_VARIANTS[name](problem, weights, 0.05, next, gradient);
        return { next, gradient, loss };
      });
      assertAllClose(results[1].gradient, results[0].gradient, {});
      assertAllClose(results[1].next, results[0].next, {});
      assert.equal(results[1].loss, results[0].loss);
      // Against the definitions, summed here in other orders (rᵢ from 0, not from −yᵢ; i
      // descending): g = Xᵀr/m, C = Σr²/(2m). With γ = γ₄₀ ≥ γ_{d+1}, γ₃₇ (Higham §3.1), each
      // computed rᵢ is within δᵢ = γ·(Σⱼ|xᵢⱼwⱼ| + |yᵢ|) of the exact one, so two computations
      // of gⱼ differ by at most 2·(γ·Σᵢ|xᵢⱼ||rᵢ| + (1 + γ)·Σᵢ|xᵢⱼ|δᵢ)/m, plus the division.
      const m = rows.length, gamma = 40 * 2 ** -53 / (1 - 40 * 2 ** -53);
      const residuals = rows.map((row, i) =>
        row.reduce((sum, x, j) => sum + x * weights[j], 0) - y[i]
      );
      const deltas = rows.map((row, i) =>
        gamma * (row.reduce((sum, x, j) => sum + Math.abs(x * weights[j]), 0) + Math.abs(y[i]))
      );
      for (let j = 0; j < d; j++) {
        let g = 0, bound = 0;
        for (let i = m - 1; i >= 0; i--) {
          g += rows[i][j] * residuals[i];
          bound += Math.abs(rows[i][j]) *
            (gamma * (Math.abs(residuals[i]) + deltas[i]) + (1 + gamma) * deltas[i]);
        }
        assertClose(results[0].gradient[j], g / m, {
          atol: (2 * bound) / m + 2 ** -51 * Math.abs(g / m),
        });
        assert.equal(results[0].next[j], weights[j] - 0.05 * results[0].gradient[j]);
      }
      // Σr̂² − Σr² ≤ Σ(2|rᵢ| + δᵢ)·δᵢ per computation, and γ·Σr̂² for the sum itself.
      let squares = 0, lossBound = 0;
      for (let i = m - 1; i >= 0; i--) {
        squares += residuals[i] ** 2;
        lossBound += 2 * (2 * Math.abs(residuals[i]) + deltas[i]) * deltas[i] +
          2 * gamma * (Math.abs(residuals[i]) + deltas[i]) ** 2;
      }
      assertClose(results[0].loss, squares / (2 * m), {
        atol: lossBound / (2 * m) + 2 ** -51 * (squares / (2 * m)),
      });
    });
  }
});

describe("GD step kernels refuse what they cannot step", () => {
  const problem = leastSquaresProblem(fromRows([[1, 2], [3, 4], [5, 7]]), [1, 2, 3]);
  const w = () => new Float64Array(2);
  for (const [name, kernel] of Object.entries(GD_STEP_VARIANTS)) {
    it(`${name}: a problem not built by leastSquaresProblem, wrong buffers, shared memory`, () => {
      assert.throws(() => kernel({ dimension: 2 } as never, w(), 0.1, w(), w()), {
        name: "InputTypeError",
        message: /^problem must come from leastSquaresProblem or momentsProblem, got /,
      });
      assert.throws(() => kernel(null as never, w(), 0.1, w(), w()), { name: "InputTypeError" });
      assert.throws(() => kernel(problem, [0, 0] as never, 0.1, w(), w()), {
        name: "InputTypeError",
        message: /^weights must be a Float64Array, got /,
      });
      assert.throws(() => kernel(problem, w(), 0.1, new Float64Array(3), w()), {
        name: "ShapeError",
        message: "next has 3 entries, expected d = 2",
      });
      assert.throws(() => kernel(problem, w(), 0.1, w(), new Float64Array(1)), {
        name: "ShapeError",
        message: "gradient has 1 entries, expected d = 2",
      });
      const shared = new Float64Array(4);
      assert.throws(() => kernel(problem, shared.subarray(0, 2), 0.1, shared.subarray(2), w()), {
        name: "ArgumentRangeError",
        message: /must not share memory with weights/,
      });
      assert.throws(() => kernel(problem, shared.subarray(0, 2), 0.1, w(), shared.subarray(2)), {
        name: "ArgumentRangeError",
      });
      assert.throws(() => kernel(problem, w(), "0.1" as never, w(), w()), {
        name: "InputTypeError",
        message: /^learningRate must be a number/,
      });
    });
  }
});
