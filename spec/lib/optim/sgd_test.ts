import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { assertAllClose } from "../../../oracle/assert_close.ts";
import { assertFixture } from "../../../oracle/verify.ts";
import { subjectFor } from "../../../oracle/subject.ts";
import { commuteDesign } from "../../../worked/s001/chapter1.ts";
import { SUBJECTS } from "../../../worked/registry.ts";
import { fromRows } from "../../../lib/linalg/matrix.ts";
import { RandomState } from "../../../lib/random/random_state.ts";
import { stochasticGradientDescent } from "../../../lib/optim/sgd.ts";
import { leastSquaresGradientDescent } from "../../../lib/optim/gradient_descent.ts";
import { fixtureById } from "../../_fixture.ts";
import { checkConverged } from "./_run.ts";
import minisgd from "../../../fixtures/gd/s001_minisgd.json" with { type: "json" };

const seed0 = fixtureById(minisgd, "s001.minisgd.seed0");
const x = commuteDesign(seed0.input);
const y = seed0.input.minutes as number[];

describe("S1 §2.2.1: MiniSGD_for_Linear_Regression.m, C = 0.06, b = 2, stop when every |ΔWⱼ| < 0.02", () => {
  it("seeded stand-in (seed 0): batches, W¹, stopping time, W, last step and C(W)", () => {
    checkConverged(seed0);
  });

  it("the first update from W⁰ = 0 is W¹ = (C/b)Σ_{i∈B₁} yᵢxᵢ", () => {
    const computed = subjectFor(SUBJECTS, seed0.id).compute(seed0);
    const [i, k] = (computed.batches as number[][])[0];
    assert.deepEqual([i, k], (seed0.expected.batches as number[][])[0]);
    const rows = [i, k].map((j) => [1, x.data[j * 3 + 1], x.data[j * 3 + 2]]);
    const direct = [0, 1, 2].map((p) => (0.06 / 2) * (y[i] * rows[0][p] + y[k] * rows[1][p]));
    assertAllClose(computed.firstIterate as number[], direct, { ulps: 1 });
  });

  it("stopping times over 1000 seeds: every seed, the quantiles and the histogram", () => {
    const fixture = fixtureById(minisgd, "s001.minisgd.stopping_times");
    const subject = subjectFor(SUBJECTS, fixture.id);
    const computed = subject.compute(fixture);
    assert.deepEqual(computed.statuses, ["converged"]);
    assertFixture(fixture, computed, subject.fields);
    assert.deepEqual(computed.quantiles, [3, 6, 8, 12, 17.25, 22, 42]);
  });

  it("erratum: the file samples with replacement (randi), though the note says 'usually without'", () => {
    const batches = subjectFor(SUBJECTS, seed0.id).compute(seed0).batches as number[][];
    assert.ok(batches.some(([a, b]) => a === b), "seed 0 draws a batch [3, 3] at t = 2");
    const without = stochasticGradientDescent(x, y, {
      schedule: { kind: "inverseSqrt", constant: 0.06 },
      batchSize: 2,
      replace: false,
      seed: 0,
      stop: { kind: "step", tolerance: 0.02 },
      maxIterations: 1000,
      recordBatches: true,
    });
    assert.ok(without.batches!.every(([a, b]) => a !== b));
  });
});

describe("SGD schedules, sampling and bad input", () => {
  const base = {
    schedule: { kind: "inverseSqrt", constant: 0.06 },
    batchSize: 2,
    replace: true,
    seed: 0,
    stop: { kind: "step", tolerance: 0.02 },
    maxIterations: 1000,
  } as const;

  it("with a RandomState instead of a seed, the same draws", () => {
    const a = stochasticGradientDescent(x, y, { ...base, recordBatches: true });
    const { seed: _seed, ...rest } = base;
    const b = stochasticGradientDescent(x, y, {
      ...rest,
      random: new RandomState(0),
      recordBatches: true,
    });
    assert.deepEqual(a.batches, b.batches);
    assertAllClose(a.weights, b.weights, {});
  });

  it("a full batch without replacement and a constant step is batch GD", () => {
    const sgd = stochasticGradientDescent(x, y, {
      ...base,
      schedule: { kind: "constant", learningRate: 0.02 },
      batchSize: 5,
      replace: false,
      stop: { kind: "iterations", count: 16 },
    });
    const gd = leastSquaresGradientDescent(x, y, {
      learningRate: 0.02,
      stop: { kind: "iterations", count: 16 },
      maxIterations: 1000,
    });
    assert.equal(sgd.iterations, 16);
    // Only the order of the batch sum differs (a permutation of the 5 samples).
    assertAllClose(sgd.weights, gd.weights, { ulps: 0 }); // measured 0 for seed 0
  });

  it("C/t decays faster than C/√t: the same seed stops sooner with C/t", () => {
    const sqrt = stochasticGradientDescent(x, y, base);
    const inverse = stochasticGradientDescent(x, y, {
      ...base,
      schedule: { kind: "inverse", constant: 0.06 },
    });
    assert.ok(inverse.iterations <= sqrt.iterations);
  });

  it("a constant step that is too large diverges, detected quickly and never NaN", () => {
    const run = stochasticGradientDescent(x, y, {
      ...base,
      schedule: { kind: "constant", learningRate: 5 },
      maxIterations: 100000,
    });
    assert.equal(run.status, "diverged");
    assert.ok(run.iterations < 100, `diverged after ${run.iterations} updates`);
    assert.ok(run.weights.every(Number.isFinite));
  });

  it("rejects bad input with what was wrong and what was expected", () => {
    assert.throws(() => stochasticGradientDescent(x, [1, 2, 3], base), {
      name: "ShapeError",
      message: /X has 5 rows but y has 3 entries/,
    });
    assert.throws(() => stochasticGradientDescent(fromRows([]), [], base), {
      name: "ShapeError",
      message: /X is empty/,
    });
    assert.throws(() => stochasticGradientDescent(x, [1, 2, 3, 4, NaN], base), {
      name: "NonFiniteError",
      message: /must be finite, but entry 4 is NaN/,
    });
    assert.throws(
      () => stochasticGradientDescent(x, y, { ...base, batchSize: 6, replace: false }),
      { name: "ShapeError", message: /batch size 6 is larger than the 5 samples/ },
    );
    assert.throws(() => stochasticGradientDescent(x, y, { ...base, batchSize: 0 }), {
      name: "ArgumentRangeError",
      message: /batchSize must be an integer ≥ 1/,
    });
    assert.throws(
      () =>
        stochasticGradientDescent(x, y, {
          ...base,
          schedule: { kind: "inverseSqrt", constant: -1 },
        }),
      { name: "ArgumentRangeError", message: /constant C must be a finite number > 0/ },
    );
    assert.throws(
      () =>
        stochasticGradientDescent(x, y, {
          ...base,
          schedule: { kind: "constant", learningRate: Infinity },
        }),
      { name: "ArgumentRangeError", message: /learningRate must be a finite number > 0/ },
    );
    assert.throws(() => stochasticGradientDescent(x, y, { ...base, maxIterations: 1.5 }), {
      name: "ArgumentRangeError",
      message: /maxIterations must be an integer ≥ 1/,
    });
    assert.throws(
      () => stochasticGradientDescent(x, y, { ...base, random: new RandomState(1) }),
      { name: "InputTypeError", message: /exactly one of seed and random/ },
    );
  });

  it("a rule that can never fire ends with status maxIterations", () => {
    const run = stochasticGradientDescent(x, y, {
      ...base,
      stop: { kind: "step", tolerance: 0 },
      maxIterations: 50,
    });
    assert.equal(run.status, "maxIterations");
    assert.equal(run.iterations, 50);
  });
});
