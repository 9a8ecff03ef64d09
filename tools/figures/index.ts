// The report's figures. Each figure lives in its own module, loaded lazily: a figure
// whose lib/ area is missing or broken is reported as not rendered (with the reason)
// instead of taking the whole report down.
import { renderSvg, type TopLevelSpec } from "./render.ts";

/** One figure: a file name, a title, and how to build its vega-lite spec from lib/. */
export interface FigureModule {
  readonly title: string;
  /** Where it belongs in the errata sheets: [document label, section], e.g. ["S1", "1.7"]. */
  readonly places?: readonly (readonly [string, string])[];
  spec(): TopLevelSpec | Promise<TopLevelSpec>;
}

/** A rendered (or failed) figure. */
export interface RenderedFigure {
  readonly name: string;
  readonly title: string;
  /** The SVG text, or null when the figure could not be built. */
  readonly svg: string | null;
  /** Why it could not be built; empty when it was. */
  readonly error: string;
  /** The document sections it illustrates (empty: the appendix). */
  readonly places: readonly (readonly [string, string])[];
}

/** Every figure, by output file name (without ".svg"). */
export const FIGURES: Readonly<Record<string, () => Promise<FigureModule>>> = {
  commute_fit: () => import("./commute_fit.ts"),
  s000_gd20_fits: () => import("./s000_gd20_fits.ts"),
  gd_loss_curves: () => import("./gd_loss_curves.ts"),
  gd_paths: () => import("./gd_paths.ts"),
  minisgd_stopping_times: () => import("./minisgd_stopping_times.ts"),
  robbins_monro: () => import("./robbins_monro.ts"),
  decision_boundaries: () => import("./decision_boundaries.ts"),
  nist_lre: () => import("./nist_lre.ts"),
};

/** Builds and renders the named figures (default: all), in memory. */
export async function buildFigures(
  names: readonly string[] = Object.keys(FIGURES),
): Promise<RenderedFigure[]> {
  const out: RenderedFigure[] = [];
  for (const name of names) {
    const load = FIGURES[name];
    if (load === undefined) {
      out.push({ name, title: name, svg: null, error: `no figure named "${name}"`, places: [] });
      continue;
    }
    let title = name;
    let places: readonly (readonly [string, string])[] = [];
    try {
      const figure = await load();
      title = figure.title;
      places = figure.places ?? [];
      const svg = await renderSvg(await figure.spec());
      out.push({ name, title, svg, error: "", places });
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      out.push({ name, title, svg: null, error: message.split("\n")[0], places });
    }
  }
  return out;
}
