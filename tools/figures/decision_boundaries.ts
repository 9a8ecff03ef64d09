// S2's XOR network (OR(20, 20, −10) and NAND(−10, −10, 14) feeding the lab's
// AND(11, 10, −20)) over the plane: its raw output, the 0.5 contour being the decision
// boundary, and the four truth-table points.
import { logicGate, xorGate } from "../../lib/classify/logic_gate.ts";
import { linspace } from "./_data.ts";
import type { TopLevelSpec } from "./render.ts";

export const title = "S2: decision boundaries of the XOR network";

/** Grid cells of a function over [lo, hi]², for a rect heatmap. */
export function grid(
  f: (x1: number, x2: number) => number,
  lo: number,
  hi: number,
  count: number,
): { x1: number; x2: number; x1b: number; x2b: number; output: number }[] {
  const step = (hi - lo) / count;
  const centres = linspace(lo + step / 2, hi - step / 2, count);
  return centres.flatMap((x1) =>
    centres.map((x2) => ({
      x1: x1 - step / 2,
      x2: x2 - step / 2,
      x1b: x1 + step / 2,
      x2b: x2 + step / 2,
      output: f(x1, x2),
    }))
  );
}

export function spec(): TopLevelSpec {
  const xor = xorGate(logicGate(20, 20, -10), logicGate(-10, -10, 14), logicGate(11, 10, -20));
  const cells = grid(xor, -0.5, 1.5, 40);
  const points = [[0, 0], [0, 1], [1, 0], [1, 1]].map(([x1, x2]) => ({
    x1,
    x2,
    label: `XOR = ${Math.round(xor(x1, x2))}`,
  }));
  const axis = (field: string, name: string) => ({
    field,
    type: "quantitative" as const,
    title: name,
    scale: { domain: [-0.5, 1.5], nice: false, zero: false },
  });
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: title, subtitle: "σ-network output; the colour changes at 0.5" },
    width: 320,
    height: 320,
    layer: [
      {
        data: { values: cells },
        mark: { type: "rect" },
        encoding: {
          x: axis("x1", "x₁"),
          x2: { field: "x1b" },
          y: axis("x2", "x₂"),
          y2: { field: "x2b" },
          color: {
            field: "output",
            type: "quantitative",
            title: "output",
            scale: { scheme: "blueorange", domain: [0, 1], domainMid: 0.5 },
          },
        },
      },
      {
        data: { values: points },
        mark: { type: "point", filled: true, size: 120, color: "black" },
        encoding: {
          x: { field: "x1", type: "quantitative" },
          y: { field: "x2", type: "quantitative" },
        },
      },
      {
        data: { values: points },
        mark: { type: "text", dy: -14, fontSize: 11 },
        encoding: {
          x: { field: "x1", type: "quantitative" },
          y: { field: "x2", type: "quantitative" },
          text: { field: "label" },
        },
      },
    ],
  };
}
