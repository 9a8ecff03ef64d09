// Issue 12, numeric defect 5: no cancellation in 1 − σ(s), σ(1 − σ) or 1 − tanh². The
// logistic likelihood takes 1 − σ(s) as σ(−s), and the σ and tanh nodes of the graph and
// of dual numbers take their local derivatives from lib/activation's sigmoidDerivative and
// tanhDerivative. Expected values: mpmath at 60 digits (spec/_gen/reliability_values.py).
// On main: 9.348077867343818e-14 (1e-3 relative), and 0 for both derivatives.
import { describe, it } from "node:test";
import { assertClose } from "../../../oracle/assert_close.ts";
import { logisticLikelihood } from "../../../lib/classify/logistic_regression.ts";
import { fromRows } from "../../../lib/linalg/matrix.ts";
import { Graph } from "../../../lib/autodiff/graph.ts";
import { DUAL_ARITHMETIC } from "../../../lib/autodiff/dual.ts";

const ONE_MINUS_SIGMOID_30 = 9.357622968839299e-14;
const TANH_PRIME_20 = 1.6993417021166355e-17;
const SIGMOID_PRIME_40 = 4.248354255291589e-18;

describe("defect 5: accurate logistic likelihood and σ′, tanh′ nodes", () => {
  it("logisticLikelihood([1], [[30]], [0]) = 1 − σ(30) within 1 ulp (measured 1 on Deno and Bun)", () => {
    assertClose(logisticLikelihood([1], fromRows([[30]]), [0]), ONE_MINUS_SIGMOID_30, { ulps: 1 });
  });
  it("graph: tanh′(20) = 1.6993417021166355e-17 (was 0) and σ′(40), exactly", () => {
    const graph = new Graph();
    const x = graph.input("x", 20), y = graph.input("y", 40);
    graph.backward(graph.add(graph.tanh(x, "t"), graph.sigmoid(y, "s")));
    assertClose(x.gradient, TANH_PRIME_20, {});
    assertClose(y.gradient, SIGMOID_PRIME_40, {});
  });
  it("dual numbers: the same two derivatives, exactly", () => {
    assertClose(DUAL_ARITHMETIC.tanh({ value: 20, derivative: 1 }).derivative, TANH_PRIME_20, {});
    assertClose(
      DUAL_ARITHMETIC.sigmoid({ value: 40, derivative: 1 }).derivative,
      SIGMOID_PRIME_40,
      {},
    );
  });
});
