// 001 §1.2 (C″(W)), §1.5 (polynomial regression) and §1.6 (ridge), on the commute data.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import hessianJson from "../../../fixtures/regression/hessian.json" with { type: "json" };
import ridgeJson from "../../../fixtures/regression/ridge.json" with { type: "json" };
import polyJson from "../../../fixtures/regression/poly.json" with { type: "json" };
import { allFixtures, fixtureById } from "../../_fixture.ts";
import { assertAllClose, assertClose } from "../../../oracle/assert_close.ts";
import { assertFixture } from "../../../oracle/verify.ts";
import { subjectFor } from "../../../oracle/subject.ts";
import { SUBJECTS } from "../../../worked/registry.ts";
import { designMatrix } from "../../../lib/regression/design.ts";
import { leastSquaresHessian } from "../../../lib/regression/hessian.ts";
import { ridgeCost, ridgeGradient, ridgeRegression } from "../../../lib/regression/ridge.ts";
import { polynomialDesign } from "../../../lib/regression/polynomial.ts";
import { symmetricEigen } from "../../../lib/linalg/symmetric_eigen.ts";
import { fromRows } from "../../../lib/linalg/matrix.ts";

const fixtures = [
  ...allFixtures(hessianJson, "hessian.json"),
  ...allFixtures(ridgeJson, "ridge.json"),
  ...allFixtures(polyJson, "poly.json"),
];

describe("001 §1.2, §1.5, §1.6 against exact oracles", () => {
  for (const fixture of fixtures) {
    it(`${fixture.id}`, () => {
      const subject = subjectFor(SUBJECTS, fixture.id);
      assertFixture(fixture, subject.compute(fixture), subject.fields);
    });
  }
});

describe("§1.2 erratum: C″(W) = XᵀX/n is only positive SEMI-definite in general", () => {
  it("on the commute data every eigenvalue is > 0 (X has rank 3)", () => {
    const input = fixtureById(hessianJson, "s001.hessian").input as unknown as {
      distance: number[];
      weekday: number[];
    };
    const h = leastSquaresHessian(designMatrix([input.distance, input.weekday]));
    const { values, status } = symmetricEigen(h);
    assert.equal(status, "converged");
    assert.ok(values.every((v) => v > 0.01), `eigenvalues ${values}`);
  });
  it("a duplicated feature column makes an eigenvalue 0: not 'always > 0'", () => {
    const distance = [2.5, 4, 1, 5.5, 3];
    const h = leastSquaresHessian(designMatrix([distance, distance]));
    const { values, status } = symmetricEigen(h);
    assert.equal(status, "converged");
    assert.ok(Math.abs(values[0]) < 1e-14, `smallest eigenvalue ${values[0]}`);
  });
});

describe("§1.6 ridge derivation: four slips, right closed form", () => {
  const fixture = fixtureById(ridgeJson, "s001.ridge.lambda01");
  const input = fixture.input as unknown as {
    distance: number[];
    weekday: number[];
    minutes: number[];
    lambda: number;
  };
  const x = designMatrix([input.distance, input.weekday]);
  const y = input.minutes, lambda = input.lambda;
  const w = [1.5, -0.5, 2];
  const numericGradient = w.map((_, j) => {
    const h = 1e-6;
    const plus = [...w], minus = [...w];
    plus[j] += h;
    minus[j] -= h;
    return (ridgeCost(x, plus, y, lambda) - ridgeCost(x, minus, y, lambda)) / (2 * h);
  });
  const dataPart = Array.from(ridgeGradient(x, w, y, lambda), (g, j) => g - lambda * w[j]);

  it("slip 1: the penalty's gradient is λW, not the document's 2W", () => {
    assertAllClose(ridgeGradient(x, w, y, lambda), numericGradient, { rtol: 1e-7 });
    const documents = dataPart.map((g, j) => g + 2 * w[j]);
    assert.ok(Math.abs(documents[0] - numericGradient[0]) > 1, "+2W is off by (2 − λ)w₀");
  });
  // ridgeCost is affine in λ: C(2λ) − C(λ) = (λ/2)·P(W), the data part cancels, so the
  // penalty P the library applies is (C(2λ) − C(λ))/(λ/2); likewise its gradient.
  const penalty = (ridgeCost(x, w, y, 2 * lambda) - ridgeCost(x, w, y, lambda)) / (lambda / 2);
  const penaltyGradient = Array.from(
    ridgeGradient(x, w, y, 2 * lambda),
    (g, j) => (g - ridgeGradient(x, w, y, lambda)[j]) / (lambda / 2),
  );
  // The bound of that cancellation: each cost (≈ 414 here) and gradient entry is computed
  // to a few ulps, so their difference divided by λ/2 is good to about 4ε·|C|/(λ/2)
  // absolute (≈ 7e-12 for the cost; measured 2.3e-13 on Deno and Bun), and likewise with
  // the largest gradient entry.
  const cancellation = (magnitude: number) => 4 * Number.EPSILON * magnitude / (lambda / 2);
  const costBound = cancellation(ridgeCost(x, w, y, 2 * lambda));
  const gradientBound = cancellation(
    Math.max(...Array.from(ridgeGradient(x, w, y, 2 * lambda), Math.abs)),
  );

  it("slip 2: the penalty (λ/2)Σwⱼ² is (λ/2)‖W‖₂², not (λ/2)(Σ|wⱼ|²)^{1/2} = (λ/2)‖W‖₂", () => {
    // W = (1.5, −0.5, 2): Σwⱼ² = 6.5, so ‖W‖₂ = √6.5 = 2.55.
    assertClose(penalty, 6.5, { atol: costBound, rtol: 0 });
    assert.ok(Math.abs(penalty - Math.sqrt(6.5)) > 3, "the document's root is 2.55");
  });
  it("slips 3 and 4: ∇Σwⱼ² is the vector 2W, not the scalar 2Σ|wⱼ| (nor the gradient of the root)", () => {
    assertAllClose(penaltyGradient, w.map((v) => 2 * v), { atol: gradientBound, rtol: 0 });
    const documentsScalar = 2 * w.reduce((s, v) => s + Math.abs(v), 0); // 2·4 = 8
    assert.ok(penaltyGradient.every((g) => Math.abs(g - documentsScalar) > 1));
    const gradientOfRoot = w.map((v) => v / Math.sqrt(6.5)); // what slip 2's expression gives
    assert.ok(penaltyGradient.every((g, j) => Math.abs(g - gradientOfRoot[j]) > 0.5));
  });
  it("the closed form (XᵀX/n + λI)⁻¹XᵀY/n zeroes the correct gradient", () => {
    const optimum = ridgeRegression(x, y, lambda);
    assertAllClose(ridgeGradient(x, optimum, y, lambda), [0, 0, 0], { atol: 1e-13 });
  });
});

describe("§1.5 erratum: (1.8) has w₁x₁ where φ(x) gives w₁x", () => {
  it("the design row is φ(x) = [1, x, x², …]: its second entry is x itself", () => {
    const x = polynomialDesign([2.7], 3);
    assert.deepEqual(Array.from(x.data), [1, 2.7, 2.7 * 2.7, 2.7 * 2.7 * 2.7]);
  });
  it("degree 4 interpolates the five commute points: C(W*) = 0 up to rounding", () => {
    const fixture = fixtureById(polyJson, "s001.poly.degree4");
    const { cost } = subjectFor(SUBJECTS, fixture.id).compute(fixture) as { cost: number };
    assert.ok(cost >= 0 && cost < 1e-24, `C(W*) = ${cost}`);
    const quadratic = fixtureById(polyJson, "s001.poly.degree2");
    const { cost: residual } = subjectFor(SUBJECTS, quadratic.id).compute(quadratic) as {
      cost: number;
    };
    assert.ok(residual > 0.1, `degree 2 does not interpolate: C = ${residual}`);
  });
});

describe("ridge, Hessian, polynomial and eigen: bad input", () => {
  const x = fromRows([[1, 2], [1, 3]]);
  it("λ ≤ 0", () => {
    for (const lambda of [0, -1]) {
      assert.throws(() => ridgeRegression(x, [1, 2], lambda), {
        name: "ArgumentRangeError",
        message: /Ridge strength λ must be a finite number > 0, got/,
      });
    }
  });
  it("ridge shape mismatch", () => {
    assert.throws(() => ridgeRegression(x, [1, 2, 3], 1), {
      name: "ShapeError",
      message: /X has 2 rows but y has 3 entries/,
    });
  });
  it("Hessian of an empty X", () => {
    assert.throws(() => leastSquaresHessian(fromRows([])), {
      name: "ShapeError",
      message: /X is empty \(0×0\)/,
    });
  });
  it("a negative or fractional polynomial degree", () => {
    assert.throws(() => polynomialDesign([1, 2], -1), {
      name: "ArgumentRangeError",
      message: /Polynomial degree m must be an integer in \[0, 1000\], got -1/,
    });
    assert.throws(() => polynomialDesign([1, 2], 1.5), {
      name: "ArgumentRangeError",
      message: /1\.5/,
    });
  });
  it("polynomial features of an empty or non-finite x", () => {
    assert.throws(() => polynomialDesign([], 2), { name: "ShapeError", message: /x is empty/ });
    assert.throws(() => polynomialDesign([1, NaN], 2), {
      name: "NonFiniteError",
      message: /x must be finite, but entry 1 is NaN/,
    });
  });
  it("design columns of different lengths", () => {
    assert.throws(() => designMatrix([[1, 2], [1]]), {
      name: "ShapeError",
      message: /feature column 1 has 1 values, column 0 has 2/,
    });
  });
  it("eigenvalues of a non-symmetric matrix, and a sweep limit", () => {
    assert.throws(() => symmetricEigen(fromRows([[1, 2], [3, 4]])), {
      name: "ArgumentRangeError",
      message: /not symmetric/,
    });
    assert.throws(() => symmetricEigen(fromRows([[1]]), { maxSweeps: 0 }), {
      name: "ArgumentRangeError",
      message: /maxSweeps must be an integer ≥ 1/,
    });
    const capped = symmetricEigen(fromRows([[2, 1, 0.5], [1, 3, 0.2], [0.5, 0.2, 4]]), {
      maxSweeps: 1,
    });
    assert.equal(capped.status, "maxIterations");
  });
});
