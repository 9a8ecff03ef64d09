// Conformance (oracle/conformance/): for every concept, at least three fixtures, at least
// three independent correct implementations that pass every one of them, and at least three
// deliberately wrong ones that each fail at least one — against the conform bounds, at
// float64, and for a float32 implementation against the float32 bound.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { checkConcept, CONCEPTS } from "../../../oracle/conformance/mod.ts";
import { loadFixtures } from "../../../tools/nnref.ts";
import { IMPLEMENTATIONS } from "./_users.ts";
import { lacking } from "../../_permissions.ts";

const skip = lacking("read");
const fixtures = skip ? [] : loadFixtures("fixtures");

describe("conformance: every concept, correct implementations pass and wrong ones fail", {
  skip,
}, () => {
  for (const concept of CONCEPTS) {
    describe(concept.name, () => {
      const impls = IMPLEMENTATIONS[concept.name];
      it("has at least three fixtures, three correct and three wrong implementations", () => {
        const count = fixtures.filter((f) =>
          ((f as { concepts?: string[] }).concepts ?? []).includes(concept.name)
        ).length;
        assert.ok(count >= 3, `${concept.name}: ${count} fixtures`);
        assert.ok(impls.correct.length >= 3 && impls.wrong.length >= 3);
      });
      for (const [name, impl] of impls.correct) {
        it(`passes: ${name}`, () => {
          const results = checkConcept(concept.name, impl, fixtures);
          const bad = results.filter((r) =>
            !r.ok
          ).map((r) => `${r.id}: ${r.message}`);
          assert.deepEqual(bad, []);
          assert.ok(results.length >= 3);
        });
      }
      for (const [name, impl] of impls.wrong) {
        it(`fails: ${name}`, () => {
          const results = checkConcept(concept.name, impl, fixtures);
          assert.ok(
            results.some((r) => r.status === "fail"),
            `${name} passed every fixture`,
          );
        });
      }
    });
  }
});

describe("conformance: float32 implementations against the float32 bound", { skip }, () => {
  const fr = Math.fround;
  const sigmoid32 = (z: number) => fr(1 / fr(1 + fr(Math.exp(-fr(z)))));
  const tanh32 = (z: number) => fr(Math.tanh(fr(z)));
  const softmax32 = (z: number[]) => {
    const x = z.map(fr), m = Math.max(...x);
    const e = x.map((v) => fr(Math.exp(fr(v - m))));
    const s = e.reduce((a, b) => fr(a + b), 0);
    return e.map((v) => fr(v / s));
  };
  for (
    const [concept, impl] of [["sigmoid", sigmoid32], ["tanh", tanh32], [
      "softmax",
      softmax32,
    ]] as const
  ) {
    it(`${concept}: passes at float32, fails when claimed as float64`, () => {
      const at32 = checkConcept(concept, impl, fixtures, {
        precision: "float32",
      });
      assert.deepEqual(
        at32.filter((r) => r.status === "fail").map((r) => `${r.id}: ${r.message}`),
        [],
      );
      assert.ok(at32.some((r) => r.ok));
      const at64 = checkConcept(concept, impl, fixtures);
      assert.ok(
        at64.some((r) => r.status === "fail"),
        "float32 arithmetic must not pass as float64",
      );
    });
  }
});

describe("conformance: the reproduce bound is nnref's own, tighter one", { skip }, () => {
  it("a correct softmax by another summation order conforms but does not reproduce every bit", () => {
    const reversed = IMPLEMENTATIONS.softmax.correct[2][1];
    assert.ok(checkConcept("softmax", reversed, fixtures).every((r) => r.ok));
    const reproduce = checkConcept("softmax", reversed, fixtures, {
      bound: "reproduce",
    });
    assert.ok(reproduce.length >= 3);
  });
});
