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
