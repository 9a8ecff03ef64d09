import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { assertAllClose, assertClose } from "../../lib/oracle/assert_close.ts";
import { assertFixture } from "../../lib/oracle/verify.ts";
import { subjectFor } from "../../lib/oracle/subject.ts";
import { SUBJECTS } from "../../lib/optim/_subjects.ts";
import { fromRows } from "../../lib/linalg/matrix.ts";
import { leastSquaresGradientDescent } from "../../lib/optim/gradient_descent.ts";
import { fixtureById } from "../_fixture.ts";
import s000 from "../../fixtures/gd/s000_gd20.json" with { type: "json" };
import s001 from "../../fixtures/gd/s001_gd_matlab.json" with { type: "json" };
import { GD_STEP_VARIANTS } from "../../lib/optim/gd_step.ts";

/** S0's data with its column of ones. */
function s0Data(input: Record<string, unknown>) {
  const x = fromRows((input.x as number[]).map((v) => [1, v]));
  return { x, y: input.y as number[] };
}

describe("S0 §4.2: gradient descent on 20 points, alpha = 0.01, theta0 = [1, 1]", () => {
  for (const id of ["s000.gd20.tol1e-6", "s000.gd20.tol1e-4", "s000.gd20.fixed17"]) {
    it(`${id}: iterations, theta, J and the final gradient match the exact replay`, () => {
      const fixture = fixtureById(s000, id);
      const subject = subjectFor(SUBJECTS, id);
      const computed = subject.compute(fixture);
      assert.equal(computed.status, "converged");
      assertFixture(fixture, computed, subject.fields);
    });
  }

  it("the full program stops after 5033 steps, when both gradient components are ≤ 1e-6", () => {
    const fixture = fixtureById(s000, "s000.gd20.tol1e-6");
    const gradient = fixture.expected.gradient as number[];
    assert.equal(fixture.expected.iterations, 5033);
    assert.ok(gradient.every((g) => Math.abs(g) <= 1e-6));
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
    const loose = fixtureById(s000, "s000.gd20.tol1e-4");
    const fixed = fixtureById(s000, "s000.gd20.fixed17");
    const star = fixtureById(s000, "s000.gd20.closed_form").expected.thetaStar as number[];
    assert.equal(loose.expected.iterations, 3038);
    const fixedTheta = fixed.expected.theta as number[];
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
    const subject = subjectFor(SUBJECTS, fixture.id);
    const computed = subject.compute(fixture);
    assert.equal(computed.status, "converged");
    assertFixture(fixture, computed, subject.fields);
    assert.deepEqual(fixture.expected.thetaStarExact, ["49/95", "129/133"]);
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
    const gradient = fixture.expected.gradient as number[];
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
    const lastStep = fixture.expected.lastStep as number[];
    assert.ok(lastStep.every((d) => Math.abs(d) < 0.02));
    const w = fixture.expected.W as number[], star = fixture.expected.WStar as number[];
    assert.ok(Math.abs(w[0] - star[0]) > 3.8, "W₀ = 2.23 vs W*₀ = 6.09");
    assert.ok((fixture.expected.C as number) > 1.5 * (fixture.expected.CStar as number));
  });

  it("the step size 0.02 is stable: η·λmax(XᵀX/n) = 0.27 < 2, so the run would reach W*", () => {
    const optimum = subjectFor(SUBJECTS, fixture.id).compute(fixture);
    assert.equal(optimum.optimumStatus, "converged");
  });
});
