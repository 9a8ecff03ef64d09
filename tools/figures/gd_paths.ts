// Gradient-descent paths on the loss: S4's J = x² (x₀ = 1.2, η = 0.3) on the parabola,
// and S0's run on the level sets of J(θ₀, θ₁), which are ellipses around θ* because J
// is quadratic: J(θ) = J* + ½(θ − θ*)ᵀG(θ − θ*) with G = XᵀX/m.
import { leastSquaresProblem } from "../../lib/optim/least_squares.ts";
import { fixture, linspace } from "./_data.ts";
import { optimum, runOf, s4Run } from "./_gd.ts";
import type { TopLevelSpec } from "./render.ts";

export const title = "S4 §单变量函数的梯度下降 and S0 §4.2: gradient-descent paths on the loss";

/** The sections of the errata sheets this figure illustrates. */
export const places: readonly (readonly [string, string])[] = [["S4", "单变量函数的梯度下降"], [
  "S0",
  "4.2",
]];

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
  const f = fixture("s000.gd20.tol1e-6");
  const run = runOf(f);
  const best = optimum(run.x, run.y);
  const problem = leastSquaresProblem(run.x, run.y);
  const { weights, losses } = run.trajectory!;
  // Every iterate while the path zig-zags across the valley, then every 10th along it.
  const path = weights.flatMap((w, t) =>
    t < 40 || t % 10 === 0 || t === weights.length - 1 ? [{ theta0: w[0], theta1: w[1], t }] : []
  );
  const marked = path.filter(({ t }) => t <= 3 || t === weights.length - 1)
    .map((p) => ({ ...p, label: `t = ${p.t}` }));
  // Equal units on both axes, so the level sets keep their true shape: the view is the
  // path's bounding box plus a margin, and the plot's pixels are in the same ratio.
  const theta0 = weights.map((w) => w[0]), theta1 = weights.map((w) => w[1]);
  const pad = 0.04;
  const x0 = [Math.min(...theta0) - pad, Math.max(...theta0) + pad];
  const x1 = [Math.min(...theta1) - pad / 2, Math.max(...theta1) + pad / 2];
  const width = 520;
  const height = Math.round((width * (x1[1] - x1[0])) / (x0[1] - x0[0]));
  // The level sets through the iterates at t = 1, 3, 30, 300, 1000, 3000.
  const levels = [1, 3, 30, 300, 1000, 3000].map((t) => losses[t] - best.loss);
  const contours = levels.flatMap((level, k) =>
    ellipse(problem.gram, best.weights, level).map(([theta0, theta1], order) => ({
      theta0,
      theta1,
      order,
      k,
    }))
  );
  const [a, b, d] = [problem.gram[0], problem.gram[1], problem.gram[3]];
  const spread = Math.hypot((a - d) / 2, b);
  const ratio = Math.sqrt(((a + d) / 2 + spread) / ((a + d) / 2 - spread));
  const x = {
    field: "theta0",
    type: "quantitative" as const,
    title: "θ₀",
    scale: { domain: x0, nice: false, zero: false },
  };
  const y = {
    field: "theta1",
    type: "quantitative" as const,
    title: "θ₁",
    scale: { domain: x1, nice: false, zero: false },
  };
  return {
    title: {
      text: `S0 §4.2: ${run.iterations} steps of α = 0.01 from θ = [1, 1] ` +
        `until every |∂J/∂θⱼ| ≤ 1e-6`,
      subtitle: [
        `equal scales on both axes; grey: level sets of J through t = 1, 3, 30, 300, 1000, 3000`,
        `(ellipses with axis ratio ${ratio.toFixed(0)} : 1); + marks θ* = [${
          Array.from(best.weights, (v) => v.toFixed(4)).join(", ")
        }]`,
      ],
    },
    width,
    height,
    layer: [
      {
        data: { values: contours },
        mark: { type: "line" as const, strokeWidth: 0.8, color: "#aaa", clip: true },
        encoding: { x, y, order: { field: "order" }, detail: { field: "k" } },
      },
      {
        data: { values: path },
        mark: { type: "line" as const, strokeWidth: 1.2, color: "#d62728", clip: true },
        encoding: { x, y, order: { field: "t" } },
      },
      {
        data: { values: marked },
        mark: { type: "point" as const, filled: true, size: 18, color: "#d62728" },
        encoding: { x, y },
      },
      {
        data: { values: marked.filter(({ t }) => t <= 1 || t === weights.length - 1) },
        mark: { type: "text" as const, dx: 6, dy: -6, align: "left" as const, fontSize: 10 },
        encoding: { x, y, text: { field: "label" } },
      },
      {
        data: { values: [{ theta0: best.weights[0], theta1: best.weights[1] }] },
        mark: { type: "point" as const, shape: "cross", size: 90, color: "black", filled: true },
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
    title: "S4 §单变量函数的梯度下降: J = x², x₀ = 1.2, η = 0.3 (x ← 0.4x), 8 steps",
    width: 320,
    height: 180,
    layer: [
      {
        data: { values: curve },
        mark: { type: "line" as const, color: "#aaa" },
        encoding: { x, y },
      },
      {
        data: { values: path },
        mark: {
          type: "line" as const,
          point: { size: 24, filled: true, color: "#d62728" },
          color: "#d62728",
        },
        encoding: { x, y, order: { field: "t" } },
      },
    ],
  };
}

export function spec(): TopLevelSpec {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: title },
    vconcat: [s4Panel(), s0Panel()],
  } as TopLevelSpec;
}
