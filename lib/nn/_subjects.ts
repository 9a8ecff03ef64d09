/**
 * How each fixture of fixtures/nn/ is computed with lib/nn: shared by the specs and the
 * report. Private: not re-exported.
 *
 * @module
 */

import type { Fixture } from "../oracle/fixture.ts";
import type { Subject } from "../oracle/subject.ts";
import { createMatrix, fromRows, type Matrix, toRows, transpose } from "../linalg/matrix.ts";
import { LOSSES } from "../loss/loss.ts";
import { sumSquaredErrorGradient } from "../loss/squared_error.ts";
import { createNetwork, flattenParameters, type Network, withParameters } from "./network.ts";
import { forwardBatch } from "./forward.ts";
import { backward, flattenGradients, type Gradients } from "./backward.ts";
import { diamondSubject } from "./_diamond.ts";

// Re-exported so that `deno doc --lint` finds every type SUBJECTS's type refers to.
export type { Subject } from "../oracle/subject.ts";
export type {
  Erratum,
  ExpectedValue,
  Fixture,
  FixtureOracle,
  FixtureSource,
} from "../oracle/fixture.ts";
export type { Tolerance } from "../oracle/assert_close.ts";

type Rows = number[][];

const rows = (m: Matrix): Rows => toRows(m);
const vector = (m: Matrix): number[] => Array.from(m.data);
/** 001's out × in Wˡ from our in × out weights (and back: the transpose is its own inverse). */
const flip = (m: Matrix | Rows): Rows => toRows(transpose(Array.isArray(m) ? fromRows(m) : m));

/** The 3-4-4-3 network of 002 (no biases; sigmoid, sigmoid, softmax). */
function network002(input: Record<string, unknown>): Network {
  return createNetwork([
    { weights: input.W_1 as Rows, activation: "sigmoid" },
    { weights: input.W_2 as Rows, activation: "sigmoid" },
    { weights: input.W_3 as Rows, activation: "softmax" },
  ]);
}

const forward002: Subject = {
  ids: ["s002.forward.vector", "s002.forward.batch"],
  compute(fixture: Fixture) {
    const input = fixture.input;
    const single = fixture.id.endsWith("vector");
    const x = single ? fromRows([input.x_in as number[]]) : fromRows(input.x_mat_in as Rows);
    const trace = forwardBatch(network002(input), x);
    const shape = single ? vector : rows;
    return {
      z_2: shape(trace.preActivations[0]),
      a_2: shape(trace.activations[1]),
      z3: shape(trace.preActivations[1]),
      a3: shape(trace.activations[2]),
      z4: shape(trace.preActivations[2]),
      y_out: shape(trace.activations[3]),
    };
  },
};

const chainUni: Subject = {
  ids: ["s001.chain_uni"],
  fields: ["z", "a", "V2", "dCdw", "dCdb"],
  compute(fixture: Fixture) {
    const { weight, bias, x, y } = fixture.input as Record<string, number>;
    const net = createNetwork([{ weights: [[weight]], biases: [bias], activation: "sigmoid" }]);
    const trace = forwardBatch(net, fromRows([[x]]));
    const a = trace.activations[1].data;
    const g = backward(net, trace, createMatrix(1, 1, LOSSES.squaredError.gradient(a, [y])));
    return {
      z: trace.preActivations[0].data[0],
      a: a[0],
      V2: g.deltas[0].data[0],
      dCdw: g.weights[0].data[0],
      dCdb: g.biases[0]![0],
    };
  },
};

/** The 2-3-2 network given in 001's out × in convention. */
function network232(input: Record<string, unknown>): Network {
  return createNetwork([
    { weights: flip(input.W2 as Rows), biases: input.b2 as number[], activation: "sigmoid" },
    { weights: flip(input.W3 as Rows), biases: input.b3 as number[], activation: "sigmoid" },
  ]);
}

function gradients232(g: Gradients) {
  return {
    W3: flip(g.weights[1]),
    b3: Array.from(g.biases[1]!),
    W2: flip(g.weights[0]),
    b2: Array.from(g.biases[0]!),
  };
}

const bpVector: Subject = {
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

const bpVectorBatch: Subject = {
  ids: ["s001.bp_vector.batch"],
  compute(fixture: Fixture) {
    const input = fixture.input;
    const net = network232(input);
    const x = fromRows(input.x as Rows), y = fromRows(input.y as Rows);
    const trace = forwardBatch(net, x);
    // C = (1/n) Σ ‖y − a‖², so ∂C/∂A = 2(A − Y)/n.
    const seed = createMatrix(
      x.rows,
      2,
      sumSquaredErrorGradient(trace.activations[2].data, y.data),
    );
    for (let i = 0; i < seed.data.length; i++) seed.data[i] /= x.rows;
    const grad = gradients232(backward(net, trace, seed));
    return { dCdW3: grad.W3, dCdb3: grad.b3, dCdW2: grad.W2, dCdb2: grad.b2 };
  },
};

const bpSlides: Subject = {
  ids: ["s002.bp_slides"],
  fields: ["dJdW3", "dJdb3", "dJdW2", "dJdb2"],
  compute(fixture: Fixture) {
    const r = bpVector.compute(fixture);
    return { dJdW3: r.dCdW3, dJdb3: r.dCdb3, dJdW2: r.dCdW2, dJdb2: r.dCdb2 };
  },
};

/** 000's network: sigmoid hidden units, linear outputs, no biases; L = ½Σ(Y − T)². */
function network000(input: Record<string, unknown>): Network {
  return createNetwork([
    { weights: input.W_in as Rows, activation: "sigmoid" },
    { weights: input.W_hk as Rows, activation: "identity" },
  ]);
}

function loss000(net: Network, x: Matrix, target: number[]): number {
  const trace = forwardBatch(net, x);
  return LOSSES.squaredError.value(trace.activations[2].data, target);
}

const bp000: Subject = {
  ids: ["s000.bp"],
  fields: [
    "Y",
    "deltaOutput",
    "deltaHidden",
    "gradOutputWeights",
    "gradHiddenWeights",
    "lossBefore",
    "lossAfterDescentStep",
    "lossAfterDocumentStep",
  ],
  compute(fixture: Fixture) {
    const input = fixture.input;
    const net = network000(input);
    const x = fromRows([input.X as number[]]);
    const target = input.T as number[];
    const trace = forwardBatch(net, x);
    const output = trace.activations[2];
    const g = backward(
      net,
      trace,
      createMatrix(1, 2, LOSSES.squaredError.gradient(output.data, target)),
    );
    const rate = input.learningRate as number;
    const theta = flattenParameters(net), gradient = flattenGradients(g);
    const step = (sign: number) =>
      loss000(withParameters(net, theta.map((t, i) => t + sign * rate * gradient[i])), x, target);
    return {
      Y: vector(output),
      deltaOutput: vector(g.deltas[1]),
      deltaHidden: vector(g.deltas[0]),
      gradOutputWeights: rows(g.weights[1]),
      gradHiddenWeights: rows(g.weights[0]),
      lossBefore: loss000(net, x, target),
      lossAfterDescentStep: step(-1),
      lossAfterDocumentStep: step(+1),
    };
  },
};

/** Every subject of lib/nn. */
export const SUBJECTS: readonly Subject[] = [
  forward002,
  chainUni,
  bpVector,
  bpVectorBatch,
  bpSlides,
  bp000,
  ...diamondSubject,
];
