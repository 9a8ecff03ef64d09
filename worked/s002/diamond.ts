/**
 * S2's two-layer diamond classifier ("例子：数据生成", "定义向前传播及反向计算梯度函数",
 * "模型初始化及训练"): data and initial weights drawn from RandomState in the order of the
 * slides' program, the hand-written gradients, the seeded stand-ins and the printed log.
 *
 * @module
 */

import type { Fixture } from "../../oracle/fixture.ts";
import type { Subject } from "../../oracle/subject.ts";
import { createMatrix, fromRows, type Matrix, toRows } from "../../lib/linalg/matrix.ts";
import { LOSSES } from "../../lib/loss/loss.ts";
import { RandomState } from "../../lib/random/random_state.ts";
import { createNetwork, type Network } from "../../lib/nn/network.ts";
import { predict } from "../../lib/nn/forward.ts";
import { lossGradients, trainNetwork, type TrainResult } from "../../lib/nn/train.ts";

/** The seeded stand-in's draws, in the slides' order.
 * @category Worked results */
export interface DiamondDraws {
  /** numObs × 2 uniform(−1, 1) points (`x_mat_1`). */
  readonly points: Matrix;
  /** numObs × 3: the points and a bias column of ones (`x_mat_full`). */
  readonly inputs: Matrix;
  /** 1 inside the diamond |x₁| + |x₂| < 1, else 0. */
  readonly labels: number[];
  /** The initial network: W_1 (3×4, sigmoid), W_2 (4×1, sigmoid), no biases. */
  readonly network: Network;
}

/**
 * Draws the diamond data and initial weights like the slides' program with
 * np.random.RandomState(seed): uniform(−1, 1, (numObs, 2)), then uniform(−1, 1, (3, 4)),
 * then uniform(−1, 1, 4).
 *
 * @example Labels mark the diamond
 * ```ts
 * import { diamondDraws } from "@nnref/nnref/worked";
 * const d = diamondDraws(1, 10);
 * const [x1, x2] = [d.points.data[0], d.points.data[1]];
 * if (d.labels[0] !== (Math.abs(x1) + Math.abs(x2) < 1 ? 1 : 0)) throw new Error("label");
 * ```
 * @category Worked results
 */
export function diamondDraws(seed: number, numObs: number): DiamondDraws {
  const random = new RandomState(seed);
  const points = createMatrix(numObs, 2);
  for (let i = 0; i < points.data.length; i++) points.data[i] = random.uniform(-1, 1);
  const inputs = createMatrix(numObs, 3);
  const labels: number[] = [];
  for (let i = 0; i < numObs; i++) {
    const x1 = points.data[2 * i], x2 = points.data[2 * i + 1];
    inputs.data.set([x1, x2, 1], 3 * i);
    labels.push(Math.abs(x1) + Math.abs(x2) < 1 ? 1 : 0);
  }
  const hidden = createMatrix(3, 4), output = createMatrix(4, 1);
  for (let i = 0; i < 12; i++) hidden.data[i] = random.uniform(-1, 1);
  for (let i = 0; i < 4; i++) output.data[i] = random.uniform(-1, 1);
  const network = createNetwork([
    { weights: hidden, activation: "sigmoid" },
    { weights: output, activation: "sigmoid" },
  ]);
  return { points, inputs, labels, network };
}

/** The slides' loop: summed-loss gradient, lr η, numIter iterations.
 * @category Worked results */
export function runDiamond(
  seed: number,
  numObs: number,
  iterations: number,
  learningRate: number,
): { draws: DiamondDraws; result: TrainResult } {
  const draws = diamondDraws(seed, numObs);
  const result = trainNetwork(draws.network, draws.inputs, draws.labels, {
    loss: LOSSES.binaryCrossEntropy,
    learningRate,
    maxEpochs: iterations,
    reduction: "sum",
  });
  return { draws, result };
}

const gradients: Subject = {
  ids: ["s002.diamond.gradients"],
  fields: ["gradW1", "gradW2", "meanLossGradW2", "predictionsOfDocumentForwardPass"],
  compute(fixture: Fixture) {
    const input = fixture.input;
    const network = createNetwork([
      { weights: input.W_1 as number[][], activation: "sigmoid" },
      { weights: (input.W_2 as number[]).map((w) => [w]), activation: "sigmoid" },
    ]);
    const x = fromRows(input.x_mat_full as number[][]);
    const y = createMatrix(x.rows, 1, input.y as number[]);
    const summed = lossGradients(network, x, y, LOSSES.binaryCrossEntropy, "sum");
    const mean = lossGradients(network, x, y, LOSSES.binaryCrossEntropy, "mean");
    return {
      gradW1: toRows(summed.gradients.weights[0]),
      gradW2: Array.from(summed.gradients.weights[1].data),
      meanLossGradW2: Array.from(mean.gradients.weights[1].data),
      predictionsOfDocumentForwardPass: Array.from(predict(network, x).data),
    };
  },
};

const standin: Subject = {
  ids: ["s002.diamond.standin.*"],
  compute(fixture: Fixture) {
    const { seed, numObs, numIter, learningRate, recordEvery } = fixture.input as Record<
      string,
      number
    >;
    const { draws, result } = runDiamond(seed, numObs, numIter, learningRate);
    const every = (history: number[]) => history.filter((_, i) => i % recordEvery === 0);
    return {
      x_mat_1: toRows(draws.points),
      y: draws.labels,
      W_1_initial: toRows(draws.network.layers[0].weights),
      W_2_initial: Array.from(draws.network.layers[1].weights.data),
      lossEvery200: every(result.lossHistory),
      accuracyEvery200: every(result.accuracyHistory),
      lastLoss: result.lossHistory[numIter - 1],
      lastAccuracy: result.accuracyHistory[numIter - 1],
      W_1_final: toRows(result.network.layers[0].weights),
      W_2_final: Array.from(result.network.layers[1].weights.data),
    };
  },
};

const log: Subject = {
  ids: ["s002.diamond.log"],
  fields: [
    "loss0.n50",
    "loss0.n500",
    "loss200.n50",
    "loss200.n500",
    "accuracy200.n50",
    "accuracy200.n500",
  ],
  compute(fixture: Fixture) {
    const { seeds, iterations, learningRate } = fixture.input as {
      seeds: number[];
      iterations: number;
      learningRate: number;
    };
    const out: Record<string, number[]> = {};
    for (const n of [50, 500]) {
      const runs = seeds.map((seed) => runDiamond(seed, n, iterations, learningRate).result);
      out[`loss0.n${n}`] = runs.map((r) => r.lossHistory[0]);
      out[`loss200.n${n}`] = runs.map((r) => r.lossHistory[200]);
      out[`accuracy200.n${n}`] = runs.map((r) => r.accuracyHistory[200]);
    }
    return out;
  },
};

/** The diamond subjects. */
export const DIAMOND: readonly Subject[] = [gradients, standin, log];
