// The CI smoke run of the conformance pipeline, in seconds and with nothing beyond the main
// lock: for every concept, `nnref inputs` → a reference implementation's answers → `nnref
// verify` must pass, and a deliberately wrong implementation's answers must fail; one real
// subprocess of the CLI under the running runtime; and, when python3 has numpy and scipy,
// the Python adapter's answers for every concept must pass `nnref verify` (skipped with a
// message otherwise). Ends with "N passed, M failed"; exits 1 on any failure.
//
//   deno run -A conformance/smoke.ts        bun conformance/smoke.ts
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { answersOf, conceptInputs, CONCEPTS, verifyAnswers } from "../oracle/conformance/mod.ts";
import { loadFixtures } from "../tools/nnref.ts";
import { IMPLEMENTATIONS } from "../spec/oracle/conformance/_users.ts";

const fixtures = loadFixtures("fixtures");
let passed = 0, failed = 0;
function expect(ok: boolean, what: string): void {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
}

const dir = mkdtempSync(join(tmpdir(), "nnref-smoke-"));
for (const concept of CONCEPTS) {
  const inputs = conceptInputs(concept.name, fixtures);
  const [rightName, right] = IMPLEMENTATIONS[concept.name].correct[0];
  const [wrongName, wrong] = IMPLEMENTATIONS[concept.name].wrong[0];
  const good = verifyAnswers(answersOf(inputs, right), fixtures, {
    concept: concept.name,
  });
  expect(
    good.ok,
    `${concept.name}: ${rightName} conforms on ${inputs.fixtures.length} fixtures`,
  );
  const bad = verifyAnswers(answersOf(inputs, wrong), fixtures, {
    concept: concept.name,
  });
  expect(!bad.ok, `${concept.name}: ${wrongName} is caught`);
}

// the CLI itself, as a user runs it, under the runtime running this file
const runtime = "Deno" in globalThis ? [process.execPath, "run", "-A"] : [process.execPath];
const sigmoidAnswers = join(dir, "sigmoid.json");
writeFileSync(
  sigmoidAnswers,
  JSON.stringify(
    answersOf(
      conceptInputs("sigmoid", fixtures),
      IMPLEMENTATIONS.sigmoid.correct[0][1],
    ),
  ),
);
const cli = spawnSync(runtime[0], [
  ...runtime.slice(1),
  "tools/nnref.ts",
  "verify",
  sigmoidAnswers,
  "--concept",
  "sigmoid",
], {
  encoding: "utf8",
});
expect(
  cli.status === 0 && /conforms at float64/.test(cli.stdout),
  "the nnref verify command exits 0 on conforming answers",
);

// the Python adapter, when python3 has numpy and scipy
const python = spawnSync("python3", ["-c", "import numpy, scipy"], {
  encoding: "utf8",
});
if (python.status !== 0) {
  console.log(
    "skip the Python adapter round trip: python3 with numpy and scipy is not available",
  );
} else {
  const out = join(dir, "python.json");
  const run = spawnSync(
    "python3",
    [
      "docs/nnref_adapter.py",
      "--nnref",
      [...runtime, "tools/nnref.ts"].join(" "),
      "--least-squares",
      "qr",
      "--out",
      out,
    ],
    { encoding: "utf8" },
  );
  expect(
    run.status === 0,
    `docs/nnref_adapter.py wrote answers for every concept${
      run.status === 0 ? "" : `: ${run.stderr}`
    }`,
  );
  if (run.status === 0) {
    const verify = spawnSync(runtime[0], [
      ...runtime.slice(1),
      "tools/nnref.ts",
      "verify",
      out,
    ], {
      encoding: "utf8",
    });
    const last = verify.stdout.trim().split("\n").at(-1);
    expect(verify.status === 0, `numpy/scipy answers conform: ${last}`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
