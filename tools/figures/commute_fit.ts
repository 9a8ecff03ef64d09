// S1 §1.7: commute minutes against distance, weekday and weekend, with the least-squares
// plane W* = [w₀, w_distance, w_weekday] drawn as one line per day type.
import { leastSquares } from "../../lib/linalg/lstsq.ts";
import { designMatrix } from "../../lib/regression/design.ts";
import { fixture, linspace, numbers } from "./_data.ts";
import type { TopLevelSpec } from "./render.ts";

export const title = "S1 §1.7: commute time, least-squares fit";

/** The sections of the errata sheets this figure illustrates. */
export const places: readonly (readonly [string, string])[] = [["S1", "1.7"]];

export function spec(): TopLevelSpec {
  const f = fixture("s001.commute");
  const distance = numbers(f, "distance"), weekday = numbers(f, "weekday");
  const minutes = numbers(f, "minutes");
  const x = designMatrix([distance, weekday]);
  const w = leastSquares(x, minutes, { method: "accurate" }).weights;
  const label = (t: number) => (t === 1 ? "weekday (T = 1)" : "weekend (T = 0)");
  const points = distance.map((d, i) => ({
    distance: d,
    minutes: minutes[i],
    day: label(weekday[i]),
  }));
  const lines = [0, 1].flatMap((t) =>
    linspace(0.5, 5.5, 2).map((d) => ({
      distance: d,
      minutes: w[0] + w[1] * d + w[2] * t,
      day: label(t),
    }))
  );
  const caption = `W* = [${Array.from(w, (v) => v.toFixed(4)).join(", ")}]`;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: title, subtitle: caption },
    width: 420,
    height: 300,
    layer: [
      {
        data: { values: lines },
        mark: { type: "line", strokeWidth: 2 },
        encoding: {
          x: { field: "distance", type: "quantitative", title: "distance D (km)" },
          y: { field: "minutes", type: "quantitative", title: "minutes Y" },
          color: { field: "day", type: "nominal", title: null },
        },
      },
      {
        data: { values: points },
        mark: { type: "point", filled: true, size: 80 },
        encoding: {
          x: { field: "distance", type: "quantitative" },
          y: { field: "minutes", type: "quantitative" },
          color: { field: "day", type: "nominal" },
        },
      },
    ],
  };
}
