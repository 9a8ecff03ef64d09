/**
 * The fixtures written for conformance (beyond the documents): elementwise activations,
 * softmax/log-sum-exp/cross-entropies, binary cross-entropy, logistic gradients, single
 * perceptron updates, SGD steps with given batches, forward and backward passes with
 * biases, and gradients of scalar graphs — each computed here with nnref's lib/, as every
 * worked result is, and held to the fixture's reproduce tolerance.
 *
 * @module
 */

import type { Fixture } from "../oracle/fixture.ts";
import type { Subject } from "../oracle/subject.ts";
import { fromRows, type Matrix } from "../lib/linalg/matrix.ts";
import { sigmoidArray, sigmoidDerivative } from "../lib/activation/sigmoid.ts";
import { tanhArray, tanhDerivative } from "../lib/activation/tanh.ts";
import { reluArray, reluDerivative } from "../lib/activation/relu.ts";
import { logSumExp, softmax } from "../lib/activation/softmax.ts";
import { binaryCrossEntropy } from "../lib/loss/binary_cross_entropy.ts";
import { softmaxCrossEntropy } from "../lib/loss/cross_entropy.ts";
import { logisticCostGradient } from "../lib/classify/logistic_regression.ts";
import { perceptronStep } from "../lib/classify/perceptron.ts";
import { leastSquaresProblem } from "../lib/optim/least_squares.ts";
import { gdStepTwoPass } from "../lib/optim/gd_step.ts";
import { createNetwork, type LayerSpec } from "../lib/nn/network.ts";
import { forwardBatch } from "../lib/nn/forward.ts";
import { backward } from "../lib/nn/backward.ts";
import { reverseModeGradient } from "../lib/autodiff/graph.ts";
import type { Arithmetic } from "../lib/autodiff/arithmetic.ts";

const numbers = (fixture: Fixture, key: string) => fixture.input[key] as number[];
const matrix = (fixture: Fixture, key: string) => fixture.input[key] as number[][];
const rows = (m: Matrix): number[][] =>
  Array.from(
    { length: m.rows },
    (_, i) => Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)),
  );

const elementwise: Subject = {
  ids: ["beyond.elementwise.*"],
  compute: (fx) => {
    const z = numbers(fx, "z");
    return {
      sigmoid: Array.from(sigmoidArray(z)),
      sigmoidDerivative: z.map(sigmoidDerivative),
      tanh: Array.from(tanhArray(z)),
      tanhDerivative: z.map(tanhDerivative),
      relu: Array.from(reluArray(z)),
      reluDerivative: z.map(reluDerivative),
    };
  },
};

const softmaxFamily: Subject = {
  ids: ["beyond.softmax.*"],
  compute: (fx) => {
    const z = matrix(fx, "z"), y = matrix(fx, "y");
    return {
      softmax: z.map((row) => Array.from(softmax(row))),
      logsumexp: z.map(logSumExp),
      crossEntropy: z.map((row, i) => softmaxCrossEntropy(row, y[i])),
    };
  },
};

const bce: Subject = {
  ids: ["beyond.bce.*"],
  compute: (fx) => {
    const p = numbers(fx, "p"), y = numbers(fx, "y");
    return { loss: p.map((pi, i) => binaryCrossEntropy([pi], [y[i]])) };
  },
};

const logistic: Subject = {
  ids: ["beyond.logistic.gradient.*"],
  compute: (fx) => {
    const X = matrix(fx, "X"), y = numbers(fx, "y");
    // logisticCostGradient is the gradient of the sum; the concept's J is the mean.
    return {
      gradient: Array.from(
        logisticCostGradient(numbers(fx, "w"), fromRows(X), y),
        (g) => g / y.length,
      ),
    };
  },
};

const perceptron: Subject = {
  ids: ["beyond.perceptron.update.*"],
  compute: (fx) => {
    const { w, b, x, y, learningRate } = fx.input as {
      w: number[];
      b: number;
      x: number[];
      y: number;
      learningRate: number;
    };
    // perceptronStep moves by η(y − ŷ)x, which is 2ηyx on a mistake: half the rate gives ηyx.
    const step = perceptronStep(w, b, x, y, learningRate / 2);
    return {
      w: Array.from(step.weights),
      b: step.bias,
      updated: step.marginWithBiasBefore <= 0,
    };
  },
};

const sgd: Subject = {
  ids: ["beyond.sgd.*"],
  compute: (fx) => {
    const X = matrix(fx, "X"), y = numbers(fx, "y");
    const batches = fx.input.batches as number[][],
      rates = numbers(fx, "learningRates");
    let W = Float64Array.from(numbers(fx, "W"));
    batches.forEach((batch, t) => {
      // one SGD step is a GD step on the batch's rows (repeats kept)
      const problem = leastSquaresProblem(
        fromRows(batch.map((i) => X[i])),
        batch.map((i) => y[i]),
      );
      const next = new Float64Array(W.length);
      gdStepTwoPass(problem, W, rates[t], next, new Float64Array(W.length));
      W = next;
    });
    return { W: Array.from(W) };
  },
};

interface LayerInput {
  W: number[][];
  b: number[];
  activation: string;
}

function network(fx: Fixture) {
  const layers = fx.input.layers as LayerInput[];
  return createNetwork(
    layers.map((l) => ({ weights: l.W, biases: l.b, activation: l.activation }) as LayerSpec),
  );
}

const forward: Subject = {
  ids: ["beyond.forward.*"],
  compute: (fx) => {
    const trace = forwardBatch(network(fx), fromRows(matrix(fx, "X")));
    return { output: rows(trace.activations[trace.activations.length - 1]) };
  },
};

const backwardPass: Subject = {
  ids: ["beyond.backward.*"],
  compute: (fx) => {
    const net = network(fx);
    const trace = forwardBatch(net, fromRows(matrix(fx, "X")));
    const out = trace.activations[trace.activations.length - 1];
    const Y = matrix(fx, "Y").flat(), s = fx.input.lossScale as number;
    // ∂C/∂a for C = s·Σ‖a − y‖²
    const grad = {
      rows: out.rows,
      cols: out.cols,
      data: Float64Array.from(out.data, (a, k) => 2 * s * (a - Y[k])),
    };
    const g = backward(net, trace, grad);
    const result: Record<string, unknown> = {};
    g.weights.forEach((w, l) => {
      result[`dW${l + 1}`] = rows(w);
      result[`db${l + 1}`] = Array.from(g.biases[l]!);
    });
    g.deltas.forEach((d, l) => (result[`delta${l + 1}`] = rows(d)));
    return result;
  },
};

function build<T>(
  ops: Arithmetic<T>,
  inputs: Readonly<Record<string, T>>,
  fx: Fixture,
): T {
  const env = new Map<string, T>(Object.entries(inputs));
  const arg = (a: string | number) => (typeof a === "string" ? env.get(a)! : a);
  for (const [name, op, ...args] of fx.input.nodes as (string | number)[][]) {
    const [a, b] = args.map(arg);
    const n = name as string;
    const value = op === "neg"
      ? ops.sub(0, a, n)
      : op === "square"
      ? ops.mul(a, a, n)
      : op === "pow"
      ? ops.pow(a, b as number, n)
      : ["add", "sub", "mul", "div"].includes(op as string)
      ? (ops[op as "add"])(a, b, n)
      : (ops[op as "exp"])(a, n);
    env.set(n, value);
  }
  return env.get(fx.input.output as string)!;
}

const graphs: Subject = {
  ids: ["beyond.graph.*"],
  compute: (fx) => {
    const variables = fx.input.variables as string[],
      values = numbers(fx, "values");
    const point = Object.fromEntries(variables.map((v, i) => [v, values[i]]));
    const result = reverseModeGradient(
      (ops, inputs) => build(ops, inputs, fx),
      point,
    );
    return {
      value: result.value,
      gradient: variables.map((v) => result.gradient[v]),
    };
  },
};

/** The subjects of the conformance fixtures. */
export const SUBJECTS: readonly Subject[] = [
  elementwise,
  softmaxFamily,
  bce,
  logistic,
  perceptron,
  sgd,
  forward,
  backwardPass,
  graphs,
];
