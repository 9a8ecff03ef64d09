// vega-lite → vega → SVG, headless: vega's "none" renderer needs no canvas, so the same
// code runs under Deno and Bun. Fonts are not measured exactly without a canvas; vega
// estimates text widths, which is good enough for axis labels.
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { vegaTextWidth } from "./text_width.ts";

// Without a canvas vega guesses every character at 0.8 em; measure with Helvetica's widths.
// (vega exports textMetrics from vega-scenegraph, but its type declarations omit it.)
(vega as unknown as { textMetrics: { width: typeof vegaTextWidth } }).textMetrics.width =
  vegaTextWidth;

export type { TopLevelSpec };

/** House defaults, so every figure looks like one family. */
const CONFIG = {
  // ARIA labels repeat every datum as text; the figures are static images for a README.
  aria: false,
  font: "Helvetica, Arial, sans-serif",
  view: { stroke: "#ddd" },
  axis: { labelFontSize: 11, titleFontSize: 12, grid: true, gridColor: "#eee" },
  legend: { labelFontSize: 11, titleFontSize: 12 },
  title: { fontSize: 14, anchor: "start" as const },
};

/** Renders a vega-lite spec to an SVG string. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const withConfig = { ...spec, config: { ...CONFIG, ...(spec.config ?? {}) } } as TopLevelSpec;
  const compiled = compile(withConfig).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  try {
    return compact(await view.toSVG());
  } finally {
    view.finalize();
  }
}

/** Rounds geometry to 2 decimals (sub-pixel digits only make the files larger); text is kept. */
export function compact(svg: string): string {
  return svg.replace(
    /(\s(?:d|transform|x|y|x1|x2|y1|y2|dx|dy)=")([^"]*)"/g,
    (_all, attribute: string, value: string) =>
      `${attribute}${
        value.replace(/-?\d+\.\d{3,}/g, (digits) => String(Math.round(Number(digits) * 100) / 100))
      }"`,
  );
}
