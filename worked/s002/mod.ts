/**
 * S2 — `002_9788d94b14244768.txt`, PKU slides with a numpy implementation. Sections
 * covered, in the document's order:
 *
 * - 单元神经网络拟合布尔逻辑 / 多层网络实现XOR运算: OR, NAND, the lab's AND, XOR and the
 *   region of AND weights that still gives XOR;
 * - 梯度下降回归: the regression program's infinite-data limit and a seeded stand-in;
 * - Logistic Regression (and 训练流程): likelihood, loss, gradient, training;
 * - Softmax推断 与 交叉熵loss / Softmax与交叉熵损失函数: softmax, its loss and gradient,
 *   entropy, cross-entropy;
 * - 前馈神经网络: the 3-4-4-3 forward pass, one vector and a 7 × 3 batch;
 * - 反向传播推导 (对于最后一层): the last layer's gradients;
 * - the diamond example (diamond.ts): data, gradients, training, the printed log;
 * - 梯度消失与激活函数选择: sigmoid, tanh, ReLU, their derivatives, step.
 *
 * @module
 */

import type { Fixture } from "../../oracle/fixture.ts";
import type { Subject } from "../../oracle/subject.ts";
import { fromRows, fromRows as matrix } from "../../lib/linalg/matrix.ts";
import { RandomState } from "../../lib/random/random_state.ts";
import {
  leastSquaresGradientDescent,
  momentsGradientDescent,
} from "../../lib/optim/gradient_descent.ts";
import {
  hiddenValues,
  logicGate,
  producesXor,
  roundedTruthTable,
  truthTable,
  xorGate,
} from "../../lib/classify/logic_gate.ts";
import {
  logisticCost,
  logisticCostGradient,
  logisticLikelihood,
  trainLogisticRegression,
} from "../../lib/classify/logistic_regression.ts";
import {
  crossEntropy,
  entropy,
  softmaxCrossEntropy,
  softmaxCrossEntropyGradient,
} from "../../lib/loss/cross_entropy.ts";
import { sigmoidArray, sigmoidDerivative } from "../../lib/activation/sigmoid.ts";
import { tanhArray, tanhDerivative } from "../../lib/activation/tanh.ts";
import { reluArray, reluDerivative, reluDerivativeS2 } from "../../lib/activation/relu.ts";
import { heaviside } from "../../lib/activation/step.ts";
import { softmax, softmaxRowsUnshifted } from "../../lib/activation/softmax.ts";
import { createNetwork, type Network } from "../../lib/nn/network.ts";
import { forwardBatch } from "../../lib/nn/forward.ts";
import { descentOptions, numbers, type Rows, rows, vector } from "../_shared.ts";
import { bpVector } from "../s001/chapter4.ts";
import { DIAMOND } from "./diamond.ts";

// 单元神经网络拟合布尔逻辑, 多层网络实现XOR运算 — logic gates.

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

/** OR (20, 20, −10) and NAND (−10, −10, 14): raw outputs and rounded truth tables. */
const orNand: Subject = {
  ids: ["s002.gates.or", "s002.gates.nand"],
  compute: (fx) => {
    const { raw, rounded } = singleGate(fx);
    return { raw, rounded };
  },
};

/** The lab's AND, logic_gate(11, 10, −20). */
const andLab: Subject = {
  ids: ["s002.gates.and_lab"],
  compute: (fx) => {
    const { raw, rounded } = singleGate(fx);
    return { raw, rounded, isAnd: rounded.join() === "0,0,0,1" };
  },
};

/** XOR = AND(OR, NAND). */
const xor: Subject = {
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
};

/** For which AND weights XOR still comes out. */
const xorRegion: Subject = {
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
};

// 梯度下降回归 — the regression program.

/** S2: the population limit of the regression program, GD on the moments G, c. */
const s002Limit: Subject = {
  ids: ["s002.gd_regression.limit"],
  fields: ["theta", "loss", "gap"],
  compute(fixture: Fixture) {
    const input = fixture.input;
    const run = momentsGradientDescent({
      gram: input.gram as number[][],
      moment: numbers(input.moment),
      meanSquare: input.meanSquare as number,
    }, descentOptions(input));
    const truth = fixture.expected.thetaTrue as number[];
    return {
      status: run.status,
      theta: Array.from(run.weights),
      loss: run.loss,
      gap: Array.from(run.weights, (v, j) => v - truth[j]),
    };
  },
};

/** S2: the seeded stand-in — draw the data as the program does, then 2000 GD steps. */
const s002Seeded: Subject = {
  ids: ["s002.gd_regression.seed0"],
  fields: ["x1", "x2", "eps", "theta", "lossFirst", "lossLast", "firstStepCode"],
  compute(fixture: Fixture) {
    const input = fixture.input;
    const m = input.samples as number;
    const random = new RandomState(input.seed as number);
    const x1 = Array.from({ length: m }, () => random.uniform(0, 10));
    const x2 = Array.from({ length: m }, () => random.uniform(0, 10));
    const eps = Array.from({ length: m }, () => random.normal(0, input.noise as number));
    const bias = input.bias as number, t1 = input.theta1 as number, t2 = input.theta2 as number;
    // y = b*const + theta_1*x1 + theta_2*x2 + eps, in the program's order.
    const y = x1.map((v, i) => bias * 1 + t1 * v + t2 * x2[i] + eps[i]);
    const x = fromRows(x1.map((v, i) => [1, v, x2[i]]));
    const options = descentOptions(input);
    const run = leastSquaresGradientDescent(x, y, { ...options, recordTrajectory: true });
    const first = leastSquaresGradientDescent(x, y, {
      ...options,
      stop: { kind: "iterations", count: 1 },
      maxIterations: 1,
    });
    const losses = run.trajectory!.losses;
    // The program's loss_vec[i] is Σ(y − ŷ)² = 2m·C(θ⁽ⁱ⁾).
    return {
      status: run.status,
      x1,
      x2,
      eps,
      theta: Array.from(run.weights),
      lossFirst: 2 * m * losses[0],
      lossLast: 2 * m * losses[losses.length - 2],
      firstStepCode: Array.from(first.weights),
      y,
    };
  },
};

// Logistic Regression.

/** The likelihood, the loss and its gradient. */
const logistic: Subject = {
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
};

/** 训练流程: gradient ascent on the likelihood. */
const logisticTraining: Subject = {
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
};

// Softmax推断 与 交叉熵loss, Softmax与交叉熵损失函数.

const argmax = (values: ArrayLike<number>): number => {
  let best = 0;
  for (let j = 1; j < values.length; j++) if (values[j] > values[best]) best = j;
  return best;
};

/** Softmax of each row of logits, its arg-max, and the unshifted formula on the second row. */
const softmaxRows: Subject = {
  ids: ["s002.softmax_ce.softmax"],
  compute: (fx) => {
    const logits = fx.input.logits as number[][];
    const probabilities = logits.map((row) => Array.from(softmax(row)));
    const second = logits[1];
    const unshifted = softmaxRowsUnshifted({
      rows: 1,
      cols: second.length,
      data: Float64Array.from(second),
    });
    return {
      softmax: probabilities,
      argmax: probabilities.slice(0, 3).map(argmax),
      unshiftedSecondRow: Array.from(unshifted.data),
    };
  },
};

/** The softmax cross-entropy loss and its gradient ŷ − y. */
const softmaxLoss: Subject = {
  ids: ["s002.softmax_ce.softmax_loss"],
  compute: (fx) => {
    const o = fx.input.logits as number[], t = fx.input.target as number[];
    return { loss: softmaxCrossEntropy(o, t), gradient: softmaxCrossEntropyGradient(o, t) };
  },
};

/** The entropy of each distribution. */
const entropyOf: Subject = {
  ids: ["s002.softmax_ce.entropy"],
  compute: (fx) => ({ entropy: (fx.input.distributions as number[][]).map(entropy) }),
};

/** The cross-entropy H(p, q) and the entropy of the target. */
const crossEntropyOf: Subject = {
  ids: ["s002.softmax_ce.cross_entropy"],
  fields: ["crossEntropy", "entropyOfTarget"],
  compute: (fx) => {
    const p = fx.input.target as number[], q = fx.input.predicted as number[];
    return { crossEntropy: crossEntropy(p, q), entropyOfTarget: entropy(p) };
  },
};

// 前馈神经网络 — the 3-4-4-3 forward pass.

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

// 反向传播推导 (对于最后一层).

const bpSlides: Subject = {
  ids: ["s002.bp_slides"],
  fields: ["dJdW3", "dJdb3", "dJdW2", "dJdb2"],
  compute(fixture: Fixture) {
    const r = bpVector.compute(fixture);
    return { dJdW3: r.dCdW3, dJdb3: r.dCdb3, dJdW2: r.dCdW2, dJdb2: r.dCdb2 };
  },
};

// 梯度消失与激活函数选择 — activations.

/** sigmoid, tanh, ReLU, their derivatives f − f², 1 − f², and step. */
const activations: Subject = {
  ids: ["s002.activations"],
  compute: (fx) => {
    const z = fx.input.z as number[];
    return {
      sigmoid: sigmoidArray(z),
      sigmoidDerivative: z.map(sigmoidDerivative),
      tanh: tanhArray(z),
      tanhDerivative: z.map(tanhDerivative),
      relu: reluArray(z),
      reluDerivativeS2: z.map(reluDerivativeS2),
      reluDerivative: z.map(reluDerivative),
      step: z.map(heaviside),
    };
  },
};

/** Every subject of S2, in the document's order.
 * @category Worked results */
export const SUBJECTS: readonly Subject[] = [
  orNand,
  andLab,
  xor,
  xorRegion,
  s002Limit,
  s002Seeded,
  logistic,
  logisticTraining,
  softmaxRows,
  softmaxLoss,
  entropyOf,
  crossEntropyOf,
  forward002,
  bpSlides,
  ...DIAMOND,
  activations,
];
