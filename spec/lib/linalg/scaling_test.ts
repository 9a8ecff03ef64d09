// Issue 12, numeric defects 1, 2 and the linear-algebra part of 6: solvers on merely
// scaled data, Jacobi on huge, tiny and larger matrices, Cholesky on a non-symmetric
// matrix, Householder QR on subnormal columns. Every expected value is independent of
// lib/: exact rationals on the very doubles passed (fractions), mpmath at 60 digits, or
// an exact identity; all printed by spec/_gen/reliability_values.py (python3, run by hand).
// Each case failed on main before this change (wrong digits, a throw, or a wrong status).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { assertAllClose } from "../../../oracle/assert_close.ts";
import { leastSquares, type LeastSquaresMethod } from "../../../lib/linalg/lstsq.ts";
import { createMatrix, fromRows } from "../../../lib/linalg/matrix.ts";
import { ridgeRegression } from "../../../lib/regression/ridge.ts";
import { symmetricEigen } from "../../../lib/linalg/symmetric_eigen.ts";
import { cholesky } from "../../../lib/linalg/cholesky.ts";
import { applyQTranspose, householderQr, qrR } from "../../../lib/linalg/qr.ts";
import { RandomState } from "../../../lib/random/random_state.ts";

const X = [[1, 0.3], [1, 1.7], [1, 2.9]];
const Y = [1.1, 2.3, 3.2];
const scaled = (s: number) => ({
  x: fromRows(X.map((row) => row.map((v) => v * s))),
  y: Y.map((v) => v * s),
});

// W* = (XᵀX)⁻¹Xᵀy of the doubles X·s, y·s, exactly (fractions), rounded once. The answer
// for s = 1 is [0.8785433070866142, 0.8090551181102362]; the scaled doubles differ from
// s·X by one rounding each, which moves the last digit for some s.
const EXACT: Record<string, [number, number]> = {
  "1e-300": [0.8785433070866142, 0.8090551181102362],
  "1e-200": [0.8785433070866141, 0.8090551181102363],
  "1e-160": [0.8785433070866142, 0.8090551181102362],
  "1": [0.8785433070866142, 0.8090551181102362],
  "1e160": [0.8785433070866142, 0.8090551181102363],
  "1e200": [0.8785433070866141, 0.8090551181102363],
  "1e300": [0.8785433070866142, 0.8090551181102362],
};

// Measured max over the seven scales, the same on Deno 2.9.5 and Bun 1.4.5 (node_modules/.bin/
// deno test spec/lib/linalg/scaling_test.ts; bun test likewise): the normal equations
// square κ(X) ≈ 5.4, the QR solve does not, the double-double QR rounds once; TSQR
// (unpivoted Householder in WebAssembly) lands within 3 ulps and within 1 after its
// double-double refinement step (on main, before its equilibration, X·1e-200 and
// X·1e-300 were "singular", and refinement gave 2·10¹² ulps at 1e-160 and overflowed to
// a NonFiniteError at 1e160 and above).
const ULPS: Record<LeastSquaresMethod, number> = { normal: 11, qr: 12, accurate: 0, tsqr: 3 };

describe("defect 1: least squares on a merely scaled design (equilibration by powers of two)", () => {
  for (const method of ["normal", "qr", "accurate", "tsqr"] as const) {
    for (const [s, exact] of Object.entries(EXACT)) {
      it(`${method}: X·${s}, y·${s} gives W* within ${ULPS[method]} ulps`, () => {
        const { x, y } = scaled(Number(s));
        assertAllClose(leastSquares(x, y, { method }).weights, exact, { ulps: ULPS[method] });
      });
    }
  }
  for (const [s, exact] of Object.entries(EXACT)) {
    it(`tsqr refined: X·${s}, y·${s} gives W* within 1 ulp`, () => {
      const { x, y } = scaled(Number(s));
      assertAllClose(leastSquares(x, y, { method: "tsqr", refine: true }).weights, exact, {
        ulps: 1,
      });
    });
  }
  it("y = [1e308, −1e308, 1e308] with finite X: finite weights, never NaN", () => {
    // Exact rationals; measured 9 and 35 ulps (normal), 12 and 35 (qr), 0 (accurate),
    // 1 and 6 (tsqr), 2 and 9 (tsqr refined).
    const exact = [3.9763779527559056e+307, -3.9370078740157484e+306];
    const ulps = { normal: 35, qr: 35, accurate: 0, tsqr: 6 };
    for (const method of ["normal", "qr", "accurate", "tsqr"] as const) {
      const { weights } = leastSquares(fromRows(X), [1e308, -1e308, 1e308], { method });
      assertAllClose(weights, exact, { ulps: ulps[method] }, method);
    }
    const refined = leastSquares(fromRows(X), [1e308, -1e308, 1e308], {
      method: "tsqr",
      refine: true,
    });
    assertAllClose(refined.weights, exact, { ulps: 9 }, "tsqr refined");
  });
  it("a solution that does not fit in a double is a NonFiniteError, not ±∞ or NaN", () => {
    // y ≈ 1e308 at x = 1e-10 needs a slope of 1e318.
    const x = fromRows([[1e-10], [2e-10]]);
    for (const method of ["normal", "qr", "accurate", "tsqr"] as const) {
      assert.throws(() => leastSquares(x, [1e308, 1.7e308], { method }), {
        name: "NonFiniteError",
        message: /weight 0 overflows the double range/,
      });
    }
  });
  it("scaling by a power of two changes nothing at all: the same bits", () => {
    for (const method of ["normal", "qr", "accurate"] as const) {
      const base = leastSquares(fromRows(X), Y, { method }).weights;
      const { x, y } = scaled(2 ** 600);
      assertAllClose(leastSquares(x, y, { method }).weights, base, {}, method);
    }
  });
});

describe("defect 1: ridge regression on scaled designs", () => {
  it("X·1e160 with λ = 1 (XᵀX/n would overflow): the least-squares answer, λ negligible", () => {
    // Exact rationals; measured 6 and 4 ulps on Deno and Bun.
    const { x, y } = scaled(1e160);
    assertAllClose(ridgeRegression(x, y, 1), [0.8785433070866142, 0.8090551181102363], {
      ulps: 6,
    });
  });
  it("X·1e-160 with λ = 1e-320 (XᵀX/n would underflow): λ and XᵀX/n both count", () => {
    // Exact rationals on the doubles (1e-320 is a subnormal); measured 5 and 2 ulps.
    const { x, y } = scaled(1e-160);
    assertAllClose(ridgeRegression(x, y, 1e-320), [0.4608710640194613, 0.7826100016863918], {
      ulps: 5,
    });
  });
});

describe("defect 6: ridge regression with a tiny λ > 0", () => {
  it("dependent columns, λ = 1e-20: 1/(2 + λ) = 0.5 exactly, where Cholesky refused", () => {
    assertAllClose(ridgeRegression(fromRows([[1, 1], [1, 1]]), [1, 1], 1e-20), [0.5, 0.5], {});
  });
  it("a dependent third column, λ = 1e-20: the double-double fallback's digits", () => {
    // Exact rationals. The fallback keeps about 32 − log₁₀(‖XᵀX/n‖/λ) ≈ 11 digits here;
    // measured 2299 ulps (3e-13 relative) on Deno and Bun.
    const x = fromRows([[1, 2, 3], [0.5, 1.5, 2.0], [3, 1, 4], [2, 2, 4], [1, 0.25, 1.25]]);
    const exact = [-0.27450980392156865, 0.6274509803921569, 0.35294117647058826];
    assertAllClose(ridgeRegression(x, [1.0, 2.0, 0.5, 3.0, 1.5], 1e-20), exact, { ulps: 2299 });
  });
  it("below 2⁻⁸⁰·‖XᵀX/n‖ rounding would decide: a SingularMatrixError naming the smallest λ", () => {
    assert.throws(() => ridgeRegression(fromRows([[1, 1], [1, 1]]), [1, 1], 1e-30), {
      name: "SingularMatrixError",
      message: /λ = 1e-30 is below 2⁻⁸⁰.*use λ ≥ 8\.27e-25/,
    });
  });
});

describe("defect 2: symmetricEigen scales, converges, and says so", () => {
  it("[[1e155, 2e155], [2e155, 1e155]]: eigenvalues a ∓ b, not the diagonal", () => {
    const result = symmetricEigen(fromRows([[1e155, 2e155], [2e155, 1e155]]));
    assert.equal(result.status, "converged");
    assertAllClose(result.values, [-1e155, 3e155], {}); // exact rationals, rounded once
  });
  it("[[1e-170, 2e-170], [2e-170, 1e-170]]: squares no longer underflow to 'converged'", () => {
    const result = symmetricEigen(fromRows([[1e-170, 2e-170], [2e-170, 1e-170]]));
    assert.equal(result.status, "converged");
    assertAllClose(result.values, [-1e-170, 2.9999999999999998e-170], {});
  });
  it("a random symmetric 20×20 reports 'converged' within 10 sweeps, accurate to 2.6·ε·‖A‖", () => {
    const n = 20, random = new RandomState(1), a = createMatrix(n, n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= i; j++) {
        const v = random.standardNormal();
        a.data[i * n + j] = v;
        a.data[j * n + i] = v;
      }
    }
    const result = symmetricEigen(a);
    assert.equal(result.status, "converged");
    assert.ok(result.sweeps <= 10, `${result.sweeps} sweeps`);
    // mpmath.eigsy at 60 digits on the same matrix (numpy's RandomState(1).standard_normal
    // in the same order). Measured max |error| 4.44e-15 on Deno and Bun (‖A‖₂ ≈ 7.7).
    const exact = [
      -7.675959855305364,
      -6.112234572637721,
      -5.964951384951824,
      -4.244709328271341,
      -3.4732161665560506,
      -3.0037201148554673,
      -1.768507891264479,
      -1.170413592173051,
      -0.6180468064084569,
      -0.0950283258401784,
      0.21172333346609318,
      0.49516518265202447,
      1.2040174901199978,
      1.6739380579275018,
      2.994036729861995,
      3.76980160949688,
      4.986168733763237,
      5.784351000763597,
      6.384768947020257,
      7.011364131144801,
    ];
    assertAllClose(result.values, exact, { atol: 4.5e-15 });
  });
});

describe("defect 6: Cholesky and QR", () => {
  it("cholesky refuses a non-symmetric matrix instead of reading its lower triangle", () => {
    assert.throws(() => cholesky(fromRows([[4, 100], [2, 5]])), {
      name: "ArgumentRangeError",
      message: /not symmetric \(entry \(1, 0\) is 2, entry \(0, 1\) is 100\)/,
    });
    // Symmetric to within rounding (8 ulps per pair) is still accepted.
    cholesky(fromRows([[4, 2 + 4 * Number.EPSILON], [2, 5]]));
  });
  it("householderQr of a subnormal column: finite factors, |R₀₀| the exact norm", () => {
    const u = 2 ** -1070; // 16 units of the smallest subnormal
    const a = fromRows([[3 * u, u], [4 * u, 2 * u]]);
    const qr = householderQr(a);
    assert.ok(qr.factors.data.every(Number.isFinite), `factors ${qr.factors.data}`);
    assert.ok(qr.tau.every(Number.isFinite), `τ ${qr.tau}`);
    assert.equal(Math.abs(qrR(qr).data[0]), 5 * u); // ‖(3u, 4u)‖ = 5u exactly
    assert.ok(applyQTranspose(qr, [1, 2]).every(Number.isFinite));
  });
});
