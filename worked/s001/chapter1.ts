/**
 * S1 chapter 1 — linear models: §1.2 the Hessian C″(W) = XᵀX/n, §1.3 the shape of X,
 * §1.4 the squared hinge loss (1.7) and which margin losses are differentiable, §1.5
 * polynomial regression, §1.6 ridge regression, §1.7 the commute-time least-squares fit.
 *
 * @module
 */

import type { Fixture } from "../../oracle/fixture.ts";
import type { Subject } from "../../oracle/subject.ts";
import { fromRows, fromRows as matrix, type Matrix } from "../../lib/linalg/matrix.ts";
import { leastSquares, type LeastSquaresMethod } from "../../lib/linalg/lstsq.ts";
import { matvec } from "../../lib/linalg/matvec.ts";
import { symmetricEigen } from "../../lib/linalg/symmetric_eigen.ts";
import { designMatrix } from "../../lib/regression/design.ts";
import { leastSquaresCost } from "../../lib/regression/cost.ts";
import { polynomialDesign } from "../../lib/regression/polynomial.ts";
import { leastSquaresHessian } from "../../lib/regression/hessian.ts";
import { ridgeRegression } from "../../lib/regression/ridge.ts";
import { binaryCrossEntropyFromLogits } from "../../lib/loss/binary_cross_entropy.ts";
import {
  squaredHinge,
  squaredHingeCost,
  squaredHingeGradient,
  squaredHingeSampleGradient,
} from "../../lib/loss/squared_hinge.ts";
import { type Input, numbers } from "../_shared.ts";

/** The input of the commute fixtures (001 §1.7). */
interface CommuteInput {
  readonly distance: number[];
  readonly weekday: number[];
  readonly minutes: number[];
  readonly method: LeastSquaresMethod;
}

/** S1's commute design: ones, distance, weekday. */
export function commuteDesign(input: Input): Matrix {
  const distance = numbers(input.distance), weekday = numbers(input.weekday);
  return fromRows(distance.map((d, i) => [1, d, weekday[i]]));
}

// §1.2 — the Hessian and its eigenvalues.

/** §1.2: C″(W) = XᵀX/n on the commute data, its eigenvalues, and whether all are > 0. */
const hessian: Subject = {
  ids: ["s001.hessian"],
  compute: (fixture: Fixture) => {
    const input = fixture.input as unknown as CommuteInput;
    const hessian = leastSquaresHessian(designMatrix([input.distance, input.weekday]));
    const { values } = symmetricEigen(hessian);
    return { hessian, eigenvalues: values, positiveDefinite: values.every((v) => v > 0) };
  },
};

// §1.3 — the shape of X.

/** §1.3: the commute design X has n rows and d + 1 columns (x₀ = 1, then the d variables). */
const designShape: Subject = {
  ids: ["s001.design_shape"],
  compute: (fixture: Fixture) => {
    const variables = [numbers(fixture.input.distance), numbers(fixture.input.weekday)];
    const x = designMatrix(variables);
    return { rows: x.rows, columns: x.cols, variables: variables.length };
  },
};

// §1.4 — the squared hinge loss.

/** The three margin losses G of §1.4, by the fixture's names. */
const MARGIN_LOSSES: Record<string, (margin: number) => number> = {
  hinge: (m) => Math.max(0, 1 - m),
  squaredHinge,
  logistic: (m) => binaryCrossEntropyFromLogits([m], [1]),
};

/**
 * §1.4: one-sided difference quotients of each G at the fixture's margin (step h), and
 * whether G(2) < G(1); "differentiable" when the two quotients agree within 1e-6.
 */
const marginLosses: Subject = {
  ids: ["s001.margin_losses"],
  compute: (fixture: Fixture) => {
    const m = fixture.input.margin as number, h = fixture.input.step as number;
    const losses = (fixture.input.losses as string[]).map((name) => MARGIN_LOSSES[name]);
    const left = losses.map((g) => (g(m) - g(m - h)) / h);
    const right = losses.map((g) => (g(m + h) - g(m)) / h);
    return {
      leftDerivative: left,
      rightDerivative: right,
      differentiableAtOne: left.map((l, i) => Math.abs(l - right[i]) < 1e-6),
      decreasingFromOneToTwo: losses.map((g) => g(2) < g(1)),
    };
  },
};

/** §1.4 (1.7): margins, the squared hinge cost and its gradient, beside the hinge and logistic losses. */
const squaredHingeLoss: Subject = {
  ids: ["s001.sq_hinge.loss"],
  compute: (fx) => {
    const w = fx.input.weights as number[], y = fx.input.labels as number[];
    const x = matrix(fx.input.inputs as number[][]);
    const margins = Array.from({ length: x.rows }, (_, i) => {
      let s = 0;
      for (let j = 0; j < x.cols; j++) s += w[j] * x.data[i * x.cols + j];
      return y[i] * s;
    });
    const m = fx.input.margins as number[];
    return {
      margins,
      cost: squaredHingeCost(w, x, y),
      sampleGradients: margins.map((_, i) => Array.from(squaredHingeSampleGradient(w, x, y, i))),
      gradient: squaredHingeGradient(w, x, y),
      hinge: m.map((v) => Math.max(0, 1 - v)),
      squaredHinge: m.map(squaredHinge),
      logistic: m.map((v) => binaryCrossEntropyFromLogits([v], [1])),
    };
  },
};

// §1.5 — polynomial regression.

/** §1.5: least squares on φ(x) = [1, x, …, xᵐ]. */
const polynomial: Subject = {
  ids: ["s001.poly.*"],
  compute: (fixture: Fixture) => {
    const input = fixture.input as unknown as CommuteInput & { degree: number };
    const x = polynomialDesign(input.distance, input.degree);
    const { weights } = leastSquares(x, input.minutes, { method: "qr" });
    return { W: weights, cost: leastSquaresCost(x, weights, input.minutes) };
  },
};

// §1.6 — ridge regression.

/** §1.6: the closed form (XᵀX/n + λI)⁻¹XᵀY/n. */
const ridge: Subject = {
  ids: ["s001.ridge.*"],
  compute: (fixture: Fixture) => {
    const input = fixture.input as unknown as CommuteInput & { lambda: number };
    const x = designMatrix([input.distance, input.weekday]);
    return { W: ridgeRegression(x, input.minutes, input.lambda) };
  },
};

// §1.7 — the commute-time fit.

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

/** §1.7: W*, Y* and C(W*) by the fixture's least-squares method. */
const commuteFit: Subject = {
  ids: ["s001.commute", "s001.commute.qr", "s001.commute.accurate"],
  fields: ["W", "Ystar", "cost"],
  compute: commute,
};

/** The subjects of S1 chapter 1, in section order. */
export const CHAPTER_1: readonly Subject[] = [
  hessian,
  designShape,
  marginLosses,
  squaredHingeLoss,
  polynomial,
  ridge,
  commuteFit,
];
