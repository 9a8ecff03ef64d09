// The oracle's in-place reader of nested values (oracle/_tree.ts, behind assertAllClose,
// findMismatch and the printed-value checks): shapes, the fast paths' flat views, and the
// message for every malformed value. Found unchecked by the mutation run (issue 12,
// tools/mutation/run.sh oracle).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  describe as describeValue,
  isNumber,
  isString,
  multiIndex,
  readTree,
} from "../../oracle/_tree.ts";

const numbers = (value: unknown) => readTree(value, isNumber, "number", "w");
const strings = (value: unknown) => readTree(value, isString, "string", "w");
const leaves = <T>(tree: { size: number; at(i: number): T }) =>
  Array.from({ length: tree.size }, (_, i) => tree.at(i));
const refused = (read: () => unknown, message: string) =>
  assert.throws(read, { name: "InputTypeError", message: `w: ${message}` });

describe("readTree: shapes and leaves, read in place", () => {
  it("a scalar", () => {
    const tree = numbers(2.5);
    assert.deepEqual([tree.shape, tree.size, tree.at(0), tree.flat], [[], 1, 2.5, null]);
  });
  it("a typed array and a plain vector are their own flat view", () => {
    const typed = new Float64Array([1, 2, 3]);
    const tree = numbers(typed);
    assert.deepEqual([tree.shape, tree.size, leaves(tree)], [[3], 3, [1, 2, 3]]);
    assert.equal(tree.flat, typed);
    const plain = [4, 5];
    const vector = numbers(plain);
    assert.deepEqual([vector.shape, leaves(vector)], [[2], [4, 5]]);
    assert.equal(vector.flat, plain);
    assert.deepEqual(numbers([]).shape, [0]);
  });
  it("a matrix, with typed or plain data, is its data", () => {
    for (const data of [new Float64Array([1, 2, 3, 4, 5, 6]), [1, 2, 3, 4, 5, 6]]) {
      const tree = numbers({ rows: 2, cols: 3, data });
      assert.deepEqual([tree.shape, tree.size, leaves(tree)], [[2, 3], 6, [1, 2, 3, 4, 5, 6]]);
      assert.equal(tree.flat, data);
    }
    assert.deepEqual(numbers({ rows: 0, cols: 0, data: [] }).shape, [0, 0]);
    assert.deepEqual(strings({ rows: 1, cols: 2, data: ["a", "b"] }).shape, [1, 2]);
  });
  it("nested arrays, typed rows and arrays of matrices: row-major leaves, no flat view", () => {
    const nested = numbers([[[1], [2]], [[3], [4]]]);
    assert.deepEqual([nested.shape, leaves(nested), nested.flat], [[2, 2, 1], [1, 2, 3, 4], null]);
    const rows = numbers([new Float64Array([1, 2]), new Float32Array([3, 4])]);
    assert.deepEqual([rows.shape, leaves(rows)], [[2, 2], [1, 2, 3, 4]]);
    const matrices = numbers([
      { rows: 1, cols: 2, data: new Float64Array([1, 2]) },
      { rows: 1, cols: 2, data: [3, 4] },
    ]);
    assert.deepEqual([matrices.shape, leaves(matrices)], [[2, 1, 2], [1, 2, 3, 4]]);
    const mixed = numbers([{ rows: 1, cols: 1, data: [1] }, [[2]]]);
    assert.deepEqual([mixed.shape, leaves(mixed)], [[2, 1, 1], [1, 2]]);
    const empty = numbers([[], []]);
    assert.deepEqual([empty.shape, empty.size], [[2, 0], 0]);
    const text = strings([["a", "b"], ["c", "d"]]);
    assert.deepEqual([text.shape, leaves(text)], [[2, 2], ["a", "b", "c", "d"]]);
  });
});

describe("readTree: every malformed value named", () => {
  it("not a leaf, not an array", () => {
    refused(() => numbers("1"), 'expected a number or an array of them, got the string "1"');
    refused(
      () => numbers({ rows: "2", cols: 1, data: [1] }),
      "expected a number or an array of them, got an object",
    );
    refused(
      () => numbers(new DataView(new ArrayBuffer(8))),
      "expected a number or an array of them, got a DataView",
    );
    refused(() => strings(1), "expected a string or an array of them, got the number 1");
  });
  it("BigInt typed arrays are not numbers; typed arrays are not strings", () => {
    refused(
      () => numbers(new BigInt64Array([1n])),
      "expected a number at index 0, got the BigInt 1n",
    );
    refused(
      () => numbers(new BigUint64Array([2n])),
      "expected a number at index 0, got the BigInt 2n",
    );
    refused(() => strings(new Float64Array([1])), "expected a string at index 0, got the number 1");
    refused(
      () => strings([new Float64Array([1])]),
      "expected a string at index 0, got the number 1",
    );
    refused(
      () => strings({ rows: 1, cols: 1, data: new Float64Array([1]) }),
      "matrix entry 0 is not a string",
    );
  });
  it("matrices: integer sizes ≥ 0, rows × cols entries, leaves of the right type", () => {
    refused(
      () => numbers({ rows: 1.5, cols: 2, data: [1, 2, 3] }),
      "a matrix's rows and cols must be integers ≥ 0, got 1.5 × 2",
    );
    refused(
      () => numbers({ rows: 2, cols: 0.5, data: [1] }),
      "a matrix's rows and cols must be integers ≥ 0, got 2 × 0.5",
    );
    refused(
      () => numbers({ rows: -1, cols: -2, data: [1, 2] }),
      "a matrix's rows and cols must be integers ≥ 0, got -1 × -2",
    );
    refused(
      () => numbers({ rows: 2, cols: -1, data: [] }),
      "a matrix's rows and cols must be integers ≥ 0, got 2 × -1",
    );
    refused(
      () => numbers({ rows: 2, cols: 2, data: [1, 2, 3] }),
      "matrix data has 3 entries, expected rows × cols = 4",
    );
    refused(
      () => numbers({ rows: 1, cols: 3, data: [1, 2, "3"] }),
      "matrix entry 2 is not a number",
    );
    refused(() => strings({ rows: 1, cols: 2, data: ["a", 1] }), "matrix entry 1 is not a string");
    refused(
      () => numbers([{ rows: 1, cols: 2, data: [1, 2] }, { rows: 2, cols: 1, data: [3, 4] }]),
      "ragged nesting, a 2×1 matrix where the shape is [2,1,2]",
    );
    refused(
      () => numbers([{ rows: 1, cols: 2, data: [1, 2] }, { rows: 1, cols: 3, data: [3, 4, 5] }]),
      "ragged nesting, a 1×3 matrix where the shape is [2,1,2]",
    );
    refused(
      () => numbers([[1, 2], { rows: 1, cols: 2, data: [1, 2] }]),
      "ragged nesting, a 1×2 matrix where the shape is [2,2]",
    );
    refused(
      () => numbers([{ rows: 1, cols: 1, data: [1] }, [[1]], 3]),
      "expected a number or an array of them, got the number 3",
    );
  });
  it("ragged nesting, at the level where it is", () => {
    refused(() => numbers([1, [2]]), "expected a number at index 1, got an array (ragged nesting)");
    refused(() => numbers([1, null]), "expected a number at index 1, got null");
    refused(
      () => numbers([[1], [2, 3]]),
      "ragged nesting, an element at depth 1 has 2 entries but the first has 1 (shape [2,1])",
    );
    refused(
      () => numbers([[1], [[2]]]),
      "expected a number at index 0, got an array (ragged nesting)",
    );
    refused(
      () => numbers([[1], "ab"]),
      'expected a number or an array of them, got the string "ab"',
    );
    refused(
      () => numbers([[[1]], [[[2]]]]),
      "expected a number at index 0, got an array (ragged nesting)",
    );
    refused(
      () => numbers([[], [1]]),
      "ragged nesting, an element at depth 1 has 1 entries but the first has 0 (shape [2,0])",
    );
  });
  it("64 levels, not 65; cycles by name", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 64; i++) deep = [deep];
    assert.deepEqual(numbers(deep).shape, new Array(64).fill(1));
    const tooDeep = "nested more than 64 levels deep, or cyclic (an array that contains itself); " +
      "expected 64 levels at most";
    refused(() => numbers([deep]), tooDeep);
    const self: unknown[] = [];
    self.push(self);
    refused(() => numbers(self), "the value is cyclic (an array contains itself)");
    // A cycle off the first elements, where every level has the first's length.
    const outer: unknown[] = [];
    outer.push([[1, 1], [1, 1]], outer);
    refused(() => numbers(outer), "the value is cyclic (an array contains itself)");
  });
});

describe("describe and multiIndex, for messages", () => {
  it("names each kind of value", () => {
    assert.equal(describeValue(null), "null");
    assert.equal(describeValue(undefined), "undefined");
    assert.equal(describeValue([1]), "an array");
    assert.equal(describeValue("x".repeat(50)), `the string "${"x".repeat(40)}"`);
    assert.equal(describeValue(2n), "the BigInt 2n");
    assert.equal(describeValue(-0.5), "the number -0.5");
    assert.equal(describeValue(true), "the boolean true");
    assert.equal(describeValue(new Int8Array(1)), "an Int8Array");
    assert.equal(describeValue(new Float64Array(1)), "a Float64Array");
    assert.equal(describeValue({}), "an object");
    assert.equal(describeValue(() => 1), "a function");
    assert.equal(describeValue(Symbol("s")), "a symbol");
  });
  it("row-major multi-indices", () => {
    assert.deepEqual(multiIndex(0, []), []);
    assert.deepEqual(multiIndex(5, [2, 3]), [1, 2]);
    assert.deepEqual(multiIndex(7, [2, 2, 2]), [1, 1, 1]);
    assert.deepEqual(multiIndex(3, [4]), [3]);
  });
});
