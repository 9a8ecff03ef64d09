// The README's test command (`npm test`): every spec and every doc example under the
// pinned Deno and under the pinned Bun, counted the same way on both from each runner's
// JUnit report (one test = one `it`), each runtime's line split into library specs,
// document checks (spec/documents/: the documents' claims and the fixtures' consistency,
// which call no library code) and doc examples, and one closing line `N passed, M failed`
// summed over both. Exits non-zero if either runner fails, reports no test, or skips one.
//
//   npm test                       quiet: dots, failures, one summary line per runtime
//   npm test -- --verbose          each runner's full output
//   npm test -- spec/lib/nn        only these paths (files or directories), no doc examples
//
// Runs under plain Node, before either runtime is known to exist.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { writeDocExamples } from "./doc_examples.mjs";

const RUNTIMES = "tools/runtimes/node_modules/.bin";
const deno = `${RUNTIMES}/deno`;
const bun = `${RUNTIMES}/bun`;
const DOC_RUNNER = "out/doc_examples/run.ts";

const args = process.argv.slice(2);
const verbose = args.includes("--verbose") || args.includes("-v");
const paths = args.filter((a) => !a.startsWith("-"));
const unknown = args.filter((a) => a.startsWith("-") && a !== "--verbose" && a !== "-v");
if (unknown.length > 0) {
  console.error(`test.mjs: unknown option ${unknown.join(" ")} (known: --verbose)`);
  process.exit(2);
}

/** The environment minus colour forcing (Deno colours output when FORCE_COLOR is set at all). */
function withoutColor(env) {
  const { FORCE_COLOR: _ignored, ...rest } = env;
  return { ...rest, NO_COLOR: "1", NNREF_DENO: resolve(deno) };
}

/**
 * Runs one runner, streaming its output: everything with --verbose; else only what is
 * not a dot or a routine line, with the dots gathered on one line.
 */
function run(command, commandArgs) {
  if (verbose) console.log(`$ ${command} ${commandArgs.join(" ")}`);
  const child = spawn(command, commandArgs, { env: withoutColor(process.env) });
  let pending = "";
  let dots = 0;
  const routine =
    /^(Check |Download |running \d+ tests? from |ok \| |bun test v|Ran \d+ tests? across|\s*\d+ (pass|fail|skip)$|\s*\d+ expect\(\) calls$|$)/;
  const emit = (line) => {
    // deno-lint-ignore no-control-regex
    line = line.replace(/\x1b\[[0-9;]*m/g, "");
    if (verbose) return void console.log(line);
    if (/^[.,!]+$/.test(line)) {
      for (const dot of line) {
        process.stdout.write(dot);
        if (++dots === 100) {
          process.stdout.write("\n");
          dots = 0;
        }
      }
      return;
    }
    if (routine.test(line)) return;
    if (dots > 0) process.stdout.write("\n");
    dots = 0;
    console.log(line);
  };
  const feed = (chunk) => {
    pending += chunk;
    const lines = pending.split("\n");
    pending = lines.pop();
    for (const line of lines) emit(line);
  };
  child.stdout.on("data", feed);
  child.stderr.on("data", feed);
  return new Promise((done) => {
    child.on("error", (error) => {
      console.error(`could not start ${command}: ${error.message}`);
      done(1);
    });
    child.on("close", (status) => {
      if (pending) emit(pending);
      if (dots > 0) process.stdout.write("\n");
      done(status ?? 1);
    });
  });
}

function unescape(text) {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_m, n) => String.fromCharCode(Number(n)))
    .replace(/&amp;/g, "&");
}

/** The <testcase> elements of a JUnit report: attributes, and whether failed / skipped. */
export function testcases(xml) {
  return [...xml.matchAll(/<testcase\b([^>]*?)(?:\/>|>([\s\S]*?)<\/testcase>)/g)].map((m) => {
    const attributes = Object.fromEntries(
      [...m[1].matchAll(/([\w:-]+)="([^"]*)"/g)].map(([, k, v]) => [k, unescape(v)]),
    );
    const body = m[2] ?? "";
    const failure = body.match(/<(failure|error)\b(?:[^>]*?\smessage="([^"]*)")?[^>]*>/);
    return {
      ...attributes,
      failed: failure !== null,
      failureMessage: failure ? unescape(failure[2] ?? "") : "",
      skipped: /<skipped\b/.test(body),
    };
  });
}

/**
 * Where document checks live: every spec file under it checks a document or a fixture.
 * tools/spec_kinds.ts holds the same constant (this file runs under plain Node and cannot
 * import TypeScript); spec/tools/spec_kinds_test.ts asserts the two agree.
 */
export const DOCUMENT_CHECKS = "spec/documents/";

/**
 * The kind of a spec file: "doc" (a doc example, from the generated runner), "document"
 * (a document check: a file under spec/documents/, which checks a document's claims or
 * the fixtures' consistency and calls no library code) or "library" (every other spec).
 */
export function kindOfFile(file) {
  const path = file.replace(/^\.\//, "").replace(/^file:\/\/.*?\/spec\//, "spec/");
  if (path.endsWith(DOC_RUNNER)) return "doc";
  return path.startsWith(DOCUMENT_CHECKS) || path.includes(`/${DOCUMENT_CHECKS}`)
    ? "document"
    : "library";
}

/**
 * Counts one test per `it`, by kind (library spec, document check, doc example). Bun's
 * report lists exactly those (a `describe` is a <testsuite>), each with its `file`. Deno's
 * (`nested`) lists every `describe` as a test too, whose steps are its `it`s and nested
 * `describe`s, named by path ("outer > inner"): a testcase with steps is a suite and is not
 * counted, unless it failed on its own account (an error in the describe body rather than
 * "N test steps failed"). Deno names the file only on top-level tests (their classname), so
 * a step's file is that of the top-level test its path starts with; a top-level name used
 * by files of two kinds cannot be told apart and is an error.
 */
export function count(cases, nested) {
  const parents = new Set();
  const topKind = new Map();
  if (nested) {
    for (const { name, classname } of cases) {
      const parts = name.split(" > ");
      for (let i = 1; i < parts.length; i++) parents.add(parts.slice(0, i).join(" > "));
      // Top-level tests are the ones Deno lists under their file (steps under ext:…).
      if (classname && !classname.startsWith("ext:")) {
        const kind = kindOfFile(classname);
        const seen = topKind.get(name);
        if (seen !== undefined && seen !== kind) {
          throw new Error(
            `the top-level test "${name}" is in a ${seen} file and a ${kind} file: rename one`,
          );
        }
        topKind.set(name, kind);
      }
    }
  }
  // A title may itself contain " > " ("λ > 0"): the top-level test is the longest prefix of
  // the path, cut at a " > ", that is the name of a top-level test.
  const kindOf = (c) => {
    if (!nested) return kindOfFile(c.file ?? "");
    const parts = c.name.split(" > ");
    for (let k = parts.length; k >= 1; k--) {
      const kind = topKind.get(parts.slice(0, k).join(" > "));
      if (kind !== undefined) return kind;
    }
    throw new Error(`no file found for the test "${c.name}"`);
  };
  const result = {
    passed: 0,
    failed: 0,
    skipped: 0,
    kinds: { library: 0, document: 0, doc: 0 },
    failures: [],
  };
  for (const c of cases) {
    if (parents.has(c.name)) {
      if (c.failed && !/test steps? failed/.test(c.failureMessage)) {
        result.failed++;
        result.failures.push(c.name);
      }
      continue;
    }
    if (c.skipped) result.skipped++;
    else if (c.failed) {
      result.failed++;
      result.failures.push(c.name);
    } else result.passed++;
    if (!c.skipped) result.kinds[kindOf(c)]++;
  }
  return result;
}

async function main() {
  mkdirSync("out/test", { recursive: true });
  const docs = paths.length === 0 ? writeDocExamples() : 0;
  const denoTargets = paths.length ? paths : ["spec/", DOC_RUNNER];
  const bunTargets = (paths.length ? paths : ["spec/", DOC_RUNNER]).map((p) =>
    p.startsWith(".") || p.startsWith("/") ? p : `./${p}`
  );
  const runners = [
    {
      label: "deno",
      junit: "out/test/deno.xml",
      args: (junit) => [
        "test",
        "-P",
        `--junit-path=${junit}`,
        ...(verbose ? [] : ["--reporter=dot"]),
        ...denoTargets,
      ],
      command: deno,
    },
    {
      label: "bun",
      junit: "out/test/bun.xml",
      args: (junit) => [
        "test",
        ...(verbose ? [] : ["--dots"]),
        "--reporter=junit",
        `--reporter-outfile=${junit}`,
        ...bunTargets,
      ],
      command: bun,
    },
  ];
  const lines = [];
  let passed = 0, failed = 0, broken = false;
  for (const runner of runners) {
    const started = Date.now();
    console.log(
      `\n=== ${runner.label}: ${paths.length ? paths.join(" ") : `spec/ and ${docs} doc examples`}`,
    );
    const status = await run(runner.command, runner.args(runner.junit));
    const seconds = Math.round((Date.now() - started) / 1000);
    let counts = null, xml = null;
    try {
      xml = readFileSync(runner.junit, "utf8");
    } catch (error) {
      console.log(`${runner.label}: no JUnit report (${error.message})`);
    }
    if (xml !== null) {
      try {
        counts = count(testcases(xml), runner.label === "deno");
      } catch (error) {
        console.log(`${runner.label}: its JUnit report cannot be counted: ${error.message}`);
      }
    }
    if (!counts) {
      broken = true;
      failed++;
      lines.push(`${runner.label}: no test count (exit ${status}; the reason is above)`);
      continue;
    }
    // A runner that failed without a failing test (a module that does not load) still fails.
    if (status !== 0 && counts.failed === 0) {
      counts.failed = 1;
      counts.failures.push(`${runner.label} exited with status ${status}`);
    }
    const parts = [`${counts.passed} passed`, `${counts.failed} failed`];
    if (counts.skipped) parts.push(`${counts.skipped} skipped`);
    const { library, document, doc } = counts.kinds;
    const detail = ` (${library} library specs, ${document} document checks${
      docs ? `, ${doc} doc examples` : ""
    })`;
    lines.push(`${runner.label}: ${parts.join(", ")}${detail} in ${seconds} s`);
    for (const name of counts.failures.slice(0, 20)) lines.push(`  failed: ${name}`);
    passed += counts.passed;
    failed += counts.failed;
    if (status !== 0 || counts.failed > 0 || counts.passed === 0 || counts.skipped > 0) {
      broken = true;
    }
  }
  console.log("\n=== summary");
  for (const line of lines) console.log(line);
  // The last line is the one CI reads: exactly "N passed, M failed", summed over every runner.
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(broken ? 1 : 0);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
