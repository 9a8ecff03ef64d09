// Issue 12, "typed errors at every boundary": the bad inputs the issue names, each with the
// error class, its stable code and a message that names the parameter, what it got and,
// where one exists, the fix. On main these gave NaN, silently wrong answers ("0abc"), or
// "Cannot read properties of null". The exhaustive walk over mod.ts's exports is
// spec/mod_exports_test.ts.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  ArgumentRangeError,
  InputTypeError,
  NonFiniteError,
  ShapeError,
  SingularMatrixError,
} from "../../lib/errors.ts";
import { createMatrix, fromRows, identityMatrix, zeros } from "../../lib/linalg/matrix.ts";
import { matmul } from "../../lib/linalg/matmul.ts";
import { dot, matvec } from "../../lib/linalg/matvec.ts";
import { leastSquares } from "../../lib/linalg/lstsq.ts";
import { createNetwork } from "../../lib/nn/network.ts";
import { problemGradientDescent } from "../../lib/optim/gradient_descent.ts";
import { leastSquaresProblem } from "../../lib/optim/least_squares.ts";
import { robbinsMonroPartialSum } from "../../lib/series/robbins_monro.ts";
import { driveToTarget } from "../../lib/inverse/drive_to_target.ts";
import { sigmoid, sigmoidArray } from "../../lib/activation/sigmoid.ts";
import { meanSquaredError } from "../../lib/loss/squared_error.ts";
import { forwardModeGradient } from "../../lib/autodiff/dual.ts";

describe("a Matrix is checked where it enters", () => {
  it("data shorter than rows × cols: a ShapeError, not NaNs", () => {
    const short = { rows: 2, cols: 2, data: Float64Array.of(1, 2, 3) };
    assert.throws(() => matmul(short, identityMatrix(2)), {
      name: "ShapeError",
      message: /A is 2×2 but its data has 3 entries, expected rows × cols = 4/,
    });
  });
  it("data longer than rows × cols: a ShapeError, not silently ignored", () => {
    const long = { rows: 2, cols: 2, data: Float64Array.of(1, 2, 3, 4, 5) };
    assert.throws(() => matmul(identityMatrix(2), long), {
      name: "ShapeError",
      message: /B is 2×2/,
    });
  });
  it("a plain number[][] where a Matrix is expected: InputTypeError with the fix", () => {
    assert.throws(() => matmul([[1, 2], [3, 4]] as never, identityMatrix(2)), {
      name: "InputTypeError",
      message: /A must be a Matrix .* got a plain array \(2 rows\); use fromRows\(A\)/,
    });
    assert.throws(() => leastSquares([[1], [2]] as never, [1, 2], { method: "qr" }), {
      name: "InputTypeError",
      message: /use fromRows/,
    });
  });
  it("…and the reverse: a Matrix where rows are expected, data not a Float64Array", () => {
    assert.throws(() => fromRows(identityMatrix(2) as never), {
      name: "InputTypeError",
      message: /got a Matrix, which needs no conversion/,
    });
    assert.throws(() => matvec({ rows: 1, cols: 2, data: [1, 2] } as never, [1, 1]), {
      name: "InputTypeError",
      message: /A\.data must be a Float64Array, got an array of length 2; use createMatrix/,
    });
  });
  it("null and undefined name the parameter instead of 'Cannot read properties of null'", () => {
    assert.throws(() => matmul(null as never, identityMatrix(2)), {
      name: "InputTypeError",
      message: /A must be a Matrix \{ rows, cols, data: Float64Array \}, got null/,
    });
    assert.throws(() => matvec(identityMatrix(2), undefined as never), {
      name: "InputTypeError",
      message: /x must be an array of numbers \(number\[\] or Float64Array\), got undefined/,
    });
  });
});

describe("arrays of numbers are checked where they enter", () => {
  it("strings, numeric or not, are refused", () => {
    assert.throws(() => dot("12" as never, [1, 2]), {
      name: "InputTypeError",
      message: /x must be an array of numbers .*got the string "12"/,
    });
    assert.throws(() => dot(["1", "2"] as never, [1, 2]), {
      name: "InputTypeError",
      message: /x must be an array of numbers, but entry 0 is the string "1"/,
    });
  });
  it("BigInts, as values or as a BigInt64Array, are refused with the conversion", () => {
    assert.throws(() => meanSquaredError([1n, 2n] as never, [1, 2]), {
      name: "InputTypeError",
      message: /entry 0 is the BigInt 1n/,
    });
    assert.throws(() => sigmoidArray(BigInt64Array.of(1n) as never), {
      name: "InputTypeError",
      message: /BigInt64Array \(BigInts\); convert with Float64Array\.from\(values, Number\)/,
    });
    assert.throws(() => sigmoid(1n as never), {
      name: "InputTypeError",
      message: /z must be a number, got the BigInt 1n/,
    });
  });
  it("sparse arrays are refused, naming the hole", () => {
    // deno-lint-ignore no-sparse-arrays
    assert.throws(() => dot([1, , 3] as never, [1, 2, 3]), {
      name: "InputTypeError",
      message: /entry 1 is missing \(a sparse array\)/,
    });
  });
  it("ragged rows are a ShapeError", () => {
    assert.throws(() => fromRows([[1, 2], [3]]), {
      name: "ShapeError",
      message: /row 1 has 1 entries, row 0 has 2 \(ragged rows\)/,
    });
  });
  it("sizes must be integers ≥ 0: fractions, negatives and NaN are ArgumentRangeErrors", () => {
    for (const size of [2.5, -1, NaN, Infinity, 2 ** 32]) {
      assert.throws(() => zeros(size, 1), {
        name: "ArgumentRangeError",
        message: /Matrix row count \(rows\) must be an integer in \[0, 4294967295\]/,
      });
    }
    assert.throws(() => createMatrix("2" as never, 1), {
      name: "InputTypeError",
      message: /got the string "2"/,
    });
  });
});

describe("name lookups never reach Object.prototype", () => {
  const names = ["constructor", "toString", "__proto__", "hasOwnProperty"];
  it("activation names", () => {
    for (const name of names) {
      assert.throws(() => createNetwork([{ weights: [[1]], activation: name as "tanh" }]), {
        name: "ArgumentRangeError",
        message: new RegExp(`has unknown activation "${name}"`),
      });
    }
  });
  it("least-squares methods, GD step variants, series and summation methods", () => {
    const problem = leastSquaresProblem(fromRows([[1], [2]]), [1, 2]);
    for (const name of names) {
      assert.throws(() => leastSquares(fromRows([[1], [2]]), [1, 2], { method: name as "qr" }), {
        name: "ArgumentRangeError",
      });
      assert.throws(() =>
        problemGradientDescent(problem, {
          learningRate: 0.1,
          stop: { kind: "iterations", count: 1 },
          maxIterations: 1,
          variant: name as "gram",
        }), { name: "ArgumentRangeError", message: /Unknown GD step variant/ });
      assert.throws(() => robbinsMonroPartialSum(name as "stepsInverse", 10), {
        name: "ArgumentRangeError",
        message: /Unknown step series/,
      });
      assert.throws(
        () => robbinsMonroPartialSum("stepsInverse", 10, { method: name as "naive" }),
        { name: "ArgumentRangeError", message: /Unknown summation method/ },
      );
    }
  });
  it('driveToTarget: adjust: ["constructor"] is not an input of { b: 4 }', () => {
    assert.throws(
      () =>
        driveToTarget({
          fn: (ops, { b }) => ops.mul(b, 2),
          start: { b: 4 },
          adjust: ["constructor"],
          target: 1,
          tolerance: 1e-6,
          maxIterations: 10,
          factors: "recomputed",
        }),
      {
        name: "ArgumentRangeError",
        message: /Cannot adjust input "constructor": it has no start value/,
      },
    );
  });
  it('"__proto__" as an input name is refused, the same way on every runtime', () => {
    const point = JSON.parse('{"__proto__": 1, "x": 2}');
    assert.throws(() => forwardModeGradient((ops, { x }) => ops.mul(x, x), point), {
      name: "ArgumentRangeError",
      message: /"__proto__" cannot name a node or an input/,
    });
  });
});

describe("the error classes: kinds a caller can catch, each subclassing the builtin", () => {
  it("instanceof the builtin, a stable code, the class's own name", () => {
    const cases: [() => unknown, new (...args: never[]) => Error, string, string][] = [
      [
        () => matmul(null as never, identityMatrix(1)),
        TypeError,
        "InputTypeError",
        "NNREF_INPUT_TYPE",
      ],
      [() => matmul(identityMatrix(2), identityMatrix(3)), RangeError, "ShapeError", "NNREF_SHAPE"],
      [() => zeros(-1, 1), RangeError, "ArgumentRangeError", "NNREF_ARGUMENT_RANGE"],
      [
        () => leastSquares(fromRows([[NaN]]), [1], { method: "qr" }),
        RangeError,
        "NonFiniteError",
        "NNREF_NON_FINITE",
      ],
      [
        () => leastSquares(fromRows([[1, 1], [1, 1]]), [1, 2], { method: "qr" }),
        RangeError,
        "SingularMatrixError",
        "NNREF_SINGULAR_MATRIX",
      ],
    ];
    const classes = {
      InputTypeError,
      ShapeError,
      ArgumentRangeError,
      NonFiniteError,
      SingularMatrixError,
    };
    for (const [call, builtin, name, code] of cases) {
      assert.throws(call, (error: unknown) => {
        assert.ok(error instanceof builtin, `${name} is a ${builtin.name}`);
        assert.ok(error instanceof classes[name as keyof typeof classes]);
        assert.equal((error as Error).name, name);
        assert.equal((error as { code: string }).code, code);
        return true;
      });
    }
  });
});
