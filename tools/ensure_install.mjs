// Makes the README commands work on a fresh clone: for each package directory named on
// the command line (default: the root, for what the report and the specs import, and
// tools/runtimes, for the pinned Deno and Bun), if its node_modules does not hold the exact
// pinned dev dependencies, run `npm ci` there from its own lock. The benchmark peers
// (bench/) and the npm build tools (tools/npm/) are installed only by the commands that
// need them. Runs under plain Node, before either runtime exists.
import { execSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const dirs = process.argv.length > 2 ? process.argv.slice(2) : [".", "tools/runtimes"];

/** The version installed in `dir`'s node_modules, or null. */
function installedVersion(dir, name) {
  const file = join(dir, "node_modules", name, "package.json");
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, "utf8")).version;
}

for (const dir of dirs) {
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const wanted = { ...pkg.dependencies, ...pkg.devDependencies };
  const stale = Object.entries(wanted).filter(([name, version]) =>
    installedVersion(dir, name) !== version
  );
  // The runtimes' bin links are made by their install scripts; check they exist too.
  const binaries = Object.keys(wanted).filter((name) => name === "deno" || name === "bun")
    .map((name) => join(dir, "node_modules", ".bin", name));
  if (stale.length > 0 || binaries.some((bin) => !existsSync(bin))) {
    const what = stale.map(([name, version]) => `${name}@${version}`).join(", ") ||
      "runtime binaries";
    console.error(`nnref: installing ${join(dir, "package-lock.json")} (${what})`);
    execSync("npm ci --no-audit --no-fund", { cwd: dir, stdio: "inherit" });
  }
}
