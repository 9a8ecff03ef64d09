// 001 §1.7: the commute regression W*, Y* and C(W*), by all three least-squares methods.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import json from "../../../fixtures/regression/commute.json" with { type: "json" };
import { fixtureById } from "../../_fixture.ts";
import { assertPrinted } from "../../../oracle/assert_printed.ts";
import { assertAllClose, assertClose } from "../../../oracle/assert_close.ts";
import { assertFixture } from "../../../oracle/verify.ts";
import { subjectFor } from "../../../oracle/subject.ts";
import { SUBJECTS } from "../../../worked/registry.ts";

const ids = ["s001.commute", "s001.commute.qr", "s001.commute.accurate"];

describe("001 §1.7 commute time: W* = (XᵀX)⁻¹XᵀY, Y* = XW*", () => {
  for (const id of ids) {
    const fixture = fixtureById(json, id);
    it(`${id}: W*, Y*, C(W*) match the exact rational solution; errata checked both ways`, () => {
      const subject = subjectFor(SUBJECTS, id);
      assertFixture(fixture, subject.compute(fixture), subject.fields);
    });
  }

  const fixture = fixtureById(json, "s001.commute");
  const accurate = fixtureById(json, "s001.commute.accurate");
  const computed = (f: typeof fixture) =>
    subjectFor(SUBJECTS, f.id).compute(f) as { W: Float64Array; cost: number };

  it("the exact minimum is C(W*) = 34231/14280 ≈ 2.397, not 0 (the document's note)", () => {
    for (const f of [fixture, accurate]) {
      assertClose(computed(f).cost, 34231 / 14280, f.tolerance.cost, f.id);
    }
  });

  it("the printed w₀ = 6.08613445378149 and w₁ = 6.53361344537816 are wrong in the last digit", () => {
    const w = computed(accurate).W;
    assert.throws(() => assertPrinted(w[0], "6.08613445378149"));
    assertPrinted(w[0], "6.08613445378151");
    assert.throws(() => assertPrinted(w[1], "6.53361344537816"));
    assertPrinted(w[1], "6.53361344537815");
  });

  it("the exact weights are 2897/476, 1555/238 and 431/204", () => {
    assertAllClose(
      computed(accurate).W,
      [2897 / 476, 1555 / 238, 431 / 204],
      accurate.tolerance.W,
    );
  });
});
