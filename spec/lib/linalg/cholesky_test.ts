import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { assertAllClose } from "../../../oracle/assert_close.ts";
import {
  cholesky,
  choleskyInverse,
  choleskySolve,
  tryCholesky,
} from "../../../lib/linalg/cholesky.ts";
import { createMatrix, fromRows } from "../../../lib/linalg/matrix.ts";
import { matmulNaive } from "../../../lib/linalg/matmul.ts";
import { transpose } from "../../../lib/linalg/matrix.ts";

describe("Cholesky A = LLᵀ", () => {
  // A = LLᵀ with L = [[2, 0, 0], [1, 3, 0], [-1, 2, 4]]: every step is exact in binary.
  const l = fromRows([[2, 0, 0], [1, 3, 0], [-1, 2, 4]]);
  const a = matmulNaive(l, transpose(l));
  it("recovers an integer factor exactly", () => {
    assertAllClose(cholesky(a), l, {});
  });
  it("solves Ax = b exactly when every step is exact", () => {
    const x = [1, -2, 0.5];
    const b = Array.from(matmulNaive(a, createMatrix(3, 1, x)).data);
    assertAllClose(choleskySolve(cholesky(a), b), x, {});
  });
  it("solves several right-hand sides at once", () => {
    const x = fromRows([[1, 2], [-2, 0], [0.5, 1]]);
    assertAllClose(choleskySolve(cholesky(a), matmulNaive(a, x)), x, {});
  });
  it("A⁻¹A = I", () => {
    const inverse = choleskyInverse(cholesky(a));
    assertAllClose(matmulNaive(inverse, a), [[1, 0, 0], [0, 1, 0], [0, 0, 1]], { atol: 1e-15 });
  });
});

describe("Cholesky: bad input", () => {
  it("a non-square matrix", () => {
    assert.throws(() => cholesky(createMatrix(2, 3)), {
      name: "ShapeError",
      message: /2×3, not square/,
    });
  });
  it("an empty matrix", () => {
    assert.throws(() => cholesky(createMatrix(0, 0)), { name: "ShapeError", message: /empty/ });
  });
  it("a non-finite entry", () => {
    assert.throws(() => cholesky(fromRows([[1, NaN], [NaN, 1]])), {
      name: "NonFiniteError",
      message: /must be finite, but entry 1 is NaN/,
    });
  });
  it("a singular matrix names the dependent column", () => {
    const outcome = tryCholesky(fromRows([[1, 1, 2], [1, 2, 3], [2, 3, 5]]));
    assert.equal(outcome.ok, false);
    assert.equal(!outcome.ok && outcome.failedColumn, 2);
    assert.throws(() => cholesky(fromRows([[1, 1, 2], [1, 2, 3], [2, 3, 5]])), {
      name: "SingularMatrixError",
      message: /not numerically positive definite.*column 2 is a linear combination/,
    });
  });
  it("an indefinite matrix", () => {
    assert.throws(() => cholesky(fromRows([[1, 2], [2, 1]])), {
      name: "SingularMatrixError",
      message: /not numerically positive definite/,
    });
  });
  it("a right-hand side of the wrong length", () => {
    assert.throws(() => choleskySolve(cholesky(fromRows([[4, 0], [0, 4]])), [1, 2, 3]), {
      name: "ShapeError",
      message: /right-hand side has 3 entries/,
    });
  });
});
