// S0's 20 points and the line θ₀ + θ₁x where each stopping rule leaves gradient descent,
// beside the least-squares line it converges to. Three of the four lines lie within 0.001
// of each other, closer than a pixel, so a second panel gives each line's largest vertical
// gap to the least-squares line over the data, on a log scale.
import { fixture, linspace, numbers } from "./_data.ts";
import { optimum, runOf } from "./_gd.ts";
import type { TopLevelSpec } from "./render.ts";

export const title = "S0 §4.2: the 20-point fit where each stopping rule leaves gradient descent";

/** The sections of the errata sheets this figure illustrates. */
export const places: readonly (readonly [string, string])[] = [["S0", "4.2"]];

const RULES: readonly [string, string][] = [
  ["s000.gd20.fixed17", "fixed 17 steps"],
  ["s000.gd20.tol1e-4", "every |∂J/∂θⱼ| ≤ 1e-4"],
  ["s000.gd20.tol1e-6", "every |∂J/∂θⱼ| ≤ 1e-6"],
];

export function spec(): TopLevelSpec {
  const base = fixture("s000.gd20.tol1e-6");
  const x = numbers(base, "x"), y = numbers(base, "y");
  const best = optimum(runOf(base).x, y);
  const line = (theta: ArrayLike<number>, v: number) => theta[0] + theta[1] * v;
  const runs = RULES.map(([id, rule]) => {
    const run = runOf(fixture(id));
    const gap = Math.max(...x.map((v) => Math.abs(line(run.weights, v) - line(best.weights, v))));
    return { rule: `${rule} (${run.iterations} it.)`, theta: run.weights, gap };
  });
  const all = [...runs, { rule: "least squares θ* (closed form)", theta: best.weights, gap: 0 }];
  const order = all.map((r) => r.rule);
  const lines = all.flatMap(({ rule, theta }) =>
    linspace(0, 21, 2).map((v) => ({ x: v, y: line(theta, v), rule }))
  );
  const ruleScale = {
    field: "rule",
    type: "nominal" as const,
    sort: order,
    title: null,
    scale: { domain: order, range: ["#d62728", "#1f77b4", "#2ca02c", "#000000"] },
  };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: title,
      subtitle: `α = 0.01 from θ = [1, 1]; θ* = [${
        Array.from(best.weights, (v) => v.toFixed(4)).join(", ")
      }]`,
    },
    resolve: { legend: { color: "independent", strokeDash: "independent" } },
    vconcat: [
      {
        width: 420,
        height: 260,
        layer: [
          {
            data: { values: lines },
            mark: { type: "line", strokeWidth: 1.5 },
            encoding: {
              x: { field: "x", type: "quantitative", title: "x", scale: { domain: [0, 21] } },
              y: { field: "y", type: "quantitative", title: "y = θ₀ + θ₁x" },
              color: {
                ...ruleScale,
                legend: { orient: "top-left", labelLimit: 0, fillColor: "white", padding: 4 },
              },
              strokeDash: {
                field: "rule",
                type: "nominal",
                sort: order,
                scale: { domain: order, range: [[1, 0], [6, 3], [2, 2], [1, 0]] },
                legend: { orient: "top-left", labelLimit: 0, fillColor: "white", padding: 4 },
              },
            },
          },
          {
            data: { values: x.map((v, i) => ({ x: v, y: y[i] })) },
            mark: { type: "point", filled: true, color: "#555", size: 30 },
            encoding: {
              x: { field: "x", type: "quantitative" },
              y: { field: "y", type: "quantitative" },
            },
          },
        ],
      },
      {
        title: {
          text: "largest vertical gap to the least-squares line over x = 1 … 20",
          fontSize: 12,
          fontWeight: "normal",
        },
        width: 420,
        height: { step: 16 },
        data: {
          values: runs.map(({ rule, gap }) => ({
            rule,
            gap,
            floor: 1e-6,
            label: `${gap.toExponential(1)}: ${rule}`,
          })),
        },
        layer: [
          {
            mark: { type: "rule", strokeWidth: 6 },
            encoding: {
              x2: { field: "floor" },
              y: { field: "rule", type: "nominal", sort: order, title: null, axis: null },
              x: {
                field: "gap",
                type: "quantitative",
                scale: { type: "log", domain: [1e-6, 1] },
                axis: { format: "~e", values: [1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1] },
                title: "max |ŷ − ŷ*|",
              },
              color: { ...ruleScale, legend: null },
            },
          },
          {
            mark: { type: "text", align: "left", dx: 3, fontSize: 10 },
            encoding: {
              y: { field: "rule", type: "nominal", sort: order },
              x: { field: "gap", type: "quantitative" },
              text: { field: "label" },
            },
          },
        ],
      },
    ],
  } as TopLevelSpec;
}
