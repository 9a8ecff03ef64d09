// Elementwise kernels on 10⁶ values: σ by every SIGMOID_VARIANTS kernel (stable is the
// reference), tanh and e^x by theirs, σ′ from outputs by every
// SIGMOID_DERIVATIVE_FROM_OUTPUT_VARIANTS kernel, the two-core variants when the run has
// them, and the peers composed from their elementwise operations where they have no σ.
// Each variant's error column is its largest distance, in doubles, from mpmath's
// correctly rounded value at the committed fixture points inside the benchmark's range.
import {
  type ElementwiseKernel,
  EXP_VARIANTS,
  SIGMOID_DERIVATIVE_FROM_OUTPUT_VARIANTS,
  SIGMOID_VARIANTS,
  TANH_VARIANTS,
} from "../lib/variants.ts";
import { sigmoidArray, sigmoidDerivativeFromOutputArray } from "../lib/activation/sigmoid.ts";
import { tanhArray } from "../lib/activation/tanh.ts";
import { ulpDistance } from "../oracle/ulp.ts";
import { parseFixtures } from "../oracle/fixture.ts";
import expJson from "../fixtures/wasm/exp.json" with { type: "json" };
import vecmathJson from "../fixtures/wasm/vecmath.json" with { type: "json" };
import { type Case, check, flat, type Options, randomVector, Suite } from "./_harness.ts";
import { addTfPeers, FLOAT32_RTOL, math, mathExp, MlMatrix, tf } from "./_peers.ts";

const LOW = -8, HIGH = 8;

/** Points and correctly rounded values of a fixture, restricted to [LOW, HIGH]. */
function oraclePoints(json: unknown, id: string, input: string, field: string) {
  const fixture = parseFixtures(json, id).find((f) => f.id === id)!;
  const x = (fixture.input[input] as (number | string)[]).map(Number);
  const y = fixture.expected[field] as number[];
  const keep = x.map((v, i) => [v, y[i]] as const).filter(([v, e]) =>
    v >= LOW && v <= HIGH && Number.isFinite(e)
  );
  return { x: Float64Array.from(keep, ([v]) => v), expected: keep.map(([, e]) => e) };
}

function maxUlps(kernel: ElementwiseKernel, points: ReturnType<typeof oraclePoints>): number {
  const y = kernel(points.x);
  let worst = 0;
  for (let i = 0; i < y.length; i++) worst = Math.max(worst, ulpDistance(y[i], points.expected[i]));
  return worst;
}

/** Registers one elementwise concept: every variant, the two-core one, checked and with error. */
function registerElementwise(
  suite: Suite,
  concept: string,
  z: Float64Array,
  variants: Record<string, ElementwiseKernel>,
  reference: ElementwiseKernel,
  rtol: number,
  points: ReturnType<typeof oraclePoints> | null,
  twoCore?: ElementwiseKernel,
): void {
  const expected = reference(z);
  const all: [string, ElementwiseKernel, number?][] = Object.entries(variants).map((
    [n, k],
  ) => [n, k]);
  if (twoCore) all.push(["twoCore", twoCore, 2]);
  for (const [name, kernel, threads] of all) {
    const entry: Case = {
      family: "activation",
      concept,
      name,
      kind: "variant",
      baseline: kernel === reference,
      ...(threads ? { threads } : {}),
      setup: () => {
        const out = new Float64Array(z.length);
        check(`${concept}/${name}`, kernel(z, out), expected, rtol, 1e-16);
        if (points) entry.accuracy = { maxUlps: maxUlps(kernel, points) };
        return () => kernel(z, out);
      },
    };
    suite.add(entry);
  }
}

export function registerActivation(suite: Suite, options: Options): void {
  const n = options.smoke ? 1000 : 1_000_000;
  const z = randomVector(n, 7, LOW, HIGH);
  const cores = options.twoCore;

  const sigmoidConcept = `sigmoid n=${n}`;
  const sigmoidReference = sigmoidArray(z);
  // The variants round differently (e^x/(1+e^x), 1/(1+e^−x), ½ + ½tanh(x/2), f64x2 e^x).
  registerElementwise(
    suite,
    sigmoidConcept,
    z,
    SIGMOID_VARIANTS,
    sigmoidArray,
    1e-14,
    oraclePoints(vecmathJson, "wasm.sigmoid.points", "z", "sigmoid"),
    cores?.sigmoid,
  );
  registerElementwise(
    suite,
    `tanh n=${n}`,
    z,
    TANH_VARIANTS,
    tanhArray,
    1e-14,
    oraclePoints(vecmathJson, "wasm.tanh.points", "z", "tanh"),
    cores?.tanh,
  );
  registerElementwise(
    suite,
    `exp n=${n}`,
    z,
    EXP_VARIANTS,
    EXP_VARIANTS.math,
    1e-15,
    oraclePoints(expJson, "wasm.exp.points", "x", "exp"),
    cores?.exp,
  );
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
