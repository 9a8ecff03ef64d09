/**
 * A single sigmoid neuron as a Boolean gate (S2 "单元神经网络拟合布尔逻辑"):
 *
 *   gate(x₁, x₂) = σ(w₁x₁ + w₂x₂ + b),
 *
 * read as a bit by rounding (S2's `np.round`, which rounds half to even, so σ = ½ reads
 * as 0). Two layers of such neurons compute XOR = AND(OR, NAND), which no single neuron
 * can (S2 "单神经元网络的局限性：XOR问题").
 *
 * @module
 */

import { sigmoid } from "../activation/sigmoid.ts";
import {
  requireFiniteNumber,
  requireFunction,
  requireNumber,
  requireObject,
} from "../_util/validate.ts";

/** A two-input gate: its raw output σ(w₁x₁ + w₂x₂ + b) in [0, 1].
 * @category Classifiers */
export type Gate = (x1: number, x2: number) => number;

/** The weights (w₁, w₂, b) of a one-neuron gate.
 * @category Classifiers */
export interface GateWeights {
  /** w₁, the weight of the first input. */
  readonly weight1: number;
  /** w₂, the weight of the second input. */
  readonly weight2: number;
  /** b, the bias. */
  readonly bias: number;
}

/**
 * The four input pairs in S2's `test` order: (0, 0), (0, 1), (1, 0), (1, 1).
 *
 * @example
 * ```ts
 * import { GATE_INPUTS } from "@nnref/nnref/classify";
 * if (GATE_INPUTS.length !== 4 || GATE_INPUTS[1][1] !== 1) throw new Error("truth-table order");
 * ```
 * @category Classifiers
 */
export const GATE_INPUTS: readonly (readonly [number, number])[] = Object.freeze(
  [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ] as const,
);

/**
 * S2's `logic_gate(w1, w2, b)`: the gate x ↦ σ(w₁x₁ + w₂x₂ + b).
 *
 * @param weight1 w₁.
 * @param weight2 w₂.
 * @param bias b.
 * @returns The gate (which throws {InputTypeError} for inputs that are not numbers).
 * @throws {InputTypeError} if a weight is not a number.
 * @throws {NonFiniteError} if a weight is not finite.
 * @see fixtures/classify/gates.json
 *
 * @example S2's OR gate logic_gate(20, 20, −10)
 * ```ts
 * import { logicGate } from "@nnref/nnref/classify";
 * const or = logicGate(20, 20, -10);
 * if (!(or(0, 0) < 0.5 && or(0, 1) > 0.5)) throw new Error("OR");
 * ```
 * @category Classifiers
 */
export function logicGate(weight1: number, weight2: number, bias: number): Gate {
  requireFiniteNumber(weight1, "weight1 (w₁)");
  requireFiniteNumber(weight2, "weight2 (w₂)");
  requireFiniteNumber(bias, "bias (b)");
  return (x1: number, x2: number) => {
    requireNumber(x1, "gate input x₁");
    requireNumber(x2, "gate input x₂");
    return sigmoid(weight1 * x1 + weight2 * x2 + bias);
  };
}

/**
 * Rounds to the nearest integer, ties to even: numpy's `np.round` (so ½ ↦ 0, 1.5 ↦ 2).
 *
 * @param value The number to round.
 * @returns The nearest integer, ties to even (NaN and ±∞ unchanged).
 * @throws {InputTypeError} if value is not a number.
 *
 * @example
 * ```ts
 * import { roundHalfToEven } from "@nnref/nnref/classify";
 * if (roundHalfToEven(0.5) !== 0 || roundHalfToEven(1.5) !== 2 || roundHalfToEven(0.73) !== 1) {
 *   throw new Error("banker's rounding");
 * }
 * ```
 * @category Classifiers
 */
export function roundHalfToEven(value: number): number {
  requireNumber(value, "value");
  if (!Number.isFinite(value)) return value;
  const floor = Math.floor(value);
  const fraction = value - floor;
  if (fraction > 0.5) return floor + 1;
  if (fraction < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/**
 * The gate's raw outputs on {@link GATE_INPUTS}, in that order.
 *
 * @param gate A two-input gate.
 * @returns [g(0,0), g(0,1), g(1,0), g(1,1)].
 * @throws {InputTypeError} if gate is not a function.
 *
 * @example
 * ```ts
 * import { logicGate, truthTable } from "@nnref/nnref/classify";
 * const raw = truthTable(logicGate(0, 0, 0));
 * if (raw.some((v) => v !== 0.5)) throw new Error("σ(0) everywhere");
 * ```
 * @category Classifiers
 */
export function truthTable(gate: Gate): number[] {
  requireFunction(gate, "gate");
  return GATE_INPUTS.map(([a, b]) => gate(a, b));
}

/**
 * The gate's outputs read as bits, as S2's `test` prints them: `np.round(gate(a, b))`.
 *
 * @param gate A two-input gate.
 * @returns Four bits (0 or 1) in {@link GATE_INPUTS} order.
 * @throws {InputTypeError} if gate is not a function.
 *
 * @example
 * ```ts
 * import { logicGate, roundedTruthTable } from "@nnref/nnref/classify";
 * if (roundedTruthTable(logicGate(-10, -10, 14)).join() !== "1,1,1,0") throw new Error("NAND");
 * ```
 * @category Classifiers
 */
export function roundedTruthTable(gate: Gate): number[] {
  return truthTable(gate).map(roundHalfToEven);
}

/**
 * Composes two layers: XOR(a, b) = AND(OR(a, b), NAND(a, b)), S2's `xor_gate`.
 *
 * The hidden values OR(a, b) and NAND(a, b) are σ outputs, not bits, and enter the AND
 * neuron unrounded — exactly as in S2's code.
 *
 * @param orGate The first hidden neuron (S2's `or_gate`).
 * @param nandGate The second hidden neuron (S2's `nand_gate`).
 * @param andGate The output neuron (S2 uses `and_gate` without defining it).
 * @returns The composed gate.
 * @throws {InputTypeError} if a gate is not a function.
 *
 * @example With the original lab's AND, logic_gate(11, 10, −20)
 * ```ts
 * import { logicGate, roundedTruthTable, xorGate } from "@nnref/nnref/classify";
 * const xor = xorGate(logicGate(20, 20, -10), logicGate(-10, -10, 14), logicGate(11, 10, -20));
 * if (roundedTruthTable(xor).join() !== "0,1,1,0") throw new Error("XOR");
 * ```
 * @category Classifiers
 */
export function xorGate(orGate: Gate, nandGate: Gate, andGate: Gate): Gate {
  requireFunction(orGate, "orGate");
  requireFunction(nandGate, "nandGate");
  requireFunction(andGate, "andGate");
  return (a: number, b: number) => andGate(orGate(a, b), nandGate(a, b));
}

/**
 * The hidden-layer values (OR(a, b), NAND(a, b)) on {@link GATE_INPUTS}: the four points
 * the output neuron sees.
 *
 * @param orGate The OR neuron.
 * @param nandGate The NAND neuron.
 * @returns Four pairs [c, d].
 * @throws {InputTypeError} if a gate is not a function.
 *
 * @example
 * ```ts
 * import { hiddenValues, logicGate } from "@nnref/nnref/classify";
 * const h = hiddenValues(logicGate(20, 20, -10), logicGate(-10, -10, 14));
 * if (h[1][0] !== h[2][0]) throw new Error("OR is symmetric in its inputs");
 * ```
 * @category Classifiers
 */
export function hiddenValues(orGate: Gate, nandGate: Gate): [number, number][] {
  requireFunction(orGate, "orGate");
  requireFunction(nandGate, "nandGate");
  return GATE_INPUTS.map(([a, b]) => [orGate(a, b), nandGate(a, b)]);
}

/**
 * Whether AND weights (w₁, w₂, b) make AND(OR, NAND) print XOR's table 0, 1, 1, 0.
 *
 * With hidden values (cₖ, dₖ) from {@link hiddenValues}, round(σ(s)) is 1 iff s > 0, so
 * the region is the intersection of four half-spaces in (w₁, w₂, b):
 *
 *   w₁c₀₀ + w₂d₀₀ + b ≤ 0,  w₁c₀₁ + w₂d₀₁ + b > 0,  w₁c₁₀ + w₂d₁₀ + b > 0,
 *   w₁c₁₁ + w₂d₁₁ + b ≤ 0
 *
 * (an open-closed polyhedral cone; for symmetric OR/NAND the middle two coincide). This
 * evaluates the four scores in binary64; points within a few ulps of a face may be
 * misjudged (the real-number answer is what the fixture records).
 *
 * @param andWeights (w₁, w₂, b) of the output neuron.
 * @param orGate The OR neuron.
 * @param nandGate The NAND neuron.
 * @returns true iff all four inequalities hold.
 * @throws {InputTypeError} if the weights are not an object of numbers or a gate not a function.
 * @throws {NonFiniteError} if a weight is not finite.
 *
 * @example
 * ```ts
 * import { logicGate, producesXor } from "@nnref/nnref/classify";
 * const or = logicGate(20, 20, -10), nand = logicGate(-10, -10, 14);
 * if (!producesXor({ weight1: 11, weight2: 10, bias: -20 }, or, nand)) throw new Error("lab AND");
 * if (producesXor({ weight1: 10, weight2: 10, bias: -20 }, or, nand)) throw new Error("too strict");
 * ```
 * @category Classifiers
 */
export function producesXor(andWeights: GateWeights, orGate: Gate, nandGate: Gate): boolean {
  requireObject(andWeights, "andWeights");
  requireFiniteNumber(andWeights.weight1, "andWeights.weight1");
  requireFiniteNumber(andWeights.weight2, "andWeights.weight2");
  requireFiniteNumber(andWeights.bias, "andWeights.bias");
  const { weight1, weight2, bias } = andWeights;
  const want = [false, true, true, false];
  return hiddenValues(orGate, nandGate).every(([c, d], k) =>
    (weight1 * c + weight2 * d + bias > 0) === want[k]
  );
}
