// NIST StRD linear least squares: certified coefficients, SDs, residual SD and R², by
// every least-squares method, as log relative errors (LRE ≈ correct digits).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { assertFixture } from "../../../oracle/verify.ts";
import { subjectFor } from "../../../oracle/subject.ts";
import type { LeastSquaresMethod } from "../../../lib/linalg/lstsq.ts";
import { fitNist, type NistInput } from "../../../worked/beyond.ts";
import { SUBJECTS } from "../../../worked/registry.ts";
import { minimumLogRelativeError } from "../../../lib/regression/log_relative_error.ts";
import { NIST_FIXTURES } from "../../../bench/nist_lre.ts";

// LRE floors [B, SD(B), residual SD, R²]: the values measured by bench/nist_lre.ts
// (fixtures/nist/LRE.md) on Deno 2.9.5 and Bun 1.4.5, rounded down to 0.1 digit — the two
// runtimes agree except in the 16th digit of one log10. The "qr" rows are those of the
// Householder QR with column pivoting and pairwise-summed inner products; a single row
// order's LRE is one draw from a spread of about ±0.7 digits (fixtures/nist/LRE.md).
type Floors = number[] | "refused";
const METHODS: readonly LeastSquaresMethod[] = ["normal", "qr", "accurate"];
// One row per dataset: the floors of normal, qr and accurate, in METHODS' order.
const FLOORS: Record<string, readonly [Floors, Floors, Floors]> = {
  norris: [[12.2, 13.7, 13.8, 15.0], [13.0, 13.9, 14.1, 15.0], [14.0, 13.9, 14.0, 15.0]],
  pontius: [[12.2, 13.6, 13.5, 15.0], [12.4, 13.1, 13.1, 15.0], [13.5, 13.7, 13.7, 15.0]],
  noint1: [[14.7, 15.0, 15.0, 15.0], [14.7, 15.0, 15.0, 15.0], [14.7, 15.0, 15.0, 15.0]],
  noint2: [[15.0, 14.8, 15.0, 15.0], [15.0, 14.9, 15.0, 15.0], [15.0, 14.9, 15.0, 15.0]],
  filip: ["refused", [7.9, 7.6, 8.3, 10.5], [14.0, 14.6, 15.0, 15.0]],
  longley: [[8.4, 10.0, 12.2, 14.2], [11.4, 12.7, 12.7, 14.7], [14.6, 14.8, 15.0, 15.0]],
  wampler1: [[6.6, 7.1, 7.1, 15.0], [9.2, 9.7, 9.7, 15.0], [15.0, 15.0, 15.0, 15.0]],
  wampler2: [[9.0, 11.3, 11.3, 15.0], [13.0, 14.3, 14.3, 15.0], [13.2, 14.9, 14.9, 15.0]],
  wampler3: [[6.6, 10.4, 14.0, 15.0], [9.3, 13.2, 14.6, 15.0], [15.0, 14.4, 14.8, 15.0]],
  wampler4: [[6.6, 10.4, 14.8, 15.0], [8.5, 13.2, 14.8, 15.0], [15.0, 14.4, 14.8, 15.0]],
  wampler5: [[6.6, 10.4, 14.8, 13.1], [6.5, 13.2, 14.8, 13.5], [15.0, 14.4, 14.8, 15.0]],
};

// numpy's Householder QR (LAPACK dgeqrf; numpy 2.4.6 with OpenBLAS), coefficient LRE in
// the data's own row order: fixtures/nist/numpy_lre.md, written by numpy_lre.py. The
// datasets the "qr" method is held to (the targets).
const NUMPY_QR: Record<string, number> = {
  filip: 7.94,
  longley: 10.90,
  wampler4: 7.77,
  wampler5: 5.77,
};

describe("NIST StRD: the accurate method reproduces the certified values", () => {
  for (const fixture of NIST_FIXTURES) {
    it(`${fixture.id}: coefficients, SDs, residual SD, R² within the measured bound`, () => {
      const subject = subjectFor(SUBJECTS, fixture.id);
      assertFixture(fixture, subject.compute(fixture), subject.fields);
    });
  }
});

describe("NIST StRD: LRE floors by dataset and method", () => {
  for (const fixture of NIST_FIXTURES) {
    const name = fixture.id.replace("nist.lls.", "");
    const expected = fixture.expected as Record<string, number | number[]>;
    for (const [column, method] of METHODS.entries()) {
      const floor = FLOORS[name][column];
      if (floor === "refused") {
        it(`${name} / ${method}: refuses loudly, naming QR and the accurate method`, () => {
          assert.throws(() => fitNist(fixture.input as unknown as NistInput, method), {
            name: "SingularMatrixError",
            message: /XᵀX is singular to working precision.*"qr" or "accurate"/,
          });
        });
        continue;
      }
      it(`${name} / ${method}: LRE ≥ [${floor.join(", ")}]`, () => {
        const fit = fitNist(fixture.input as unknown as NistInput, method);
        const lre = [
          minimumLogRelativeError(fit.weights, expected.coefficients as number[]),
          minimumLogRelativeError(fit.standardDeviations, expected.standardDeviations as number[]),
          minimumLogRelativeError(
            [fit.residualStandardDeviation],
            [expected.residualStandardDeviation as number],
          ),
          minimumLogRelativeError([fit.rSquared], [expected.rSquared as number]),
        ];
        lre.forEach((value, k) => {
          assert.ok(value >= floor[k], `LRE column ${k}: ${value.toFixed(2)} < floor ${floor[k]}`);
        });
        if (method === "accurate") {
          assert.ok(Math.min(...lre) >= 13, `accurate must reach 13 digits, got ${lre}`);
        }
      });
    }
  }
});

describe('NIST StRD: the "qr" method reaches numpy\'s Householder QR', () => {
  for (const [name, numpy] of Object.entries(NUMPY_QR)) {
    it(`${name}: coefficient LRE ≥ numpy's ${numpy.toFixed(2)}`, () => {
      const fixture = NIST_FIXTURES.find((f) => f.id === `nist.lls.${name}`)!;
      const fit = fitNist(fixture.input as unknown as NistInput, "qr");
      const certified = (fixture.expected as Record<string, number[]>).coefficients;
      const lre = minimumLogRelativeError(fit.weights, certified);
      assert.ok(lre >= numpy, `${lre.toFixed(3)} < numpy's ${numpy}`);
    });
  }
});
