// The training API's worked results (worked/training.ts) against fixtures/nn/: networks
// trained against exact trajectories (full batch, and mini-batches whose last batch is
// partial), the cross-entropies at certainty and from saturated logits, and the
// initialisers against numpy's RandomState — and runs of lib/ with a wrong setting that
// the same fixture rejects. Wrong variants built outside lib/ (PyTorch's rounding, a naive
// quotient) are fixture checks: spec/documents/nn_training_test.ts.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import saturated from "../../fixtures/nn/saturated.json" with { type: "json" };
import regression from "../../fixtures/nn/regression_mlp.json" with { type: "json" };
import classifier from "../../fixtures/nn/softmax_classifier.json" with { type: "json" };
import outputLosses from "../../fixtures/nn/output_losses.json" with { type: "json" };
import initializers from "../../fixtures/nn/initializers.json" with { type: "json" };
import { allFixtures, fixtureById } from "../_fixture.ts";
import { assertFixture, verifyFixture } from "../../oracle/verify.ts";
import { assertClose } from "../../oracle/assert_close.ts";
import { subjectFor } from "../../oracle/subject.ts";
import { SUBJECTS } from "../../worked/registry.ts";
import type { Fixture } from "../../oracle/fixture.ts";
import { createNetwork } from "../../lib/nn/network.ts";
import { trainNetwork } from "../../lib/nn/train.ts";
import { fromRows } from "../../lib/linalg/matrix.ts";
import { type Loss, LOSSES } from "../../lib/loss/loss.ts";

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
    const r = subjectFor(SUBJECTS, fixture.id).compute(fixture) as {
      lossHistory: number[];
      status: string;
    };
    assertClose(r.lossHistory[0], 26.666666667353716, fixture.tolerance.lossHistory);
    assert.equal(r.lossHistory.length, 7);
    assert.equal(r.status, "maxIterations");
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
});

describe("Glorot and He initialisers against numpy's RandomState", () => {
  for (const fixture of allFixtures(initializers, "initializers.json")) {
    it(`${fixture.id}: the same draws as numpy`, () => check(fixture));
  }
});

describe("mini-batches with a partial last batch, against independent trajectories", () => {
  // fixtures/nn/training.gen.py draws each epoch's order = rs.permutation(n) from numpy's
  // RandomState(seed) and steps on order[0:b], order[b:2b], …, the last batch shorter; the
  // trajectory is exact (mpmath, 60 digits) and a PyTorch float64 run agrees to 1e-7.
  const cases: [unknown, string][] = [
    [regression, "nn.train.regression_mlp.minibatch"],
    [classifier, "nn.train.softmax_classifier.minibatch"],
  ];
  for (const [json, id] of cases) {
    const fixture = fixtureById(json, id);
    const n = (fixture.input.inputs as number[][]).length;
    const size = fixture.input.batchSize as number;
    it(`${id}: ${n} rows in batches of ${size}, the last of ${n % size}; every epoch's loss and the final parameters`, () => {
      assert.ok(size > 1 && size < n, "mini-batches, not full batch or SGD");
      assert.notEqual(n % size, 0, "the last batch is partial");
      assert.equal(fixture.oracle.generator, "fixtures/nn/training.gen.py");
      assert.equal(typeof fixture.input.randomSeed, "number");
      const subject = subjectFor(SUBJECTS, id);
      const values = subject.compute(fixture);
      assertFixture(fixture, values, subject.fields);
      assert.equal(values.epochs, fixture.input.maxEpochs);
    });
  }
});
