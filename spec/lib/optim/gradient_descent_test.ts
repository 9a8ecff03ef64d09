import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { assertAllClose, assertClose } from "../../../oracle/assert_close.ts";
import { assertFixture } from "../../../oracle/verify.ts";
import { subjectFor } from "../../../oracle/subject.ts";
import { SUBJECTS } from "../../../worked/registry.ts";
import { fromRows } from "../../../lib/linalg/matrix.ts";
import { leastSquaresGradientDescent } from "../../../lib/optim/gradient_descent.ts";
import { fixtureById } from "../../_fixture.ts";
import { checkConverged } from "./_run.ts";
import s000 from "../../../fixtures/gd/s000_gd20.json" with { type: "json" };
import s001 from "../../../fixtures/gd/s001_gd_matlab.json" with { type: "json" };
import { GD_STEP_VARIANTS } from "../../../lib/optim/gd_step.ts";
import { leastSquaresGradient } from "../../../lib/optim/least_squares.ts";
import s002 from "../../../fixtures/gd/s002_gd_regression.json" with { type: "json" };
import s004 from "../../../fixtures/gd/s004_gd_x2.json" with { type: "json" };

/** S0's data with its column of ones. */
function s0Data(input: Record<string, unknown>) {
  const x = fromRows((input.x as number[]).map((v) => [1, v]));
  return { x, y: input.y as number[] };
}

describe("S0 §4.2: gradient descent on 20 points, alpha = 0.01, theta0 = [1, 1]", () => {
  for (const id of ["s000.gd20.tol1e-6", "s000.gd20.tol1e-4", "s000.gd20.fixed17"]) {
    it(`${id}: iterations, theta, J and the final gradient match the exact replay`, () => {
      checkConverged(fixtureById(s000, id));
    });
  }

  it("the full program stops after 5033 steps, when both gradient components are ≤ 1e-6", () => {
    const fixture = fixtureById(s000, "s000.gd20.tol1e-6");
    const computed = checkConverged(fixture);
    assert.equal(computed.iterations, 5033);
    assert.ok((computed.gradient as number[]).every((g) => Math.abs(g) <= 1e-6));
    // One step fewer does not satisfy the rule: the count is exactly the program's.
    const { x, y } = s0Data(fixture.input);
    const shorter = leastSquaresGradientDescent(x, y, {
      learningRate: 0.01,
      initialWeights: [1, 1],
      stop: { kind: "gradient", tolerance: 1e-6 },
      maxIterations: 5032,
    });
    assert.equal(shorter.status, "maxIterations");
  });

  it("the looser rule (1e-4) stops earlier (3038 steps), and 17 fixed steps are far from the optimum", () => {
    const run = (id: string) => checkConverged(fixtureById(s000, id));
    assert.equal(run("s000.gd20.tol1e-4").iterations, 3038);
    assert.ok((run("s000.gd20.tol1e-6").iterations as number) > 3038);
    const fixedTheta = run("s000.gd20.fixed17").theta as number[];
    const star = run("s000.gd20.closed_form").thetaStar as number[];
    assert.ok(Math.abs(fixedTheta[0] - star[0]) > 0.4, "17 steps leave theta0 about 0.46 away");
  });

  it("error_function: the document's (1./2*m)·(Xθ)ᵀ(Xθ) is not J; lib's loss is", () => {
    const fixture = fixtureById(s000, "s000.gd20.tol1e-6");
    const computed = subjectFor(SUBJECTS, fixture.id).compute(fixture);
    const theta = computed.theta as number[];
    const xs = fixture.input.x as number[];
    const m = xs.length;
    // The document's formula as Python evaluates it: (1./2*m) = (1/2)*m = 10.
    const documentVersion = (1 / 2 * m) *
      xs.reduce((sum, v) => sum + (theta[0] + theta[1] * v) ** 2, 0);
    assertClose(
      documentVersion,
      fixture.expected.programErrorFunction as number,
      fixture.tolerance.programErrorFunction,
      "what the program prints",
    );
    assertClose(computed.J as number, fixture.expected.J as number, fixture.tolerance.J, "true J");
    assert.ok(documentVersion > 29000 && (computed.J as number) < 1.02);
  });

  it("converges to the closed-form optimum theta* = (XᵀX)⁻¹Xᵀy", () => {
    const fixture = fixtureById(s000, "s000.gd20.closed_form");
    const computed = checkConverged(fixture);
    const run = subjectFor(SUBJECTS, "s000.gd20.tol1e-6").compute(
      fixtureById(s000, "s000.gd20.tol1e-6"),
    );
    const distance = Math.max(
      ...(run.theta as number[]).map((v, j) => Math.abs(v - (computed.thetaStar as number[])[j])),
    );
    assertClose(
      distance,
      fixture.expected.distanceTol1e6 as number,
      fixture.tolerance.distanceTol1e6,
    );
  });

  it("the comment 'abs because gradient is the negative gradient' is wrong: signs differ", () => {
    const fixture = fixtureById(s000, "s000.gd20.tol1e-4");
    const gradient = checkConverged(fixture).gradient as number[];
    assert.ok(gradient[0] > 0 && gradient[1] < 0, "components of either sign need abs");
    // gradient_function is +∇J: a small step against it lowers J.
    const { x, y } = s0Data(fixture.input);
    const one = leastSquaresGradientDescent(x, y, {
      learningRate: 0.001,
      initialWeights: [1, 1],
      stop: { kind: "iterations", count: 1 },
      maxIterations: 1,
    });
    const start = leastSquaresGradientDescent(x, y, {
      learningRate: 0.001,
      initialWeights: [1, 1],
      stop: { kind: "iterations", count: 0 },
      maxIterations: 1,
    });
    assert.ok(one.loss < start.loss);
    assertAllClose(start.weights, [1, 1], {});
  });
});

describe("S1 §2.1: Gradient_Descent_for_Linear_Regression.m on the commute data", () => {
  const fixture = fixtureById(s001, "s001.gd_matlab");

  for (const variant of Object.keys(GD_STEP_VARIANTS)) {
    it(`${variant} kernel: 16 updates, W, Ŷ, C(W), the last step and W* match the exact replay`, () => {
      const subject = subjectFor(SUBJECTS, fixture.id);
      const computed = subject.compute({ ...fixture, input: { ...fixture.input, variant } });
      assert.equal(computed.status, "converged");
      assert.equal(computed.optimumStatus, "converged");
      assertFixture(fixture, computed, subject.fields);
    });
  }

  it("stops because every |ΔWⱼ| < 0.02, not because W is near W*", () => {
    const computed = subjectFor(SUBJECTS, fixture.id).compute(fixture);
    assert.equal(computed.status, "converged");
    assert.ok((computed.lastStep as number[]).every((d) => Math.abs(d) < 0.02));
    const w = computed.W as number[], star = computed.WStar as number[];
    assert.ok(Math.abs(w[0] - star[0]) > 3.8, "W₀ = 2.23 vs W*₀ = 6.09");
    assert.ok((computed.C as number) > 1.5 * (computed.CStar as number));
  });

  it("the step size 0.02 is stable: η·λmax(XᵀX/n) = 0.27 < 2, so the run would reach W*", () => {
    const optimum = subjectFor(SUBJECTS, fixture.id).compute(fixture);
    assert.equal(optimum.optimumStatus, "converged");
  });
});

describe("S2 梯度下降回归: b = 1.5, θ₁ = 2, θ₂ = 5, lr 1e-3, 2000 iterations from [3, 3, 3]", () => {
  it("infinite-data limit: GD on the population moments, and how far 2000 steps get", () => {
    const fixture = fixtureById(s002, "s002.gd_regression.limit");
    const computed = checkConverged(fixture);
    // Even with infinite data the intercept is still 1.18 above b = 1.5 after 2000 steps.
    assert.ok((computed.gap as number[])[0] > 1.1);
  });

  it("seeded stand-in: RandomState(0) draws, θ after 2000 steps, loss_vec[0] and loss_vec[1999]", () => {
    checkConverged(fixtureById(s002, "s002.gd_regression.seed0"));
  });

  it("erratum: the code's step is half the slide's (2/m)Xᵀ(Xθ − y) step; lib steps as the code", () => {
    const fixture = fixtureById(s002, "s002.gd_regression.seed0");
    const computed = subjectFor(SUBJECTS, fixture.id).compute(fixture);
    const x = fromRows(
      (computed.x1 as number[]).map((v, i) => [1, v, (computed.x2 as number[])[i]]),
    );
    const gradient = leastSquaresGradient(x, computed.y as number[], [3, 3, 3]);
    const slide = [0, 1, 2].map((j) => 3 - 1e-3 * (2 * gradient[j]));
    assertAllClose(
      slide,
      fixture.expected.firstStepSlideFormula as number[],
      fixture.tolerance.firstStepSlideFormula,
    );
    const code = computed.firstStepCode as number[];
    assertAllClose(
      code,
      fixture.expected.firstStepCode as number[],
      fixture.tolerance.firstStepCode,
    );
    for (let j = 0; j < 3; j++) {
      assertClose(3 - slide[j], 2 * (3 - code[j]), { rtol: 1e-13 }, "twice the move");
    }
  });
});

describe("S4 单变量函数的梯度下降: J(x) = x², x₀ = 1.2, η = 0.3", () => {
  const fixture = fixtureById(s004, "s004.gd_x2");

  it("the printed lines are x₁ … x₄ and J(xₙ), and they need the threshold 1e-3", () => {
    checkConverged(fixture);
  });

  it("erratum: the stated rule J(x) < 1e-2 prints only three lines", () => {
    const computed = checkConverged(fixture);
    assert.equal(computed.linesWithPrintedThreshold, 3);
    assert.equal(computed.lines, 4);
  });

  it("each step multiplies x by 1 − 2η = 0.4", () => {
    const xs = checkConverged(fixture).x as number[];
    assert.equal(xs.length, 4);
    for (let n = 1; n < xs.length; n++) assertClose(xs[n] / xs[n - 1], 0.4, { ulps: 2 });
  });
});
