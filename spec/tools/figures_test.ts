// The report's figures: every one renders (vega-lite → vega → SVG, headless) from lib/
// and the fixtures, and is a well-formed SVG document.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { buildFigures, FIGURES } from "../../tools/figures/index.ts";
import { compact } from "../../tools/figures/render.ts";
import { assertSvg, parseXmlRoot } from "./_xml.ts";
import { lacking } from "../_permissions.ts";

describe("the XML checker used on the figures", () => {
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
