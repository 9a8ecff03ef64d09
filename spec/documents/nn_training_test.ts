// Document checks (checks of the documents' claims and of the fixtures' consistency,
// counted apart from the library specs) of the training fixtures (fixtures/nn/, beyond the
// documents): each fixture's tolerances are tight enough to reject a plausible wrong
// implementation written here — PyTorch's plainly formed δ, the naive cross-entropy
// quotient, PyTorch's kaiming_uniform_ scale.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import saturated from "../../fixtures/nn/saturated.json" with { type: "json" };
import outputLosses from "../../fixtures/nn/output_losses.json" with { type: "json" };
import initializers from "../../fixtures/nn/initializers.json" with { type: "json" };
import { fixtureById } from "../_fixture.ts";
import { verifyFixture } from "../../oracle/verify.ts";
import type { Fixture } from "../../oracle/fixture.ts";
import { RandomState } from "../../lib/random/random_state.ts";

/** Whether the fixture's checks fail for values computed some other (wrong) way. */
function rejects(fixture: Fixture, values: Record<string, unknown>, field: string): boolean {
  const checks = verifyFixture(fixture, values, [field]);
  return checks.some((c) => c.kind === "value" && !c.ok);
}

describe("the training fixtures reject wrong implementations", () => {
  it("nn.train.saturated_sigmoid: δ = σ(z) − y formed plainly (as PyTorch 1.13 does) misses the bias by 1.9e-8 relative", () => {
    const fixture = fixtureById(saturated, "nn.train.saturated_sigmoid");
    const e = fixture.expected as { b1: number[] };
    // PyTorch's float64 run of the same 7 steps, from the fixture's note.
    const torchBias = [1.185302818858721e-09];
    assert.ok(Math.abs(torchBias[0] - e.b1[0]) / e.b1[0] > 1e-8);
    assert.ok(rejects(fixture, { b1: torchBias }, "b1"));
  });
  it("nn.loss.bce_at_certainty: the quotient (p − y)/(p(1 − p)) alone gives NaN at p = y ∈ {0, 1}, which the fixture rejects", () => {
    const fixture = fixtureById(outputLosses, "nn.loss.bce_at_certainty");
    const p = fixture.input.predictions as number[], y = fixture.input.targets as number[];
    const naive = p.map((v, i) => (v - y[i]) / (v * (1 - v)));
    assert.ok(Number.isNaN(naive[0]) && Number.isNaN(naive[1]));
    assert.ok(rejects(fixture, { gradient: naive }, "gradient"));
  });
  it("nn.init.heUniform.weights: a scale formed as gain·√(3/fan_in) (PyTorch's kaiming_uniform_) is not He uniform's √(6/fan_in) to the bit", () => {
    const fixture = fixtureById(initializers, "nn.init.heUniform.weights");
    const pytorch = Math.SQRT2 * Math.sqrt(3 / 4);
    assert.notEqual(pytorch, fixture.expected.scale);
    const random = new RandomState(42);
    const weights = Array.from(
      { length: 4 },
      () => Array.from({ length: 3 }, () => -pytorch + 2 * pytorch * random.randomSample()),
    );
    assert.ok(rejects(fixture, { weights }, "weights"));
  });
});
