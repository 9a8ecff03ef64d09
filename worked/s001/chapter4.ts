/**
 * S1 chapter 4 — computational graphs and vectorised backpropagation: §4.2.2 the
 * linear-regression graph, §4.3.1 ∂C/∂Wˡ = δˡ(aˡ⁻¹)ᵀ and ∂C/∂bˡ = δˡ on a 2-3-2 network.
 *
 * @module
 */

import type { Fixture } from "../../oracle/fixture.ts";
import type { Subject } from "../../oracle/subject.ts";
import { createMatrix, fromRows } from "../../lib/linalg/matrix.ts";
import { reverseModeGradient } from "../../lib/autodiff/graph.ts";
import { LOSSES } from "../../lib/loss/loss.ts";
import { createNetwork, type Network } from "../../lib/nn/network.ts";
import { forwardBatch } from "../../lib/nn/forward.ts";
import { backward, type Gradients } from "../../lib/nn/backward.ts";
import { LINEAR_REGRESSION_LOSS } from "../graphs.ts";
import { flip, partial, pointOf, type Rows, vector } from "../_shared.ts";

// §4.2.2 — the linear-regression graph.

/** 001 §4.2.2: every node's value and ∂c/∂node. */
const graphLinreg: Subject = {
  ids: ["s001.graph_linreg"],
  compute(fixture) {
    const point = pointOf(fixture, LINEAR_REGRESSION_LOSS);
    const { graph } = reverseModeGradient(LINEAR_REGRESSION_LOSS.fn, point);
    const values = graph.values();
    const g = graph.gradients();
    return {
      b: values.b,
      y: values.y,
      u: values.u,
      yhat: values.yhat,
      e: values.e,
      c: values.c,
      dc_dc: g.c,
      dc_de: g.e,
      dc_dyhat: g.yhat,
      dc_du: g.u,
      dc_dw: g.w,
      dc_db: g.b,
      dc_dx: g.x,
      dc_dy: g.y,
      de_dyhat: partial(graph, "e", "yhat"),
    };
  },
};

// §4.3.1 — vectorised backpropagation on the 2-3-2 network.

/** The 2-3-2 network given in 001's out × in convention. */
export function network232(input: Record<string, unknown>): Network {
  return createNetwork([
    { weights: flip(input.W2 as Rows), biases: input.b2 as number[], activation: "sigmoid" },
    { weights: flip(input.W3 as Rows), biases: input.b3 as number[], activation: "sigmoid" },
  ]);
}

export function gradients232(g: Gradients) {
  return {
    W3: flip(g.weights[1]),
    b3: Array.from(g.biases[1]!),
    W2: flip(g.weights[0]),
    b2: Array.from(g.biases[0]!),
  };
}

export const bpVector: Subject = {
  ids: ["s001.bp_vector"],
  compute(fixture: Fixture) {
    const input = fixture.input;
    const net = network232(input);
    const trace = forwardBatch(net, fromRows([input.x as number[]]));
    const out = trace.activations[2];
    const seed = createMatrix(1, 2, LOSSES.squaredError.gradient(out.data, input.y as number[]));
    const g = backward(net, trace, seed);
    const grad = gradients232(g);
    return {
      z2: vector(trace.preActivations[0]),
      a2: vector(trace.activations[1]),
      z3: vector(trace.preActivations[1]),
      a3: vector(out),
      delta3: vector(g.deltas[1]),
      delta2: vector(g.deltas[0]),
      dCdW3: grad.W3,
      dCdb3: grad.b3,
      dCdW2: grad.W2,
      dCdb2: grad.b2,
    };
  },
};

/** The subjects of S1 chapter 4, in section order. */
export const CHAPTER_4: readonly Subject[] = [graphLinreg, bpVector];
