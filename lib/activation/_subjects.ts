/**
 * How the activation fixtures are computed with nnref's lib/ (shared by spec/ and the
 * report). Private.
 *
 * @module
 */

import type { Subject } from "../oracle/subject.ts";

export type { Subject } from "../oracle/subject.ts";
import type { Fixture } from "../oracle/fixture.ts";
import { sigmoid, sigmoidArray, sigmoidDerivative, sigmoidDerivativeArray } from "./sigmoid.ts";
import { tanhArray, tanhDerivative } from "./tanh.ts";
import { reluArray, reluDerivative, reluDerivativeS2 } from "./relu.ts";
import { step } from "./step.ts";
import { softmax, softmaxRowsUnshifted } from "./softmax.ts";

const numbers = (fixture: Fixture, key: string) => fixture.input[key] as number[];

/** Index of the largest entry (the first, on ties). */
function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let j = 1; j < values.length; j++) if (values[j] > values[best]) best = j;
  return best;
}

/** The activation subjects. */
export const SUBJECTS: readonly Subject[] = [
  {
    ids: ["s001.sigmoid.derivative"],
    compute: (fx) => ({
      sigmoid: sigmoidArray(numbers(fx, "z")),
      derivative: sigmoidDerivativeArray(numbers(fx, "z")),
    }),
  },
  {
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
  },
  {
    ids: ["s002.activations"],
    compute: (fx) => {
      const z = numbers(fx, "z");
      return {
        sigmoid: sigmoidArray(z),
        sigmoidDerivative: z.map(sigmoidDerivative),
        tanh: tanhArray(z),
        tanhDerivative: z.map(tanhDerivative),
        relu: reluArray(z),
        reluDerivativeS2: z.map(reluDerivativeS2),
        reluDerivative: z.map(reluDerivative),
        step: z.map(step),
      };
    },
  },
  {
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
  },
];
