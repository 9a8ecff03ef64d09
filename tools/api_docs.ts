// The browsable API, kept up to date by one re-runnable script (idempotent: a second run
// changes nothing). Run it after adding an export, a file or an area, or after merging:
//
//   deno run --allow-read --allow-write --allow-run tools/api_docs.ts           rewrite
//   deno run --allow-read --allow-run tools/api_docs.ts --check                 CI: fail if stale
//
// It does four things, all derived from `deno doc --json` (never from a hand-kept list):
//
// 1. Writes one entry point per area, lib/<area>/mod.ts, re-exporting every export of the
//    area's public files (names without a leading "_"), and oracle/mod.ts for the oracle
//    toolkit. The variant registries (`*_VARIANTS`) are left to lib/variants.ts. Each
//    entry point keeps whatever module doc it already has (the first run writes one).
// 2. Rewrites the export lines of the root mod.ts (its module doc is kept): the oracle,
//    the errors, every area, and of lib/wasm only the kernels — the WebAssembly encoder's
//    instruction helpers (`end`, `i32Const`, `f64x2Add`, …) are reached through
//    "@nnref/nnref/wasm" alone.
// 3. Gives every exported declaration an `@category` tag naming its area.
// 4. Makes every doc example copyable: relative imports of public modules become package
//    imports ("@nnref/nnref/<area>"); an example that relied on `deno test --doc`'s
//    implicit import of its own module gets that import written out; and a tolerance
//    check `if (Math.abs(a - b) > t) throw new Error(m)` becomes
//    `assertClose(a, b, { atol: t }, m)` (same bound; a NaN now fails instead of passing).
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import process from "node:process";

/** The package name that examples import from (deno.json and package.json `name`). */
export const PACKAGE = "@nnref/nnref";
const CHECK = process.argv.includes("--check");
const ROOT = resolve(dirname(new URL(import.meta.url).pathname), "..");

/** Title (the `@category`), summary and example of each area's entry point. */
const AREAS: Record<string, { title: string; summary: string; example: string }> = {
  activation: {
    title: "Activation functions",
    summary:
      "σ, tanh, ReLU, the Heaviside step, the identity and softmax, with their derivatives (from the input, or from the output as backpropagation uses them).",
    example: `import { sigmoid, sigmoidDerivativeFromOutput } from "${PACKAGE}/activation";
const s = sigmoid(0);
if (s !== 0.5 || sigmoidDerivativeFromOutput(s) !== 0.25) throw new Error("σ(0) = 1/2, σ′ = 1/4");`,
  },
  autodiff: {
    title: "Automatic differentiation",
    summary:
      "A scalar computational graph differentiated in reverse mode, forward mode with dual numbers, and central finite differences.",
    example: `import { centralDifference } from "${PACKAGE}/autodiff";
import { assertClose } from "${PACKAGE}/oracle";
assertClose(centralDifference(Math.sin, 0), 1, { atol: 1e-10 });`,
  },
  classify: {
    title: "Classifiers",
    summary:
      "Logic gates as threshold units, the perceptron, a single sigmoid layer, squared-hinge SGD and logistic regression.",
    example: `import { perceptronPredict } from "${PACKAGE}/classify";
if (perceptronPredict([1, 1], -1.5, [1, 1]) !== 1) throw new Error("AND(1, 1) = 1");`,
  },
  gradcheck: {
    title: "Gradient checking",
    summary: "Comparing an analytic gradient with central differences, coordinate by coordinate.",
    example: `import { checkGradient } from "${PACKAGE}/gradcheck";
// f(w) = w₀² + 3w₁, ∇f = (2w₀, 3)
const f = (w: Float64Array) => w[0] * w[0] + 3 * w[1];
const result = checkGradient(f, (w) => [2 * w[0], 3], new Float64Array([1.5, -2]));
if (!result.passed) throw new Error("the analytic gradient agrees with central differences");`,
  },
  inverse: {
    title: "Inverse problems",
    summary:
      "Driving a computational graph's output to a target by adjusting one input (the documents' inverse backpropagation).",
    example: `import { driveToTarget } from "${PACKAGE}/inverse";
// Drive y = 2b to 10 from b = 1 by adjusting b.
const result = driveToTarget({
  fn: (ops, { b }) => ops.mul(2, b),
  start: { b: 1 }, adjust: ["b"], target: 10, tolerance: 1e-12, maxIterations: 100,
  factors: "recomputed", // ∂y/∂b = 2 by reverse mode: b ← 1 + (10 − 2)/2 = 5 in one pass
});
if (result.status !== "converged") throw new Error(result.status);`,
  },
  linalg: {
    title: "Linear algebra",
    summary:
      "The Matrix type (Float64Array, row-major), products, Cholesky, Householder QR, least squares (normal equations, QR, double-double QR) and a symmetric eigensolver.",
    example: `import { fromRows, leastSquares } from "${PACKAGE}/linalg";
import { assertAllClose } from "${PACKAGE}/oracle";
const { weights } = leastSquares(fromRows([[1, 0], [1, 1], [1, 2]]), [1, 3, 5], { method: "qr" });
assertAllClose(weights, [1, 2], { atol: 1e-14 }, "y = 1 + 2x");`,
  },
  loss: {
    title: "Loss functions",
    summary:
      "Squared and absolute error, binary and softmax cross-entropy, the squared hinge, with their gradients.",
    example: `import { sumSquaredError } from "${PACKAGE}/loss";
if (sumSquaredError([1, 2], [1, 4]) !== 4) throw new Error("(2 − 4)² = 4");`,
  },
  nn: {
    title: "Neural networks",
    summary:
      "Feed-forward networks: creation, forward pass, backward pass (the δ recursion) and training.",
    example: `import { createNetwork, forward } from "${PACKAGE}/nn";
// One identity layer: y = x·W + b = 2·10 + 3·100 + 1.
const net = createNetwork([{ weights: [[2], [3]], biases: [1], activation: "identity" }]);
if (forward(net, [10, 100]).activations[1].data[0] !== 321) throw new Error("321");`,
  },
  optim: {
    title: "Optimisation",
    summary:
      "One gradient-descent loop with pluggable stopping rules and step schedules, least-squares objectives, gradient steps and SGD.",
    example: `import { gradientDescent } from "${PACKAGE}/optim";
import { assertClose } from "${PACKAGE}/oracle";
// Minimise w² from w = 1.2 with step 0.3: w ← 0.4·w, stopping once w² < 10⁻³.
const result = gradientDescent(
  (w, g) => { g[0] = 2 * w[0]; return w[0] * w[0]; },
  [1.2],
  { learningRate: 0.3, stop: { kind: "loss", threshold: 1e-3 }, maxIterations: 100 },
);
assertClose(result.weights[0], 1.2 * 0.4 ** 4, { ulps: 2 }, "four steps");`,
  },
  random: {
    title: "Random numbers",
    summary: "MT19937 and RandomState, stream-identical to numpy's RandomState for the same seed.",
    example: `import { RandomState } from "${PACKAGE}/random";
// numpy: np.random.RandomState(0).random_sample() == 0.5488135039273248
if (new RandomState(0).randomSample() !== 0.5488135039273248) throw new Error("numpy's stream");`,
  },
  regression: {
    title: "Regression",
    summary:
      "Design matrices, fit statistics, ridge regression, the least-squares Hessian and NIST's log relative error.",
    example: `import { fromRows } from "${PACKAGE}/linalg";
import { ridgeRegression } from "${PACKAGE}/regression";
const [w] = ridgeRegression(fromRows([[2]]), [3], 12);
if (w !== 0.375) throw new Error("(XᵀX + λI)⁻¹Xᵀy = 2·3 / (4 + 12) = 0.375");`,
  },
  series: {
    title: "Series and summation",
    summary: "Robbins–Monro step-size series and naive, compensated and pairwise summation.",
    example: `import { sumCompensated } from "${PACKAGE}/series";
if (sumCompensated([1, 1e100, 1, -1e100]) !== 2) throw new Error("compensation keeps the ones");`,
  },
  wasm: {
    title: "WebAssembly",
    summary:
      "A WebAssembly module encoder written in TypeScript and the SIMD kernels built with it. The root entry point exports only the kernels; the encoder's instruction helpers are here.",
    example: `import { fromRows } from "${PACKAGE}/linalg";
import { matmulWasmSimd } from "${PACKAGE}/wasm";
// The f64x2 SIMD kernel where WebAssembly SIMD is available, the TypeScript one elsewhere.
const c = matmulWasmSimd(fromRows([[1, 2]]), fromRows([[3], [4]]));
if (c.data[0] !== 11) throw new Error("1·3 + 2·4 = 11");`,
  },
};

/** Files of lib/wasm/ that make up the module encoder (internals kept off the root). */
const WASM_ENCODER_FILE = /^(leb128|instructions|module_encoder|.*_module)\.ts$/;
/** Exports of lib/wasm/'s kernel files that are encoder internals all the same. */
const WASM_INTERNAL_NAMES = new Set(["simdProbeModule"]);
/** Variant registries: exported by lib/variants.ts only. */
const VARIANT_REGISTRY = /_VARIANTS$/;

/** The `@category` of an oracle file. */
function oracleCategory(file: string): string {
  if (file.startsWith("oracle/conformance/")) return "Conformance";
  const base = file.slice("oracle/".length);
  if (/^(ulp|assert_close|assert_printed|assertion_error|_tree)\.ts$/.test(base)) {
    return "Assertions";
  }
  if (/^(fixture|verify)\.ts$/.test(base)) return "Fixtures";
  if (/^(subject|replay|replay_summary)\.ts$/.test(base)) return "Replay";
  return "Oracle";
}

/** The `@category` of a declaration, from its file and name. */
function categoryOf(file: string, name: string): string {
  if (VARIANT_REGISTRY.test(name)) return "Variants";
  if (file === "lib/errors.ts") return "Errors";
  if (file === "lib/variants.ts") return "Variants";
  if (file.startsWith("oracle/")) return oracleCategory(file);
  if (file.startsWith("worked/") || file === "worked.ts") return "Worked results";
  const area = file.match(/^lib\/([^/]+)\//)?.[1];
  if (area === "wasm" && WASM_ENCODER_FILE.test(file.split("/").pop()!)) {
    return "WebAssembly encoder";
  }
  if (area && AREAS[area]) return AREAS[area].title;
  return "Utilities";
}

// ---------------------------------------------------------------------------------------
// Files and `deno doc --json`

function read(file: string): string {
  return readFileSync(join(ROOT, file), "utf8");
}

function tsFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).sort().flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(ROOT, path)).isDirectory()) return tsFiles(path);
    return name.endsWith(".ts") ? [path] : [];
  });
}

/** The areas: directories of lib/ without a leading "_". */
function areas(): string[] {
  return readdirSync(join(ROOT, "lib")).filter((name) =>
    !name.startsWith("_") && statSync(join(ROOT, "lib", name)).isDirectory()
  ).sort();
}

/** The public files of a directory: *.ts without a leading "_", other than mod.ts. */
function publicFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).filter((name) =>
    name.endsWith(".ts") && !name.startsWith("_") && name !== "mod.ts" &&
    statSync(join(ROOT, dir, name)).isFile()
  ).sort().map((name) => `${dir}/${name}`);
}

interface Declaration {
  kind: string;
  declarationKind: string;
  location: { filename: string; line: number };
  jsDoc?: unknown;
  def?: { target?: { filename: string; line: number } };
}
interface DocSymbol {
  name: string;
  declarations: Declaration[];
}
type DocNodes = Map<string, DocSymbol[]>;

/** `deno doc --json` of the given files: symbols by file (paths relative to the root). */
function denoDoc(files: string[]): DocNodes {
  const out = new Deno.Command(Deno.execPath(), {
    args: ["doc", "--json", ...files],
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
  }).outputSync();
  if (!out.success) {
    throw new Error(`deno doc failed:\n${new TextDecoder().decode(out.stderr)}`);
  }
  const json = JSON.parse(new TextDecoder().decode(out.stdout));
  const nodes: DocNodes = new Map();
  for (
    const [url, node] of Object.entries(json.nodes as Record<string, { symbols: DocSymbol[] }>)
  ) {
    nodes.set(toRelative(url), node.symbols);
  }
  // A re-export of a symbol documented in another file of the same run is a "reference"
  // to it: replace it by the declaration it points to.
  const byLocation = new Map<string, Declaration>();
  const key = (l: { filename: string; line: number }) => `${toRelative(l.filename)}:${l.line}`;
  for (const symbols of nodes.values()) {
    for (const s of symbols) {
      for (const d of s.declarations) {
        if (d.kind !== "reference") byLocation.set(key(d.location), d);
      }
    }
  }
  for (const symbols of nodes.values()) {
    for (const s of symbols) {
      s.declarations = s.declarations.map((d) => {
        if (d.kind !== "reference" || !d.def?.target) return d;
        return byLocation.get(key(d.def.target)) ?? { ...d, location: d.def.target };
      });
    }
  }
  return nodes;
}

function toRelative(url: string): string {
  return relative(ROOT, decodeURIComponent(new URL(url).pathname)).replaceAll("\\", "/");
}

const TYPE_KINDS = new Set(["interface", "typeAlias"]);

/** One export of a module: its name, whether only a type, and the file defining it. */
interface ExportInfo {
  name: string;
  typeOnly: boolean;
  definedIn: string;
}

function exportsOf(symbols: DocSymbol[]): ExportInfo[] {
  return symbols.filter((s) => s.declarations.some((d) => d.declarationKind === "export"))
    .map((s) => ({
      name: s.name,
      typeOnly: s.declarations.every((d) => TYPE_KINDS.has(d.kind)),
      definedIn: toRelative(s.declarations[0].location.filename),
    }));
}

// ---------------------------------------------------------------------------------------
// 1–2. Entry points

const changes = new Map<string, string>();

/** `text` as `deno fmt` (with deno.json's options) would write it. */
async function formatted(text: string): Promise<string> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["fmt", "--ext=ts", "-"],
    cwd: ROOT,
    stdin: "piped",
    stdout: "piped",
    stderr: "inherit",
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(text));
  await writer.close();
  const out = await child.output();
  if (!out.success) throw new Error("deno fmt failed on a generated entry point");
  return new TextDecoder().decode(out.stdout);
}

function update(file: string, text: string): void {
  const before = existsSync(join(ROOT, file)) ? read(file) : null;
  if (before !== text) changes.set(file, text);
}

/** The leading comments of a module (its module doc), or null if it has none. */
function leadingDoc(file: string): string | null {
  if (!existsSync(join(ROOT, file))) return null;
  const text = changes.get(file) ?? read(file);
  const match = text.match(/^\s*\/\*\*[\s\S]*?\*\/\n/);
  return match ? match[0].trimStart() : null;
}

function starred(text: string, indent = ""): string {
  return text.split("\n").map((line) => `${indent} *${line ? " " + line : ""}`).join("\n");
}

/** Wraps prose at `width` columns (code lines and tags are left alone). */
function wrap(text: string, width = 90): string {
  const out: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(" ")) {
      if (line && line.length + 1 + word.length > width) {
        out.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(line);
  }
  return out.join("\n");
}

/** The export lines of an entry point re-exporting `groups` (file → names). */
function exportLines(from: string, groups: Map<string, ExportInfo[]>): string {
  const lines: string[] = [];
  for (const [file, names] of groups) {
    if (names.length === 0) continue;
    let spec = relative(dirname(from), file).replaceAll("\\", "/");
    if (!spec.startsWith(".")) spec = `./${spec}`;
    const list = names.map((e) => (e.typeOnly ? `type ${e.name}` : e.name));
    const one = `export { ${list.join(", ")} } from "${spec}";`;
    lines.push(
      one.length <= 100
        ? one
        : `export {\n${list.map((n) => `  ${n},\n`).join("")}} from "${spec}";`,
    );
  }
  return lines.join("\n") + "\n";
}

/** Groups the exports of `files` by the file to re-export them from (deduplicated). */
function groupExports(
  files: string[],
  docs: DocNodes,
  keep: (e: ExportInfo, file: string) => boolean,
): Map<string, ExportInfo[]> {
  const groups = new Map<string, ExportInfo[]>(files.map((f) => [f, []]));
  const seen = new Set<string>();
  // A name is re-exported from the public file that defines it, else from the first
  // public file that re-exports it.
  const all = files.flatMap((file) => exportsOf(docs.get(file) ?? []).map((e) => ({ e, file })));
  all.sort((a, b) => Number(b.e.definedIn === b.file) - Number(a.e.definedIn === a.file));
  for (const { e, file } of all) {
    if (seen.has(e.name) || !keep(e, file)) continue;
    // A name another area defines (softmax.ts re-exporting Matrix) is that area's export.
    if (e.definedIn.startsWith("lib/") && dirname(e.definedIn) !== dirname(file)) continue;
    seen.add(e.name);
    groups.get(file)!.push(e);
  }
  for (const names of groups.values()) names.sort((a, b) => a.name.localeCompare(b.name));
  return groups;
}

function areaModuleDoc(area: string): string {
  const { title, summary, example } = AREAS[area] ?? { title: area, summary: "", example: "" };
  const body = [wrap(`${title}: ${summary}`), ""];
  if (example) {
    body.push(`@example`, "```ts", example, "```", "");
  }
  body.push("@module");
  return `/**\n${starred(body.join("\n"))}\n */\n`;
}

/** The names each entry point exports: subpath ("." or "./activation") → names. */
type EntryIndex = Map<string, Set<string>>;

function namesOf(groups: Map<string, ExportInfo[]>): Set<string> {
  return new Set([...groups.values()].flat().map((e) => e.name));
}

/** Writes the entry points and returns the names each exports. */
function writeEntryPoints(docs: DocNodes): EntryIndex {
  const index: EntryIndex = new Map();
  const root = new Set<string>();
  const addAll = (target: Set<string>, names: Iterable<string>) => {
    for (const name of names) target.add(name);
  };
  for (const area of areas()) {
    const dir = `lib/${area}`;
    const file = `${dir}/mod.ts`;
    const groups = groupExports(publicFiles(dir), docs, (e) => !VARIANT_REGISTRY.test(e.name));
    const doc = leadingDoc(file) ?? areaModuleDoc(area);
    update(file, `${doc}\n${exportLines(file, groups)}`);
    index.set(`./${area}`, namesOf(groups));
  }
  const oracleGroups = groupExports(publicFiles("oracle"), docs, () => true);
  const oracleDoc = leadingDoc("oracle/mod.ts") ??
    `/**\n${
      starred(
        [
          wrap(
            "The oracle toolkit: numeric assertions (ulps, numpy's rtol/atol, printed digits), the fixture format, field-by-field verification of a fixture, replaying fixtures through subjects, and conformance checks of someone else's implementation against the fixtures.",
          ),
          "",
          "@example",
          "```ts",
          `import { assertClose, assertPrinted, ulpDistance } from "${PACKAGE}/oracle";`,
          `assertPrinted(Math.sqrt(2), "1.41421356");`,
          `assertClose(0.1 + 0.2, 0.3, { ulps: 1 });`,
          `if (ulpDistance(1, 1 + Number.EPSILON) !== 1) throw new Error("one ulp");`,
          "```",
          "",
          "@module",
        ].join("\n"),
      )
    }\n */\n`;
  update(
    "oracle/mod.ts",
    `${oracleDoc}\n${
      exportLines("oracle/mod.ts", oracleGroups)
    }export * from "./conformance/mod.ts";\n`,
  );
  const oracle = namesOf(oracleGroups);
  addAll(oracle, exportsOf(docs.get("oracle/conformance/mod.ts") ?? []).map((e) => e.name));
  index.set("./oracle", oracle);
  for (
    const [subpath, file] of [["./errors", "lib/errors.ts"], ["./variants", "lib/variants.ts"], [
      "./worked",
      "worked.ts",
    ]]
  ) {
    index.set(subpath, new Set(exportsOf(docs.get(file) ?? []).map((e) => e.name)));
  }

  // The root: everything but the encoder internals and the variant registries.
  addAll(root, oracle);
  addAll(root, index.get("./errors")!);
  const rootDoc = leadingDoc("mod.ts") ?? "/** nnref. @module */\n";
  const lines = [
    "// The oracle toolkit: numeric assertions, the fixture format, verification, replay, and",
    "// the conformance checks for someone else's implementation. The worked results of the",
    `// five documents are not exported here: import them from "${PACKAGE}/worked".`,
    `export * from "./oracle/mod.ts";`,
    "// Errors by kind, each a subclass of the built-in it replaces, with a stable code.",
    `export * from "./lib/errors.ts";`,
  ];
  for (const area of areas()) {
    const title = AREAS[area]?.title ?? area;
    if (area !== "wasm") {
      lines.push(
        `// ${title} (also "${PACKAGE}/${area}").`,
        `export * from "./lib/${area}/mod.ts";`,
      );
      addAll(root, index.get(`./${area}`)!);
      continue;
    }
    const kernels = groupExports(
      publicFiles("lib/wasm").filter((f) => !WASM_ENCODER_FILE.test(f.split("/").pop()!)),
      docs,
      (e) => !VARIANT_REGISTRY.test(e.name) && !WASM_INTERNAL_NAMES.has(e.name),
    );
    const names = [...kernels.values()].flat().sort((a, b) => a.name.localeCompare(b.name));
    lines.push(
      `// ${title}: the kernels; the module encoder is in "${PACKAGE}/wasm".`,
      exportLines("mod.ts", new Map([["lib/wasm/mod.ts", names]])).trimEnd(),
    );
    addAll(root, names.map((e) => e.name));
  }
  update("mod.ts", `${rootDoc}\n${lines.join("\n")}\n`);
  index.set(".", root);
  return index;
}

// ---------------------------------------------------------------------------------------
// 3. @category tags

/** Lines of a file as the current (possibly already rewritten) text. */
function currentText(file: string): string {
  return changes.get(file) ?? read(file);
}

function addCategories(docs: DocNodes, publicModules: string[]): string[] {
  const problems: string[] = [];
  // Every declaration reachable from an entry point, by file → line → category.
  const wanted = new Map<string, Map<number, string>>();
  const seen = new Set<string>();
  for (const symbols of publicModules.map((file) => docs.get(file) ?? [])) {
    for (const symbol of symbols) {
      const documented = symbol.declarations.filter((d) => d.jsDoc !== undefined);
      if (documented.length === 0) {
        const where = toRelative(symbol.declarations[0].location.filename);
        if (!seen.has(`${where}:${symbol.name}`)) {
          problems.push(`${where}: ${symbol.name} has no JSDoc`);
        }
        seen.add(`${where}:${symbol.name}`);
        continue;
      }
      for (const d of documented) {
        const file = toRelative(d.location.filename);
        if (file.startsWith("..") || file.includes("node_modules")) continue;
        if (!wanted.has(file)) wanted.set(file, new Map());
        wanted.get(file)!.set(d.location.line, categoryOf(file, symbol.name));
      }
    }
  }
  for (const [file, lines] of wanted) {
    const text = currentText(file).split("\n");
    // From the bottom up, so that inserted lines do not shift the ones still to do.
    for (const line of [...lines.keys()].sort((a, b) => b - a)) {
      const category = lines.get(line)!;
      let end = line - 1; // deno doc's lines are 0-based: the line above the declaration
      while (end >= 0 && /^\s*\/\/.*$/.test(text[end])) end--;
      if (end < 0 || !/\*\/\s*$/.test(text[end])) {
        problems.push(`${file}:${line + 1}: no JSDoc right above the declaration`);
        continue;
      }
      let start = end;
      while (start >= 0 && !/^\s*\/\*\*/.test(text[start])) start--;
      if (start < 0) {
        problems.push(`${file}:${line + 1}: unterminated JSDoc`);
        continue;
      }
      const indent = text[start].match(/^\s*/)![0];
      const tag = `${indent} * @category ${category}`;
      const existing = text.slice(start, end + 1).findIndex((l) => /^\s*\*\s*@category\b/.test(l));
      if (existing >= 0) {
        text[start + existing] = tag;
        continue;
      }
      if (start === end) {
        // A one-line JSDoc `/** Text. */` becomes a block.
        const inner = text[start].trim().replace(/^\/\*\*\s*/, "").replace(/\s*\*\/$/, "");
        text.splice(start, 1, `${indent}/**`, `${indent} * ${inner}`, tag, `${indent} */`);
        continue;
      }
      const closing = text[end];
      if (/^\s*\*\/\s*$/.test(closing)) {
        text.splice(end, 0, tag);
      } else {
        // `… text */` on the last line: move the closing to a line of its own.
        text.splice(end, 1, closing.replace(/\s*\*\/\s*$/, ""), tag, `${indent} */`);
      }
    }
    update(file, text.join("\n"));
  }
  return problems;
}

// ---------------------------------------------------------------------------------------
// 4. Examples

/** The entry points to try for a name imported from `file`, most specific first. */
function candidateSubpaths(file: string): string[] {
  const order: string[] = file === "mod.ts" ? ["."] : [];
  const area = file.match(/^lib\/([^/]+)\//)?.[1];
  if (area) order.push(`./${area}`);
  if (file === "lib/errors.ts") order.push("./errors");
  if (file === "lib/variants.ts") order.push("./variants");
  if (file.startsWith("oracle/")) order.push("./oracle");
  if (file.startsWith("worked/") || file === "worked.ts") order.push("./worked");
  order.push("./variants", "./oracle", ".");
  return [...new Set(order)];
}

function specifierOf(subpath: string): string {
  return subpath === "." ? PACKAGE : `${PACKAGE}/${subpath.slice(2)}`;
}

interface ImportLine {
  text: string;
  typeOnly: boolean;
  names: { name: string; alias: string; type: boolean }[];
  from: string;
}

const IMPORT = /^import\s+(type\s+)?\{([^}]*)\}\s+from\s+"([^"]+)";[ \t]*\n?/gm;

function parseImports(code: string): ImportLine[] {
  return [...code.matchAll(IMPORT)].map((m) => ({
    text: m[0],
    typeOnly: Boolean(m[1]),
    from: m[3],
    names: m[2].split(",").map((s) => s.trim()).filter(Boolean).map((s) => {
      const type = s.startsWith("type ");
      const [name, alias] = s.replace(/^type\s+/, "").split(/\s+as\s+/);
      return { name, alias: alias ?? name, type };
    }),
  }));
}

function formatImport(names: string[], from: string): string {
  const one = `import { ${names.join(", ")} } from "${from}";`;
  return one.length <= 96
    ? one
    : `import {\n${names.map((n) => `  ${n},\n`).join("")}} from "${from}";`;
}

/** Identifiers used as values or types in `code`, outside strings and comments. */
function identifiers(code: string): Set<string> {
  const stripped = code
    .replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, '""')
    .replace(/\/\/[^\n]*/g, "")
    .replace(
      /`(?:[^`\\]|\\.)*`/g,
      (t) => [...t.matchAll(/\$\{([^}]*)\}/g)].map((m) => m[1]).join(" "),
    );
  const found = new Set<string>();
  for (const m of stripped.matchAll(/(?<![\w$.])[A-Za-z_$][\w$]*/g)) found.add(m[0]);
  return found;
}

/** Names the example declares at its top level (which an import must not shadow). */
function declared(code: string): Set<string> {
  const names = new Set<string>();
  for (
    const m of code.matchAll(/^(?:const|let|var|function\*?|class|type|interface)\s+([\w$]+)/gm)
  ) {
    names.add(m[1]);
  }
  for (const m of code.matchAll(/^(?:const|let|var)\s*[{[]([^}\]=]*)[}\]]/gm)) {
    for (const part of m[1].split(",")) {
      const name = part.split(":").pop()!.trim().replace(/^\.\.\./, "");
      if (/^[\w$]+$/.test(name)) names.add(name);
    }
  }
  return names;
}

/** Splits `s` at its top-level occurrences of `separator` (outside (), [], {}). */
function splitTopLevel(s: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0, last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) depth--;
    else if (depth === 0 && s.startsWith(separator, i)) {
      parts.push(s.slice(last, i));
      last = i + separator.length;
      i += separator.length - 1;
    }
  }
  parts.push(s.slice(last));
  return parts;
}

/** The argument of a leading `Math.abs(…)` and what follows it, or null. */
function mathAbs(s: string): [string, string] | null {
  if (!s.startsWith("Math.abs(")) return null;
  let depth = 0;
  for (let i = "Math.abs".length; i < s.length; i++) {
    if (s[i] === "(") depth++;
    else if (s[i] === ")" && --depth === 0) return [s.slice("Math.abs(".length, i), s.slice(i + 1)];
  }
  return null;
}

/**
 * `if (Math.abs(a - b) > t [|| Math.abs(c - d) > u …]) throw new Error(m);` on one line →
 * `assertClose(a, b, { atol: t }, m);` per term, when each b has no top-level + or −.
 */
function toAssertClose(line: string): string[] | null {
  const m = line.match(/^(\s*)if \((.*)\) throw new Error\(((?:[^()]|\([^()]*\))*)\);$/);
  if (!m) return null;
  const [, indent, condition, message] = m;
  const out: string[] = [];
  for (const term of splitTopLevel(condition, " || ")) {
    const abs = mathAbs(term.trim());
    if (!abs) return null;
    const [argument, rest] = abs;
    const bound = rest.match(/^ > (.+)$/)?.[1];
    if (!bound || /[<>=&|?]/.test(bound)) return null;
    const sides = splitTopLevel(argument, " - ");
    if (sides.length < 2) return null;
    const expected = sides.pop()!;
    const actual = sides.join(" - ");
    if (splitTopLevel(expected, " + ").length > 1 || splitTopLevel(expected, " - ").length > 1) {
      return null;
    }
    const context = message.trim() ? `, ${message.trim()}` : "";
    out.push(
      `${indent}assertClose(${actual.trim()}, ${expected.trim()}, { atol: ${bound.trim()} }${context});`,
    );
  }
  return out;
}

/** Rewrites one example's code (JSDoc stars removed); returns the new code. */
function rewriteExample(
  code: string,
  file: string,
  index: EntryIndex,
  ownExports: Map<string, boolean>,
  problems: string[],
  where: string,
): string {
  // Tolerance checks → assertClose.
  let usesAssertClose = false;
  code = code.split("\n").map((line) => {
    const replaced = toAssertClose(line);
    if (!replaced) return line;
    usesAssertClose = true;
    return replaced.join("\n");
  }).join("\n");

  const imports = parseImports(code);
  const bySpecifier = new Map<string, string[]>();
  const add = (from: string, name: string) => {
    if (!bySpecifier.has(from)) bySpecifier.set(from, []);
    if (!bySpecifier.get(from)!.includes(name)) bySpecifier.get(from)!.push(name);
  };
  const kept: string[] = [];
  const imported = new Set<string>();
  const isPublic = !file.split("/").pop()!.startsWith("_");
  for (const line of imports) {
    for (const n of line.names) imported.add(n.alias);
    if (!line.from.startsWith(".") || !line.from.endsWith(".ts")) {
      if (line.from.startsWith(PACKAGE)) {
        const subpath = line.from === PACKAGE ? "." : `./${line.from.slice(PACKAGE.length + 1)}`;
        const names = index.get(subpath);
        for (const n of line.names) {
          if (!names?.has(n.name)) {
            problems.push(`${where}: ${n.name} is not exported by ${line.from}`);
          }
        }
        for (const n of line.names) add(line.from, renderName(n, line.typeOnly));
        continue;
      }
      kept.push(line.text);
      continue;
    }
    const target = relative(ROOT, resolve(ROOT, dirname(file), line.from)).replaceAll("\\", "/");
    const choices = line.names.map((n) =>
      candidateSubpaths(target).find((s) => index.get(s)?.has(n.name))
    );
    if (choices.some((c) => c === undefined)) {
      kept.push(line.text); // a private module: stays relative
      continue;
    }
    line.names.forEach((n, i) => add(specifierOf(choices[i]!), renderName(n, line.typeOnly)));
  }
  // The implicit import of the example's own module (deno test --doc adds it).
  const used = identifiers(code.replace(IMPORT, ""));
  const local = declared(code);
  for (const [name, typeOnly] of [...ownExports].sort()) {
    if (!used.has(name) || imported.has(name) || local.has(name)) continue;
    const subpath = isPublic
      ? candidateSubpaths(file).find((s) => index.get(s)?.has(name))
      : undefined;
    const rendered = typeOnly ? `type ${name}` : name;
    if (subpath) add(specifierOf(subpath), rendered);
    else add(`./${file.split("/").pop()}`, rendered);
    imported.add(name);
  }
  if (usesAssertClose && !imported.has("assertClose")) {
    if (file.startsWith("oracle/") && !isPublic) add("./assert_close.ts", "assertClose");
    else add(specifierOf("./oracle"), "assertClose");
  }
  const body = code.replace(IMPORT, "").replace(/^\n+/, "");
  const lines = [
    ...kept.map((t) => t.trimEnd()),
    ...[...bySpecifier].sort(([a], [b]) => importOrder(a) - importOrder(b) || a.localeCompare(b))
      .map(([from, names]) => formatImport(names.sort(byName), from)),
  ];
  return lines.length ? `${lines.join("\n")}\n${body}` : body;
}

function renderName(n: { name: string; alias: string; type: boolean }, typeOnly: boolean): string {
  const base = n.alias === n.name ? n.name : `${n.name} as ${n.alias}`;
  return n.type || typeOnly ? `type ${base}` : base;
}

function byName(a: string, b: string): number {
  return a.replace(/^type /, "").localeCompare(b.replace(/^type /, ""));
}

function importOrder(from: string): number {
  return from.startsWith(PACKAGE) ? 0 : 1;
}

function rewriteExamples(docs: DocNodes, index: EntryIndex): string[] {
  const problems: string[] = [];
  for (const file of sourceFiles()) {
    const own = new Map(exportsOf(docs.get(file) ?? []).map((e) => [e.name, e.typeOnly]));
    const text = currentText(file);
    const next = text.replace(
      /^([ \t]*)\* ```(ts|typescript)\n([\s\S]*?)^[ \t]*\* ```$/gm,
      (block, indent: string, lang: string, inner: string, offset: number) => {
        const line = text.slice(0, offset).split("\n").length;
        const code = inner.split("\n").slice(0, -1).map((l) =>
          l.replace(new RegExp(`^${indent}\\* ?`), "")
        ).join("\n");
        const rewritten = rewriteExample(code, file, index, own, problems, `${file}:${line}`);
        if (rewritten === code) return block;
        const lines = rewritten.split("\n").map((l) => `${indent}*${l ? " " + l : ""}`);
        return [`${indent}* \`\`\`${lang}`, ...lines, `${indent}* \`\`\``].join("\n");
      },
    );
    update(file, next);
  }
  return problems;
}

/** Every module whose doc comments hold examples. */
function sourceFiles(): string[] {
  const files = [
    ...tsFiles("lib"),
    ...tsFiles("oracle"),
    ...tsFiles("worked"),
    "mod.ts",
    "worked.ts",
  ];
  // Entry points written by this run but not yet on disk.
  return [...new Set([...files, ...changes.keys()])];
}

// ---------------------------------------------------------------------------------------

function writeChanges(): void {
  for (const [file, text] of changes) writeFileSync(join(ROOT, file), text);
}

/** The entry points this script writes (never read for their exports). */
function generated(file: string): boolean {
  return file === "mod.ts" || file === "oracle/mod.ts" || /^lib\/[^/]+\/mod\.ts$/.test(file);
}

async function main(): Promise<void> {
  const docs = denoDoc(sourceFiles().filter((file) => !generated(file)));
  const index = writeEntryPoints(docs);
  const publicModules = [
    ...areas().flatMap((a) => publicFiles(`lib/${a}`)),
    ...publicFiles("oracle"),
    ...publicFiles("oracle/conformance"),
    "lib/errors.ts",
    "lib/variants.ts",
    "worked.ts",
  ];
  const problems = addCategories(docs, publicModules);
  problems.push(...rewriteExamples(docs, index));
  // The entry points are code: format them as deno fmt would (it sorts export lists).
  for (const [file, text] of changes) {
    if (!generated(file)) continue;
    const pretty = await formatted(text);
    if (existsSync(join(ROOT, file)) && read(file) === pretty) changes.delete(file);
    else changes.set(file, pretty);
  }
  for (const problem of problems) console.error(`api_docs: ${problem}`);
  if (CHECK) {
    const stale = [...changes.keys()];
    if (stale.length > 0 || problems.length > 0) {
      console.error(
        `api_docs: ${stale.length} file(s) out of date (${stale.join(", ")}); run ` +
          "`deno run --allow-read --allow-write --allow-run tools/api_docs.ts`",
      );
      process.exit(1);
    }
    console.log("api_docs: entry points, categories and examples are up to date");
    return;
  }
  writeChanges();
  console.log(`api_docs: ${changes.size} file(s) written`);
  if (problems.length > 0) process.exit(1);
}

if (import.meta.main) await main();
