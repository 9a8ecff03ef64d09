// S4 交叉熵损失函数: −log a for y = 1, −log(1 − a) for y = 0, and the contour-plot claims.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import json from "../../../fixtures/loss/cross_entropy.json" with { type: "json" };
import { fixtureById } from "../../_fixture.ts";
import { checkWithSubject } from "./_run.ts";
import { SUBJECTS } from "../../../worked/registry.ts";
import {
  binaryCrossEntropy,
  binaryCrossEntropyFromLogits,
  binaryCrossEntropyFromLogitsGradient,
  binaryCrossEntropyGradient,
  meanBinaryCrossEntropy,
} from "../../../lib/loss/binary_cross_entropy.ts";
import { halfMeanSquaredError } from "../../../lib/loss/squared_error.ts";
import { sigmoid } from "../../../lib/activation/sigmoid.ts";

const binary = fixtureById(json, "s004.cross_entropy.binary");
const contour = fixtureById(json, "s004.cross_entropy.contour");

describe("S4: the two branches of the cross-entropy", () => {
  it("−ln a and −ln(1 − a) and their derivatives match mpmath", () => {
    checkWithSubject(SUBJECTS, binary);
  });
  it("the plotted claims: y = 1 falls to 0 as a → 1 and grows without bound as a → 0", () => {
    const positive = binary.expected.positive as number[];
    for (let i = 1; i < positive.length; i++) assert.ok(positive[i] < positive[i - 1]);
    assert.equal(binaryCrossEntropy([1], [1]), 0);
    assert.equal(binaryCrossEntropy([0], [1]), Infinity);
    assert.equal(binaryCrossEntropy([1], [0]), Infinity);
  });
  it("from logits it stays finite where σ(z) has rounded to 0 or 1", () => {
    assert.equal(binaryCrossEntropy([sigmoid(40)], [0]), Infinity); // σ(40) = 1 in binary64
    assert.ok(Math.abs(binaryCrossEntropyFromLogits([40], [0]) - 40) < 1e-14);
    assert.equal(binaryCrossEntropyFromLogitsGradient([0], [1])[0], -0.5);
    assert.equal(meanBinaryCrossEntropy([0.5, 0.5], [0, 1]), Math.LN2);
  });
  it("∂/∂a: (a − y)/(a(1 − a)), checked by a central difference", () => {
    const a = 0.3, h = 1e-6;
    const fd = (binaryCrossEntropy([a + h], [1]) - binaryCrossEntropy([a - h], [1])) / (2 * h);
    assert.ok(Math.abs(fd - binaryCrossEntropyGradient([a], [1])[0]) < 1e-8);
  });
  it("bad input: probabilities or targets outside [0, 1], non-finite, mismatched", () => {
    assert.throws(() => binaryCrossEntropy([1.5], [1]), {
      name: "RangeError",
      message: /predicted probabilities must lie in \[0, 1\], but entry 0 is 1.5/,
    });
    assert.throws(() => binaryCrossEntropy([0.5], [2]), {
      name: "RangeError",
      message: /targets must lie in \[0, 1\]/,
    });
    assert.throws(() => binaryCrossEntropyFromLogits([Infinity], [1]), {
      name: "NonFiniteError",
      message: /finite/,
    });
    assert.throws(() => binaryCrossEntropy([0.5, 0.5], [1]), {
      name: "ShapeError",
      message: /2 entries but targets has 1/,
    });
  });
});

describe("S4's contour claims (损失函数图像理解)", () => {
  it("the centre (w*, b*) has loss 0.00225, not 0", () => {
    checkWithSubject(SUBJECTS, contour);
    assert.ok((contour.expected.minimumLoss as number) > 0);
  });
  it("(w*, b*) is the minimum: the loss rises in every direction around it", () => {
    const x = contour.input.x as number[], y = contour.input.y as number[];
    const w = contour.expected.weight as number, b = contour.expected.bias as number;
    const J = (ww: number, bb: number) => halfMeanSquaredError(x.map((v) => ww * v + bb), y);
    for (const [dw, db] of [[1e-3, 0], [-1e-3, 0], [0, 1e-3], [0, -1e-3], [1e-3, -1e-3]]) {
      assert.ok(J(w + dw, b + db) > J(w, b));
    }
  });
  it("the contours are exact ellipses: the Hessian determinant Σx²/n − (Σx/n)² = 1.25 > 0", () => {
    const x = contour.input.x as number[], n = x.length;
    const mean = x.reduce((s, v) => s + v, 0) / n, meanSq = x.reduce((s, v) => s + v * v, 0) / n;
    assert.equal(meanSq - mean * mean, contour.expected.hessianDeterminant);
  });
});
