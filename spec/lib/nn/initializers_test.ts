// Seeded Glorot and He initialisers: the scales, the number and order of draws (the
// numpy comparison is fixtures/nn/initializers.json, in spec/worked/training_test.ts),
// and the errors.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  initializeNetwork,
  INITIALIZERS,
  initializeWeights,
} from "../../../lib/nn/initializers.ts";
import { RandomState } from "../../../lib/random/random_state.ts";

describe("the scales: Glorot √(6/(in + out)), √(2/(in + out)); He √(6/in), √(2/in)", () => {
  it("as one division and one square root", () => {
    assert.equal(INITIALIZERS.glorotUniform.scale(3, 5), Math.sqrt(6 / 8));
    assert.equal(INITIALIZERS.glorotNormal.scale(3, 5), Math.sqrt(2 / 8));
    assert.equal(INITIALIZERS.heUniform.scale(3, 5), Math.sqrt(6 / 3));
    assert.equal(INITIALIZERS.heNormal.scale(3, 5), Math.sqrt(2 / 3));
  });
  it("uniform draws lie in [−a, a) and have variance a²/3 = 2/(in + out) (Glorot) or 2/in (He)", () => {
    const w = initializeWeights("glorotUniform", 200, 300, new RandomState(3));
    const a = Math.sqrt(6 / 500);
    assert.ok(w.data.every((v) => v >= -a && v < a));
    const variance = w.data.reduce((s, v) => s + v * v, 0) / w.data.length;
    // 60 000 draws: the sample variance is within 1 % of 2/500 (its sd is ~0.5 %).
    assert.ok(Math.abs(variance / (2 / 500) - 1) < 0.01, String(variance));
  });
  it("normal draws have standard deviation s", () => {
    const w = initializeWeights("heNormal", 400, 100, new RandomState(4));
    const variance = w.data.reduce((s, v) => s + v * v, 0) / w.data.length;
    assert.ok(Math.abs(variance / (2 / 400) - 1) < 0.02, String(variance));
  });
});

describe("how many numbers are drawn, and in which order", () => {
  it("uniform: one random_sample per weight, row by row: −a + 2a·u", () => {
    const random = new RandomState(7), twin = new RandomState(7);
    const w = initializeWeights("heUniform", 2, 3, random);
    const a = Math.sqrt(6 / 2);
    for (let i = 0; i < 6; i++) assert.equal(w.data[i], -a + 2 * a * twin.randomSample());
    assert.equal(random.randomSample(), twin.randomSample(), "the same number of draws");
  });
  it("normal: one standard normal per weight, the polar method's cached value carried across layers", () => {
    const random = new RandomState(9), twin = new RandomState(9);
    const net = initializeNetwork([3, 1, 2], ["tanh", "identity"], {
      initializer: "glorotNormal",
      random,
    });
    const s1 = Math.sqrt(2 / 4), s2 = Math.sqrt(2 / 3);
    for (const v of net.layers[0].weights.data) assert.equal(v, 0 + s1 * twin.standardNormal());
    for (const v of net.layers[1].weights.data) assert.equal(v, 0 + s2 * twin.standardNormal());
    assert.equal(random.standardNormal(), twin.standardNormal());
  });
  it("one initialiser per layer, biases 0 (or none), drawn from nothing", () => {
    const random = new RandomState(1);
    const net = initializeNetwork([2, 4, 1], ["relu", "identity"], {
      initializer: ["heUniform", "glorotUniform"],
      random,
      biases: false,
    });
    assert.equal(net.layers[0].biases, null);
    const twin = new RandomState(1);
    initializeWeights("heUniform", 2, 4, twin);
    initializeWeights("glorotUniform", 4, 1, twin);
    assert.equal(random.randomSample(), twin.randomSample());
    const withBiases = initializeNetwork([2, 4, 1], ["relu", "identity"], {
      initializer: "heNormal",
      random: new RandomState(1),
    });
    assert.deepEqual(Array.from(withBiases.layers[0].biases!), [0, 0, 0, 0]);
  });
});

describe("bad input", () => {
  it("an unknown initialiser, own names only", () => {
    for (const name of ["xavier", "constructor", "__proto__", 3]) {
      assert.throws(() => initializeWeights(name as never, 2, 2, new RandomState(0)), {
        name: "ArgumentRangeError",
        message: /must be one of glorotUniform, glorotNormal, heUniform, heNormal/,
      });
    }
  });
  it("fans outside [1, 2²⁴], or not numbers", () => {
    for (const fan of [0, -1, 1.5, 2 ** 24 + 1, NaN, Infinity]) {
      assert.throws(() => initializeWeights("heNormal", fan, 2, new RandomState(0)), {
        name: "ArgumentRangeError",
        message: /fanIn must be an integer in \[1, 2\*\*24\]/,
      });
    }
    assert.throws(() => initializeWeights("heNormal", "3" as never, 2, new RandomState(0)), {
      name: "InputTypeError",
      message: /fanIn must be a number, got the string "3"/,
    });
  });
  it("a random stream that is not a RandomState", () => {
    assert.throws(() => initializeWeights("heNormal", 2, 2, Math as never), {
      name: "InputTypeError",
      message: /random must be a RandomState/,
    });
  });
  it("widths and activations that do not match; an unknown activation draws nothing", () => {
    const random = new RandomState(5);
    assert.throws(
      () => initializeNetwork([2, 3], ["tanh", "tanh"], { initializer: "heNormal", random }),
      { name: "ShapeError", message: /2 widths need 1 activations \(one per layer\), got 2/ },
    );
    assert.throws(
      () =>
        initializeNetwork([2, 3, 1], ["tanh", "swish" as never], {
          initializer: "heNormal",
          random,
        }),
      { name: "ArgumentRangeError", message: /activations\[1\] must be sigmoid, tanh/ },
    );
    assert.equal(
      random.randomSample(),
      new RandomState(5).randomSample(),
      "the stream did not move",
    );
    assert.throws(
      () =>
        initializeNetwork(
          [2, 3],
          ["tanh"],
          { initializer: "heNormal", random, bias: true } as never,
        ),
      { name: "ArgumentRangeError", message: /unknown option "bias"/ },
    );
    assert.throws(
      () => initializeNetwork([2, 3, 1], ["tanh", "tanh"], { initializer: ["heNormal"], random }),
      { name: "ShapeError", message: /1 initializers for 2 layers/ },
    );
    assert.throws(() => initializeNetwork(null as never, [], { initializer: "heNormal", random }), {
      name: "InputTypeError",
    });
  });
});
