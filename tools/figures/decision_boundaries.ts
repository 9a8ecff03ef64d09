// Decision boundaries of S2's two networks over the plane, the colour changing at 0.5:
// - XOR: OR(20, 20, −10) and NAND(−10, −10, 14) feeding the lab's AND(11, 10, −20), with
//   the four truth-table points;
// - the diamond |x₁| + |x₂| < 1: the 3-4-1 sigmoid network after the slides' 5000
//   iterations at lr 0.001 on the seeded stand-in's 500 points (s002.diamond.standin.n500),
//   with the true diamond outlined.
import { logicGate, xorGate } from "../../lib/classify/logic_gate.ts";
import { fromRows } from "../../lib/linalg/matrix.ts";
import { predict } from "../../lib/nn/forward.ts";
import { runDiamond } from "../../worked/s002/diamond.ts";
import { fixture, linspace } from "./_data.ts";
import type { TopLevelSpec } from "./render.ts";

export const title = "S2 §多层网络实现XOR运算, §模型初始化及训练: decision boundaries";

/** The sections of the errata sheets this figure illustrates. */
export const places: readonly (readonly [string, string])[] = [["S2", "多层网络实现XOR运算"], [
  "S2",
  "模型初始化及训练",
]];

interface Cell {
  x1: number;
  x2: number;
  x1b: number;
  x2b: number;
  output: number;
}

/** Grid cells of `f` over [lo, hi]², for a rect heatmap; `f` gets all centres at once. */
export function grid(
  f: (points: number[][]) => number[],
  lo: number,
  hi: number,
  count: number,
): Cell[] {
  const step = (hi - lo) / count;
  const centres = linspace(lo + step / 2, hi - step / 2, count);
  const points = centres.flatMap((x1) => centres.map((x2) => [x1, x2]));
  const outputs = f(points);
  return points.map(([x1, x2], k) => ({
    x1: x1 - step / 2,
    x2: x2 - step / 2,
    x1b: x1 + step / 2,
    x2b: x2 + step / 2,
    output: outputs[k],
  }));
}

function heatmap(cells: Cell[], lo: number, hi: number) {
  const axis = (field: string, name: string) => ({
    field,
    type: "quantitative" as const,
    title: name,
    scale: { domain: [lo, hi], nice: false, zero: false },
  });
  return {
    data: { values: cells },
    mark: { type: "rect" as const },
    encoding: {
      x: axis("x1", "x₁"),
      x2: { field: "x1b" },
      y: axis("x2", "x₂"),
      y2: { field: "x2b" },
      color: {
        field: "output",
        type: "quantitative" as const,
        title: "output",
        scale: { scheme: "blueorange", domain: [0, 1], domainMid: 0.5 },
      },
    },
  };
}

function xorPanel() {
  const xor = xorGate(logicGate(20, 20, -10), logicGate(-10, -10, 14), logicGate(11, 10, -20));
  const points = [[0, 0], [0, 1], [1, 0], [1, 1]].map(([x1, x2]) => ({
    x1,
    x2,
    label: `XOR = ${Math.round(xor(x1, x2))}`,
  }));
  const at = {
    x: { field: "x1", type: "quantitative" as const },
    y: { field: "x2", type: "quantitative" as const },
  };
  return {
    title: "XOR = AND(OR, NAND), AND = (11, 10, −20)",
    width: 260,
    height: 260,
    layer: [
      heatmap(grid((ps) => ps.map(([a, b]) => xor(a, b)), -0.5, 1.5, 36), -0.5, 1.5),
      {
        data: { values: points },
        mark: { type: "point" as const, filled: true, size: 100, color: "black" },
        encoding: at,
      },
      {
        data: { values: points },
        mark: { type: "text" as const, dy: -13, fontSize: 11 },
        encoding: { ...at, text: { field: "label" } },
      },
    ],
  };
}

function diamondPanel() {
  const f = fixture("s002.diamond.standin.n500");
  const { seed, numObs, numIter, learningRate } = f.input as Record<string, number>;
  const { result } = runDiamond(seed, numObs, numIter, learningRate);
  const outputs = (points: number[][]) =>
    Array.from(predict(result.network, fromRows(points.map(([a, b]) => [a, b, 1]))).data);
  const outline = [[1, 0], [0, 1], [-1, 0], [0, -1], [1, 0]].map(([x1, x2], order) => ({
    x1,
    x2,
    order,
  }));
  return {
    title: `diamond, ${numObs} points, ${numIter} it.: accuracy ${result.finalAccuracy.toFixed(3)}`,
    width: 260,
    height: 260,
    layer: [
      heatmap(grid(outputs, -1, 1, 36), -1, 1),
      {
        data: { values: outline },
        mark: { type: "line" as const, color: "black", strokeDash: [4, 3] },
        encoding: {
          x: { field: "x1", type: "quantitative" as const },
          y: { field: "x2", type: "quantitative" as const },
          order: { field: "order" },
        },
      },
    ],
  };
}

export function spec(): TopLevelSpec {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: title, subtitle: "network output; the colour changes at 0.5" },
    hconcat: [xorPanel(), diamondPanel()],
    resolve: { scale: { x: "independent", y: "independent" } },
  } as TopLevelSpec;
}
