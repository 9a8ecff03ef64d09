// Gradient-descent paths on the loss: S4's J = x² (x₀ = 1.2, η = 0.3) on the parabola,
// and S0's run on the level sets of J(θ₀, θ₁), which are ellipses around θ* because J
// is quadratic: J(θ) = J* + ½(θ − θ*)ᵀG(θ − θ*) with G = XᵀX/m.
import { leastSquaresProblem } from "../../lib/optim/least_squares.ts";
import { fixture, linspace } from "./_data.ts";
import { optimum, runOf, s4Run } from "./_gd.ts";
import type { TopLevelSpec } from "./render.ts";

export const title = "Gradient-descent paths on the loss";

/** Points of the ellipse ½(θ − θ*)ᵀG(θ − θ*) = level, for a symmetric positive 2 × 2 G. */
export function ellipse(g: Float64Array, centre: ArrayLike<number>, level: number): number[][] {
  const [a, b, d] = [g[0], g[1], g[3]];
  const mean = (a + d) / 2, radius = Math.hypot((a - d) / 2, b);
  const eigen = [mean + radius, mean - radius];
  const angle = Math.atan2(eigen[0] - a, b || 1e-300);
  const [c, s] = b !== 0 ? [Math.cos(angle), Math.sin(angle)] : a >= d ? [1, 0] : [0, 1];
  return linspace(0, 2 * Math.PI, 97).map((t) => {
    const u = Math.sqrt((2 * level) / eigen[0]) * Math.cos(t);
    const v = Math.sqrt((2 * level) / eigen[1]) * Math.sin(t);
    return [centre[0] + c * u - s * v, centre[1] + s * u + c * v];
  });
}

function s0Panel() {
  const run = runOf(fixture("s000.gd20.tol1e-6"));
  const best = optimum(run.x, run.y);
  const problem = leastSquaresProblem(run.x, run.y);
  const { weights, losses } = run.trajectory!;
  // Every early step (the fast zig-zag across the valley), then every 25th along it.
  const path = weights.flatMap((w, t) =>
    t < 20 || t % 25 === 0 || t === weights.length - 1 ? [{ theta0: w[0], theta1: w[1], t }] : []
  );
  // The level sets through the iterates at t = 0, 1, 3, 30, 300, 3000.
  const levels = [0, 1, 3, 30, 300, 3000].map((t) => losses[t] - best.loss);
  const contours = levels.flatMap((level, k) =>
    ellipse(problem.gram, best.weights, level).map(([theta0, theta1], order) => ({
      theta0,
      theta1,
      order,
      level: `J* + ${level.toPrecision(2)}`,
      k,
    }))
  );
  const x = { field: "theta0", type: "quantitative" as const, title: "θ₀", scale: { zero: false } };
  const y = { field: "theta1", type: "quantitative" as const, title: "θ₁", scale: { zero: false } };
  return {
    title: `S0: 17 steps of α = 0.01 from θ = [1, 1] (θ* = [${
      Array.from(best.weights, (v) => v.toFixed(3))
    }])`,
    width: 300,
    height: 300,
    layer: [
      {
        data: { values: contours },
        mark: { type: "line" as const, strokeWidth: 0.8, color: "#999" },
        encoding: { x, y, order: { field: "order" }, detail: { field: "k" } },
      },
      {
        data: { values: path },
        mark: { type: "line" as const, strokeWidth: 1, point: { size: 10 }, color: "#d62728" },
        encoding: { x, y, order: { field: "t" } },
      },
      {
        data: { values: [{ theta0: best.weights[0], theta1: best.weights[1] }] },
        mark: { type: "point" as const, shape: "cross", size: 120, color: "black" },
        encoding: { x, y },
      },
    ],
  };
}

function s4Panel() {
  const result = s4Run(8);
  const curve = linspace(-1.3, 1.3, 105).map((v) => ({ x: v, J: v * v }));
  const path = result.trajectory!.weights.map((w, t) => ({ x: w[0], J: w[0] * w[0], t }));
  const x = { field: "x", type: "quantitative" as const, title: "x" };
  const y = { field: "J", type: "quantitative" as const, title: "J = x²" };
  return {
    title: "S4: J = x², x₀ = 1.2, η = 0.3 (x ← 0.4x)",
    width: 300,
    height: 300,
    layer: [
      {
        data: { values: curve },
        mark: { type: "line" as const, color: "#999" },
        encoding: { x, y },
      },
      {
        data: { values: path },
        mark: { type: "line" as const, point: true, color: "#d62728" },
        encoding: { x, y, order: { field: "t" } },
      },
    ],
  };
}

export function spec(): TopLevelSpec {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: title },
    hconcat: [s4Panel(), s0Panel()],
  } as TopLevelSpec;
}
