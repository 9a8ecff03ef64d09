/**
 * S0 — `000_96bf12324396e51d.txt`, a book chapter on gradient descent and
 * backpropagation. Sections covered, in the document's order:
 *
 * - §4.2 the 20-point gradient-descent program: the three stopping variants, the
 *   closed-form optimum they approach, and the gradient (1/m)Xᵀ(Xθ − y);
 * - §4.3.2 the chain rule on e = (a + b)(b + 1);
 * - §4.3.3 the backpropagation formulas on the chapter's network.
 *
 * Each subject reads a fixture's `input` and computes its `expected` fields with lib/.
 *
 * @module
 */

import type { Fixture } from "../oracle/fixture.ts";
import type { Subject } from "../oracle/subject.ts";
import { createMatrix, fromRows, type Matrix } from "../lib/linalg/matrix.ts";
import { leastSquaresGradient } from "../lib/optim/least_squares.ts";
import { leastSquaresGradientDescent } from "../lib/optim/gradient_descent.ts";
import { reverseModeGradient } from "../lib/autodiff/graph.ts";
import { LOSSES } from "../lib/loss/loss.ts";
import {
  createNetwork,
  flattenParameters,
  type Network,
  withParameters,
} from "../lib/nn/network.ts";
import { forwardBatch } from "../lib/nn/forward.ts";
import { backward, flattenGradients } from "../lib/nn/backward.ts";
import { PRODUCT_OF_SUMS } from "./graphs.ts";
import {
  descentOptions,
  type Input,
  numbers,
  partial,
  pointOf,
  type Rows,
  rows,
  vector,
} from "./_shared.ts";

// §4.2 — the gradient-descent program.

/** S0's design: a column of ones and x. */
function s0Design(input: Input): Matrix {
  return fromRows(numbers(input.x).map((v) => [1, v]));
}

/** S0's design and targets, and the program's gradient descent on them. */
function s000Run(input: Input) {
  const x = s0Design(input), y = numbers(input.y);
  return { x, y, result: leastSquaresGradientDescent(x, y, descentOptions(input)) };
}

/** S0: the program's gradient descent with its stopping rule. */
const s000Runs: Subject = {
  ids: ["s000.gd20.tol1e-6", "s000.gd20.tol1e-4", "s000.gd20.fixed17"],
  fields: ["iterations", "theta", "J", "gradient"],
  compute(fixture: Fixture) {
    const { x, y, result } = s000Run(fixture.input);
    return {
      status: result.status,
      iterations: result.iterations,
      theta: Array.from(result.weights),
      J: result.loss,
      gradient: Array.from(leastSquaresGradient(x, y, result.weights)),
    };
  },
};

/** S0: the optimum GD converges to, reached by running GD to a tight gradient tolerance. */
const s000ClosedForm: Subject = {
  ids: ["s000.gd20.closed_form"],
  fields: ["thetaStar", "JStar"],
  compute(fixture: Fixture) {
    const { result } = s000Run(fixture.input);
    return { status: result.status, thetaStar: Array.from(result.weights), JStar: result.loss };
  },
};

/** S0: the gradient (1/m)Xᵀ(Xθ − y). */
const s000Gradient: Subject = {
  ids: ["s000.grad"],
  fields: ["gradient", "componentwise"],
  compute(fixture: Fixture) {
    const input = fixture.input;
    const x = s0Design(input), y = numbers(input.y);
    const gradient = Array.from(leastSquaresGradient(x, y, numbers(input.theta)));
    return { gradient, componentwise: gradient };
  },
};

// §4.3.2 — the chain rule.

/** e = (a + b)(b + 1): every node, both paths to b, and the text's "sum of partials". */
const chainE: Subject = {
  ids: ["s000.chain_e"],
  compute(fixture) {
    const { graph, gradient } = reverseModeGradient(
      PRODUCT_OF_SUMS.fn,
      pointOf(fixture, PRODUCT_OF_SUMS),
    );
    const values = graph.values();
    const nodes = graph.gradients();
    const dcDa = partial(graph, "c", "a"), dcDb = partial(graph, "c", "b");
    const ddDb = partial(graph, "d", "b");
    return {
      ...values,
      de_de: nodes.e,
      de_dc: nodes.c,
      de_dd: nodes.d,
      dc_da: dcDa,
      dc_db: dcDb,
      dd_db: ddDb,
      de_da: gradient.a,
      de_db: gradient.b,
      de_db_path_c: nodes.c * dcDb,
      de_db_path_d: nodes.d * ddDb,
      gradient: [gradient.a, gradient.b],
      sum_of_partials: gradient.a + gradient.b,
    };
  },
};

// §4.3.3 — backpropagation.

/** 000's network: sigmoid hidden units, linear outputs, no biases; L = ½Σ(Y − T)². */
function network000(input: Record<string, unknown>): Network {
  return createNetwork([
    { weights: input.W_in as Rows, activation: "sigmoid" },
    { weights: input.W_hk as Rows, activation: "identity" },
  ]);
}

function loss000(net: Network, x: Matrix, target: number[]): number {
  const trace = forwardBatch(net, x);
  return LOSSES.squaredError.value(trace.activations[2].data, target);
}

const bp000: Subject = {
  ids: ["s000.bp"],
  fields: [
    "Y",
    "deltaOutput",
    "deltaHidden",
    "gradOutputWeights",
    "gradHiddenWeights",
    "lossBefore",
    "lossAfterDescentStep",
    "lossAfterDocumentStep",
  ],
  compute(fixture: Fixture) {
    const input = fixture.input;
    const net = network000(input);
    const x = fromRows([input.X as number[]]);
    const target = input.T as number[];
    const trace = forwardBatch(net, x);
    const output = trace.activations[2];
    const g = backward(
      net,
      trace,
      createMatrix(1, 2, LOSSES.squaredError.gradient(output.data, target)),
    );
    const rate = input.learningRate as number;
    const theta = flattenParameters(net), gradient = flattenGradients(g);
    const step = (sign: number) =>
      loss000(withParameters(net, theta.map((t, i) => t + sign * rate * gradient[i])), x, target);
    return {
      Y: vector(output),
      deltaOutput: vector(g.deltas[1]),
      deltaHidden: vector(g.deltas[0]),
      gradOutputWeights: rows(g.weights[1]),
      gradHiddenWeights: rows(g.weights[0]),
      lossBefore: loss000(net, x, target),
      lossAfterDescentStep: step(-1),
      lossAfterDocumentStep: step(+1),
    };
  },
};

/** Every subject of S0, in the document's section order.
 * @category Worked results */
export const SUBJECTS: readonly Subject[] = [s000Runs, s000ClosedForm, s000Gradient, chainE, bp000];
