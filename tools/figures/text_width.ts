// Text widths for vega's layout without a canvas. Vega's fallback guesses 0.8 em for every
// character, about 1.5 times too wide for Latin text, and lays out titles, legends and
// concatenated panels around the guess: the SVGs came out with wide blank margins. Here
// each character gets its advance width in Helvetica (the Adobe font metrics, which Arial
// and Liberation Sans share), so the layout fits what a browser draws.

/** Advance widths of the printable ASCII characters 32…126 in Helvetica, per 1000 em. */
const ASCII = [
  278,
  278,
  355,
  556,
  556,
  889,
  667,
  191,
  333,
  333,
  389,
  584,
  278,
  333,
  278,
  278, // space … /
  556,
  556,
  556,
  556,
  556,
  556,
  556,
  556,
  556,
  556,
  278,
  278,
  584,
  584,
  584,
  556, // 0 … ?
  1015,
  667,
  667,
  722,
  722,
  667,
  611,
  778,
  722,
  278,
  500,
  667,
  556,
  833,
  722,
  778, // @ … O
  667,
  778,
  722,
  667,
  611,
  722,
  667,
  944,
  667,
  667,
  611,
  278,
  278,
  278,
  469,
  556, // P … _
  333,
  556,
  556,
  500,
  556,
  556,
  278,
  556,
  556,
  222,
  222,
  500,
  222,
  833,
  556,
  556, // ` … o
  556,
  556,
  333,
  500,
  278,
  556,
  500,
  722,
  500,
  500,
  500,
  334,
  260,
  334,
  584, // p … ~
];

/** Characters outside ASCII that the figures use, per 1000 em (Arial's widths). */
const OTHER: Record<string, number> = {
  "−": 584,
  "–": 556,
  "—": 1000,
  "…": 1000,
  "×": 584,
  "·": 278,
  "≤": 549,
  "≥": 549,
  "≈": 549,
  "→": 1000,
  "←": 1000,
  "∞": 713,
  "√": 549,
  "Σ": 592,
  "∂": 494,
  "∇": 713,
  "θ": 556,
  "α": 578,
  "β": 575,
  "γ": 500,
  "ζ": 444,
  "η": 556,
  "λ": 500,
  "π": 546,
  "σ": 571,
  "δ": 556,
  "ε": 444,
  "‖": 333,
  "⁻": 333,
  "¹": 333,
  "²": 333,
  "³": 333,
  "ᵀ": 333,
  "ᵗ": 250,
  "ⁿ": 333,
  "ᵢ": 222,
  "ⱼ": 222,
  "ₜ": 278,
  "ₙ": 333,
  "₀": 333,
  "₁": 333,
  "₂": 333,
  "₃": 333,
  "₄": 333,
  "°": 400,
  "é": 556,
  "ó": 556,
  "∈": 713,
  "≠": 549,
  "±": 549,
  "½": 834,
  "⌈": 384,
  "⌉": 384,
};

/** Width of one character, per 1000 em: CJK and full-width forms take one em. */
function advance(char: string): number {
  const code = char.codePointAt(0)!;
  if (code >= 32 && code <= 126) return ASCII[code - 32];
  if (char in OTHER) return OTHER[char];
  if ((code >= 0x2e80 && code <= 0x9fff) || (code >= 0xff00 && code <= 0xffef)) return 1000;
  if (code >= 0x0300 && code <= 0x036f) return 0; // combining marks
  return 600;
}

/** Width in pixels of `text` at `fontSize`, 7 % wider when bold (Helvetica-Bold's average). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let sum = 0;
  for (const char of text) sum += advance(char);
  return (sum / 1000) * fontSize * (bold ? 1.07 : 1);
}

interface TextItem {
  fontSize?: number | string;
  fontWeight?: number | string;
  limit?: number;
}

/**
 * A `vega.textMetrics.width` replacement: the width of `text` as `item` draws it (vega
 * calls it with `text` possibly undefined for a whole item).
 */
export function vegaTextWidth(item: TextItem, text: unknown): number {
  const value = text === null || text === undefined ? "" : String(text).trim();
  const size = item.fontSize === undefined || item.fontSize === null ? 11 : +item.fontSize || 0;
  const weight = item.fontWeight;
  const bold = weight === "bold" || (typeof weight === "number" && weight >= 600);
  const width = textWidth(value, size, bold);
  // A label with a limit is truncated with an ellipsis to fit it.
  return item.limit !== undefined && item.limit > 0 ? Math.min(width, item.limit) : width;
}
