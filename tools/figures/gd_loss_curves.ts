// Loss curves of the documents' gradient-descent runs: the excess loss C(Wₜ) − C(W*) on a
// log scale, so linear convergence shows as a straight line whose slope is set by η and
// the curvature of the problem.
import { fixture } from "./_data.ts";
import { optimum, runOf, s4Run } from "./_gd.ts";
import type { TopLevelSpec } from "./render.ts";

export const title =
  "S0 §4.2, S1 §2.1, S4 §单变量函数的梯度下降: gradient descent, excess loss per iteration";

/** The sections of the errata sheets this figure illustrates. */
export const places: readonly (readonly [string, string])[] = [["S0", "4.2"], ["S1", "2.1"], [
  "S4",
  "单变量函数的梯度下降",
]];

interface Point {
  run: string;
  iteration: number;
  excess: number;
}

function leastSquaresCurve(id: string, label: string): Point[] {
  const run = runOf(fixture(id));
  const best = optimum(run.x, run.y);
  const losses = run.trajectory!.losses;
  // Every iterate early on, then about 200 evenly spaced ones: the curve is smooth there.
  const stride = Math.max(1, Math.ceil(losses.length / 200));
  return losses.flatMap((loss, iteration) =>
    iteration < 50 || iteration % stride === 0 || iteration === losses.length - 1
      ? [{
        run: `${label} (${run.iterations} it.)`,
        iteration,
        excess: Math.max(loss - best.loss, 1e-17),
      }]
      : []
  );
}

/** S4: J = x², x₀ = 1.2, η = 0.3 (the document's parameters); J* = 0. */
function s4Curve(): Point[] {
  const result = s4Run(20);
  return result.trajectory!.losses.map((loss, iteration) => ({
    run: "S4 §单变量函数的梯度下降: J = x², x₀ = 1.2, η = 0.3 (20 it.)",
    iteration,
    excess: Math.max(loss, 1e-17),
  }));
}

export function spec(): TopLevelSpec {
  const s1 = leastSquaresCurve(
    "s001.gd_matlab",
    "S1 §2.1: commute, η = 0.02, stop when every |ΔWⱼ| < 0.02",
  );
  const values = [
    ...leastSquaresCurve(
      "s000.gd20.tol1e-6",
      "S0 §4.2: 20 points, α = 0.01, stop when every |∂J/∂θⱼ| ≤ 1e-6",
    ),
    ...s1,
    ...s4Curve(),
  ];
  const s1End = s1[s1.length - 1];
  const order = [...new Set(values.map((v) => v.run))];
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: title, subtitle: "C(Wₜ) − C(W*) on a log scale; iteration 0 is the start" },
    width: 460,
    height: 280,
    layer: [
      {
        data: { values },
        mark: { type: "line", strokeWidth: 1.5, interpolate: "linear" },
        encoding: {
          x: {
            field: "iteration",
            type: "quantitative",
            scale: { type: "symlog", domain: [0, 6000] },
            axis: { values: [0, 1, 3, 10, 30, 100, 300, 1000, 3000], format: "d" },
            title: "iteration t (symmetric log scale)",
          },
          y: {
            field: "excess",
            type: "quantitative",
            scale: { type: "log" },
            axis: { format: "~e" },
            title: "C(Wₜ) − C(W*)",
          },
          color: {
            field: "run",
            type: "nominal",
            sort: order,
            title: null,
            legend: { orient: "bottom", direction: "vertical", labelLimit: 0 },
          },
        },
      },
      {
        data: {
          values: [{
            ...s1End,
            note: `S1 stops after ${s1End.iteration} updates, ` +
              `C − C* = ${s1End.excess.toFixed(2)}: the step test, not the optimum`,
          }],
        },
        encoding: {
          x: { field: "iteration", type: "quantitative" },
          y: { field: "excess", type: "quantitative" },
        },
        layer: [
          { mark: { type: "point", shape: "circle", size: 60, color: "black" } },
          {
            mark: { type: "text", align: "left", dx: 8, dy: -8, fontSize: 10 },
            encoding: { text: { field: "note" } },
          },
        ],
      },
    ],
  } as TopLevelSpec;
}
