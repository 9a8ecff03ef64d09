// The layer check (CI): nnref is three layers, each importing only from those below.
//
//   1. the math library   lib/**          relative .ts imports within lib/ only; no bare
//                                          specifiers, no node:, no Deno.*/Bun.*
//   2. the oracle toolkit oracle/**       oracle/ only, plus the exceptions in ORACLE_MAY_USE
//   3. the worked results worked/**       lib/, oracle/, worked/
//   entry points          mod.ts          lib/ and oracle/ (never worked/)
//                         worked.ts       anything above
//   on top                tools/, bench/, spec/   anything
//
// and no import cycle anywhere. Imports are read from the code with comments removed, so
// a doc example's `import` (inside a comment) is not an import of the module.
//
//   deno run --allow-read tools/check_layers.ts [root]     exits 1 and lists every violation
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import process from "node:process";

/**
 * What the oracle may import from the math library, and why. Everything else under lib/
 * is off limits to it.
 */
export const ORACLE_MAY_USE: Readonly<Record<string, { typeOnly: boolean; why: string }>> = {
  "lib/linalg/matrix.ts": { typeOnly: true, why: "the Matrix type a checked value may have" },
  "lib/errors.ts": {
    typeOnly: false,
    why: "one hierarchy of typed errors for the whole package, so a caller catches one set",
  },
};

/** One import of one file. */
export interface ImportEdge {
  readonly from: string;
  readonly to: string;
  readonly specifier: string;
  readonly typeOnly: boolean;
}

/** Removes comments, keeping strings (and line breaks, so positions stay close). */
export function stripComments(source: string): string {
  let out = "";
  let i = 0;
  while (i < source.length) {
    const c = source[i], next = source[i + 1];
    if (c === "/" && next === "/") {
      while (i < source.length && source[i] !== "\n") i++;
    } else if (c === "/" && next === "*") {
      i += 2;
      while (i < source.length && !(source[i] === "*" && source[i + 1] === "/")) {
        if (source[i] === "\n") out += "\n";
        i++;
      }
      i += 2;
    } else if (c === '"' || c === "'" || c === "`") {
      const quote = c;
      out += c;
      i++;
      while (i < source.length && source[i] !== quote) {
        if (source[i] === "\\") out += source[i++];
        out += source[i++];
      }
      out += source[i++] ?? "";
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

const IMPORT =
  /(?:^|[;\s])(import|export)\s+(type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?["']([^"']+)["']/g;
const DYNAMIC = /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g;

/** The static and dynamic imports of one source file (comments ignored). */
export function importsOf(source: string): { specifier: string; typeOnly: boolean }[] {
  const code = stripComments(source);
  const found: { specifier: string; typeOnly: boolean }[] = [];
  for (const match of code.matchAll(IMPORT)) {
    found.push({ specifier: match[3], typeOnly: match[2] !== undefined });
  }
  for (const match of code.matchAll(DYNAMIC)) found.push({ specifier: match[1], typeOnly: false });
  return found;
}

function walk(root: string, dir: string, files: string[]): void {
  for (const name of readdirSync(join(root, dir))) {
    if (name === "node_modules" || name.startsWith(".") || name === "out") continue;
    const path = dir ? `${dir}/${name}` : name;
    if (statSync(join(root, path)).isDirectory()) walk(root, path, files);
    else if (/\.(ts|mts|js|mjs)$/.test(name)) files.push(path);
  }
}

/** Which layer a repository path belongs to. */
export function layerOf(
  path: string,
): "lib" | "oracle" | "worked" | "mod" | "worked-entry" | "top" {
  if (path.startsWith("lib/")) return "lib";
  if (path.startsWith("oracle/")) return "oracle";
  if (path.startsWith("worked/")) return "worked";
  if (path === "mod.ts") return "mod";
  if (path === "worked.ts") return "worked-entry";
  return "top";
}

/** The violation, if any, of one import edge (a message), or null. */
export function edgeViolation(edge: ImportEdge): string | null {
  const from = layerOf(edge.from), to = layerOf(edge.to);
  const where = `${edge.from} imports "${edge.specifier}"`;
  if (from === "lib") {
    if (!edge.specifier.startsWith(".")) {
      return `${where}: the math library takes no bare or URL specifiers (relative .ts only)`;
    }
    if (to !== "lib") return `${where}: the math library imports only from lib/ (got ${edge.to})`;
  }
  if (from === "oracle" && to !== "oracle") {
    const allowed = ORACLE_MAY_USE[edge.to];
    if (!allowed) return `${where}: the oracle toolkit imports only from oracle/ (got ${edge.to})`;
    if (allowed.typeOnly && !edge.typeOnly) {
      return `${where}: the oracle may use ${edge.to} for types only (write \`import type\`)`;
    }
  }
  if (from === "worked" && !["lib", "oracle", "worked"].includes(to)) {
    return `${where}: the worked results import only from lib/, oracle/ and worked/`;
  }
  if (from === "mod" && !["lib", "oracle"].includes(to)) {
    return `${where}: mod.ts exports the math library and the oracle only, not ${edge.to}`;
  }
  return null;
}

/** Every cycle of the import graph, each as the list of files around it (Tarjan's SCCs). */
export function cyclesOf(edges: readonly ImportEdge[]): string[][] {
  const graph = new Map<string, string[]>();
  for (const e of edges) {
    if (!graph.has(e.from)) graph.set(e.from, []);
    if (!graph.has(e.to)) graph.set(e.to, []);
    graph.get(e.from)!.push(e.to);
  }
  let index = 0;
  const indices = new Map<string, number>(), low = new Map<string, number>();
  const stack: string[] = [], onStack = new Set<string>(), cycles: string[][] = [];
  // Iterative Tarjan: no recursion, so a long chain of imports cannot overflow the stack.
  for (const start of graph.keys()) {
    if (indices.has(start)) continue;
    const work: { node: string; next: number }[] = [{ node: start, next: 0 }];
    indices.set(start, index), low.set(start, index++), stack.push(start), onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const targets = graph.get(frame.node)!;
      if (frame.next < targets.length) {
        const target = targets[frame.next++];
        if (!indices.has(target)) {
          indices.set(target, index), low.set(target, index++);
          stack.push(target), onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, indices.get(target)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === indices.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        const selfLoop = graph.get(frame.node)!.includes(frame.node);
        if (component.length > 1 || selfLoop) cycles.push(component.sort());
      }
    }
  }
  return cycles;
}

/** Every import edge between files of the repository at `root`. */
export function importEdges(root: string): ImportEdge[] {
  const files: string[] = [];
  walk(root, "", files);
  const edges: ImportEdge[] = [];
  for (const file of files) {
    for (const { specifier, typeOnly } of importsOf(readFileSync(join(root, file), "utf8"))) {
      const to = specifier.startsWith(".")
        ? relative(root, normalize(join(root, dirname(file), specifier))).replaceAll("\\", "/")
        : specifier;
      edges.push({ from: file, to, specifier, typeOnly });
    }
  }
  return edges;
}

/** Every layer violation, runtime-specific API in lib/, and import cycle under `root`. */
export function checkLayers(root: string): string[] {
  const edges = importEdges(root);
  const problems: string[] = [];
  for (const edge of edges) {
    const problem = edgeViolation(edge);
    if (problem) problems.push(problem);
  }
  const libFiles: string[] = [];
  walk(root, "lib", libFiles);
  for (const file of libFiles) {
    const code = stripComments(readFileSync(join(root, file), "utf8"));
    const runtime = code.match(/\b(Deno|Bun)\s*\./);
    if (runtime) {
      problems.push(
        `${file} uses ${
          runtime[1]
        }.*: the math library must run unchanged on Deno, Bun and in browsers`,
      );
    }
  }
  const local = edges.filter((e) => e.specifier.startsWith("."));
  for (const cycle of cyclesOf(local)) problems.push(`import cycle: ${cycle.join(" → ")}`);
  return problems;
}

if (import.meta.main) {
  const root = process.argv[2] ?? ".";
  const problems = checkLayers(root);
  const edges = importEdges(root).length;
  if (problems.length === 0) {
    console.log(`layers: ok (${edges} imports; lib → oracle → worked → tools, no cycles)`);
  } else {
    for (const problem of problems) console.error(`layers: ${problem}`);
    console.error(`layers: ${problems.length} problem${problems.length === 1 ? "" : "s"}`);
    process.exit(1);
  }
}
