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
import { addTfPeers, FLOAT32_RTOL, math, mathExp, MlMatrix, tf } from "./_peers.ts";

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
  addTfPeers(suite, { family: "activation", concept: sigmoidConcept }, {
    what: "sigmoid",
    prepare: () => {
      const t = tf.tensor1d(Float32Array.from(z));
      return () => tf.sigmoid(t);
    },
    reference: sigmoidReference,
    rtol: FLOAT32_RTOL,
    atol: 1e-6,
  });

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
  addTfPeers(suite, { family: "activation", concept: derivativeConcept }, {
    what: "σ′",
    prepare: () => {
      const t = tf.tensor1d(Float32Array.from(a));
      return () => tf.tidy(() => tf.mul(t, tf.sub(1, t)));
    },
    reference: derivativeReference,
    rtol: FLOAT32_RTOL,
    atol: 1e-6,
  });
}
