// The Loss registry: both losses are sums over entries (the documented convention).
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
});
