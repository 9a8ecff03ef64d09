// The areas of the math library as tools/api_docs.ts presents them: each area's title
// (its `@category`), summary and entry-point example, and which exports stay off the root.

/** The package name that examples import from (deno.json and package.json `name`). */
export const PACKAGE = "@nnref/nnref";

/** Title (the `@category`), summary and example of each area's entry point. */
export const AREAS: Record<string, { title: string; summary: string; example: string }> = {
  activation: {
    title: "Activation functions",
    summary:
      "σ, tanh, ReLU, the Heaviside step, the identity and softmax, with their derivatives (from the input, or from the output as backpropagation uses them).",
    example: `import { sigmoid, sigmoidDerivativeFromOutput } from "${PACKAGE}/activation";
const s = sigmoid(0);
if (s !== 0.5 || sigmoidDerivativeFromOutput(s) !== 0.25) throw new Error("σ(0) = 1/2, σ′ = 1/4");`,
  },
  autodiff: {
    title: "Automatic differentiation",
    summary:
      "a scalar computational graph differentiated in reverse mode, forward mode with dual numbers, and central finite differences.",
    example: `import { centralDifference } from "${PACKAGE}/autodiff";
import { assertClose } from "${PACKAGE}/oracle";
assertClose(centralDifference(Math.sin, 0), 1, { atol: 1e-10 });`,
  },
  classify: {
    title: "Classifiers",
    summary:
      "logic gates as threshold units, the perceptron, a single sigmoid layer, squared-hinge SGD and logistic regression.",
    example: `import { perceptronPredict } from "${PACKAGE}/classify";
if (perceptronPredict([1, 1], -1.5, [1, 1]) !== 1) throw new Error("AND(1, 1) = 1");`,
  },
  gradcheck: {
    title: "Gradient checking",
    summary: "comparing an analytic gradient with central differences, coordinate by coordinate.",
    example: `import { checkGradient } from "${PACKAGE}/gradcheck";
// f(w) = w₀² + 3w₁, ∇f = (2w₀, 3)
const f = (w: Float64Array) => w[0] * w[0] + 3 * w[1];
const result = checkGradient(f, (w) => [2 * w[0], 3], new Float64Array([1.5, -2]));
if (!result.passed) throw new Error("the analytic gradient agrees with central differences");`,
  },
  inverse: {
    title: "Inverse problems",
    summary:
      "driving a computational graph's output to a target by adjusting one input (the documents' inverse backpropagation).",
    example: `import { driveToTarget } from "${PACKAGE}/inverse";
// Drive y = 2b to 10 from b = 1 by adjusting b.
const result = driveToTarget({
  fn: (ops, { b }) => ops.mul(2, b),
  start: { b: 1 }, adjust: ["b"], target: 10, tolerance: 1e-12, maxIterations: 100,
  factors: "recomputed", // ∂y/∂b = 2 by reverse mode: b ← 1 + (10 − 2)/2 = 5 in one pass
});
if (result.status !== "converged") throw new Error(result.status);`,
  },
  linalg: {
    title: "Linear algebra",
    summary:
      "the Matrix type (Float64Array, row-major), products, Cholesky, Householder QR, least squares (normal equations, QR, double-double QR) and a symmetric eigensolver.",
    example: `import { fromRows, leastSquares } from "${PACKAGE}/linalg";
import { assertAllClose } from "${PACKAGE}/oracle";
const { weights } = leastSquares(fromRows([[1, 0], [1, 1], [1, 2]]), [1, 3, 5], { method: "qr" });
assertAllClose(weights, [1, 2], { atol: 1e-14 }, "y = 1 + 2x");`,
  },
  loss: {
    title: "Loss functions",
    summary:
      "squared and absolute error, binary and softmax cross-entropy, the squared hinge, with their gradients.",
    example: `import { sumSquaredError } from "${PACKAGE}/loss";
if (sumSquaredError([1, 2], [1, 4]) !== 4) throw new Error("(2 − 4)² = 4");`,
  },
  nn: {
    title: "Neural networks",
    summary:
      "feed-forward networks: creation, seeded initialisers, forward pass, backward pass (the δ recursion) and training.",
    example: `import { createNetwork, forward } from "${PACKAGE}/nn";
// One identity layer: y = x·W + b = 2·10 + 3·100 + 1.
const net = createNetwork([{ weights: [[2], [3]], biases: [1], activation: "identity" }]);
if (forward(net, [10, 100]).activations[1].data[0] !== 321) throw new Error("321");`,
  },
  optim: {
    title: "Optimisation",
    summary:
      "one gradient-descent loop with pluggable stopping rules and step schedules, least-squares objectives, gradient steps and SGD.",
    example: `import { gradientDescent } from "${PACKAGE}/optim";
import { assertClose } from "${PACKAGE}/oracle";
// Minimise w² from w = 1.2 with step 0.3: w ← 0.4·w, stopping once w² < 10⁻³.
const result = gradientDescent(
  (w, g) => { g[0] = 2 * w[0]; return w[0] * w[0]; },
  [1.2],
  { learningRate: 0.3, stop: { kind: "loss", threshold: 1e-3 }, maxIterations: 100 },
);
assertClose(result.weights[0], 1.2 * 0.4 ** 4, { ulps: 2 }, "four steps");`,
  },
  random: {
    title: "Random numbers",
    summary: "MT19937 and RandomState, stream-identical to numpy's RandomState for the same seed.",
    example: `import { RandomState } from "${PACKAGE}/random";
// numpy: np.random.RandomState(0).random_sample() == 0.5488135039273248
if (new RandomState(0).randomSample() !== 0.5488135039273248) throw new Error("numpy's stream");`,
  },
  regression: {
    title: "Regression",
    summary:
      "design matrices, fit statistics, ridge regression, the least-squares Hessian and NIST's log relative error.",
    example: `import { fromRows } from "${PACKAGE}/linalg";
import { ridgeRegression } from "${PACKAGE}/regression";
const [w] = ridgeRegression(fromRows([[2]]), [3], 12);
if (w !== 0.375) throw new Error("(XᵀX + λI)⁻¹Xᵀy = 2·3 / (4 + 12) = 0.375");`,
  },
  series: {
    title: "Series and summation",
    summary: "Robbins–Monro step-size series and naive, compensated and pairwise summation.",
    example: `import { sumCompensated } from "${PACKAGE}/series";
if (sumCompensated([1, 1e100, 1, -1e100]) !== 2) throw new Error("compensation keeps the ones");`,
  },
  wasm: {
    title: "WebAssembly",
    summary:
      "a WebAssembly module encoder written in TypeScript and the SIMD kernels built with it. The root entry point exports only the kernels; the encoder's instruction helpers are here.",
    example: `import { fromRows } from "${PACKAGE}/linalg";
import { matmulWasmSimd } from "${PACKAGE}/wasm";
// The f64x2 SIMD kernel where WebAssembly SIMD is available, the TypeScript one elsewhere.
const c = matmulWasmSimd(fromRows([[1, 2]]), fromRows([[3], [4]]));
if (c.data[0] !== 11) throw new Error("1·3 + 2·4 = 11");`,
  },
};

/**
 * Files of lib/wasm/ that make up the module encoder and the kernels' plumbing (internals
 * kept off the root): the encoders, the folded instruction builders (ops), the
 * exponential's table, the GEMM memory layout and the TSQR factorisation (which
 * `leastSquares(x, y, { method: "tsqr" })` exposes).
 */
export const WASM_ENCODER_FILE =
  /^(leb128|instructions|module_encoder|ops|exp_table|gemm_layout|tsqr|.*_module)\.ts$/;
/** Exports of lib/wasm/'s kernel files that are encoder internals all the same. */
export const WASM_INTERNAL_NAMES = new Set([
  "simdProbeModule",
  "gemmCopyIn",
  "gemmCopyOut",
  "gemmLayout",
  "GemmLayout",
]);
/** Variant registries: exported by lib/variants.ts only. */
export const VARIANT_REGISTRY = /_VARIANTS$/;

/** The `@category` of an oracle file. */
function oracleCategory(file: string): string {
  if (file.startsWith("oracle/conformance/")) return "Conformance";
  const base = file.slice("oracle/".length);
  if (/^(ulp|assert_close|assert_printed|assertion_error|_tree)\.ts$/.test(base)) {
    return "Assertions";
  }
  if (/^(fixture|verify)\.ts$/.test(base)) return "Fixtures";
  if (/^(subject|replay|replay_summary)\.ts$/.test(base)) return "Replay";
  return "Oracle";
}

/** The `@category` of a declaration, from its file and name. */
export function categoryOf(file: string, name: string): string {
  if (VARIANT_REGISTRY.test(name)) return "Variants";
  if (file === "lib/errors.ts") return "Errors";
  if (file === "lib/variants.ts") return "Variants";
  if (file.startsWith("oracle/")) return oracleCategory(file);
  if (file.startsWith("worked/") || file === "worked.ts") return "Worked results";
  const area = file.match(/^lib\/([^/]+)\//)?.[1];
  if (area === "wasm" && WASM_ENCODER_FILE.test(file.split("/").pop()!)) {
    return "WebAssembly encoder";
  }
  if (area && AREAS[area]) return AREAS[area].title;
  return "Utilities";
}
