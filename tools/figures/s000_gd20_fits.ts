// S0's 20 points and the line θ₀ + θ₁x where each stopping rule leaves gradient descent,
// beside the least-squares line it converges to.
import { fixture, linspace, numbers } from "./_data.ts";
import { optimum, runOf } from "./_gd.ts";
import type { TopLevelSpec } from "./render.ts";

export const title = "S0: the 20-point fit at each stopping rule";

export function spec(): TopLevelSpec {
  const base = fixture("s000.gd20.tol1e-6");
  const x = numbers(base, "x"), y = numbers(base, "y");
  const runs = [
    ["s000.gd20.fixed17", "fixed 17 steps"],
    ["s000.gd20.tol1e-4", "all |∂J/∂θ| ≤ 1e-4"],
    ["s000.gd20.tol1e-6", "all |∂J/∂θ| ≤ 1e-6"],
  ].map(([id, rule]) => {
    const run = runOf(fixture(id));
    return { rule: `${rule} (${run.iterations} it.)`, theta: run.weights };
  });
  const best = optimum(runOf(base).x, y);
  runs.push({ rule: "least squares θ*", theta: best.weights });
  const lines = runs.flatMap(({ rule, theta }) =>
    linspace(0, 21, 2).map((v) => ({ x: v, y: theta[0] + theta[1] * v, rule }))
  );
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: title,
      subtitle: `α = 0.01, θ₀ = [1, 1]; θ* = [${Array.from(best.weights, (v) => v.toFixed(4))}]`,
    },
    width: 440,
    height: 300,
    layer: [
      {
        data: { values: lines },
        mark: { type: "line", strokeWidth: 1.5 },
        encoding: {
          x: { field: "x", type: "quantitative", title: "x" },
          y: { field: "y", type: "quantitative", title: "y" },
          color: { field: "rule", type: "nominal", title: "stopping rule", sort: null },
          strokeDash: { field: "rule", type: "nominal", sort: null, legend: null },
        },
      },
      {
        data: { values: x.map((v, i) => ({ x: v, y: y[i] })) },
        mark: { type: "point", filled: true, color: "black", size: 40 },
        encoding: {
          x: { field: "x", type: "quantitative" },
          y: { field: "y", type: "quantitative" },
        },
      },
    ],
  };
}
