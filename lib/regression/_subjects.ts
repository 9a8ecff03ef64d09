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
import { fitLinearModel, type LinearFit } from "./fit_statistics.ts";
import { polynomialDesign, polynomialDesignDoubleDouble } from "./polynomial.ts";
import { leastSquaresHessian } from "./hessian.ts";
import { ridgeRegression } from "./ridge.ts";
import { symmetricEigen } from "../linalg/symmetric_eigen.ts";

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

/** The input of a NIST StRD fixture (fixtures/nist/). */
export interface NistInput {
  /** "polynomial" (powers of x[0] up to `degree`) or "linear" (the columns of x). */
  readonly model: "polynomial" | "linear";
  /** The polynomial degree (null for a linear model). */
  readonly degree: number | null;
  /** Whether the model has B0 (NoInt1 and NoInt2 do not). */
  readonly intercept: boolean;
  /** The response, one value per observation. */
  readonly y: number[];
  /** The predictor columns, each one value per observation. */
  readonly x: number[][];
}

/**
 * Fits a NIST StRD dataset by `method`: polynomial designs are built in double-double
 * for the accurate method (powers rounded to double alone cost Filip half its digits).
 */
export function fitNist(input: NistInput, method: LeastSquaresMethod): LinearFit {
  let design;
  if (input.model === "polynomial") {
    const degree = input.degree as number;
    const powers = method === "accurate"
      ? polynomialDesignDoubleDouble(input.x[0], degree)
      : polynomialDesign(input.x[0], degree);
    // Without an intercept NIST's model is y = B1·x: drop the column of ones.
    design = input.intercept ? powers : dropFirstColumn(powers);
  } else {
    design = designMatrix(input.x, { intercept: input.intercept });
  }
  return fitLinearModel(design, input.y, { method, intercept: input.intercept });
}

function dropFirstColumn<T extends { rows: number; cols: number }>(m: T): T {
  const record = m as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = { rows: m.rows, cols: m.cols - 1 };
  for (const key of ["data", "hi", "lo"]) {
    const values = record[key] as Float64Array | undefined;
    if (values === undefined) continue;
    out[key] = values.filter((_, k) => k % m.cols !== 0);
  }
  return out as unknown as T;
}

/** Every subject of fixtures/regression/*.json and fixtures/nist/*.json. */
export const SUBJECTS: readonly Subject[] = [
  {
    ids: ["s001.commute", "s001.commute.qr", "s001.commute.accurate"],
    fields: ["W", "Ystar", "cost"],
    compute: commute,
  },
  {
    ids: ["s001.hessian"],
    compute: (fixture: Fixture) => {
      const input = fixture.input as unknown as CommuteInput;
      const hessian = leastSquaresHessian(designMatrix([input.distance, input.weekday]));
      const { values } = symmetricEigen(hessian);
      return { hessian, eigenvalues: values, positiveDefinite: values.every((v) => v > 0) };
    },
  },
  {
    ids: ["s001.ridge.*"],
    compute: (fixture: Fixture) => {
      const input = fixture.input as unknown as CommuteInput & { lambda: number };
      const x = designMatrix([input.distance, input.weekday]);
      return { W: ridgeRegression(x, input.minutes, input.lambda) };
    },
  },
  {
    ids: ["s001.poly.*"],
    compute: (fixture: Fixture) => {
      const input = fixture.input as unknown as CommuteInput & { degree: number };
      const x = polynomialDesign(input.distance, input.degree);
      const { weights } = leastSquares(x, input.minutes, { method: "qr" });
      return { W: weights, cost: leastSquaresCost(x, weights, input.minutes) };
    },
  },
  {
    ids: ["nist.lls.*"],
    compute: (fixture: Fixture) => {
      const fit = fitNist(fixture.input as unknown as NistInput, "accurate");
      return {
        coefficients: fit.weights,
        standardDeviations: fit.standardDeviations,
        residualStandardDeviation: fit.residualStandardDeviation,
        rSquared: fit.rSquared,
      };
    },
  },
];
