// Document checks (checks of the documents' claims and of the fixtures' consistency,
// counted apart from the library specs) of 001 §1.7, the commute-time regression: the
// fixture's W* and C(W*) are the exact rationals of the document's decimal data, and the
// printed digits are what they are.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import json from "../../fixtures/regression/commute.json" with { type: "json" };
import { fixtureById } from "../_fixture.ts";
import { assertPrinted } from "../../oracle/assert_printed.ts";

describe("001 §1.7 commute time: the fixture's exact solution", () => {
  const fixture = fixtureById(json, "s001.commute");
  const w = fixture.expected.W as number[];
  it("the exact minimum C(W*) = 34231/14280 is the fixture's cost, correctly rounded", () => {
    assert.equal(fixture.expected.costExact, "34231/14280");
    assert.equal(fixture.expected.cost, 34231 / 14280);
  });
  it("the exact weights are 2897/476, 1555/238 and 431/204, correctly rounded", () => {
    assert.deepEqual(w, [2897 / 476, 1555 / 238, 431 / 204]);
  });
  it("of the printed W, w₀ and w₁ are wrong in the last digit; w₂ is right", () => {
    assert.deepEqual(fixture.printed.W, [
      "6.08613445378149",
      "6.53361344537816",
      "2.11274509803922",
    ]);
    assert.throws(() => assertPrinted(w[0], "6.08613445378149"));
    assert.throws(() => assertPrinted(w[1], "6.53361344537816"));
    assertPrinted(w[2], "2.11274509803922");
  });
});
