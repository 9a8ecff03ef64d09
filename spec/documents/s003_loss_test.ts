// Document checks (checks of the documents' claims and of the fixtures' consistency,
// counted apart from the library specs) of 003 §2.1.6, formula (9): the derivative of an
// integral of f(u, v) = u, by a Riemann sum, against the fixture's exact value.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import json from "../../fixtures/loss/claims_003.json" with { type: "json" };
import { fixtureById } from "../_fixture.ts";
import { assertClose } from "../../oracle/assert_close.ts";

describe("003 §2.1.6 partial derivatives", () => {
  it("erratum (9): for f(u, v) = u, ∂J/∂A = ½ (a Riemann sum says so) while (9) gives 0", () => {
    const f = fixtureById(json, "s003.claims.f09");
    const J = (A: number) => {
      const n = 200;
      let s = 0;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) s += A * ((i + 0.5) / n) + 0.3 * ((j + 0.5) / n) + 0.1;
      }
      return s / (n * n);
    };
    assertClose((J(1.5) - J(0.5)) / 1, f.expected.dJdA as number, { rtol: 1e-12, atol: 0 });
    assert.notEqual(f.expected.dJdA, f.expected.formula9);
  });
});
