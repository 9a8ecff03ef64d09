/**
 * How the loss fixtures (S2 entropy/cross-entropy/logistic loss, S1 squared hinge, S3's
 * formulas, S4's tables) are computed with nnref's lib/. Private.
 *
 * @module
 */

import type { Subject } from "../oracle/subject.ts";

export type { Subject } from "../oracle/subject.ts";
import type { Fixture } from "../oracle/fixture.ts";
import { fromRows as matrix } from "../linalg/matrix.ts";
import {
  halfMeanSquaredError,
  halfSumSquaredError,
  meanSquaredError,
  sumSquaredError,
} from "./squared_error.ts";
import { meanAbsoluteError, sumAbsoluteError } from "./absolute_error.ts";
import {
  binaryCrossEntropy,
  binaryCrossEntropyFromLogits,
  binaryCrossEntropyGradient,
} from "./binary_cross_entropy.ts";
import {
  crossEntropy,
  entropy,
  softmaxCrossEntropy,
  softmaxCrossEntropyGradient,
} from "./cross_entropy.ts";
import {
  squaredHinge,
  squaredHingeCost,
  squaredHingeGradient,
  squaredHingeSampleGradient,
} from "./squared_hinge.ts";
import { sigmoid, sigmoidDerivative } from "../activation/sigmoid.ts";
import { tanh } from "../activation/tanh.ts";
import { relu } from "../activation/relu.ts";
import {
  logisticCost,
  logisticCostGradient,
  logisticLikelihood,
} from "../classify/logistic_regression.ts";
import { singleLayerForward, singleLayerGradient } from "../classify/single_layer.ts";

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

/** The loss subjects. */
export const SUBJECTS: readonly Subject[] = [
  {
    ids: ["s004.loss_table"],
    compute: (fx) => {
      const y = fx.input.labels as number[];
      const [p1, p2] = fx.input.predictions as number[][];
      const absolute = [sumAbsoluteError(p1, y), sumAbsoluteError(p2, y)];
      const squared = [sumSquaredError(p1, y), sumSquaredError(p2, y)];
      return {
        absolute,
        squared,
        absoluteRatio: meanAbsoluteError(p2, y) / meanAbsoluteError(p1, y),
        squaredRatio: squared[1] / squared[0],
        meanSquared: [meanSquaredError(p1, y), meanSquaredError(p2, y)],
      };
    },
  },
  {
    ids: ["s004.cross_entropy.binary"],
    compute: (fx) => {
      const a = fx.input.a as number[];
      return {
        positive: a.map((p) => binaryCrossEntropy([p], [1])),
        negative: a.map((p) => binaryCrossEntropy([p], [0])),
        positiveDerivative: a.map((p) => binaryCrossEntropyGradient([p], [1])[0]),
        negativeDerivative: a.map((p) => binaryCrossEntropyGradient([p], [0])[0]),
      };
    },
  },
  {
    ids: ["s004.cross_entropy.contour"],
    fields: ["minimumLoss"],
    compute: (fx) => {
      const x = fx.input.x as number[], y = fx.input.y as number[];
      const w = fx.expected.weight as number, b = fx.expected.bias as number;
      return { minimumLoss: halfMeanSquaredError(x.map((v) => w * v + b), y) };
    },
  },
  {
    ids: ["s002.softmax_ce.entropy"],
    compute: (fx) => ({ entropy: (fx.input.distributions as number[][]).map(entropy) }),
  },
  {
    ids: ["s002.softmax_ce.cross_entropy"],
    fields: ["crossEntropy", "entropyOfTarget"],
    compute: (fx) => {
      const p = fx.input.target as number[], q = fx.input.predicted as number[];
      return { crossEntropy: crossEntropy(p, q), entropyOfTarget: entropy(p) };
    },
  },
  {
    ids: ["s002.softmax_ce.softmax_loss"],
    compute: (fx) => {
      const o = fx.input.logits as number[], t = fx.input.target as number[];
      return { loss: softmaxCrossEntropy(o, t), gradient: softmaxCrossEntropyGradient(o, t) };
    },
  },
  {
    ids: ["s002.softmax_ce.logistic"],
    compute: (fx) => {
      const x = matrix(fx.input.inputs as number[][]);
      const y = fx.input.labels as number[], k = fx.input.weights as number[];
      const cost = logisticCost(k, x, y);
      const gradient = logisticCostGradient(k, x, y);
      return {
        likelihood: logisticLikelihood(k, x, y),
        cost,
        gradient,
        meanCost: cost / x.rows,
        meanGradient: Array.from(gradient, (g) => g / x.rows),
      };
    },
  },
  {
    ids: ["s001.sq_hinge.loss"],
    compute: (fx) => {
      const w = fx.input.weights as number[], y = fx.input.labels as number[];
      const x = matrix(fx.input.inputs as number[][]);
      const margins = Array.from({ length: x.rows }, (_, i) => {
        let s = 0;
        for (let j = 0; j < x.cols; j++) s += w[j] * x.data[i * x.cols + j];
        return y[i] * s;
      });
      const m = fx.input.margins as number[];
      return {
        margins,
        cost: squaredHingeCost(w, x, y),
        sampleGradients: margins.map((_, i) => Array.from(squaredHingeSampleGradient(w, x, y, i))),
        gradient: squaredHingeGradient(w, x, y),
        hinge: m.map((v) => Math.max(0, 1 - v)),
        squaredHinge: m.map(squaredHinge),
        logistic: m.map((v) => binaryCrossEntropyFromLogits([v], [1])),
      };
    },
  },
  ...Object.entries(claims003).map(([key, compute]): Subject => ({
    ids: [`s003.claims.${key}`],
    fields: claims003Fields[key],
    compute,
  })),
  ...["f08", "f09", "f10"].map((key): Subject => ({
    ids: [`s003.claims.${key}`],
    fields: [],
    compute: () => ({}),
  })),
];
