// The claims of S3 (003) that no fixture checks on its own, each named by its id in
// fixtures/claims/s003.json.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { relu, reluDerivative } from "../../lib/activation/relu.ts";

describe("S3 §2.1.4: ReLU units that never activate", () => {
  it("S3-C012: a unit whose pre-activation is negative on every input gets zero gradient, so it never changes", () => {
    // One ReLU unit z = w·x + b with w = 0.5, b = −3 on inputs 0 … 4: z < 0 everywhere.
    let [w, b] = [0.5, -3];
    const xs = [0, 1, 2, 3, 4], targets = [1, 2, 3, 4, 5];
    for (let step = 0; step < 100; step++) {
      let gw = 0, gb = 0;
      for (let i = 0; i < xs.length; i++) {
        const z = w * xs[i] + b;
        const delta = (relu(z) - targets[i]) * reluDerivative(z);
        gw += delta * xs[i];
        gb += delta;
      }
      assert.equal(gw, 0);
      assert.equal(gb, 0);
      [w, b] = [w - 0.1 * gw, b - 0.1 * gb];
    }
    assert.deepEqual([w, b], [0.5, -3], "stuck: the loss stays at its starting value");
    assert.ok(xs.every((x) => relu(w * x + b) === 0));
  });
});
