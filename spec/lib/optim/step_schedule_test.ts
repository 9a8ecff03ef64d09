import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { assertClose } from "../../../oracle/assert_close.ts";
import { stepSize, validateStepSchedule } from "../../../lib/optim/step_schedule.ts";

describe("step schedules ηₜ", () => {
  it("C/√t with S1's C = 0.06: η₁ = 0.06, η₁₀₀ = 0.006", () => {
    const schedule = { kind: "inverseSqrt", constant: 0.06 } as const;
    assert.equal(stepSize(schedule, 1), 0.06);
    assertClose(stepSize(schedule, 100), 0.006, { ulps: 1 });
    assertClose(stepSize(schedule, 2), 0.06 / Math.SQRT2, { ulps: 1 });
  });

  it("C/t and constant", () => {
    assert.equal(stepSize({ kind: "inverse", constant: 0.06 }, 3), 0.02);
    assert.equal(stepSize({ kind: "constant", learningRate: 0.01 }, 1000), 0.01);
  });

  it("t counts from 1; bad schedules are refused", () => {
    assert.throws(() => stepSize({ kind: "inverse", constant: 1 }, 0), {
      name: "ArgumentRangeError",
      message: /Update number t must be an integer ≥ 1, got 0/,
    });
    assert.throws(() => validateStepSchedule({ kind: "constant", learningRate: 0 }), {
      name: "ArgumentRangeError",
      message: /learningRate must be a finite number > 0, got 0/,
    });
    assert.throws(() => validateStepSchedule({ kind: "adam" } as never), {
      name: "ArgumentRangeError",
      message: /Unknown step schedule kind "adam"/,
    });
  });

  it("each schedule's constant is checked, with its name; a non-object is refused", () => {
    assert.throws(() => validateStepSchedule({ kind: "inverseSqrt", constant: -0.06 }), {
      name: "ArgumentRangeError",
      message: /^Step schedule "inverseSqrt" constant C must be a finite number > 0, got -0.06/,
    });
    assert.throws(() => stepSize({ kind: "inverse", constant: Infinity }, 1), {
      name: "ArgumentRangeError",
      message: /^Step schedule "inverse" constant C must be a finite number > 0, got Infinity/,
    });
    assert.throws(() => stepSize({ kind: "constant", learningRate: "0.1" as never }, 1), {
      name: "InputTypeError",
      message: /^Step schedule learningRate must be a number/,
    });
    assert.throws(() => validateStepSchedule(null as never), {
      name: "InputTypeError",
      message:
        /^A step schedule must be an object such as \{ kind: "inverseSqrt", constant: 0.06 \}, got null/,
    });
    assert.throws(() => validateStepSchedule({} as never), {
      name: "ArgumentRangeError",
      message:
        'Unknown step schedule kind undefined: expected "constant", "inverseSqrt" or "inverse"',
    });
    assert.throws(() => stepSize({ kind: "constant", learningRate: 1 }, 1.5), {
      name: "ArgumentRangeError",
      message: /Update number t must be an integer ≥ 1, got 1.5/,
    });
    assert.deepEqual(validateStepSchedule({ kind: "inverse", constant: 2 }), {
      kind: "inverse",
      constant: 2,
    });
  });
});
