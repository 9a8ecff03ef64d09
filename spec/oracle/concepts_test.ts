// The oracle API for users (lib/oracle/concepts.ts): a user's own implementation is
// checked against nnref's fixtures, and a wrong one is caught, fixture by fixture.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  assertConcept,
  type BackwardPass,
  checkBackwardPass,
  checkForwardPass,
  checkGradientStep,
  checkLeastSquares,
  checkSigmoid,
  FORWARD_CONCEPT,
  type ForwardPass,
  type GradientStep,
  type LeastSquaresSolverFunction,
  SIGMOID_CONCEPT,
} from "../../oracle/conformance/mod.ts";
import forwardJson from "../../fixtures/nn/forward.json" with { type: "json" };
import backpropJson from "../../fixtures/nn/backprop.json" with { type: "json" };
import commuteJson from "../../fixtures/regression/commute.json" with { type: "json" };
import gd20Json from "../../fixtures/gd/s000_gd20.json" with { type: "json" };
import gdMatlabJson from "../../fixtures/gd/s001_gd_matlab.json" with { type: "json" };
import sigmoidJson from "../../fixtures/activation/sigmoid.json" with { type: "json" };

// A user's straightforward code, written here without lib/: a = f(x @ W + b).
function activate(name: string, z: number[]): number[] {
  if (name === "sigmoid") return z.map((v) => 1 / (1 + Math.exp(-v)));
  if (name === "softmax") {
    const top = Math.max(...z);
    const e = z.map((v) => Math.exp(v - top));
    const sum = e.reduce((s, v) => s + v, 0);
    return e.map((v) => v / sum);
  }
  throw new Error(`activation ${name} not implemented`);
}
const userForward: ForwardPass = (layers, input) => {
  let a = [...input];
  for (const layer of layers) {
    const z = layer.biases.map((b, j) => a.reduce((s, x, i) => s + x * layer.weights[i][j], b));
    a = activate(layer.activation, z);
  }
  return a;
};

// σ at points where the true value is known exactly: σ(0) = ½, σ(ln 3) = ¾, σ(−ln 3) = ¼.
const sigmoidFixture = {
  id: "user.sigmoid",
  source: { document: "none", section: "-", quote: "σ(0) = 1/2" },
  oracle: { method: "closed form: σ(±ln 3) = 3/4, 1/4", generator: null },
  input: { z: [0, Math.log(3), -Math.log(3)] },
  printed: {},
  expected: { sigmoid: [0.5, 0.75, 0.25] },
  tolerance: { sigmoid: { ulps: 2, reason: "ln 3 rounded once, then one exp and one division" } },
  erratum: null,
};

describe("concepts: a user's sigmoid", () => {
  it("the logistic function passes", () => {
    const results = checkSigmoid((x) => 1 / (1 + Math.exp(-x)), sigmoidFixture);
    assert.deepEqual(results.map((r) => [r.id, r.ok, r.skipped]), [["user.sigmoid", true, false]]);
    assert.equal(results[0].fields[0].field, "sigmoid");
  });
  it("the wrong sign 1/(1 + e^x) is caught and the message names the index and values", () => {
    const [result] = checkSigmoid((x) => 1 / (1 + Math.exp(x)), sigmoidFixture);
    assert.equal(result.ok, false);
    assert.match(
      result.message,
      /sigmoid: 2 of 3 values differ; first at \[1\]: actual 0\.25\d*, expected 0\.75/,
    );
  });
  it("an implementation that throws fails that fixture with the exception", () => {
    const [result] = checkSigmoid(() => {
      throw new RangeError("not today");
    }, sigmoidFixture);
    assert.equal(result.ok, false);
    assert.match(result.message, /your sigmoid threw RangeError: not today/);
  });
  it("something that is not a function is a TypeError naming the expected signature", () => {
    assert.throws(() => checkSigmoid(0.5 as never, sigmoidFixture), {
      name: "TypeError",
      message: /must be a function \(x: number\) => number, got number/,
    });
  });
  it("assertConcept throws an AssertionError naming the failed fixture", () => {
    assert.throws(
      () => assertConcept(SIGMOID_CONCEPT, (x: number) => Math.tanh(x), sigmoidFixture),
      {
        name: "AssertionError",
        message: /sigmoid: 1 of 1 fixture\(s\) failed\n {2}user\.sigmoid: sigmoid:/,
      },
    );
  });
  it("fixtures of other concepts are skipped, and a check where none applies fails", () => {
    const results = checkSigmoid((x) => x, forwardJson);
    assert.ok(results.every((r) => r.skipped && r.ok));
    assert.match(results[0].message, /not a sigmoid fixture/);
    assert.throws(() => assertConcept(SIGMOID_CONCEPT, (x: number) => x, forwardJson), {
      name: "AssertionError",
      message: /none of the 2 fixture\(s\) describes this concept/,
    });
  });
});

describe("concepts: a user's sigmoid on S1 §3.2's points (fixtures/activation/sigmoid.json)", () => {
  // e^z / (1 + e^z) for z < 0 keeps σ finite and accurate down to the subnormals.
  const stable = (z: number) => z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  it("the overflow-safe form passes every sigmoid fixture it applies to", () => {
    const results = checkSigmoid(stable, sigmoidJson).filter((r) => !r.skipped);
    assert.ok(results.length >= 1);
    for (const result of results) assert.equal(result.ok, true, `${result.id}: ${result.message}`);
  });
  it("the naive 1 / (1 + e^(−z)) agrees too (e^800 = ∞ gives 1/∞ = 0, not NaN)", () => {
    const results = checkSigmoid((z) => 1 / (1 + Math.exp(-z)), sigmoidJson).filter((r) =>
      !r.skipped
    );
    assert.ok(results.every((r) => r.ok), results.map((r) => r.message).join("; "));
  });
  it("e^z / (1 + e^z) everywhere overflows to NaN at z = 710 and is caught", () => {
    const results = checkSigmoid((z) => Math.exp(z) / (1 + Math.exp(z)), sigmoidJson)
      .filter((r) => !r.skipped);
    assert.ok(results.some((r) => !r.ok && /actual NaN/.test(r.message)));
  });
});

describe("concepts: a user's forward pass on S2's 3-4-4-3 network (fixtures/nn/forward.json)", () => {
  // The fixture's bounds (a few ulps) were measured on nnref's own summation order; a
  // textbook pass with a max-shifted softmax lands within 1e-13 relative, not within them.
  const textbook = { tolerance: { rtol: 1e-13, reason: "a different summation order" } };
  it("a correct forward pass reproduces y_out for x_in and for the 7-row batch", () => {
    const results = checkForwardPass(userForward, forwardJson, textbook);
    assert.deepEqual(results.map((r) => [r.id, r.ok]), [
      ["s002.forward.vector", true],
      ["s002.forward.batch", true],
    ], results.map((r) => r.message).join("; "));
    assert.equal(assertConcept(FORWARD_CONCEPT, userForward, forwardJson, textbook), 2);
  });
  it("forgetting the softmax on the last layer is caught on both fixtures", () => {
    const noSoftmax: ForwardPass = (layers, input) =>
      userForward(layers.map((layer) => ({ ...layer, activation: "sigmoid" })), input);
    const results = checkForwardPass(noSoftmax, forwardJson, textbook);
    assert.deepEqual(results.map((r) => r.ok), [false, false]);
    assert.match(results[0].message, /^y_out: \d of 3 values differ/);
  });
  it("reading W as outputs × inputs is caught", () => {
    const transposed: ForwardPass = (layers, input) => {
      let a = [...input];
      for (const layer of layers) {
        const z = layer.biases.map((b, j) =>
          a.reduce((s, x, i) => s + x * (layer.weights[j]?.[i] ?? NaN), b)
        );
        a = activate(layer.activation, z);
      }
      return a;
    };
    assert.equal(checkForwardPass(transposed, forwardJson, textbook)[0].ok, false);
  });
  it("an override tolerance is validated", () => {
    assert.throws(() => checkForwardPass(userForward, forwardJson, { tolerance: { rtol: -1 } }), {
      name: "TypeError",
      message: /rtol must be a finite number ≥ 0/,
    });
  });
  it("a result of the wrong length is a shape failure", () => {
    const [result] = checkForwardPass(
      (layers, input) => userForward(layers, input).slice(1),
      forwardJson,
    );
    assert.match(result.message, /Shapes differ: actual \[2\] vs expected \[3\]/);
  });
});

// A user's least squares, written here without lib/: normal equations XᵀXW = Xᵀy solved by
// Gaussian elimination with partial pivoting.
const userNormalEquations: LeastSquaresSolverFunction = (x, y) => {
  const p = x[0].length;
  const a = Array.from({ length: p }, (_, i) => [
    ...Array.from({ length: p }, (_, j) => x.reduce((s, row) => s + row[i] * row[j], 0)),
    x.reduce((s, row, k) => s + row[i] * y[k], 0),
  ]);
  for (let c = 0; c < p; c++) {
    const pivot = a.slice(c).reduce(
      (best, row, k) => Math.abs(row[c]) > Math.abs(a[best][c]) ? c + k : best,
      c,
    );
    [a[c], a[pivot]] = [a[pivot], a[c]];
    for (let r = c + 1; r < p; r++) {
      const f = a[r][c] / a[c][c];
      for (let k = c; k <= p; k++) a[r][k] -= f * a[c][k];
    }
  }
  const w = new Array(p).fill(0);
  for (let r = p - 1; r >= 0; r--) {
    w[r] = (a[r][p] - a[r].slice(r + 1, p).reduce((s, v, k) => s + v * w[r + 1 + k], 0)) / a[r][r];
  }
  return w;
};

describe("concepts: a user's least-squares solver on S1 §1.7's commute data", () => {
  // The commute bounds (4–38 ulps) were measured per nnref method; a textbook normal-
  // equations solve is within 1e-13 relative of the exact W*.
  const textbook = { tolerance: { rtol: 1e-13, reason: "another elimination order" } };
  it("normal equations by elimination reproduce W* for every commute fixture", () => {
    const results = checkLeastSquares(userNormalEquations, commuteJson, textbook);
    assert.ok(results.length >= 1);
    for (const result of results) assert.equal(result.ok, true, `${result.id}: ${result.message}`);
    assert.ok(results.every((r) => r.fields.map((f) => f.field).join() === "W"));
  });
  it("a solver that drops the weekday column is caught", () => {
    const noWeekday: LeastSquaresSolverFunction = (x, y) => [
      ...userNormalEquations(x.map((row) => row.slice(0, 2)), y),
      0,
    ];
    const results = checkLeastSquares(noWeekday, commuteJson, textbook);
    assert.ok(results.every((r) => !r.ok && /^W: 3 of 3 values differ/.test(r.message)));
  });
});

// A user's backward pass, written here without lib/, for a = σ(x @ W + b) layers and
// C = ½‖aᴸ − y‖².
const sigma = (v: number) => 1 / (1 + Math.exp(-v));
function backwardWith(outputDerivative: boolean): BackwardPass {
  return (layers, x, y) => {
    const activations = [[...x]];
    for (const layer of layers) {
      const a = activations.at(-1)!;
      activations.push(
        layer.biases.map((b, j) => sigma(a.reduce((s, v, i) => s + v * layer.weights[i][j], b))),
      );
    }
    const weights: number[][][] = [], biases: number[][] = [];
    let delta = activations.at(-1)!.map((a, j) =>
      (a - y[j]) * (outputDerivative ? a * (1 - a) : 1)
    );
    for (let l = layers.length - 1; l >= 0; l--) {
      const below = activations[l];
      weights[l] = below.map((a) => delta.map((d) => a * d));
      biases[l] = [...delta];
      const w = layers[l].weights;
      delta = below.map((a, i) => delta.reduce((s, d, j) => s + w[i][j] * d, 0) * a * (1 - a));
    }
    return { weights, biases };
  };
}
const userBackward = backwardWith(true);

describe("concepts: a user's backward pass on S1 §4.3's 2-3-2 network (fixtures/nn/backprop.json)", () => {
  const textbook = { tolerance: { rtol: 1e-13, reason: "another summation order" } };
  it("the δ recursion reproduces every gradient of the single-sample fixtures", () => {
    const results = checkBackwardPass(userBackward, backpropJson, textbook).filter((r) =>
      !r.skipped
    );
    assert.deepEqual(results.map((r) => r.id).sort(), ["s001.bp_vector", "s002.bp_slides"]);
    for (const result of results) assert.equal(result.ok, true, `${result.id}: ${result.message}`);
    assert.deepEqual(results[0].fields.map((f) => f.field), ["dCdW2", "dCdb2", "dCdW3", "dCdb3"]);
  });
  it("fixtures with another loss or a batch are skipped, saying why", () => {
    const skipped = checkBackwardPass(userBackward, backpropJson).filter((r) => r.skipped);
    assert.ok(skipped.some((r) => r.id === "s001.bp_vector.batch" && /one sample/.test(r.message)));
  });
  it("transposing the weight gradients (out × in instead of in × out) is caught", () => {
    const transposed: BackwardPass = (layers, x, y) => {
      const g = userBackward(layers, x, y);
      return {
        weights: g.weights.map((w) => w[0].map((_, j) => w.map((row) => row[j]))),
        biases: g.biases,
      };
    };
    const results = checkBackwardPass(transposed, backpropJson, textbook).filter((r) => !r.skipped);
    assert.ok(results.every((r) => !r.ok && /Shapes differ/.test(r.message)));
  });
  it("dropping σ′ from the output δ (the cross-entropy δ with the squared loss) is caught", () => {
    const results = checkBackwardPass(backwardWith(false), backpropJson, textbook).filter((r) =>
      !r.skipped
    );
    assert.equal(results.length, 2);
    assert.ok(results.every((r) => !r.ok && r.fields.every((f) => !f.ok)));
  });
});

// A user's GD step, written here without lib/: W ← W − (η/m)Xᵀ(XW − y).
const userStep: GradientStep = (w, x, y, eta) => {
  const residuals = x.map((row, i) => row.reduce((s, v, j) => s + v * w[j], 0) - y[i]);
  return w.map((wj, j) =>
    wj - (eta / x.length) * x.reduce((s, row, i) => s + row[j] * residuals[i], 0)
  );
};

describe("concepts: a user's gradient-descent step under the documents' stopping rules", () => {
  const textbook = {
    tolerance: { rtol: 1e-12, reason: "another summation order, thousands of steps" },
  };
  it("S0's program: every stopping variant gives the document's iterations and θ", () => {
    const results = checkGradientStep(userStep, gd20Json, textbook).filter((r) => !r.skipped);
    assert.deepEqual(results.map((r) => r.id), [
      "s000.gd20.tol1e-6",
      "s000.gd20.tol1e-4",
      "s000.gd20.fixed17",
    ]);
    for (const result of results) assert.equal(result.ok, true, `${result.id}: ${result.message}`);
  });
  it("S1's MATLAB file: every |ΔWⱼ| < 0.02 stops at the same iteration and W", () => {
    const [result] = checkGradientStep(userStep, gdMatlabJson, textbook);
    assert.equal(result.ok, true, result.message);
    assert.deepEqual(result.fields.map((f) => f.field), ["iterations", "W"]);
  });
  it("S0's error_function slip (1./2*m reads as m/2) in the step is caught", () => {
    const mOverTwo: GradientStep = (w, x, y, eta) => {
      const m = x.length;
      const residuals = x.map((row, i) => row.reduce((s, v, j) => s + v * w[j], 0) - y[i]);
      return w.map((wj, j) =>
        wj - eta * (m / 2) * x.reduce((s, row, i) => s + row[j] * residuals[i], 0)
      );
    };
    const results = checkGradientStep(mOverTwo, gd20Json, textbook).filter((r) => !r.skipped);
    assert.ok(results.every((r) => !r.ok));
  });
  it("a step that returns the wrong number of weights fails with a message", () => {
    const [result] = checkGradientStep((w) => [...w, 0], gdMatlabJson);
    assert.match(result.message, /threw TypeError: the step must return 3 weights, got 4 values/);
  });
});
