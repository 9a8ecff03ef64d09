// The npm package as a user gets it: build dist/, `npm pack`, install the
// tarball into an empty temporary project, then
//   1. run a Node script that imports the root and several subpaths;
//   2. type-check a TypeScript file against the package's .d.ts with `tsc --noEmit`
//      (module nodenext, strict, no DOM library), as a Node user's editor would;
//   3. run the same script under Bun, which imports the TypeScript sources ("bun" condition);
//   4. bundle `import { sigmoid } from "@nnref/nnref"` with esbuild, minified, and fail if
//      it reaches 5 KB (package.json's sideEffects: false lets esbuild drop the rest).
// Needs tools/npm/node_modules (`node tools/ensure_install.mjs tools/npm`) and the pinned
// Bun (tools/runtimes). Runs under plain Node.
//
//   node tools/npm/pack_check.mjs
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/** The largest minified bundle of the root's sigmoid that passes. */
export const SIGMOID_BUNDLE_LIMIT = 5 * 1024;

const root = resolve(".");
const tools = join(root, "tools/npm/node_modules/.bin");
const bun = join(root, "tools/runtimes/node_modules/.bin/bun");
const work = mkdtempSync(join(tmpdir(), "nnref-pack-"));

function run(command, args, options = {}) {
  return execFileSync(command, args, { encoding: "utf8", stdio: "pipe", ...options });
}

try {
  // 1. The build, then the tarball (scripts off: the prepack script is that same build).
  execFileSync(process.execPath, ["tools/npm/build.mjs"], { stdio: "inherit" });
  const packed = JSON.parse(
    run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", work], {
      stdio: ["ignore", "pipe", "inherit"],
    }),
  )[0];
  const tarball = join(work, packed.filename);
  const listed = packed.files.map((f) => f.path);
  const top = [...new Set(listed.map((p) => p.split("/")[0]))].sort();
  console.log(
    `pack: ${packed.filename}, ${packed.entryCount} files, ${(packed.size / 1024).toFixed(0)} kB ` +
      `packed, ${(packed.unpackedSize / 1024).toFixed(0)} kB unpacked; top level: ${top.join(" ")}`,
  );
  const unwanted = listed.filter((p) => /^(spec|bench|tools|\.ci|docs|out)\//.test(p));
  if (unwanted.length > 0) throw new Error(`the tarball ships ${unwanted.slice(0, 5).join(", ")}`);
  for (const wanted of ["dist/mod.js", "dist/mod.d.ts", "mod.ts", "LICENSE", "README.md"]) {
    if (!listed.includes(wanted)) throw new Error(`the tarball lacks ${wanted}`);
  }

  // 2. An empty project that installs it.
  const project = join(work, "project");
  execFileSync("mkdir", ["-p", project]);
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "consumer", private: true, type: "module" }, null, 2),
  );
  run("npm", ["install", "--no-audit", "--no-fund", "--offline", tarball], { cwd: project });

  // 3. A Node script over the root and several subpaths.
  const script = `
import { sigmoid, assertClose, fromRows, leastSquares } from "@nnref/nnref";
import { heaviside } from "@nnref/nnref/activation";
import { identityMatrix, matmul } from "@nnref/nnref/linalg";
import { RandomState } from "@nnref/nnref/random";
import { ShapeError } from "@nnref/nnref/errors";
import { MATMUL_VARIANTS } from "@nnref/nnref/variants";
import { assertPrinted } from "@nnref/nnref/oracle";
import { SUBJECTS } from "@nnref/nnref/worked";
import { localGet } from "@nnref/nnref/wasm";
import * as root from "@nnref/nnref";
if (sigmoid(0) !== 0.5 || heaviside(0) !== 1) throw new Error("activations");
const { weights } = leastSquares(fromRows([[1, 0], [1, 1], [1, 2]]), [1, 3, 5], { method: "qr" });
assertClose(weights[1], 2, { atol: 1e-14 });
if (matmul(identityMatrix(2), fromRows([[1, 2], [3, 4]])).data[3] !== 4) throw new Error("I·A");
if (new RandomState(0).randomSample() !== 0.5488135039273248) throw new Error("numpy's stream");
if (!(new ShapeError("x") instanceof RangeError)) throw new Error("errors");
if (Object.keys(MATMUL_VARIANTS).length < 2 || SUBJECTS.length === 0) throw new Error("registries");
assertPrinted(Math.PI, "3.14159");
if (localGet(0).length !== 2) throw new Error("wasm encoder");
for (const internal of ["localGet", "end", "i32Const", "f64x2Add", "MATMUL_VARIANTS", "identity", "step"]) {
  if (internal in root) throw new Error(\`\${internal} is exported from the root\`);
}
console.log(\`\${Object.keys(root).length} root exports\`);
`;
  writeFileSync(join(project, "check.mjs"), script);
  const nodeOut = run(process.execPath, ["check.mjs"], { cwd: project }).trim();
  console.log(`node ${process.version}: the installed package runs (${nodeOut})`);

  // 3b. The conformance command line, as `npx nnref` runs it (the bin's symlink, offline).
  const concepts = run("npx", ["--offline", "nnref", "concepts"], { cwd: project });
  if (!concepts.includes("least-squares")) throw new Error("npx nnref concepts lists no concepts");
  const inputs = JSON.parse(
    run("npx", ["--offline", "nnref", "inputs", "--concept", "sigmoid"], { cwd: project }),
  );
  if (!Array.isArray(inputs.fixtures) || inputs.fixtures.length === 0) {
    throw new Error("npx nnref inputs --concept sigmoid wrote no fixture inputs");
  }
  console.log(`npx nnref: concepts and inputs run from the installed package`);

  // 4. tsc --noEmit against the .d.ts.
  writeFileSync(join(project, "check.ts"), script);
  writeFileSync(
    join(project, "tsconfig.json"),
    JSON.stringify(
      {
        compilerOptions: {
          target: "ES2022",
          lib: ["ES2022"], // no DOM: a Node user's globals are @types/node's
          module: "NodeNext",
          moduleResolution: "NodeNext",
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: ["node"],
          typeRoots: [join(root, "tools/npm/node_modules/@types")],
        },
        files: ["check.ts"],
      },
      null,
      2,
    ),
  );
  run(join(tools, "tsc"), ["-p", "tsconfig.json"], { cwd: project });
  const tscVersion = run(join(tools, "tsc"), ["--version"]).trim();
  console.log(`${tscVersion}: check.ts type-checks against the .d.ts (strict, nodenext)`);

  // 5. Bun, from the TypeScript sources.
  const bunOut = run(bun, ["check.mjs"], { cwd: project }).trim();
  console.log(`bun ${run(bun, ["--version"]).trim()}: the installed package runs (${bunOut})`);

  // 6. The bundle of one function from the root.
  writeFileSync(
    join(project, "sigmoid.mjs"),
    'import { sigmoid } from "@nnref/nnref";\nconsole.log(sigmoid(0));\n',
  );
  run(join(tools, "esbuild"), [
    "sigmoid.mjs",
    "--bundle",
    "--minify",
    "--format=esm",
    "--outfile=sigmoid.bundle.js",
    "--log-level=warning",
  ], { cwd: project });
  const bytes = statSync(join(project, "sigmoid.bundle.js")).size;
  const esbuildVersion = run(join(tools, "esbuild"), ["--version"]).trim();
  const verdict = bytes < SIGMOID_BUNDLE_LIMIT ? "under" : "OVER";
  console.log(
    `esbuild ${esbuildVersion}: import { sigmoid } from "@nnref/nnref" bundles to ${bytes} B ` +
      `minified (${verdict} the ${SIGMOID_BUNDLE_LIMIT} B limit)`,
  );
  if (bytes >= SIGMOID_BUNDLE_LIMIT) {
    console.error(readFileSync(join(project, "sigmoid.bundle.js"), "utf8").slice(0, 2000));
    throw new Error("the sigmoid bundle grew past the limit: a module lost its tree-shakeability");
  }
  console.log("pack_check: ok");
} catch (error) {
  console.error(`pack_check: ${error.message}`);
  if (error.stdout) console.error(String(error.stdout));
  if (error.stderr) console.error(String(error.stderr));
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
