/**
 * How the classification fixtures (S2's gates and logistic regression, S1's perceptron,
 * squared-hinge SGD and single-neuron MSE, S3's single-layer training, the iris data) are
 * computed with nnref's lib/. Private.
 *
 * @module
 */

import type { Subject } from "../oracle/subject.ts";

export type { Subject } from "../oracle/subject.ts";
import type { Fixture } from "../oracle/fixture.ts";
import { fromRows as matrix, toRows } from "../linalg/matrix.ts";
import {
  hiddenValues,
  logicGate,
  producesXor,
  roundedTruthTable,
  truthTable,
  xorGate,
} from "./logic_gate.ts";
import { perceptronStep, trainPerceptron } from "./perceptron.ts";
import { linearSign, trainSquaredHingeSgd } from "./squared_hinge_sgd.ts";
import { trainLogisticRegression } from "./logistic_regression.ts";
import { singleLayerGradient, trainSingleLayer } from "./single_layer.ts";
import { squaredHingeCost } from "../loss/squared_hinge.ts";

function gateOf(weights: readonly number[]) {
  return logicGate(weights[0], weights[1], weights[2]);
}

function singleGate(fx: Fixture) {
  const gate = logicGate(
    fx.input.weight1 as number,
    fx.input.weight2 as number,
    fx.input.bias as number,
  );
  return { gate, raw: truthTable(gate), rounded: roundedTruthTable(gate) };
}

/** The classification subjects. */
export const SUBJECTS: readonly Subject[] = [
  {
    ids: ["s002.gates.or", "s002.gates.nand"],
    compute: (fx) => {
      const { raw, rounded } = singleGate(fx);
      return { raw, rounded };
    },
  },
  {
    ids: ["s002.gates.and_lab"],
    compute: (fx) => {
      const { raw, rounded } = singleGate(fx);
      return { raw, rounded, isAnd: rounded.join() === "0,0,0,1" };
    },
  },
  {
    ids: ["s002.gates.xor"],
    compute: (fx) => {
      const or = gateOf(fx.input.or as number[]), nand = gateOf(fx.input.nand as number[]);
      const xor = xorGate(or, nand, gateOf(fx.input.and as number[]));
      return {
        hidden: hiddenValues(or, nand),
        raw: truthTable(xor),
        rounded: roundedTruthTable(xor),
      };
    },
  },
  {
    ids: ["s002.gates.xor_region"],
    compute: (fx) => {
      const or = gateOf(fx.input.or as number[]), nand = gateOf(fx.input.nand as number[]);
      const hidden = hiddenValues(or, nand);
      return {
        inequalityRows: hidden.map(([c, d]) => [c, d, 1]),
        inequalitySigns: ["<=0", ">0", ">0", "<=0"],
        producesXor: (fx.input.points as number[][]).map(([weight1, weight2, bias]) =>
          producesXor({ weight1, weight2, bias }, or, nand)
        ),
        symmetricLowerFactor: hidden[1][0] + hidden[1][1],
        symmetricUpperFactor: Math.max(hidden[0][0] + hidden[0][1], hidden[3][0] + hidden[3][1]),
      };
    },
  },
  {
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
  },
  {
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
  },
  {
    ids: ["iris"],
    compute: (fx) => {
      const features = fx.input.features as number[][], labels = fx.input.labels as number[];
      const classCounts = [0, 1, 2].map((k) => labels.filter((l) => l === k).length);
      const classMeans = [0, 1, 2].map((k) => {
        const rows = features.filter((_, i) => labels[i] === k);
        return [0, 1, 2, 3].map((j) => rows.reduce((s, r) => s + r[j], 0) / rows.length);
      });
      return { classCounts, classMeans };
    },
  },
  {
    ids: ["s001.sq_hinge.sgd.*"],
    compute: (fx) => {
      const x = matrix(fx.input.inputs as number[][]), y = fx.input.labels as number[];
      const r = trainSquaredHingeSgd(x, y, {
        stepSize: fx.input.stepSize as number,
        schedule: fx.input.schedule as "inverseSqrt",
        maxIterations: fx.input.maxIterations as number,
        seed: fx.input.seed as number,
      });
      const signs = linearSign(r.weights, x);
      return {
        weights: r.weights,
        status: r.status,
        iterations: r.iterations,
        updates: r.updates,
        cost: squaredHingeCost(r.weights, x, y),
        accuracy: signs.filter((s, i) => s === y[i]).length / y.length,
      };
    },
  },
  {
    ids: ["s002.softmax_ce.logistic_training"],
    compute: (fx) => {
      const r = trainLogisticRegression(
        matrix(fx.input.inputs as number[][]),
        fx.input.labels as number[],
        {
          learningRate: fx.input.learningRate as number,
          maxIterations: fx.input.maxIterations as number,
          tolerance: fx.input.tolerance as number,
        },
      );
      return {
        weights: r.weights,
        status: r.status,
        iterations: r.iterations,
        maximumLikelihood: r.weights,
      };
    },
  },
  {
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
  },
  {
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
  },
];
