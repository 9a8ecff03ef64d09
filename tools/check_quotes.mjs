// Provenance check, for maintainers: every passage quoted from a document must be verbatim
// (white space folded): each fixture's source.quote, each erratum or note's `printed`
// (fixtures/errata/), and each audited claim's `quote` (fixtures/claims/). The documents are
// not part of the project; pass the folder that holds them (default ../shared, beside a
// checkout):
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
    return name.endsWith(".json") && !name.endsWith("schema.json") ? [path] : [];
  });
}

/** Folds white space, which transcription changes. */
const fold = (text) => text.replace(/\r/g, "").replace(/\s+/g, " ").trim();

function documentPath(document) {
  if (/^00[0-4]_[0-9a-f]{16}\.txt$/.test(document)) return join(shared, "seeds", document);
  if (document.startsWith("nist-strd/")) return join(shared, "data", document);
  if (document === "iris.csv") return join(shared, "data", "iris.csv");
  return null;
}

/** Every quoted passage of a JSON file: [what, document, passage]. */
function passages(file, json) {
  if (file.includes("/errata/") || file.includes("\\errata\\")) {
    return json.flatMap((record) =>
      [record.printed].flat().map((text) => [record.id, record.document, text])
    );
  }
  if (file.includes("/claims/") || file.includes("\\claims\\")) {
    return json.claims.flatMap((claim) =>
      [claim.quote].flat().map((text) => [claim.id, json.document, text])
    );
  }
  return (Array.isArray(json) ? json : [json]).map((fixture) => [
    fixture.id,
    fixture.source.document,
    fixture.source.quote,
  ]);
}

const cache = new Map();
let checked = 0, failed = 0, skipped = 0;
for (const file of jsonFiles("fixtures")) {
  const json = JSON.parse(readFileSync(file, "utf8"));
  for (const [what, document, text] of passages(file, json)) {
    const path = documentPath(document);
    if (path === null) {
      skipped++;
      continue;
    }
    if (!cache.has(path)) cache.set(path, fold(readFileSync(path, "utf8")));
    checked++;
    if (!cache.get(path).includes(fold(text))) {
      failed++;
      console.log(
        `${file} ${what}: passage not found in ${document}: ${JSON.stringify(text.slice(0, 120))}`,
      );
    }
  }
}
console.log(
  `check_quotes: ${checked - failed} passed, ${failed} failed (${skipped} quotes cite no document)`,
);
process.exit(failed > 0 ? 1 : 0);
