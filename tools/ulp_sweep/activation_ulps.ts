// The error of σ, σ′, tanh and tanh′ in ulps of the true value (fractional: |computed −
// true| / ulp(true), the truth a double-double from mpmath), over the 27 001 points of
// out/activation_truth.json, on the runtime that runs this file. Issue 12 ("Deno = Bun"):
//
//   python3 tools/ulp_sweep/activation_truth.py
//   node_modules/.bin/deno run --allow-read tools/ulp_sweep/activation_ulps.ts
//   node_modules/.bin/bun tools/ulp_sweep/activation_ulps.ts
import { readFileSync } from "node:fs";
import { sigmoid, sigmoidDerivative } from "../../lib/activation/sigmoid.ts";
import { tanh, tanhDerivative } from "../../lib/activation/tanh.ts";
import { ulp } from "../../oracle/ulp.ts";

const truth = JSON.parse(readFileSync("out/activation_truth.json", "utf8"));
const functions: Record<string, (z: number) => number> = {
  sigmoid,
  sigmoidDerivative,
  tanh,
  tanhDerivative,
};
const runtime = "Bun" in globalThis ? "Bun" : "Deno";
for (const [name, f] of Object.entries(functions)) {
  let max = 0, at = 0;
  truth.z.forEach((z: number, i: number) => {
    const [hi, lo] = truth[name][i] as [number, number];
    if (hi === 0) return;
    const error = Math.abs(f(z) - hi - lo) / ulp(hi);
    if (error > max) [max, at] = [error, z];
  });
  console.log(
    `${runtime} ${name}: max ${max.toFixed(2)} ulps (at z = ${at}) over ${truth.z.length} points`,
  );
}
