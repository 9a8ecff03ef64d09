// One batch gradient-descent step W ← W − η(1/m)Xᵀ(XW − y) on m = 10⁵ samples, d = 3:
// every GD_STEP_VARIANTS kernel (twoPass is the reference) and the peers composed from
// matrix products.
import { GD_STEP_VARIANTS, gdStepTwoPass } from "../lib/optim/gd_step.ts";
import { leastSquaresProblem } from "../lib/optim/least_squares.ts";
import { createMatrix } from "../lib/linalg/matrix.ts";
import { RandomState } from "../lib/random/random_state.ts";
import { check, flat, type Options, Suite, toArrays } from "./_harness.ts";
import { addTfPeers, FLOAT32_RTOL, math, MlMatrix, tf } from "./_peers.ts";

export function registerGd(suite: Suite, options: Options): void {
  const m = options.smoke ? 1000 : 100_000, d = 3, learningRate = 1e-3;
  const rng = new RandomState(10);
  const x = createMatrix(m, d), y = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    // the S2 regression: y = 1.5 + 2x₁ + 5x₂ + noise, with a column of ones for b
    const x1 = rng.uniform(0, 1), x2 = rng.uniform(0, 1);
    x.data.set([1, x1, x2], i * d);
    y[i] = 1.5 + 2 * x1 + 5 * x2 + rng.normal(0, 0.1);
  }
  const problem = leastSquaresProblem(x, y);
  const weights = new Float64Array([3, 3, 3]);
  const referenceNext = new Float64Array(d), referenceGradient = new Float64Array(d);
  gdStepTwoPass(problem, weights, learningRate, referenceNext, referenceGradient);
  const concept = `gd step m=${m} d=${d}`;
  const base = { family: "gd", concept } as const;
  for (const [name, kernel] of Object.entries(GD_STEP_VARIANTS)) {
    suite.add({
      ...base,
      name,
      kind: "variant",
      baseline: kernel === gdStepTwoPass,
      setup: () => {
        const next = new Float64Array(d), gradient = new Float64Array(d);
        kernel(problem, weights, learningRate, next, gradient);
        // gram sums XᵀX once, in another order: agreement to ~1e-13 relative.
        check(`gd/${name} gradient`, gradient, referenceGradient, 1e-11, 1e-12);
        check(`gd/${name} next`, next, referenceNext, 1e-14, 1e-14);
        return () => kernel(problem, weights, learningRate, next, gradient);
      },
    });
  }
  const step = learningRate / m;
  const mlX = new MlMatrix(toArrays(x)), mlY = MlMatrix.columnVector(Array.from(y));
  const mlW = MlMatrix.columnVector(Array.from(weights));
  suite.add({
    ...base,
    name: "ml-matrix",
    kind: "peer",
    note: "W − (η/m)·Xᵀ(XW − y) with transpose()",
    setup: () => {
      const run = () => MlMatrix.sub(mlW, mlX.transpose().mmul(mlX.mmul(mlW).sub(mlY)).mul(step));
      check("ml-matrix step", run().getColumn(0), referenceNext, 1e-13, 1e-13);
      return run;
    },
  });
  const mjX = math.matrix(toArrays(x)), mjY = math.matrix(Array.from(y));
  const mjW = math.matrix(Array.from(weights));
  suite.add({
    ...base,
    name: "mathjs",
    kind: "peer",
    note: "W − (η/m)·Xᵀ(XW − y)",
    setup: () => {
      const run = () =>
        math.subtract(
          mjW,
          math.multiply(
            math.multiply(math.transpose(mjX), math.subtract(math.multiply(mjX, mjW), mjY)),
            step,
          ),
        );
      check("mathjs step", flat(run().toArray()), referenceNext, 1e-13, 1e-13);
      return run;
    },
  });
  addTfPeers(suite, base, {
    what: "step",
    note: "float32; matMul with transposeA",
    prepare: () => {
      const tx = tf.tensor2d(Float32Array.from(x.data), [m, d]);
      const ty = tf.tensor2d(Float32Array.from(y), [m, 1]);
      const tw = tf.tensor2d(Float32Array.from(weights), [d, 1]);
      return () =>
        tf.tidy(() =>
          tf.sub(tw, tf.mul(tf.matMul(tx, tf.sub(tf.matMul(tx, tw), ty), true, false), step))
        );
    },
    reference: referenceNext,
    rtol: FLOAT32_RTOL,
    atol: 1e-5,
  });
}
