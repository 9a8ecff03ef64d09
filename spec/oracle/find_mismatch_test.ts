// findMismatch and the assertions on top of it: the exact Mismatch (first index, count,
// difference, bound, message) on every path — scalars, flat arrays, a matrix against
// nested rows, arrays of matrices — and the exact refusals. Found unchecked by the
// mutation run (issue 12, tools/mutation/run.sh oracle).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  assertAllClose,
  assertClose,
  findMismatch,
  validateTolerance,
} from "../../oracle/assert_close.ts";
import type { NumericTree, Tolerance } from "../../oracle/assert_close.ts";

const mismatch = (a: unknown, e: unknown, tolerance: Tolerance) =>
  findMismatch(a as NumericTree, e as NumericTree, tolerance);
const matrix = (rows: number, cols: number, data: number[]) => ({ rows, cols, data });

describe("findMismatch: the whole Mismatch, exactly", () => {
  it("a scalar, exact: no index in the message", () => {
    assert.deepEqual(mismatch(1, 2, {}), {
      index: [],
      actual: 1,
      expected: 2,
      difference: 1,
      bound: 0,
      count: 1,
      total: 1,
      message: "1 of 1 values differ; first: actual 1, expected 2, difference 1 exceeds 0 " +
        "(exact (Object.is))",
    });
  });
  it("ulps: the distance in ulps against the bound", () => {
    const next = 1 + 2 * Number.EPSILON;
    assert.deepEqual(mismatch([1, next], [1, 1], { ulps: 1 }), {
      index: [1],
      actual: next,
      expected: 1,
      difference: 2,
      bound: 1,
      count: 1,
      total: 2,
      message: `1 of 2 values differ; first at [1]: actual ${next}, expected 1, ` +
        "difference 2 ulps exceeds 1 ulps (1 ulps)",
    });
  });
  it("rtol and atol: |actual − expected| against atol + rtol·|expected|", () => {
    const m = mismatch([3, -5], [2, -4], { rtol: 0.125, atol: 0.25 })!;
    assert.deepEqual([m.index, m.actual, m.expected, m.difference, m.bound], [[0], 3, 2, 1, 0.5]);
    assert.equal(m.count, 2);
    assert.equal(
      m.message,
      "2 of 2 values differ; first at [0]: actual 3, expected 2, difference 1 exceeds 0.5 " +
        "(atol 0.25 + rtol 0.125·|expected|)",
    );
    assert.equal(
      mismatch([3, -5], [2, -4], { rtol: 0.25, atol: 0.5 }),
      null,
      "1 ≤ 0.5 + 0.25·|−4|",
    );
  });
  it("non-finite pairs: the difference, a bound of 0", () => {
    const nan = mismatch(NaN, 1, { rtol: 1 })!;
    assert.deepEqual([nan.difference, nan.bound], [NaN, 0]);
    const inf = mismatch(Infinity, 1, { rtol: 1 })!;
    assert.deepEqual([inf.difference, inf.bound], [Infinity, 0]);
    const infExpected = mismatch(1, -Infinity, { ulps: 1 })!;
    assert.deepEqual([infExpected.difference, infExpected.bound], [Infinity, 0]);
  });
  it("∞ is not within any finite bound of a finite number, on either side", () => {
    for (const tolerance of [{ rtol: 1 }, { rtol: 1, atol: 1e300 }, { ulps: 1e300 }]) {
      assert.notEqual(mismatch(1, Infinity, tolerance), null, JSON.stringify(tolerance));
      assert.notEqual(mismatch(-Infinity, 1, tolerance), null, JSON.stringify(tolerance));
      assert.notEqual(mismatch([1], [NaN], tolerance), null, JSON.stringify(tolerance));
      assert.equal(mismatch([NaN, Infinity], [NaN, Infinity], tolerance), null);
    }
  });
  it("the first mismatch and the count, in flat arrays", () => {
    const m = mismatch([9, 1, 9, 9], [0, 1, 0, 0], {})!;
    assert.deepEqual([m.index, m.count, m.total], [[0], 3, 4]);
    const later = mismatch(new Float64Array([1, 9, 1, 9]), [1, 0, 1, 0], {})!;
    assert.deepEqual([later.index, later.count], [[1], 2]);
  });
  it("a matrix against nested rows, either way round", () => {
    const m = mismatch([[1, 2], [3, 4]], matrix(2, 2, [1, 2, 3, 5]), {})!;
    assert.deepEqual([m.index, m.actual, m.expected, m.count], [[1, 1], 4, 5, 1]);
    const n = mismatch(matrix(2, 3, [1, 2, 3, 4, 5, 6]), [[1, 2, 0], [4, 0, 6]], {})!;
    assert.deepEqual([n.index, n.actual, n.expected, n.count], [[0, 2], 3, 0, 2]);
    assert.equal(mismatch(matrix(2, 2, [1, 2, 3, 4]), [[1, 2], [3, 4]], {}), null);
  });
  it("arrays of matrices and nested arrays: the multi-index of the first, every one counted", () => {
    const actual = [matrix(2, 2, [1, 2, 3, 4]), matrix(2, 2, [5, 6, 7, 8])];
    const expected = [[[1, 2], [3, 4]], [[5, 0], [0, 8]]];
    const m = mismatch(actual, expected, {})!;
    assert.deepEqual([m.index, m.actual, m.expected, m.count, m.total], [[1, 0, 1], 6, 0, 2, 8]);
    assert.match(m.message, /^2 of 8 values differ; first at \[1, 0, 1\]: actual 6, expected 0/);
    const reversed = mismatch(expected, actual, {})!;
    assert.deepEqual([reversed.index, reversed.actual, reversed.expected], [[1, 0, 1], 0, 6]);
    const deep = mismatch([[[1, 2]], [[3, 4]], [[5, 6]]], [[[1, 2]], [[3, 0]], [[0, 6]]], {})!;
    assert.deepEqual([deep.index, deep.count], [[1, 0, 1], 2]);
    const rows = mismatch([new Float64Array([1, 2]), [3, 4]], [[1, 2], [3, 5]], {})!;
    assert.deepEqual([rows.index, rows.count], [[1, 1], 1]);
    assert.equal(mismatch(actual, expected.map((m) => m.map((r) => [...r])), { atol: 8 }), null);
  });
  it("names which side is malformed", () => {
    assert.throws(() => mismatch(1, "x", {}), {
      name: "InputTypeError",
      message: 'expected: expected a number or an array of them, got the string "x"',
    });
    assert.throws(() => mismatch([1, "x"], [1, 2], {}), {
      name: "InputTypeError",
      message: 'actual: expected a number at index 1, got the string "x"',
    });
  });
});

describe("the tolerance, exactly", () => {
  it("unknown keys, bad bounds, mixed kinds", () => {
    const refused = (tolerance: unknown, message: string) =>
      assert.throws(() => validateTolerance(tolerance as Tolerance), {
        name: "InputTypeError",
        message,
      });
    refused(
      { digits: 3 },
      'Tolerance has unknown key "digits"; expected ulps, or rtol and atol, and a reason',
    );
    refused({ ulps: -1 }, "Tolerance ulps must be a finite number ≥ 0, got -1");
    refused({ rtol: NaN }, "Tolerance rtol must be a finite number ≥ 0, got NaN");
    refused({ atol: Infinity }, "Tolerance atol must be a finite number ≥ 0, got Infinity");
    refused({ ulps: "1" }, 'Tolerance ulps must be a finite number ≥ 0, got the string "1"');
    refused({ atol: true }, "Tolerance atol must be a finite number ≥ 0, got the boolean true");
    refused([], "Tolerance must be an object such as {} or { rtol: 1e-12 }, got an array");
    for (
      const mixed of [{ ulps: 1, rtol: 0 }, { ulps: 1, atol: 0 }, { ulps: 0, rtol: 1, atol: 1 }]
    ) {
      refused(mixed, "Tolerance mixes ulps with rtol/atol: give one kind of bound");
    }
    const ok = { rtol: 0, atol: 0, reason: "r" };
    assert.equal(validateTolerance(ok), ok);
  });
});

describe("assertClose and assertAllClose: arguments", () => {
  it("assertClose takes numbers only", () => {
    assert.throws(() => assertClose([1] as never, 1, {}), {
      name: "InputTypeError",
      message: "assertClose compares numbers; got an array and the number 1",
    });
    assert.throws(() => assertClose(1, "1" as never, {}), {
      name: "InputTypeError",
      message: 'assertClose compares numbers; got the number 1 and the string "1"',
    });
  });
  it("the context is a string, and prefixes the message", () => {
    assert.throws(() => assertAllClose(1, 1, {}, 5 as never), {
      name: "InputTypeError",
      message: "context must be a string, got the number 5",
    });
    assert.throws(() => assertClose(1, 2, {}, "σ(0)"), {
      name: "AssertionError",
      message: /^σ\(0\): 1 of 1 values differ/,
    });
    assert.throws(() => assertClose(1, 2, {}, ""), { message: /^1 of 1 values differ/ });
  });
});
