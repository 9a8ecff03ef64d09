import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { SOFTMAX_OUTPUT } from "../../../lib/nn/softmax_output.ts";
import { checkGradient } from "../../../lib/gradcheck/gradient_check.ts";
import { assertAllClose } from "../../../oracle/assert_close.ts";

describe("SOFTMAX_OUTPUT: 002's softmax_vec / soft_max_mat as a row activation", () => {
  it("e^z / Σe^z on a row, e.g. softmax(0, ln 3) = (¼, ¾)", () => {
    const out = new Float64Array(2);
    SOFTMAX_OUTPUT.apply(new Float64Array([0, Math.log(3)]), out, 0, 2);
    assertAllClose(out, [0.25, 0.75], { ulps: 1 });
  });
  it("does not overflow where e^z would (z = 1000)", () => {
    const out = new Float64Array(2);
    SOFTMAX_OUTPUT.apply(new Float64Array([1000, 1000]), out, 0, 2);
    assert.deepEqual(Array.from(out), [0.5, 0.5]);
  });
  it("backward is J(z)ᵀg = ŷ ⊙ (g − ŷ·g), checked by central differences", () => {
    const z = new Float64Array([0.3, -1.2, 2.0]);
    const g = new Float64Array([0.5, -2, 1.25]);
    const a = new Float64Array(3);
    SOFTMAX_OUTPUT.apply(z, a, 0, 3);
    const delta = new Float64Array(3);
    SOFTMAX_OUTPUT.backward(a, g, delta, 0, 3);
    const f = (v: Float64Array) => {
      const s = new Float64Array(3);
      SOFTMAX_OUTPUT.apply(v, s, 0, 3);
      return s[0] * g[0] + s[1] * g[1] + s[2] * g[2];
    };
    const r = checkGradient(f, delta, z);
    assert.ok(r.passed, `worst ${JSON.stringify(r.worst)}`);
    assertAllClose(delta[0] + delta[1] + delta[2], 0, { atol: 1e-15 });
  });
});
