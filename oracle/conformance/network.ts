/**
 * Feed-forward networks: the forward pass and the backward pass, in the δ = ∂C/∂z
 * convention, with biases.
 *
 * Canonical input: `layers`, each `{ W, b, activation }` with W inputs × outputs (numpy's
 * x @ W) and activation "sigmoid", "tanh", "relu", "identity" or "softmax"; `X`, one row per
 * sample; for the backward pass `Y` (targets, one row per sample) and `lossScale` s in
 * C = s·Σ_samples ‖a_L − y‖² (½ for S1's C = ½‖a − y‖², 1/m for a mean without ½).
 *
 * Fixture layouts read: `layers`/`X`/`Y`/`lossScale` (conformance fixtures); S2's forward
 * fixtures (`W_1, W_2, …` in × out, no biases, `activations`, `x_in` or `x_mat_in`); S1/S2's
 * backprop fixtures (`W2, b2, W3, b3, …` out × in as S1 §3.4.1 writes w_jk, one `activation`,
 * `x`, `y`, and `loss` "C = ½…", "J = ½…" or "C = (1/n)…"). The documents' out × in
 * gradients are the transposes of the canonical ones: their conform entries say
 * `"transposed": true`, and the checker transposes your canonical output before comparing.
 *
 * @module
 */

import type { CanonicalInput, ConformanceConcept } from "./concept.ts";
import { call, count, LIMITS, numbers, unfit } from "./concept.ts";
import type { Fixture } from "../fixture.ts";

/** One layer: a = f(a_prev @ W + b).
 * @category Conformance */
export interface NetworkLayer {
  /** W, inputs × outputs. */
  readonly W: number[][];
  /** b, one per output. */
  readonly b: number[];
  /** "sigmoid", "tanh", "relu", "identity" or "softmax". */
  readonly activation: string;
}

/** A forward pass: the outputs of the last layer, one row per row of X.
 * @category Conformance */
export type ForwardPass = (layers: NetworkLayer[], X: number[][]) => number[][];

/** What a backward pass returns: ∂C/∂W and ∂C/∂b per layer, and δ = ∂C/∂z per layer.
 * @category Conformance */
export interface BackwardGradients {
  /** ∂C/∂Wˡ, each shaped like Wˡ (inputs × outputs). */
  readonly weights: number[][][];
  /** ∂C/∂bˡ. */
  readonly biases: number[][];
  /** δˡ = ∂C/∂zˡ, one row per sample (needed by the backward-delta concept only). */
  readonly deltas?: number[][][];
}

/** A backward pass for C = s·Σ_samples ‖a_L − y‖².
 * @category Conformance */
export type BackwardPass = (
  layers: NetworkLayer[],
  X: number[][],
  Y: number[][],
  lossScale: number,
) => BackwardGradients;

const ACTIVATIONS = ["sigmoid", "tanh", "relu", "identity", "softmax"];

function transpose(m: number[][]): number[][] {
  return m[0].map((_, j) => m.map((row) => row[j]));
}

function rows(value: unknown, what: string): number[][] {
  if (Array.isArray(value) && value.every((v) => typeof v === "number")) {
    return [numbers(value, 1, what) as number[]];
  }
  return numbers(value, 2, what) as number[][];
}

function checkLayers(layers: NetworkLayer[], inputs: number): NetworkLayer[] {
  count(layers.length, LIMITS.layers, "the number of layers");
  if (layers.length === 0) throw new TypeError("a network needs a layer");
  let width = inputs;
  layers.forEach((layer, l) => {
    numbers(layer.W, 2, `layer ${l + 1}'s W`);
    numbers(layer.b, 1, `layer ${l + 1}'s b`);
    if (layer.W.length !== width) {
      throw new TypeError(
        `layer ${l + 1}'s W has ${layer.W.length} rows for ${width} inputs`,
      );
    }
    if (layer.W.some((r) => r.length !== layer.b.length)) {
      throw new TypeError(`layer ${l + 1}'s W and b differ`);
    }
    if (!ACTIVATIONS.includes(layer.activation)) {
      throw new TypeError(`unknown activation ${layer.activation}`);
    }
    width = layer.b.length;
  });
  return layers;
}

function documentLayers(fixture: Fixture): NetworkLayer[] {
  const i = fixture.input;
  const layout = String(i.weightLayout ?? "");
  const layers: NetworkLayer[] = [];
  if ("W2" in i) {
    if (!layout.startsWith("out×in")) {
      throw new TypeError("W2, W3, … must be out×in");
    }
    for (let l = 2; `W${l}` in i && l < LIMITS.layers; l++) {
      layers.push({
        W: transpose(numbers(i[`W${l}`], 2, `W${l}`) as number[][]),
        b: numbers(i[`b${l}`], 1, `b${l}`) as number[],
        activation: String(i.activation),
      });
    }
    return layers;
  }
  if (!layout.startsWith("in×out")) {
    throw new TypeError("W_1, W_2, … must be in×out");
  }
  const activations = i.activations;
  if (!Array.isArray(activations)) {
    throw new TypeError("needs activations, one per layer");
  }
  for (let l = 1; `W_${l}` in i && l < LIMITS.layers; l++) {
    const W = numbers(i[`W_${l}`], 2, `W_${l}`) as number[][];
    layers.push({
      W,
      b: W[0].map(() => 0),
      activation: String(activations[l - 1]),
    });
  }
  return layers;
}

function forwardInput(
  fixture: Fixture,
  concept: string,
): { layers: NetworkLayer[]; X: number[][] } {
  const i = fixture.input;
  try {
    const layers = "layers" in i ? (i.layers as NetworkLayer[]) : documentLayers(fixture);
    const X = rows(
      "X" in i ? i.X : "x_in" in i ? i.x_in : "x_mat_in" in i ? i.x_mat_in : i.x,
      "the inputs",
    );
    return { layers: checkLayers(layers, X[0].length), X };
  } catch (error) {
    return unfit(fixture, concept, (error as Error).message);
  }
}

/** The forward pass with biases.
 * @category Conformance */
export const FORWARD: ConformanceConcept<ForwardPass> = {
  name: "forward",
  signature:
    "(layers: { W: number[][], b: number[], activation: string }[], X: number[][]) => number[][]",
  summary:
    "aˡ = f(aˡ⁻¹Wˡ + bˡ) layer by layer from a⁰ = X (one row per sample; W inputs × outputs); output: the last layer's rows.",
  outputs: ["output"],
  inputs: (fixture) => forwardInput(fixture, "forward"),
  run: (f, input) => ({ output: call(f, "forward", [input.layers, input.X]) }),
};

function backwardInput(fixture: Fixture, concept: string): CanonicalInput {
  const { layers, X } = forwardInput(fixture, concept);
  const i = fixture.input;
  try {
    if ("layers" in i) {
      const Y = rows(i.Y, "input.Y");
      if (typeof i.lossScale !== "number") {
        throw new TypeError("lossScale must be a number");
      }
      return { layers, X, Y, lossScale: i.lossScale };
    }
    const Y = rows(i.y, "input.y");
    const loss = String(i.loss);
    const lossScale = /^[CJ] = ½/.test(loss)
      ? 0.5
      : loss.startsWith("C = (1/n)")
      ? 1 / X.length
      : NaN;
    if (Number.isNaN(lossScale)) {
      throw new TypeError(`unknown loss ${JSON.stringify(loss)}`);
    }
    return { layers, X, Y, lossScale };
  } catch (error) {
    return unfit(fixture, concept, (error as Error).message);
  }
}

function gradientOutputs(
  g: unknown,
  layers: number,
  withDeltas: boolean,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const record = (g ?? {}) as Record<string, unknown>;
  const pick = (key: string, l: number): unknown => {
    const list = record[key];
    return Array.isArray(list) ? list[l] : undefined;
  };
  for (let l = 0; l < layers; l++) {
    if (withDeltas) out[`delta${l + 1}`] = pick("deltas", l);
    else {
      out[`dW${l + 1}`] = pick("weights", l);
      out[`db${l + 1}`] = pick("biases", l);
    }
  }
  return out;
}

function layerOutputs(prefixes: string[]): string[] {
  return Array.from(
    { length: 10 },
    (_, l) => prefixes.map((p) => `${p}${l + 1}`),
  ).flat();
}

/** The backward pass: ∂C/∂Wˡ and ∂C/∂bˡ for C = s·Σ‖a_L − y‖².
 * @category Conformance */
export const BACKWARD: ConformanceConcept<BackwardPass> = {
  name: "backward",
  signature:
    "(layers, X: number[][], Y: number[][], lossScale: number) => { weights: number[][][], biases: number[][], deltas?: number[][][] }",
  summary:
    "∂C/∂Wˡ = aˡ⁻¹ᵀδˡ and ∂C/∂bˡ = Σ_samples δˡ for C = s·Σ_samples ‖a_L − y‖², δ_L = 2s(a_L − y) ⊙ f′(z_L), δˡ = (δˡ⁺¹Wˡ⁺¹ᵀ) ⊙ f′(zˡ); outputs dW1, db1, dW2, …",
  outputs: layerOutputs(["dW", "db"]),
  inputs: (fixture) => backwardInput(fixture, "backward"),
  run: (f, input) =>
    gradientOutputs(
      call(f, "backward", [input.layers, input.X, input.Y, input.lossScale]),
      (input.layers as NetworkLayer[]).length,
      false,
    ),
};

/** The δ's of the backward pass: δˡ = ∂C/∂zˡ per layer, one row per sample.
 * @category Conformance */
export const BACKWARD_DELTA: ConformanceConcept<BackwardPass> = {
  name: "backward-delta",
  signature: BACKWARD.signature,
  summary:
    "δˡ = ∂C/∂zˡ of every layer (one row per sample) for the same C: outputs delta1, delta2, …",
  outputs: layerOutputs(["delta"]),
  inputs: (fixture) => backwardInput(fixture, "backward-delta"),
  run: (f, input) =>
    gradientOutputs(
      call(f, "backward-delta", [
        input.layers,
        input.X,
        input.Y,
        input.lossScale,
      ]),
      (input.layers as NetworkLayer[]).length,
      true,
    ),
};
