// S1 §2.2.2: SGD for the squared-hinge classifier on iris setosa vs versicolor (seeded stand-in).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import sgdJson from "../../../fixtures/classify/squared_hinge_sgd.json" with { type: "json" };
import irisJson from "../../../fixtures/classify/iris.json" with { type: "json" };
import { allFixtures, fixtureById } from "../../_fixture.ts";
import { checkWithSubject } from "./_run.ts";
import { linearSign, trainSquaredHingeSgd } from "../../../lib/classify/squared_hinge_sgd.ts";
import { squaredHingeCost } from "../../../lib/loss/squared_hinge.ts";

const iris = fixtureById(irisJson, "iris");

describe("the iris data (iris.csv)", () => {
  it("150 samples, 50 per class, class means", () => checkWithSubject(iris));
});

describe("S1 §2.2.2 SGD, W ← W − ηₜ(Wᵀx − y)x when yWᵀx < 1", () => {
  for (const fixture of allFixtures(sgdJson, "squared_hinge_sgd.json")) {
    it(`${fixture.id}: replays numpy's RandomState(${fixture.random?.seed}) run step for step`, () =>
      checkWithSubject(fixture));
  }
  const fx = fixtureById(sgdJson, "s001.sq_hinge.sgd.seed20261121.c0_1");
  const rows = fx.input.inputs as number[][], y = fx.input.labels as number[];
  const x = { rows: rows.length, cols: 5, data: Float64Array.from(rows.flat()) };
  it("converged means every margin ≥ 1: C(W) = 0 and setosa/versicolor are perfectly separated", () => {
    const r = trainSquaredHingeSgd(x, y, { stepSize: 0.1, maxIterations: 2000, seed: 20261121 });
    assert.equal(r.status, "converged");
    assert.equal(squaredHingeCost(r.weights, x, y), 0);
    assert.deepEqual(linearSign(r.weights, x), y);
  });
  it("a constant step that is too large diverges, and says so", () => {
    const r = trainSquaredHingeSgd(x, y, {
      stepSize: 5,
      schedule: "constant",
      maxIterations: 2000,
      seed: 1,
    });
    assert.equal(r.status, "diverged");
  });
  it("bad input: labels 0/1 instead of ±1, a zero step, no samples", () => {
    assert.throws(
      () =>
        trainSquaredHingeSgd(x, y.map((v) => (v + 1) / 2), {
          stepSize: 0.1,
          maxIterations: 10,
          seed: 0,
        }),
      {
        name: "ArgumentRangeError",
        message: /labels must be −1 or \+1/,
      },
    );
    assert.throws(() => trainSquaredHingeSgd(x, y, { stepSize: 0, maxIterations: 10, seed: 0 }), {
      name: "ArgumentRangeError",
      message: /stepSize \(C\) must be a finite number > 0/,
    });
    assert.throws(
      () =>
        trainSquaredHingeSgd({ rows: 0, cols: 5, data: new Float64Array() }, [], {
          stepSize: 1,
          maxIterations: 1,
          seed: 0,
        }),
      {
        name: "ShapeError",
        message: /no samples/,
      },
    );
  });
});
