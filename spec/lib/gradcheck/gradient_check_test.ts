import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  checkGradient,
  DEFAULT_GRADIENT_CHECK_BOUND,
  DEFAULT_GRADIENT_CHECK_STEP,
  relativeError,
} from "../../../lib/gradcheck/gradient_check.ts";

// f(x) = Σ sin(xᵢ)·xᵢ₊₁ + x₀³, with its gradient written by hand.
const f = (x: Float64Array): number => {
  let sum = x[0] ** 3;
  for (let i = 0; i + 1 < x.length; i++) sum += Math.sin(x[i]) * x[i + 1];
  return sum;
};
const grad = (x: Float64Array): Float64Array => {
  const g = new Float64Array(x.length);
  g[0] = 3 * x[0] ** 2;
  for (let i = 0; i + 1 < x.length; i++) {
    g[i] += Math.cos(x[i]) * x[i + 1];
    g[i + 1] += Math.sin(x[i]);
  }
  return g;
};

describe("checkGradient: central differences with a stated step and bound (cs231n)", () => {
  it("states its default step 1e-5 and bound 1e-6", () => {
    assert.equal(DEFAULT_GRADIENT_CHECK_STEP, 1e-5);
    assert.equal(DEFAULT_GRADIENT_CHECK_BOUND, 1e-6);
    const r = checkGradient(f, grad, new Float64Array([0.3, -1.2, 0.7]));
    assert.equal(r.step, 1e-5);
    assert.equal(r.bound, 1e-6);
  });
  it("passes a correct gradient, with every coordinate's relative error far below the bound", () => {
    const x = new Float64Array([0.3, -1.2, 0.7, 2.5]);
    const r = checkGradient(f, grad, x);
    assert.equal(r.passed, true);
    assert.equal(r.coordinates.length, 4);
    assert.ok(r.worst !== null && r.worst.relativeError < 1e-9, `worst ${r.worst?.relativeError}`);
  });
  it("fails a gradient with one wrong coordinate and names it as the worst", () => {
    const x = new Float64Array([0.3, -1.2, 0.7, 2.5]);
    const wrong = grad(x);
    wrong[2] *= 1.001;
    const r = checkGradient(f, wrong, x);
    assert.equal(r.passed, false);
    assert.equal(r.worst?.index, 2);
    assert.equal(r.coordinates.filter((c) => !c.passed).length, 1);
    assert.ok(Math.abs(r.worst!.relativeError - 0.001 / 1.001) < 1e-8);
  });
  it("catches a sign error, the commonest backprop bug (relative error 2)", () => {
    const x = new Float64Array([0.5, 0.5]);
    const r = checkGradient(f, grad(x).map((g) => -g), x);
    assert.equal(r.passed, false);
    assert.ok(Math.abs(r.worst!.relativeError - 2) < 1e-9);
  });
  it("leaves the point unchanged, bit for bit", () => {
    const x = new Float64Array([0.1, 0.2, 0.3]);
    const copy = x.slice();
    checkGradient(f, grad, x);
    assert.deepEqual(Array.from(x), Array.from(copy));
  });
  it("the numeric estimate matches the analytic one of a quadratic exactly up to rounding", () => {
    // Central differences are exact for quadratics, so only rounding remains.
    const r = checkGradient(
      (x) => 3 * x[0] * x[0] - x[0],
      [3 * 2 * 1.5 - 1],
      new Float64Array([1.5]),
    );
    assert.ok(Math.abs(r.coordinates[0].numeric - 8) < 1e-9);
  });
});

describe("relativeError", () => {
  it("is |a − n| / max(|a|, |n|) above the floor and absolute below it", () => {
    assert.equal(relativeError(2, 1, 0), 0.5);
    assert.equal(relativeError(0, 0, 0), 0);
    assert.equal(relativeError(1e-12, 0, 1e-8), 1e-12 / 1e-8);
    assert.equal(relativeError(1, 0, 0), 1);
  });
});

describe("checkGradient: bad input", () => {
  const x = new Float64Array([1, 2]);
  it("rejects a gradient of the wrong length", () => {
    assert.throws(() => checkGradient(f, [1], x), {
      name: "ShapeError",
      message: /it has 1 entries but the point has 2/,
    });
  });
  it("rejects a non-finite point or gradient", () => {
    assert.throws(() => checkGradient(f, [1, 2], new Float64Array([1, NaN])), {
      name: "NonFiniteError",
      message: /point must be finite, but entry 1 is NaN/,
    });
    assert.throws(() => checkGradient(f, [Infinity, 2], x), {
      name: "NonFiniteError",
      message: /Claimed gradient must be finite/,
    });
  });
  it("rejects a step or bound ≤ 0 and a negative floor", () => {
    assert.throws(() => checkGradient(f, grad, x, { step: 0 }), {
      name: "ArgumentRangeError",
      message: /step must be a finite number > 0, got 0/,
    });
    assert.throws(() => checkGradient(f, grad, x, { bound: -1 }), {
      name: "ArgumentRangeError",
      message: /bound must be a finite number > 0/,
    });
    assert.throws(() => checkGradient(f, grad, x, { floor: -1 }), {
      name: "ArgumentRangeError",
      message: /floor must be a finite number ≥ 0/,
    });
  });
  it("rejects a point that is not a Float64Array", () => {
    assert.throws(() => checkGradient(f, [1, 2], [1, 2] as unknown as Float64Array), {
      name: "InputTypeError",
      message: /must be a Float64Array/,
    });
  });
  it("reports a function that returns a non-finite value", () => {
    const logOf = (v: Float64Array) => (v[0] > 0 ? Math.log(v[0]) : NaN);
    assert.throws(() => checkGradient(logOf, [1e5], new Float64Array([0, 1]).subarray(0, 1)), {
      name: "NonFiniteError",
      message: /f returned NaN when coordinate 0 was perturbed/,
    });
  });
});
