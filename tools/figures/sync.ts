// docs/figures/ holds the report's figures for the README. They are generated, never edited:
//
//   deno task figures          render every figure into docs/figures/ (and drop stale ones)
//   deno task figures:check    exit 1, naming each file, when docs/figures/ differs from a
//                              fresh rendering (.ci/run runs this)
//
// The report (`npm start`) renders the same figures into out/figures/.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import process from "node:process";
import { buildFigures } from "./index.ts";
import { assertSvg } from "./svg_check.ts";

/** Why `svg` is not a well-formed SVG document, or null when it is. */
function svgProblem(svg: string): string | null {
  try {
    assertSvg(svg);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** What differs between the rendered figures and the SVG files in `dir`. */
export function compareFigures(
  rendered: readonly { name: string; svg: string | null; error: string }[],
  dir: string,
): string[] {
  const problems: string[] = [];
  const names = new Set(rendered.map((figure) => figure.name));
  for (const figure of rendered) {
    const path = join(dir, `${figure.name}.svg`);
    if (figure.svg === null) problems.push(`${figure.name}: not rendered (${figure.error})`);
    else if (svgProblem(figure.svg) !== null) {
      problems.push(`${figure.name}: not a well-formed SVG (${svgProblem(figure.svg)})`);
    } else if (!existsSync(path)) problems.push(`${path} is missing`);
    else if (readFileSync(path, "utf8") !== figure.svg) {
      problems.push(`${path} differs from the rendered figure`);
    }
  }
  if (existsSync(dir)) {
    for (const file of readdirSync(dir)) {
      if (file.endsWith(".svg") && !names.has(file.slice(0, -4))) {
        problems.push(`${join(dir, file)} is not a figure of the report`);
      }
    }
  }
  return problems;
}

async function main(): Promise<number> {
  const check = process.argv.includes("--check");
  const dir = join("docs", "figures");
  const rendered = await buildFigures();
  if (check) {
    const problems = compareFigures(rendered, dir);
    for (const problem of problems) console.error(`figures: ${problem}`);
    if (problems.length > 0) {
      console.error("figures: docs/figures/ is stale; regenerate it with `deno task figures`");
      return 1;
    }
    console.log(`figures: docs/figures/ matches the ${rendered.length} rendered figures`);
    return 0;
  }
  mkdirSync(dir, { recursive: true });
  for (const file of readdirSync(dir)) {
    if (file.endsWith(".svg")) rmSync(join(dir, file));
  }
  let failed = 0;
  for (const figure of rendered) {
    const problem = figure.svg === null ? `not rendered: ${figure.error}` : svgProblem(figure.svg);
    if (problem !== null || figure.svg === null) {
      console.error(`figures: ${figure.name} ${problem}`);
      failed++;
    } else writeFileSync(join(dir, `${figure.name}.svg`), figure.svg);
  }
  console.log(`figures: wrote ${rendered.length - failed} SVGs to ${dir}/`);
  return failed === 0 ? 0 : 1;
}

if (import.meta.main) process.exitCode = await main();
