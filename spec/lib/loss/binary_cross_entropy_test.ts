// S4 交叉熵损失函数: −log a for y = 1, −log(1 − a) for y = 0, and the contour-plot claims.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import json from "../../../fixtures/loss/cross_entropy.json" with { type: "json" };
import { fixtureById } from "../../_fixture.ts";
import { checkWithSubject } from "./_run.ts";
import { SUBJECTS } from "../../../worked/registry.ts";
import { subjectFor } from "../../../oracle/subject.ts";
import {
  binaryCrossEntropy,
  binaryCrossEntropyFromLogits,
  binaryCrossEntropyFromLogitsGradient,
  binaryCrossEntropyGradient,
  meanBinaryCrossEntropy,
} from "../../../lib/loss/binary_cross_entropy.ts";
import { halfMeanSquaredError } from "../../../lib/loss/squared_error.ts";
import { sigmoid } from "../../../lib/activation/sigmoid.ts";
import { designMatrix } from "../../../lib/regression/design.ts";
import { leastSquaresHessian } from "../../../lib/regression/hessian.ts";
import { symmetricEigen } from "../../../lib/linalg/symmetric_eigen.ts";

const binary = fixtureById(json, "s004.cross_entropy.binary");
const contour = fixtureById(json, "s004.cross_entropy.contour");

describe("S4: the two branches of the cross-entropy", () => {
  it("−ln a and −ln(1 − a) and their derivatives match mpmath", () => {
    checkWithSubject(SUBJECTS, binary);
  });
  it("the plotted claims: y = 1 falls to 0 as a → 1 and grows without bound as a → 0", () => {
    const positive = (binary.input.a as number[]).map((a) => binaryCrossEntropy([a], [1]));
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
      name: "ArgumentRangeError",
      message: /predicted probabilities must lie in \[0, 1\], but entry 0 is 1.5/,
    });
    assert.throws(() => binaryCrossEntropy([0.5], [2]), {
      name: "ArgumentRangeError",
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
    const { minimumLoss } = subjectFor(SUBJECTS, contour.id).compute(contour);
    assert.ok((minimumLoss as number) > 0.002, `J(w*, b*) = ${minimumLoss}`);
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
    // J(w, b) = (1/2n)Σ(wx + b − y)² has the Hessian XᵀX/n of the design X = [1, x].
    const h = leastSquaresHessian(designMatrix([contour.input.x as number[]]));
    const [a, b, c] = [h.data[0], h.data[1], h.data[3]];
    assert.equal(a * c - b * b, contour.expected.hessianDeterminant);
    assert.ok(symmetricEigen(h).values.every((v) => v > 0), "both axes finite: an ellipse");
  });
});

describe("binary cross-entropy at certain predictions and saturated logits (issue 12, item 3)", () => {
  it("∂L/∂p at p = y ∈ {0, 1} is the one-sided derivative ±1 (was NaN); elsewhere finite or ±∞", () => {
    assert.deepEqual(Array.from(binaryCrossEntropyGradient([0, 1], [0, 1])), [1, -1]);
    const grid = [0, 1e-300, 0.25, 0.5, 1 - 2 ** -53, 1];
    for (const p of grid) {
      for (const y of [0, 0.3, 1]) {
        const [g] = binaryCrossEntropyGradient([p], [y]);
        assert.ok(!Number.isNaN(g), `p = ${p}, y = ${y}`);
        const certainAndWrong = (p === 0 && y > 0) || (p === 1 && y < 1);
        assert.equal(Number.isFinite(g), !certainAndWrong, `p = ${p}, y = ${y}: ${g}`);
      }
    }
    assert.equal(binaryCrossEntropyGradient([0], [1])[0], -Infinity);
    assert.equal(binaryCrossEntropyGradient([1], [0])[0], Infinity);
  });
  it("the convention is the limit: (p − y)/(p(1 − p)) → ±1 as p → y = 0 or 1", () => {
    for (const h of [1e-6, 1e-12]) {
      assert.ok(Math.abs(binaryCrossEntropyGradient([h], [0])[0] - 1) < 2 * h);
      assert.ok(Math.abs(binaryCrossEntropyGradient([1 - h], [1])[0] + 1) < 2 * h);
    }
  });
  it("δ = σ(z) − y keeps its relative accuracy for a confident right answer: −σ(−z), not 0", () => {
    // σ(−z) = e^(−z)/(1 + e^(−z)) to within an ulp for these z (exp is within an ulp).
    for (const z of [20, 40, 100, 700]) {
      const [g] = binaryCrossEntropyFromLogitsGradient([z], [1]);
      const e = Math.exp(-z), exact = -e / (1 + e);
      assert.ok(Math.abs(g - exact) <= 4 * Number.EPSILON * Math.abs(exact), `z = ${z}: ${g}`);
    }
    assert.equal(binaryCrossEntropyFromLogitsGradient([-40], [0])[0], sigmoid(-40));
  });
  it("writes into a caller's buffer, and rejects a buffer that is not a Float64Array of the length", () => {
    const out = new Float64Array(2);
    assert.equal(binaryCrossEntropyFromLogitsGradient([0, 0], [1, 0], out), out);
    assert.deepEqual(Array.from(out), [-0.5, 0.5]);
    assert.throws(() => binaryCrossEntropyGradient([0.5], [1], new Float64Array(2)), {
      name: "ShapeError",
    });
    assert.throws(
      () => binaryCrossEntropyGradient([0.5], [1], [0] as unknown as Float64Array),
      { name: "InputTypeError", message: /out must be a Float64Array/ },
    );
  });
  it("typed errors for values of the wrong type, before any arithmetic", () => {
    const bad: unknown[] = [null, undefined, "0.5", 0.5, [1n], BigInt64Array.of(1n), { length: 1 }];
    for (const value of bad) {
      for (const f of [binaryCrossEntropy, binaryCrossEntropyFromLogits]) {
        assert.throws(() => f(value as number[], [1]), { name: "InputTypeError" }, String(value));
        assert.throws(() => f([0.5], value as number[]), { name: "InputTypeError" }, String(value));
      }
    }
    assert.throws(() => binaryCrossEntropy(["0.5"] as unknown as number[], [1]), {
      name: "InputTypeError",
      message: /entry 0 is the string "0.5"/,
    });
    // deno-lint-ignore no-sparse-arrays
    assert.throws(() => binaryCrossEntropy([, 0.5] as number[], [1, 1]), {
      name: "InputTypeError",
      message: /entry 0 is a hole/,
    });
  });
});
