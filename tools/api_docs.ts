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
import { existsSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import process from "node:process";
import {
  AREAS,
  categoryOf,
  PACKAGE,
  VARIANT_REGISTRY,
  WASM_ENCODER_FILE,
  WASM_INTERNAL_NAMES,
} from "./api_docs/areas.ts";
import { type EntryIndex, rewriteExample } from "./api_docs/examples.ts";
import {
  areas,
  denoDoc,
  type DocNodes,
  type ExportInfo,
  exportsOf,
  formatted,
  publicFiles,
  read,
  ROOT,
  starred,
  toRelative,
  tsFiles,
  wrap,
} from "./api_docs/source.ts";

const CHECK = process.argv.includes("--check");

// ---------------------------------------------------------------------------------------
// Files and `deno doc --json`

// ---------------------------------------------------------------------------------------
// 1–2. Entry points

const changes = new Map<string, string>();

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
        text[start + existing] = /\*\/\s*$/.test(text[start + existing]) ? `${tag} */` : tag;
        // `/**`, ` * Text.`, ` * @category X`, ` */` is the one-line form: keep it at two lines.
        const block = text.slice(start, end + 1);
        if (
          block.length === 4 && /^\s*\/\*\*\s*$/.test(block[0]) && existing === 2 &&
          /^\s*\*\/\s*$/.test(block[3]) && !/^\s*\*\s*@/.test(block[1])
        ) {
          const inner = block[1].replace(/^\s*\* ?/, "");
          text.splice(start, 4, `${indent}/** ${inner}`, `${tag} */`);
        }
        continue;
      }
      if (start === end) {
        // A one-line JSDoc `/** Text. */` gains one line: `/** Text.` + ` * @category X */`.
        const inner = text[start].trim().replace(/^\/\*\*\s*/, "").replace(/\s*\*\/$/, "");
        text.splice(start, 1, `${indent}/** ${inner}`, `${tag} */`);
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
