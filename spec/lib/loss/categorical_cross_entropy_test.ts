// Categorical cross-entropy: from probabilities, and from logits by rows with the
// max-shift and log1p (fixtures/nn/output_losses.json holds the extreme rows).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  categoricalCrossEntropy,
  categoricalCrossEntropyFromLogits,
  categoricalCrossEntropyFromLogitsGradient,
  categoricalCrossEntropyGradient,
} from "../../../lib/loss/categorical_cross_entropy.ts";
import { assertAllClose, assertClose } from "../../../oracle/assert_close.ts";

/** The textbook formula, ln Σ e^z − Σ y z, with no shift: what the accurate form replaces. */
function naive(z: number[], y: number[]): number {
  const lse = Math.log(z.reduce((s, v) => s + Math.exp(v), 0));
  return z.reduce((s, v, j) => s + y[j] * (lse - v), 0);
}

describe("categorical cross-entropy from probabilities: −Σ y ln p", () => {
  it("one-hot rows: the −ln of the probability of the right class, summed", () => {
    assert.equal(categoricalCrossEntropy([0.5, 0.5, 0.25, 0.75], [1, 0, 1, 0]), Math.log(8));
    assert.equal(categoricalCrossEntropy([1, 0], [1, 0]), 0);
    assert.equal(categoricalCrossEntropy([0, 1], [1, 0]), Infinity);
  });
  it("its gradient is −y/p, 0 where y = 0 even at p = 0: no NaN", () => {
    assert.deepEqual(Array.from(categoricalCrossEntropyGradient([0.25, 0, 0.75], [1, 0, 0])), [
      -4,
      0,
      0,
    ]);
    assert.equal(categoricalCrossEntropyGradient([0, 1], [1, 0])[0], -Infinity);
  });
});

describe("categorical cross-entropy from logits", () => {
  it("equals −Σ y ln softmax(z) where the textbook formula is accurate", () => {
    const z = [0.3, -1.2, 2.1, 0.05], y = [0.1, 0.2, 0.3, 0.4];
    assertClose(categoricalCrossEntropyFromLogits(z, y), naive(z, y), { ulps: 4 });
  });
  it("keeps a confident right answer's loss, which the unshifted formula rounds to 0", () => {
    const loss = categoricalCrossEntropyFromLogits([50, 0, 0], [1, 0, 0]);
    // ln(1 + 2e⁻⁵⁰) = 2e⁻⁵⁰ − 2e⁻¹⁰⁰ + …: the second term is below an ulp.
    assertClose(loss, 2 * Math.exp(-50), { ulps: 1 });
    assert.equal(naive([50, 0, 0], [1, 0, 0]), 0);
  });
  it("stays finite where e^z overflows or m − z does: [−1.7e308, 1.7e308] with y = (½, ½) costs 1.7e308", () => {
    assert.equal(categoricalCrossEntropyFromLogits([-1.7e308, 1.7e308], [0.5, 0.5]), 1.7e308);
    assert.ok(Number.isNaN(naive([1000, 0], [0, 1])), "e^1000 = ∞, then 0·∞");
    assert.equal(categoricalCrossEntropyFromLogits([1000, 0], [0, 1]), 1000);
    assert.deepEqual(
      Array.from(categoricalCrossEntropyFromLogitsGradient([-1.7e308, 1.7e308], [0.5, 0.5])),
      [-0.5, 0.5],
    );
  });
  it("rows of `width`: the sum of the rows' losses, and row-wise gradients", () => {
    const z = [1, 2, 3, -1, 0, 4], y = [0, 0, 1, 1, 0, 0];
    const two = categoricalCrossEntropyFromLogits(z, y, 3);
    const each = categoricalCrossEntropyFromLogits(z.slice(0, 3), y.slice(0, 3)) +
      categoricalCrossEntropyFromLogits(z.slice(3), y.slice(3));
    assert.equal(two, each);
    const g = categoricalCrossEntropyFromLogitsGradient(z, y, 3);
    for (const row of [0, 1]) {
      const s = Array.from(g.slice(3 * row, 3 * row + 3)).reduce((a, b) => a + b, 0);
      assert.ok(
        Math.abs(s) <= 2 * Number.EPSILON,
        "each row of softmax − y sums to 0 (entries within an ulp)",
      );
    }
  });
  it("its gradient is the derivative of its loss (central differences, h = 1e-6)", () => {
    const z = [0.4, -0.7, 1.3], y = [0.2, 0.5, 0.3], h = 1e-6;
    const g = categoricalCrossEntropyFromLogitsGradient(z, y);
    const fd = z.map((_, j) => {
      const up = z.slice(), down = z.slice();
      up[j] += h;
      down[j] -= h;
      return (categoricalCrossEntropyFromLogits(up, y) -
        categoricalCrossEntropyFromLogits(down, y)) /
        (2 * h);
    });
    assertAllClose(g, fd, { rtol: 0, atol: 1e-9 });
  });
  it("−s/(1 + s) for the maximal entry with y = 1, where p − 1 rounds to 0", () => {
    const [g0] = categoricalCrossEntropyFromLogitsGradient([40, 0], [1, 0]);
    const s = Math.exp(-40);
    assert.equal(g0, -s / (1 + s));
    assert.ok(g0 < 0);
  });
  it("bad input: not whole rows, rows that are not distributions, non-finite logits, wrong types", () => {
    assert.throws(() => categoricalCrossEntropyFromLogits([1, 2, 3], [1, 0, 0], 2), {
      name: "ShapeError",
      message: /3 logits are not whole rows of width 2/,
    });
    assert.throws(() => categoricalCrossEntropyFromLogits([1, 2], [0.5, 0.6]), {
      name: "ShapeError",
      message: /target row 0 sums to 1.1/,
    });
    assert.throws(() => categoricalCrossEntropyFromLogits([1, 2], [1, 0], 0), {
      name: "ShapeError",
      message: /width must be an integer ≥ 1, got 0/,
    });
    assert.throws(() => categoricalCrossEntropyFromLogits([1, NaN], [1, 0]), {
      name: "NonFiniteError",
    });
    assert.throws(() => categoricalCrossEntropyFromLogits(null as unknown as number[], [1]), {
      name: "InputTypeError",
      message: /logits must be an array of numbers, got null/,
    });
    assert.throws(() => categoricalCrossEntropy([0.5, 1.5], [1, 0]), {
      name: "ArgumentRangeError",
      message: /must lie in \[0, 1\]/,
    });
  });
});
