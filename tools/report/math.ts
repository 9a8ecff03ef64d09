// Formulas in the sheets: text is split into prose and TeX ($…$, $$…$$, \(…\), \[…\]; a
// passage with no delimiters that is TeX through and through counts as one formula), and
// each formula is rendered to HTML with KaTeX at build time, so nothing needs a network or
// JavaScript when the page is read. The documents' TeX is not always well formed (an
// unmatched \left, a line torn out of an aligned environment); such formulas are repaired
// in small, listed steps, and any that still fail are collected, never shown raw.
import katex from "katex";

/** One piece of a text: prose, or a formula inline or displayed. */
export interface Segment {
  readonly kind: "text" | "inline" | "display";
  readonly source: string;
}

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

/** Whether a delimiter-free passage is TeX through and through (and not prose or code). */
export function looksLikeTex(text: string): boolean {
  return /\\[A-Za-z]+|[_^]\{/.test(text) && !CJK.test(text) &&
    !/\b(np|def|print|return)\b/.test(text);
}

/**
 * Splits `text` into prose and formulas. With `bare` (for passages quoted from a document),
 * a passage without delimiters that is TeX through and through counts as one formula; our
 * own prose always marks its formulas with $…$.
 */
export function segments(text: string, bare = true): Segment[] {
  const out: Segment[] = [];
  const pattern = /\$\$([\s\S]+?)\$\$|\\\[([\s\S]+?)\\\]|\\\(([\s\S]+?)\\\)|(?<!\\)\$([^$]+?)\$/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index! > last) out.push({ kind: "text", source: text.slice(last, match.index) });
    const [, display, bracket, paren, inline] = match;
    if (display !== undefined || bracket !== undefined) {
      out.push({ kind: "display", source: (display ?? bracket).trim() });
    } else out.push({ kind: "inline", source: (paren ?? inline).trim() });
    last = match.index! + match[0].length;
  }
  if (last < text.length) out.push({ kind: "text", source: text.slice(last) });
  if (bare && out.length === 1 && out[0].kind === "text" && looksLikeTex(text)) {
    return [{ kind: /&|\\\\|\\tag/.test(text) ? "display" : "inline", source: text.trim() }];
  }
  return out;
}

/** Formulas that KaTeX could not render even after the repairs (the spec keeps this empty). */
export const mathFailures: { source: string; error: string }[] = [];

/** The repairs tried in turn when KaTeX refuses a formula as printed. */
const torn = (tex: string) =>
  tex.replace(/\\(begin|end)\{(aligned|align\*?|cases|bmatrix)\}/g, "").replace(/\\\\\s*$/, "");
const REPAIRS: readonly [string, (tex: string) => string][] = [
  ["as printed", (tex) => tex],
  ["a torn environment closed", (tex) => `\\begin{aligned}${torn(tex)}\\end{aligned}`],
  [
    "a line of an aligned environment",
    (tex) => `\\begin{aligned}${tex.replace(/\\\\\s*$/, "")}\\end{aligned}`,
  ],
  ["unmatched \\left/\\right dropped", (tex) => tex.replace(/\\left|\\right/g, "")],
  [
    "both",
    (tex) =>
      `\\begin{aligned}${tex.replace(/\\left|\\right/g, "").replace(/\\\\\s*$/, "")}\\end{aligned}`,
  ],
];

/** Renders one formula to HTML (KaTeX, HTML and MathML). */
export function renderFormula(tex: string, display: boolean): string {
  let error = "";
  for (const [, repair] of REPAIRS) {
    try {
      return katex.renderToString(repair(tex), {
        displayMode: display,
        throwOnError: true,
        strict: "ignore",
        output: "htmlAndMathml",
        trust: false,
      });
    } catch (e) {
      error ||= (e as Error).message;
    }
  }
  mathFailures.push({ source: tex, error });
  return `<span class="tex-failed" title="${escapeHtml(error)}">${escapeHtml(tex)}</span>`;
}

/** HTML-escapes text. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** Text with its formulas rendered, as HTML (`bare`: a quoted passage, see {@link segments}). */
export function renderText(text: string, bare = false): string {
  return segments(text, bare).map((s) =>
    s.kind === "text" ? escapeHtml(s.source) : renderFormula(s.source, s.kind === "display")
  ).join("");
}

/** Text with its formulas as Markdown math ($…$ inline, $$…$$ on their own lines). */
export function markdownText(text: string, bare = false): string {
  return segments(text, bare).map((s) => {
    if (s.kind === "text") return s.source.replace(/\|/g, "\\|");
    if (s.kind === "inline") return `$${s.source}$`;
    return `\n\n$$\n${s.source.replace(/\\\\\s*$/, "")}\n$$\n\n`;
  }).join("");
}
