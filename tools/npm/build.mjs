// The npm build: ESM JavaScript plus .d.ts for Node ≥ 20 in dist/, from the TypeScript
// sources, with the TypeScript compiler installed in tools/npm/ (`npm run build`, which
// `npm pack` and `npm publish` run first). Relative `.ts` imports become `.js`: tsc's
// rewriteRelativeImportExtensions does it in the JavaScript; the declarations are
// rewritten here, since tsc leaves their specifiers as written. Runs under plain Node.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const DIST = "dist";

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Relative specifiers ending in .ts, in import/export declarations and import types. */
const RELATIVE_TS = /((?:\bfrom|\bimport)\s*\(?\s*)(["'])(\.\.?\/[^"']*?)\.ts\2/g;

rmSync(DIST, { recursive: true, force: true });
for (const config of ["tools/npm/tsconfig.json", "tools/npm/tsconfig.cli.json"]) {
  execFileSync("tools/npm/node_modules/.bin/tsc", ["-p", config], { stdio: "inherit" });
}
let rewritten = 0;
const leftovers = [];
for (const file of files(DIST)) {
  const text = readFileSync(file, "utf8");
  // Only code, not the doc comments (whose examples import the package by name).
  const next = text.replace(RELATIVE_TS, (_all, before, quote, path) => {
    rewritten++;
    return `${before}${quote}${path}.js${quote}`;
  });
  if (next !== text) writeFileSync(file, next);
  const code = next.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/[^\n]*/g, "");
  if (RELATIVE_TS.test(code)) leftovers.push(file);
  RELATIVE_TS.lastIndex = 0;
}
if (leftovers.length > 0) {
  console.error(`build: .ts specifiers left in ${leftovers.join(", ")}`);
  process.exit(1);
}
const all = files(DIST);
console.log(
  `build: ${all.filter((f) => f.endsWith(".js")).length} .js and ` +
    `${all.filter((f) => f.endsWith(".d.ts")).length} .d.ts files in ${DIST}/ ` +
    `(${rewritten} declaration specifiers rewritten to .js)`,
);
