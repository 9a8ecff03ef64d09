import { describe, it } from "node:test";
import assert from "node:assert/strict";
import json from "../../../fixtures/linalg/matmul.json" with { type: "json" };
import { allFixtures } from "../../_fixture.ts";
import { assertAllClose } from "../../../oracle/assert_close.ts";
import { assertFixture } from "../../../oracle/verify.ts";
import { subjectFor } from "../../../oracle/subject.ts";
import { SUBJECTS } from "../../../worked/registry.ts";
import { matmul, matmulBlocked, matmulNaive } from "../../../lib/linalg/matmul.ts";
import { MATMUL_VARIANTS } from "../../../lib/variants.ts";
import { createMatrix, fromRows } from "../../../lib/linalg/matrix.ts";

const fixtures = allFixtures(json, "fixtures/linalg/matmul.json");

describe("matmul: C = AB against the exact product (fixtures/linalg/matmul.json)", () => {
  for (const fixture of fixtures) {
    it(`${fixture.id}: matmul through the subject`, () => {
      const subject = subjectFor(SUBJECTS, fixture.id);
      assertFixture(fixture, subject.compute(fixture), subject.fields);
    });
    for (const [name, kernel] of Object.entries(MATMUL_VARIANTS)) {
      const input = fixture.input as { a: number[][]; b: number[][] };
      const a = fromRows(input.a), b = fromRows(input.b);
      it(`${fixture.id}: ${name} is within the measured bound of the exact product`, () => {
        assertAllClose(
          kernel(a, b),
          fixture.expected.product as number[][],
          fixture.tolerance.product,
        );
      });
      it(`${fixture.id}: ${name} equals matmulNaive bit for bit`, () => {
        assertAllClose(kernel(a, b), matmulNaive(a, b), {});
      });
      it(`${fixture.id}: ${name} writes into a caller's buffer and returns it`, () => {
        const out = createMatrix(a.rows, b.cols, new Array(a.rows * b.cols).fill(NaN));
        const returned = kernel(a, b, out);
        assert.equal(returned, out);
        assertAllClose(out, matmulNaive(a, b), {});
      });
    }
  }
});

describe("matmul: edge shapes", () => {
  it("a k = 0 product is the zero matrix", () => {
    for (const kernel of Object.values(MATMUL_VARIANTS)) {
      const c = kernel(createMatrix(3, 0), createMatrix(0, 2));
      assertAllClose(c, [[0, 0], [0, 0], [0, 0]], {});
    }
  });
  it("the blocked kernel crosses its 256-deep slices in order", () => {
    const k = 600;
    const a = createMatrix(5, k, Array.from({ length: 5 * k }, (_, i) => Math.sin(i + 1)));
    const b = createMatrix(k, 6, Array.from({ length: 6 * k }, (_, i) => Math.cos(i * 0.7)));
    assertAllClose(matmulBlocked(a, b), matmulNaive(a, b), {});
  });
  it("the blocked kernel's reused panels: a large product, then smaller ones, all bit-identical", () => {
    // The packed scratch grows on the first call and is reused (with stale contents
    // beyond the new extent) by the next ones; edge tiles on both sides.
    for (const [m, k, n] of [[37, 300, 41], [9, 5, 6], [4, 4, 4], [13, 257, 7], [1, 3, 1]]) {
      const a = createMatrix(m, k, Array.from({ length: m * k }, (_, i) => Math.sin(3 * i + m)));
      const b = createMatrix(k, n, Array.from({ length: k * n }, (_, i) => Math.cos(i + n) * 1e3));
      assertAllClose(matmulBlocked(a, b), matmulNaive(a, b), {});
    }
  });
  it("a product whose packed panel exceeds the 32 MB retained scratch (one-off buffer), then a small one", () => {
    // 16 400 rows × depth 256 needs 4 198 400 doubles of packed A: just over the cap.
    const m = 16_400, k = 256, n = 3;
    const a = createMatrix(m, k, Array.from({ length: m * k }, (_, i) => Math.sin(i)));
    const b = createMatrix(k, n, Array.from({ length: k * n }, (_, i) => Math.cos(i)));
    assertAllClose(matmulBlocked(a, b), matmulNaive(a, b), {});
    const small = createMatrix(5, 3, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    assertAllClose(
      matmulBlocked(small, fromRows([[1], [0], [-1]])),
      [[-2], [-2], [-2], [-2], [-2]],
      {},
    );
  });
  it("matmul is the blocked kernel", () => {
    assert.equal(matmul, matmulBlocked);
  });
});

describe("matmul: bad input", () => {
  for (const [name, kernel] of Object.entries(MATMUL_VARIANTS)) {
    it(`${name}: inner dimensions differ`, () => {
      assert.throws(() => kernel(createMatrix(2, 3), createMatrix(4, 2)), {
        name: "ShapeError",
        message: /Cannot multiply matrices: inner dimensions differ \(3 vs 4\)/,
      });
    });
    it(`${name}: output buffer of the wrong shape`, () => {
      assert.throws(() => kernel(createMatrix(2, 3), createMatrix(3, 2), createMatrix(3, 2)), {
        name: "ShapeError",
        message: /output buffer is 3×2, expected 2×2/,
      });
    });
    it(`${name}: output buffer aliasing an input`, () => {
      const a = createMatrix(2, 2, [1, 2, 3, 4]);
      assert.throws(() => kernel(a, createMatrix(2, 2), a), {
        name: "ShapeError",
        message: /shares memory with an input/,
      });
    });
  }
});
