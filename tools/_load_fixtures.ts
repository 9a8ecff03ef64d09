// Reads every fixture file under fixtures/ (node:fs runs under Deno and Bun alike), the
// errata records (fixtures/errata/) and the claims audit (fixtures/claims/), and resolves
// the fixtures' erratum ids. A file that is not valid JSON or not valid by its format, and
// every reference that does not resolve, becomes a load problem, so one broken file does
// not hide the others from the report.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { type Fixture, parseFixtures } from "../oracle/fixture.ts";
import { type ErrataRecord, parseErrata } from "../oracle/errata.ts";
import { errataLinkProblems, resolveErrata } from "../oracle/errata_link.ts";
import { claimProblems, type ClaimsFile, parseClaims } from "../oracle/claims.ts";

/** A fixture and the file it came from (repository-relative, forward slashes). */
export interface LoadedFixture {
  readonly file: string;
  readonly fixture: Fixture;
}

/** A fixture, errata or claims file that could not be read or parsed, or a broken reference. */
export interface LoadProblem {
  readonly file: string;
  readonly message: string;
}

/** Everything under fixtures/: the fixtures (errata resolved), the records, the audit. */
export interface Loaded {
  readonly fixtures: LoadedFixture[];
  readonly problems: LoadProblem[];
  /** Every erratum and note, document by document, each file in the document's order. */
  readonly errata: ErrataRecord[];
  /** The claims audit of each document that has one, in document order. */
  readonly claims: ClaimsFile[];
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

const rel = (path: string) => relative(".", path).split(sep).join("/");

function jsonIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => name.endsWith(".json")).sort().map((name) =>
    join(dir, name)
  );
}

/** The text of a spec file, or null when it does not exist (for the claims' `checkedBy`). */
export function specText(path: string): string | null {
  return existsSync(path) ? readFileSync(path, "utf8") : null;
}

/** Every erratum and note under `root/errata`, parsed; throws on the first malformed file. */
export function loadErrata(root = "fixtures"): ErrataRecord[] {
  return jsonIn(join(root, "errata")).flatMap((path) =>
    parseErrata(JSON.parse(readFileSync(path, "utf8")), rel(path))
  );
}

/** Loads and parses everything under `root` (default `fixtures`). */
export function loadFixtures(root = "fixtures"): Loaded {
  const parsed: LoadedFixture[] = [];
  const problems: LoadProblem[] = [];
  for (const path of fixtureFiles(root)) {
    const file = rel(path);
    try {
      const json = JSON.parse(readFileSync(path, "utf8"));
      for (const fixture of parseFixtures(json, file)) parsed.push({ file, fixture });
    } catch (error) {
      problems.push({ file, message: (error as Error).message });
    }
  }
  const errata: ErrataRecord[] = [];
  for (const path of jsonIn(join(root, "errata"))) {
    try {
      errata.push(...parseErrata(JSON.parse(readFileSync(path, "utf8")), rel(path)));
    } catch (error) {
      problems.push({ file: rel(path), message: (error as Error).message });
    }
  }
  const all = parsed.map((item) => item.fixture);
  for (const problem of errataLinkProblems(all, errata)) {
    problems.push({ file: rel(join(root, "errata")), message: problem.message });
  }
  const linked = resolveErrata(all, errata);
  const fixtures = parsed.map((item, i) => ({ file: item.file, fixture: linked[i] }));
  const claims: ClaimsFile[] = [];
  const fixtureIds = new Set(all.map((fixture) => fixture.id));
  for (const path of jsonIn(join(root, "claims"))) {
    try {
      const file = parseClaims(JSON.parse(readFileSync(path, "utf8")), rel(path));
      claims.push(file);
      for (const problem of claimProblems(file, { fixtureIds, records: errata, specText })) {
        problems.push({ file: rel(path), message: problem.message });
      }
    } catch (error) {
      problems.push({ file: rel(path), message: (error as Error).message });
    }
  }
  return { fixtures, problems, errata, claims };
}
