// Reads every fixture file under fixtures/ (node:fs runs under Deno and Bun alike).
// A file that is not valid JSON or not a valid fixture becomes a load problem, so one
// broken file does not hide the others from the report.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { type Fixture, parseFixtures } from "../oracle/fixture.ts";

/** A fixture and the file it came from (repository-relative, forward slashes). */
export interface LoadedFixture {
  readonly file: string;
  readonly fixture: Fixture;
}

/** A fixture file that could not be read or parsed. */
export interface LoadProblem {
  readonly file: string;
  readonly message: string;
}

/** Folders under fixtures/ that hold no fixtures: the errata records and the claims audit. */
export const NOT_FIXTURES: readonly string[] = ["errata", "claims"];

/**
 * Every `*.json` under `dir` except the schemas and the folders of {@link NOT_FIXTURES},
 * sorted for a stable order.
 */
export function fixtureFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!NOT_FIXTURES.includes(name)) out.push(...fixtureFiles(path));
    } else if (name.endsWith(".json") && !name.endsWith("schema.json")) out.push(path);
  }
  return out;
}

/** Loads and parses every fixture file under `root` (default `fixtures`). */
export function loadFixtures(root = "fixtures"): {
  fixtures: LoadedFixture[];
  problems: LoadProblem[];
} {
  const fixtures: LoadedFixture[] = [];
  const problems: LoadProblem[] = [];
  for (const path of fixtureFiles(root)) {
    const file = relative(".", path).split(sep).join("/");
    try {
      const json = JSON.parse(readFileSync(path, "utf8"));
      for (const fixture of parseFixtures(json, file)) fixtures.push({ file, fixture });
    } catch (error) {
      problems.push({ file, message: (error as Error).message });
    }
  }
  return { fixtures, problems };
}
