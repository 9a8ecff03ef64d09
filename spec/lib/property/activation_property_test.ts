// σ′ = σ(1 − σ) over the whole double range (huge |z|, subnormals, ±0), seeded.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  sigmoid,
  sigmoidDerivative,
  sigmoidDerivativeFromOutput,
} from "../../../lib/activation/sigmoid.ts";
import { ulpDistance } from "../../../oracle/ulp.ts";

const SEED = 20261121;
const anyDouble = fc.double({ noNaN: true }); // includes ±∞, ±0, subnormals, ±MAX_VALUE

describe("σ′ = σ(1 − σ) for every double (property, seed 20261121)", () => {
  it("σ′(z) = σ(z)·σ(−z) to within 4 ulps, and σ(1 − σ) from the output agrees for z ≤ 0", () => {
    fc.assert(
      fc.property(anyDouble, (z) => {
        const d = sigmoidDerivative(z);
        assert.ok(d >= 0 && d <= 0.25, `σ′(${z}) = ${d} outside [0, ¼]`);
        const product = sigmoid(z) * sigmoid(-z);
        // σ(z)σ(−z) is the identity σ(1 − σ) with 1 − σ(z) = σ(−z) computed without cancellation.
        assert.ok(ulpDistance(d, product) <= 4, `z = ${z}: ${d} vs ${product}`);
        if (z <= 0) {
          const fromOutput = sigmoidDerivativeFromOutput(sigmoid(z));
          assert.ok(ulpDistance(d, fromOutput) <= 4, `z = ${z}: ${d} vs σ(1 − σ) = ${fromOutput}`);
        }
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });
  it("for every z, σ(1 − σ) from the output is within 2⁻⁵³ of σ′ (cancellation only, no NaN)", () => {
    fc.assert(
      fc.property(anyDouble, (z) => {
        const fromOutput = sigmoidDerivativeFromOutput(sigmoid(z));
        assert.ok(Number.isFinite(fromOutput));
        assert.ok(Math.abs(fromOutput - sigmoidDerivative(z)) <= 2 ** -53, `z = ${z}`);
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });
  it("σ is monotone, stays in [0, 1] and σ(z) + σ(−z) = 1 within 2⁻⁵³", () => {
    fc.assert(
      fc.property(anyDouble, anyDouble, (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        assert.ok(sigmoid(lo) <= sigmoid(hi));
        assert.ok(sigmoid(a) >= 0 && sigmoid(a) <= 1);
        assert.ok(Math.abs(sigmoid(a) + sigmoid(-a) - 1) <= 2 ** -53);
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });
  it("the edges: σ′(±0) = ¼, σ′(±∞) = 0, σ′ of the smallest subnormal is ¼", () => {
    assert.deepEqual([sigmoidDerivative(0), sigmoidDerivative(-0)], [0.25, 0.25]);
    assert.deepEqual([sigmoidDerivative(Infinity), sigmoidDerivative(-Infinity)], [0, 0]);
    assert.equal(sigmoidDerivative(5e-324), 0.25);
  });
});
