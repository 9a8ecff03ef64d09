// The Loss registry: every loss is a sum over entries (the documented convention), and the
// cross-entropies name their output activation and compute from its logits.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { LOSSES } from "../../../lib/loss/loss.ts";

describe("LOSSES", () => {
  it("squaredError is ½Σ(ŷ − y)² with gradient ŷ − y", () => {
    assert.equal(LOSSES.squaredError.value([3, 1, 0], [1, 1, 2]), 4);
    assert.deepEqual(Array.from(LOSSES.squaredError.gradient([3, 1, 0], [1, 1, 2])), [2, 0, -2]);
  });
  it("binaryCrossEntropy is −Σ[y ln p + (1 − y) ln(1 − p)], a sum, with gradient (p − y)/(p(1 − p))", () => {
    assert.equal(LOSSES.binaryCrossEntropy.value([0.5, 0.5], [1, 0]), 2 * Math.LN2);
    assert.deepEqual(Array.from(LOSSES.binaryCrossEntropy.gradient([0.5, 0.5], [1, 0])), [-2, 2]);
  });
  it("gradients write into a caller's buffer", () => {
    const out = new Float64Array(2);
    assert.equal(LOSSES.squaredError.gradient([1, 2], [0, 0], out), out);
    assert.deepEqual(Array.from(out), [1, 2]);
  });
  it("names match keys and the registry is frozen", () => {
    for (const [key, loss] of Object.entries(LOSSES)) assert.equal(loss.name, key);
    assert.ok(Object.isFrozen(LOSSES));
  });
  it("categoricalCrossEntropy is −Σ y ln p, a sum over rows, with gradient −y/p", () => {
    assert.equal(
      LOSSES.categoricalCrossEntropy.value([0.5, 0.5, 0.25, 0.75], [1, 0, 0, 1]),
      Math.log(2) - Math.log(0.75),
    );
    assert.deepEqual(Array.from(LOSSES.categoricalCrossEntropy.gradient([0.5, 0.5], [1, 0])), [
      -2,
      0,
    ]);
  });
  it("each cross-entropy is paired with its output activation and computes from the logits", () => {
    assert.deepEqual(LOSSES.binaryCrossEntropy.outputActivations, ["sigmoid"]);
    assert.equal(LOSSES.binaryCrossEntropy.fromLogits?.activation, "sigmoid");
    assert.deepEqual(LOSSES.categoricalCrossEntropy.outputActivations, ["softmax"]);
    assert.equal(LOSSES.categoricalCrossEntropy.fromLogits?.activation, "softmax");
    assert.equal(LOSSES.squaredError.outputActivations, undefined, "squared error fits any output");
    assert.equal(LOSSES.squaredError.fromLogits, undefined);
    // From the logits the saturated loss is finite; from the probability σ(40) = 1 it is ∞.
    assert.equal(LOSSES.binaryCrossEntropy.fromLogits!.value([40], [0], 1), 40);
    assert.equal(LOSSES.binaryCrossEntropy.value([1], [0]), Infinity);
    const delta = LOSSES.categoricalCrossEntropy.fromLogits!.delta([0, 0, 0, 0], [0, 1, 1, 0], 2);
    assert.deepEqual(Array.from(delta), [0.5, -0.5, -0.5, 0.5]);
  });
  it("the pairings are frozen too", () => {
    for (const loss of Object.values(LOSSES)) {
      assert.ok(Object.isFrozen(loss));
      if (loss.fromLogits) assert.ok(Object.isFrozen(loss.fromLogits));
    }
  });
});
