// The defects the ecosystem table found, each with a minimal reproducer that run.ts executes
// (so CONFORMANCE.md says whether it still reproduces with the installed versions).
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { Matrix, SingularValueDecomposition } from "ml-matrix";
import MLR from "ml-regression-multivariate-linear";
import regression from "regression";
import { readFileSync } from "node:fs";

/** One defect: what is wrong, the code that shows it, and a live check that it still does. */
export interface Defect {
  readonly title: string;
  readonly text: string;
  readonly code: string;
  readonly check: () => boolean | Promise<boolean>;
}

const wampler1 = () => {
  const x = Array.from({ length: 21 }, (_, i) => i);
  return {
    X: x.map((v) => [1, v, v ** 2, v ** 3, v ** 4, v ** 5]),
    y: x.map((v) => 1 + v + v ** 2 + v ** 3 + v ** 4 + v ** 5),
  };
};

export const DEFECTS: readonly Defect[] = [
  {
    title:
      "ml-regression-multivariate-linear 2.0.4: coefficients off by 0.5 % on an exact polynomial fit",
    text:
      "`MultivariateLinearRegression` forms XᵀX and inverts it through an SVD whose small singular values are " +
      "cut off, squaring the condition number and then truncating: on NIST's Wampler1 (y = 1 + x + … + x⁵ exactly, " +
      "x = 0…20, every true coefficient 1, κ₂(X) = 6.4e6, 2.2e3 after column scaling) the weights are off by 0.5 % (LRE 2.1); a Householder QR gets 9 digits.",
    code: `import MLR from "ml-regression-multivariate-linear";
const x = Array.from({ length: 21 }, (_, i) => i);
const X = x.map((v) => [1, v, v ** 2, v ** 3, v ** 4, v ** 5]);
const y = x.map((v) => [1 + v + v ** 2 + v ** 3 + v ** 4 + v ** 5]);
new MLR(X, y, { intercept: false }).weights; // [[1.0053], …]: every one should be 1`,
    check: () => {
      const { X, y } = wampler1();
      const w = new MLR(X, y.map((v) => [v]), { intercept: false })
        .weights as number[][];
      return w.some((r) => Math.abs(r[0] - 1) > 1e-3);
    },
  },
  {
    title: "regression 2.0.1: every result rounded to 2 decimal places by default",
    text:
      "`precision` defaults to 2 and is applied to the coefficients themselves, not only to the printed " +
      "equation: a fit whose intercept is 0.004 returns 0. Passing `{ precision: 20 }` (as the table does) avoids it; " +
      "its polynomial fit then solves the normal equations, which loses Filip entirely (wrong sign).",
    code: `import regression from "regression";
regression.linear([[0, 0.004], [1, 1.004], [2, 2.004]]).equation; // [1, 0]: the intercept 0.004 is rounded away`,
    check: () => regression.linear([[0, 0.004], [1, 1.004], [2, 2.004]]).equation[1] === 0,
  },
  {
    title: "tfjs-core 4.22.0: `tf.losses.logLoss` adds ε = 1e−7 inside both logarithms",
    text:
      "The default `epsilon` makes the binary cross-entropy of a confident wrong prediction wrong by a factor: " +
      "for p = 1e−12 and y = 1 the loss is −log(1e−12 + 1e−7) = 16.1 instead of −log(1e−12) = 27.6 " +
      "(`tf.losses.sigmoidCrossEntropy`, on logits, has no such floor).",
    code: `import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
tf.losses.logLoss(tf.tensor1d([1]), tf.tensor1d([1e-12])).dataSync(); // [16.118…], true 27.631`,
    check: async () => {
      await tf.setBackend("cpu");
      const v = tf.losses.logLoss(tf.tensor1d([1]), tf.tensor1d([1e-12])).dataSync()[0];
      return Math.abs(v - 27.631) > 1;
    },
  },
  {
    title:
      "ml-matrix 6.15.1: `SingularValueDecomposition(X).solve(y)` returns the wrong sign on NIST Filip",
    text:
      "The solve drops singular values below its threshold (max(m, n)·ε·σ₁) on the unscaled design, so a full-rank " +
      "degree-10 polynomial fit is solved as a rank-deficient one: coefficient 1 comes back +1.37 instead of −2772.18. " +
      "`solve(X, y)` and `QrDecomposition(X).solve(y)` of the same library get 7–8 digits.",
    code: `import { Matrix, SingularValueDecomposition } from "ml-matrix";
import filip from "nnref/fixtures/nist/filip.json" with { type: "json" }; // NIST StRD Filip.dat
const x = filip.input.x[0], y = filip.input.y;
const X = new Matrix(x.map((v) => Array.from({ length: 11 }, (_, k) => v ** k)));
new SingularValueDecomposition(X).solve(Matrix.columnVector(y)).to1DArray()[1]; // ≈ 1.37, certified −2772.18`,
    check: () => {
      const filip = JSON.parse(
        readFileSync(
          new URL("../fixtures/nist/filip.json", import.meta.url),
          "utf8",
        ),
      );
      const x: number[] = filip.input.x[0], y: number[] = filip.input.y;
      const X = new Matrix(
        x.map((v) => Array.from({ length: 11 }, (_, k) => v ** k)),
      );
      const w = new SingularValueDecomposition(X).solve(Matrix.columnVector(y))
        .to1DArray();
      return Math.sign(w[1]) !== Math.sign(-2772.18);
    },
  },
];

/** What the failures in the table mean, in a few sentences (checked against the run by hand). */
export const READING: readonly string[] = [
  "**Least squares is where the ecosystem differs.** Every QR-based solver (ml-matrix `solve` and `QrDecomposition`, " +
  "mathjs `qr` + `usolve`, numpy QR) passes all 16 fixtures. Solvers that form the normal equations XᵀX (mathjs " +
  "`lusolve(XᵀX, Xᵀy)`, ml-regression's `PolynomialRegression`, `regression.polynomial`) lose twice the digits on " +
  "ill-conditioned designs and fail Filip (0 digits) and the degree-4 commute polynomial; " +
  "ml-regression-multivariate-linear inverts XᵀX through a truncating SVD and fails 8 of 16, with 0 correct digits on " +
  "Longley and Pontius.",
  "**SVD solvers without column scaling** (numpy.linalg.lstsq, scipy.linalg.lstsq, ml-matrix " +
  "`SingularValueDecomposition.solve`) fail Pontius, whose columns differ in scale by 10¹³: they are backward stable " +
  "normwise but not columnwise, and the conform bound for least squares is the columnwise one that Householder QR " +
  "meets (κ of the column-equilibrated design; fixtures/_conform/bounds.py says why). numpy.linalg.lstsq and " +
  "ml-matrix's SVD also fail Filip outright (wrong sign): their default cut-off treats its tiny singular values as " +
  "zero. This is the choice of bound to keep in mind when reading those rows.",
  "**Activations, softmax, losses and networks conform almost everywhere**, tfjs-core in float32 on both backends " +
  "included (held to the float32 bound). The exceptions are a default and user-level expressions: tfjs's `logLoss` " +
  "with its ε = 1e−7 floor, and the unshifted softmax / log-sum-exp a mathjs user writes, which overflow (NaN, ∞) " +
  "on logits near 1000.",
];
