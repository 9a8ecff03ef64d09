import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parseFixture } from "../../oracle/fixture.ts";
import { assertFixture, verifyFixture } from "../../oracle/verify.ts";
import { AssertionError } from "../../oracle/assertion_error.ts";
import { fixtureWithErratum } from "../_demo_erratum.ts";

// A document that prints 1/3 ≈ 0.3334 (wrong) and 2/3 ≈ 0.6667 (right).
const json = {
  id: "demo.thirds",
  source: { document: "000_96bf12324396e51d.txt", section: "1", quote: "0.3334, 0.6667" },
  oracle: { method: "exact rationals", generator: null },
  input: {},
  printed: { third: "0.3334", twoThirds: "0.6667" },
  expected: { third: 1 / 3, twoThirds: 2 / 3, status: "converged" },
  tolerance: {
    third: { ulps: 0, reason: "one division" },
    twoThirds: { ulps: 0, reason: "r" },
    status: { reason: "r" },
  },
};
const fixture = fixtureWithErratum(json, [{ field: "third", correct: "0.3333" }]);

const kinds = (checks: ReturnType<typeof verifyFixture>) =>
  checks.map((c) => `${c.kind}:${c.field}:${c.ok}`);

describe("verifyFixture", () => {
  it("checks each value, each right printed field and each erratum both ways", () => {
    const checks = verifyFixture(fixture, { third: 1 / 3, twoThirds: 2 / 3, status: "converged" });
    assert.deepEqual(kinds(checks), [
      "value:third:true",
      "value:twoThirds:true",
      "value:status:true",
      "printed:twoThirds:true",
      "erratum:third:true",
    ]);
  });
  it("fails a computed value one ulp off the truth", () => {
    const checks = verifyFixture(fixture, {
      third: 1 / 3 + 2 ** -54,
      twoThirds: 2 / 3,
      status: "converged",
    });
    assert.equal(checks[0].ok, false);
    assert.match(checks[0].message, /1 ulps exceeds 0 ulps/);
  });
  it("fails a missing or non-numeric computation and a wrong status", () => {
    const checks = verifyFixture(fixture, { twoThirds: "0.67", status: "diverged" });
    assert.match(checks[0].message, /nothing was computed for "third"/);
    assert.match(checks[1].message, /is not numeric/);
    assert.match(checks[2].message, /computed "diverged", expected "converged"/);
  });
  it("fails an erratum whose printed value is in fact right", () => {
    const wrongErratum = fixtureWithErratum({ ...json, printed: { third: "0.3333" } }, [
      { field: "third", correct: "0.3333" },
    ]);
    const check = verifyFixture(wrongErratum, { third: 1 / 3 }, ["third"]).at(-1)!;
    assert.equal(check.kind, "erratum");
    assert.match(check.message, /agrees with the true value/);
  });
  it("fails an erratum whose correction is itself wrong", () => {
    const badCorrection = fixtureWithErratum(json, [{ field: "third", correct: "0.3332" }]);
    const check = verifyFixture(badCorrection, { third: 1 / 3 }, ["third"]).at(-1)!;
    assert.match(check.message, /correction is itself wrong/);
  });
  it("checks printed digits against the truth, not against the computation", () => {
    const wrongPrint = parseFixture({ ...json, printed: { twoThirds: "0.6666" }, erratum: null });
    const checks = verifyFixture(wrongPrint, {
      third: 1 / 3,
      twoThirds: 2 / 3,
      status: "converged",
    });
    assert.deepEqual(kinds(checks).at(-1), "printed:twoThirds:false");
  });
});

describe("assertFixture", () => {
  it("passes when every check passes", () => {
    assertFixture(fixture, { third: 1 / 3, twoThirds: 2 / 3, status: "converged" });
  });
  it("lists every failed check", () => {
    assert.throws(
      () => assertFixture(fixture, { third: 0.3, twoThirds: 2 / 3, status: "x" }),
      (error: unknown) => {
        assert.ok(error instanceof AssertionError);
        assert.match(
          (error as Error).message,
          /demo\.thirds: 2 check\(s\) failed\n {2}value third: .*\n {2}value status:/,
        );
        return true;
      },
    );
  });
});
