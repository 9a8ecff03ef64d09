import { describe, it } from "node:test";
import assert from "node:assert/strict";
import forwardJson from "../../../fixtures/nn/forward.json" with { type: "json" };
import backpropJson from "../../../fixtures/nn/backprop.json" with { type: "json" };
import { allFixtures, fixtureById } from "../../_fixture.ts";
import { assertAllClose } from "../../../oracle/assert_close.ts";
import { backwardWasm, forwardWasm, wasmForwardBackend } from "../../../lib/wasm/mlp.ts";
import { MLP_BACKWARD_VARIANTS, MLP_FORWARD_VARIANTS } from "../../../lib/variants.ts";
import {
  createForwardTrace,
  forwardBatch,
  forwardSeparate,
  type ForwardTrace,
} from "../../../lib/nn/forward.ts";
import { backward } from "../../../lib/nn/backward.ts";
import { createMatrix, fromRows, toRows, transpose } from "../../../lib/linalg/matrix.ts";
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

describe("backwardWasm: the same structure, backward", () => {
  type Rows = number[][];
  const flip = (rows: Rows): Rows => toRows(transpose(fromRows(rows)));
  it("s001.bp_vector.batch: ∂C/∂W within the fixture's tolerances (the reference's)", () => {
    const fixture = fixtureById(backpropJson, "s001.bp_vector.batch");
    const input = fixture.input as Record<string, Rows | number[]>;
    const network = createNetwork([
      { weights: flip(input.W2 as Rows), biases: input.b2 as number[], activation: "sigmoid" },
      { weights: flip(input.W3 as Rows), biases: input.b3 as number[], activation: "sigmoid" },
    ]);
    const x = fromRows(input.x as Rows), y = fromRows(input.y as Rows);
    const trace = forwardBatch(network, x);
    const a = trace.activations[2];
    const seed = createMatrix(4, 2, a.data.map((v, i) => (2 * (v - y.data[i])) / 4));
    const g = backward(network, trace, seed, undefined, backwardWasm);
    assertAllClose(
      flip(toRows(g.weights[0])),
      fixture.expected.dCdW2 as Rows,
      fixture.tolerance.dCdW2,
    );
    // 5 ulps where the reference measured 4: the 4 rows are summed as (r₀ + r₂) + (r₁ + r₃)
    // (the two lanes), not in row order; the bound of a 4-term sum is the same.
    assertAllClose(flip(toRows(g.weights[1])), fixture.expected.dCdW3 as Rows, { ulps: 5 });
    assertAllClose(g.biases[0]!, fixture.expected.dCdb2 as number[], fixture.tolerance.dCdb2);
    assertAllClose(g.biases[1]!, fixture.expected.dCdb3 as number[], fixture.tolerance.dCdb3);
  });
  const networks: [string, Network][] = [
    [
      "S2's 3-4-4-3 (σ, σ, softmax)",
      createNetwork([
        { weights: [[2, -1, 1, 4], [-1, 2, -3, 1], [3, -2, -1, 5]], activation: "sigmoid" },
        {
          weights: [[3, 1, -2, 1], [-2, 4, 1, -4], [-1, -3, 2, -5], [3, 1, 1, 1]],
          activation: "sigmoid",
        },
        { weights: [[-1, 3, -2], [1, -1, -3], [3, -2, 2], [1, 2, 1]], activation: "softmax" },
      ]),
    ],
    [
      "softmax, ReLU and tanh below, biases",
      createNetwork([
        {
          weights: [[0.3, -0.2, 0.5], [0.1, 0.4, -0.6]],
          biases: [0, 0.1, -0.1],
          activation: "softmax",
        },
        { weights: [[1, 0.5], [-2, 0.25], [0.5, -1]], biases: [0.2, -0.1], activation: "relu" },
        { weights: [[0.7, -0.4], [0.2, 0.9]], biases: [0, 0.05], activation: "tanh" },
        { weights: [[1], [-1]], activation: "identity" },
      ]),
    ],
  ];
  for (const [name, network] of networks) {
    it(`${name}: Δ in the reference's order, ∂C/∂W within the summation bound, any batch`, () => {
      const inputs = network.layers[0].weights.rows, outputs = network.layers.at(-1)!.weights.cols;
      for (const rows of [1, 2, 7, 4099]) {
        const trace = forwardBatch(
          network,
          createMatrix(rows, inputs, random(rows * inputs, rows, -1, 1)),
        );
        const seed = createMatrix(rows, outputs, random(rows * outputs, 7 * rows, -1, 1));
        const ours = backward(network, trace, seed, undefined, backwardWasm);
        const reference = backward(network, trace, seed);
        ours.deltas.forEach((delta, l) => {
          // Δˡ = (Δˡ⁺¹Wˡ⁺¹ᵀ) ⊙ f′(Zˡ): bit for bit while no layer from ℓ up needs e^x for
          // its f′; below a σ′ or tanh′ (a few ulps each) the difference propagates through
          // ΔWᵀ, whose cancellation can magnify it relatively: 10⁻¹² relative there.
          const exponential = network.layers.slice(l, -1).some((layer) =>
            layer.activation.name === "sigmoid" || layer.activation.name === "tanh"
          );
          const tolerance = exponential ? { rtol: 1e-12, atol: 1e-18 } : {};
          if (l < ours.deltas.length - 1) assertAllClose(delta, reference.deltas[l], tolerance);
        });
        ours.weights.forEach((w, l) => {
          // two partial sums of ≈ rows/2 terms each instead of one of rows terms
          let magnitude = 0;
          for (const v of reference.weights[l].data) magnitude = Math.max(magnitude, Math.abs(v));
          assertAllClose(w, reference.weights[l], {
            rtol: 0,
            atol: (rows + 16) * 2 ** -52 * Math.max(1, magnitude),
          });
        });
      }
    });
  }
  it("is the registry's wasmSimd backward variant", () => {
    assert.equal(MLP_BACKWARD_VARIANTS.wasmSimd, backwardWasm);
  });
});
