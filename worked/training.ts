/**
 * Worked results of the training API, beyond the documents: networks trained for a fixed
 * number of epochs against exact trajectories (a saturated sigmoid unit, a regression
 * MLP, a softmax classifier; fixtures/nn/saturated.json, regression_mlp.json,
 * softmax_classifier.json), the cross-entropies at certain predictions and saturated
 * logits (output_losses.json), and the seeded initialisers against numpy's RandomState
 * (initializers.json).
 *
 * @module
 */

import type { Fixture } from "../oracle/fixture.ts";
import type { Subject } from "../oracle/subject.ts";
import { fromRows, toRows } from "../lib/linalg/matrix.ts";
import { type Loss, LOSSES } from "../lib/loss/loss.ts";
import {
  binaryCrossEntropy,
  binaryCrossEntropyFromLogits,
  binaryCrossEntropyFromLogitsGradient,
  binaryCrossEntropyGradient,
} from "../lib/loss/binary_cross_entropy.ts";
import {
  categoricalCrossEntropyFromLogits,
  categoricalCrossEntropyFromLogitsGradient,
} from "../lib/loss/categorical_cross_entropy.ts";
import { RandomState } from "../lib/random/random_state.ts";
import { type ActivationName, createNetwork, type Network } from "../lib/nn/network.ts";
import {
  initializeNetwork,
  type InitializerName,
  INITIALIZERS,
  initializeWeights,
} from "../lib/nn/initializers.ts";
import { trainNetwork, type TrainOptions, trainRegressor } from "../lib/nn/train.ts";
import type { Input, Rows } from "./_shared.ts";

// Re-exported so that `deno doc --lint` finds every type the subjects' type refers to.
export type { Subject } from "../oracle/subject.ts";

/** The layers of a training fixture's `input.network`. */
interface LayerInput {
  readonly weights: Rows;
  readonly biases: number[] | null;
  readonly activation: ActivationName;
}

function lossNamed(name: unknown): Loss {
  if (typeof name !== "string" || !Object.hasOwn(LOSSES, name)) {
    throw new RangeError(`Unknown loss ${JSON.stringify(name)} in a training fixture`);
  }
  return LOSSES[name as keyof typeof LOSSES];
}

function optionsOf(input: Input): TrainOptions {
  const options: TrainOptions = {
    loss: lossNamed(input.loss),
    learningRate: input.learningRate as number,
    maxEpochs: input.maxEpochs as number,
    reduction: input.reduction as "mean" | "sum",
  };
  if (input.batchSize === undefined) return options;
  return {
    ...options,
    batchSize: input.batchSize as number,
    random: new RandomState(input.randomSeed as number),
  };
}

/** The trained parameters as the fixtures name them: W1, b1, W2, b2, … */
function parametersOf(network: Network): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  network.layers.forEach((layer, l) => {
    out[`W${l + 1}`] = toRows(layer.weights);
    if (layer.biases) out[`b${l + 1}`] = Array.from(layer.biases);
  });
  return out;
}

const training: Subject = {
  ids: ["nn.train.*"],
  compute(fixture: Fixture) {
    const input = fixture.input;
    const network = createNetwork(input.network as LayerInput[]);
    const inputs = fromRows(input.inputs as Rows);
    const options = optionsOf(input);
    if (input.labels === undefined) {
      const r = trainRegressor(network, inputs, input.targets as number[], options);
      return {
        lossHistory: r.lossHistory,
        ...parametersOf(r.network),
        finalLoss: r.finalLoss,
        epochs: r.epochs,
        status: r.status,
      };
    }
    const r = trainNetwork(network, inputs, input.labels as number[], options);
    return {
      lossHistory: r.lossHistory,
      accuracyHistory: r.accuracyHistory,
      ...parametersOf(r.network),
      finalLoss: r.finalLoss,
      finalAccuracy: r.finalAccuracy,
      epochs: r.epochs,
      status: r.status,
    };
  },
};

/** Each pair (or row) on its own: the losses are sums, the fixtures list the terms. */
const outputLosses: Subject = {
  ids: ["nn.loss.bce_at_certainty", "nn.loss.bce_logits", "nn.loss.cce_logits"],
  compute(fixture: Fixture) {
    const input = fixture.input;
    if (fixture.id === "nn.loss.cce_logits") {
      const logits = input.logits as Rows, targets = input.targets as Rows;
      return {
        loss: logits.map((z, i) => categoricalCrossEntropyFromLogits(z, targets[i])),
        // Row after row: the rows differ in width.
        gradient: logits.flatMap((z, i) =>
          Array.from(categoricalCrossEntropyFromLogitsGradient(z, targets[i]))
        ),
      };
    }
    const fromLogits = fixture.id === "nn.loss.bce_logits";
    const x = (fromLogits ? input.logits : input.predictions) as number[];
    const y = input.targets as number[];
    const value = fromLogits ? binaryCrossEntropyFromLogits : binaryCrossEntropy;
    const gradient = fromLogits ? binaryCrossEntropyFromLogitsGradient : binaryCrossEntropyGradient;
    return {
      loss: x.map((v, i) => value([v], [y[i]])),
      gradient: x.map((v, i) => gradient([v], [y[i]])[0]),
    };
  },
};

const initializers: Subject = {
  ids: ["nn.init.*"],
  compute(fixture: Fixture) {
    const input = fixture.input;
    const name = input.initializer as InitializerName;
    const random = new RandomState(input.seed as number);
    if (fixture.id.endsWith(".weights")) {
      const { fanIn, fanOut } = input as { fanIn: number; fanOut: number };
      return {
        scale: INITIALIZERS[name].scale(fanIn, fanOut),
        weights: toRows(initializeWeights(name, fanIn, fanOut, random)),
      };
    }
    const network = initializeNetwork(
      input.widths as number[],
      input.activations as ActivationName[],
      { initializer: name, random },
    );
    const out: Record<string, unknown> = {};
    network.layers.forEach((layer, l) => out[`W${l + 1}`] = toRows(layer.weights));
    out.next = random.randomSample();
    return out;
  },
};

/** The subjects of the training API's fixtures. */
export const SUBJECTS: readonly Subject[] = [training, outputLosses, initializers];
