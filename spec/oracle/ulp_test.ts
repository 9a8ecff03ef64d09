import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { ulp, ulpDistance } from "../../oracle/ulp.ts";

// Expected distances are counted by hand from the IEEE 754 layout, not from ulpDistance.
describe("ulpDistance", () => {
  it("is 0 for identical doubles and for +0 and −0", () => {
    assert.equal(ulpDistance(1.5, 1.5), 0);
    assert.equal(ulpDistance(0, -0), 0);
  });
  it("counts neighbours: 1 and 1 + 2⁻⁵² are one apart, 1 − 2⁻⁵³ is one below 1", () => {
    assert.equal(ulpDistance(1, 1 + 2 ** -52), 1);
    assert.equal(ulpDistance(1, 1 - 2 ** -53), 1);
    assert.equal(ulpDistance(1 - 2 ** -53, 1 + 2 ** -52), 2);
  });
  it("counts across zero through the subnormals", () => {
    assert.equal(ulpDistance(-Number.MIN_VALUE, Number.MIN_VALUE), 2);
    assert.equal(ulpDistance(0, 3 * Number.MIN_VALUE), 3);
  });
  it("is symmetric", () => {
    assert.equal(ulpDistance(2, 2 + 4 * 2 ** -51), ulpDistance(2 + 4 * 2 ** -51, 2));
    assert.equal(ulpDistance(2, 2 + 4 * 2 ** -51), 4);
  });
  it("spans a binade: 2⁵² doubles from 1 to 2", () => {
    assert.equal(ulpDistance(1, 2), 2 ** 52);
  });
  it("treats NaN as equal only to NaN", () => {
    assert.equal(ulpDistance(NaN, NaN), 0);
    assert.equal(ulpDistance(NaN, 1), Infinity);
    assert.equal(ulpDistance(0, NaN), Infinity);
  });
  it("puts +∞ one step past Number.MAX_VALUE", () => {
    assert.equal(ulpDistance(Number.MAX_VALUE, Infinity), 1);
  });
});

describe("ulp", () => {
  it("is 2⁻⁵² at 1, 2⁻⁵¹ at 2 and 3, the smallest subnormal at 0", () => {
    assert.equal(ulp(1), 2 ** -52);
    assert.equal(ulp(2), 2 ** -51);
    assert.equal(ulp(3), 2 ** -51);
    assert.equal(ulp(-3), 2 ** -51);
    assert.equal(ulp(0), Number.MIN_VALUE);
  });
  it("is 2⁹⁷¹ at Number.MAX_VALUE and NaN for non-finite input", () => {
    assert.equal(ulp(Number.MAX_VALUE), 2 ** 971);
    assert.ok(Number.isNaN(ulp(Infinity)));
    assert.ok(Number.isNaN(ulp(NaN)));
  });
});
