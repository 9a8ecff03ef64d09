// The errata the second audit of S1 §1–§2 found, each asserted both ways against its
// fixture (expected values from the generators' exact rationals and mpmath): what the
// document says fails, the correction holds.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import shapeJson from "../../fixtures/regression/s001_design_shape.json" with { type: "json" };
import marginJson from "../../fixtures/loss/s001_margin_losses.json" with { type: "json" };
import descentJson from "../../fixtures/gd/s001_descent_claim.json" with { type: "json" };
import { fixtureById } from "../_fixture.ts";
import { assertFixture } from "../../oracle/verify.ts";
import { subjectFor } from "../../oracle/subject.ts";
import { SUBJECTS } from "../../worked/registry.ts";
import type { Fixture } from "../../oracle/fixture.ts";

function replayed(
  json: unknown,
  id: string,
): { fixture: Fixture; values: Record<string, unknown> } {
  const fixture = fixtureById(json, id);
  const subject = subjectFor(SUBJECTS, id);
  const values = subject.compute(fixture);
  assertFixture(fixture, values, subject.fields);
  return { fixture, values };
}

describe("S1-E02 (§1.3): X is n × (d + 1), not n × d", () => {
  const { values } = replayed(shapeJson, "s001.design_shape");
  it("as printed (n × d) fails: 3 columns for d = 2 variables", () => {
    assert.equal(values.rows, 5);
    assert.notEqual(values.columns, values.variables);
  });
  it("corrected (n × (d + 1)) holds: the column x₀ = 1 comes on top of the d variables", () => {
    assert.equal(values.columns, (values.variables as number) + 1);
  });
});

describe("S1-E03 (§1.4): of the three G offered as 'differentiable decreasing', only the logistic loss is both", () => {
  const { values } = replayed(marginJson, "s001.margin_losses");
  const [left, right] = [values.leftDerivative as number[], values.rightDerivative as number[]];
  it("as printed fails: the hinge's one-sided slopes at yŷ = 1 are −1 and 0", () => {
    assert.equal(left[0], -1);
    assert.equal(right[0], 0);
  });
  it("as printed fails: both hinges are flat beyond 1, not decreasing", () => {
    assert.deepEqual(values.decreasingFromOneToTwo, [false, false, true]);
  });
  it("the correction holds: the squared hinge used for (1.7) has both slopes 0 at 1", () => {
    assert.ok(Math.abs(left[1]) < 1e-6 && right[1] === 0);
    assert.deepEqual(values.differentiableAtOne, [false, true, true]);
  });
});

describe("S1-E10 (§2.1): a step moves η‖∇C‖, not η", () => {
  const { fixture, values } = replayed(descentJson, "s001.descent_claim");
  const rates = fixture.input.learningRates as number[];
  const lengths = values.firstStepLength as number[];
  it("as printed fails: the first step of η = 0.02 moves 2.17, a hundred times η", () => {
    assert.ok(Math.abs(lengths[0] - rates[0]) > 2);
  });
  it("the correction holds: the length is η‖∇C(W⁰)‖ for both rates", () => {
    const norm = values.gradientNormStart as number;
    lengths.forEach((length, k) => assert.ok(Math.abs(length - rates[k] * norm) <= 1e-12 * length));
  });
});

describe("S1-E11 (§2.1): a step lowers C only when 0 < η < 2/L and ∇C ≠ 0", () => {
  const { fixture, values } = replayed(descentJson, "s001.descent_claim");
  const [slow, fast] = fixture.input.learningRates as number[];
  const critical = values.criticalRate as number;
  const losses = values.lossesAboveCritical as number[];
  it("the two rates straddle 2/L = 0.150", () => {
    assert.ok(slow < critical && critical < fast);
  });
  it("as printed fails: at η = 0.2 every step raises C (444.8 → 1225.1 → … → 1.5e6)", () => {
    for (let t = 1; t < losses.length; t++) assert.ok(losses[t] > losses[t - 1]);
    assert.equal((values.decreases as boolean[])[1], false);
  });
  it("as printed fails: ‖∇C‖² is 0 at W*, not > 0", () => {
    assert.ok((values.gradientNormSquaredAtOptimum as number) < 1e-29);
  });
  it("the correction holds: below 2/L (the book's η = 0.02) the step lowers C", () => {
    const [after] = values.lossAfterOneStep as number[];
    assert.ok(after < (values.lossStart as number));
    assert.equal((values.decreases as boolean[])[0], true);
  });
});
