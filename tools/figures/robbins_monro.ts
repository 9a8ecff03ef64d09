// S1 §2.2: the partial sums of the step sizes ηₜ and their squares ηₜ² for ηₜ = C/√t and
// ηₜ = C/t (C = 0.06, MiniSGD's), against their asymptotic forms 2√T + ζ(½), ln T + γ,
// π²/6. Robbins–Monro asks Σηₜ = ∞ and Σηₜ² < ∞: C/t meets both; C/√t's squares
// diverge (slowly, like ln T).
import {
  EULER_GAMMA,
  robbinsMonroAsymptotic,
  robbinsMonroPartialSum,
  type StepSeriesName,
} from "../../lib/series/robbins_monro.ts";
import { fixture } from "./_data.ts";
import type { TopLevelSpec } from "./render.ts";

export const title = "S1 §2.2: Robbins–Monro partial sums of the step sizes";

/** The sections of the errata sheets this figure illustrates. */
export const places: readonly (readonly [string, string])[] = [["S1", "2.2"]];

const SERIES: [StepSeriesName, string][] = [
  ["stepsInverseSqrt", "Σ C/√t ~ C(2√T + ζ(½)) → ∞"],
  ["stepsInverse", "Σ C/t ~ C(ln T + γ) → ∞"],
  ["squaresInverseSqrt", "Σ C²/t ~ C²(ln T + γ) → ∞"],
  ["squaresInverse", "Σ C²/t² → C²π²/6"],
];

const COLOURS = ["#4c78a8", "#f58518", "#e45756", "#54a24b"];

function color(names: readonly string[]) {
  const labels = SERIES.filter(([name]) => names.includes(name)).map(([, label]) => label);
  const range = SERIES.flatMap(([name], k) => names.includes(name) ? [COLOURS[k]] : []);
  return {
    field: "series",
    type: "nominal" as const,
    sort: labels,
    title: null,
    scale: { domain: labels, range },
    legend: { orient: "bottom" as const, direction: "vertical" as const, labelLimit: 0 },
  };
}

const dash = {
  field: "kind",
  type: "nominal" as const,
  title: null,
  sort: ["partial sum", "asymptotic form"],
  legend: { orient: "bottom" as const, direction: "vertical" as const },
};

export function spec(): TopLevelSpec {
  // The fixture's horizons are the document's; the curve adds points in between.
  fixture("s001.robbins_monro.partial_sums");
  const constant = 0.06;
  const horizons = Array.from({ length: 25 }, (_, k) => Math.round(10 ** (k / 4)))
    .filter((t, k, all) => all.indexOf(t) === k);
  const point = (name: StepSeriesName, label: string, horizon: number) => [
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
  ];
  const all = SERIES.flatMap(([name, label]) => horizons.flatMap((t) => point(name, label, t)));
  // The squares alone on a linear scale, T up to 10¹²: the partial sums to 10⁶, then the
  // asymptotic form (summing 10¹² terms is not needed to see a straight line in ln T).
  // (lib's asymptotic form stops at T ≈ 9.5·10⁷, where t² is still exact; the leading
  // terms C²(ln T + γ) and C²(π²/6 − 1/T) are written out here.)
  const c2 = constant * constant;
  const leading: Record<string, (t: number) => number> = {
    squaresInverseSqrt: (t) => c2 * (Math.log(t) + EULER_GAMMA),
    squaresInverse: (t) => c2 * (Math.PI ** 2 / 6 - 1 / t),
  };
  const far = Array.from({ length: 13 }, (_, k) => 10 ** k);
  const squares = SERIES.filter(([name]) => name.startsWith("squares")).flatMap(
    ([name, label]) => [
      ...horizons.map((t) => point(name, label, t)[0]),
      ...far.map((t) => ({
        series: label,
        T: t,
        kind: "asymptotic form",
        value: leading[name](t),
      })),
    ],
  );
  const lnEnd = leading.squaresInverseSqrt(1e12);
  const limit = c2 * Math.PI ** 2 / 6;
  const notes = [
    {
      T: 1e12,
      value: lnEnd,
      text: `Σ C²/t = ${lnEnd.toFixed(3)} at T = 10¹², still rising: C/√t fails condition 2`,
    },
    { T: 1e12, value: limit, text: `Σ C²/t² → C²π²/6 = ${limit.toFixed(5)}: C/t meets it` },
  ];
  const logT = {
    field: "T",
    type: "quantitative" as const,
    scale: { type: "log" as const },
    axis: { format: "~s" },
    title: "T (log scale)",
  };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: title,
      subtitle: "ηₜ = C/√t or C/t with C = 0.06; solid: the partial sum Σₜ₌₁ᵀ, " +
        "dashed: its leading asymptotic form",
    },
    hconcat: [
      {
        title: { text: "all four series, log–log", fontSize: 12, fontWeight: "normal" },
        width: 300,
        height: 260,
        data: { values: all },
        mark: { type: "line", strokeWidth: 1.5 },
        encoding: {
          x: logT,
          y: {
            field: "value",
            type: "quantitative",
            scale: { type: "log" },
            title: "partial sum Σₜ₌₁ᵀ (log scale)",
          },
          color: color(SERIES.map(([name]) => name)),
          strokeDash: dash,
          detail: { field: "kind" },
        },
      },
      {
        title: {
          text: "condition 2, Σηₜ² < ∞: the squares on a linear scale",
          fontSize: 12,
          fontWeight: "normal",
        },
        width: 300,
        height: 260,
        layer: [
          {
            data: { values: squares },
            mark: { type: "line", strokeWidth: 1.5 },
            encoding: {
              x: {
                ...logT,
                scale: { type: "log" as const, domain: [1, 1e12] },
                axis: { format: "~s", values: [1, 1e3, 1e6, 1e9, 1e12] },
              },
              y: { field: "value", type: "quantitative", title: "partial sum Σₜ₌₁ᵀ" },
              color: color(SERIES.map(([name]) => name)),
              strokeDash: dash,
              detail: { field: "kind" },
            },
          },
          {
            data: { values: notes },
            mark: { type: "text", align: "right", dy: -8, fontSize: 10 },
            encoding: {
              x: { field: "T", type: "quantitative" },
              y: { field: "value", type: "quantitative" },
              text: { field: "text" },
            },
          },
        ],
      },
    ],
    resolve: { scale: { color: "shared", y: "independent", x: "independent" } },
  } as TopLevelSpec;
}
