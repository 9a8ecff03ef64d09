// The claims of S1 (001) that no fixture checks on its own, each named by its id in
// fixtures/claims/s001.json: identities of §1.3 checked exactly (integer data, where every
// double operation is exact), the Jacobian of XW, the 0-1 cost's jumps, invertibility,
// the first-order expansion of a GD step, the mean of the per-sample gradients, SGD with a
// fixed rate, and the comparisons 1/√t ≥ 1/t and H_n ≥ ln n of the step-size series.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { fromRows, identityMatrix, type Matrix, transpose } from "../../lib/linalg/matrix.ts";
import { matmul } from "../../lib/linalg/matmul.ts";
import { matvec } from "../../lib/linalg/matvec.ts";
import { leastSquares } from "../../lib/linalg/lstsq.ts";
import { symmetricEigen } from "../../lib/linalg/symmetric_eigen.ts";
import { leastSquaresGradient, leastSquaresLoss } from "../../lib/optim/least_squares.ts";
import { stochasticGradientDescent } from "../../lib/optim/sgd.ts";
import { leastSquaresHessian } from "../../lib/regression/hessian.ts";
import { designMatrix } from "../../lib/regression/design.ts";
import { squaredHingeCost, squaredHingeGradient } from "../../lib/loss/squared_hinge.ts";
import { gradientDescent } from "../../lib/optim/gradient_descent.ts";
import { relu } from "../../lib/activation/relu.ts";
import { sigmoid } from "../../lib/activation/sigmoid.ts";
import { ACTIVATIONS } from "../../lib/activation/activation.ts";
import { linearSign } from "../../lib/classify/squared_hinge_sgd.ts";
import { powerTerms, robbinsMonroPartialSum } from "../../lib/series/robbins_monro.ts";

// The commute data with distances in tenths of a km: integers, so XᵀX, XᵀY, XW − Y and
// every sum below are exact in binary64.
const X = designMatrix([[27, 41, 10, 52, 28], [1, 1, 0, 1, 0]]);
const Y = [25, 33, 15, 45, 22];
const n = 5;
const W = [2, -1, 3];
const column = (v: readonly number[]) => fromRows(v.map((x) => [x]));
const dot = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  Array.from(a).reduce((s, v, i) => s + v * b[i], 0);
/** 2nC(W) = ‖XW − Y‖², exact for integer data. */
const twoNC = (w: readonly number[]) => 2 * n * leastSquaresLoss(X, Y, w);

describe("S1 §1.1–§1.3: the matrix form of the least-squares cost, exactly", () => {
  it("S1-C002: Wᵀx with x₀ = 1 is w₀ + w₁x₁ + … + w_d x_d (1.1)", () => {
    const row = [1, 27, 1];
    assert.equal(dot(W, row), W[0] + W[1] * 27 + W[2] * 1);
    assert.deepEqual(
      Array.from(matvec(X, W)),
      [0, 1, 2, 3, 4].map((i) => dot(W, X.data.slice(3 * i, 3 * i + 3))),
    );
  });
  it("S1-C009: XW − Y is the column of x⁽ⁱ⁾ᵀW − y⁽ⁱ⁾", () => {
    // By hand: x⁽¹⁾ᵀW = 2 − 27 + 3 = −22, so x⁽¹⁾ᵀW − y⁽¹⁾ = −47; and so on.
    const residual = matmul(X, column(W)).data.map((v, i) => v - Y[i]);
    assert.deepEqual(Array.from(residual), [-47, -69, -23, -92, -48]);
  });
  it("S1-C010: (XW − Y)ᵀ(XW − Y) = Σ(x⁽ⁱ⁾ᵀW − y⁽ⁱ⁾)² = 2nC(W)", () => {
    const r = Array.from(matvec(X, W)).map((v, i) => v - Y[i]);
    const quadratic = matmul(transpose(column(r)), column(r)).data[0];
    assert.equal(quadratic, r.reduce((s, v) => s + v * v, 0));
    assert.equal(quadratic, twoNC(W));
    assert.notEqual(quadratic, n * leastSquaresLoss(X, Y, W), "the 2 of 2n is needed");
  });
  it("S1-C011: (1.4) 2nC(W) = WᵀXᵀXW − 2WᵀXᵀY + YᵀY", () => {
    const gram = matmul(transpose(X), X);
    const xty = matvec(transpose(X), Y);
    for (const w of [W, [0, 0, 0], [5, 1, -7]]) {
      const expanded = dot(w, matvec(gram, w)) - 2 * dot(w, xty) + dot(Y, Y);
      assert.equal(expanded, twoNC(w));
    }
  });
  it("S1-C012: WᵀXᵀY is a number and equals its transpose YᵀXW", () => {
    const left = matmul(matmul(transpose(column(W)), transpose(X)), column(Y));
    const right = matmul(matmul(transpose(column(Y)), X), column(W));
    assert.equal(left.rows * left.cols, 1);
    assert.equal(left.data[0], right.data[0]);
  });
  it("S1-C013: Y − WᵀX is not defined (1 × 3 times 5 × 3), XW − Y is", () => {
    assert.throws(() => matmul(transpose(column(W)), X), RangeError);
    assert.equal(matmul(X, column(W)).rows, n);
  });
  it("S1-C014: (1.5) C′(W) = (1/2n)(2XᵀXW − 2XᵀY): the central difference of the quadratic C is exact", () => {
    const gradient = leastSquaresGradient(X, Y, W);
    for (let j = 0; j < 3; j++) {
      const plus = W.map((w, k) => w + (k === j ? 1 : 0)),
        minus = W.map((w, k) => w - (k === j ? 1 : 0));
      // (2nC(W + eⱼ) − 2nC(W − eⱼ))/2 = 2n·∂C/∂wⱼ exactly for a quadratic, with integers.
      assert.equal((twoNC(plus) - twoNC(minus)) / 2, 2 * n * gradient[j]);
    }
  });
  it("S1-C017: the Jacobian of Z(W) = XW is X (∂Zᵢ/∂W_k = X_ik)", () => {
    for (let k = 0; k < 3; k++) {
      const e = [0, 0, 0].map((_, j) => (j === k ? 1 : 0));
      const dz = Array.from(matvec(X, W.map((w, j) => w + e[j]))).map((v, i) =>
        v - matvec(X, W)[i]
      );
      assert.deepEqual(dz, [0, 1, 2, 3, 4].map((i) => X.data[3 * i + k]));
    }
  });
});

describe("S1 §1.4: the 0-1 cost and the first-order condition", () => {
  // Five labelled points on a line; W = [b, 1] classifies x by the sign of x + b.
  const x = [-2, -1, 0.5, 1, 2], labels = [-1, -1, 1, -1, 1];
  const rows = fromRows(x.map((v) => [1, v]));
  /** (1/n)Σ 𝕀[sgn(Wᵀx) ≠ y] with lib's sgn(Wᵀx) (0 where Wᵀx = 0). */
  const zeroOne = (b: number) =>
    linearSign([b, 1], rows).filter((s, i) => s !== labels[i]).length / x.length;
  it("S1-C018: C(W) = (1/n)Σ 𝕀[sgn(Wᵀx) ≠ y] jumps by 1/n: it is piecewise constant and discontinuous", () => {
    assert.equal(zeroOne(-1.25), 0.2);
    assert.equal(zeroOne(-0.75), 0.4);
    assert.equal(zeroOne(-0.5), 0.4, "at b = −0.5 the point 0.5 has score 0: sgn 0 ≠ 1");
    assert.equal(zeroOne(-0.5 + 1e-12), 0.2, "a step of 1e-12 drops the cost by 1/n");
    assert.equal(zeroOne(-0.25), 0.2);
  });
  it("S1-C025: at the minimum of the squared-hinge cost (1/n)Σ∇Cᵢ(W*) = 0, and nowhere nearby is lower", () => {
    const inputs = fromRows(x.map((v) => [1, v]));
    const run = gradientDescent(
      (w, g) => {
        g.set(squaredHingeGradient(w, inputs, labels));
        return squaredHingeCost(w, inputs, labels);
      },
      [0, 0],
      { learningRate: 0.5, stop: { kind: "gradient", tolerance: 1e-12 }, maxIterations: 100000 },
    );
    assert.equal(run.status, "converged");
    const gradient = squaredHingeGradient(run.weights, inputs, labels);
    assert.ok(Math.max(...Array.from(gradient, Math.abs)) <= 1e-12);
    const best = squaredHingeCost(run.weights, inputs, labels);
    for (const [a, b] of [[1e-3, 0], [-1e-3, 0], [0, 1e-3], [0, -1e-3]]) {
      assert.ok(squaredHingeCost([run.weights[0] + a, run.weights[1] + b], inputs, labels) > best);
    }
  });
});

describe("S1 §1.6: invertibility of XᵀX/n + λI", () => {
  // A duplicated column: X has rank 2, so XᵀX/n is singular.
  const singular = fromRows([[1, 2, 2], [1, 3, 3], [1, 5, 5], [1, 7, 7]]);
  const spectrum = (m: Matrix) => symmetricEigen(m).values;
  it("S1-C034: a matrix is invertible exactly when no eigenvalue is 0 — XᵀX/n of a rank-2 X has one", () => {
    const values = spectrum(leastSquaresHessian(singular));
    assert.ok(Math.abs(values[0]) < 1e-12, `smallest eigenvalue ${values[0]}`);
    assert.ok(values[1] > 0.1);
    assert.throws(() => leastSquares(singular, [1, 2, 3, 4], { method: "normal" }));
  });
  it("S1-C035: every eigenvalue of XᵀX/n + λI is at least λ > 0, even for that X", () => {
    for (const lambda of [0.01, 0.1, 1]) {
      const h = leastSquaresHessian(singular);
      const shifted = fromRows(
        Array.from(
          { length: 3 },
          (_, i) =>
            [0, 1, 2].map((j) => h.data[3 * i + j] + lambda * identityMatrix(3).data[3 * i + j]),
        ),
      );
      assert.ok(spectrum(shifted)[0] >= lambda - 1e-12);
    }
  });
});

describe("S1 §2.1–§2.2: a gradient step, per-sample gradients, a fixed SGD rate", () => {
  it("S1-C040: C(W − ηg) = C(W) − η‖g‖² + (η²/2)gᵀC″g exactly: −η‖g‖² is the first-order term", () => {
    const g = leastSquaresGradient(X, Y, W);
    const hessian = leastSquaresHessian(X);
    for (const eta of [2 ** -10, 2 ** -20]) {
      const after = leastSquaresLoss(X, Y, W.map((w, j) => w - eta * g[j]));
      const predicted = leastSquaresLoss(X, Y, W) - eta * dot(g, g) +
        (eta * eta / 2) * dot(g, matvec(hessian, g));
      assert.ok(Math.abs(after - predicted) <= 1e-9 * Math.abs(after), `${after} vs ${predicted}`);
      const firstOrder = leastSquaresLoss(X, Y, W) - eta * dot(g, g);
      assert.ok(Math.abs(after - firstOrder) <= 2 * eta * eta * dot(g, matvec(hessian, g)));
    }
  });
  it("S1-C043 / S1-C044: ∇C is the mean of the per-sample gradients ∇Cᵢ, so a uniformly drawn ∇Cᵢ is unbiased", () => {
    const full = leastSquaresGradient(X, Y, W);
    const perSample = [0, 1, 2, 3, 4].map((i) =>
      leastSquaresGradient(fromRows([Array.from(X.data.slice(3 * i, 3 * i + 3))]), [Y[i]], W)
    );
    for (let j = 0; j < 3; j++) {
      assert.equal(perSample.reduce((s, g) => s + g[j], 0) / n, full[j]);
    }
  });
  it("S1-C045: with a fixed rate SGD never settles — at η = 0.1 it keeps jumping far from W*", () => {
    const x = fromRows([[1, 2.7, 1], [1, 4.1, 1], [1, 1.0, 0], [1, 5.2, 1], [1, 2.8, 0]]);
    const optimum = leastSquares(x, Y, { method: "accurate" }).weights;
    const distances = (learningRate: number) => {
      const run = stochasticGradientDescent(x, Y, {
        schedule: { kind: "constant", learningRate },
        batchSize: 1,
        replace: true,
        seed: 1,
        stop: { kind: "iterations", count: 20000 },
        maxIterations: 20000,
        recordTrajectory: true,
      });
      return run.trajectory!.weights.slice(-2000).map((w) =>
        Math.hypot(...Array.from(w, (v, j) => v - optimum[j]))
      );
    };
    const large = distances(0.1), small = distances(0.03);
    assert.ok(
      Math.max(...large) > 10,
      "η = 0.1: still jumping more than 10 away after 18000 steps",
    );
    assert.ok(Math.min(...large) > 0.1);
    assert.ok(Math.min(...small) > 0.01 && Math.max(...small) < 1, "η = 0.03: a noise floor");
  });
  it("S1-C048: 1/√t ≥ 1/t for every t ≥ 1 (equal only at t = 1): the step series' terms", () => {
    const inverseSqrt = powerTerms(0.5, 100000), inverse = powerTerms(1, 100000);
    assert.equal(inverseSqrt[0], 1);
    assert.equal(inverse[0], 1);
    for (let t = 2; t <= 100000; t++) assert.ok(inverseSqrt[t - 1] > inverse[t - 1], `t = ${t}`);
  });
  it("S1-C049: Σ_{t≤n} 1/t ≥ ∫₁ⁿ dx/x = ln n (the partial sums of Σ C/t, C = 1)", () => {
    for (const n of [10, 1000, 1000000]) {
      const harmonic = robbinsMonroPartialSum("stepsInverse", n);
      assert.ok(harmonic >= Math.log(n), `H_${n} = ${harmonic}`);
      assert.ok(harmonic - Math.log(n) > 0.5, "H_n − ln n decreases to γ = 0.577");
    }
  });
});

describe("S1 §3.4.1: ReLU, sigmoid and tanh", () => {
  it("S1-C083: ReLU is continuous at 0, with one-sided slopes 0 and 1 (no derivative there)", () => {
    for (const h of [1e-3, 1e-9, 2 ** -40]) {
      assert.ok(Math.abs(relu(h) - relu(0)) <= h && Math.abs(relu(-h) - relu(0)) <= h);
      assert.equal((relu(0) - relu(-h)) / h, 0);
      assert.equal((relu(h) - relu(0)) / h, 1);
    }
  });
  it("S1-C085: σ's values lie in [0, 1] and tanh's in [−1, 1] (open intervals over the reals)", () => {
    const tanh = (z: number) => ACTIVATIONS.tanh.value(z);
    for (let z = -50; z <= 50; z += 0.125) {
      const s = sigmoid(z), t = tanh(z);
      assert.ok(s >= 0 && s <= 1 && t >= -1 && t <= 1, `z = ${z}`);
      if (Math.abs(z) < 15) assert.ok(s > 0 && s < 1 && t > -1 && t < 1, `strict at z = ${z}`);
    }
  });
});
