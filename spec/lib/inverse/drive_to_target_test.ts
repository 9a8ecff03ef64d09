// Driving a graph's output to a target (lib/inverse/drive_to_target.ts): the ai-edu
// programs of 004 iterate by iterate, the document's own formulas, Newton's method, every
// stopping status, and bad input.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import linearBp from "../../../fixtures/graph/linear_bp.json" with { type: "json" };
import nonlinearBp from "../../../fixtures/graph/nonlinear_bp.json" with { type: "json" };
import { fixtureById } from "../../_fixture.ts";
import { assertFixture } from "../../../oracle/verify.ts";
import { assertAllClose, assertClose } from "../../../oracle/assert_close.ts";
import { subjectFor } from "../../../oracle/subject.ts";
import type { Fixture } from "../../../oracle/fixture.ts";
import { SUBJECTS } from "../../../worked/registry.ts";
import { type DriveOptions, driveToTarget } from "../../../lib/inverse/drive_to_target.ts";
import { LINEAR_PRODUCT, SQRT_LOG_SQUARE } from "../../../worked/graphs.ts";

function check(fixture: Fixture): void {
  const subject = subjectFor(SUBJECTS, fixture.id);
  assertFixture(fixture, subject.compute(fixture), subject.fields);
}

const LINEAR: DriveOptions = {
  fn: LINEAR_PRODUCT.fn,
  start: { w: 3, b: 4 },
  adjust: ["b"],
  target: 150,
  tolerance: 1e-5,
  maxIterations: 100,
  factors: "recomputed",
};

describe("s004.linear_bp: z driven to 150, every pass bit for bit (004 [代码运行])", () => {
  const modes = [
    ["s004.linear_bp.b_fixed", "b alone, Δb = Δz/63: 6 passes"],
    ["s004.linear_bp.b_recomputed", "b alone, Δb = Δz/(2x + 3y): 4 passes"],
    ["s004.linear_bp.wb_fixed_halved", "w and b, Δz/63/2 and Δz/18/2: 5 passes"],
    ["s004.linear_bp.wb_recomputed_halved", "w and b, Δz/(2x + 3y)/2 and Δz/(2y)/2: 4 passes"],
  ];
  for (const [id, title] of modes) {
    it(title, () => check(fixtureById(linearBp, id)));
  }
  it("recomputing the factor is Newton's method: quadratic, where the fixed 63 is linear", () => {
    const run = (id: string) => {
      const fixture = fixtureById(linearBp, id);
      return subjectFor(SUBJECTS, id).compute(fixture) as { delta_z: number[]; b: number[] };
    };
    const fixed = run("s004.linear_bp.b_fixed").delta_z;
    const { delta_z: newton, b } = run("s004.linear_bp.b_recomputed");
    // Chord method: Δz shrinks by a roughly constant factor (~0.036) per pass.
    for (let i = 2; i < fixed.length; i++) {
      assert.ok(
        Math.abs(fixed[i] / fixed[i - 1]) > 0.03 && Math.abs(fixed[i] / fixed[i - 1]) < 0.05,
      );
    }
    // z is quadratic in b (∂²z/∂b² = 12), so a Newton step leaves exactly
    // Δz_{k+1} = 6·(Δz_k / (∂z/∂b)_k)², with ∂z/∂b = 3y + 2x = 12b + 15.
    for (let i = 0; i < newton.length - 1; i++) {
      const predicted = 6 * (newton[i] / (12 * b[i] + 15)) ** 2;
      // atol: z ≈ 150 carries an absolute rounding of ~3e-14.
      assertClose(newton[i + 1], predicted, { rtol: 1e-9, atol: 1e-13 });
    }
  });
});

describe("s004.linear_bp.wb_document_formulas: the text's Δb, Δw applied together", () => {
  const fixture = fixtureById(linearBp, "s004.linear_bp.wb_document_formulas");
  it("12 passes bit for bit, no convergence in 1000 updates, oscillation detected at pass 6", () =>
    check(fixture));
  it("erratum, both sides: unhalved Δz flips sign and grows; halved it converges in 4 passes", () => {
    const documentVersion = driveToTarget({ ...LINEAR, adjust: ["w", "b"], split: false });
    assert.equal(documentVersion.status, "oscillating");
    const deltas = documentVersion.passes.map((p) => p.deltaOutput);
    assert.deepEqual(deltas.map(Math.sign), [1, -1, 1, -1, 1, -1]);
    assert.ok(
      Math.abs(deltas[4]) > Math.abs(deltas[2]) && Math.abs(deltas[2]) > Math.abs(deltas[0]),
    );
    const corrected = driveToTarget({ ...LINEAR, adjust: ["w", "b"], split: true });
    assert.equal(corrected.status, "converged");
    const program = fixtureById(linearBp, "s004.linear_bp.wb_recomputed_halved");
    assert.equal(corrected.passes.length, program.expected.passes);
    assert.deepEqual(corrected.passes.map((p) => p.inputs.b), program.expected.b);
  });
});

describe("s004.nonlinear_bp: c = √(ln x²) = 2.13 by hand (004 非线性反向传播)", () => {
  const fixture = fixtureById(nonlinearBp, "s004.nonlinear_bp");
  it("x solved by driving the graph; 4.5369 right, 2.26854 and 9.6653 wrong", () => check(fixture));
});

describe("s004.nonlinear_bp.program: x = 2 driven to c = 2.13, every pass", () => {
  const fixture = fixtureById(nonlinearBp, "s004.nonlinear_bp.program");
  const expected = fixture.expected as Record<string, number[]>;
  it("x, a, b, c and Δc, Δb, Δa, Δx at each of the 5 passes; the text's c = 2.129 at pass 5", () =>
    check(fixture));
  it("it is Newton's method: the program's Δx equals Δc / c′(x), c′(x) = 1/(x·c)", () => {
    const computed = subjectFor(SUBJECTS, fixture.id).compute(fixture) as Record<string, number[]>;
    assert.equal(computed.delta_x.length, expected.delta_x.length);
    computed.delta_x.forEach((deltaX, i) => {
      const x = computed.x[i], c = computed.c[i];
      assertClose(deltaX, (c - 2.13) / (1 / (x * c)), { ulps: 4 });
    });
    // newton_x: Newton's method for c(x) = 2.13 in mpmath (the generator), rounded once.
    assertAllClose(computed.x, expected.newton_x, fixture.tolerance.newton_x);
  });
  const program = (start: number, target: number) =>
    driveToTarget({
      fn: SQRT_LOG_SQUARE.fn,
      start: { x: start },
      adjust: ["x"],
      target,
      tolerance: 1e-3,
      maxIterations: 19,
      factors: "recomputed",
      reset: { x: { below: 1, to: 1.1 } },
    });
  it("the reset x < 1 ⇒ 1.1 rescues an overshoot (x = 3 toward c = 0.5)", () => {
    const result = program(3, 0.5);
    assert.ok(3 - result.passes[0].corrections!.x < 1, "the first Newton step lands below 1");
    assert.equal(result.passes[1].inputs.x, 1.1);
    assert.equal(result.status, "converged");
    assertClose(result.inputs.x, Math.exp(0.5 ** 2 / 2), { rtol: 1e-3, atol: 0 });
  });
  it("…but traps targets below c(1.1) = 0.4366: the program stalls at x = 1.1", () => {
    // x = e^{0.005} = 1.005 solves c = 0.1, but every step from 1.1 lands below 1.
    const result = program(1.05, 0.1);
    assert.equal(result.status, "stalled");
    assert.deepEqual(result.passes.map((p) => p.inputs.x), [1.05, 1.1, 1.1]);
  });
});

describe("driveToTarget: every loop ends, with a status", () => {
  const line: DriveOptions = {
    fn: (ops, { x }) => ops.mul(10, x),
    start: { x: 1 },
    adjust: ["x"],
    target: 0,
    tolerance: 1e-12,
    maxIterations: 50,
    factors: { x: 1 },
  };
  it("diverged: a factor ten times too small multiplies Δz by −9 per pass", () => {
    const result = driveToTarget({ ...line, growthLimit: 100 });
    assert.equal(result.status, "diverged");
    assert.deepEqual(result.passes.map((p) => p.deltaOutput), [10, -90, 810, -7290]);
  });
  it("diverged by default once |Δz| passes 1e6·|Δz₀|", () => {
    const result = driveToTarget({ ...line, factors: { x: -1 }, maxIterations: 100 });
    assert.equal(result.status, "diverged");
    assert.equal(result.passes.at(-1)!.deltaOutput, 10 * 11 ** 6);
  });
  it("oscillating: a factor twice too small makes Δz flip sign without shrinking", () => {
    const result = driveToTarget({ ...line, factors: { x: 5 } });
    assert.equal(result.status, "oscillating");
    assert.deepEqual(result.passes.map((p) => p.deltaOutput), [10, -10, 10, -10, 10, -10]);
  });
  it("maxIterations: at most maxIterations updates, maxIterations + 1 passes", () => {
    const result = driveToTarget({ ...line, factors: { x: 20 }, maxIterations: 7 });
    assert.equal(result.status, "maxIterations");
    assert.equal(result.iterations, 7);
    assert.equal(result.passes.length, 8);
    assert.equal(result.passes.at(-1)!.corrections, undefined);
  });
  it("initial factors are frozen after the first pass (the chord method)", () => {
    const result = driveToTarget({ ...LINEAR, factors: "initial" });
    assert.ok(result.passes.slice(0, -1).every((p) => p.factors!.b === 63));
    const program = fixtureById(linearBp, "s004.linear_bp.b_fixed");
    assert.deepEqual(result.passes.map((p) => p.inputs.b), program.expected.b);
  });
});

describe("driveToTarget: bad input", () => {
  it("a target the output cannot reach: √(ln x²) < 0", () => {
    assert.throws(
      () =>
        driveToTarget({
          fn: SQRT_LOG_SQUARE.fn,
          start: { x: 2 },
          adjust: ["x"],
          target: -1,
          tolerance: 1e-3,
          maxIterations: 20,
          factors: "recomputed",
          outputRange: SQRT_LOG_SQUARE.range,
        }),
      {
        name: "ArgumentRangeError",
        message: /Cannot drive the output to -1: it only takes values in \[0, /,
      },
    );
  });
  it("a derivative of zero at the current point", () => {
    assert.throws(
      () =>
        driveToTarget({
          fn: (ops, { x }) => ops.mul(x, x),
          start: { x: 0 },
          adjust: ["x"],
          target: 4,
          tolerance: 1e-9,
          maxIterations: 20,
          factors: "recomputed",
        }),
      {
        name: "ArgumentRangeError",
        message: /Cannot correct input "x" at pass 1: ∂z\/∂x is 0 there/,
      },
    );
  });
  it("maxIterations must be a positive integer", () => {
    for (const maxIterations of [0, -1, 2.5, NaN, Infinity]) {
      assert.throws(() => driveToTarget({ ...LINEAR, maxIterations }), {
        name: "ArgumentRangeError",
        message: /maxIterations must be an integer ≥ 1/,
      });
    }
  });
  it("tolerance > 0, known inputs, a factor for each, a known factor mode", () => {
    assert.throws(() => driveToTarget({ ...LINEAR, tolerance: 0 }), {
      name: "ArgumentRangeError",
      message: /tolerance must be a finite number > 0/,
    });
    assert.throws(() => driveToTarget({ ...LINEAR, adjust: ["q"] }), {
      name: "ArgumentRangeError",
      message: /Cannot adjust input "q": it has no start value \(inputs: w, b\)/,
    });
    assert.throws(() => driveToTarget({ ...LINEAR, adjust: [] }), {
      name: "ArgumentRangeError",
      message: /no inputs to adjust/,
    });
    assert.throws(() => driveToTarget({ ...LINEAR, factors: { w: 18 } }), {
      name: "ArgumentRangeError",
      message: /no fixed factor ∂z\/∂b given/,
    });
    assert.throws(() => driveToTarget({ ...LINEAR, factors: "newton" as "initial" }), {
      name: "InputTypeError",
      message: /factors must be "recomputed", "initial" or numbers by input name/,
    });
  });
  it("an operation that fails inside the graph names its node", () => {
    assert.throws(
      () =>
        driveToTarget({
          fn: SQRT_LOG_SQUARE.fn,
          start: { x: 0.5 },
          adjust: ["x"],
          target: 1,
          tolerance: 1e-3,
          maxIterations: 20,
          factors: "recomputed",
        }),
      { name: "ArgumentRangeError", message: /Cannot take √ at node "c": its argument is -1\.38/ },
    );
  });
});
