import { describe, it } from "node:test";
import assert from "node:assert/strict";
import forwardJson from "../../../fixtures/nn/forward.json" with { type: "json" };
import { allFixtures } from "../../_fixture.ts";
import { assertAllClose } from "../../../oracle/assert_close.ts";
import { forwardWasm, wasmForwardBackend } from "../../../lib/wasm/mlp.ts";
import { MLP_FORWARD_VARIANTS } from "../../../lib/variants.ts";
import { createForwardTrace, forwardSeparate, type ForwardTrace } from "../../../lib/nn/forward.ts";
import { createNetwork, type LayerSpec, type Network } from "../../../lib/nn/network.ts";
import { matmulNaive } from "../../../lib/linalg/matmul.ts";
import { RandomState } from "../../../lib/random/random_state.ts";
import { diamondDraws } from "../../../worked/s002/diamond.ts";

function run(
  network: Network,
  rows: number,
  inputs: Float64Array,
  kernel = forwardWasm,
): ForwardTrace {
  const trace = createForwardTrace(network, rows);
  trace.activations[0].data.set(inputs);
  return kernel(network, trace);
}

function random(count: number, seed: number, low = -2, high = 2): Float64Array {
  return new RandomState(seed).fillUniform(new Float64Array(count), low, high);
}

/** Zˡ from this trace's own Aˡ⁻¹ by the reference's operations: matmulNaive, then the bias. */
function assertPreActivationsInReferenceOrder(network: Network, trace: ForwardTrace): void {
  network.layers.forEach((layer, l) => {
    const z = matmulNaive(trace.activations[l], layer.weights);
    if (layer.biases) {
      for (let i = 0; i < z.rows; i++) {
        for (let j = 0; j < z.cols; j++) z.data[i * z.cols + j] += layer.biases[j];
      }
    }
    assertAllClose(trace.preActivations[l], z, {});
  });
}

describe("forwardWasm on S2's 3-4-4-3 network (fixtures/nn/forward.json), the reference's tolerances", () => {
  for (const fixture of allFixtures(forwardJson, "fixtures/nn/forward.json")) {
    it(fixture.id, () => {
      const input = fixture.input as Record<string, number[][] | number[]>;
      const network = createNetwork([
        { weights: input.W_1 as number[][], activation: "sigmoid" },
        { weights: input.W_2 as number[][], activation: "sigmoid" },
        { weights: input.W_3 as number[][], activation: "softmax" },
      ]);
      const x = (input.x_mat_in ?? [input.x_in]) as number[][];
      const trace = run(network, x.length, Float64Array.from(x.flat()));
      const fields = {
        z_2: trace.preActivations[0],
        a_2: trace.activations[1],
        z3: trace.preActivations[1],
        a3: trace.activations[2],
        z4: trace.preActivations[2],
        y_out: trace.activations[3],
      };
      for (const [field, value] of Object.entries(fields)) {
        assertAllClose(
          value.data,
          (fixture.expected[field] as number[][]).flat(),
          fixture.tolerance[field],
        );
      }
      assertPreActivationsInReferenceOrder(network, trace);
    });
  }
  it("is the registry's wasmSimd forward variant, and runs on WebAssembly here", () => {
    assert.equal(MLP_FORWARD_VARIANTS.wasmSimd, forwardWasm);
    const network = createNetwork([{ weights: [[1, 2]], activation: "sigmoid" }]);
    assert.equal(wasmForwardBackend(network), "wasm-simd");
  });
});

describe("forwardWasm on other small networks, against the reference kernel", () => {
  // Tolerance of the last activation against the reference's: σ and softmax outputs within a
  // few ulps (e^x's bound through one division); the identity output after tanh and ReLU
  // is a sum with cancellation of tanh values each within 3.4 ulp (≤ 4e-16 absolutely)
  // times weights up to 2, so an absolute bound there.
  const cases: [string, LayerSpec[], { ulps: number } | { rtol: number; atol: number }][] = [
    ["diamond 3-4-1 σ σ", [{
      weights: diamondDraws(7, 3).network.layers[0].weights,
      activation: "sigmoid",
    }, { weights: diamondDraws(7, 3).network.layers[1].weights, activation: "sigmoid" }], {
      ulps: 8,
    }],
    ["biases, tanh, ReLU, identity", [
      { weights: [[0.5, -1, 2], [1.5, 0.25, -0.5]], biases: [0.1, -0.2, 0.3], activation: "tanh" },
      { weights: [[1, -1], [2, 0.5], [-0.3, 0.7]], biases: [0, -0.5], activation: "relu" },
      { weights: [[1], [-2]], biases: [0.25], activation: "identity" },
    ], { rtol: 0, atol: 4e-15 }],
    ["softmax in the middle, 16 units wide", [
      {
        weights: Array.from(
          { length: 2 },
          (_, i) => Array.from({ length: 16 }, (_, j) => Math.sin(i * 16 + j)),
        ),
        activation: "softmax",
      },
      {
        weights: Array.from({ length: 16 }, (_, i) => [Math.cos(i), Math.sin(3 * i)]),
        activation: "sigmoid",
      },
    ], { ulps: 8 }],
  ];
  for (const [name, specs, tolerance] of cases) {
    const network = createNetwork(specs);
    const width = network.layers[0].weights.rows;
    it(`${name}: output within ${JSON.stringify(tolerance)} of the reference, Z in its order, any batch size`, () => {
      for (const rows of [1, 2, 3, 5, 4097]) {
        const x = random(rows * width, rows);
        const ours = run(network, rows, x), reference = run(network, rows, x, forwardSeparate);
        const last = network.layers.length;
        assertAllClose(ours.activations[last], reference.activations[last], tolerance);
        assertAllClose(ours.preActivations[0], reference.preActivations[0], {});
        assertPreActivationsInReferenceOrder(network, ours);
      }
    });
    it(`${name}: a row's results do not depend on its position in the batch`, () => {
      const x = random(9 * width, 99);
      const all = run(network, 9, x);
      const last = network.layers.length;
      const out = all.activations[last].cols;
      for (const row of [0, 4, 8]) {
        const single = run(network, 1, x.subarray(row * width, (row + 1) * width));
        assert.deepEqual(
          Array.from(single.activations[last].data),
          Array.from(all.activations[last].data.subarray(row * out, (row + 1) * out)),
        );
      }
    });
  }
  it("falls back to forwardFused for a layer over 16 units or a custom activation, and says why", () => {
    const wide = createNetwork([{ weights: [Array(17).fill(0.1)], activation: "sigmoid" }]);
    assert.match(wasmForwardBackend(wide), /^fallback: a layer is wider than 16 units/);
    const custom = createNetwork([{
      weights: [[1]],
      activation: {
        name: "square",
        value: (z) => z * z,
        derivative: (z) => 2 * z,
        derivativeFromOutput: (a) => 2 * Math.sqrt(a),
      },
    }]);
    assert.match(wasmForwardBackend(custom), /^fallback: layer 1's activation "square"/);
    assert.equal(run(custom, 1, Float64Array.from([3])).activations[1].data[0], 9);
    const x = random(1, 1);
    assertAllClose(
      run(wide, 1, x).activations[1],
      run(wide, 1, x, forwardSeparate).activations[1],
      {},
    );
  });
  it("reads the weights at every call (a network changed in place gives new results)", () => {
    const network = createNetwork([{ weights: [[1, 2]], activation: "identity" }]);
    const before = run(network, 1, Float64Array.from([3])).activations[1].data.slice();
    network.layers[0].weights.data[0] = 10;
    const after = run(network, 1, Float64Array.from([3])).activations[1].data;
    assert.deepEqual([...before, ...after], [3, 6, 30, 6]);
  });
});
