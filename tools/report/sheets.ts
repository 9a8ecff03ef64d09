// Writes the errata sheets: HTML and Markdown pages, the figures beside them, and KaTeX's
// stylesheet and fonts (woff2, which every current browser reads), so the folder opens
// from disk with no network.
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { RenderedFigure } from "../figures/index.ts";
import type { Report } from "./build.ts";
import { appendixPage, documentPage, indexPage } from "./html.ts";
import { markdownSheets } from "./markdown.ts";
import { sheetName } from "./sheet_parts.ts";

/** KaTeX's dist/ folder in node_modules. */
function katexDist(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return join(here, "..", "..", "node_modules", "katex", "dist");
}

/** The pages of the sheets, by file name. */
export function sheetPages(report: Report): Record<string, string> {
  const pages: Record<string, string> = { "index.html": indexPage(report) };
  for (const sheet of report.documents) {
    pages[`${sheetName(sheet)}.html`] = documentPage(sheet, report);
  }
  pages["appendix.html"] = appendixPage(report);
  return { ...pages, ...markdownSheets(report) };
}

/**
 * Writes every page, the figures and KaTeX's assets to `dir`.
 *
 * @returns The files written (relative to `dir`).
 */
export function writeSheets(
  report: Report,
  figures: readonly RenderedFigure[],
  dir: string,
): string[] {
  const written: string[] = [];
  mkdirSync(join(dir, "figures"), { recursive: true });
  for (const [name, text] of Object.entries(sheetPages(report))) {
    writeFileSync(join(dir, name), text);
    written.push(name);
  }
  for (const figure of figures) {
    if (figure.svg === null) continue;
    writeFileSync(join(dir, "figures", `${figure.name}.svg`), figure.svg);
    written.push(`figures/${figure.name}.svg`);
  }
  const dist = katexDist();
  if (!existsSync(dist)) throw new Error(`KaTeX is not installed (${dist}); run npm ci`);
  mkdirSync(join(dir, "katex", "fonts"), { recursive: true });
  copyFileSync(join(dist, "katex.min.css"), join(dir, "katex", "katex.min.css"));
  written.push("katex/katex.min.css");
  for (const font of readdirSync(join(dist, "fonts")).filter((f) => f.endsWith(".woff2"))) {
    copyFileSync(join(dist, "fonts", font), join(dir, "katex", "fonts", font));
    written.push(`katex/fonts/${font}`);
  }
  return written;
}
