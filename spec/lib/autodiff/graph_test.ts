// Reverse mode on a scalar graph (lib/autodiff/graph.ts): values and gradients by node
// name, accumulation over several uses, every operation against forward mode and finite
// differences, and the errors that name the node instead of returning NaN.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { Graph, reverseModeGradient } from "../../../lib/autodiff/graph.ts";
import { forwardModeGradient } from "../../../lib/autodiff/dual.ts";
import { centralDifferenceGradient } from "../../../lib/autodiff/finite_difference.ts";
import type { ScalarFunction } from "../../../lib/autodiff/arithmetic.ts";
import { assertClose } from "../../../oracle/assert_close.ts";

describe("Graph: values and gradients by name", () => {
  it("a node used twice receives the sum over both paths (b in (a + b)(b + 1))", () => {
    const graph = new Graph();
    const a = graph.input("a", 2), b = graph.input("b", 1);
    graph.backward(graph.mul(graph.add(a, b, "c"), graph.add(b, 1, "d"), "e"));
    assert.deepEqual(graph.values(), { a: 2, b: 1, c: 3, d: 2, e: 6 });
    assert.deepEqual(graph.gradients(), { a: 2, b: 5, c: 2, d: 3, e: 1 });
  });
  it("x·x accumulates both factors: d(x²)/dx = 2x", () => {
    const graph = new Graph();
    const x = graph.input("x", 3);
    graph.backward(graph.mul(x, x, "square"));
    assert.equal(graph.gradient("x"), 6);
  });
  it("a second backward pass restarts from zero (no stale gradients)", () => {
    const graph = new Graph();
    const x = graph.input("x", 3);
    const y = graph.mul(x, 4, "y");
    graph.backward(y);
    graph.backward(y);
    assert.equal(graph.gradient("x"), 4);
    graph.backward("x");
    assert.equal(graph.gradient("y"), 0, "y is not on the way from x");
    assert.equal(graph.gradient("x"), 1);
  });
  it("a long chain does not overflow the call stack (iterative topological sort)", () => {
    const graph = new Graph();
    let node = graph.input("x", 1);
    for (let i = 0; i < 100_000; i++) node = graph.add(node, 0);
    graph.backward(node);
    assert.equal(graph.gradient("x"), 1);
  });
  it("a dead ReLU stops the gradient; ReLU′(0) is taken as 0", () => {
    const graph = new Graph();
    const x = graph.input("x", 0);
    graph.backward(graph.relu(x, "r"));
    assert.equal(graph.gradient("x"), 0);
  });
});

// Every operation, at a point inside its domain, by the three methods.
const OPERATIONS: [string, ScalarFunction, Record<string, number>][] = [
  ["add", (ops, { p, q }) => ops.add(p, q), { p: 0.3, q: -1.7 }],
  ["sub", (ops, { p, q }) => ops.sub(p, q), { p: 0.3, q: -1.7 }],
  ["mul", (ops, { p, q }) => ops.mul(p, q), { p: 0.3, q: -1.7 }],
  ["div", (ops, { p, q }) => ops.div(p, q), { p: 0.3, q: -1.7 }],
  ["pow 3", (ops, { p }) => ops.pow(p, 3), { p: -1.3 }],
  ["pow ½", (ops, { p }) => ops.pow(p, 0.5), { p: 2.2 }],
  ["exp", (ops, { p }) => ops.exp(p), { p: 0.7 }],
  ["log", (ops, { p }) => ops.log(p), { p: 0.7 }],
  ["sqrt", (ops, { p }) => ops.sqrt(p), { p: 0.7 }],
  ["sin", (ops, { p }) => ops.sin(p), { p: 0.7 }],
  ["cos", (ops, { p }) => ops.cos(p), { p: 0.7 }],
  ["sigmoid", (ops, { p }) => ops.sigmoid(p), { p: -0.7 }],
  ["tanh", (ops, { p }) => ops.tanh(p), { p: -0.7 }],
  ["relu", (ops, { p }) => ops.relu(p), { p: 0.7 }],
  [
    "a composite",
    (ops, { p, q }) =>
      ops.div(ops.mul(ops.sigmoid(ops.mul(p, q)), ops.tanh(q)), ops.add(ops.exp(p), 1)),
    {
      p: 0.4,
      q: -1.1,
    },
  ],
];

// Closed forms of the derivatives, written independently of lib/ (∂/∂p, ∂/∂q).
const CLOSED: Record<string, (p: number, q: number) => number[]> = {
  add: () => [1, 1],
  sub: () => [1, -1],
  mul: (p, q) => [q, p],
  div: (p, q) => [1 / q, -p / (q * q)],
  "pow 3": (p) => [3 * p * p],
  "pow ½": (p) => [0.5 / Math.sqrt(p)],
  exp: (p) => [Math.exp(p)],
  log: (p) => [1 / p],
  sqrt: (p) => [0.5 / Math.sqrt(p)],
  sin: (p) => [Math.cos(p)],
  cos: (p) => [-Math.sin(p)],
  sigmoid: (p) => [Math.exp(-p) / (1 + Math.exp(-p)) ** 2],
  tanh: (p) => [1 / Math.cosh(p) ** 2],
  relu: () => [1],
};

describe("every operation: reverse mode = forward mode = finite differences", () => {
  for (const [name, fn, point] of OPERATIONS) {
    it(name, () => {
      const reverse = reverseModeGradient(fn, point);
      const forward = forwardModeGradient(fn, point);
      const numeric = centralDifferenceGradient(fn, point);
      assert.equal(reverse.value, forward.value);
      for (const input of Object.keys(point)) {
        // The two exact modes apply the same local rules in a different order.
        assertClose(reverse.gradient[input], forward.gradient[input], { ulps: 2 });
        // Central differences: error ~ h²|f‴|/6 + ε|f|/h ≈ 1e-10 at these points.
        assertClose(numeric.gradient[input], reverse.gradient[input], { rtol: 1e-8, atol: 1e-9 });
      }
      const closed = CLOSED[name];
      if (closed) {
        const values = Object.values(point);
        closed(values[0], values[1]).forEach((d, k) =>
          assertClose(reverse.gradient[Object.keys(point)[k]], d, { ulps: 4 })
        );
      }
    });
  }
});

describe("Graph: bad input fails loudly, naming the node", () => {
  it("an unknown node name is a RangeError listing the known names", () => {
    const graph = new Graph();
    graph.input("a", 1);
    assert.throws(() => graph.value("zz"), {
      name: "ArgumentRangeError",
      message: /No node named "zz".*a/,
    });
    assert.throws(() => graph.gradient("zz"), {
      name: "ArgumentRangeError",
      message: /No node named "zz"/,
    });
    assert.throws(() => graph.backward("zz"), {
      name: "ArgumentRangeError",
      message: /No node named "zz"/,
    });
  });
  it("division by zero names the node", () => {
    const graph = new Graph();
    const a = graph.input("a", 1);
    assert.throws(() => graph.div(a, graph.sub(a, 1), "q"), {
      name: "ArgumentRangeError",
      message: /Cannot divide at node "q": the divisor is 0/,
    });
  });
  it("ln of a non-positive number names the node", () => {
    const graph = new Graph();
    const x = graph.input("x", 0);
    assert.throws(() => graph.log(x, "b"), {
      name: "ArgumentRangeError",
      message: /Cannot take ln at node "b": its argument is 0, but ln needs a positive number/,
    });
    assert.throws(() => graph.log(-2), {
      name: "ArgumentRangeError",
      message: /an unnamed log node/,
    });
  });
  it("√ of a negative number names the node; √ at 0 has no derivative", () => {
    const graph = new Graph();
    assert.throws(() => graph.sqrt(graph.input("x", -0.5), "c"), {
      name: "ArgumentRangeError",
      message: /Cannot take √ at node "c": its argument is -0.5/,
    });
    const root = graph.sqrt(graph.input("zero", 0), "r");
    assert.equal(root.value, 0);
    assert.throws(() => graph.backward(root), {
      name: "NonFiniteError",
      message: /Cannot differentiate sqrt at node "r": its derivative there is Infinity/,
    });
  });
  it("a non-real power names the node", () => {
    const graph = new Graph();
    assert.throws(() => graph.pow(graph.input("x", -2), 0.5, "p"), {
      name: "ArgumentRangeError",
      message: /node "p": the base -2 is negative and the exponent 0.5 is not an integer/,
    });
    assert.throws(() => graph.pow(0, -1, "p0"), {
      name: "ArgumentRangeError",
      message: /base is 0/,
    });
  });
  it("an overflow is an error, not a silent Infinity", () => {
    const graph = new Graph();
    assert.throws(() => graph.exp(graph.input("x", 1000), "big"), {
      name: "NonFiniteError",
      message: /Node "big" evaluated to Infinity/,
    });
  });
  it("inputs must be finite and names unique; graphs do not mix", () => {
    const graph = new Graph();
    assert.throws(() => graph.input("x", NaN), { name: "NonFiniteError", message: /input "x"/ });
    graph.input("x", 1);
    assert.throws(() => graph.input("x", 2), {
      name: "ArgumentRangeError",
      message: /already exists/,
    });
    const other = new Graph().input("y", 1);
    assert.throws(() => graph.add(graph.node("x"), other), {
      name: "ArgumentRangeError",
      message: /two graphs/,
    });
    assert.throws(() => graph.backward(other), {
      name: "ArgumentRangeError",
      message: /another graph/,
    });
  });
});
