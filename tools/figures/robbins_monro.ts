// S1 §2.2: the partial sums of the step sizes ηₜ and their squares ηₜ² for ηₜ = C/√t and
// ηₜ = C/t (C = 0.06, MiniSGD's), against their asymptotic forms 2√T + ζ(½), ln T + γ,
// π²/6. Robbins–Monro asks Σηₜ = ∞ and Σηₜ² < ∞: C/t meets both; C/√t's squares
// diverge (slowly, like ln T).
import {
  robbinsMonroAsymptotic,
  robbinsMonroPartialSum,
  type StepSeriesName,
} from "../../lib/series/robbins_monro.ts";
import { fixture } from "./_data.ts";
import type { TopLevelSpec } from "./render.ts";

export const title = "S1 §2.2: Robbins–Monro partial sums";

const SERIES: [StepSeriesName, string][] = [
  ["stepsInverseSqrt", "Σ C/√t  ~ C(2√T + ζ(½))"],
  ["stepsInverse", "Σ C/t  ~ C(ln T + γ)"],
  ["squaresInverseSqrt", "Σ C²/t  ~ C²(ln T + γ)"],
  ["squaresInverse", "Σ C²/t²  → C²π²/6"],
];

export function spec(): TopLevelSpec {
  // The fixture's horizons are the document's; the curve adds points in between.
  fixture("s001.robbins_monro.partial_sums");
  const constant = 0.06;
  const horizons = Array.from({ length: 25 }, (_, k) => Math.round(10 ** (k / 4)))
    .filter((t, k, all) => all.indexOf(t) === k);
  const values = SERIES.flatMap(([name, label]) =>
    horizons.flatMap((horizon) => [
      {
        series: label,
        T: horizon,
        kind: "partial sum",
        value: robbinsMonroPartialSum(name, horizon, { constant }),
      },
      {
        series: label,
        T: horizon,
        kind: "asymptotic form",
        value: robbinsMonroAsymptotic(name, horizon, { constant }),
      },
    ])
  );
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: title,
      subtitle: "C = 0.06; solid: the partial sum, dashed: its leading asymptotic form",
    },
    width: 440,
    height: 300,
    data: { values },
    mark: { type: "line", strokeWidth: 1.5 },
    encoding: {
      x: {
        field: "T",
        type: "quantitative",
        scale: { type: "log" },
        axis: { format: "~s" },
        title: "T",
      },
      y: { field: "value", type: "quantitative", scale: { type: "log" }, title: "Σ_{t≤T}" },
      color: {
        field: "series",
        type: "nominal",
        sort: SERIES.map(([, label]) => label),
        title: null,
        legend: { orient: "bottom", columns: 2 },
      },
      strokeDash: {
        field: "kind",
        type: "nominal",
        title: null,
        sort: ["partial sum", "asymptotic form"],
      },
      detail: { field: "kind" },
    },
  };
}
