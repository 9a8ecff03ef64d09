/**
 * The two kinds of spec file, and what each library spec imports.
 *
 * - **Document checks** live under `spec/documents/`: they check the documents' claims
 *   (errata arithmetic) and the fixtures' consistency and integrity; they need not call
 *   the library, and are counted apart from it.
 * - **Library specs** are every other `spec/**\/*_test.ts`: each must import library code
 *   (lib/, oracle/, worked/, the entry points, tools/, bench/, conformance/), directly or
 *   through a spec helper (`spec/**\/_*.ts`), beyond the test tools that only read fixtures
 *   or compare numbers (the assertions, ulp, the fixture parser and loader). A library spec
 *   that imports none cannot fail for any library, and `spec/tools/spec_kinds_test.ts` fails.
 *
 * The oracle's own specs (`spec/oracle/`) test the assertions and the fixture parser, so
 * for them those modules are the library. A spec that runs the library in a child process
 * (the README's blocks, an import by URL) also compares with it in-process, so it imports
 * it too.
 *
 * @module
 */

import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize } from "node:path";

/** Where document checks live (repository-relative). */
export const DOCUMENT_CHECKS = "spec/documents/";

/**
 * Modules that read fixtures or compare numbers: importing only these does not make a
 * spec test the library (except a spec under spec/oracle/, which tests them).
 */
export const TEST_TOOLS: readonly string[] = [
  "oracle/assert_close.ts",
  "oracle/assert_printed.ts",
  "oracle/assertion_error.ts",
  "oracle/ulp.ts",
  "oracle/fixture.ts",
  "tools/_load_fixtures.ts",
];

/** One spec file: its kind and the library modules it reaches through its imports. */
export interface SpecFile {
  /** Repository-relative path, `/`-separated. */
  readonly path: string;
  /** "document" under spec/documents/, else "library". */
  readonly kind: "library" | "document";
  /** The library modules it imports, directly or through spec helpers, sorted. */
  readonly libraryImports: readonly string[];
  /** Its top-level describe titles ({@link topLevelTitles}). */
  readonly titles: readonly string[];
}

/**
 * The titles of a spec's top-level `describe`s written as one string literal at the start
 * of a line. Deno's JUnit report names a step's file only through its top-level test, so
 * the test runner tells the kinds apart by these titles: one title in a library spec and a
 * document check would be ambiguous (tools/test.mjs refuses to guess).
 */
export function topLevelTitles(source: string): string[] {
  return [...source.matchAll(/^describe\(\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/gm)]
    .map((m) => m[1].startsWith('"') ? JSON.parse(m[1]) : m[1].slice(1, -1));
}

/** Every `*_test.ts` under `spec/` of the repository at `root`, sorted, with its kind and imports. */
export function specFileKinds(root = "."): SpecFile[] {
  const seen = new Map<string, string[]>();
  return testFiles(root, "spec").map((path) => ({
    path,
    kind: path.startsWith(DOCUMENT_CHECKS) ? "document" : "library",
    libraryImports: [...new Set(reached(root, path, seen, path.startsWith("spec/oracle/")))]
      .sort(),
    titles: topLevelTitles(readFileSync(join(root, path), "utf8")),
  }));
}

function testFiles(root: string, dir: string): string[] {
  return readdirSync(join(root, dir)).sort().flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(root, path)).isDirectory()) return testFiles(root, path);
    return name.endsWith("_test.ts") ? [path] : [];
  });
}

/**
 * The value imports of a module's source: `import … from "x"`, `import "x"`, `export … from
 * "x"` and `import("x")` with a literal; type-only imports (`import type`, or braces
 * holding only `type` names) are left out, since they run nothing.
 */
export function valueImports(source: string): string[] {
  const found: string[] = [];
  const statement = /(?:^|\n)\s*(import|export)\s+(type\s+)?([\s\S]*?)\s*from\s*["']([^"']+)["']/g;
  for (const m of source.matchAll(statement)) {
    if (m[2]) continue;
    const braces = m[3].match(/^\{([\s\S]*)\}$/);
    if (braces) {
      const names = braces[1].split(",").map((n) => n.trim()).filter((n) => n !== "");
      if (names.length > 0 && names.every((n) => n.startsWith("type "))) continue;
    }
    found.push(m[4]);
  }
  for (const m of source.matchAll(/(?:^|\n)\s*import\s*["']([^"']+)["']/g)) found.push(m[1]);
  for (const m of source.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) found.push(m[1]);
  return found;
}

function reached(
  root: string,
  path: string,
  seen: Map<string, string[]>,
  oracle: boolean,
): string[] {
  const key = `${oracle}:${path}`;
  const known = seen.get(key);
  if (known) return known;
  seen.set(key, []); // a helper importing itself in a cycle adds nothing
  const result: string[] = [];
  for (const specifier of valueImports(readFileSync(join(root, path), "utf8"))) {
    if (!specifier.startsWith(".")) continue; // node:…, npm packages: not the library
    const target = normalize(join(dirname(path), specifier)).split("\\").join("/");
    if (target.endsWith(".json")) continue; // fixture data
    // Text that looks like an import inside a string (a spec writing a module): a real
    // import of a missing file fails the spec's own load.
    if (!existsSync(join(root, target))) continue;
    if (target.startsWith("spec/")) result.push(...reached(root, target, seen, oracle));
    else if (oracle || !TEST_TOOLS.includes(target)) result.push(target);
  }
  seen.set(key, result);
  return result;
}
