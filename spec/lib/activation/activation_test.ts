// The Activation registry and S2's activation slide (sigmoid, tanh, ReLU, f − f², 1 − f²).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import json from "../../../fixtures/activation/activations.json" with { type: "json" };
import { fixtureById } from "../../_fixture.ts";
import { assertFixture } from "../../../oracle/verify.ts";
import { assertClose } from "../../../oracle/assert_close.ts";
import { subjectFor } from "../../../oracle/subject.ts";
import { SUBJECTS } from "../../../worked/registry.ts";
import { ACTIVATIONS } from "../../../lib/activation/activation.ts";
import { tanh, tanhDerivative, tanhDerivativeFromOutput } from "../../../lib/activation/tanh.ts";
import { relu, reluDerivative, reluDerivativeS2 } from "../../../lib/activation/relu.ts";
import { heaviside, heavisideDerivative } from "../../../lib/activation/step.ts";
import { identityActivation, identityDerivative } from "../../../lib/activation/identity.ts";

const fx = fixtureById(json, "s002.activations");

describe("S2 梯度消失与激活函数选择: sigmoid, tanh, ReLU and their derivatives", () => {
  it("every value and derivative matches mpmath", () => {
    const subject = subjectFor(SUBJECTS, fx.id);
    assertFixture(fx, subject.compute(fx), subject.fields);
  });
  it("the slide's derivative forms f − f² and 1 − f² agree with the derivatives from z", () => {
    for (const z of fx.input.z as number[]) {
      const s = ACTIVATIONS.sigmoid.value(z);
      assertClose(
        s - s * s,
        ACTIVATIONS.sigmoid.derivative(z),
        // f carries up to 2⁻⁵³ of rounding, which f − f² passes on (factor |1 − 2f| ≤ 1).
        { atol: 2 ** -52, rtol: 0 },
        `σ at ${z}`,
      );
      assertClose(tanhDerivativeFromOutput(tanh(z)), tanhDerivative(z), {
        atol: 2 ** -52,
        rtol: 0,
      });
    }
  });
  it("ReLU′(0): S2 says 1, nnref says 0 so that f′(z) = f′ from the output a = 0", () => {
    assert.equal(reluDerivativeS2(0), 1);
    assert.equal(reluDerivative(0), 0);
    assert.equal(ACTIVATIONS.relu.derivativeFromOutput(relu(0)), ACTIVATIONS.relu.derivative(0));
  });
  it("step and identity", () => {
    const values = [heaviside(-1), heaviside(0), heaviside(2), heavisideDerivative(2)];
    assert.deepEqual(values, [0, 1, 1, 0]);
    assert.equal(identityActivation(-3), -3);
    assert.equal(identityDerivative(7), 1);
    assert.ok(Number.isNaN(heaviside(NaN)) && Number.isNaN(relu(NaN)));
  });
});

describe("ACTIVATIONS registry", () => {
  it("has the four names, and derivative(z) = derivativeFromOutput(value(z)) away from saturation", () => {
    assert.deepEqual(Object.keys(ACTIVATIONS).sort(), ["identity", "relu", "sigmoid", "tanh"]);
    for (const [name, f] of Object.entries(ACTIVATIONS)) {
      assert.equal(f.name, name);
      for (const z of [-3, -0.5, 0.25, 2]) {
        assertClose(f.derivativeFromOutput(f.value(z)), f.derivative(z), {
          atol: 2 ** -52,
          rtol: 0,
        }, `${name} at ${z}`);
      }
    }
  });
  it("is frozen: a network cannot swap an activation out from under another", () => {
    assert.ok(Object.isFrozen(ACTIVATIONS) && Object.isFrozen(ACTIVATIONS.sigmoid));
  });
});
