// Makes the README commands work on a fresh clone: if node_modules does not hold the
// exact pinned Deno and Bun (and every other dev dependency), run `npm ci` from the lock.
// Runs under plain Node, before either runtime exists.
import { execSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

const pkg = JSON.parse(readFileSync("package.json", "utf8"));
const wanted = { ...pkg.devDependencies };

function installedVersion(name) {
  const file = `node_modules/${name}/package.json`;
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, "utf8")).version;
}

const stale = Object.entries(wanted).filter(([name, version]) =>
  installedVersion(name) !== version
);
const binaries = ["node_modules/.bin/deno", "node_modules/.bin/bun"];
if (stale.length > 0 || binaries.some((bin) => !existsSync(bin))) {
  const what = stale.map(([name, version]) => `${name}@${version}`).join(", ") ||
    "runtime binaries";
  console.error(`nnref: installing pinned dev dependencies from package-lock.json (${what})`);
  execSync("npm ci --no-audit --no-fund", { stdio: "inherit" });
}
