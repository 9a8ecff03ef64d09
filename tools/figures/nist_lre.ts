// NIST StRD linear least squares: the log relative error (≈ correct significant digits)
// of the certified coefficients, minimum over coefficients, per dataset and solver.
import type { LeastSquaresMethod } from "../../lib/linalg/lstsq.ts";
import { minimumLogRelativeError } from "../../lib/regression/log_relative_error.ts";
import { fitNist, type NistInput } from "../../worked/beyond.ts";
import { fixturesWithPrefix } from "./_data.ts";
import type { TopLevelSpec } from "./render.ts";

export const title = "NIST StRD (beyond the documents): certified digits reached, by solver";

/** The sections of the errata sheets this figure illustrates. */
export const places: readonly (readonly [string, string])[] = [];

const METHODS: LeastSquaresMethod[] = ["normal", "qr", "accurate"];

export function spec(): TopLevelSpec {
  const fixtures = fixturesWithPrefix("nist.lls.");
  if (fixtures.length === 0) throw new RangeError("no nist.lls.* fixtures under fixtures/");
  const values = fixtures.flatMap((f) =>
    METHODS.map((method) => {
      const dataset = f.id.replace("nist.lls.", "");
      try {
        const fit = fitNist(f.input as unknown as NistInput, method);
        const lre = minimumLogRelativeError(fit.weights, f.expected.coefficients as number[]);
        return { dataset, method, lre, note: lre.toFixed(1) };
      } catch {
        return { dataset, method, lre: 0, note: "refused" };
      }
    })
  );
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: title,
      subtitle: "LRE = −log₁₀(|b − b_certified| / |b_certified|), capped at 15",
    },
    data: { values },
    facet: {
      row: {
        field: "dataset",
        type: "nominal",
        title: null,
        sort: fixtures.map((f) => f.id.replace("nist.lls.", "")),
        header: { labelAngle: 0, labelAlign: "left" },
      },
    },
    spacing: 2,
    spec: {
      width: 360,
      height: { step: 9 },
      layer: [
        {
          mark: { type: "bar" },
          encoding: {
            y: { field: "method", type: "nominal", sort: METHODS, axis: null },
            x: {
              field: "lre",
              type: "quantitative",
              scale: { domain: [0, 15] },
              title: "LRE (digits)",
            },
            color: { field: "method", type: "nominal", sort: METHODS, title: "solver" },
          },
        },
        {
          mark: { type: "text", align: "left", dx: 3, fontSize: 8 },
          encoding: {
            y: { field: "method", type: "nominal", sort: METHODS },
            x: { field: "lre", type: "quantitative" },
            text: { field: "note" },
          },
        },
      ],
    },
  };
}
