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
        name: "ShapeError",
        message: /^Cannot chain layer 2: it expects 4 inputs but layer 1 outputs 3$/,
      },
    );
  });
  it("no layers", () => {
    assert.throws(() => createNetwork([]), { name: "ShapeError", message: /at least one layer/ });
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
      name: "ShapeError",
      message: /Layer 1 has 1 biases but 2 outputs/,
    });
  });
  it("an unknown activation name", () => {
    assert.throws(
      () => createNetwork([{ weights: [[1]], activation: "swish" as "tanh" }]),
      {
        name: "ArgumentRangeError",
        message: /unknown activation "swish": expected sigmoid, tanh, relu, identity or softmax/,
      },
    );
  });
  it("withParameters with the wrong count", () => {
    const net = createNetwork([{ weights: [[1, 2]], activation: "tanh" }]);
    assert.throws(() => withParameters(net, [1]), {
      name: "ShapeError",
      message: /the network has 2 but 1 were given/,
    });
  });
});

describe("createNetwork and friends: typed errors at the boundary, own names only", () => {
  it('activation names never reach Object.prototype: "constructor", "__proto__", "toString"', () => {
    for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      assert.throws(() => createNetwork([{ weights: [[1]], activation: name as "tanh" }]), {
        name: "ArgumentRangeError",
        message: /unknown activation/,
      });
    }
  });
  it("values of the wrong type get an InputTypeError naming the layer and what it got", () => {
    const cases: [unknown, RegExp][] = [
      [null, /layers must be an array of layer specs, got null/],
      ["sigmoid", /layers must be an array of layer specs, got the string "sigmoid"/],
      [[null], /Layer 1 must be a layer spec object, got null/],
      [[{ weights: "1", activation: "tanh" }], /Layer 1 weights must be a Matrix/],
      [
        [{ weights: [["1"]], activation: "tanh" }],
        /Layer 1 weights row 0 must be an array of numbers, but entry 0 is the string "1"/,
      ],
      [[{ weights: [[1n]], activation: "tanh" }], /entry 0 is a bigint/],
      [
        [{ weights: [[1]], biases: ["0"], activation: "tanh" }],
        /Layer 1 biases must be an array of numbers/,
      ],
      [
        [{ weights: [[1]], activation: { name: "f" } }],
        /Layer 1 activation must be an Activation or a RowActivation/,
      ],
      [
        [{ weights: { rows: 1, cols: 1, data: [1] }, activation: "tanh" }],
        /data is a Float64Array, got an array/,
      ],
    ];
    for (const [layers, message] of cases) {
      assert.throws(() => createNetwork(layers as never), { name: "InputTypeError", message });
    }
  });
  it("ragged weight rows and Matrix data of the wrong length are shape errors", () => {
    assert.throws(() => createNetwork([{ weights: [[1, 2], [3]], activation: "tanh" }]), {
      name: "ShapeError",
      message: /Layer 1 weights row 1 has 1 entries, row 0 has 2/,
    });
    const short = { rows: 2, cols: 2, data: Float64Array.of(1, 2, 3) };
    assert.throws(() => createNetwork([{ weights: short, activation: "tanh" }]), {
      name: "ShapeError",
      message: /is 2×2 but its data has 3 entries \(expected 4\)/,
    });
  });
  it("the getters check that they got a network", () => {
    for (const f of [inputWidth, outputWidth, parameterCount, flattenParameters]) {
      assert.throws(() => f(null as never), {
        name: "InputTypeError",
        message: /must be a Network/,
      });
      assert.throws(() => f({ layers: [] } as never), { name: "ShapeError", message: /no layers/ });
    }
    assert.throws(() => isRowActivation(null as never), { name: "InputTypeError" });
    const net = createNetwork([{ weights: [[1, 2]], activation: "tanh" }]);
    assert.throws(() => withParameters(net, "12" as never), { name: "InputTypeError" });
    assert.throws(() => withParameters(net, [1, NaN]), { name: "NonFiniteError" });
    assert.throws(() => flattenParameters(net, new Float64Array(3)), {
      name: "ShapeError",
      message: /out has 3 entries but 2 are needed/,
    });
  });
  it("createNetwork copies: changing the caller's rows or biases afterwards changes nothing", () => {
    const rows = [[1, 2]], biases = [3, 4];
    const net = createNetwork([{ weights: rows, biases, activation: "identity" }]);
    rows[0][0] = 99;
    biases[0] = 99;
    assert.deepEqual(Array.from(flattenParameters(net)), [1, 2, 3, 4]);
  });
});
