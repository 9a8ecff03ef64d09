// Doc examples made copyable (tools/api_docs.ts, pass 4): relative imports of public
// modules become package imports, the implicit import of the example's own module is
// written out, and one-line tolerance checks become assertClose calls.
import { dirname, relative, resolve } from "node:path";
import { PACKAGE } from "./areas.ts";

/** The names each entry point exports: subpath ("." or "./activation") → names. */
export type EntryIndex = Map<string, Set<string>>;

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), "../..");

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

export function specifierOf(subpath: string): string {
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
export function rewriteExample(
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
