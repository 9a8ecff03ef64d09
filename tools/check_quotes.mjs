// Provenance check, for maintainers: every fixture's source.quote must be a verbatim
// passage of the document it names (white space folded). The documents are not part of
// the project; pass the folder that holds them (default ../shared, beside a checkout):
//
//   node tools/check_quotes.mjs [path/to/shared]
//
// Tests never run this (a user's clone has no documents); .ci/run does when they exist.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

const shared = process.argv[2] ?? "../shared";
if (!existsSync(shared)) {
  console.error(`check_quotes: no documents at ${shared}; nothing checked`);
  process.exit(2);
}

function jsonFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsonFiles(path);
    return name.endsWith(".json") && name !== "schema.json" ? [path] : [];
  });
}

/** Folds white space and the full-width/half-width variants that transcription changes. */
const fold = (text) => text.replace(/\r/g, "").replace(/\s+/g, " ").trim();

function documentPath(document) {
  if (/^00[0-4]_[0-9a-f]{16}\.txt$/.test(document)) return join(shared, "seeds", document);
  if (document.startsWith("nist-strd/")) return join(shared, "data", document);
  if (document === "iris.csv") return join(shared, "data", "iris.csv");
  return null;
}

const cache = new Map();
let checked = 0, failed = 0, skipped = 0;
for (const file of jsonFiles("fixtures")) {
  const json = JSON.parse(readFileSync(file, "utf8"));
  for (const fixture of Array.isArray(json) ? json : [json]) {
    const path = documentPath(fixture.source.document);
    if (path === null) {
      skipped++;
      continue;
    }
    if (!cache.has(path)) cache.set(path, fold(readFileSync(path, "utf8")));
    checked++;
    if (!cache.get(path).includes(fold(fixture.source.quote))) {
      failed++;
      console.log(
        `${file} ${fixture.id}: quote not found in ${fixture.source.document}: ${
          JSON.stringify(fixture.source.quote.slice(0, 120))
        }`,
      );
    }
  }
}
console.log(
  `check_quotes: ${
    checked - failed
  } passed, ${failed} failed (${skipped} fixtures cite no document)`,
);
process.exit(failed > 0 ? 1 : 0);
