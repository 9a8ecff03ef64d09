/**
 * S3 — `003_c3d0e1fd3f80ea19.txt`, a blog post on the principles of backpropagation.
 * Sections covered, in the document's order: §2.1.2–§2.1.7 formulas (1)–(10) on neurons,
 * activations, losses and derivatives; §2.2.1 single-layer training; §2.2.2 formulas
 * (11)–(21), the single layer's forward pass, loss and gradients.
 *
 * @module
 */

import type { Fixture } from "../oracle/fixture.ts";
import type { Subject } from "../oracle/subject.ts";
import { fromRows as matrix, toRows } from "../lib/linalg/matrix.ts";
import { halfSumSquaredError, meanSquaredError } from "../lib/loss/squared_error.ts";
import { binaryCrossEntropy } from "../lib/loss/binary_cross_entropy.ts";
import { sigmoid, sigmoidDerivative } from "../lib/activation/sigmoid.ts";
import { tanh } from "../lib/activation/tanh.ts";
import { relu } from "../lib/activation/relu.ts";
import {
  singleLayerForward,
  singleLayerGradient,
  trainSingleLayer,
} from "../lib/classify/single_layer.ts";

function layerOf(fx: Fixture) {
  return {
    weights: matrix(fx.input.weights as number[][]),
    biases: Float64Array.from(fx.input.biases as number[]),
  };
}

const claims003: Record<string, (fx: Fixture) => Record<string, unknown>> = {
  f01: (fx) => {
    const w = fx.input.weights as number[], x = fx.input.input as number[];
    const layer = { weights: matrix([w]), biases: Float64Array.of(fx.input.bias as number) };
    let z = fx.input.bias as number;
    for (let j = 0; j < w.length; j++) z += w[j] * x[j];
    return { preActivation: z, output: singleLayerForward(layer, x)[0] };
  },
  f02: (fx) => {
    const z = fx.input.z as number[];
    return {
      sigmoid: z.map(sigmoid),
      tanhViaSigmoid: z.map((v) => 2 * sigmoid(2 * v) - 1),
      tanh: z.map(tanh),
    };
  },
  f03: () => ({ maxTanhDerivative: 1 - tanh(0) ** 2, maxSigmoidDerivative: sigmoidDerivative(0) }),
  f04: (fx) => ({
    relu: (fx.input.z as number[]).map(relu),
    additivity: [relu(1 + -1), relu(1) + relu(-1)],
  }),
  f05: (fx) => ({
    loss: (fx.input.pairs as number[][]).map(([y, p]) => binaryCrossEntropy([p], [y])),
  }),
  f06: (fx) => {
    const mse = meanSquaredError(fx.input.predictions as number[], fx.input.targets as number[]);
    return { mse, reciprocal: 1 / mse };
  },
  f07: (fx) => {
    const x = fx.input.x as number;
    return {
      derivative: sigmoidDerivative(x),
      quotients: (fx.input.h as number[]).map((h) => (sigmoid(x + h) - sigmoid(x)) / h),
    };
  },
  f11_f12: (fx) => {
    const layer = layerOf(fx);
    const x = fx.input.input as number[], y = fx.input.target as number[];
    const output = singleLayerForward(layer, x);
    const preActivation = Array.from(layer.biases, (b, k) => {
      let z = b;
      for (let l = 0; l < x.length; l++) z += layer.weights.data[k * x.length + l] * x[l];
      return z;
    });
    return { preActivation, output, loss: halfSumSquaredError(output, y) };
  },
  f13_f20: (fx) => {
    const layer = layerOf(fx);
    const g = singleLayerGradient(layer, fx.input.input as number[], fx.input.target as number[]);
    const n = layer.weights.cols;
    const rows = (data: Float64Array) =>
      Array.from(
        { length: layer.weights.rows },
        (_, k) => Array.from(data.subarray(k * n, (k + 1) * n)),
      );
    return { gradientWeights: rows(g.weights), gradientBiases: g.biases };
  },
  f15_f16_f18: (fx) => ({ sigmoidDerivative: (fx.input.z as number[]).map(sigmoidDerivative) }),
};

/** Fields each S3 claim's subject computes; the rest are checked by the spec. */
const claims003Fields: Record<string, string[]> = {
  f01: ["preActivation", "output"],
  f02: ["sigmoid", "tanhViaSigmoid", "tanh"],
  f03: ["maxTanhDerivative", "maxSigmoidDerivative"],
  f04: ["relu", "additivity"],
  f05: ["loss"],
  f06: ["mse", "reciprocal"],
  f07: ["derivative", "quotients"],
  f08: [],
  f09: [],
  f10: [],
  f11_f12: ["preActivation", "output", "loss"],
  f13_f20: ["gradientWeights", "gradientBiases"],
  f15_f16_f18: ["sigmoidDerivative"],
};

/** A claim subject: its formula's fields (none where the spec checks the claim itself). */
function claim(key: string): Subject {
  const compute = claims003[key] ?? (() => ({}));
  return { ids: [`s003.claims.${key}`], fields: claims003Fields[key], compute };
}

/** §2.2.1: the single-layer training procedure, and one step done right. */
const training: Subject = {
  ids: ["s003.claims.training"],
  fields: ["weights", "biases", "losses", "lossBefore", "lossAfterCorrectStep"],
  compute: (fx) => {
    const layer = {
      weights: matrix(fx.input.weights as number[][]),
      biases: Float64Array.from(fx.input.biases as number[]),
    };
    const r = trainSingleLayer(
      layer,
      matrix(fx.input.inputs as number[][]),
      matrix(fx.input.targets as number[][]),
      {
        learningRate: fx.input.learningRate as number,
        epochs: fx.input.epochs as number,
      },
    );
    const sample = fx.input.stepSample as { input: number[]; target: number[] };
    const one = trainSingleLayer(layer, matrix([sample.input]), matrix([sample.target]), {
      learningRate: fx.input.learningRate as number,
      epochs: 1,
    });
    return {
      weights: toRows(r.layer.weights),
      biases: r.layer.biases,
      losses: r.losses,
      lossBefore: one.losses[0],
      lossAfterCorrectStep: one.losses[1],
    };
  },
};

/** Every subject of S3, in the document's section order.
 * @category Worked results */
export const SUBJECTS: readonly Subject[] = [
  ...["f01", "f02", "f03", "f04", "f05", "f06", "f07", "f08", "f09", "f10"].map(claim),
  training,
  ...["f11_f12", "f13_f20", "f15_f16_f18"].map(claim),
];
