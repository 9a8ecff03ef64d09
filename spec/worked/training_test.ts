// The training API's worked results (worked/training.ts) against fixtures/nn/: networks
// trained against exact trajectories, the cross-entropies at certainty and from saturated
// logits, and the initialisers against numpy's RandomState — and, for each, a deliberately
// wrong variant that the same fixture rejects.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import saturated from "../../fixtures/nn/saturated.json" with { type: "json" };
import regression from "../../fixtures/nn/regression_mlp.json" with { type: "json" };
import classifier from "../../fixtures/nn/softmax_classifier.json" with { type: "json" };
import outputLosses from "../../fixtures/nn/output_losses.json" with { type: "json" };
import initializers from "../../fixtures/nn/initializers.json" with { type: "json" };
import { allFixtures, fixtureById } from "../_fixture.ts";
import { assertFixture, verifyFixture } from "../../oracle/verify.ts";
import { subjectFor } from "../../oracle/subject.ts";
import { SUBJECTS } from "../../worked/registry.ts";
import type { Fixture } from "../../oracle/fixture.ts";
import { createNetwork } from "../../lib/nn/network.ts";
import { trainNetwork } from "../../lib/nn/train.ts";
import { fromRows } from "../../lib/linalg/matrix.ts";
import { type Loss, LOSSES } from "../../lib/loss/loss.ts";
import { RandomState } from "../../lib/random/random_state.ts";

function check(fixture: Fixture): void {
  const subject = subjectFor(SUBJECTS, fixture.id);
  assertFixture(fixture, subject.compute(fixture), subject.fields);
}

/** Whether the fixture's checks fail for values computed some other (wrong) way. */
function rejects(fixture: Fixture, values: Record<string, unknown>, field: string): boolean {
  const checks = verifyFixture(fixture, values, [field]);
  return checks.some((c) => c.kind === "value" && !c.ok);
}

describe("a sigmoid unit saturated on the wrong side (issue 12, item 3)", () => {
  const fixture = fixtureById(saturated, "nn.train.saturated_sigmoid");
  it("trains its 7 epochs from loss 26.666666667353716…, every epoch's loss and the final w, b as in exact arithmetic", () => {
    check(fixture);
    const e = fixture.expected as { lossHistory: number[]; status: string };
    assert.equal(e.lossHistory[0], 26.666666667353716);
    assert.equal(e.lossHistory.length, 7);
    assert.equal(e.status, "maxIterations");
  });
  it("a loss taken from the probabilities (σ(40) = 1, −ln 0 = ∞) stops at epoch 0 as diverged", () => {
    const input = fixture.input as Record<string, unknown>;
    const probabilities: Loss = {
      name: "fromProbabilities",
      value: LOSSES.binaryCrossEntropy.value,
      gradient: LOSSES.binaryCrossEntropy.gradient,
    };
    const r = trainNetwork(
      createNetwork(input.network as never),
      fromRows(input.inputs as number[][]),
      input.labels as number[],
      { loss: probabilities, learningRate: 0.2, maxEpochs: 7 },
    );
    assert.equal(r.status, "diverged");
    assert.deepEqual(r.lossHistory, [Infinity]);
    assert.ok(rejects(fixture, { lossHistory: r.lossHistory }, "lossHistory"));
  });
  it("δ = σ(z) − y formed plainly (as PyTorch 1.13 does) misses the bias by 1.9e-8 relative", () => {
    const e = fixture.expected as { b1: number[] };
    // PyTorch's float64 run of the same 7 steps, from the fixture's note.
    const torchBias = [1.185302818858721e-09];
    assert.ok(Math.abs(torchBias[0] - e.b1[0]) / e.b1[0] > 1e-8);
    assert.ok(rejects(fixture, { b1: torchBias }, "b1"));
  });
});

describe("a regression MLP (2-5-1, tanh, identity output, squared error), trained step by step", () => {
  for (const fixture of allFixtures(regression, "regression_mlp.json")) {
    it(`${fixture.id}: every epoch's loss and the final parameters`, () => check(fixture));
  }
  it("one learning rate off in the last digit is rejected by the same tolerances", () => {
    const fixture = fixtureById(regression, "nn.train.regression_mlp.full_batch");
    const nudged = {
      ...fixture,
      input: { ...fixture.input, learningRate: 0.1 * (1 + 2 ** -40) },
    } as Fixture;
    const values = subjectFor(SUBJECTS, fixture.id).compute(nudged);
    assert.ok(rejects(fixture, values, "W1"));
  });
});

describe("a softmax classifier (2-6-3, ReLU, softmax, categorical cross-entropy)", () => {
  for (const fixture of allFixtures(classifier, "softmax_classifier.json")) {
    it(`${fixture.id}: losses, accuracies and final parameters`, () => check(fixture));
  }
  it("the mini-batch run depends on the shuffle: another seed is rejected", () => {
    const fixture = fixtureById(classifier, "nn.train.softmax_classifier.minibatch");
    const other = { ...fixture, input: { ...fixture.input, randomSeed: 10 } } as Fixture;
    const values = subjectFor(SUBJECTS, fixture.id).compute(other);
    assert.ok(rejects(fixture, values, "W2"));
  });
  it("squared error through the softmax in place of cross-entropy is rejected", () => {
    const fixture = fixtureById(classifier, "nn.train.softmax_classifier.full_batch");
    const input = fixture.input as Record<string, unknown>;
    const r = trainNetwork(
      createNetwork(input.network as never),
      fromRows(input.inputs as number[][]),
      input.labels as number[],
      { loss: LOSSES.squaredError, learningRate: 0.5, maxEpochs: 12 },
    );
    assert.ok(rejects(fixture, { finalLoss: r.finalLoss }, "finalLoss"));
  });
});

describe("the cross-entropies at certainty and from saturated logits", () => {
  for (const fixture of allFixtures(outputLosses, "output_losses.json")) {
    it(`${fixture.id}: losses and gradients as mpmath`, () => check(fixture));
  }
  it("no NaN anywhere: finite, or ±∞ exactly where the true value is infinite", () => {
    const fixture = fixtureById(outputLosses, "nn.loss.bce_at_certainty");
    const values = subjectFor(SUBJECTS, fixture.id).compute(fixture) as Record<string, number[]>;
    assert.ok(values.gradient.every((g) => !Number.isNaN(g)));
    assert.deepEqual(values.gradient.slice(0, 2), [1, -1]);
  });
  it("the quotient (p − y)/(p(1 − p)) alone gives NaN at p = y ∈ {0, 1}, which the fixture rejects", () => {
    const fixture = fixtureById(outputLosses, "nn.loss.bce_at_certainty");
    const p = fixture.input.predictions as number[], y = fixture.input.targets as number[];
    const naive = p.map((v, i) => (v - y[i]) / (v * (1 - v)));
    assert.ok(Number.isNaN(naive[0]) && Number.isNaN(naive[1]));
    assert.ok(rejects(fixture, { gradient: naive }, "gradient"));
  });
});

describe("Glorot and He initialisers against numpy's RandomState", () => {
  for (const fixture of allFixtures(initializers, "initializers.json")) {
    it(`${fixture.id}: the same draws as numpy`, () => check(fixture));
  }
  it("a scale formed as gain·√(3/fan_in) (PyTorch's kaiming_uniform_) is not He uniform's √(6/fan_in) to the bit", () => {
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
