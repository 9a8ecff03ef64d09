// Forward mode (lib/autodiff/dual.ts): the dual-number rules, and the same named errors.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { DUAL_ARITHMETIC, forwardModeGradient } from "../../../lib/autodiff/dual.ts";

const ops = DUAL_ARITHMETIC;

describe("dual numbers", () => {
  it("product rule: (x + ε)(x + ε) = x² + 2xε", () => {
    const x = { value: 1.5, derivative: 1 };
    assert.deepEqual(ops.mul(x, x), { value: 2.25, derivative: 3 });
  });
  it("quotient rule: d/dx (1/x) = −1/x² at x = 4", () => {
    assert.deepEqual(ops.div(1, { value: 4, derivative: 1 }), { value: 0.25, derivative: -0.0625 });
  });
  it("constants carry derivative 0, so √0 of a constant is allowed", () => {
    assert.deepEqual(ops.sqrt(ops.constant(0)), { value: 0, derivative: 0 });
  });
  it("one pass per input: ∂/∂a and ∂/∂b of e = (a + b)(b + 1)", () => {
    const result = forwardModeGradient(
      (o, { a, b }) => o.mul(o.add(a, b), o.add(b, 1)),
      { a: 2, b: 1 },
    );
    assert.deepEqual(result, { value: 6, gradient: { a: 2, b: 5 } });
  });
});

describe("dual numbers: bad input names the node", () => {
  it("division by zero", () => {
    assert.throws(() => ops.div(1, { value: 0, derivative: 1 }, "q"), {
      name: "ArgumentRangeError",
      message: /Cannot divide at node "q"/,
    });
  });
  it("ln of a non-positive number", () => {
    assert.throws(() => ops.log({ value: -1, derivative: 1 }, "b"), {
      name: "ArgumentRangeError",
      message: /Cannot take ln at node "b": its argument is -1/,
    });
  });
  it("√ at 0 with a non-zero seed has an infinite derivative", () => {
    assert.throws(() => ops.sqrt({ value: 0, derivative: 1 }, "c"), {
      name: "NonFiniteError",
      message: /Cannot differentiate sqrt at node "c"/,
    });
  });
  it("a non-finite input", () => {
    assert.throws(() => forwardModeGradient((_ops, { x }) => x, { x: Infinity }), {
      name: "NonFiniteError",
      message: /input "x" must be a finite number/,
    });
  });
});
