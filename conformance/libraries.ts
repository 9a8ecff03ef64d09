// The third-party implementations the ecosystem table checks, each as a function of the
// concept's canonical signature (see oracle/conformance/), plus nnref's own lib/. Every
// entry says which fixtures it applies to: a simple-linear-regression routine has nothing
// to say about a three-column design. Imports resolve in conformance/node_modules (its own
// install: `cd conformance && npm ci`).
//
// One file on purpose (over 400 lines): a catalogue of library × concept entries that the
// table lists in this order, sharing the peers' imports and the adapters at the top.
import * as tf from "@tensorflow/tfjs-core";
// tfjs-core alone registers neither gradients nor the chained tensor methods (the union
// package @tensorflow/tfjs does both): a user of tfjs-core imports them like this.
import "@tensorflow/tfjs-core/dist/register_all_gradients";
import "@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops";
import "@tensorflow/tfjs-backend-cpu";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import brain from "brain.js";
import * as math from "mathjs";
import { Matrix, QrDecomposition, SingularValueDecomposition, solve } from "ml-matrix";
import MLR from "ml-regression-multivariate-linear";
import { PolynomialRegression } from "ml-regression";
import regression from "regression";
import * as ss from "simple-statistics";
import type { Precision, ScalarGraph } from "../oracle/conformance/mod.ts";
import { sigmoid, sigmoidDerivative } from "../lib/activation/sigmoid.ts";
import { tanhDerivative } from "../lib/activation/tanh.ts";
import { logSumExp, softmax } from "../lib/activation/softmax.ts";
import { softmaxCrossEntropy } from "../lib/loss/cross_entropy.ts";
import { binaryCrossEntropy } from "../lib/loss/binary_cross_entropy.ts";
import { leastSquares } from "../lib/linalg/lstsq.ts";
import { fromRows } from "../lib/linalg/matrix.ts";
import { ridgeRegression } from "../lib/regression/ridge.ts";

/** One implementation of one concept, from one library. */
export interface Entry {
  readonly library: string;
  readonly concept: string;
  readonly call: string;
  readonly precision: Precision;
  readonly impl: unknown;
  /** Which fixtures it applies to (by the raw fixture); default: every fixture of the concept. */
  readonly applies?: (
    fixture: { id: string; input: Record<string, unknown> },
  ) => boolean;
  readonly note?: string;
}

const polynomialWithIntercept = (
  f: { id: string; input: Record<string, unknown> },
) =>
  f.id.startsWith("s001.poly.") ||
  (f.input.model === "polynomial" && f.input.intercept === true);
const simpleLinear = (f: { id: string; input: Record<string, unknown> }) =>
  polynomialWithIntercept(f) && (f.input.degree === 1);

// ------------------------------------------------------------------------------------------
// tfjs-core (float32)

export async function loadTf(): Promise<string[]> {
  tf.env().set("IS_TEST", true);
  await tf.setBackend("cpu");
  const backends = ["cpu"];
  try {
    tf.env().set("WASM_HAS_MULTITHREAD_SUPPORT", false);
    const dist = new URL(
      "./node_modules/@tensorflow/tfjs-backend-wasm/dist/",
      import.meta.url,
    );
    setWasmPaths(decodeURIComponent(dist.pathname));
    if (await tf.setBackend("wasm")) backends.push("wasm");
  } catch {
    // reported by the caller: wasm missing from `backends`
  }
  await tf.setBackend("cpu");
  return backends;
}

const t1 = (v: number[]) => tf.tensor1d(v, "float32");
const t2 = (v: number[][]) => tf.tensor2d(v, undefined, "float32");
const num = (t: tf.Tensor) => Array.from(t.dataSync());
const scalarFn = (f: (x: tf.Tensor) => tf.Tensor) => (z: number) =>
  tf.tidy(() => num(f(tf.scalar(z)))[0]);
const ACT: Record<string, (z: tf.Tensor) => tf.Tensor> = {
  sigmoid: tf.sigmoid,
  tanh: tf.tanh,
  relu: tf.relu,
  identity: (z) => z,
  softmax: (z) => tf.softmax(z),
};
interface L {
  W: number[][];
  b: number[];
  activation: string;
}
const tfForward = (layers: L[], X: number[][], params?: tf.Tensor[]) => {
  let a: tf.Tensor = t2(X);
  layers.forEach((l, i) => {
    const W = params ? params[2 * i] : t2(l.W),
      b = params ? params[2 * i + 1] : t1(l.b);
    a = ACT[l.activation](
      tf.add(tf.matMul(a as tf.Tensor2D, W as tf.Tensor2D), b),
    );
  });
  return a;
};
const GRAPH_OPS: Record<string, (...a: tf.Tensor[]) => tf.Tensor> = {
  add: tf.add,
  sub: tf.sub,
  mul: tf.mul,
  div: tf.div,
  pow: tf.pow,
  neg: tf.neg,
  exp: tf.exp,
  log: tf.log,
  sin: tf.sin,
  cos: tf.cos,
  tanh: tf.tanh,
  sigmoid: tf.sigmoid,
  square: tf.square,
  sqrt: tf.sqrt,
};

function tfEntries(backend: string): Entry[] {
  const lib = `tfjs-core ${tf.version_core} ${backend}`;
  const at = <T>(f: T): T =>
    ((...args: unknown[]) => {
      tf.setBackend(backend);
      return (f as (...a: unknown[]) => unknown)(...args);
    }) as T;
  const e = (
    concept: string,
    call: string,
    impl: unknown,
    note?: string,
  ): Entry => ({
    library: lib,
    concept,
    call,
    precision: "float32",
    impl: at(impl),
    note,
  });
  return [
    e("sigmoid", "tf.sigmoid", scalarFn(tf.sigmoid)),
    e(
      "sigmoid-derivative",
      "tf.grad(tf.sigmoid)",
      scalarFn(tf.grad((x) => tf.sigmoid(x))),
    ),
    e("tanh", "tf.tanh", scalarFn(tf.tanh)),
    e(
      "tanh-derivative",
      "tf.grad(tf.tanh)",
      scalarFn(tf.grad((x) => tf.tanh(x))),
    ),
    e("relu", "tf.relu", scalarFn(tf.relu)),
    e(
      "relu-derivative",
      "tf.grad(tf.relu)",
      scalarFn(tf.grad((x) => tf.relu(x))),
    ),
    e(
      "softmax",
      "tf.softmax",
      (z: number[]) => tf.tidy(() => num(tf.softmax(t1(z)))),
    ),
    e(
      "log-sum-exp",
      "tf.logSumExp",
      (z: number[]) => tf.tidy(() => num(tf.logSumExp(t1(z)))[0]),
    ),
    e(
      "softmax-cross-entropy",
      "tf.losses.softmaxCrossEntropy (Reduction.NONE)",
      (z: number[], y: number[]) =>
        tf.tidy(() =>
          num(
            tf.losses.softmaxCrossEntropy(
              t2([y]),
              t2([z]),
              undefined,
              0,
              tf.Reduction.NONE,
            ),
          )[0]
        ),
    ),
    e(
      "binary-cross-entropy",
      "tf.losses.logLoss (default ε, Reduction.NONE)",
      (p: number, y: number) =>
        tf.tidy(() =>
          num(
            tf.losses.logLoss(
              t1([y]),
              t1([p]),
              undefined,
              undefined,
              tf.Reduction.NONE,
            ),
          )[0]
        ),
      "logLoss computes −y log(p + ε) − (1 − y) log(1 − p + ε) with ε = 1e−7 by default",
    ),
    e(
      "gd-step",
      "tf.sub/tf.matMul",
      (W: number[], X: number[][], y: number[], eta: number) =>
        tf.tidy(() => {
          const Xt = t2(X), w = t1(W);
          const r = tf.sub(
            tf.matMul(Xt, w.reshape([-1, 1])).reshape([-1]),
            t1(y),
          );
          return num(
            tf.sub(
              w,
              tf.mul(
                eta / y.length,
                tf.matMul(r.reshape([1, -1]), Xt).reshape([-1]),
              ),
            ),
          );
        }),
    ),
    e(
      "sgd-step",
      "tf.gather + matMul",
      (W: number[], X: number[][], y: number[], B: number[], eta: number) =>
        tf.tidy(() => {
          const Xb = tf.gather(t2(X), B), yb = tf.gather(t1(y), B), w = t1(W);
          const r = tf.sub(tf.matMul(Xb, w.reshape([-1, 1])).reshape([-1]), yb);
          return num(
            tf.sub(
              w,
              tf.mul(
                eta / B.length,
                tf.matMul(r.reshape([1, -1]), Xb).reshape([-1]),
              ),
            ),
          );
        }),
    ),
    e(
      "forward",
      "tf.matMul, tf.add, activations",
      (layers: L[], X: number[][]) => tf.tidy(() => tfForward(layers, X).arraySync() as number[][]),
    ),
    e(
      "backward",
      "tf.grads of s·Σ(a − y)²",
      (layers: L[], X: number[][], Y: number[][], s: number) =>
        tf.tidy(() => {
          const params = layers.flatMap((l) => [t2(l.W), t1(l.b)]);
          const grads = tf.grads((...p: tf.Tensor[]) =>
            tf.mul(s, tf.sum(tf.square(tf.sub(tfForward(layers, X, p), t2(Y)))))
          )(params);
          return {
            weights: layers.map((_, i) => grads[2 * i].arraySync() as number[][]),
            biases: layers.map((_, i) => num(grads[2 * i + 1])),
          };
        }),
    ),
    e(
      "logistic-gradient",
      "tf.grad of tf.losses.sigmoidCrossEntropy (mean)",
      (X: number[][], y: number[], w: number[]) =>
        tf.tidy(() =>
          num(
            tf.grad((v: tf.Tensor) =>
              tf.losses.sigmoidCrossEntropy(
                t1(y),
                tf.matMul(t2(X), v.reshape([-1, 1])).reshape([-1]),
              )
            )(t1(w)),
          )
        ),
    ),
    e(
      "graph-gradient",
      "tf.grads over the node list",
      (g: ScalarGraph) =>
        tf.tidy(() => {
          const grads = tf.grads((...vars: tf.Tensor[]) => {
            const env = new Map<string, tf.Tensor>(
              g.variables.map((v, i) => [v, vars[i]]),
            );
            for (const [name, op, ...args] of g.nodes) {
              env.set(
                name as string,
                GRAPH_OPS[op as string](
                  ...args.map((
                    a,
                  ) => (typeof a === "string" ? env.get(a)! : tf.scalar(a))),
                ),
              );
            }
            return env.get(g.output)!;
          })(g.values.map((v) => tf.scalar(v)));
          return grads.map((t) => num(t)[0]);
        }),
    ),
  ];
}

// ------------------------------------------------------------------------------------------
// ml-matrix, mathjs, regression, simple-statistics, ml-regression(-multivariate-linear), brain.js

const col = (y: number[]) => Matrix.columnVector(y);
const vec = (m: Matrix) => m.to1DArray();

function mathjsEntries(): Entry[] {
  const lib = `mathjs ${math.version}`;
  const sig = math.compile("1 / (1 + exp(-z))");
  const normal = (X: number[][], y: number[]) => {
    const Xt = math.transpose(X);
    return (math.lusolve(
      math.multiply(Xt, X),
      math.multiply(Xt, y),
    ) as number[][]).map((r) => r[0]);
  };
  const qr = (X: number[][], y: number[]) => {
    const { Q, R } = math.qr(X) as { Q: number[][]; R: number[][] };
    const n = X[0].length;
    const Rn = R.slice(0, n),
      z = math.multiply(math.transpose(Q), y) as number[];
    return (math.usolve(Rn, z.slice(0, n)) as number[][]).map((r) => r[0]);
  };
  const seminormal = (X: number[][], y: number[]) => {
    const { R } = math.qr(X) as { R: number[][] };
    const Rn = R.slice(0, X[0].length);
    const t = math.lsolve(
      math.transpose(Rn),
      math.multiply(math.transpose(X), y),
    ) as number[][];
    return (math.usolve(Rn, t.map((r) => r[0])) as number[][]).map((r) => r[0]);
  };
  return [
    {
      library: lib,
      concept: "sigmoid",
      call: "compile('1 / (1 + exp(-z))')",
      precision: "float64",
      impl: (z: number) => sig.evaluate({ z }),
    },
    {
      library: lib,
      concept: "tanh",
      call: "math.tanh",
      precision: "float64",
      impl: (z: number) => math.tanh(z),
    },
    {
      library: lib,
      concept: "softmax",
      call: "divide(map(z, exp), sum(…)) (mathjs has no softmax)",
      precision: "float64",
      impl: (z: number[]) => {
        const e = math.map(z, (v: number) => math.exp(v)) as number[];
        return math.divide(e, math.sum(e)) as number[];
      },
    },
    {
      library: lib,
      concept: "log-sum-exp",
      call: "log(sum(map(z, exp)))",
      precision: "float64",
      impl: (z: number[]) =>
        math.log(math.sum(math.map(z, (v: number) => math.exp(v)) as number[])),
    },
    {
      library: lib,
      concept: "least-squares",
      call: "lusolve(XᵀX, Xᵀy)",
      precision: "float64",
      impl: normal,
    },
    {
      library: lib,
      concept: "least-squares",
      call: "qr + usolve",
      precision: "float64",
      impl: qr,
    },
    {
      library: lib,
      concept: "least-squares",
      call: "qr + lsolve(Rᵀ, Xᵀy) + usolve (semi-normal)",
      precision: "float64",
      impl: seminormal,
    },
  ];
}

function regressionEntries(): Entry[] {
  return [
    {
      library: "ml-matrix 6.15.1",
      concept: "least-squares",
      call: "solve(X, y)",
      precision: "float64",
      impl: (X: number[][], y: number[]) => vec(solve(new Matrix(X), col(y))),
    },
    {
      library: "ml-matrix 6.15.1",
      concept: "least-squares",
      call: "new QrDecomposition(X).solve(y)",
      precision: "float64",
      impl: (X: number[][], y: number[]) => vec(new QrDecomposition(new Matrix(X)).solve(col(y))),
    },
    {
      library: "ml-matrix 6.15.1",
      concept: "least-squares",
      call: "new SingularValueDecomposition(X).solve(y)",
      precision: "float64",
      impl: (X: number[][], y: number[]) =>
        vec(new SingularValueDecomposition(new Matrix(X)).solve(col(y))),
    },
    {
      library: "ml-regression-multivariate-linear 2.0.4",
      concept: "least-squares",
      call: "new MLR(X, y, { intercept: false })",
      precision: "float64",
      impl: (X: number[][], y: number[]) =>
        (new MLR(X, y.map((v) => [v]), { intercept: false })
          .weights as number[][]).map((r) => r[0]),
    },
    {
      library: "ml-regression 6.3.0",
      concept: "least-squares",
      call: "new PolynomialRegression(x, y, degree)",
      precision: "float64",
      applies: polynomialWithIntercept,
      impl: (X: number[][], y: number[]) =>
        new PolynomialRegression(X.map((r) => r[1]), y, X[0].length - 1)
          .coefficients as number[],
    },
    {
      library: "regression 2.0.1",
      concept: "least-squares",
      call: "regression.polynomial(points, { order, precision: 20 })",
      precision: "float64",
      applies: polynomialWithIntercept,
      note: "default precision 2 rounds every coefficient to 2 decimals; 20 is passed",
      impl: (X: number[][], y: number[]) =>
        [
          ...regression.polynomial(X.map((r, i) => [r[1], y[i]]), {
            order: X[0].length - 1,
            precision: 20,
          }).equation,
        ].reverse(),
    },
    {
      library: "regression 2.0.1",
      concept: "least-squares",
      call: "regression.linear(points, { precision: 20 })",
      precision: "float64",
      applies: simpleLinear,
      impl: (X: number[][], y: number[]) =>
        [
          ...regression.linear(X.map((r, i) => [r[1], y[i]]), { precision: 20 })
            .equation,
        ].reverse(),
    },
    {
      library: "simple-statistics 7.12.1",
      concept: "least-squares",
      call: "linearRegression(points)",
      precision: "float64",
      applies: simpleLinear,
      impl: (X: number[][], y: number[]) => {
        const { m, b } = ss.linearRegression(X.map((r, i) => [r[1], y[i]]));
        return [b, m];
      },
    },
  ];
}

function brainEntries(): Entry[] {
  const lib = "brain.js 1.6.1";
  const net = (layers: L[]) => {
    const sizes = [layers[0].W.length, ...layers.map((l) => l.b.length)];
    const json = {
      sizes,
      layers: [
        Object.fromEntries(Array.from({ length: sizes[0] }, (_, k) => [k, {}])),
        ...layers.map((l) =>
          Object.fromEntries(
            l.b.map((
              b,
              j,
            ) => [j, {
              bias: b,
              weights: Object.fromEntries(l.W.map((row, k) => [k, row[j]])),
            }]),
          )
        ),
      ],
      outputLookup: false,
      inputLookup: false,
      activation: "sigmoid",
      trainOpts: {},
    };
    return new brain.NeuralNetwork().fromJSON(json);
  };
  return [
    {
      library: lib,
      concept: "sigmoid",
      call: "a 1-1 NeuralNetwork (weight 1, bias 0).run([z])",
      precision: "float32",
      note:
        "brain.js keeps weights, biases and outputs in Float32Array: float32, held to the float32 bound",
      impl: (z: number) =>
        Array.from(
          net([{ W: [[1]], b: [0], activation: "sigmoid" }]).run([
            z,
          ]) as number[],
        )[0],
    },
    {
      library: lib,
      concept: "forward",
      call: "NeuralNetwork.fromJSON(…).run(x), σ in every layer",
      precision: "float32",
      note: "Float32Array storage: held to the float32 bound",
      applies: (f) =>
        Array.isArray(f.input.layers) &&
        (f.input.layers as L[]).every((l) => l.activation === "sigmoid"),
      impl: (layers: L[], X: number[][]) => {
        const n = net(layers);
        return X.map((x) => Array.from(n.run(x) as number[]));
      },
    },
  ];
}

function nnrefEntries(): Entry[] {
  const lib = "nnref lib/ (this repository)";
  const e = (concept: string, call: string, impl: unknown): Entry => ({
    library: lib,
    concept,
    call,
    precision: "float64",
    impl,
  });
  return [
    e("sigmoid", "sigmoid", sigmoid),
    e("sigmoid-derivative", "sigmoidDerivative", sigmoidDerivative),
    e("tanh-derivative", "tanhDerivative", tanhDerivative),
    e("softmax", "softmax", (z: number[]) => Array.from(softmax(z))),
    e("log-sum-exp", "logSumExp", logSumExp),
    e("softmax-cross-entropy", "softmaxCrossEntropy", softmaxCrossEntropy),
    e(
      "binary-cross-entropy",
      "binaryCrossEntropy([p], [y])",
      (p: number, y: number) => binaryCrossEntropy([p], [y]),
    ),
    e(
      "least-squares",
      'leastSquares(X, y, { method: "normal" })',
      (X: number[][], y: number[]) =>
        Array.from(leastSquares(fromRows(X), y, { method: "normal" }).weights),
    ),
    e(
      "least-squares",
      'leastSquares(X, y, { method: "qr" })',
      (X: number[][], y: number[]) =>
        Array.from(leastSquares(fromRows(X), y, { method: "qr" }).weights),
    ),
    e(
      "least-squares",
      'leastSquares(X, y, { method: "accurate" })',
      (X: number[][], y: number[]) =>
        Array.from(
          leastSquares(fromRows(X), y, { method: "accurate" }).weights,
        ),
    ),
    e(
      "ridge",
      "ridgeRegression",
      (X: number[][], y: number[], lambda: number) =>
        Array.from(ridgeRegression(fromRows(X), y, lambda)),
    ),
  ];
}

/** Every entry; tfjs entries only for the backends that loaded. */
export function entries(tfBackends: string[]): Entry[] {
  return [
    ...nnrefEntries(),
    ...tfBackends.flatMap(tfEntries),
    ...regressionEntries(),
    ...mathjsEntries(),
    ...brainEntries(),
  ];
}

/** Libraries (or concepts of them) the table cannot run, and exactly why. */
export const NOT_REACHABLE: readonly { library: string; why: string }[] = [
  {
    library: "ml-logistic-regression 2.0.0",
    why:
      "no gradient and no single step: `train` always starts from w = 0 (the `weights` option is overwritten) and " +
      "runs `numSteps` steps of w ← w + ηXᵀ(y − σ(Xw)), so the logistic-gradient concept (at the fixtures' w ≠ 0) cannot be reached",
  },
  {
    library: "brain.js 1.6.1",
    why:
      "one activation for every layer and no linear output layer: only the all-σ forward fixture applies; a gradient " +
      "could only be read off one training step (with momentum, 0.1 by default, set to 0 and brain.js's own error convention), which is not done here",
  },
  {
    library: "tfjs-core 4.22.0",
    why:
      "no least-squares or ridge solver (tf.linalg has qr, but no triangular solve), no perceptron",
  },
  {
    library: "mathjs 15.2.0",
    why:
      "no sigmoid, softmax or ReLU functions: σ is checked as the expression `1 / (1 + exp(-z))`, softmax and " +
      "log-sum-exp as the unshifted expressions a mathjs user writes",
  },
];

/** Versions of the installed libraries, for the table's head. */
export const VERSIONS = {
  tfjs: tf.version_core,
  mathjs: math.version,
};
