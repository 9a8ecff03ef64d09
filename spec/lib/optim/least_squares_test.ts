import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { assertAllClose, assertClose } from "../../../oracle/assert_close.ts";
import { assertFixture } from "../../../oracle/verify.ts";
import { subjectFor } from "../../../oracle/subject.ts";
import { SUBJECTS } from "../../../worked/registry.ts";
import { createMatrix, fromRows } from "../../../lib/linalg/matrix.ts";
import {
  leastSquaresGradient,
  leastSquaresLoss,
  leastSquaresProblem,
  momentsProblem,
} from "../../../lib/optim/least_squares.ts";
import { fixtureById } from "../../_fixture.ts";
import s000grad from "../../../fixtures/gd/s000_grad.json" with { type: "json" };

describe("S0 §4.2: the gradient ∂J/∂θ = (1/m)Xᵀ(Xθ − y)", () => {
  const fixture = fixtureById(s000grad, "s000.grad");
  const xs = fixture.input.x as number[];
  const ys = fixture.input.y as number[];
  const m = xs.length;
  const residual = xs.map((v, i) => 1 + v - ys[i]); // θ = [1, 1]

  it("the matrix form equals the exact gradient at θ = [1, 1]", () => {
    const subject = subjectFor(SUBJECTS, fixture.id);
    assertFixture(fixture, subject.compute(fixture), subject.fields);
  });

  it("erratum: summing the partials gives one number, g₀ + g₁, not the gradient", () => {
    const documentVersion = residual.reduce((s, r, i) => s + r * (1 + xs[i]), 0) / m;
    assertClose(
      documentVersion,
      fixture.expected.sumOfPartials as number,
      fixture.tolerance.sumOfPartials,
    );
    const gradient = leastSquaresGradient(fromRows(xs.map((v) => [1, v])), ys, [1, 1]);
    assertClose(documentVersion, gradient[0] + gradient[1], { ulps: 1 }); // 0.8 + 9.4 rounds once more
    assert.equal(gradient.length, 2, "the gradient has one entry per θⱼ");
    assert.ok(Math.abs(documentVersion - gradient[1]) > 0.5);
  });

  it("erratum: dropping the 1 and pulling x out of the sum gives one value per sample", () => {
    const sum = residual.reduce((s, r) => s + r, 0);
    const documentVersion = xs.map((v) => v * sum / m);
    assertAllClose(
      documentVersion,
      fixture.expected.droppedOne as number[],
      fixture.tolerance.droppedOne,
    );
    assert.equal(documentVersion.length, m, "a vector over samples, not over θ");
    const lib = leastSquaresGradient(fromRows(xs.map((v) => [1, v])), ys, [1, 1]);
    assert.notEqual(documentVersion[0], lib[1]);
  });
});

describe("least-squares objective", () => {
  const x = fromRows([[1, 2], [1, 3], [1, 5]]);
  const y = [1, 2, 4];

  it("C(W) and ∇C(W) agree with the Gram moments C = ½WᵀGW − cᵀW + ½s", () => {
    const problem = leastSquaresProblem(x, y);
    const w = [0.5, 0.25];
    const g = problem.gram, c = problem.moment;
    const gw = [g[0] * w[0] + g[1] * w[1], g[2] * w[0] + g[3] * w[1]];
    assertAllClose(leastSquaresGradient(x, y, w), [gw[0] - c[0], gw[1] - c[1]], { ulps: 4 });
    const gramLoss = 0.5 * (w[0] * gw[0] + w[1] * gw[1]) - (c[0] * w[0] + c[1] * w[1]) +
      0.5 * problem.meanSquare;
    assertClose(leastSquaresLoss(x, y, w), gramLoss, { rtol: 1e-14 });
  });

  it("rejects mismatched lengths, empty data and non-finite entries", () => {
    assert.throws(() => leastSquaresLoss(x, [1, 2], [0, 0]), {
      name: "ShapeError",
      message: /X has 3 rows but y has 2 entries/,
    });
    assert.throws(() => leastSquaresProblem(createMatrix(0, 2), []), {
      name: "ShapeError",
      message: /X is empty \(0×2\)/,
    });
    assert.throws(() => leastSquaresGradient(x, [1, NaN, 3], [0, 0]), {
      name: "NonFiniteError",
      message: /y .*must be finite, but entry 1 is NaN/,
    });
    assert.throws(() => leastSquaresLoss(fromRows([[1, Infinity]]), [1], [0, 0]), {
      name: "NonFiniteError",
      message: /X .*must be finite, but entry 1 is Infinity/,
    });
    assert.throws(() => leastSquaresLoss(x, y, [0, 0, 0]), {
      name: "ShapeError",
      message: /weights have 3 entries but X has 2 columns/,
    });
  });

  it("moments must be a symmetric d × d G with a d-vector c", () => {
    assert.throws(() => momentsProblem({ gram: [[1, 2], [3, 4]], moment: [0, 0] }), {
      name: "ArgumentRangeError",
      message: /not symmetric/,
    });
    assert.throws(() => momentsProblem({ gram: [[1]], moment: [0, 0] }), {
      name: "ShapeError",
      message: /G must be 2×2/,
    });
    assert.ok(Number.isNaN(momentsProblem({ gram: [[1]], moment: [0] }).meanSquare));
  });
});
