// Plain evaluation (lib/autodiff/arithmetic.ts): the same domain checks as the
// differentiating modes, so a function fails the same way in every mode.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { NUMBER_ARITHMETIC, type ScalarFunction } from "../../../lib/autodiff/arithmetic.ts";
import { DUAL_ARITHMETIC } from "../../../lib/autodiff/dual.ts";
import { Graph } from "../../../lib/autodiff/graph.ts";

describe("NUMBER_ARITHMETIC", () => {
  it("evaluates with IEEE operations", () => {
    assert.equal(NUMBER_ARITHMETIC.add(0.1, 0.2), 0.30000000000000004);
    assert.equal(NUMBER_ARITHMETIC.sigmoid(0), 0.5);
    assert.equal(NUMBER_ARITHMETIC.sigmoid(-800), 0, "no overflow for large negative x");
    assert.equal(NUMBER_ARITHMETIC.relu(-3), 0);
  });
  it("fails the same way as forward and reverse mode, naming the node", () => {
    const fn: ScalarFunction = (ops, { x }) => ops.log(ops.sub(x, 1, "shifted"), "b");
    const graph = new Graph();
    const attempts = [
      () => fn(NUMBER_ARITHMETIC, { x: 1 }),
      () => fn(DUAL_ARITHMETIC, { x: { value: 1, derivative: 1 } }),
      () => fn(graph, { x: graph.input("x", 1) }),
    ];
    for (const attempt of attempts) {
      assert.throws(attempt, {
        name: "ArgumentRangeError",
        message: /Cannot take ln at node "b": its argument is 0/,
      });
    }
  });
  it("division by zero is an error, not Infinity", () => {
    assert.throws(() => NUMBER_ARITHMETIC.div(1, 0, "q"), {
      name: "ArgumentRangeError",
      message: /Cannot divide at node "q": the divisor is 0/,
    });
  });
});
