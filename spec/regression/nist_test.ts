// NIST StRD linear least squares: certified coefficients, SDs, residual SD and R², by
// every least-squares method, as log relative errors (LRE ≈ correct digits).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { assertFixture } from "../../lib/oracle/verify.ts";
import { subjectFor } from "../../lib/oracle/subject.ts";
import type { LeastSquaresMethod } from "../../lib/linalg/lstsq.ts";
import { fitNist, type NistInput, SUBJECTS } from "../../lib/regression/_subjects.ts";
import { minimumLogRelativeError } from "../../lib/regression/log_relative_error.ts";
import { NIST_FIXTURES } from "../../bench/nist_lre.ts";

// LRE floors [B, SD(B), residual SD, R²]: the values measured by bench/nist_lre.ts
// (fixtures/nist/LRE.md; identical on Deno 2.9.6 and Bun 1.4.5) minus 0.2. The "qr" rows
// are those of the QR with pairwise-summed inner products; a single row order's LRE is
// one draw from a spread of about ±0.7 digits (fixtures/nist/LRE.md, "Row orders").
type Floors = number[] | "refused";
const METHODS: readonly LeastSquaresMethod[] = ["normal", "qr", "accurate"];
// One row per dataset: the floors of normal, qr and accurate, in METHODS' order.
const FLOORS: Record<string, readonly [Floors, Floors, Floors]> = {
  norris: [[12.1, 13.6, 13.7, 14.8], [11.8, 13.7, 13.8, 14.8], [13.9, 13.7, 13.8, 14.8]],
  pontius: [[12.0, 13.5, 13.4, 14.8], [12.0, 13.2, 13.2, 14.8], [13.3, 13.6, 13.6, 14.8]],
  noint1: [[14.5, 14.8, 14.8, 14.8], [14.5, 14.8, 14.8, 14.8], [14.5, 14.8, 14.8, 14.8]],
  noint2: [[14.8, 14.6, 14.8, 14.8], [14.8, 14.7, 14.8, 14.8], [14.8, 14.7, 14.8, 14.8]],
  filip: ["refused", [7.6, 7.5, 7.9, 10.1], [13.8, 14.4, 14.8, 14.8]],
  longley: [[8.3, 9.9, 12.1, 14.1], [13.0, 12.3, 12.3, 14.3], [14.4, 14.7, 14.8, 14.8]],
  wampler1: [[6.4, 7.0, 7.0, 14.8], [9.0, 9.4, 9.4, 14.8], [14.8, 14.8, 14.8, 14.8]],
  wampler2: [[8.9, 11.1, 11.1, 14.8], [12.0, 13.8, 13.8, 14.8], [13.0, 14.7, 14.7, 14.8]],
  wampler3: [[6.4, 10.3, 13.8, 14.8], [10.2, 13.2, 14.7, 14.8], [14.8, 14.3, 14.6, 14.8]],
  wampler4: [[6.4, 10.3, 14.6, 14.8], [7.3, 13.2, 14.7, 14.8], [14.8, 14.3, 14.6, 14.8]],
  wampler5: [[6.4, 10.3, 14.6, 13.0], [5.3, 13.2, 14.6, 13.5], [14.8, 14.3, 14.6, 14.8]],
};

describe("NIST StRD: the accurate method reproduces the certified values", () => {
  for (const fixture of NIST_FIXTURES) {
    it(`${fixture.id}: coefficients, SDs, residual SD, R² within the measured bound`, () => {
      const subject = subjectFor(SUBJECTS, fixture.id);
      assertFixture(fixture, subject.compute(fixture), subject.fields);
    });
  }
  it("all eleven datasets are here", () => {
    assert.equal(NIST_FIXTURES.length, 11);
  });
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
            name: "RangeError",
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
