import { describe, it } from "node:test";
import assert from "node:assert/strict";
import json from "../../../fixtures/nn/backprop.json" with { type: "json" };
import { fixtureById } from "../../_fixture.ts";
import { assertFixture } from "../../../oracle/verify.ts";
import { assertAllClose } from "../../../oracle/assert_close.ts";
import { subjectFor } from "../../../oracle/subject.ts";
import { SUBJECTS } from "../../../worked/registry.ts";
import {
  createNetwork,
  flattenParameters,
  type Network,
  withParameters,
} from "../../../lib/nn/network.ts";
import { forwardBatch } from "../../../lib/nn/forward.ts";
import {
  backward,
  backwardFromDelta,
  flattenGradients,
  MLP_BACKWARD_VARIANTS,
} from "../../../lib/nn/backward.ts";
import { checkGradient } from "../../../lib/gradcheck/gradient_check.ts";
import { ACTIVATIONS } from "../../../lib/activation/activation.ts";
import {
  createMatrix,
  fromRows,
  type Matrix,
  toRows,
  transpose,
} from "../../../lib/linalg/matrix.ts";

type Rows = number[][];
const flip = (rows: Rows): Rows => toRows(transpose(fromRows(rows)));
const computed = (id: string) => {
  const fixture = fixtureById(json, id);
  const subject = subjectFor(SUBJECTS, id);
  return { fixture, subject, values: subject.compute(fixture) };
};

/** C(θ) = ½‖f(x; θ) − y‖² summed over rows, times `scale`, as a function of the flat parameters. */
function halfSquaredCost(net: Network, x: Matrix, y: Matrix, scale = 1) {
  return (theta: Float64Array) => {
    const out = forwardBatch(withParameters(net, theta), x);
    const a = out.activations[out.activations.length - 1].data;
    let sum = 0;
    for (let i = 0; i < a.length; i++) sum += (a[i] - y.data[i]) ** 2;
    return (scale * sum) / 2;
  };
}

/** The gradient of halfSquaredCost by our backward pass. */
function halfSquaredGradient(net: Network, x: Matrix, y: Matrix, scale = 1) {
  const trace = forwardBatch(net, x);
  const a = trace.activations[trace.activations.length - 1];
  const g = createMatrix(a.rows, a.cols, a.data.map((v, i) => scale * (v - y.data[i])));
  return flattenGradients(backward(net, trace, g));
}

function network232(input: Record<string, unknown>): Network {
  return createNetwork([
    { weights: flip(input.W2 as Rows), biases: input.b2 as number[], activation: "sigmoid" },
    { weights: flip(input.W3 as Rows), biases: input.b3 as number[], activation: "sigmoid" },
  ]);
}

describe("001 §3.3.1 (3.4)–(3.5) and §4.1: one sigmoid neuron, C = ½(σ(wx + b) − y)²", () => {
  const { fixture, subject, values } = computed("s001.chain_uni");
  const e = fixture.expected as Record<string, number>;
  it("z, a, V₂ = (a − y)σ′(z), ∂C/∂w and ∂C/∂b match the mpmath chain rule (confirmed by mpmath differences)", () => {
    assertFixture(fixture, values, subject.fields);
  });
  it("§4.1's reuse: ∂C/∂w = V₂·x and ∂C/∂b = V₂, bit for bit", () => {
    assert.equal(values.dCdw, (values.V2 as number) * (fixture.input.x as number));
    assert.equal(values.dCdb, values.V2);
  });
  it("central differences in binary64 agree with the backward pass", () => {
    const { weight, bias, x, y } = fixture.input as Record<string, number>;
    const cost = (t: Float64Array) => (ACTIVATIONS.sigmoid.value(t[0] * x + t[1]) - y) ** 2 / 2;
    const r = checkGradient(
      cost,
      [values.dCdw as number, values.dCdb as number],
      new Float64Array([weight, bias]),
    );
    assert.ok(r.passed, JSON.stringify(r.worst));
  });
  it("erratum: 4.1's middle expression (a − y)σ′(wx + b)x is V₂·x, not ∂C/∂b = V₂", () => {
    const documentValue = (values.V2 as number) * (fixture.input.x as number);
    assertAllClose(
      documentValue,
      e.documentBiasExpression,
      fixture.tolerance.documentBiasExpression,
    );
    assert.notEqual(Math.abs(documentValue - e.dCdb) < 1e-3, true);
    assertAllClose(values.dCdb as number, e.dCdb, fixture.tolerance.dCdb);
  });
});

describe("001 §4.3.1: ∂C/∂Wˡ = δˡ(aˡ⁻¹)ᵀ and ∂C/∂bˡ = δˡ on a 2-3-2 sigmoid network", () => {
  const { fixture, subject, values } = computed("s001.bp_vector");
  const input = fixture.input;
  it("every z, a, δ and gradient matches the index-by-index mpmath oracle", () => {
    assertFixture(fixture, values, subject.fields);
  });
  it("∂C/∂W³ is the outer product δ³(a²)ᵀ of lib's own δ and a, bit for bit", () => {
    const d3 = values.delta3 as number[], a2 = values.a2 as number[];
    assert.deepEqual(values.dCdW3, d3.map((d) => a2.map((a) => d * a)));
    assert.deepEqual(values.dCdb3, d3);
  });
  it("central differences in binary64 agree with the backward pass (second oracle)", () => {
    const net = network232(input);
    const x = fromRows([input.x as number[]]), y = fromRows([input.y as number[]]);
    const r = checkGradient(
      halfSquaredCost(net, x, y),
      halfSquaredGradient(net, x, y),
      flattenParameters(net),
    );
    assert.ok(r.passed, JSON.stringify(r.worst));
  });
  it("erratum: Wⁱ is a matrix (3×2 for W²), not a one-dimensional vector", () => {
    assert.equal((values.dCdW2 as Rows).length, 3);
    assert.equal((values.dCdW2 as Rows)[0].length, 2);
  });
});

describe("001 §3.4.2: the batch cost C = (1/n) Σ ‖y − aᴸ‖² on 4 samples", () => {
  const { fixture, subject, values } = computed("s001.bp_vector.batch");
  it("the gradients match the mpmath oracle (mean over samples of δˡ(aˡ⁻¹)ᵀ)", () => {
    assertFixture(fixture, values, subject.fields);
  });
  it("central differences in binary64 agree", () => {
    const net = network232(fixture.input);
    const x = fromRows(fixture.input.x as Rows), y = fromRows(fixture.input.y as Rows);
    // (1/n)Σ‖·‖² = (2/n)·½Σ‖·‖².
    const r = checkGradient(
      halfSquaredCost(net, x, y, 2 / 4),
      halfSquaredGradient(net, x, y, 2 / 4),
      flattenParameters(net),
    );
    assert.ok(r.passed, JSON.stringify(r.worst));
  });
});

describe("002 反向传播推导: the slides' index formulas on the 2-3-2 network", () => {
  const { fixture, subject, values } = computed("s002.bp_slides");
  const e = fixture.expected as Record<string, Rows>;
  it("the correct gradients ∂J/∂w_pq = δ_p a_q, ∂J/∂b_p = δ_p match the mpmath oracle", () => {
    assertFixture(fixture, values, subject.fields);
  });
  it("erratum: the printed δ_p a_p^(L−1) gives rows that are constant and wrong", () => {
    const trace = computed("s001.bp_vector").values;
    const d3 = trace.delta3 as number[], a2 = trace.a2 as number[];
    const documentValue = d3.map((d, p) => a2.map(() => d * a2[p]));
    assertAllClose(
      documentValue,
      e.documentLastLayerWeightGradient,
      fixture.tolerance.documentLastLayerWeightGradient,
    );
    for (const row of documentValue) assert.ok(row.every((v) => v === row[0]));
    assert.throws(() => assertAllClose(documentValue, e.dJdW3, { rtol: 1e-3 }));
  });
  it("erratum: the bias gradient has one entry per unit p of the layer, equal to δ_p (not b_q or b_i)", () => {
    assert.equal((values.dJdb3 as number[]).length, 2);
    assert.equal((values.dJdb2 as number[]).length, 3);
    const trace = computed("s001.bp_vector").values;
    assert.deepEqual(values.dJdb3, trace.delta3);
    assert.deepEqual(values.dJdb2, trace.delta2);
  });
});

describe("000 §4.3.3: δ_k = Y − T, δ_h = Σ_k W_hk δ_k f′(a_h), and the weight update", () => {
  const { fixture, subject, values } = computed("s000.bp");
  const input = fixture.input;
  const e = fixture.expected as Record<string, number & number[] & Rows>;
  const net = createNetwork([
    { weights: input.W_in as Rows, activation: "sigmoid" },
    { weights: input.W_hk as Rows, activation: "identity" },
  ]);
  it("Y, δ_k, δ_h, both weight gradients and the losses match the mpmath oracle", () => {
    assertFixture(fixture, values, subject.fields);
  });
  it("central differences in binary64 agree with the backward pass", () => {
    const x = fromRows([input.X as number[]]), y = fromRows([input.T as number[]]);
    const r = checkGradient(
      halfSquaredCost(net, x, y),
      halfSquaredGradient(net, x, y),
      flattenParameters(net),
    );
    assert.ok(r.passed, JSON.stringify(r.worst));
  });
  it("δ_k = Y − T as the output δ gives the same gradients as the loss gradient through f′ = 1", () => {
    const x = fromRows([input.X as number[]]);
    const trace = forwardBatch(net, x);
    const y = trace.activations[2].data, t = input.T as number[];
    const g = backwardFromDelta(net, trace, fromRows([[y[0] - t[0], y[1] - t[1]]]));
    assert.deepEqual(toRows(g.weights[0]), values.gradHiddenWeights);
  });
  it("erratum: W ← W + aδx climbs — the loss rises, while W ← W − ηδx lowers it", () => {
    const before = values.lossBefore as number;
    assert.ok((values.lossAfterDocumentStep as number) > before);
    assert.ok((values.lossAfterDescentStep as number) < before);
  });
  it("erratum: δ_k × ΣW_hk × f′ (one δ_k times the sum of the weights) is not δ_h", () => {
    const dk = values.deltaOutput as number[];
    const trace = forwardBatch(net, fromRows([input.X as number[]]));
    const W = input.W_hk as Rows;
    const documentValue = dk.map((d) =>
      W.map((row, h) =>
        d * (row[0] + row[1]) * ACTIVATIONS.sigmoid.derivative(trace.preActivations[0].data[h])
      )
    );
    assertAllClose(documentValue, e.documentLine5, fixture.tolerance.documentLine5);
    for (const row of documentValue) {
      assert.throws(() => assertAllClose(row, e.deltaHidden, { rtol: 1e-3 }));
    }
  });
  it("erratum: δ^l without the index i, read as a sum over i and j, is one number Σ_i δ_i", () => {
    const dh = values.deltaHidden as number[];
    assertAllClose(
      dh[0] + dh[1] + dh[2],
      e.documentGeneralScalar,
      fixture.tolerance.documentGeneralScalar,
    );
    assert.equal(dh.length, 3);
  });
  it("erratum: h(x) needs its own weights — sharing the first unit's w_11, w_12, w_13 changes the output", () => {
    // 000's h(x) reuses the names w_11, w_12, w_13, b_1 of the first hidden unit.
    const hidden = createNetwork([{
      weights: [[0.2, 0.5, -0.3], [-0.4, 0.3, 0.6], [0.1, -0.2, 0.4]],
      activation: "sigmoid",
    }]);
    const a = forwardBatch(hidden, fromRows([[1, -0.5, 0.25]])).activations[1].data;
    const literal = ACTIVATIONS.sigmoid.value(0.2 * a[0] + 0.5 * a[1] - 0.3 * a[2]);
    const ownWeights = ACTIVATIONS.sigmoid.value(0.7 * a[0] + 0.2 * a[1] - 0.6 * a[2]);
    assert.notEqual(literal, ownWeights);
  });
});

describe("MLP_BACKWARD_VARIANTS: every kernel reproduces the fixtures, bit for bit with the reference", () => {
  const fixture = fixtureById(json, "s001.bp_vector.batch");
  const net = network232(fixture.input);
  const x = fromRows(fixture.input.x as Rows), y = fromRows(fixture.input.y as Rows);
  const trace = forwardBatch(net, x);
  const a = trace.activations[2];
  const seed = createMatrix(4, 2, a.data.map((v, i) => (2 * (v - y.data[i])) / 4));
  const reference = flattenGradients(backward(net, trace, seed));
  for (const [name, kernel] of Object.entries(MLP_BACKWARD_VARIANTS)) {
    it(name, () => {
      const g = backward(net, trace, seed, undefined, kernel);
      assertAllClose(
        flip(toRows(g.weights[0])),
        fixture.expected.dCdW2 as Rows,
        fixture.tolerance.dCdW2,
      );
      assertAllClose(
        flip(toRows(g.weights[1])),
        fixture.expected.dCdW3 as Rows,
        fixture.tolerance.dCdW3,
      );
      assert.deepEqual(Array.from(flattenGradients(g)), Array.from(reference));
    });
  }
  it("the kernels agree through a softmax hidden layer and a batch of 3", () => {
    const odd = createNetwork([
      {
        weights: [[0.3, -0.2, 0.5], [0.1, 0.4, -0.6]],
        biases: [0, 0.1, -0.1],
        activation: "softmax",
      },
      { weights: [[1], [-2], [0.5]], biases: [0.2], activation: "tanh" },
    ]);
    const t = forwardBatch(odd, fromRows([[0.5, -1], [1, 2], [-0.3, 0.3]]));
    const s = fromRows([[0.1], [-0.2], [0.3]]);
    const g1 = flattenGradients(backward(odd, t, s, undefined, MLP_BACKWARD_VARIANTS.separate));
    const g2 = flattenGradients(backward(odd, t, s, undefined, MLP_BACKWARD_VARIANTS.fused));
    assert.deepEqual(Array.from(g1), Array.from(g2));
  });
});

describe("backward: bad input", () => {
  const net = createNetwork([{ weights: [[1, 2]], biases: [0, 0], activation: "tanh" }]);
  const trace = forwardBatch(net, fromRows([[0.5], [0.25]]));
  it("an output gradient of the wrong shape", () => {
    assert.throws(() => backward(net, trace, createMatrix(2, 3)), {
      name: "ShapeError",
      message: /the output gradient is 2×3 but the output is 2×2/,
    });
    assert.throws(() => backwardFromDelta(net, trace, createMatrix(1, 2)), {
      name: "ShapeError",
      message: /the output δ is 1×2 but the output is 2×2/,
    });
  });
  it("a non-finite output gradient", () => {
    assert.throws(() => backward(net, trace, fromRows([[0, NaN], [0, 0]])), {
      name: "NonFiniteError",
      message: /the output gradient must be finite, but entry 1 is NaN/,
    });
  });
});
