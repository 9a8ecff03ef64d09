// Prints the NIST StRD accuracy table: for each dataset and least-squares method, the
// log relative error (≈ correct significant digits, capped at NIST's 15) of the
// coefficients, their standard deviations, the residual SD and R², each the minimum
// over its values. Run: deno run bench/nist_lre.ts > fixtures/nist/LRE.md
// With `--orderings K` it instead prints, per dataset, the coefficient LRE of the "qr"
// method over K seeded random row orders of the same data (the least-squares problem is
// unchanged; only the rounding pattern moves): mean, minimum and maximum. With
// `--compare` it prints the coefficient LRE of qr, tsqr and tsqr with refinement beside
// numpy's QR (fixtures/nist/numpy_lre.md), the table BENCHMARKS.md quotes.
import process from "node:process";
import { readFileSync } from "node:fs";
import { RandomState } from "../lib/random/random_state.ts";
import { type LeastSquaresMethod, LSTSQ_VARIANTS } from "../lib/linalg/lstsq.ts";
import { fitNist, type NistInput } from "../worked/beyond.ts";
import { minimumLogRelativeError } from "../lib/regression/log_relative_error.ts";
import { parseFixture } from "../oracle/fixture.ts";
import norris from "../fixtures/nist/norris.json" with { type: "json" };
import pontius from "../fixtures/nist/pontius.json" with { type: "json" };
import noint1 from "../fixtures/nist/noint1.json" with { type: "json" };
import noint2 from "../fixtures/nist/noint2.json" with { type: "json" };
import filip from "../fixtures/nist/filip.json" with { type: "json" };
import longley from "../fixtures/nist/longley.json" with { type: "json" };
import wampler1 from "../fixtures/nist/wampler1.json" with { type: "json" };
import wampler2 from "../fixtures/nist/wampler2.json" with { type: "json" };
import wampler3 from "../fixtures/nist/wampler3.json" with { type: "json" };
import wampler4 from "../fixtures/nist/wampler4.json" with { type: "json" };
import wampler5 from "../fixtures/nist/wampler5.json" with { type: "json" };

/** The NIST fixtures in NIST's order of difficulty. */
export const NIST_FIXTURES = [
  norris,
  pontius,
  noint1,
  noint2,
  filip,
  longley,
  wampler1,
  wampler2,
  wampler3,
  wampler4,
  wampler5,
].map((json) => parseFixture(json));

/** LREs of one fit, or the error message if the method refused the problem. */
export type LreRow =
  | {
    readonly coefficients: number;
    readonly standardDeviations: number;
    readonly residualStandardDeviation: number;
    readonly rSquared: number;
  }
  | { readonly error: string };

/** Measures one dataset with one method (`refine`: the "tsqr" method's refinement step). */
export function measure(
  fixture: (typeof NIST_FIXTURES)[number],
  method: LeastSquaresMethod,
  options: { readonly refine?: boolean } = {},
): LreRow {
  const expected = fixture.expected as Record<string, number | number[]>;
  try {
    const fit = fitNist(fixture.input as unknown as NistInput, method, options);
    return {
      coefficients: minimumLogRelativeError(fit.weights, expected.coefficients as number[]),
      standardDeviations: minimumLogRelativeError(
        fit.standardDeviations,
        expected.standardDeviations as number[],
      ),
      residualStandardDeviation: minimumLogRelativeError([fit.residualStandardDeviation], [
        expected.residualStandardDeviation as number,
      ]),
      rSquared: minimumLogRelativeError([fit.rSquared], [expected.rSquared as number]),
    };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/**
 * The "qr" coefficient LRE on `orderings` row orders of one dataset: order t is
 * `new RandomState(t).permutation(n)` (numpy's `RandomState(t).permutation(n)`, which
 * fixtures/nist/numpy_lre.py uses for numpy's distribution).
 */
export function qrOverRowOrders(
  fixture: (typeof NIST_FIXTURES)[number],
  orderings: number,
): number[] {
  const input = fixture.input as unknown as NistInput;
  const certified = (fixture.expected as Record<string, number[]>).coefficients;
  const values: number[] = [];
  for (let seed = 0; seed < orderings; seed++) {
    const order = new RandomState(seed).permutation(input.y.length);
    const permuted: NistInput = {
      ...input,
      y: order.map((i) => input.y[i]),
      x: input.x.map((column) => order.map((i) => column[i])),
    };
    values.push(minimumLogRelativeError(fitNist(permuted, "qr").weights, certified));
  }
  return values;
}

/** numpy's QR coefficient LRE per dataset, from fixtures/nist/numpy_lre.md (numpy_lre.py). */
export function numpyQrLre(): Record<string, number> {
  const text = readFileSync(new URL("../fixtures/nist/numpy_lre.md", import.meta.url), "utf8");
  const table: Record<string, number> = {};
  for (const line of text.split("\n")) {
    const cells = line.split("|").map((c) => c.trim());
    if (cells.length > 3 && /^[a-z0-9]+$/.test(cells[1]) && !(cells[1] in table)) {
      const value = Number(cells[2]);
      if (Number.isFinite(value)) table[cells[1]] = value;
    }
  }
  return table;
}

const args = process.argv.slice(2);
if (import.meta.main && args[0] === "--compare") {
  // Coefficient LRE of the QR methods beside numpy's (BENCHMARKS.md's NIST table).
  const numpy = numpyQrLre();
  console.log("| dataset | qr (pivoted) | tsqr | tsqr + refinement | numpy QR | tsqr − numpy |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
  for (const fixture of NIST_FIXTURES) {
    const name = fixture.id.replace("nist.lls.", "");
    const lre = (method: LeastSquaresMethod, refine = false) => {
      const row = measure(fixture, method, { refine });
      return "error" in row ? NaN : row.coefficients;
    };
    const tsqr = lre("tsqr");
    const cells = [lre("qr"), tsqr, lre("tsqr", true), numpy[name]].map((v) => v.toFixed(2));
    const difference = tsqr - numpy[name];
    console.log(
      `| ${name} | ${cells.join(" | ")} | ${difference >= 0 ? "+" : ""}${difference.toFixed(2)} |`,
    );
  }
} else if (import.meta.main && args[0] === "--orderings") {
  const orderings = Number(args[1]);
  console.log(`| dataset | qr mean over ${orderings} row orders | min | max |`);
  console.log(`| --- | ---: | ---: | ---: |`);
  for (const fixture of NIST_FIXTURES) {
    const values = qrOverRowOrders(fixture, orderings);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const name = fixture.id.replace("nist.lls.", "");
    console.log(
      `| ${name} | ${mean.toFixed(2)} | ${Math.min(...values).toFixed(2)} | ${
        Math.max(...values).toFixed(2)
      } |`,
    );
  }
} else if (import.meta.main) {
  const methods = Object.keys(LSTSQ_VARIANTS) as LeastSquaresMethod[];
  const runtime = typeof (globalThis as { Bun?: unknown }).Bun !== "undefined" ? "Bun" : "Deno";
  console.log(`# NIST StRD linear least squares: log relative error by method\n`);
  console.log(
    `LRE = −log₁₀(|estimate − certified| / |certified|) (−log₁₀|estimate| where the certified`,
  );
  console.log(`value is 0), capped at 15, minimum over the values of each column. Measured by`);
  console.log(`\`bench/nist_lre.ts\` on ${runtime}; Deno and Bun give identical numbers.\n`);
  console.log(`| dataset | method | B | SD(B) | residual SD | R² |`);
  console.log(`| --- | --- | ---: | ---: | ---: | ---: |`);
  for (const fixture of NIST_FIXTURES) {
    for (const method of methods) {
      const row = measure(fixture, method);
      const name = fixture.id.replace("nist.lls.", "");
      if ("error" in row) {
        console.log(`| ${name} | ${method} | refused: ${row.error.replace(/\|/g, "\\|")} | | | |`);
      } else {
        const f = (v: number) => v.toFixed(1);
        console.log(
          `| ${name} | ${method} | ${f(row.coefficients)} | ${f(row.standardDeviations)} | ${
            f(row.residualStandardDeviation)
          } | ${f(row.rSquared)} |`,
        );
      }
    }
  }
}
