// Central differences (lib/autodiff/finite_difference.ts): second-order accuracy, the
// step, and bad input.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  centralDifference,
  centralDifferenceGradient,
} from "../../../lib/autodiff/finite_difference.ts";
import { assertClose } from "../../../oracle/assert_close.ts";

describe("central differences", () => {
  it("are exact for a quadratic up to rounding (the h² term vanishes)", () => {
    // (f(x+h) − f(x−h))/2h = 2x + 3 for f = x² + 3x, whatever h.
    assertClose(centralDifference((x) => x * x + 3 * x, 2, 0.5), 7, { ulps: 0 });
  });
  it("have error h²f‴/6 for a cubic", () => {
    // f = x³: (f(1+h) − f(1−h))/2h = 3 + h², with h = 2⁻¹⁰ exact in binary.
    const h = 2 ** -10;
    assertClose(centralDifference((x) => x ** 3, 1, h), 3 + h * h, { ulps: 2 });
  });
  it("the default step gives ~1e-10 accuracy on exp", () => {
    assertClose(centralDifference(Math.exp, 1), Math.E, { rtol: 1e-9, atol: 0 });
  });
  it("the gradient form shifts one input at a time", () => {
    const { value, gradient } = centralDifferenceGradient(
      (ops, { p, q }) => ops.mul(p, ops.exp(q)),
      { p: 2, q: 0 },
    );
    assert.equal(value, 2);
    assertClose(gradient.p, 1, { rtol: 1e-9, atol: 0 });
    assertClose(gradient.q, 2, { rtol: 1e-9, atol: 0 });
  });
  it("reject a non-positive step and a non-finite point", () => {
    assert.throws(() => centralDifference(Math.sin, 0, 0), {
      name: "ArgumentRangeError",
      message: /finite-difference step must be a finite number > 0/,
    });
    assert.throws(() => centralDifference(Math.sin, NaN), {
      name: "NonFiniteError",
      message: /the point x must be a finite number/,
    });
  });
});
