// The ecosystem conformance table: every applicable concept against real third-party
// implementations (and nnref's own lib/), each against the fixtures' conform bounds — float32
// libraries against the float32 bound — plus the NIST StRD LRE of every least-squares
// implementation and a minimal reproducer of every defect found. Writes CONFORMANCE.md at
// the repository root. Not part of the test suite (its peers have their own install).
//
//   cd conformance && npm ci && cd .. && tools/runtimes/node_modules/.bin/bun conformance/run.ts
//
// Runs under Bun: tfjs-core's gradient registrations ship as extensionless ES modules,
// which Deno's resolver refuses. numpy/scipy rows come from docs/nnref_adapter.py through
// `nnref inputs` / `nnref verify` when python3 has numpy and scipy.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import {
  answersOf,
  checkConcept,
  conceptInputs,
  type ConceptResult,
  verifyAnswers,
} from "../oracle/conformance/mod.ts";
import { loadFixtures } from "../tools/nnref.ts";
import { entries, type Entry, loadTf, NOT_REACHABLE } from "./libraries.ts";
import { DEFECTS, READING } from "./defects.ts";

process.chdir(new URL("..", import.meta.url).pathname);
type Raw = {
  id: string;
  input: Record<string, unknown>;
  expected: Record<string, unknown>;
  concepts?: string[];
};
const fixtures = loadFixtures("fixtures") as Raw[];
const short = (x: number) =>
  !Number.isFinite(x)
    ? "∞"
    : x === 0
    ? "0"
    : x >= 0.01 && x < 1e4
    ? String(Number(x.toPrecision(3)))
    : x.toExponential(1);

interface Row {
  library: string;
  call: string;
  concept: string;
  precision: string;
  passed: number;
  total: number;
  unchecked: number;
  worstU: number;
  worstUlps: number;
  worstRatio: number;
  failing: string;
  note?: string;
}

function summarise(
  e: Pick<Entry, "library" | "call" | "concept" | "precision" | "note">,
  results: ConceptResult[],
): Row {
  const fields = results.flatMap((r) => r.fields).filter((f) => f.status !== "unchecked");
  const bad = results.filter((r) => r.status === "fail");
  const worst = (k: "worstU" | "worstUlps" | "worstRatio") =>
    Math.max(0, ...fields.map((f) => f[k]).filter((v) => !Number.isNaN(v)));
  return {
    library: e.library,
    call: e.call,
    concept: e.concept,
    precision: e.precision,
    passed: results.filter((r) => r.ok).length,
    total: results.length,
    unchecked: results.filter((r) => r.status === "unchecked").length,
    worstU: worst("worstU"),
    worstUlps: worst("worstUlps"),
    worstRatio: bad.some((r) => r.fields.length === 0) ? Infinity : worst("worstRatio"),
    failing: bad.length === 0
      ? ""
      : `\`${bad[0].id}\`: ${bad[0].message.slice(0, 150).replaceAll("|", "\\|")}`,
    note: e.note,
  };
}

const rows: Row[] = [];
const lre: { implementation: string; values: Record<string, number> }[] = [];
const NIST = fixtures.filter((f) => f.id.startsWith("nist.lls."));

/** NIST's log relative error of the coefficients: min over j of −log10(|ŷⱼ − yⱼ|/|yⱼ|), in [0, 15]. */
function logRelativeError(got: unknown, want: number[]): number {
  if (!Array.isArray(got) || got.length !== want.length) return 0;
  let worst = 15;
  want.forEach((w, j) => {
    const g = Number(got[j]);
    const rel = Math.abs(g - w) / Math.abs(w);
    const digits = rel === 0 ? 15 : Number.isFinite(rel) ? -Math.log10(rel) : 0;
    worst = Math.min(worst, Math.max(0, Math.min(15, digits)));
  });
  return worst;
}

const tfBackends = await loadTf();
for (const e of entries(tfBackends)) {
  const applicable = fixtures.filter((f) =>
    (f.concepts ?? []).includes(e.concept) && (e.applies?.(f) ?? true)
  );
  const results = checkConcept(e.concept, e.impl, applicable, {
    precision: e.precision,
  });
  rows.push(summarise(e, results));
  if (e.concept === "least-squares") {
    const inputs = conceptInputs(
      "least-squares",
      NIST.filter((f) => e.applies?.(f) ?? true),
    );
    const answers = answersOf(inputs, e.impl).answers;
    lre.push({
      implementation: `${e.library}: ${e.call}`,
      values: Object.fromEntries(
        inputs.fixtures.map((
          f,
        ) => [
          f.id,
          logRelativeError(
            answers[f.id]?.coefficients,
            NIST.find((n) => n.id === f.id)!.expected.coefficients as number[],
          ),
        ]),
      ),
    });
  }
}

// numpy/scipy through the Python adapter and the nnref CLI
const python = spawnSync("python3", [
  "-c",
  "import numpy, scipy; print(numpy.__version__, scipy.__version__)",
], { encoding: "utf8" });
let pythonNote = "";
if (python.status !== 0) {
  pythonNote = "python3 with numpy and scipy was not available: no numpy/scipy rows.";
} else {
  const [np, sp] = python.stdout.trim().split(" ");
  const dir = mkdtempSync(join(tmpdir(), "nnref-table-"));
  const runtime = "Deno" in globalThis ? [process.execPath, "run", "-A"] : [process.execPath];
  for (const how of ["numpy.linalg.lstsq", "scipy.linalg.lstsq", "qr"]) {
    const out = join(dir, `${how}.json`);
    const run = spawnSync("python3", [
      "docs/nnref_adapter.py",
      "--nnref",
      [...runtime, "tools/nnref.ts"].join(" "),
      "--least-squares",
      how,
      "--out",
      out,
    ], { encoding: "utf8" });
    if (run.status !== 0) {
      pythonNote += `docs/nnref_adapter.py --least-squares ${how} failed: ${
        run.stderr.slice(0, 200)
      }\n`;
      continue;
    }
    const answers = JSON.parse(readFileSync(out, "utf8"));
    const report = verifyAnswers(answers, fixtures);
    const byConcept = new Map<string, typeof report.rows>();
    for (const r of report.rows) {
      byConcept.set(r.concept, [...(byConcept.get(r.concept) ?? []), r]);
    }
    const calls: Record<string, string> = {
      "least-squares": how === "qr"
        ? "numpy.linalg.qr + scipy.linalg.solve_triangular"
        : `${how}(X, y)`,
    };
    for (const [concept, list] of byConcept) {
      if (how !== "numpy.linalg.lstsq" && concept !== "least-squares") continue;
      const ids = [...new Set(list.map((r) => r.id))];
      const failedIds = ids.filter((id) => list.some((r) => r.id === id && r.status === "fail"));
      const firstFail = list.find((r) => r.status === "fail");
      const checked = list.filter((r) => r.status !== "unchecked");
      rows.push({
        library: `numpy ${np} / scipy ${sp} (docs/nnref_adapter.py)`,
        call: calls[concept] ?? "idiomatic numpy/scipy (see the adapter)",
        concept,
        precision: "float64",
        passed: ids.length - failedIds.length,
        total: ids.length,
        unchecked: 0,
        worstU: Math.max(
          0,
          ...checked.map((r) => r.worstU).filter(Number.isFinite),
        ),
        worstUlps: NaN,
        worstRatio: NaN,
        failing: firstFail
          ? `\`${firstFail.id}\`: ${firstFail.message.slice(0, 150).replaceAll("|", "\\|")}`
          : "",
      });
    }
    lre.push({
      implementation: `numpy ${np} / scipy ${sp}: ${calls["least-squares"]}`,
      values: Object.fromEntries(
        NIST.map((
          f,
        ) => [
          f.id,
          logRelativeError(
            answers.answers[f.id]?.coefficients,
            f.expected.coefficients as number[],
          ),
        ]),
      ),
    });
  }
}

// ------------------------------------------------------------------------------------------
const versions = JSON.parse(readFileSync("conformance/package.json", "utf8"))
  .dependencies as Record<string, string>;
const runtime = "Bun" in globalThis
  ? `Bun ${(globalThis as unknown as { Bun: { version: string } }).Bun.version}`
  : `Deno ${
    (globalThis as unknown as { Deno: { version: { deno: string } } }).Deno
      .version.deno
  }`;
const conforming = rows.filter((r) => r.passed === r.total && r.total > 0);
const lines: string[] = [
  "# Conformance of JavaScript (and numpy) implementations to nnref's fixtures",
  "",
  "Generated by `cd conformance && npm ci && cd .. && tools/runtimes/node_modules/.bin/bun conformance/run.ts` on " +
  runtime +
  (tfBackends.includes("wasm") ? "" : " (the tfjs wasm backend did not load: no wasm rows)") +
  ". Versions: " +
  Object.entries(versions).map(([k, v]) => `${k} ${v}`).join(", ") +
  (python.status === 0 ? `, numpy/scipy ${python.stdout.trim().replace(" ", "/")}` : "") +
  ".",
  "",
  "Every implementation is checked against the **conform** bound of every fixture of its concept that it can run",
  "(what any correct implementation must meet whatever its summation order or algorithm, derived and validated in",
  "`fixtures/conform.gen.py`; evidence in `fixtures/_conform/EVIDENCE.md`). Float32 libraries (tfjs-core, brain.js)",
  "are held to the float32 bound (u = 2⁻²⁴, plus what rounding the inputs to float32 adds) and marked f32.",
  '"worst (u)" is the largest |error| / (u · max(|true|, floor)), in units of the implementation\'s own u; "ulps"',
  'the largest distance in representable numbers of its format; "of bound" the largest |error| / bound (≤ 1 passes).',
  "Fixtures where no element is checkable at the implementation's precision count as not passed and are listed.",
  "",
  `${conforming.length} of ${rows.length} implementation × concept rows pass every applicable fixture.`,
  "",
  ...READING.flatMap((r) => [r, ""]),
  "| library | call | concept | prec. | fixtures passed | worst (u) | ulps | of bound | first failing fixture |",
  "| --- | --- | --- | --- | ---: | ---: | ---: | ---: | --- |",
  ...rows.map((r) =>
    `| ${r.library} | \`${r.call}\` | ${r.concept} | ${
      r.precision === "float32" ? "f32" : "f64"
    } | ${r.passed}/${r.total}${r.unchecked ? ` (${r.unchecked} n/c)` : ""} | ${
      short(r.worstU)
    } | ${Number.isNaN(r.worstUlps) ? "" : short(r.worstUlps)} | ${
      Number.isNaN(r.worstRatio) ? "" : short(r.worstRatio)
    } | ${r.failing}${r.note ? ` _${r.note}_` : ""} |`
  ),
  "",
  ...(pythonNote ? [pythonNote.trim(), ""] : []),
  "Not run, and why:",
  "",
  ...NOT_REACHABLE.map((n) => `- **${n.library}**: ${n.why}.`),
  "",
  "## NIST StRD linear least squares: log relative error (LRE) of the coefficients",
  "",
  "Digits agreeing with NIST's certified values, the worst coefficient of each dataset (15 = all a double holds, 0 =",
  "none); blank where the implementation does not apply (a simple-linear routine on a polynomial).",
  "",
  `| implementation | ${NIST.map((f) => f.id.replace("nist.lls.", "")).join(" | ")} |`,
  `| --- | ${NIST.map(() => "---:").join(" | ")} |`,
  ...lre.map((l) =>
    `| ${l.implementation} | ${
      NIST.map((f) => (f.id in l.values ? l.values[f.id].toFixed(1) : "")).join(
        " | ",
      )
    } |`
  ),
  "",
  "## Defects found, with minimal reproducers",
  "",
  'Each reproducer is run by this tool; "reproduces" says whether the defect was still there in this run.',
  "",
];
for (const d of DEFECTS) {
  let reproduced: string;
  try {
    reproduced = (await d.check()) ? "yes" : "no (fixed?)";
  } catch (error) {
    reproduced = `could not run: ${(error as Error).message}`;
  }
  lines.push(
    `### ${d.title}`,
    "",
    d.text,
    "",
    "```js",
    d.code.trim(),
    "```",
    "",
    `Reproduces: ${reproduced}.`,
    "",
  );
}
writeFileSync("CONFORMANCE.md", lines.join("\n"));
console.log(
  `CONFORMANCE.md: ${rows.length} rows, ${conforming.length} conform; ${lre.length} least-squares implementations on NIST; ${DEFECTS.length} defects`,
);
