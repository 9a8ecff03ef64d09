// The README's test command: runs the whole suite under Deno and under Bun, prints the
// counts of each, and exits non-zero if either runtime failed. Runs under plain Node.
import { spawnSync } from "node:child_process";

const deno = "node_modules/.bin/deno";
const bun = "node_modules/.bin/bun";
const extra = process.argv.slice(2);

/** The environment minus colour forcing (Deno colours output when FORCE_COLOR is set at all). */
function withoutColor(env) {
  const { FORCE_COLOR: _ignored, ...rest } = env;
  return { ...rest, NO_COLOR: "1" };
}

/** Runs one command, streaming its output, and returns { status, text }. */
function run(label, command, args) {
  console.log(`\n=== ${label}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, {
    encoding: "utf8",
    env: withoutColor(process.env),
    maxBuffer: 256 * 1024 * 1024,
  });
  // deno-lint-ignore no-control-regex
  const text = `${result.stdout ?? ""}${result.stderr ?? ""}`.replace(/\x1b\[[0-9;]*m/g, "");
  process.stdout.write(text);
  if (result.error) console.error(`${label}: could not start ${command}: ${result.error.message}`);
  return { status: result.status ?? 1, text };
}

/** Deno: "ok | 12 passed (40 steps) | 0 failed (0 steps)". Counts include steps (`it`). */
function denoCounts(text) {
  const line = [
    ...text.matchAll(
      /^(?:ok|FAILED) \| (\d+) passed(?: \((\d+) steps?\))? \| (\d+) failed(?: \((\d+) steps?\))?/gm,
    ),
  ].at(-1);
  if (!line) return null;
  const [, passed, passedSteps, failed, failedSteps] = line.map((v) => Number(v ?? 0));
  return { passed: passed + passedSteps, failed: failed + failedSteps };
}

/** Bun: " 120 pass" / " 0 fail". */
function bunCounts(text) {
  const passed = [...text.matchAll(/^\s*(\d+) pass$/gm)].at(-1);
  const failed = [...text.matchAll(/^\s*(\d+) fail$/gm)].at(-1);
  if (!passed || !failed) return null;
  return { passed: Number(passed[1]), failed: Number(failed[1]) };
}

const denoPermissions = ["--allow-read", "--allow-env", "--allow-net=127.0.0.1", `--allow-run`];
const denoSpec = run("deno", deno, [
  "test",
  ...denoPermissions,
  ...(extra.length ? extra : ["spec/"]),
]);
const denoDoc = extra.length ? null : run("deno doc examples", deno, [
  "test",
  "--doc",
  "--allow-read",
  "lib/",
  "oracle/",
  "worked/",
  "mod.ts",
  "worked.ts",
]);
const bunSpec = run("bun", bun, ["test", ...(extra.length ? extra : ["./spec"])]);

const rows = [
  ["deno", denoSpec, denoCounts(denoSpec.text)],
  ...(denoDoc ? [["deno --doc", denoDoc, denoCounts(denoDoc.text)]] : []),
  ["bun", bunSpec, bunCounts(bunSpec.text)],
];
let passed = 0, failed = 0, broken = false;
console.log("\n=== summary");
for (const [label, result, counts] of rows) {
  if (!counts) {
    console.log(`${label}: no test summary found (exit ${result.status})`);
    broken = true;
    continue;
  }
  console.log(`${label}: ${counts.passed} passed, ${counts.failed} failed (exit ${result.status})`);
  passed += counts.passed;
  failed += counts.failed;
  if (result.status !== 0 || counts.failed > 0 || counts.passed === 0) broken = true;
}
// The last line is the one CI reads: exactly "N passed, M failed", summed over every runner.
console.log(`${passed} passed, ${failed} failed`);
process.exit(broken ? 1 : 0);
