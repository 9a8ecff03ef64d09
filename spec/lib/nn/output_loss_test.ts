// The output layer's loss and δ: which loss fits which activation, the cross-entropies from
// the logits, and δ checked against central differences of the loss in Zᴸ.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { type ActivationName, createNetwork } from "../../../lib/nn/network.ts";
import { forwardBatch } from "../../../lib/nn/forward.ts";
import { outputDelta, outputLoss, requireLossFitsOutput } from "../../../lib/nn/output_loss.ts";
import { LOSSES } from "../../../lib/loss/loss.ts";
import { fromRows } from "../../../lib/linalg/matrix.ts";
import { assertAllClose } from "../../../oracle/assert_close.ts";

function lastLayer(activation: ActivationName, width: number) {
  return createNetwork([{
    weights: [Array.from({ length: width }, (_, j) => 0.3 * (j + 1) - 0.5)],
    biases: Array.from({ length: width }, (_, j) => 0.1 * j),
    activation,
  }]);
}

describe("requireLossFitsOutput", () => {
  const table: [keyof typeof LOSSES, ActivationName, number, RegExp | null][] = [
    ["squaredError", "identity", 1, null],
    ["squaredError", "softmax", 3, null],
    ["squaredError", "sigmoid", 2, null],
    ["binaryCrossEntropy", "sigmoid", 1, null],
    ["binaryCrossEntropy", "sigmoid", 3, null],
    ["categoricalCrossEntropy", "softmax", 3, null],
    [
      "binaryCrossEntropy",
      "softmax",
      3,
      /for a softmax output use LOSSES\.categoricalCrossEntropy/,
    ],
    ["categoricalCrossEntropy", "sigmoid", 1, /for sigmoid outputs use LOSSES\.binaryCrossEntropy/],
    ["binaryCrossEntropy", "identity", 1, /or use LOSSES\.squaredError for regression/],
    ["categoricalCrossEntropy", "tanh", 2, /a cross-entropy needs probabilities/],
    ["binaryCrossEntropy", "relu", 1, /needs a sigmoid output/],
    [
      "categoricalCrossEntropy",
      "softmax",
      1,
      /at least 2 units.*use sigmoid and LOSSES\.binaryCrossEntropy/,
    ],
  ];
  for (const [loss, activation, width, error] of table) {
    it(`${loss} after ${width} × ${activation}: ${error ? "rejected" : "fits"}`, () => {
      const net = lastLayer(activation, width);
      if (error === null) requireLossFitsOutput(net, LOSSES[loss]);
      else {
        assert.throws(() => requireLossFitsOutput(net, LOSSES[loss]), {
          name: "ArgumentRangeError",
          message: error,
        });
      }
    });
  }
  it("a custom loss without outputActivations fits any output; a malformed loss is a type error", () => {
    const custom = {
      name: "l1",
      value: () => 0,
      gradient: (p: ArrayLike<number>) => new Float64Array(p.length),
    };
    requireLossFitsOutput(lastLayer("softmax", 2), custom);
    for (const bad of [null, "squaredError", {}, { name: "x", value: 1, gradient: () => 0 }]) {
      assert.throws(() => requireLossFitsOutput(lastLayer("identity", 1), bad as never), {
        name: "InputTypeError",
        message: /must be a Loss/,
      });
    }
    assert.throws(
      () =>
        requireLossFitsOutput(lastLayer("sigmoid", 1), {
          ...custom,
          fromLogits: { activation: "tanh" } as never,
        }),
      { name: "InputTypeError", message: /fromLogits must be/ },
    );
  });
});

describe("outputLoss and outputDelta", () => {
  const x = fromRows([[2], [-1.5], [0.25], [3]]);
  it("sigmoid + binary cross-entropy: from the logits, finite however saturated", () => {
    const net = createNetwork([{ weights: [[1, -1]], activation: "sigmoid" }]);
    const trace = forwardBatch(net, fromRows([[40]])); // z = (40, −40), σ = (1, 0) in binary64
    const y = fromRows([[0, 1]]);
    assert.equal(outputLoss(net, trace, y, LOSSES.binaryCrossEntropy), 80); // 2·softplus(40)
    // The probability route is ∞ here, and its gradient (p − y)/(p(1 − p)) is ±∞.
    assert.equal(LOSSES.binaryCrossEntropy.value(trace.activations[1].data, y.data), Infinity);
    assert.deepEqual(Array.from(outputDelta(net, trace, y, LOSSES.binaryCrossEntropy).data), [
      1 - Math.exp(-40) / (1 + Math.exp(-40)),
      -(1 - Math.exp(-40) / (1 + Math.exp(-40))),
    ]);
  });
  for (
    const [activation, width, loss, y] of [
      ["sigmoid", 2, "binaryCrossEntropy", [[0, 1], [1, 0], [0.3, 1], [0, 0.5]]],
      ["softmax", 3, "categoricalCrossEntropy", [[0, 1, 0], [1, 0, 0], [0.2, 0.3, 0.5], [0, 0, 1]]],
      ["softmax", 3, "squaredError", [[0, 1, 0], [1, 0, 0], [0.2, 0.3, 0.5], [0, 0, 1]]],
      ["tanh", 2, "squaredError", [[0.1, -0.4], [1, 0], [0.3, 1], [0, 0.5]]],
    ] as const
  ) {
    it(`${activation} + ${loss}: δ = ∂L/∂Z, by central differences of outputLoss in Z`, () => {
      const net = lastLayer(activation, width);
      const inputs = fromRows([[0.7], [-0.2], [1.1], [0.05]]);
      const trace = forwardBatch(net, inputs);
      const targets = fromRows(y as unknown as number[][]);
      const delta = outputDelta(net, trace, targets, LOSSES[loss], 0.25);
      // Perturb one logit z at a time, recompute that row's activation, take the loss again.
      const z = trace.preActivations[0];
      const h = 1e-6;
      const fd = Array.from(z.data, (_, k) => {
        const at = (dz: number) => {
          const shifted = forwardBatch(net, inputs);
          shifted.preActivations[0].data[k] += dz;
          const row = Math.floor(k / width);
          const zr = shifted.preActivations[0].data.subarray(row * width, (row + 1) * width);
          const ar = shifted.activations[1].data.subarray(row * width, (row + 1) * width);
          const f = net.layers[0].activation;
          if ("rowwise" in f) f.apply(zr, ar, 0, width);
          else ar[k % width] = f.value(zr[k % width]);
          return outputLoss(net, shifted, targets, LOSSES[loss]);
        };
        return 0.25 * (at(h) - at(-h)) / (2 * h);
      });
      assertAllClose(delta.data, fd, { rtol: 0, atol: 1e-9 });
    });
  }
  it("bad input: targets of another shape, a trace of another network, a non-finite scale", () => {
    const net = lastLayer("sigmoid", 2);
    const trace = forwardBatch(net, x);
    assert.throws(() => outputLoss(net, trace, fromRows([[0, 1]]), LOSSES.binaryCrossEntropy), {
      name: "ShapeError",
      message: /targets are 1×2 but the output is 4×2/,
    });
    assert.throws(() => outputLoss(net, {} as never, fromRows([[0, 1]]), LOSSES.squaredError), {
      name: "InputTypeError",
      message: /trace must be a ForwardTrace/,
    });
    const y = fromRows([[0, 1], [1, 0], [1, 1], [0, 1]]);
    assert.throws(() => outputDelta(net, trace, y, LOSSES.binaryCrossEntropy, NaN), {
      name: "ArgumentRangeError",
      message: /scale must be a finite number/,
    });
    assert.throws(() => outputDelta(net, trace, [[0, 1]] as never, LOSSES.binaryCrossEntropy), {
      name: "InputTypeError",
      message: /use fromRows/,
    });
  });
});
