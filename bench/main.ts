// Runs every benchmark family: `deno run -A bench/main.ts [--smoke] [--cpu] [--json
// out/x.json] [--filter regex] [--no-two-core]`, or the same with `bun bench/main.ts`.
// Every variant is checked against its family's reference before it is timed; a
// disagreement aborts the run. The two-core variants (lib/wasm/two_core.ts: a Worker on a
// shared WebAssembly.Memory) are started first and stopped last; in --smoke they split
// even tiny inputs, so that CI exercises the worker.
import process from "node:process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { cpus, loadavg } from "node:os";
import { createTwoCore, type TwoCore } from "../lib/wasm/two_core.ts";
import { type Result, runSuite, Suite } from "./_harness.ts";
import { loadPeers } from "./_peers.ts";
import { registerMatmul } from "./matmul.ts";
import { registerMatvec } from "./matvec.ts";
import { registerActivation } from "./activation.ts";
import { registerSoftmax } from "./softmax.ts";
import { registerMlp } from "./mlp.ts";
import { registerGd } from "./gd.ts";
import { registerLstsq } from "./lstsq.ts";
import { registerSummation } from "./summation.ts";
import { registerReliability } from "./reliability.ts";

const FAMILIES = {
  matmul: registerMatmul,
  matvec: registerMatvec,
  activation: registerActivation,
  softmax: registerSoftmax,
  mlp: registerMlp,
  gd: registerGd,
  lstsq: registerLstsq,
  summation: registerSummation,
  reliability: registerReliability,
} as const;

/** Parsed command line. */
export interface Arguments {
  smoke: boolean;
  cpu: boolean;
  twoCore: boolean;
  json?: string;
  filter?: RegExp;
  families: string[];
}

export function parseArguments(argv: readonly string[]): Arguments {
  const parsed: Arguments = { smoke: false, cpu: false, twoCore: true, families: [] };
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (argument === "--smoke") parsed.smoke = true;
    else if (argument === "--cpu") parsed.cpu = true;
    else if (argument === "--no-two-core") parsed.twoCore = false;
    else if (argument === "--json") parsed.json = argv[++i];
    else if (argument === "--filter") parsed.filter = new RegExp(argv[++i]);
    else if (argument in FAMILIES) parsed.families.push(argument);
    else {
      throw new RangeError(
        `Unknown argument "${argument}": expected --smoke, --cpu, --no-two-core, --json <file>, --filter <regex> or a family (${
          Object.keys(FAMILIES).join(", ")
        })`,
      );
    }
  }
  if ("json" in parsed && !parsed.json) throw new RangeError("--json needs a file name");
  return parsed;
}

/** Builds the suite for the chosen families (all by default) and runs it. */
export async function main(argv: readonly string[]): Promise<Result[]> {
  const args = parseArguments(argv);
  const started = performance.now();
  const loadStart = loadavg();
  const suite = new Suite();
  await loadPeers(suite);
  let twoCore: TwoCore | undefined;
  if (args.twoCore) {
    twoCore = await createTwoCore(args.smoke ? { minElements: 64, minGemm: 1 } : {});
    suite.note(
      `twoCore: ${twoCore.backend}; one empty dispatch (notify, wake, notify back) ${
        (twoCore.dispatchNanoseconds() / 1e3).toFixed(1)
      } µs wall (median of 200)`,
    );
  }
  let results;
  try {
    const options = { smoke: args.smoke, cpu: args.cpu, ...(twoCore ? { twoCore } : {}) };
    const families = args.families.length > 0 ? args.families : Object.keys(FAMILIES);
    for (const family of families) {
      await FAMILIES[family as keyof typeof FAMILIES](suite, options);
    }
    results = await runSuite(suite, options, args.filter);
  } finally {
    twoCore?.close();
  }
  const seconds = (performance.now() - started) / 1e3;
  console.log(`\n${results.length} benchmarks in ${seconds.toFixed(1)} s (${navigator.userAgent})`);
  if (args.json) {
    mkdirSync(dirname(args.json), { recursive: true });
    const report = {
      runtime: navigator.userAgent,
      date: new Date().toISOString(),
      smoke: args.smoke,
      machine: {
        cpu: cpus()[0]?.model ?? "unknown",
        logicalCpus: cpus().length,
        loadAverage: { start: loadStart, end: loadavg() },
      },
      seconds,
      notes: suite.notes,
      results,
    };
    writeFileSync(args.json, JSON.stringify(report, null, 1) + "\n");
    console.log(`wrote ${args.json}`);
  }
  return results;
}

if (import.meta.main) await main(process.argv.slice(2));
