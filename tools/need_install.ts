// `deno task` runs this first: if a package directory's node_modules lacks what its
// package.json lists, print one line saying which install command to run, and fail,
// instead of letting Deno fail later on an unresolved bare specifier.
//
//   deno run --allow-read tools/need_install.ts [dir]     (dir defaults to the root)
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import process from "node:process";

const dir = process.argv[2] ?? ".";
const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
const missing = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })
  .filter((name) => !existsSync(join(dir, "node_modules", name, "package.json")));
if (missing.length > 0) {
  const where = dir === "." ? "" : `cd ${dir} && `;
  const lacks = `${join(dir, "node_modules")} lacks ${missing.join(", ")}`;
  const run = `\`${where}deno install\` (or \`${where}npm ci\`, or \`${where}bun install\`)`;
  console.error(`nnref: ${lacks}: run ${run} first`);
  process.exit(1);
}
