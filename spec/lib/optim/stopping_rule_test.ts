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

  it("each rule is tested on its own side of the update only", () => {
    const gradient = { kind: "gradient", tolerance: 1 } as const;
    const loss = { kind: "loss", threshold: 1 } as const;
    // Before the update: gradient and loss fire; after it, they never do.
    assert.equal(firesBeforeStep(gradient, [0.5], 0, 0), true);
    assert.equal(firesAfterStep(gradient, [0], [0], 1), false);
    assert.equal(firesBeforeStep(loss, [], 0.5, 0), true);
    assert.equal(firesAfterStep(loss, [0], [0], 1), false);
    // iterations fires on both sides from count on.
    const iterations = { kind: "iterations", count: 3 } as const;
    assert.equal(firesBeforeStep(iterations, [], 0, 2), false);
    assert.equal(firesBeforeStep(iterations, [], 0, 3), true);
    assert.equal(firesBeforeStep(iterations, [], 0, 4), true);
    assert.equal(firesAfterStep(iterations, [], [], 4), true);
  });

  it("gradient: every component must be within the tolerance, not only the first or the last", () => {
    const rule = { kind: "gradient", tolerance: 0.1 } as const;
    assert.equal(firesBeforeStep(rule, [0, 0.2, 0], 0, 0), false);
    assert.equal(firesBeforeStep(rule, [0.2, 0, 0], 0, 0), false);
    assert.equal(firesBeforeStep(rule, [0, 0, -0.2], 0, 0), false);
    assert.equal(firesBeforeStep(rule, [0.1, -0.05, 0], 0, 0), true);
    assert.equal(firesBeforeStep(rule, Float64Array.of(0.01, 0.02), 0, 0), true);
  });

  it("step: every component's change must be under the tolerance, in either direction", () => {
    const rule = { kind: "step", tolerance: 0.1 } as const;
    assert.equal(firesAfterStep(rule, [0, 0, 0], [0, 0.15, 0], 1), false);
    assert.equal(firesAfterStep(rule, [0, 0, 0], [0, 0, -0.15], 1), false);
    assert.equal(firesAfterStep(rule, [1, 1], [0.95, 1.05], 1), true);
    assert.equal(firesAfterStep(rule, [0], [NaN], 1), false, "a NaN step never converges");
  });

  it("a tolerance of 0 and a count of 0 are allowed; below 0, ∞ and wrong types are not", () => {
    assert.deepEqual(validateStoppingRule({ kind: "step", tolerance: 0 }), {
      kind: "step",
      tolerance: 0,
    });
    assert.deepEqual(validateStoppingRule({ kind: "iterations", count: 0 }), {
      kind: "iterations",
      count: 0,
    });
    assert.throws(() => validateStoppingRule({ kind: "step", tolerance: -1e-9 }), {
      name: "ArgumentRangeError",
      message: 'Stopping rule "step": tolerance must be a finite number ≥ 0, got -1e-9',
    });
    assert.throws(() => validateStoppingRule({ kind: "gradient", tolerance: Infinity }), {
      name: "ArgumentRangeError",
      message: 'Stopping rule "gradient": tolerance must be a finite number ≥ 0, got Infinity',
    });
    assert.throws(() => validateStoppingRule({ kind: "gradient", tolerance: "1e-6" as never }), {
      name: "InputTypeError",
      message: /^Stopping rule "gradient": tolerance must be a number/,
    });
    assert.throws(() => validateStoppingRule({ kind: "loss", threshold: "0.1" as never }), {
      name: "InputTypeError",
      message: /^Stopping rule "loss": threshold must be a number/,
    });
    assert.throws(() => validateStoppingRule({ kind: "loss", threshold: NaN }), {
      name: "ArgumentRangeError",
      message: 'Stopping rule "loss": threshold must be a finite number, got NaN',
    });
    assert.throws(() => validateStoppingRule({ kind: "iterations", count: -1 }), {
      name: "ArgumentRangeError",
      message: 'Stopping rule "iterations": count must be an integer ≥ 0, got -1',
    });
    assert.throws(() => validateStoppingRule({ kind: "iterations", count: "17" as never }), {
      name: "InputTypeError",
      message: /^Stopping rule "iterations": count must be a number/,
    });
  });

  it("an unknown or missing kind lists the four kinds", () => {
    const expected = '"gradient", "step", "loss" or "iterations"';
    assert.throws(() => validateStoppingRule({ kind: "patience" } as never), {
      name: "ArgumentRangeError",
      message: `Unknown stopping rule kind "patience": expected ${expected}`,
    });
    assert.throws(() => validateStoppingRule({} as never), {
      name: "ArgumentRangeError",
      message: `Unknown stopping rule kind undefined: expected ${expected}`,
    });
  });

  it("the tests check their other arguments", () => {
    const rule = { kind: "gradient", tolerance: 1 } as const;
    assert.throws(() => firesBeforeStep(rule, "0" as never, 0, 0), {
      name: "InputTypeError",
      message: /^gradient must be an array of numbers/,
    });
    assert.throws(() => firesBeforeStep(rule, [0], "0" as never, 0), {
      name: "InputTypeError",
      message: /^loss must be a number/,
    });
    assert.throws(() => firesBeforeStep(rule, [0], 0, "0" as never), {
      name: "InputTypeError",
      message: /^iterations must be a number/,
    });
    assert.throws(() => firesBeforeStep({ kind: "loss" } as never, [0], 0, 0), {
      name: "InputTypeError",
      message: /threshold must be a number/,
    });
    assert.throws(() => firesAfterStep(rule, "0" as never, [0], 0), {
      name: "InputTypeError",
      message: /^previous must be an array of numbers/,
    });
    assert.throws(() => firesAfterStep(rule, [0], "0" as never, 0), {
      name: "InputTypeError",
      message: /^next must be an array of numbers/,
    });
    assert.throws(() => firesAfterStep(rule, [0], [0], "0" as never), {
      name: "InputTypeError",
      message: /^iterations must be a number/,
    });
    assert.throws(() => firesAfterStep({ kind: "step", tolerance: -1 }, [0], [0], 0), {
      name: "ArgumentRangeError",
    });
  });
});
