import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { assertClose } from "../../../oracle/assert_close.ts";
import { assertFixture } from "../../../oracle/verify.ts";
import { subjectFor } from "../../../oracle/subject.ts";
import { SUBJECTS } from "../../../worked/registry.ts";
import {
  robbinsMonroAsymptotic,
  robbinsMonroConditions,
  robbinsMonroPartialSum,
} from "../../../lib/series/robbins_monro.ts";
import { stepSize } from "../../../lib/optim/step_schedule.ts";
import { fixtureById } from "../../_fixture.ts";
import json from "../../../fixtures/series/s001_robbins_monro.json" with { type: "json" };

describe("S1 §2.2: partial sums of the step-size series", () => {
  for (const id of ["s001.robbins_monro.partial_sums", "s001.robbins_monro.partial_sums_c006"]) {
    it(`${id}: Σ C/√t, Σ C²/t, Σ C/t, Σ C²/t² at T = 10 … 10⁶ within 1 ulp`, () => {
      const fixture = fixtureById(json, id);
      assertFixture(fixture, subjectFor(SUBJECTS, id).compute(fixture));
    });
  }

  it("asymptotics: 2√T + ζ(½), ln T + γ, π²/6 − 1/T, with remainders 1/(2√T), 1/(2T), 1/(2T²)", () => {
    const fixture = fixtureById(json, "s001.robbins_monro.asymptotics");
    assertFixture(fixture, subjectFor(SUBJECTS, fixture.id).compute(fixture));
    const horizons = fixture.input.horizons as number[];
    const remainders = fixture.expected.remainderInverseSqrt as number[];
    horizons.forEach((T, k) => assertClose(remainders[k] * 2 * Math.sqrt(T), 1, { rtol: 0.02 }));
  });

  it("Euler–Maclaurin corrections bring the asymptotic form to the partial sum", () => {
    const exact = robbinsMonroPartialSum("stepsInverse", 1000);
    const corrected = robbinsMonroAsymptotic("stepsInverse", 1000, { corrections: 3 });
    assertClose(corrected, exact, { ulps: 2 });
  });

  it("the naive loop drifts: 220 ulps at T = 10⁶ for Σ 1/√t, compensated stays within 1", () => {
    const naive = robbinsMonroPartialSum("stepsInverseSqrt", 1e6, { method: "naive" });
    const truth = (fixtureById(json, "s001.robbins_monro.partial_sums").expected
      .stepsInverseSqrt as number[])[4];
    const ulp = 2 ** -42; // spacing of doubles in [1024, 2048)
    assert.ok(Math.abs(naive - truth) / ulp > 200, `naive error ${(naive - truth) / ulp} ulps`);
    for (const method of ["compensated", "pairwise"] as const) {
      const sum = robbinsMonroPartialSum("stepsInverseSqrt", 1e6, { method });
      assertClose(sum, truth, { ulps: 1 }, method);
    }
  });
});

describe("S1 §2.2: which schedule meets which Robbins–Monro condition", () => {
  const fixture = fixtureById(json, "s001.robbins_monro.conditions");

  it("constant, C/√t, C/t, C/t²: only C/t meets both", () => {
    const subject = subjectFor(SUBJECTS, fixture.id);
    assertFixture(fixture, subject.compute(fixture), subject.fields);
  });

  it("erratum: the text announces that C/√t meets both conditions; Σ C²/t grows like ln T", () => {
    assert.equal(robbinsMonroConditions(0.5).squaresConverge, false);
    const perDecade = [1e2, 1e3, 1e4, 1e6].map((T) =>
      robbinsMonroPartialSum("squaresInverseSqrt", T) -
      robbinsMonroPartialSum("squaresInverseSqrt", T / 10)
    );
    for (const step of perDecade) assertClose(step, Math.LN10, { rtol: 0.05 });
  });

  it("erratum: 'ηₜ diverges' — ηₜ = C/√t → 0; it is Σηₜ² that diverges", () => {
    const schedule = { kind: "inverseSqrt", constant: 0.06 } as const;
    assert.ok(stepSize(schedule, 1e6) < 1e-4);
    assert.ok(
      robbinsMonroPartialSum("squaresInverseSqrt", 1e6, { constant: 0.06 }) >
        robbinsMonroPartialSum("squaresInverseSqrt", 1e4, { constant: 0.06 }),
    );
  });

  it("erratum: the harmonic bound is ln n − ln 1, and H_n ≥ ln n holds", () => {
    const harmonic = robbinsMonroPartialSum("stepsInverse", 1e6);
    const ln = Math.log(1e6);
    assertClose(ln, fixture.expected.lnAt1e6 as number, fixture.tolerance.lnAt1e6);
    assert.ok(harmonic >= ln + 0.5, "H_n − ln n → γ = 0.577");
  });
});

describe("bad input", () => {
  it("rejects unknown series, horizons, constants and methods", () => {
    assert.throws(() => robbinsMonroPartialSum("steps" as never, 10), {
      name: "ArgumentRangeError",
      message: /Unknown step series "steps"/,
    });
    assert.throws(() => robbinsMonroPartialSum("stepsInverse", 0), {
      name: "ArgumentRangeError",
      message: /Horizon T must be an integer ≥ 1, got 0/,
    });
    assert.throws(() => robbinsMonroPartialSum("stepsInverse", 10, { constant: -1 }), {
      name: "ArgumentRangeError",
      message: /Constant C must be a finite number > 0/,
    });
    assert.throws(() => robbinsMonroPartialSum("stepsInverse", 10, { method: "kahan" as never }), {
      name: "ArgumentRangeError",
      message: /Unknown summation method "kahan"/,
    });
    assert.throws(() => robbinsMonroAsymptotic("stepsInverse", 10, { corrections: 4 }), {
      name: "ArgumentRangeError",
      message: /Number of corrections must be an integer in \[0, 3\], got 4/,
    });
    assert.throws(() => robbinsMonroConditions(-1), {
      name: "ArgumentRangeError",
      message: /Exponent p must be a finite number ≥ 0/,
    });
  });
});
