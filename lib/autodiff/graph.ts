/**
 * Reverse-mode differentiation on a scalar computational graph (micrograd's idea, with
 * names). Each operation records its value and the local derivatives ∂node/∂parent; a
 * backward pass from the output visits the nodes in reverse topological order and
 * accumulates ∂output/∂node = Σ over uses ∂output/∂child · ∂child/∂node, so a node used
 * twice (b in e = (a + b)(b + 1)) receives the sum over both paths.
 *
 * Every node can be named; {@link Graph.values} and {@link Graph.gradients} list the
 * named nodes, so a fixture can check every node of a document's figure.
 *
 * @module
 */

import type { Arithmetic, Operand, ScalarFunction } from "./arithmetic.ts";
import {
  checkDerivative,
  checkDivisor,
  checkLogArgument,
  checkName,
  checkPoint,
  checkPower,
  checkResult,
  checkSqrtArgument,
} from "./_checks.ts";
// σ itself is lib/activation's, so a graph's sigmoid node agrees with a network's bit for
// bit; σ′ and tanh′ are its accurate derivatives from z (σ(1 − σ) and 1 − tanh² cancel:
// tanh′(20) came out as 0 for 1.7e−17).
import { sigmoid as logistic, sigmoidDerivative } from "../activation/sigmoid.ts";
import { tanhDerivative } from "../activation/tanh.ts";
import { ArgumentRangeError, InputTypeError } from "../errors.ts";
import { describeValue, requireFiniteNumber } from "../_util/validate.ts";
import type { ValueAndGradient } from "./dual.ts";

/**
 * One node of a {@link Graph}: a value, its gradient after `backward`, and its parents
 * with the local derivatives ∂node/∂parent recorded when it was made.
 *
 * @example A product records each factor as the other's local derivative
 * ```ts
 * import { Graph } from "@nnref/nnref/autodiff";
 * const graph = new Graph();
 * const product = graph.mul(graph.input("p", 3), graph.input("q", 4), "pq");
 * if (product.value !== 12) throw new Error("3·4");
 * if (product.localDerivatives.join() !== "4,3") throw new Error("∂(pq)/∂p = q, ∂(pq)/∂q = p");
 * ```
 * @category Automatic differentiation
 */
export class GraphNode {
  /** The name given when the node was made, or undefined. */
  readonly name: string | undefined;
  /** "input", "constant", "add", "mul", "log", … */
  readonly operation: string;
  /** The node's value, computed when it was made. */
  readonly value: number;
  /** ∂output/∂node after the last {@link Graph.backward} (0 if unreachable from it). */
  gradient = 0;
  /** The nodes this one was computed from. */
  readonly parents: readonly GraphNode[];
  /** ∂node/∂parent for each parent (may be non-finite: checked when it is used). */
  readonly localDerivatives: readonly number[];
  /** Which graph the node belongs to. */
  readonly graph: Graph;

  /** Made by {@link Graph}'s operations; not meant to be called directly. */
  constructor(
    graph: Graph,
    operation: string,
    value: number,
    parents: readonly GraphNode[],
    localDerivatives: readonly number[],
    name?: string,
  ) {
    if (!(graph instanceof Graph)) {
      throw new InputTypeError(
        `A GraphNode is made by a Graph's operations (graph.input, graph.add, …), got ${
          describeValue(graph)
        } as its graph`,
      );
    }
    this.graph = graph;
    this.operation = operation;
    this.value = value;
    this.parents = parents;
    this.localDerivatives = localDerivatives;
    this.name = name;
  }
}

/**
 * A scalar reverse-mode computational graph implementing {@link Arithmetic}: build
 * nodes with `input`, `add`, `mul`, `log`, …, then call `backward(output)`.
 *
 * Local derivatives: ∂(a ± b) = ±1; ∂(ab)/∂a = b; ∂(a/b)/∂b = −a/b²; ∂aⁿ/∂a = n aⁿ⁻¹;
 * ∂eᵃ = eᵃ; ∂ ln a = 1/a; ∂√a = 1/(2√a); ∂ sin a = cos a; ∂ cos a = −sin a; σ′ = σ(1 − σ);
 * tanh′ = 1 − tanh²; ReLU′ = [a > 0].
 *
 * @example e = (a + b)(b + 1) at a = 2, b = 1 (000 §4.3.2)
 * ```ts
 * import { Graph } from "@nnref/nnref/autodiff";
 * const graph = new Graph();
 * const a = graph.input("a", 2), b = graph.input("b", 1);
 * const e = graph.mul(graph.add(a, b, "c"), graph.add(b, 1, "d"), "e");
 * graph.backward(e);
 * if (graph.value("e") !== 6) throw new Error("e = 6");
 * if (graph.gradient("a") !== 2 || graph.gradient("b") !== 5) throw new Error("2 and 5");
 * ```
 * @category Automatic differentiation
 */
export class Graph implements Arithmetic<GraphNode> {
  /** Always "graph". */
  readonly mode = "graph";
  readonly #nodes: GraphNode[] = [];
  readonly #byName = new Map<string, GraphNode>();

  /**
   * A named input (a leaf whose gradient is wanted).
   *
   * @throws {InputTypeError} if the name is not a string; {NonFiniteError} if the value is
   *   not finite; {ArgumentRangeError} if the name is taken or is "__proto__".
   */
  input(name: string, value: number): GraphNode {
    if (typeof name !== "string") {
      throw new InputTypeError(`An input's name must be a string, got ${describeValue(name)}`);
    }
    checkName(name, "input");
    requireFiniteNumber(value, `input "${name}"`);
    return this.#make("input", value, [], [], name);
  }

  /** A constant leaf. @throws {InputTypeError}, {NonFiniteError} if the value is not a finite number. */
  constant(value: number): GraphNode {
    requireFiniteNumber(value, "a constant");
    return this.#make("constant", value, [], []);
  }

  /** left + right. */
  add(left: Operand<GraphNode>, right: Operand<GraphNode>, name?: string): GraphNode {
    const a = this.#lift(left), b = this.#lift(right);
    return this.#make("add", a.value + b.value, [a, b], [1, 1], name);
  }

  /** left − right. */
  sub(left: Operand<GraphNode>, right: Operand<GraphNode>, name?: string): GraphNode {
    const a = this.#lift(left), b = this.#lift(right);
    return this.#make("sub", a.value - b.value, [a, b], [1, -1], name);
  }

  /** left × right. */
  mul(left: Operand<GraphNode>, right: Operand<GraphNode>, name?: string): GraphNode {
    const a = this.#lift(left), b = this.#lift(right);
    return this.#make("mul", a.value * b.value, [a, b], [b.value, a.value], name);
  }

  /** left ÷ right. @throws {ArgumentRangeError} if right is 0. */
  div(left: Operand<GraphNode>, right: Operand<GraphNode>, name?: string): GraphNode {
    const a = this.#lift(left), b = this.#lift(right);
    checkDivisor(b.value, name);
    const value = a.value / b.value;
    return this.#make("div", value, [a, b], [1 / b.value, -value / b.value], name);
  }

  /** base^exponent, constant exponent. @throws {ArgumentRangeError} if not real. */
  pow(base: Operand<GraphNode>, exponent: number, name?: string): GraphNode {
    const a = this.#lift(base);
    checkPower(a.value, exponent, name);
    const local = exponent === 0 ? 0 : exponent * a.value ** (exponent - 1);
    return this.#make("pow", a.value ** exponent, [a], [local], name);
  }

  /** e^x. */
  exp(x: Operand<GraphNode>, name?: string): GraphNode {
    const a = this.#lift(x);
    const value = Math.exp(a.value);
    return this.#make("exp", value, [a], [value], name);
  }

  /** ln x. @throws {ArgumentRangeError} if x ≤ 0. */
  log(x: Operand<GraphNode>, name?: string): GraphNode {
    const a = this.#lift(x);
    checkLogArgument(a.value, name);
    return this.#make("log", Math.log(a.value), [a], [1 / a.value], name);
  }

  /** √x. @throws {ArgumentRangeError} if x < 0 (and, in `backward`, if x = 0). */
  sqrt(x: Operand<GraphNode>, name?: string): GraphNode {
    const a = this.#lift(x);
    checkSqrtArgument(a.value, name);
    const value = Math.sqrt(a.value);
    return this.#make("sqrt", value, [a], [1 / (2 * value)], name);
  }

  /** sin x. */
  sin(x: Operand<GraphNode>, name?: string): GraphNode {
    const a = this.#lift(x);
    return this.#make("sin", Math.sin(a.value), [a], [Math.cos(a.value)], name);
  }

  /** cos x. */
  cos(x: Operand<GraphNode>, name?: string): GraphNode {
    const a = this.#lift(x);
    return this.#make("cos", Math.cos(a.value), [a], [-Math.sin(a.value)], name);
  }

  /** σ(x). */
  sigmoid(x: Operand<GraphNode>, name?: string): GraphNode {
    const a = this.#lift(x);
    return this.#make("sigmoid", logistic(a.value), [a], [sigmoidDerivative(a.value)], name);
  }

  /** tanh x. */
  tanh(x: Operand<GraphNode>, name?: string): GraphNode {
    const a = this.#lift(x);
    return this.#make("tanh", Math.tanh(a.value), [a], [tanhDerivative(a.value)], name);
  }

  /** max(0, x). */
  relu(x: Operand<GraphNode>, name?: string): GraphNode {
    const a = this.#lift(x);
    return this.#make("relu", a.value > 0 ? a.value : 0, [a], [a.value > 0 ? 1 : 0], name);
  }

  /**
   * Backpropagation: sets every node's `gradient` to ∂output/∂node.
   *
   * @param output The node to differentiate, or its name.
   * @throws {ArgumentRangeError} if the name is unknown, the node belongs to another graph, or
   *   a local derivative on the way is not finite (√ at 0), naming that node.
   */
  backward(output: GraphNode | string): void {
    const root = typeof output === "string" ? this.node(output) : output;
    if (!(root instanceof GraphNode)) {
      throw new InputTypeError(
        `backward needs an output node or its name, got ${describeValue(output)}`,
      );
    }
    if (root.graph !== this) {
      throw new ArgumentRangeError("Cannot run backward: the output node belongs to another graph");
    }
    for (const node of this.#nodes) node.gradient = 0;
    root.gradient = 1;
    const order = topologicalOrder(root);
    for (let i = order.length - 1; i >= 0; i--) {
      const node = order[i];
      if (node.gradient === 0) continue;
      node.parents.forEach((parent, k) => {
        const local = checkDerivative(node.localDerivatives[k], node.operation, node.name);
        parent.gradient += node.gradient * local;
      });
    }
  }

  /**
   * The node with this name.
   *
   * @throws {ArgumentRangeError} naming the unknown name and listing the known ones.
   */
  node(name: string): GraphNode {
    if (typeof name !== "string") {
      throw new InputTypeError(`A node name must be a string, got ${describeValue(name)}`);
    }
    const found = this.#byName.get(name);
    if (found === undefined) {
      throw new ArgumentRangeError(
        `No node named "${name}" in this graph (named nodes: ${
          [...this.#byName.keys()].join(", ") || "none"
        })`,
      );
    }
    return found;
  }

  /** The value of the named node. @throws {ArgumentRangeError} if the name is unknown. */
  value(name: string): number {
    return this.node(name).value;
  }

  /** ∂output/∂node for the named node, after `backward`. @throws {ArgumentRangeError} if unknown. */
  gradient(name: string): number {
    return this.node(name).gradient;
  }

  /** Every named node's value, in creation order. */
  values(): Record<string, number> {
    return Object.fromEntries([...this.#byName].map(([name, node]) => [name, node.value]));
  }

  /** Every named node's gradient after `backward`, in creation order. */
  gradients(): Record<string, number> {
    return Object.fromEntries([...this.#byName].map(([name, node]) => [name, node.gradient]));
  }

  #lift(x: Operand<GraphNode>): GraphNode {
    if (typeof x === "number") return this.constant(x);
    if (!(x instanceof GraphNode)) {
      throw new InputTypeError(
        `An operand must be a node of this graph or a number, got ${describeValue(x)}`,
      );
    }
    if (x.graph !== this) {
      throw new ArgumentRangeError(
        `Cannot combine nodes of two graphs (${
          x.name === undefined ? "an unnamed node" : `node "${x.name}"`
        } belongs to another graph)`,
      );
    }
    return x;
  }

  #make(
    operation: string,
    value: number,
    parents: GraphNode[],
    localDerivatives: number[],
    name?: string,
  ): GraphNode {
    checkName(name, operation);
    if (name !== undefined && this.#byName.has(name)) {
      throw new ArgumentRangeError(`A node named "${name}" already exists in this graph`);
    }
    checkResult(value, operation, name);
    const node = new GraphNode(this, operation, value, parents, localDerivatives, name);
    this.#nodes.push(node);
    if (name !== undefined) this.#byName.set(name, node);
    return node;
  }
}

/** Nodes reachable from `root`, each after all of its parents (iterative DFS). */
function topologicalOrder(root: GraphNode): GraphNode[] {
  const order: GraphNode[] = [];
  const visited = new Set<GraphNode>();
  const stack: [GraphNode, number][] = [[root, 0]];
  visited.add(root);
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const [node, next] = top;
    if (next < node.parents.length) {
      top[1] = next + 1;
      const parent = node.parents[next];
      if (!visited.has(parent)) {
        visited.add(parent);
        stack.push([parent, 0]);
      }
    } else {
      stack.pop();
      order.push(node);
    }
  }
  return order;
}

/** The result of {@link reverseModeGradient}: value, gradient and the graph itself.
 * @category Automatic differentiation */
export interface ReverseModeResult extends ValueAndGradient {
  /** The graph built for the point, after `backward`: every named node by name. */
  readonly graph: Graph;
}

/**
 * The gradient by reverse mode: builds the graph of `fn` at `point` (inputs named after
 * the keys of `point`) and runs one backward pass from the output.
 *
 * @param fn The function, written once against {@link Arithmetic}.
 * @param point The input values by name.
 * @returns f(point), ∂f/∂input for every input, and the graph (every named node).
 * @throws {InputTypeError} if fn is not a function or point not an object of numbers.
 * @throws {NonFiniteError} if an input is not finite.
 * @throws {ArgumentRangeError} for the name "__proto__", or from an operation (naming the node).
 *
 * @example z = x·y with x = 2w + 3b, y = 2b + 1 (004): ∂z/∂w = 18, ∂z/∂b = 63
 * ```ts
 * import { reverseModeGradient } from "@nnref/nnref/autodiff";
 * const { value, gradient, graph } = reverseModeGradient(
 *   (ops, { w, b }) =>
 *     ops.mul(ops.add(ops.mul(2, w), ops.mul(3, b), "x"), ops.add(ops.mul(2, b), 1, "y"), "z"),
 *   { w: 3, b: 4 },
 * );
 * if (value !== 162 || gradient.w !== 18 || gradient.b !== 63) throw new Error("162, 18, 63");
 * if (graph.gradient("x") !== 9 || graph.gradient("y") !== 18) throw new Error("∂z/∂x = y");
 * ```
 * @category Automatic differentiation
 */
export function reverseModeGradient(
  fn: ScalarFunction,
  point: Readonly<Record<string, number>>,
): ReverseModeResult {
  checkPoint(fn, point);
  const graph = new Graph();
  const inputs: Record<string, GraphNode> = {};
  for (const [name, value] of Object.entries(point)) inputs[name] = graph.input(name, value);
  const output = fn(graph, inputs);
  graph.backward(output);
  const gradient: Record<string, number> = {};
  for (const name of Object.keys(point)) gradient[name] = inputs[name].gradient;
  return { value: output.value, gradient, graph };
}
