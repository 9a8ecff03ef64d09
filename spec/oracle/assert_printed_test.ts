import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { assertPrinted, parsePrinted, printedMismatch } from "../../oracle/assert_printed.ts";
import { AssertionError } from "../../oracle/assertion_error.ts";

describe("parsePrinted reads the document's digits and the unit of the last one", () => {
  const cases: [string, number, number][] = [
    ["6.08613445378149", 6.08613445378149, 1e-14],
    ["63", 63, 1],
    ["-0.2815", -0.2815, 1e-4],
    ["\u22123.5", -3.5, 0.1],
    ["1.5e-07", 1.5e-7, 1e-8],
    ["2E3", 2000, 1000],
    [".5", 0.5, 0.1],
    ["7.", 7, 1],
  ];
  for (const [text, value, unit] of cases) {
    it(`"${text}" is ${value} with unit ${unit}`, () => {
      const parsed = parsePrinted(text);
      assert.equal(parsed.value, value);
      assert.ok(Math.abs(parsed.unit - unit) <= unit * 1e-15, `unit ${parsed.unit}`);
    });
  }
  it("reads NaN and infinities as exact values", () => {
    assert.ok(Number.isNaN(parsePrinted("nan").value));
    assert.equal(parsePrinted("-inf").value, -Infinity);
    assert.equal(parsePrinted("Infinity").value, Infinity);
  });
  it("refuses text that is not a number", () => {
    for (const bad of ["", "1,5", "abc", "1.2.3", "."]) {
      assert.throws(() => parsePrinted(bad), {
        name: "InputTypeError",
        message: /Cannot read .* as a printed number/,
      });
    }
  });
});

describe("assertPrinted: half a unit in the last printed digit", () => {
  it("accepts the value rounded to the printed places", () => {
    assertPrinted(2 / 3, "0.6667");
    assertPrinted(Math.PI, "3.14159");
    assertPrinted(-Math.E, "-2.718");
    assertPrinted(18, "18");
  });
  it("accepts exactly half a unit (the boundary belongs to the printed value)", () => {
    assertPrinted(0.125, "0.12");
    assertPrinted(0.125, "0.13");
  });
  it("rejects a value just past half a unit", () => {
    assert.throws(() => assertPrinted(0.1251, "0.12"), AssertionError);
    assert.throws(() => assertPrinted(0.6666, "0.6667"), AssertionError);
  });
  it("catches a transposed digit and names index, actual, printed and bound", () => {
    assert.throws(
      () => assertPrinted([1.5, 2.26845], ["1.5", "2.26854"], {}, "W"),
      (error: unknown) => {
        assert.ok(error instanceof AssertionError);
        assert.match(
          (error as Error).message,
          /^W: 1 of 2 printed values disagree; first at \[1\]: actual 2\.26845, printed "2\.26854".*half a unit/,
        );
        return true;
      },
    );
  });
  it("checks shapes", () => {
    assert.match(printedMismatch([1, 2], ["1"]) ?? "", /Shapes differ/);
  });
  it("matches non-finite printed values only exactly", () => {
    assertPrinted(NaN, "nan");
    assertPrinted(-Infinity, "-inf");
    assert.throws(() => assertPrinted(1e308, "inf"), AssertionError);
    assert.throws(() => assertPrinted(NaN, "0"), AssertionError);
  });
  it("with rounding: truncate, accepts digits cut off but not rounded up", () => {
    assertPrinted(2 / 3, "0.6666", { rounding: "truncate" });
    assertPrinted(-2 / 3, "-0.6666", { rounding: "truncate" });
    assert.throws(() => assertPrinted(2 / 3, "0.6667", { rounding: "truncate" }), AssertionError);
  });
});
