import { describe, it } from "node:test";
import assert from "node:assert/strict";
import json from "../../../fixtures/linalg/matmul.json" with { type: "json" };
import { allFixtures } from "../../_fixture.ts";
import { assertAllClose } from "../../../oracle/assert_close.ts";
import { dot, matvec } from "../../../lib/linalg/matvec.ts";
import { matmulNaive } from "../../../lib/linalg/matmul.ts";
import { createMatrix, fromRows } from "../../../lib/linalg/matrix.ts";

describe("matvec: Ax against the exact product (the k × 1 matmul fixtures)", () => {
  for (const fixture of allFixtures(json, "matmul.json")) {
    const input = fixture.input as { a: number[][]; b: number[][] };
    if (input.b[0].length !== 1) continue;
    it(`${fixture.id}: within the measured bound, and equal to matmulNaive`, () => {
      const a = fromRows(input.a);
      const x = input.b.map((row) => row[0]);
      const y = matvec(a, x);
      const expected = (fixture.expected.product as number[][]).map((row) => row[0]);
      assertAllClose(y, expected, fixture.tolerance.product);
      assertAllClose(y, matmulNaive(a, fromRows(input.b)).data, {});
    });
  }
  it("writes into a caller's buffer", () => {
    const out = new Float64Array(2);
    assert.equal(matvec(fromRows([[1, 2], [3, 4]]), [1, -1], out), out);
    assertAllClose(out, [-1, -1], {});
  });
});

describe("dot", () => {
  it("sums left to right", () => {
    assert.equal(dot([1e16, 1, -1e16], [1, 1, 1]), 0); // 1e16 + 1 rounds to 1e16
    assert.equal(dot([], []), 0);
  });
});

describe("matvec and dot: bad input", () => {
  it("inner dimensions differ", () => {
    assert.throws(() => matvec(createMatrix(2, 3), [1, 2]), {
      name: "ShapeError",
      message: /inner dimensions differ \(3 vs 2\)/,
    });
  });
  it("output of the wrong length", () => {
    assert.throws(() => matvec(createMatrix(2, 2), [1, 2], new Float64Array(3)), {
      name: "ShapeError",
      message: /output has 3 entries, expected 2/,
    });
  });
  it("output aliasing x", () => {
    const x = new Float64Array(2);
    assert.throws(() => matvec(createMatrix(2, 2), x, x), {
      name: "ShapeError",
      message: /shares memory/,
    });
  });
  it("dot of different lengths", () => {
    assert.throws(() => dot([1, 2], [1]), {
      name: "ShapeError",
      message: /different lengths \(2 vs 1\)/,
    });
  });
});
