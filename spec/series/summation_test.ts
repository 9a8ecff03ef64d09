import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { SUM_VARIANTS } from "../../lib/series/summation.ts";
import { powerTerms } from "../../lib/series/robbins_monro.ts";
import json from "../../fixtures/series/s001_robbins_monro.json" with { type: "json" };
import { fixtureById } from "../_fixture.ts";
import { assertClose } from "../../lib/oracle/assert_close.ts";

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
});
