import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { assertAllClose } from "../../../oracle/assert_close.ts";
import { leastSquares, LSTSQ_VARIANTS } from "../../../lib/linalg/lstsq.ts";
import { createMatrix, fromRows } from "../../../lib/linalg/matrix.ts";

// y = 1 + 2x − x² at x = 0 … 4 plus a residual r = [1, −4, 6, −4, 1] (the fourth
// difference) orthogonal to 1, x and x², so that W* = [1, 2, −1] exactly.
const x = fromRows([[1, 0, 0], [1, 1, 1], [1, 2, 4], [1, 3, 9], [1, 4, 16]]);
const residual = [1, -4, 6, -4, 1];
const y = [0, 1, 2, 3, 4].map((t, i) => 1 + 2 * t - t * t + residual[i]);

describe("leastSquares: every method", () => {
  for (const [name, solve] of Object.entries(LSTSQ_VARIANTS)) {
    it(`${name}: W* of a problem with a known solution`, () => {
      assertAllClose(solve(x, y).weights, [1, 2, -1], { atol: 1e-14 });
    });
    it(`${name}: several right-hand sides give a p × k matrix`, () => {
      const ys = createMatrix(5, 2, y.flatMap((v, i) => [v, 2 * v - residual[i]]));
      const { weights } = leastSquares(x, ys, { method: name as "qr" });
      assertAllClose(weights, [[1, 2], [2, 4], [-1, -2]], { atol: 1e-13 });
    });
    it(`${name}: (XᵀX)⁻¹ of the design`, () => {
      // XᵀX = [[5, 10, 30], [10, 30, 100], [30, 100, 354]]; its inverse times 70 (sympy):
      const scaled = [[62, -54, 10], [-54, 87, -20], [10, -20, 5]];
      const inverse = solve(x, y).unscaledCovariance;
      assertAllClose(inverse, scaled.map((row) => row.map((v) => v / 70)), { rtol: 1e-13 });
    });
  }
});

describe("leastSquares: bad input", () => {
  for (const method of ["normal", "qr", "accurate"] as const) {
    it(`${method}: an empty X`, () => {
      assert.throws(() => leastSquares(createMatrix(0, 0), [], { method }), {
        name: "ShapeError",
        message: /X is empty \(0×0\)/,
      });
    });
    it(`${method}: fewer rows than columns`, () => {
      assert.throws(() => leastSquares(createMatrix(2, 3), [1, 2], { method }), {
        name: "ShapeError",
        message: /fewer rows than columns \(2 < 3\)/,
      });
    });
    it(`${method}: y of the wrong length`, () => {
      assert.throws(() => leastSquares(x, [1, 2, 3], { method }), {
        name: "ShapeError",
        message: /X has 5 rows but y has 3 entries/,
      });
    });
    it(`${method}: a non-finite entry in X or y`, () => {
      assert.throws(() => leastSquares(fromRows([[1], [NaN]]), [1, 2], { method }), {
        name: "NonFiniteError",
        message: /X must be finite, but entry 1 is NaN/,
      });
      assert.throws(() => leastSquares(fromRows([[1], [2]]), [1, Infinity], { method }), {
        name: "NonFiniteError",
        message: /y must be finite, but entry 1 is Infinity/,
      });
    });
    it(`${method}: a rank-deficient X names the dependent column`, () => {
      const deficient = fromRows([[1, 1, 2], [1, 2, 3], [1, 3, 4], [1, 4, 5]]);
      assert.throws(() => leastSquares(deficient, [1, 2, 3, 5], { method }), {
        name: "SingularMatrixError",
        message: /singular to working precision \(column 2 is a linear combination of the others\)/,
      });
    });
    it(`${method}: the named column is the first that depends on those before it`, () => {
      // Columns x + 1, 1, 10x: pivoted QR ("qr") takes 10x, then 1, and finds the
      // dependence at column 0; every method names column 2 = 10·(column 0 − column 1).
      const deficient = fromRows([[2, 1, 10], [3, 1, 20], [4, 1, 30], [5, 1, 40]]);
      assert.throws(() => leastSquares(deficient, [1, 2, 3, 5], { method }), {
        name: "SingularMatrixError",
        message: /singular to working precision \(column 2 is a linear combination of the others\)/,
      });
    });
  }
  it("normal: the message points to QR, the accurate method or ridge", () => {
    const deficient = fromRows([[1, 1, 2], [1, 2, 3], [1, 3, 4], [1, 4, 5]]);
    assert.throws(() => leastSquares(deficient, [1, 2, 3, 5], { method: "normal" }), {
      name: "SingularMatrixError",
      message: /XᵀX is singular.*use the "qr" or "accurate" method, or ridge/,
    });
  });
  it("an unknown method", () => {
    assert.throws(() => leastSquares(x, y, { method: "svd" as "qr" }), {
      name: "ArgumentRangeError",
      message: /Unknown least-squares method "svd"; expected "normal", "qr", "accurate" or "tsqr"/,
    });
  });
});
