// Document 002's 3-4-4-3 network (W_1, W_2, W_3 from the slides, no biases, sigmoid,
// sigmoid, softmax): forward on a batch of 7 (the slides' x_mat_in) and of 100 000
// seeded rows, by every MLP_FORWARD_VARIANTS kernel (separate is the reference) and the
// peers; backward by every MLP_BACKWARD_VARIANTS kernel.
import { createForwardTrace, forwardSeparate } from "../lib/nn/forward.ts";
import { MLP_BACKWARD_VARIANTS, MLP_FORWARD_VARIANTS } from "../lib/variants.ts";
import { ulpDistance } from "../oracle/ulp.ts";
import { parseFixtures } from "../oracle/fixture.ts";
import forwardJson from "../fixtures/nn/forward.json" with { type: "json" };
import { RandomState } from "../lib/random/random_state.ts";
import { backwardSeparate, createGradients } from "../lib/nn/backward.ts";
import { createNetwork } from "../lib/nn/network.ts";
import { createMatrix, fromRows, type Matrix } from "../lib/linalg/matrix.ts";
import { type Case, check, flat, type Options, randomMatrix, Suite, toArrays } from "./_harness.ts";
import { addTfPeers, FLOAT32_RTOL, math, mathExp, MlMatrix, tf } from "./_peers.ts";

const W1 = [[2, -1, 1, 4], [-1, 2, -3, 1], [3, -2, -1, 5]];
const W2 = [[3, 1, -2, 1], [-2, 4, 1, -4], [-1, -3, 2, -5], [3, 1, 1, 1]];
const W3 = [[-1, 3, -2], [1, -1, -3], [3, -2, 2], [1, 2, 1]];
const X_MAT_IN = [[0.5, 0.8, 0.2], [0.1, 0.9, 0.6], [0.2, 0.2, 0.3], [0.6, 0.1, 0.9], [
  0.5,
  0.5,
  0.4,
], [
  0.9,
  0.1,
  0.9,
], [0.1, 0.8, 0.7]];

function mlSigmoid(m: InstanceType<typeof MlMatrix>) {
  return m.neg().exp().add(1).pow(-1);
}

function mlSoftmax(m: InstanceType<typeof MlMatrix>) {
  const maxima = Array.from({ length: m.rows }, (_, i) => m.maxRow(i));
  const e = m.subColumnVector(maxima).exp();
  return e.divColumnVector(e.sum("row"));
}

function mathSigmoid(m: unknown) {
  return math.dotDivide(1, math.add(1, mathExp(math.unaryMinus(m))));
}

function mathSoftmax(m: { toArray(): unknown }) {
  return (m.toArray() as number[][]).map((r) => {
    const e = mathExp(math.subtract(r, math.max(r))) as number[];
    return math.divide(e, math.sum(e));
  });
}

/** S2's batch of 7 and its correctly rounded outputs (fixtures/nn/forward.json, mpmath). */
const batchFixture = parseFixtures(forwardJson, "forward").find((f) =>
  f.id === "s002.forward.batch"
)!;

export function registerMlp(suite: Suite, options: Options): void {
  const network = createNetwork([
    { weights: W1, activation: "sigmoid" },
    { weights: W2, activation: "sigmoid" },
    { weights: W3, activation: "softmax" },
  ]);
  /** Largest distance in doubles of a kernel's y_out from the fixture's, on its batch of 7. */
  const forwardError = (
    kernel: (typeof MLP_FORWARD_VARIANTS)[keyof typeof MLP_FORWARD_VARIANTS],
  ) => {
    const trace = createForwardTrace(network, 7);
    trace.activations[0].data.set(fromRows(batchFixture.input.x_mat_in as number[][]).data);
    const y = kernel(network, trace).activations[3].data;
    const expected = (batchFixture.expected.y_out as number[][]).flat();
    return Math.max(...expected.map((e, i) => ulpDistance(y[i], e)));
  };
  const large = options.smoke ? 100 : 100_000;
  const batches: [number, Matrix][] = [[7, fromRows(X_MAT_IN)], [large, randomMatrix(large, 3, 9)]];
  for (const [rows, inputs] of batches) {
    const concept = `mlp 3-4-4-3 forward batch=${rows}`;
    const base = { family: "mlp", concept, flops: rows * 2 * (12 + 16 + 12) } as const;
    const referenceTrace = createForwardTrace(network, rows);
    referenceTrace.activations[0].data.set(inputs.data);
    const reference = forwardSeparate(network, referenceTrace).activations[3].data;
    for (const [name, kernel] of Object.entries(MLP_FORWARD_VARIANTS)) {
      const entry: Case = {
        ...base,
        name,
        kind: "variant",
        baseline: kernel === forwardSeparate,
        setup: () => {
          const trace = createForwardTrace(network, rows);
          trace.activations[0].data.set(inputs.data);
          check(
            `forward/${name}`,
            kernel(network, trace).activations[3].data,
            reference,
            1e-13,
            1e-300,
          );
          entry.accuracy = { maxUlps: forwardError(kernel) };
          return () => kernel(network, trace);
        },
      };
      suite.add(entry);
    }
    const mlX = new MlMatrix(toArrays(inputs));
    const mlW = [W1, W2, W3].map((w) => new MlMatrix(w));
    suite.add({
      ...base,
      name: "ml-matrix",
      kind: "peer",
      note: "mmul + composed σ and softmax",
      setup: () => {
        const run = () =>
          mlSoftmax(mlSigmoid(mlSigmoid(mlX.mmul(mlW[0])).mmul(mlW[1])).mmul(mlW[2]));
        check("ml-matrix forward", flat(run().to2DArray()), reference, 1e-13, 1e-300);
        return run;
      },
    });
    if (rows <= 10_000) {
      const mjX = math.matrix(toArrays(inputs));
      const mjW = [W1, W2, W3].map((w) => math.matrix(w));
      suite.add({
        ...base,
        name: "mathjs",
        kind: "peer",
        note: "multiply + composed σ and softmax",
        setup: () => {
          const run = () =>
            mathSoftmax(
              math.multiply(
                mathSigmoid(math.multiply(mathSigmoid(math.multiply(mjX, mjW[0])), mjW[1])),
                mjW[2],
              ),
            );
          check("mathjs forward", flat(run()), reference, 1e-13, 1e-300);
          return run;
        },
      });
    } else {
      suite.note(`mathjs skipped for ${concept}: over 5 s per call, mitata needs 12 samples`);
    }
    addTfPeers(suite, base, {
      what: "forward",
      prepare: () => {
        const x = tf.tensor2d(Float32Array.from(inputs.data), [rows, 3]);
        const w = [W1, W2, W3].map((m) => tf.tensor2d(m));
        return () =>
          tf.tidy(() =>
            tf.softmax(
              tf.matMul(tf.sigmoid(tf.matMul(tf.sigmoid(tf.matMul(x, w[0])), w[1])), w[2]),
            )
          );
      },
      reference,
      rtol: FLOAT32_RTOL,
      atol: 1e-6,
    });
  }

  // S2's diamond classifier (3 inputs with the bias column, 4 σ units, 1 σ output), with
  // seeded weights: the other small network of the documents.
  {
    const rng = new RandomState(3);
    const diamond = createNetwork([
      {
        weights: createMatrix(3, 4, Array.from({ length: 12 }, () => rng.uniform(-1, 1))),
        activation: "sigmoid",
      },
      {
        weights: createMatrix(4, 1, Array.from({ length: 4 }, () => rng.uniform(-1, 1))),
        activation: "sigmoid",
      },
    ]);
    const inputs = randomMatrix(large, 3, 13);
    for (let i = 0; i < large; i++) inputs.data[3 * i + 2] = 1;
    const concept = `mlp diamond 3-4-1 forward batch=${large}`;
    const referenceTrace = createForwardTrace(diamond, large);
    referenceTrace.activations[0].data.set(inputs.data);
    const reference = forwardSeparate(diamond, referenceTrace).activations[2].data;
    for (const [name, kernel] of Object.entries(MLP_FORWARD_VARIANTS)) {
      suite.add({
        family: "mlp",
        concept,
        name,
        kind: "variant",
        baseline: kernel === forwardSeparate,
        flops: large * 2 * (12 + 4),
        setup: () => {
          const trace = createForwardTrace(diamond, large);
          trace.activations[0].data.set(inputs.data);
          check(
            `diamond/${name}`,
            kernel(diamond, trace).activations[2].data,
            reference,
            1e-14,
            1e-300,
          );
          return () => kernel(diamond, trace);
        },
      });
    }
  }

  // Backward: Δᴸ = A³ − Y for one-hot labels Y, then every δ and gradient.
  const rows = large;
  const inputs = batches[1][1];
  const trace = createForwardTrace(network, rows);
  trace.activations[0].data.set(inputs.data);
  forwardSeparate(network, trace);
  const outputDelta = createMatrix(rows, 3);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < 3; j++) {
      outputDelta.data[i * 3 + j] = trace.activations[3].data[i * 3 + j] - (i % 3 === j ? 1 : 0);
    }
  }
  const referenceGradients = createGradients(network, rows);
  referenceGradients.deltas[2].data.set(outputDelta.data);
  backwardSeparate(network, trace, referenceGradients);
  const concept = `mlp 3-4-4-3 backward batch=${rows}`;
  for (const [name, kernel] of Object.entries(MLP_BACKWARD_VARIANTS)) {
    suite.add({
      family: "mlp",
      concept,
      name,
      kind: "variant",
      baseline: kernel === backwardSeparate,
      setup: () => {
        const gradients = createGradients(network, rows);
        gradients.deltas[2].data.set(outputDelta.data);
        kernel(network, trace, gradients);
        for (let l = 0; l < 3; l++) {
          check(
            `backward/${name} ∂C/∂W${l + 1}`,
            gradients.weights[l].data,
            referenceGradients.weights[l].data,
            1e-12,
            1e-12,
          );
        }
        return () => kernel(network, trace, gradients);
      },
    });
  }
}
