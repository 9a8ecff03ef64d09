// S1 §3.2: σ(z) = 1/(1 + e^(−z)), σ′ = σ(1 − σ), and the claims about σ's range.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import json from "../../../fixtures/activation/sigmoid.json" with { type: "json" };
import { fixtureById } from "../../_fixture.ts";
import { assertFixture } from "../../../oracle/verify.ts";
import { assertAllClose, assertClose } from "../../../oracle/assert_close.ts";
import { subjectFor } from "../../../oracle/subject.ts";
import { SUBJECTS } from "../../../worked/registry.ts";
import {
  sigmoid,
  SIGMOID_DERIVATIVE_FROM_OUTPUT_VARIANTS,
  SIGMOID_VARIANTS,
  sigmoidArray,
  sigmoidDerivative,
  sigmoidDerivativeFromOutput,
} from "../../../lib/activation/sigmoid.ts";

const derivative = fixtureById(json, "s001.sigmoid.derivative");
const range = fixtureById(json, "s001.sigmoid.range");

describe("σ and σ′ over the whole double range (S1 §3.2)", () => {
  it("σ and σ′ match mpmath at every point, from −800 to 800, subnormals and ±0", () => {
    const subject = subjectFor(SUBJECTS, derivative.id);
    assertFixture(derivative, subject.compute(derivative), subject.fields);
  });
  it("σ′ computed from the output, σ(1 − σ), is the proof's last line and agrees for z ≤ 0", () => {
    const z = derivative.input.z as number[];
    const expected = derivative.expected.derivative as number[];
    z.forEach((value, i) => {
      if (value > 0) return;
      assertClose(
        sigmoidDerivativeFromOutput(sigmoid(value)),
        expected[i],
        { ulps: 2 },
        `z = ${value}`,
      );
    });
  });
  it("σ(1 − σ) cancels to 0 for large z, where σ′ itself is still 4.2e−18: why σ′ is taken from z", () => {
    assert.equal(sigmoidDerivativeFromOutput(sigmoid(40)), 0);
    assert.ok(sigmoidDerivative(40) > 4.2e-18);
  });
  it("no NaN and no overflow anywhere, including ±∞", () => {
    for (const z of [-Infinity, -1e308, -800, 800, 1e308, Infinity]) {
      assert.ok(Number.isFinite(sigmoid(z)) && Number.isFinite(sigmoidDerivative(z)), `z = ${z}`);
    }
    assert.equal(sigmoidDerivative(Infinity), 0);
  });
  it("NaN in gives NaN out (a bad input is not hidden)", () => {
    assert.ok(Number.isNaN(sigmoid(NaN)) && Number.isNaN(sigmoidDerivative(NaN)));
  });
});

describe("the range claims of S1 §3.2", () => {
  it("σ(0) = ½, the limits are 0 and 1, the maximum slope is ¼, σ(z) + σ(−z) = 1", () => {
    const subject = subjectFor(SUBJECTS, range.id);
    assertFixture(range, subject.compute(range), subject.fields);
  });
  it("erratum: σ cannot output every real number — a target of 2 stays at squared error ≥ 1", () => {
    for (let z = -1000; z <= 1000; z += 0.25) {
      const s = sigmoid(z);
      assert.ok(s >= 0 && s <= 1, `σ(${z}) = ${s}`);
      assert.ok((s - 2) ** 2 >= 1);
    }
    const computed = subjectFor(SUBJECTS, range.id).compute(range);
    assert.equal(computed.bestSquaredErrorToTarget, 1);
  });
});

describe("σ kernels (SIGMOID_VARIANTS) agree with the reference", () => {
  const z = Array.from({ length: 2001 }, (_, i) => -700 + 0.7 * i);
  const reference = sigmoidArray(z);
  it("reciprocal form: within 2 ulps for z ≥ −700 (measured: 1 ulp)", () => {
    assertAllClose(SIGMOID_VARIANTS.reciprocal(z), reference, { ulps: 2 });
  });
  it("tanh form: within 2⁻⁵³ absolutely (it loses relative precision for z ≪ 0)", () => {
    assertAllClose(SIGMOID_VARIANTS.tanh(z), reference, { atol: 2 ** -53, rtol: 0 });
  });
  it("reciprocal form flushes to 0 below −709.78, where σ is still a subnormal", () => {
    assert.equal(SIGMOID_VARIANTS.reciprocal([-740])[0], 0);
    assert.ok(sigmoidArray([-740])[0] > 0);
  });
  it("σ′ from outputs: a(1 − a) and S2's f − f² differ by at most 2⁻⁵³ absolutely", () => {
    const a = sigmoidArray(z.map((v) => v / 100));
    assertAllClose(
      SIGMOID_DERIVATIVE_FROM_OUTPUT_VARIANTS.expanded(a),
      SIGMOID_DERIVATIVE_FROM_OUTPUT_VARIANTS.product(a),
      { atol: 2 ** -53, rtol: 0 },
    );
  });
  it("writes into the caller's buffer, and refuses one of the wrong length", () => {
    const out = new Float64Array(2);
    assert.equal(sigmoidArray([0, 0], out), out);
    assert.throws(() => sigmoidArray([0, 0, 0], out), {
      name: "ShapeError",
      message: /out has 2 entries but values has 3/,
    });
  });
});
