import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { assertAllClose } from "../../../oracle/assert_close.ts";
import {
  applyQTranspose,
  householderQr,
  householderQrPivoted,
  qrApplyTransposeToColumns,
  qrR,
  qrSolve,
} from "../../../lib/linalg/qr.ts";
import { createMatrix, fromRows, transpose } from "../../../lib/linalg/matrix.ts";
import { matmulNaive } from "../../../lib/linalg/matmul.ts";

describe("Householder QR", () => {
  const a = fromRows([[12, -51, 4], [6, 167, -68], [-4, 24, -41]]);
  it("RᵀR = AᵀA (the R of the textbook example, up to signs)", () => {
    const r = qrR(householderQr(a));
    assertAllClose(matmulNaive(transpose(r), r), matmulNaive(transpose(a), a), { rtol: 1e-14 });
    assertAllClose(r.data.map(Math.abs), [14, 21, 14, 0, 175, 70, 0, 0, 35], {
      rtol: 1e-14,
      atol: 1e-12,
    });
  });
  it("Qᵀ keeps norms", () => {
    const b = [1, 2, 3];
    const qtb = applyQTranspose(householderQr(a), b);
    assertAllClose(Math.hypot(...qtb), Math.hypot(...b), { rtol: 1e-15 });
  });
  it("solves a square system", () => {
    const x = [1, -1, 2];
    const b = Array.from(matmulNaive(a, createMatrix(3, 1, x)).data);
    assertAllClose(qrSolve(householderQr(a), b), x, { rtol: 1e-14 });
  });
  it("tall matrices (pairwise-summed inner products, m > 8): RᵀR = AᵀA, ‖Qᵀb‖ = ‖b‖", () => {
    // Small integers: AᵀA is exact in double, so the comparison tests the factorisation.
    const rows = Array.from({ length: 37 }, (_, i) => [1, i - 18, ((i * 7) % 11) - 5]);
    const tall = fromRows(rows);
    const qr = householderQr(tall);
    const r = qrR(qr);
    assertAllClose(matmulNaive(transpose(r), r), matmulNaive(transpose(tall), tall), {
      rtol: 1e-14,
      atol: 1e-12,
    });
    const b = rows.map((row) => 2 * row[0] - row[1] + 3 * row[2]);
    assertAllClose(Math.hypot(...applyQTranspose(qr, b)), Math.hypot(...b), { rtol: 1e-15 });
    assertAllClose(qrSolve(qr, b), [2, -1, 3], { rtol: 1e-14 });
  });
  it("a zero column is skipped (τ = 0), not divided by", () => {
    const qr = householderQr(fromRows([[0, 1], [0, 2], [0, 3]]));
    assert.equal(qr.tau[0], 0);
    assert.equal(qr.factors.data[0], 0);
  });
});

describe("Householder QR: bad input", () => {
  it("an empty matrix", () => {
    assert.throws(() => householderQr(createMatrix(0, 2)), {
      name: "ShapeError",
      message: /empty \(0×2\)/,
    });
  });
  it("fewer rows than columns", () => {
    assert.throws(() => householderQr(createMatrix(2, 3)), {
      name: "ShapeError",
      message: /at least as many rows as columns, got 2×3/,
    });
  });
  it("a non-finite entry", () => {
    assert.throws(() => householderQr(fromRows([[1], [Infinity]])), {
      name: "NonFiniteError",
      message: /must be finite, but entry 1 is Infinity/,
    });
  });
  it("a vector of the wrong length", () => {
    assert.throws(() => applyQTranspose(householderQr(fromRows([[1], [2]])), [1]), {
      name: "ShapeError",
      message: /Q is 2×2 but the vector has 1 entries/,
    });
  });
});

describe("qrApplyTransposeToColumns: factor and apply Qᵀ to several columns at once", () => {
  // Tall enough for the pairwise sums to split (m > 8) and to cross many leaves.
  const m = 1000, n = 7;
  const a = createMatrix(m, n, Array.from({ length: m * n }, (_, i) => Math.sin(i * 0.37 + 1)));
  const ys = [0, 1, 2].map((c) => Float64Array.from({ length: m }, (_, i) => Math.cos(i + c)));
  it("R, τ, the column norms and every Qᵀy equal householderQr + applyQTranspose bit for bit", () => {
    const together = qrApplyTransposeToColumns(a, ys);
    const qr = householderQr(a);
    assertAllClose(together.r, qrR(qr), {});
    assertAllClose(together.tau, qr.tau, {});
    assertAllClose(together.columnNorms, qr.columnNorms, {});
    ys.forEach((y, c) => assertAllClose(together.transformed[c], applyQTranspose(qr, y), {}));
  });
  it("leaves its inputs alone", () => {
    const before = ys[1].slice();
    qrApplyTransposeToColumns(a, ys);
    assertAllClose(ys[1], before, {});
  });
  it("a right-hand side of the wrong length", () => {
    assert.throws(() => qrApplyTransposeToColumns(a, [new Float64Array(m - 1)]), {
      name: "ShapeError",
      message: /Q is 1000×1000 but the vector has 999 entries/,
    });
  });
});

/** The columns of `a` in the order `permutation`: AP. */
function permuteColumns(a: ReturnType<typeof fromRows>, permutation: Int32Array) {
  const out = createMatrix(a.rows, a.cols);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.cols; j++) {
      out.data[i * a.cols + j] = a.data[i * a.cols + permutation[j]];
    }
  }
  return out;
}

describe("householderQrPivoted: AP = QR, largest remaining column first", () => {
  // Columns of very different sizes, in no useful order; small integers, so that AᵀA is
  // exact in double and RᵀR = PᵀAᵀAP tests the factorisation.
  const rows = Array.from({ length: 23 }, (_, i) => [1, i - 11, 100 * ((i % 3) - 1), (i * i) % 7]);
  const a = fromRows(rows);
  const qr = householderQrPivoted(a);
  it("the column order (scipy.linalg.qr(pivoting=True) gives the same): 2, 1, 3, 0", () => {
    assert.deepEqual(Array.from(qr.permutation), [2, 1, 3, 0]);
  });
  it("RᵀR = (AP)ᵀ(AP) and |R₀₀| ≥ |R₁₁| ≥ |R₂₂| ≥ |R₃₃|", () => {
    const r = qrR(qr);
    const ap = permuteColumns(a, qr.permutation);
    assertAllClose(matmulNaive(transpose(r), r), matmulNaive(transpose(ap), ap), {
      rtol: 1e-14,
      atol: 1e-11,
    });
    const diagonal = [0, 1, 2, 3].map((j) => Math.abs(r.data[j * 4 + j]));
    for (let j = 1; j < 4; j++) assert.ok(diagonal[j] <= diagonal[j - 1], `${diagonal}`);
  });
  it("columnNorms stay in A's own order", () => {
    assertAllClose(qr.columnNorms, householderQr(a).columnNorms, {});
  });
  it("qrSolve returns x in A's own column order", () => {
    const b = rows.map((row) => 2 * row[0] - row[1] + 3 * row[2] + 0.5 * row[3]);
    assertAllClose(qrSolve(qr, b), [2, -1, 3, 0.5], { rtol: 1e-13 });
  });
  it("a nearly parallel pair: the cancelled partial norm is recomputed, not downdated", () => {
    // Column 1 = column 0 + 1e-9·e, column 2 tiny (1e-9·(i mod 2)). Step 0 takes column 1;
    // column 0's remaining norm (≈ 7.5e-9) is then far below √ε of its original one, so
    // the downdate √(1 − (R₀₁/‖·‖)²) is all rounding (it gives 0 here) and LAPACK's test
    // recomputes it from the column. With the downdate trusted, column 2 (≈ 1.6e-9) would
    // come second and |R₁₁| < |R₂₂|. scipy.linalg.qr(pivoting=True): [1, 0, 2], diagonal
    // −16.88, 7.54e-9, −1.22e-9.
    const e = Array.from({ length: 9 }, (_, i) => ((i * 5) % 9) - 4);
    const near = fromRows(e.map((v, i) => [i + 1, i + 1 + 1e-9 * v, 1e-9 * (i % 2)]));
    const { permutation, factors } = householderQrPivoted(near);
    assert.deepEqual(Array.from(permutation), [1, 0, 2]);
    const diagonal = [0, 4, 8].map((k) => Math.abs(factors.data[k]));
    assertAllClose(diagonal, [16.88194301791118, 7.53936531e-9, 1.22474431e-9], { rtol: 1e-6 });
  });
  it("qrApplyTransposeToColumns with pivoting equals householderQrPivoted + applyQTranspose bit for bit", () => {
    const ys = [0, 1].map((c) => Float64Array.from(rows, (_, i) => Math.cos(i + c)));
    const together = qrApplyTransposeToColumns(a, ys, { pivoting: true });
    assert.deepEqual(Array.from(together.permutation), Array.from(qr.permutation));
    assertAllClose(together.r, qrR(qr), {});
    assertAllClose(together.tau, qr.tau, {});
    ys.forEach((y, c) => assertAllClose(together.transformed[c], applyQTranspose(qr, y), {}));
  });
  it("without pivoting the permutation is the identity", () => {
    const { permutation } = qrApplyTransposeToColumns(a, []);
    assert.deepEqual(Array.from(permutation), [0, 1, 2, 3]);
  });
  it("bad input: the same errors as householderQr", () => {
    assert.throws(() => householderQrPivoted(createMatrix(2, 3)), {
      name: "ShapeError",
      message: /at least as many rows as columns, got 2×3/,
    });
    assert.throws(() => householderQrPivoted(fromRows([[1], [NaN]])), {
      name: "NonFiniteError",
      message: /must be finite, but entry 1 is NaN/,
    });
  });
});
