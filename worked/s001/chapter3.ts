/**
 * S1 chapter 3 — neurons: §3.1 the perceptron and its margin argument, §3.2 the
 * non-separable case and the sigmoid (σ′ = σ(1 − σ), its range, the single-neuron update
 * rule), §3.3.1 single-neuron gradients (3.4)–(3.5), §3.3.2 the multivariate chain rule,
 * §3.4.2 training a feed-forward network on a batch.
 *
 * @module
 */

import type { Fixture } from "../../oracle/fixture.ts";
import type { Subject } from "../../oracle/subject.ts";
import { createMatrix, fromRows, fromRows as matrix } from "../../lib/linalg/matrix.ts";
import { perceptronStep, trainPerceptron } from "../../lib/classify/perceptron.ts";
import { singleLayerGradient } from "../../lib/classify/single_layer.ts";
import {
  sigmoid,
  sigmoidArray,
  sigmoidDerivative,
  sigmoidDerivativeArray,
} from "../../lib/activation/sigmoid.ts";
import { reverseModeGradient } from "../../lib/autodiff/graph.ts";
import { LOSSES } from "../../lib/loss/loss.ts";
import { sumSquaredErrorGradient } from "../../lib/loss/squared_error.ts";
import { createNetwork } from "../../lib/nn/network.ts";
import { forwardBatch } from "../../lib/nn/forward.ts";
import { backward } from "../../lib/nn/backward.ts";
import { MULTIVARIATE_CHAIN } from "../graphs.ts";
import type { Rows } from "../_shared.ts";
import { gradients232, network232 } from "./chapter4.ts";

const numbers = (fixture: Fixture, key: string) => fixture.input[key] as number[];

// §3.1–§3.2 — the perceptron.

/** §3.1 and §3.2: the perceptron as printed, corrected, and on non-separable data. */
const perceptron: Subject = {
  ids: [
    "s001.perceptron.as_printed",
    "s001.perceptron.corrected",
    "s001.perceptron.non_separable",
  ],
  compute: (fx) => {
    const r = trainPerceptron(
      matrix(fx.input.inputs as number[][]),
      fx.input.labels as number[],
      {
        learningRate: fx.input.learningRate as number,
        maxEpochs: fx.input.maxEpochs as number,
        rule: fx.input.rule as "asPrinted" | "misclassified",
      },
    );
    return { ...r, weights: Array.from(r.weights) };
  },
};

/** §3.1: one update raises the margin y·Wᵀx by η‖x‖². */
const perceptronMargin: Subject = {
  ids: ["s001.perceptron.margin"],
  compute: (fx) => {
    const u = perceptronStep(
      fx.input.weights as number[],
      fx.input.bias as number,
      fx.input.input as number[],
      fx.input.label as number,
      fx.input.learningRate as number,
    );
    return {
      predicted: u.predicted,
      marginBefore: u.marginBefore,
      marginAfter: u.marginAfter,
      increase: u.marginAfter - u.marginBefore,
      marginWithBiasBefore: u.marginWithBiasBefore,
      marginWithBiasAfter: u.marginWithBiasAfter,
      increaseWithBias: u.marginWithBiasAfter - u.marginWithBiasBefore,
    };
  },
};

// §3.2 — the sigmoid.

/** §3.2: σ and σ′ = σ(1 − σ). */
const sigmoidAndDerivative: Subject = {
  ids: ["s001.sigmoid.derivative"],
  compute: (fx) => ({
    sigmoid: sigmoidArray(numbers(fx, "z")),
    derivative: sigmoidDerivativeArray(numbers(fx, "z")),
  }),
};

/** §3.2: σ(0), its limits, the largest slope, and that σ never reaches 1. */
const sigmoidRangeClaims: Subject = {
  ids: ["s001.sigmoid.range"],
  compute: (fx) => {
    const target = fx.input.unreachableTarget as number;
    // σ(z) approaches its supremum 1 from below; at z = 40 it has rounded to 1.
    let best = Infinity;
    for (let z = -50; z <= 50; z += 0.5) best = Math.min(best, (sigmoid(z) - target) ** 2);
    return {
      sigmoidAtZero: sigmoid(0),
      limitAtMinusInfinity: sigmoid(-Infinity),
      limitAtPlusInfinity: sigmoid(Infinity),
      maxDerivative: sigmoidDerivative(0),
      symmetrySum: numbers(fx, "symmetryPoints").map((z) => sigmoid(z) + sigmoid(-z)),
      bestSquaredErrorToTarget: best,
    };
  },
};

/** §3.2: the single-neuron cost and its gradient. */
const sigmoidUpdateRule: Subject = {
  ids: ["s001.sigmoid.update_rule"],
  compute: (fx) => {
    // C(W, b) = 1/(2n) Σ (σ(Wᵀx + b) − y)² is the mean of the per-sample ½(σ − y)².
    const inputs = fx.input.inputs as number[][], targets = fx.input.targets as number[];
    const layer = {
      weights: matrix([fx.input.weights as number[]]),
      biases: Float64Array.of(fx.input.bias as number),
    };
    let cost = 0, gradientBias = 0;
    const gradientWeights = new Array<number>(layer.weights.cols).fill(0);
    inputs.forEach((x, i) => {
      const g = singleLayerGradient(layer, x, [targets[i]]);
      cost += g.loss;
      gradientBias += g.biases[0];
      g.weights.forEach((v, j) => (gradientWeights[j] += v));
    });
    const n = inputs.length;
    return {
      cost: cost / n,
      gradientWeights: gradientWeights.map((v) => v / n),
      gradientBias: gradientBias / n,
    };
  },
};

// §3.3.1 — single-neuron gradients; §4.1 reuses V₂.

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

// §3.3.2 — the multivariate chain rule.

/** 001 §3.3.2 at every t of the fixture. */
const chainMulti: Subject = {
  ids: ["s001.chain_multi"],
  compute(fixture) {
    const columns: Record<string, number[]> = {
      x: [],
      y: [],
      xy: [],
      exp_xy: [],
      f: [],
      df_dx: [],
      df_dy: [],
      dfdt: [],
    };
    for (const t of fixture.input.t as number[]) {
      const { graph, gradient, value } = reverseModeGradient(MULTIVARIATE_CHAIN.fn, { t });
      for (const name of ["x", "y", "xy", "exp_xy"]) columns[name].push(graph.value(name));
      columns.f.push(value);
      columns.df_dx.push(graph.gradient("x"));
      columns.df_dy.push(graph.gradient("y"));
      columns.dfdt.push(gradient.t);
    }
    return columns;
  },
};

// §3.4.2 — training on a batch.

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

/** The subjects of S1 chapter 3, in section order. */
export const CHAPTER_3: readonly Subject[] = [
  perceptron,
  perceptronMargin,
  sigmoidAndDerivative,
  sigmoidRangeClaims,
  sigmoidUpdateRule,
  chainUni,
  chainMulti,
  bpVectorBatch,
];
