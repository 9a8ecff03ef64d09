/**
 * Classifiers: logic gates as threshold units, the perceptron, a single sigmoid layer,
 * squared-hinge SGD and logistic regression.
 *
 * @example
 * ```ts
 * import { perceptronPredict } from "@nnref/nnref/classify";
 * if (perceptronPredict([1, 1], -1.5, [1, 1]) !== 1) throw new Error("AND(1, 1) = 1");
 * ```
 *
 * @module
 */

export {
  type Gate,
  GATE_INPUTS,
  type GateWeights,
  hiddenValues,
  logicGate,
  producesXor,
  roundedTruthTable,
  roundHalfToEven,
  truthTable,
  xorGate,
} from "./logic_gate.ts";
export {
  logisticCost,
  logisticCostGradient,
  logisticLikelihood,
  logisticProbabilities,
  type LogisticRegressionOptions,
  type LogisticRegressionResult,
  trainLogisticRegression,
} from "./logistic_regression.ts";
export {
  type PerceptronOptions,
  perceptronPredict,
  type PerceptronResult,
  type PerceptronRule,
  perceptronStep,
  trainPerceptron,
} from "./perceptron.ts";
export {
  type SingleLayer,
  singleLayerForward,
  singleLayerGradient,
  type SingleLayerOptions,
  type SingleLayerResult,
  trainSingleLayer,
} from "./single_layer.ts";
export {
  linearSign,
  type SquaredHingeSgdOptions,
  type SquaredHingeSgdResult,
  trainSquaredHingeSgd,
} from "./squared_hinge_sgd.ts";
