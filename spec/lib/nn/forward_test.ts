import { describe, it } from "node:test";
import assert from "node:assert/strict";
import json from "../../../fixtures/nn/forward.json" with { type: "json" };
import { fixtureById } from "../../_fixture.ts";
import { assertFixture } from "../../../oracle/verify.ts";
import { assertAllClose } from "../../../oracle/assert_close.ts";
import { assertPrinted } from "../../../oracle/assert_printed.ts";
import { subjectFor } from "../../../oracle/subject.ts";
import { SUBJECTS } from "../../../worked/registry.ts";
import { createNetwork } from "../../../lib/nn/network.ts";
import {
  createForwardTrace,
  forward,
  forwardBatch,
  MLP_FORWARD_VARIANTS,
  predict,
} from "../../../lib/nn/forward.ts";
import { createMatrix, fromRows } from "../../../lib/linalg/matrix.ts";

const vector = fixtureById(json, "s002.forward.vector");
const batch = fixtureById(json, "s002.forward.batch");
type Rows = number[][];

function network002() {
  return createNetwork([
    { weights: vector.input.W_1 as Rows, activation: "sigmoid" },
    { weights: vector.input.W_2 as Rows, activation: "sigmoid" },
    { weights: vector.input.W_3 as Rows, activation: "softmax" },
  ]);
}

describe("002 前馈神经网络: the 3-4-4-3 network on x_in = [.5, .8, .2]", () => {
  const subject = subjectFor(SUBJECTS, vector.id);
  it("z_2, a_2, z_3, a_3, z_4 and y_out match the mpmath values, and every printed digit", () => {
    assertFixture(vector, subject.compute(vector), subject.fields);
  });
  it("z_2 = x_in·W_1 = [0.8, 0.7, −2.1, 3.8] as printed", () => {
    const trace = forward(network002(), vector.input.x_in as number[]);
    assertPrinted(trace.preActivations[0].data, ["0.8", "0.7", "-2.1", "3.8"]);
  });
  it("y_out is a probability distribution", () => {
    const y = predict(network002(), fromRows([vector.input.x_in as number[]])).data;
    assertAllClose(y[0] + y[1] + y[2], 1, { ulps: 1 });
  });
  it("erratum: the slide calls soft_max_vec, which is never defined; softmax_vec (softmax) gives the printed y_out", () => {
    // Softmax of z_4 is what was printed; an elementwise sigmoid output would not be.
    const sigmoidOut = createNetwork([
      { weights: vector.input.W_1 as Rows, activation: "sigmoid" },
      { weights: vector.input.W_2 as Rows, activation: "sigmoid" },
      { weights: vector.input.W_3 as Rows, activation: "sigmoid" },
    ]);
    const wrong = predict(sigmoidOut, fromRows([vector.input.x_in as number[]])).data;
    assert.throws(() => assertPrinted(wrong, vector.printed.y_out as string[]));
    assertPrinted(
      predict(network002(), fromRows([vector.input.x_in as number[]])).data,
      vector
        .printed.y_out as string[],
    );
  });
});

describe("002 矩阵数据 (batch) 进行前馈计算: the 7×3 batch x_mat_in", () => {
  const subject = subjectFor(SUBJECTS, batch.id);
  it("z_2 (7×4) and y_out (7×3) match the mpmath values and every printed digit", () => {
    assertFixture(batch, subject.compute(batch), subject.fields);
  });
  it("row 0 of the batch is the single-vector result, bit for bit", () => {
    const net = network002();
    const rows = predict(net, fromRows(batch.input.x_mat_in as Rows));
    const one = predict(net, fromRows([vector.input.x_in as number[]]));
    assert.deepEqual(Array.from(rows.data.subarray(0, 3)), Array.from(one.data));
  });
  it("every row of y_out sums to 1", () => {
    const y = predict(network002(), fromRows(batch.input.x_mat_in as Rows));
    for (let i = 0; i < 7; i++) {
      assertAllClose(y.data[3 * i] + y.data[3 * i + 1] + y.data[3 * i + 2], 1, { ulps: 2 });
    }
  });
});

describe("MLP_FORWARD_VARIANTS: every kernel reproduces the fixtures, bit for bit with the reference", () => {
  for (const [name, kernel] of Object.entries(MLP_FORWARD_VARIANTS)) {
    it(`${name} on the 7×3 batch`, () => {
      const net = network002();
      const x = fromRows(batch.input.x_mat_in as Rows);
      const trace = forwardBatch(net, x, undefined, kernel);
      assertAllClose(trace.activations[3], batch.expected.y_out as Rows, batch.tolerance.y_out);
      const reference = forwardBatch(net, x);
      assert.deepEqual(
        Array.from(trace.activations[3].data),
        Array.from(reference.activations[3].data),
      );
    });
  }
  it("with biases and tanh/relu/identity layers the two kernels still agree bit for bit", () => {
    const net = createNetwork([
      {
        weights: [[0.3, -0.1, 0.8], [0.5, 0.2, -0.4]],
        biases: [0.1, -0.2, 0.05],
        activation: "tanh",
      },
      { weights: [[1, -1], [0.5, 0.25], [-0.75, 2]], biases: [0.3, -0.1], activation: "relu" },
      { weights: [[0.2], [-0.6]], biases: [0.4], activation: "identity" },
    ]);
    const x = fromRows([[0.1, 0.9], [-1.5, 0.3], [2, -2]]);
    const a = forwardBatch(net, x, undefined, MLP_FORWARD_VARIANTS.separate);
    const b = forwardBatch(net, x, undefined, MLP_FORWARD_VARIANTS.fused);
    assert.deepEqual(Array.from(a.activations[3].data), Array.from(b.activations[3].data));
  });
  it("a caller-provided trace is reused, not reallocated", () => {
    const net = network002();
    const trace = createForwardTrace(net, 7);
    const out = forwardBatch(net, fromRows(batch.input.x_mat_in as Rows), trace);
    assert.equal(out, trace);
    assert.equal(out.activations[3], trace.activations[3]);
  });
});

describe("forward: bad input", () => {
  const net = network002();
  it("a batch of the wrong width", () => {
    assert.throws(() => forwardBatch(net, createMatrix(2, 2)), {
      name: "ShapeError",
      message: /batch of width 2: layer 1 expects 3 inputs/,
    });
    assert.throws(() => forward(net, [1, 2, 3, 4]), {
      name: "ShapeError",
      message: /batch of width 4: layer 1 expects 3 inputs/,
    });
  });
  it("an empty batch", () => {
    assert.throws(() => forwardBatch(net, createMatrix(0, 3)), {
      name: "ShapeError",
      message: /empty batch/,
    });
  });
  it("non-finite inputs", () => {
    assert.throws(() => forward(net, [0.5, NaN, 0.2]), {
      name: "NonFiniteError",
      message: /Network inputs must be finite, but entry 1 is NaN/,
    });
  });
  it("a trace built for another batch size", () => {
    assert.throws(() => forwardBatch(net, createMatrix(2, 3), createForwardTrace(net, 3)), {
      name: "ShapeError",
      message: /built for 3 rows on a batch of 2/,
    });
  });
});
