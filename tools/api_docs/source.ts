// Reading the tree for tools/api_docs.ts: its files, its areas, `deno doc --json` with
// re-exports resolved to the declarations they point to, and text helpers.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

/** The repository root. */
export const ROOT = resolve(dirname(new URL(import.meta.url).pathname), "../..");

export function read(file: string): string {
  return readFileSync(join(ROOT, file), "utf8");
}

export function tsFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).sort().flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(ROOT, path)).isDirectory()) return tsFiles(path);
    return name.endsWith(".ts") ? [path] : [];
  });
}

/** The areas: directories of lib/ without a leading "_". */
export function areas(): string[] {
  return readdirSync(join(ROOT, "lib")).filter((name) =>
    !name.startsWith("_") && statSync(join(ROOT, "lib", name)).isDirectory()
  ).sort();
}

/** The public files of a directory: *.ts without a leading "_", other than mod.ts. */
export function publicFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).filter((name) =>
    name.endsWith(".ts") && !name.startsWith("_") && name !== "mod.ts" &&
    statSync(join(ROOT, dir, name)).isFile()
  ).sort().map((name) => `${dir}/${name}`);
}

export interface Declaration {
  kind: string;
  declarationKind: string;
  location: { filename: string; line: number };
  jsDoc?: unknown;
  def?: { target?: { filename: string; line: number } };
}
export interface DocSymbol {
  name: string;
  declarations: Declaration[];
}
export type DocNodes = Map<string, DocSymbol[]>;

/** `deno doc --json` of the given files: symbols by file (paths relative to the root). */
export function denoDoc(files: string[]): DocNodes {
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

export function toRelative(url: string): string {
  return relative(ROOT, decodeURIComponent(new URL(url).pathname)).replaceAll("\\", "/");
}

const TYPE_KINDS = new Set(["interface", "typeAlias"]);

/** One export of a module: its name, whether only a type, and the file defining it. */
export interface ExportInfo {
  name: string;
  typeOnly: boolean;
  definedIn: string;
}

export function exportsOf(symbols: DocSymbol[]): ExportInfo[] {
  return symbols.filter((s) => s.declarations.some((d) => d.declarationKind === "export"))
    .map((s) => ({
      name: s.name,
      typeOnly: s.declarations.every((d) => TYPE_KINDS.has(d.kind)),
      definedIn: toRelative(s.declarations[0].location.filename),
    }));
}

/** `text` as `deno fmt` (with deno.json's options) would write it. */
export async function formatted(text: string): Promise<string> {
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

export function starred(text: string, indent = ""): string {
  return text.split("\n").map((line) => `${indent} *${line ? " " + line : ""}`).join("\n");
}

/** Wraps prose at `width` columns (code lines and tags are left alone). */
export function wrap(text: string, width = 90): string {
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
