import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { assertAllClose } from "../../lib/oracle/assert_close.ts";
import {
  applyQTranspose,
  householderQr,
  qrApplyTransposeToColumns,
  qrR,
  qrSolve,
} from "../../lib/linalg/qr.ts";
import { createMatrix, fromRows, transpose } from "../../lib/linalg/matrix.ts";
import { matmulNaive } from "../../lib/linalg/matmul.ts";

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
      name: "RangeError",
      message: /empty \(0×2\)/,
    });
  });
  it("fewer rows than columns", () => {
    assert.throws(() => householderQr(createMatrix(2, 3)), {
      name: "RangeError",
      message: /at least as many rows as columns, got 2×3/,
    });
  });
  it("a non-finite entry", () => {
    assert.throws(() => householderQr(fromRows([[1], [Infinity]])), {
      name: "RangeError",
      message: /must be finite, but entry 1 is Infinity/,
    });
  });
  it("a vector of the wrong length", () => {
    assert.throws(() => applyQTranspose(householderQr(fromRows([[1], [2]])), [1]), {
      name: "RangeError",
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
      name: "RangeError",
      message: /Q is 1000×1000 but the vector has 999 entries/,
    });
  });
});
