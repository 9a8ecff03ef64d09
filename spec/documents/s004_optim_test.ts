// Document checks (checks of the documents' claims and of the fixtures' consistency,
// counted apart from the library specs) of 004 单变量函数的梯度下降: which thresholds print
// the document's four lines, from the fixture's exact iterates.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import s004 from "../../fixtures/gd/s004_gd_x2.json" with { type: "json" };
import { fixtureById } from "../_fixture.ts";

describe("document check: S4 单变量函数的梯度下降: J(x) = x², x₀ = 1.2, η = 0.3", () => {
  const fixture = fixtureById(s004, "s004.gd_x2");
  it("erratum: four lines need a threshold in (J(x₄), J(x₃)]: 1e-3 is inside, the stated 1e-2 is not", () => {
    const y = fixture.expected.y as number[];
    const [low, high] = fixture.expected.thresholdInterval as number[];
    assert.deepEqual([low, high], [y[3], y[2]]);
    assert.ok(low < 1e-3 && 1e-3 <= high && high < 1e-2);
    assert.equal(Number(fixture.printed.threshold), 1e-2);
  });
});
