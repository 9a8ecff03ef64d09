import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  firesAfterStep,
  firesBeforeStep,
  validateStoppingRule,
} from "../../../lib/optim/stopping_rule.ts";

describe("stopping rules as the documents' loops test them", () => {
  it("gradient (S0): np.all(np.absolute(gradient) <= tol), inclusive, before the update", () => {
    const rule = { kind: "gradient", tolerance: 1e-6 } as const;
    assert.equal(firesBeforeStep(rule, [1e-6, -1e-6], 0, 0), true);
    assert.equal(firesBeforeStep(rule, [1e-6, -1.0000001e-6], 0, 0), false);
    assert.equal(firesBeforeStep(rule, [NaN], 0, 0), false, "NaN never satisfies the rule");
    assert.equal(firesAfterStep(rule, [0], [0], 5), false);
  });

  it("step (S1's MATLAB files): sum(abs(w_last-w_next)>=e) == 0, strict, after the update", () => {
    const rule = { kind: "step", tolerance: 0.02 } as const;
    assert.equal(firesAfterStep(rule, [1, 2], [1.019, 2.019], 1), true);
    assert.equal(firesAfterStep(rule, [0, 0], [0.02, 0], 1), false, "|ΔW| = e keeps looping");
    assert.equal(firesBeforeStep(rule, [0, 0], 0, 3), false);
  });

  it("loss (S4): stop once J < threshold, before the update", () => {
    const rule = { kind: "loss", threshold: 1e-3 } as const;
    assert.equal(firesBeforeStep(rule, [], 0.0009437184, 4), true);
    assert.equal(firesBeforeStep(rule, [], 0.001, 4), false);
  });

  it("iterations (S0's range(17), S2's num_iter): exactly count updates", () => {
    const rule = { kind: "iterations", count: 17 } as const;
    assert.equal(firesAfterStep(rule, [], [], 16), false);
    assert.equal(firesAfterStep(rule, [], [], 17), true);
    assert.equal(firesBeforeStep({ kind: "iterations", count: 0 }, [], 0, 0), true);
  });

  it("malformed rules are refused with the expected form", () => {
    assert.throws(() => validateStoppingRule({ kind: "gradient", tolerance: NaN }), {
      name: "ArgumentRangeError",
      message: /tolerance must be a finite number ≥ 0, got NaN/,
    });
    assert.throws(() => validateStoppingRule({ kind: "loss", threshold: Infinity }), {
      name: "ArgumentRangeError",
      message: /threshold must be a finite number/,
    });
    assert.throws(() => validateStoppingRule({ kind: "iterations", count: 1.5 }), {
      name: "ArgumentRangeError",
      message: /count must be an integer ≥ 0/,
    });
    assert.throws(() => validateStoppingRule(null as never), {
      name: "InputTypeError",
      message: /must be an object/,
    });
  });
});
