// Property: on random small networks and random batches, the backward pass agrees with
// central differences. Stated bound: with step h = 1e-5, every coordinate satisfies
// |analytic − numeric| ≤ 1e-6 · max(|analytic|, |numeric|, 1e-3) — cs231n's relative error,
// floored at 1e-3 because central-difference error is absolute (≈ h²|C‴| + ε|C|/h ≈ 1e-10
// for these costs), so tiny coordinates cannot be compared relatively.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  createNetwork,
  flattenParameters,
  type LayerSpec,
  type Network,
  withParameters,
} from "../../../lib/nn/network.ts";
import { forwardBatch, MLP_FORWARD_VARIANTS } from "../../../lib/nn/forward.ts";
import { backward, flattenGradients, MLP_BACKWARD_VARIANTS } from "../../../lib/nn/backward.ts";
import { checkGradient } from "../../../lib/gradcheck/gradient_check.ts";
import { createMatrix, type Matrix } from "../../../lib/linalg/matrix.ts";

const SEED = 20261121;
const BOUND = { step: 1e-5, bound: 1e-6, floor: 1e-3 };
type Name = "sigmoid" | "tanh" | "identity" | "relu";

interface Case {
  readonly net: Network;
  readonly x: Matrix;
  readonly y: Matrix;
}

const value = fc.double({ min: -2, max: 2, noNaN: true });

function caseOf(activations: readonly Name[]) {
  return fc.integer({ min: 1, max: 5 }).chain((inputs) =>
    fc.array(fc.integer({ min: 1, max: 5 }), {
      minLength: activations.length,
      maxLength: activations.length,
    })
      .chain((widths) => {
        const sizes = [inputs, ...widths];
        const layers = activations.map((_, l) =>
          fc.record({
            weights: fc.array(value, {
              minLength: sizes[l] * sizes[l + 1],
              maxLength: sizes[l] * sizes[l + 1],
            }),
            biases: fc.option(
              fc.array(value, { minLength: sizes[l + 1], maxLength: sizes[l + 1] }),
              { nil: undefined },
            ),
          })
        );
        return fc.record({
          layers: fc.tuple(...layers),
          rows: fc.integer({ min: 1, max: 4 }),
          data: fc.array(value, {
            minLength: 4 * (inputs + sizes[sizes.length - 1]),
            maxLength: 4 * (inputs + sizes[sizes.length - 1]),
          }),
        }).map(({ layers, rows, data }): Case => {
          const specs: LayerSpec[] = layers.map((layer, l) => ({
            weights: createMatrix(sizes[l], sizes[l + 1], layer.weights),
            biases: layer.biases ?? null,
            activation: activations[l],
          }));
          const out = sizes[sizes.length - 1];
          return {
            net: createNetwork(specs),
            x: createMatrix(rows, inputs, data.slice(0, rows * inputs)),
            y: createMatrix(rows, out, data.slice(4 * inputs, 4 * inputs + rows * out)),
          };
        });
      })
  );
}

const smooth = fc.array(fc.constantFrom<Name>("sigmoid", "tanh", "identity"), {
  minLength: 1,
  maxLength: 3,
})
  .chain(caseOf);
const withRelu = fc.array(fc.constantFrom<Name>("relu", "tanh", "identity"), {
  minLength: 1,
  maxLength: 3,
})
  .chain(caseOf);

/** C = ½ Σ (a − y)² over the batch, as a function of the flat parameters. */
function cost({ net, x, y }: Case) {
  return (theta: Float64Array) => {
    const t = forwardBatch(withParameters(net, theta), x);
    const a = t.activations[t.activations.length - 1].data;
    let sum = 0;
    for (let i = 0; i < a.length; i++) sum += (a[i] - y.data[i]) ** 2;
    return sum / 2;
  };
}

function gradient({ net, x, y }: Case, kernel = MLP_BACKWARD_VARIANTS.separate) {
  const t = forwardBatch(net, x);
  const a = t.activations[t.activations.length - 1];
  const seed = createMatrix(a.rows, a.cols, a.data.map((v, i) => v - y.data[i]));
  return flattenGradients(backward(net, t, seed, undefined, kernel));
}

/** Every pre-activation of a ReLU layer is at least `margin` from the kink at 0. */
function awayFromKinks({ net, x }: Case, margin: number): boolean {
  const t = forwardBatch(net, x);
  return net.layers.every((layer, l) =>
    layer.activation.name !== "relu" || t.preActivations[l].data.every((z) => Math.abs(z) > margin)
  );
}

describe("property: backpropagation agrees with central differences on random networks", () => {
  it("σ/tanh/identity, 1–3 layers of width 1–5, batches of 1–4 rows (1000 cases)", () => {
    fc.assert(
      fc.property(smooth, (c) => {
        const r = checkGradient(cost(c), gradient(c), flattenParameters(c.net), BOUND);
        return r.passed;
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });
  it("ReLU away from its kink: |z| > 1e-3 for every ReLU pre-activation (300 cases)", () => {
    // A step h = 1e-5 in a weight moves z by at most h·|a| < 1e-4, so no difference crosses the kink.
    fc.assert(
      fc.property(withRelu, (c) => {
        fc.pre(awayFromKinks(c, 1e-3));
        return checkGradient(cost(c), gradient(c), flattenParameters(c.net), BOUND).passed;
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
  it("the fused kernels agree with the reference kernels bit for bit (300 cases)", () => {
    fc.assert(
      fc.property(smooth, (c) => {
        const a = forwardBatch(c.net, c.x, undefined, MLP_FORWARD_VARIANTS.separate);
        const b = forwardBatch(c.net, c.x, undefined, MLP_FORWARD_VARIANTS.fused);
        assert.deepEqual(
          a.activations.map((m) => Array.from(m.data)),
          b.activations.map((m) => Array.from(m.data)),
        );
        assert.deepEqual(
          Array.from(gradient(c)),
          Array.from(gradient(c, MLP_BACKWARD_VARIANTS.fused)),
        );
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
