// S2 "Softmax运算": ŷⱼ = e^(oⱼ)/Σe^(oₖ), a distribution with argmax ŷ = argmax o.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import json from "../../../fixtures/activation/softmax.json" with { type: "json" };
import { fixtureById } from "../../_fixture.ts";
import { assertFixture } from "../../../oracle/verify.ts";
import { assertAllClose } from "../../../oracle/assert_close.ts";
import { subjectFor } from "../../../oracle/subject.ts";
import { SUBJECTS } from "../../../worked/registry.ts";
import {
  logSoftmax,
  logSumExp,
  softmax,
  SOFTMAX_VARIANTS,
  softmaxRows,
} from "../../../lib/activation/softmax.ts";

const fx = fixtureById(json, "s002.softmax_ce.softmax");

describe("softmax (S2 Softmax推断)", () => {
  it("matches mpmath, keeps argmax, and S2's unshifted form overflows to NaN at 1000", () => {
    const subject = subjectFor(SUBJECTS, fx.id);
    assertFixture(fx, subject.compute(fx), subject.fields);
  });
  it("shift invariance: [1000, 1001, 1002] gives exactly the distribution of [1, 2, 3]", () => {
    assert.deepEqual(Array.from(softmax([1000, 1001, 1002])), Array.from(softmax([1, 2, 3])));
  });
  it("row-wise softmax equals the vector softmax of each row", () => {
    const m = { rows: 2, cols: 3, data: Float64Array.from([1, 2, 3, -5, 0, 5]) };
    const p = softmaxRows(m);
    assert.deepEqual(Array.from(p.data.subarray(0, 3)), Array.from(softmax([1, 2, 3])));
    assert.deepEqual(Array.from(p.data.subarray(3)), Array.from(softmax([-5, 0, 5])));
  });
  it("log-sum-exp and log-softmax stay finite where e^o overflows or underflows", () => {
    assert.equal(logSumExp([1000, 1000]), 1000 + Math.LN2);
    assert.equal(logSoftmax([0, -1000])[1], -1000);
  });
  it("variants agree with the shifted reference (unshifted: 2 ulps while |o| < 700)", () => {
    // Logits on a 1/8 grid, so that the shift o − max is exact and only the kernels differ.
    const data = Float64Array.from(
      { length: 60 },
      (_, i) => Math.round(104 * Math.sin(i * 1.7)) / 8,
    );
    const m = { rows: 6, cols: 10, data };
    const reference = softmaxRows(m);
    assertAllClose(SOFTMAX_VARIANTS.unshifted(m), reference, { ulps: 2 });
    // o − lse inherits ulp(lse) ≈ 1.8e−15 of absolute error at |o| ≈ 13: measured 21 ulps.
    assertAllClose(SOFTMAX_VARIANTS.logSumExp(m), reference, { rtol: 5e-15, atol: 0 });
  });
  it("rejects an empty vector, non-finite logits and a wrong-size out buffer", () => {
    assert.throws(() => softmax([]), { name: "ShapeError", message: /empty/ });
    assert.throws(() => softmax([1, NaN]), { name: "NonFiniteError", message: /entry 1 is NaN/ });
    assert.throws(() => softmax([1, 2], new Float64Array(3)), {
      name: "ShapeError",
      message: /out has 3 entries but values has 2/,
    });
    const m = { rows: 1, cols: 2, data: Float64Array.from([0, Infinity]) };
    assert.throws(() => softmaxRows(m), { name: "NonFiniteError", message: /entry \(0, 1\)/ });
    assert.throws(() =>
      softmaxRows({ rows: 1, cols: 2, data: new Float64Array(2) }, {
        rows: 2,
        cols: 2,
        data: new Float64Array(4),
      }), { name: "ShapeError", message: /out is 2×2/ });
  });
});

describe("softmaxRows: its Float64Array row kernel equals softmax of each row bit for bit", () => {
  it("rows with signed zeros, ties, large and small logits", () => {
    const rows = [
      [0, -0, 0, -0],
      [-0, -0, -0, -0],
      [700, -700, 3, 700],
      [1e-300, -1e-300, 0.5, -0.25],
      [0.1, 0.2, 0.3, 0.4],
    ];
    const m = { rows: rows.length, cols: 4, data: Float64Array.from(rows.flat()) };
    const together = softmaxRows(m);
    rows.forEach((row, i) => {
      const alone = softmax(row);
      for (let j = 0; j < 4; j++) assert.ok(Object.is(together.data[i * 4 + j], alone[j]));
    });
  });
});
