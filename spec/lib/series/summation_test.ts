import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { SUM_VARIANTS } from "../../../lib/series/summation.ts";
import { powerTerms } from "../../../lib/series/robbins_monro.ts";
import json from "../../../fixtures/series/s001_robbins_monro.json" with { type: "json" };
import { fixtureById } from "../../_fixture.ts";
import { assertClose } from "../../../oracle/assert_close.ts";

describe("summation kernels", () => {
  it("every kernel sums the terms of Σ 1/t at T = 10⁴; compensated and pairwise within 1 ulp", () => {
    const truth = (fixtureById(json, "s001.robbins_monro.partial_sums").expected
      .stepsInverse as number[])[3];
    const terms = powerTerms(1, 1e4);
    assertClose(SUM_VARIANTS.compensated(terms), truth, { ulps: 1 });
    assertClose(SUM_VARIANTS.pairwise(terms), truth, { ulps: 1 });
    assertClose(SUM_VARIANTS.naive(terms), truth, { rtol: 1e-13 });
  });

  it("compensation survives cancellation that defeats the others", () => {
    const values = [1, 1e100, 1, -1e100];
    assert.equal(SUM_VARIANTS.compensated(values), 2);
    assert.equal(SUM_VARIANTS.naive(values), 0);
  });

  it("empty and one-term sums", () => {
    for (const sum of Object.values(SUM_VARIANTS)) {
      assert.equal(sum([]), 0);
      assert.equal(sum([0.1]), 0.1);
    }
  });

  it("pairwiseUnrolled: Σ 1/t for T = 10…10⁴ within 1 ulp (measured max 1 ulp at T = 10³, Deno and Bun)", () => {
    const truths = fixtureById(json, "s001.robbins_monro.partial_sums").expected
      .stepsInverse as number[];
    [10, 100, 1000, 10000].forEach((steps, i) => {
      assertClose(SUM_VARIANTS.pairwiseUnrolled(powerTerms(1, steps)), truths[i], { ulps: 1 });
    });
  });

  it("pairwiseUnrolled visits every term once across its leaf and tail boundaries", () => {
    // Integers below 2⁵³ add exactly in any order, so any lost or doubled term shows.
    for (const length of [1, 7, 8, 9, 255, 256, 257, 511, 512, 513, 1000, 4099]) {
      const values = Array.from({ length }, (_, i) => (i * 37) % 101 - 50);
      const exact = values.reduce((a, b) => a + b, 0);
      assert.equal(SUM_VARIANTS.pairwiseUnrolled(values), exact, `length ${length}`);
      assert.equal(SUM_VARIANTS.pairwiseUnrolled(Float64Array.from(values)), exact);
    }
  });
});

// Issue 12, numeric defect 6: Neumaier's sum of [1e308, 1e308, −1e308] was NaN on main
// (its running sum overflowed); the true value is 1e308, exactly.
describe("defect 6: sumCompensated survives an overflowing partial sum", () => {
  it("[1e308, 1e308, −1e308] = 1e308, and a true overflow is ∞, not NaN", () => {
    assert.equal(SUM_VARIANTS.compensated([1e308, 1e308, -1e308]), 1e308);
    assert.equal(SUM_VARIANTS.compensated([-1e308, -1e308, 1e308, 0.5]), -1e308);
    assert.equal(SUM_VARIANTS.compensated([1.7e308, 1.7e308]), Infinity);
    // Small terms still count after the rescaling: 1 survives two overflows.
    assert.equal(SUM_VARIANTS.compensated([1e308, 1e308, 1, -1e308, -1e308]), 1);
  });
  it('sumNaive("abc") is an InputTypeError, not the string "0abc"', () => {
    for (const [name, sum] of Object.entries(SUM_VARIANTS)) {
      assert.throws(() => sum("abc" as never), { name: "InputTypeError" }, name);
      assert.throws(() => sum(["1", "2"] as never), {
        name: "InputTypeError",
        message: /entry 0 is the string "1"/,
      }, name);
    }
  });
});

// Found unchecked by the mutation run over lib/series/summation.ts (tools/mutation/run.sh
// kernels-series): the exact values below follow from binary64 rounding, worked by hand.
describe("summation kernels: the order of the additions, exactly", () => {
  const tiny = 2 ** -53; // half an ulp of 1: 1 + tiny rounds back to 1 (ties to even)
  it("pairwise: up to 16 terms one loop (1 + 15·2⁻⁵³ = 1), not 8 + 8 (1 + 2⁻⁵⁰)", () => {
    assert.equal(SUM_VARIANTS.pairwise([1, ...new Array(15).fill(tiny)]), 1);
    assert.equal(SUM_VARIANTS.pairwise([1, ...new Array(16).fill(tiny)]), 1 + 2 ** -50);
  });
  it("pairwiseUnrolled: a leaf of 256 is eight interleaved sums (1 + 7·2⁻⁴⁸)", () => {
    assert.equal(
      SUM_VARIANTS.pairwiseUnrolled([1, ...new Array(255).fill(tiny)]),
      1 + 7 * 2 ** -48,
    );
  });
  it("compensated, rescaled after an overflow: the compensation still counts", () => {
    // 1.5 + 2⁵⁴ rounds to 2⁵⁴; Fast2Sum with the larger operand first keeps the 1.5.
    const values = [1e308, 1e308, -1e308, -1e308, 1.5, 2 ** 54, -(2 ** 54)];
    assert.equal(SUM_VARIANTS.compensated(values), 1.5);
  });
  it("compensated: subnormal terms are summed exactly when nothing overflows", () => {
    assert.equal(SUM_VARIANTS.compensated([5e-324, 5e-324, 5e-324]), 1.5e-323);
  });
  it("messages name the parameter", () => {
    for (const [name, sum] of Object.entries(SUM_VARIANTS)) {
      assert.throws(() => sum(null as never), { message: /^values must be an array/ }, name);
    }
  });
});
