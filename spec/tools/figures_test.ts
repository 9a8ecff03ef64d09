// The report's figures: every one renders (vega-lite → vega → SVG, headless) from lib/
// and the fixtures, and is a well-formed SVG document.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { buildFigures, FIGURES } from "../../tools/figures/index.ts";
import { compact } from "../../tools/figures/render.ts";
import { compareFigures } from "../../tools/figures/sync.ts";
import { textWidth, vegaTextWidth } from "../../tools/figures/text_width.ts";
import { assertSvg, parseXmlRoot } from "../../tools/figures/svg_check.ts";
import { lacking } from "../_permissions.ts";

describe("the XML checker that figures sync applies to every figure", () => {
  it("accepts a small SVG with entities, comments and self-closing tags", () => {
    assertSvg(
      '<?xml version="1.0"?><!-- c --><svg xmlns="http://www.w3.org/2000/svg"><g a="1 &amp; 2">' +
        "<text>x &lt; y &#x2212; 1</text><path d='M0,0'/></g></svg>",
    );
  });
  const bad: [string, string, RegExp][] = [
    ["an unclosed element", '<svg xmlns="http://www.w3.org/2000/svg"><g></svg>', /closes <g>/],
    ["a stray end tag", "<svg></g></svg>", /closes <svg>/],
    ["an unquoted attribute", "<svg a=1></svg>", /malformed attribute/],
    ["a repeated attribute", '<svg a="1" a="2"></svg>', /repeated attribute a/],
    ["a bare ampersand", "<svg><text>a & b</text></svg>", /unterminated entity|unknown entity/],
    ["two roots", "<svg></svg><svg></svg>", /second root/],
    ["text outside the root", "<svg></svg>tail", /text outside the root/],
    ["a missing end", "<svg><g/>", /<svg> is never closed/],
  ];
  for (const [what, text, message] of bad) {
    it(`rejects ${what}`, () => {
      assert.throws(() => parseXmlRoot(text), { name: "SyntaxError", message });
    });
  }
  it("rejects a root that is not <svg> in the SVG namespace", () => {
    assert.throws(() => assertSvg("<html></html>"), /root element is <html>/);
    assert.throws(() => assertSvg("<svg></svg>"), /lacks xmlns/);
  });
});

describe("compact: geometry rounded, text kept", () => {
  it("rounds path data and transforms but not text", () => {
    const svg = '<path d="M14.545454,299.393939h6.06"/><g transform="translate(1.23456,0)">' +
      "<text>6.08613445</text></g>";
    assert.equal(
      compact(svg),
      '<path d="M14.55,299.39h6.06"/><g transform="translate(1.23,0)"><text>6.08613445</text></g>',
    );
  });
});

describe("text widths for the layout (Helvetica's metrics, not vega's 0.8 em guess)", () => {
  it("adds the advance widths: 'Hello' at 10 px is (722 + 556 + 222 + 222 + 556)/100 px", () => {
    assert.equal(textWidth("Hello", 10), 22.78);
    assert.ok(textWidth("Hello", 10) < 0.8 * 5 * 10, "narrower than vega's estimate");
  });
  it("gives CJK characters one em and bold text 7 % more", () => {
    assert.equal(textWidth("梯度", 12), 24);
    assert.equal(textWidth("W", 10, true), 9.44 * 1.07);
  });
  it("reads vega's items: default size 11, bold by weight, truncation at the limit", () => {
    assert.equal(vegaTextWidth({}, "i"), 0.222 * 11);
    assert.equal(vegaTextWidth({ fontSize: 10, fontWeight: "bold" }, "W"), 9.44 * 1.07);
    assert.equal(vegaTextWidth({ fontSize: 10, limit: 5 }, "WWWW"), 5);
    assert.equal(vegaTextWidth({ fontSize: 10 }, undefined), 0);
  });
});

const skip = lacking("read");
const figures = skip ? [] : await buildFigures();

describe("report figures", { skip }, () => {
  it("every figure in FIGURES was built", () => {
    assert.deepEqual(figures.map((f) => f.name), Object.keys(FIGURES));
  });
  for (const figure of figures) {
    it(`${figure.name} renders to a well-formed SVG`, () => {
      assert.equal(figure.error, "", `${figure.name}: ${figure.error}`);
      assert.ok(figure.svg !== null);
      assertSvg(figure.svg);
      assert.ok(figure.svg.length < 400_000, `${figure.name} is ${figure.svg.length} bytes`);
      assert.ok(figure.svg.includes(figure.title.replace(/&/g, "&amp;").slice(0, 20)), "titled");
    });
  }
});

describe("docs/figures/ is the report's figures, byte for byte (regenerate: deno task figures)", {
  skip,
}, () => {
  it("every rendered figure is there unchanged, and nothing else is", () => {
    assert.deepEqual(compareFigures(figures, "docs/figures"), []);
  });
  it("the comparison notices a changed, a missing and a stray file", () => {
    const changed = figures.map((f, i) => i === 0 ? { ...f, svg: `${f.svg}<!-- x -->` } : f);
    assert.match(compareFigures(changed, "docs/figures").join(), /differs/);
    assert.match(
      compareFigures(
        [{ name: "nope", svg: '<svg xmlns="http://www.w3.org/2000/svg"/>', error: "" }],
        "docs/figures",
      ).join(),
      /missing.*not a figure of the report/,
    );
  });
  it("a rendered figure that is not well-formed SVG is a problem before any comparison", () => {
    const broken = figures.map((f, i) => i === 0 ? { ...f, svg: `${f.svg}<g>` } : f);
    assert.match(
      compareFigures(broken, "docs/figures")[0],
      new RegExp(`^${figures[0].name}: not a well-formed SVG \\(XML not well formed`),
    );
  });
  it("each title names the document and section it illustrates (or NIST, beyond them)", () => {
    for (const figure of figures) {
      assert.match(figure.title, /^(S[0-4] §|NIST )/, figure.name);
    }
  });
});
