// Behaviour the mutation run over lib/activation (tools/mutation/run.sh kernels-activation)
// found unchecked: each case below kills mutants that survived every other spec. Expected
// values are exact or limits of the functions (σ(−745) is the subnormal e⁻⁷⁴⁵/(1 + e⁻⁷⁴⁵)).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { sigmoid, sigmoidArray, sigmoidDerivative } from "../../../lib/activation/sigmoid.ts";
import {
  tanh,
  tanhDerivative,
  tanhDerivativeFromOutput,
  tanhDerivativeFromOutputArray,
} from "../../../lib/activation/tanh.ts";
import { logSoftmax, logSumExp, softmax, softmaxRows } from "../../../lib/activation/softmax.ts";
import { createMatrix } from "../../../lib/linalg/matrix.ts";

describe("activation kernels at their edges", () => {
  it("σ keeps its subnormal tail for z < −709 (the branch e^z/(1 + e^z), not 1/(1 + e^(−z)))", () => {
    assert.ok(sigmoid(-745) > 0, `σ(−745) = ${sigmoid(-745)}`);
    assert.equal(sigmoidArray([-745])[0], sigmoid(-745));
    assert.equal(sigmoid(0), 0.5);
  });
  it("tanh′ from z does not overflow for |z| > 355: 0, not NaN", () => {
    assert.equal(tanhDerivative(400), 0);
    assert.equal(tanhDerivative(-400), 0);
    assert.equal(sigmoidDerivative(800), 0);
  });
  it("tanh′ from outputs, scalar and array: (1 − a)(1 + a)", () => {
    const outputs = [0, 0.5, -0.5, 1, -1, tanh(0.3)];
    const array = tanhDerivativeFromOutputArray(outputs);
    assert.deepEqual(Array.from(array.subarray(0, 5)), [1, 0.75, 0.75, 0, 0]);
    outputs.forEach((a, i) => assert.equal(array[i], tanhDerivativeFromOutput(a)));
    const out = new Float64Array(outputs.length);
    assert.equal(tanhDerivativeFromOutputArray(outputs, out), out);
  });
  it("log-sum-exp and log-softmax when the largest logit is not the first", () => {
    assert.equal(logSumExp([-30, 0]), logSumExp([0, -30]));
    assert.equal(logSumExp([0, 1000]), 1000); // e⁻¹⁰⁰⁰ is lost beside 1000
    assert.deepEqual(Array.from(logSoftmax([0, 1000])), [-1000, 0]);
    assert.deepEqual(Array.from(softmax([0, 1000, 0])), [0, 1, 0]);
  });
  it("softmax writes into a given out of the right length, and refuses any other", () => {
    const out = new Float64Array(2);
    assert.equal(softmax([0, 0], out), out);
    assert.deepEqual(Array.from(out), [0.5, 0.5]);
    assert.throws(() => softmax([0, 0], [0, 0] as never), {
      name: "InputTypeError",
      message: /out must be a Float64Array, got an array of length 2/,
    });
    assert.throws(() => softmax([0, 0], new Float64Array(3)), {
      name: "ShapeError",
      message: /Cannot compute softmax: out has 3 entries but values has 2/,
    });
  });
  it("softmaxRows: a matrix without columns, and an out of the wrong shape", () => {
    assert.throws(() => softmaxRows(createMatrix(2, 0)), {
      name: "ShapeError",
      message: /Cannot compute softmax of rows: the matrix has no columns/,
    });
    assert.throws(() => softmaxRows(createMatrix(2, 2), createMatrix(2, 3)), {
      name: "ShapeError",
      message: /out is 2×3 but the input is 2×2/,
    });
    assert.throws(() => softmaxRows(createMatrix(2, 2), createMatrix(3, 2)), {
      name: "ShapeError",
      message: /out is 3×2 but the input is 2×2/,
    });
  });
  it("messages name the parameter: z, output, values, m, out", () => {
    assert.throws(() => sigmoid("1" as never), { message: /^z must be a number/ });
    assert.throws(() => sigmoidDerivative(null as never), { message: /^z must be a number/ });
    assert.throws(() => tanh(undefined as never), { message: /^z must be a number/ });
    assert.throws(() => tanhDerivativeFromOutput("0" as never), {
      message: /^output must be a number/,
    });
    assert.throws(() => sigmoidArray("abc" as never), { message: /^values must be an array/ });
    assert.throws(() => logSumExp(null as never), { message: /^values \(the logits\) must be/ });
    assert.throws(() => softmaxRows(null as never), { message: /^m must be a Matrix/ });
    assert.throws(() => softmaxRows(createMatrix(1, 1), [1] as never), {
      message: /^out must be a Matrix/,
    });
    assert.throws(() => sigmoidArray([1], new Float64Array(2)), {
      message: /Cannot apply sigmoid: out has 2 entries/,
    });
  });
});
