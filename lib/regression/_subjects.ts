/**
 * How the fixtures in fixtures/regression/ and fixtures/nist/ are computed with
 * lib/regression and lib/linalg: one subject per fixture family, shared by
 * spec/regression/ and the report. Private: not re-exported.
 *
 * @module
 */

import type { Fixture } from "../oracle/fixture.ts";
import type { Subject } from "../oracle/subject.ts";
import { leastSquares, type LeastSquaresMethod } from "../linalg/lstsq.ts";
import { matvec } from "../linalg/matvec.ts";
import { designMatrix } from "./design.ts";
import { leastSquaresCost } from "./cost.ts";

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

/** The input of the commute fixtures (001 §1.7). */
interface CommuteInput {
  readonly distance: number[];
  readonly weekday: number[];
  readonly minutes: number[];
  readonly method: LeastSquaresMethod;
}

/** W*, Y* = XW* and C(W*) for the commute data by the fixture's method. */
function commute(fixture: Fixture): Record<string, unknown> {
  const input = fixture.input as unknown as CommuteInput;
  const x = designMatrix([input.distance, input.weekday]);
  const { weights } = leastSquares(x, input.minutes, { method: input.method });
  return {
    W: weights,
    Ystar: matvec(x, weights),
    cost: leastSquaresCost(x, weights, input.minutes),
  };
}

/** Every subject of fixtures/regression/*.json and fixtures/nist/*.json. */
export const SUBJECTS: readonly Subject[] = [
  {
    ids: ["s001.commute", "s001.commute.qr", "s001.commute.accurate"],
    fields: ["W", "Ystar", "cost"],
    compute: commute,
  },
];
