/**
 * Logistic regression's gradient, one perceptron update, and the gradient of a scalar
 * computational graph.
 *
 * Canonical inputs: `{ X, y, w }` (logistic: X with its intercept column, labels 0/1);
 * `{ w, b, x, y, learningRate }` (perceptron: y = ±1); `{ variables, values, nodes, output }`
 * (graph: nodes `[name, op, arg, …]`, args naming earlier nodes or variables, or numbers;
 * ops add, sub, mul, div, neg, exp, log, sin, cos, tanh, sigmoid, square, sqrt, pow).
 * Fixture layouts read: those, and S2's logistic fixture (`inputs`, `labels`, `weights`).
 *
 * @module
 */

import type { ConformanceConcept } from "./concept.ts";
import { call, count, LIMITS, numbers, unfit } from "./concept.ts";

/** The gradient of J(w) = −(1/m)Σ[y log σ(x·w) + (1 − y) log(1 − σ(x·w))].
 * @category Conformance */
export type LogisticGradient = (
  X: number[][],
  y: number[],
  w: number[],
) => number[];

/** One perceptron update: `(w, b, x, y, η) => { w, b }`.
 * @category Conformance */
export type PerceptronUpdate = (
  w: number[],
  b: number,
  x: number[],
  y: number,
  learningRate: number,
) => { w: number[]; b: number };

/** A scalar computational graph.
 * @category Conformance */
export interface ScalarGraph {
  /** The input variables, in the order of the gradient. */
  readonly variables: string[];
  /** Their values. */
  readonly values: number[];
  /** `[name, op, arg…]`, each arg a name defined earlier or a number. */
  readonly nodes: (string | number)[][];
  /** The node whose gradient is wanted. */
  readonly output: string;
}

/** The gradient of a graph's output with respect to its variables, in their order.
 * @category Conformance */
export type GraphGradient = (graph: ScalarGraph) => number[];

/** The gradient of logistic regression's mean negative log-likelihood.
 * @category Conformance */
export const LOGISTIC_GRADIENT: ConformanceConcept<LogisticGradient> = {
  name: "logistic-gradient",
  signature: "(X: number[][], y: number[], w: number[]) => number[]",
  summary:
    "∇J(w) = (1/m)Xᵀ(σ(Xw) − y) for J = −(1/m)Σ[y log σ(x·w) + (1 − y) log(1 − σ(x·w))], { X, y, w } (X with its intercept column).",
  outputs: ["gradient"],
  inputs(fixture) {
    const i = fixture.input;
    const X = "X" in i ? i.X : i.inputs,
      y = "X" in i ? i.y : i.labels,
      w = "X" in i ? i.w : i.weights;
    try {
      const Xm = numbers(X, 2, "X") as number[][];
      numbers(y, 1, "y");
      numbers(w, 1, "w");
      if (
        (y as number[]).length !== Xm.length ||
        Xm[0].length !== (w as number[]).length
      ) {
        throw new TypeError("X, y and w do not fit together");
      }
    } catch (error) {
      unfit(fixture, "logistic-gradient", (error as Error).message);
    }
    return { X, y, w };
  },
  run: (f, input) => ({
    gradient: call(f, "logistic-gradient", [input.X, input.y, input.w]),
  }),
};

/** One perceptron update: if y(w·x + b) ≤ 0 then w += ηyx, b += ηy.
 * @category Conformance */
export const PERCEPTRON_UPDATE: ConformanceConcept<PerceptronUpdate> = {
  name: "perceptron-update",
  signature:
    "(w: number[], b: number, x: number[], y: number, learningRate: number) => { w: number[], b: number }",
  summary:
    "If y(w·x + b) ≤ 0 (y = ±1): w ← w + ηyx, b ← b + ηy; otherwise unchanged. { w, b, x, y, learningRate }; outputs w and b.",
  outputs: ["w", "b"],
  inputs(fixture) {
    const { w, b, x, y, learningRate } = fixture.input;
    try {
      numbers(w, 1, "w");
      numbers(x, 1, "x");
      if ((w as number[]).length !== (x as number[]).length) {
        throw new TypeError("w and x differ in length");
      }
      for (const [k, v] of Object.entries({ b, y, learningRate })) {
        numbers(v, 0, k);
      }
    } catch (error) {
      unfit(fixture, "perceptron-update", (error as Error).message);
    }
    return { w, b, x, y, learningRate };
  },
  run(f, input) {
    const out = call<unknown>(f, "perceptron-update", [
      input.w,
      input.b,
      input.x,
      input.y,
      input.learningRate,
    ]);
    const record = (typeof out === "object" && out !== null ? out : {}) as Record<
      string,
      unknown
    >;
    return { w: record.w, b: record.b };
  },
};

const OPS: Record<string, number> = {
  add: 2,
  sub: 2,
  mul: 2,
  div: 2,
  pow: 2,
  neg: 1,
  exp: 1,
  log: 1,
  sin: 1,
  cos: 1,
  tanh: 1,
  sigmoid: 1,
  square: 1,
  sqrt: 1,
};

/** The gradient of a scalar computational graph.
 * @category Conformance */
export const GRAPH_GRADIENT: ConformanceConcept<GraphGradient> = {
  name: "graph-gradient",
  signature:
    "(graph: { variables: string[], values: number[], nodes: (string | number)[][], output: string }) => number[]",
  summary:
    "∂output/∂v for each variable v of a scalar graph { variables, values, nodes, output }, nodes [name, op, arg…] with ops add, sub, mul, div, pow, neg, exp, log, sin, cos, tanh, sigmoid, square, sqrt.",
  outputs: ["gradient"],
  inputs(fixture) {
    const { variables, values, nodes, output } = fixture.input;
    try {
      if (
        !Array.isArray(variables) ||
        !variables.every((v) => typeof v === "string")
      ) {
        throw new TypeError("variables must be names");
      }
      numbers(values, 1, "values");
      if ((values as number[]).length !== variables.length) {
        throw new TypeError("one value per variable");
      }
      if (!Array.isArray(nodes)) throw new TypeError("nodes must be a list");
      count(nodes.length, LIMITS.nodes, "the number of nodes");
      const defined = new Set<string>(variables as string[]);
      for (const node of nodes) {
        if (
          !Array.isArray(node) || typeof node[0] !== "string" ||
          !(node[1] in OPS)
        ) {
          throw new TypeError(
            `node ${JSON.stringify(node)} is not [name, op, arg…] with a known op`,
          );
        }
        const args = node.slice(2);
        if (args.length !== OPS[node[1]]) {
          throw new TypeError(`${node[1]} takes ${OPS[node[1]]} arguments`);
        }
        for (const a of args) {
          if (typeof a === "string" ? !defined.has(a) : typeof a !== "number") {
            throw new TypeError(
              `node ${node[0]} uses ${JSON.stringify(a)} before it is defined`,
            );
          }
        }
        defined.add(node[0]);
      }
      if (typeof output !== "string" || !defined.has(output)) {
        throw new TypeError("output must name a node");
      }
    } catch (error) {
      unfit(fixture, "graph-gradient", (error as Error).message);
    }
    return { variables, values, nodes, output };
  },
  run: (f, input) => ({ gradient: call(f, "graph-gradient", [input]) }),
};
