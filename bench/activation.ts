// Elementwise activations on 10⁶ values: σ by every SIGMOID_VARIANTS kernel (stable is
// the reference), σ′ from outputs by every SIGMOID_DERIVATIVE_FROM_OUTPUT_VARIANTS
// kernel, and the peers composed from their elementwise operations where they have no σ.
import {
  SIGMOID_DERIVATIVE_FROM_OUTPUT_VARIANTS,
  SIGMOID_VARIANTS,
  sigmoidArray,
  sigmoidDerivativeFromOutputArray,
} from "../lib/activation/sigmoid.ts";
import { check, flat, type Options, randomVector, Suite } from "./_harness.ts";
import {
  FLOAT32_RTOL,
  hasTfBackend,
  math,
  mathExp,
  MlMatrix,
  tf,
  type TfBackend,
  useTfBackend,
} from "./_peers.ts";

export function registerActivation(suite: Suite, options: Options): void {
  const n = options.smoke ? 1000 : 1_000_000;
  const z = randomVector(n, 7, -8, 8);

  const sigmoidConcept = `sigmoid n=${n}`;
  const sigmoidReference = sigmoidArray(z);
  for (const [name, kernel] of Object.entries(SIGMOID_VARIANTS)) {
    suite.add({
      family: "activation",
      concept: sigmoidConcept,
      name,
      kind: "variant",
      baseline: kernel === sigmoidArray,
      setup: () => {
        const out = new Float64Array(n);
        // The variants round differently (e^x/(1+e^x), 1/(1+e^−x), ½ + ½tanh(x/2)).
        check(`sigmoid/${name}`, kernel(z, out), sigmoidReference, 1e-14, 1e-16);
        return () => kernel(z, out);
      },
    });
  }
  const mlZ = MlMatrix.rowVector(z);
  suite.add({
    family: "activation",
    concept: sigmoidConcept,
    name: "ml-matrix",
    kind: "peer",
    note: "composed: neg, exp, add 1, pow −1",
    setup: () => {
      const sigma = () => mlZ.clone().neg().exp().add(1).pow(-1);
      check("ml-matrix σ", sigma().getRow(0), sigmoidReference, 1e-14, 1e-16);
      return sigma;
    },
  });
  const mjZ = Array.from(z);
  suite.add({
    family: "activation",
    concept: sigmoidConcept,
    name: "mathjs",
    kind: "peer",
    note: "composed: dotDivide(1, add(1, exp(unaryMinus z)))",
    setup: () => {
      const sigma = () => math.dotDivide(1, math.add(1, mathExp(math.unaryMinus(mjZ))));
      check("mathjs σ", flat(sigma()), sigmoidReference, 1e-14, 1e-16);
      return sigma;
    },
  });
  for (const backend of ["cpu", "wasm"] as TfBackend[]) {
    if (!hasTfBackend(backend)) continue;
    suite.add({
      family: "activation",
      concept: sigmoidConcept,
      name: `tfjs-${backend}`,
      kind: "peer",
      note: "float32",
      setup: async () => {
        await useTfBackend(backend);
        const t = tf.tensor1d(Float32Array.from(z));
        const s = tf.sigmoid(t);
        check(`tfjs-${backend} sigmoid`, s.dataSync(), sigmoidReference, FLOAT32_RTOL, 1e-6);
        s.dispose();
        return () => tf.sigmoid(t).dispose();
      },
    });
  }

  const derivativeConcept = `sigmoid' from output n=${n}`;
  const a = sigmoidReference;
  const derivativeReference = sigmoidDerivativeFromOutputArray(a);
  for (const [name, kernel] of Object.entries(SIGMOID_DERIVATIVE_FROM_OUTPUT_VARIANTS)) {
    suite.add({
      family: "activation",
      concept: derivativeConcept,
      name,
      kind: "variant",
      baseline: kernel === sigmoidDerivativeFromOutputArray,
      setup: () => {
        const out = new Float64Array(n);
        check(`σ′/${name}`, kernel(a, out), derivativeReference, 1e-15, 1e-16);
        return () => kernel(a, out);
      },
    });
  }
  const mlA = MlMatrix.rowVector(a);
  suite.add({
    family: "activation",
    concept: derivativeConcept,
    name: "ml-matrix",
    kind: "peer",
    note: "composed: a ⊙ (1 − a)",
    setup: () => {
      const derivative = () => mlA.clone().neg().add(1).mul(mlA);
      check("ml-matrix σ′", derivative().getRow(0), derivativeReference, 1e-15, 1e-16);
      return derivative;
    },
  });
  const mjA = Array.from(a);
  suite.add({
    family: "activation",
    concept: derivativeConcept,
    name: "mathjs",
    kind: "peer",
    note: "composed: dotMultiply(a, subtract(1, a))",
    setup: () => {
      const derivative = () => math.dotMultiply(mjA, math.subtract(1, mjA));
      check("mathjs σ′", flat(derivative()), derivativeReference, 1e-15, 1e-16);
      return derivative;
    },
  });
  for (const backend of ["cpu", "wasm"] as TfBackend[]) {
    if (!hasTfBackend(backend)) continue;
    suite.add({
      family: "activation",
      concept: derivativeConcept,
      name: `tfjs-${backend}`,
      kind: "peer",
      note: "float32",
      setup: async () => {
        await useTfBackend(backend);
        const t = tf.tensor1d(Float32Array.from(a));
        const f = () => tf.tidy(() => tf.mul(t, tf.sub(1, t)));
        const d = f();
        check(`tfjs-${backend} σ′`, d.dataSync(), derivativeReference, FLOAT32_RTOL, 1e-6);
        d.dispose();
        return () => f().dispose();
      },
    });
  }
}
