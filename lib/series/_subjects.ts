/**
 * How each step-size-series worked result is computed with lib/series; used by
 * spec/series and by the report. Private: never re-exported.
 *
 * @module
 */

import type { Fixture } from "../oracle/fixture.ts";
import type { Subject } from "../oracle/subject.ts";
import {
  EULER_GAMMA,
  ROBBINS_MONRO_SERIES,
  robbinsMonroAsymptotic,
  robbinsMonroConditions,
  robbinsMonroPartialSum,
  type StepSeriesName,
  ZETA_HALF,
  ZETA_TWO,
} from "./robbins_monro.ts";

// Re-exported so that `deno doc --lint` finds every type SUBJECTS's type refers to.
export type { Subject } from "../oracle/subject.ts";
export type {
  Erratum,
  ExpectedValue,
  Fixture,
  FixtureOracle,
  FixtureSource,
} from "../oracle/fixture.ts";
export type { Tolerance } from "../oracle/assert_close.ts";

const horizonsOf = (fixture: Fixture) => fixture.input.horizons as number[];

/** S1 §2.2: the four partial sums at each horizon, compensated summation. */
const partialSums: Subject = {
  ids: ["s001.robbins_monro.partial_sums", "s001.robbins_monro.partial_sums_c006"],
  compute(fixture: Fixture) {
    const constant = fixture.input.constant as number;
    return Object.fromEntries(
      (Object.keys(ROBBINS_MONRO_SERIES) as StepSeriesName[]).map((name) => [
        name,
        horizonsOf(fixture).map((T) => robbinsMonroPartialSum(name, T, { constant })),
      ]),
    );
  },
};

/** S1 §2.2: asymptotic forms, their remainders, and the naive loop at T = 10⁶. */
const asymptotics: Subject = {
  ids: ["s001.robbins_monro.asymptotics"],
  compute(fixture: Fixture) {
    const names = ["stepsInverseSqrt", "stepsInverse", "squaresInverse"] as const;
    const [leadingInverseSqrt, leadingInverse, leadingInverseSquared] = names.map((name) =>
      horizonsOf(fixture).map((T) => robbinsMonroAsymptotic(name, T))
    );
    const remainder = (name: StepSeriesName, leading: number[]) =>
      horizonsOf(fixture).map((T, k) => robbinsMonroPartialSum(name, T) - leading[k]);
    return {
      zetaHalf: ZETA_HALF,
      eulerGamma: EULER_GAMMA,
      zetaTwo: ZETA_TWO,
      leadingInverseSqrt,
      leadingInverse,
      leadingInverseSquared,
      remainderInverseSqrt: remainder("stepsInverseSqrt", leadingInverseSqrt),
      remainderInverse: remainder("stepsInverse", leadingInverse),
      remainderInverseSquared: remainder("squaresInverse", leadingInverseSquared),
      naiveAt1e6: names.map((name) => robbinsMonroPartialSum(name, 1e6, { method: "naive" })),
    };
  },
};

/** S1 §2.2: which of ηₜ = C/t^p meets which Robbins–Monro condition. */
const conditions: Subject = {
  ids: ["s001.robbins_monro.conditions"],
  fields: ["stepsDiverge", "squaresConverge", "satisfied", "harmonicAt1e6"],
  compute(fixture: Fixture) {
    const all = (fixture.input.exponents as number[]).map(robbinsMonroConditions);
    return {
      stepsDiverge: all.map((c) => c.stepsDiverge),
      squaresConverge: all.map((c) => c.squaresConverge),
      satisfied: all.map((c) => c.satisfied),
      harmonicAt1e6: robbinsMonroPartialSum("stepsInverse", 1e6),
    };
  },
};

/** Every subject of lib/series. */
export const SUBJECTS: readonly Subject[] = [partialSums, asymptotics, conditions];
