#!/usr/bin/env node
// nnref's command line: conformance from any language.
//
//   nnref concepts                                  the concepts, their signatures and formulas
//   nnref inputs --concept C [--out inputs.json]    the canonical inputs of every fixture of C
//                                                   (--concept all: a list, one per concept)
//   nnref verify answers.json [--concept C] [--precision float32] [--format json]
//                                                   the answers against the conform bounds;
//                                                   exits 1 unless every answered field passes
//   common: --fixtures DIR (default: the repository's or the installed package's fixtures/)
//
// Runs as `deno run -A tools/nnref.ts …`, `bun tools/nnref.ts …` and, compiled to JS, as
// `npx nnref …`: it uses only node:fs, node:path, node:process and node:url.
import {
  existsSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import {
  conceptInputs,
  CONCEPTS,
  formatAnswers,
  type Precision,
  verifyAnswers,
} from "../oracle/conformance/mod.ts";

const USAGE = `usage:
  nnref concepts
  nnref inputs --concept NAME|all [--out FILE] [--fixtures DIR]
  nnref verify ANSWERS.json [--concept NAME] [--precision float64|float32] [--format text|json] [--fixtures DIR]`;

/**
 * Every fixture object in every JSON file under `dir` (schema.json, *.schema.json and the
 * errata/ and claims/ folders, which hold records of another format, aside).
 */
export function loadFixtures(dir: string): unknown[] {
  const out: unknown[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) {
        if (!["errata", "claims"].includes(name)) walk(path);
      } else if (name.endsWith(".json") && !name.endsWith("schema.json")) {
        const json = JSON.parse(readFileSync(path, "utf8"));
        out.push(...(Array.isArray(json) ? json : [json]));
      }
    }
  };
  walk(dir);
  return out;
}

/**
 * The fixtures shipped beside this program: `../fixtures/` from tools/nnref.ts in the
 * repository, `../../fixtures/` from dist/tools/nnref.js in the npm package.
 */
function defaultFixtures(): string {
  for (const relative of ["../fixtures/", "../../fixtures/"]) {
    const dir = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(join(dir, "schema.json"))) return dir;
  }
  throw new Error("no fixtures/ directory beside this program: pass --fixtures DIR");
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith("--")) {
    throw new Error(`${name} needs a value`);
  }
  args.splice(i, 2);
  return value;
}

/** Runs the command line; returns the exit code. */
export function main(
  argv: string[],
  print: (text: string) => void = console.log,
): number {
  const args = [...argv];
  const command = args.shift();
  try {
    const dir = option(args, "--fixtures") ?? defaultFixtures();
    if (command === "concepts") {
      print(
        CONCEPTS.map((c) => `${c.name}\n  ${c.signature}\n  ${c.summary}`).join(
          "\n\n",
        ),
      );
      return 0;
    }
    if (command === "inputs") {
      const concept = option(args, "--concept");
      const out = option(args, "--out");
      if (concept === undefined) {
        throw new Error(
          "inputs needs --concept NAME or --concept all (see nnref concepts)",
        );
      }
      const fixtures = loadFixtures(dir);
      const doc = concept === "all"
        ? CONCEPTS.map((c) => conceptInputs(c.name, fixtures))
        : conceptInputs(concept, fixtures);
      const text = JSON.stringify(doc, null, 1) + "\n";
      if (out === undefined) print(text.trimEnd());
      else writeFileSync(out, text);
      return 0;
    }
    if (command === "verify") {
      const concept = option(args, "--concept");
      const precision = option(args, "--precision") as Precision | undefined;
      const format = option(args, "--format") ?? "text";
      if (
        precision !== undefined && precision !== "float64" &&
        precision !== "float32"
      ) {
        throw new Error(
          `--precision must be float64 or float32, got ${precision}`,
        );
      }
      const file = args.shift();
      if (file === undefined) throw new Error("verify needs the answers file");
      const answers = JSON.parse(readFileSync(file, "utf8"));
      const report = verifyAnswers(answers, loadFixtures(dir), {
        concept,
        precision,
      });
      print(
        format === "json" ? JSON.stringify(report, null, 1) : formatAnswers(report),
      );
      return report.ok ? 0 : 1;
    }
    print(USAGE);
    return command === undefined || command === "--help" ? 0 : 2;
  } catch (error) {
    print(`nnref ${command ?? ""}: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
}

// Deno and Bun set import.meta.main; under Node (npx nnref, through a symlink in
// node_modules/.bin) compare the real paths.
if (
  (import.meta as { main?: boolean }).main ??
    (process.argv[1] !== undefined &&
      fileURLToPath(import.meta.url) === realpathSync(process.argv[1]))
) {
  process.exitCode = main(process.argv.slice(2));
}
