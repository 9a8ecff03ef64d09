import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  createNetwork,
  flattenParameters,
  inputWidth,
  isRowActivation,
  outputWidth,
  parameterCount,
  withParameters,
} from "../../../lib/nn/network.ts";
import { ACTIVATIONS } from "../../../lib/activation/activation.ts";
import { SOFTMAX_OUTPUT } from "../../../lib/nn/softmax_output.ts";
import { fromRows } from "../../../lib/linalg/matrix.ts";

describe("createNetwork: layers in the in × out layout of 002 (x @ W)", () => {
  it("002's W_1 (3×4), W_2 (4×4), W_3 (4×3) chain: 3 inputs, 3 outputs, 40 parameters", () => {
    const net = createNetwork([
      { weights: [[2, -1, 1, 4], [-1, 2, -3, 1], [3, -2, -1, 5]], activation: "sigmoid" },
      {
        weights: fromRows([[3, 1, -2, 1], [-2, 4, 1, -4], [-1, -3, 2, -5], [3, 1, 1, 1]]),
        activation: "sigmoid",
      },
      { weights: [[-1, 3, -2], [1, -1, -3], [3, -2, 2], [1, 2, 1]], activation: "softmax" },
    ]);
    assert.equal(inputWidth(net), 3);
    assert.equal(outputWidth(net), 3);
    assert.equal(parameterCount(net), 12 + 16 + 12);
    assert.equal(net.layers[0].activation, ACTIVATIONS.sigmoid);
    assert.equal(net.layers[2].activation, SOFTMAX_OUTPUT);
    assert.equal(isRowActivation(net.layers[2].activation), true);
    assert.equal(isRowActivation(net.layers[0].activation), false);
  });
  it("copies the caller's weights", () => {
    const w = fromRows([[1, 2]]);
    const net = createNetwork([{ weights: w, activation: "identity" }]);
    w.data[0] = 99;
    assert.equal(net.layers[0].weights.data[0], 1);
  });
  it("flattenParameters and withParameters round-trip, weights before biases per layer", () => {
    const net = createNetwork([
      { weights: [[1, 2, 3], [4, 5, 6]], biases: [7, 8, 9], activation: "sigmoid" },
      { weights: [[10], [11], [12]], activation: "identity" },
    ]);
    assert.deepEqual(Array.from(flattenParameters(net)), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const moved = withParameters(net, Array.from({ length: 12 }, (_, i) => -i));
    assert.deepEqual(Array.from(moved.layers[0].biases!), [-6, -7, -8]);
    assert.equal(moved.layers[1].biases, null);
    assert.deepEqual(Array.from(flattenParameters(net)).slice(0, 2), [1, 2]);
  });
});

describe("createNetwork: bad input", () => {
  it("layer shapes that do not chain", () => {
    assert.throws(
      () =>
        createNetwork([
          { weights: [[1, 2, 3]], activation: "sigmoid" },
          { weights: [[1], [2], [3], [4]], activation: "sigmoid" },
        ]),
      {
        name: "RangeError",
        message: /^Cannot chain layer 2: it expects 4 inputs but layer 1 outputs 3$/,
      },
    );
  });
  it("no layers", () => {
    assert.throws(() => createNetwork([]), { name: "RangeError", message: /at least one layer/ });
  });
  it("non-finite weights or biases", () => {
    assert.throws(() => createNetwork([{ weights: [[1, NaN]], activation: "tanh" }]), {
      name: "NonFiniteError",
      message: /Layer 1 weights must be finite, but entry 1 is NaN/,
    });
    assert.throws(
      () => createNetwork([{ weights: [[1, 2]], biases: [0, Infinity], activation: "tanh" }]),
      { name: "NonFiniteError", message: /Layer 1 biases must be finite, but entry 1 is Infinity/ },
    );
  });
  it("a bias vector of the wrong length", () => {
    assert.throws(() => createNetwork([{ weights: [[1, 2]], biases: [0], activation: "tanh" }]), {
      name: "RangeError",
      message: /Layer 1 has 1 biases but 2 outputs/,
    });
  });
  it("an unknown activation name", () => {
    assert.throws(
      () => createNetwork([{ weights: [[1]], activation: "swish" as "tanh" }]),
      {
        name: "TypeError",
        message: /unknown activation "swish": expected sigmoid, tanh, relu, identity or softmax/,
      },
    );
  });
  it("withParameters with the wrong count", () => {
    const net = createNetwork([{ weights: [[1, 2]], activation: "tanh" }]);
    assert.throws(() => withParameters(net, [1]), {
      name: "RangeError",
      message: /the network has 2 but 1 were given/,
    });
  });
});
