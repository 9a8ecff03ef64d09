// Document checks (checks of the documents' claims and of the fixtures' consistency,
// counted apart from the library specs) of 000 §4.2: the exact optimum of the 20-point
// regression that the fixtures hold.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import s000 from "../../fixtures/gd/s000_gd20.json" with { type: "json" };
import { fixtureById } from "../_fixture.ts";

describe("S0 §4.2: the closed-form optimum θ* = (XᵀX)⁻¹Xᵀy", () => {
  it("θ* = (49/95, 129/133), and the fixture's θ* is that, correctly rounded", () => {
    const fixture = fixtureById(s000, "s000.gd20.closed_form");
    assert.deepEqual(fixture.expected.thetaStarExact, ["49/95", "129/133"]);
    assert.deepEqual(fixture.expected.thetaStar, [49 / 95, 129 / 133]);
  });
});
