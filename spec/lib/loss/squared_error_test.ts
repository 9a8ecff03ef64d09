// S4 均方差函数: the absolute vs squared error table, and the four scalings of squared error.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import json from "../../../fixtures/loss/loss_table.json" with { type: "json" };
import { fixtureById } from "../../_fixture.ts";
import { assertClose } from "../../../oracle/assert_close.ts";
import { checkWithSubject } from "./_run.ts";
import { SUBJECTS } from "../../../worked/registry.ts";
import {
  halfMeanSquaredError,
  halfMeanSquaredErrorGradient,
  halfSumSquaredError,
  halfSumSquaredErrorGradient,
  meanSquaredError,
  meanSquaredErrorGradient,
  sumSquaredError,
  sumSquaredErrorGradient,
} from "../../../lib/loss/squared_error.ts";
import { meanAbsoluteError, sumAbsoluteErrorGradient } from "../../../lib/loss/absolute_error.ts";

const table = fixtureById(json, "s004.loss_table");

describe("S4's loss table, labels [1, 1, 1]", () => {
  it("absolute 3, 4 and squared 5, 8, ratios 4/3 = 1.33 and 8/5 = 1.6 (printed digits agree)", () => {
    checkWithSubject(SUBJECTS, table);
  });
  it("erratum: the 均方差 column is a sum; the mean squared errors are 5/3 and 8/3", () => {
    const y = [1, 1, 1];
    assert.equal(sumSquaredError([1, 2, 3], y), 5);
    assert.notEqual(meanSquaredError([1, 2, 3], y), 5);
    assert.equal(meanSquaredError([1, 2, 3], y), 5 / 3);
    // the ratio is unchanged: 8/5 (the means 8/3 and 5/3 are rounded, hence 1 ulp)
    assertClose(meanSquaredError([1, 3, 3], y) / meanSquaredError([1, 2, 3], y), 8 / 5, {
      ulps: 1,
    });
    assert.equal(meanAbsoluteError([1, 3, 3], y), 4 / 3);
  });
  it("erratum: MSE is not the Euclidean distance √5 but ‖a − y‖²/n", () => {
    assert.notEqual(meanSquaredError([1, 2, 3], [1, 1, 1]), Math.sqrt(5));
  });
});

describe("squared error scalings and gradients", () => {
  const p = [3, -1, 0.5], t = [1, 1, 0.5];
  it("Σ, ½Σ, 1/n and 1/(2n) are the same sum scaled", () => {
    assert.equal(sumSquaredError(p, t), 8);
    assert.equal(halfSumSquaredError(p, t), 4);
    assert.equal(meanSquaredError(p, t), 8 / 3);
    assert.equal(halfMeanSquaredError(p, t), 8 / 6);
  });
  it("gradients: 2r, r, (2/n)r, r/n with r = ŷ − y, each checked by a central difference", () => {
    const r = p.map((v, i) => v - t[i]);
    assert.deepEqual(Array.from(sumSquaredErrorGradient(p, t)), r.map((v) => 2 * v));
    assert.deepEqual(Array.from(halfSumSquaredErrorGradient(p, t)), r);
    assert.deepEqual(Array.from(meanSquaredErrorGradient(p, t)), r.map((v) => (2 / 3) * v));
    assert.deepEqual(Array.from(halfMeanSquaredErrorGradient(p, t)), r.map((v) => v / 3));
    const h = 2 ** -20; // exact steps on dyadic inputs: the central difference of a quadratic is exact
    const bumped = (k: number, d: number) => p.map((v, i) => (i === k ? v + d : v));
    for (let k = 0; k < 3; k++) {
      const fd = (halfSumSquaredError(bumped(k, h), t) - halfSumSquaredError(bumped(k, -h), t)) /
        (2 * h);
      assert.equal(fd, r[k]);
    }
  });
  it("absolute error's subgradient is the sign, 0 at the kink", () => {
    assert.deepEqual(Array.from(sumAbsoluteErrorGradient([2, 1, 0], [1, 1, 1])), [1, 0, -1]);
  });
  it("bad input: mismatched lengths, empty arrays, non-finite values, a wrong out buffer", () => {
    assert.throws(() => meanSquaredError([1, 2], [1]), {
      name: "ShapeError",
      message: /predictions has 2 entries but targets has 1/,
    });
    assert.throws(() => meanSquaredError([], []), { name: "ShapeError", message: /empty/ });
    assert.throws(() => halfSumSquaredError([1, NaN], [1, 1]), {
      name: "NonFiniteError",
      message: /predictions must be finite, but entry 1 is NaN/,
    });
    assert.throws(() => halfSumSquaredErrorGradient([1], [1], new Float64Array(2)), {
      name: "ShapeError",
      message: /out has 2 entries/,
    });
  });
});
