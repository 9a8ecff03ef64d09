// Issue 12, the oracle toolkit under bad input: deeply nested or cyclic values get a
// clear InputTypeError instead of a stack overflow (on main: "Maximum call stack size
// exceeded", or a hang), names are own properties only (parsePrinted("constructor")
// returned Object's constructor as a value on main), and the checkers name what they got.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { assertAllClose, findMismatch } from "../../oracle/assert_close.ts";
import { assertPrinted, parsePrinted, printedMismatch } from "../../oracle/assert_printed.ts";
import { parseFixture } from "../../oracle/fixture.ts";
import { verifyFixture } from "../../oracle/verify.ts";
import { ulp, ulpDistance } from "../../oracle/ulp.ts";
import { demoFixture } from "../_demo_erratum.ts";

function nested(depth: number, leaf: unknown = 1): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

describe("deeply nested and cyclic values: a clear error, not a stack overflow", () => {
  const deep = nested(100_000);
  it("assertAllClose, findMismatch: nesting deeper than 64 levels", () => {
    for (
      const check of [
        () => assertAllClose(deep as never, deep as never, {}),
        () => findMismatch(deep as never, 1, {}),
      ]
    ) {
      assert.throws(check, {
        name: "InputTypeError",
        message: /nested more than 64 levels deep, or cyclic/,
      });
    }
    assertAllClose(nested(64) as never, nested(64) as never, {}); // 64 levels are fine
  });
  it("assertAllClose: an array that contains itself", () => {
    const cyclic: unknown[] = [1];
    cyclic.push(cyclic);
    // [1, itself]: its second entry is an array where the first is a number.
    assert.throws(() => assertAllClose(cyclic as never, [1, [1]], {}), {
      name: "InputTypeError",
      message: /ragged nesting/,
    });
    const self: unknown[] = [];
    self.push(self);
    assert.throws(() => assertAllClose(self as never, self as never, {}), {
      name: "InputTypeError",
      message: /cyclic/,
    });
  });
  it("printedMismatch, assertPrinted: the same for printed strings", () => {
    assert.throws(() => printedMismatch(1, nested(100_000, "1") as never), {
      name: "InputTypeError",
      message: /nested more than 64 levels deep/,
    });
    assert.throws(() => assertPrinted(deep as never, "1"), { name: "InputTypeError" });
  });
  it("parseFixture: deep or cyclic JSON", () => {
    const fixture = {
      id: "demo.deep",
      source: { document: "none", section: "1", quote: "q" },
      oracle: { method: "m", generator: null },
      input: { deep },
      printed: {},
      expected: {},
      tolerance: {},
      erratum: null,
    };
    assert.throws(() => parseFixture(fixture, "d.json"), {
      name: "InputTypeError",
      message: /d\.json: nested more than 64 levels deep/,
    });
  });
  it("verifyFixture: a cyclic computed value is a failed check, not a crash", () => {
    const fixture = demoFixture();
    const cyclic: unknown[] = [1];
    cyclic.push(cyclic);
    const [check] = verifyFixture(fixture, { x: cyclic });
    assert.equal(check.ok, false);
    assert.match(check.message, /cyclic|not numeric/);
  });
});

describe("names are own properties only", () => {
  it('parsePrinted("constructor") is not a number', () => {
    for (const text of ["constructor", "toString", "__proto__", "valueOf"]) {
      assert.throws(() => parsePrinted(text), {
        name: "InputTypeError",
        message: new RegExp(`Cannot read "${text}" as a printed number`),
      });
    }
    assert.ok(Number.isNaN(parsePrinted("NaN").value));
    assert.equal(parsePrinted("-inf").value, -Infinity);
  });
  it('verifyFixture: a field "constructor" is not expected, and computed {} has no "toString"', () => {
    const fixture = demoFixture({ expected: { x: 1 } });
    const [constructor] = verifyFixture(fixture, { x: 1 }, ["constructor"]);
    assert.equal(constructor.ok, false);
    assert.match(constructor.message, /fixture has no expected "constructor"/);
    const [missing] = verifyFixture(fixture, {});
    assert.match(missing.message, /nothing was computed for "x"/);
  });
  it("a tolerance that inherits its bound is read as exact, not as the inherited ulps", () => {
    const inherited = Object.create({ ulps: 1e6 });
    assert.throws(() => assertAllClose(1, 1 + Number.EPSILON, inherited), /exact/);
  });
});

describe("the checkers name what they got", () => {
  it("ulp, ulpDistance: numbers only", () => {
    assert.throws(() => ulp("1" as never), {
      name: "InputTypeError",
      message: /ulp takes a number, got the string "1"/,
    });
    assert.throws(() => ulpDistance(1, 1n as never), {
      name: "InputTypeError",
      message: /got the number 1 and the BigInt 1n/,
    });
  });
  it("assertAllClose: ragged values and a matrix whose data is too short", () => {
    assert.throws(() => assertAllClose([[1, 2], [3]], [[1, 2], [3, 4]], {}), {
      name: "InputTypeError",
      message: /actual: ragged nesting/,
    });
    assert.throws(
      () => assertAllClose({ rows: 2, cols: 2, data: [1, 2, 3] }, [[1, 2], [3, 4]], {}),
      {
        name: "InputTypeError",
        message: /matrix data has 3 entries, expected rows × cols = 4/,
      },
    );
  });
});
