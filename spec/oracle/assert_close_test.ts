import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  assertAllClose,
  assertClose,
  findMismatch,
  validateTolerance,
} from "../../oracle/assert_close.ts";
import { AssertionError } from "../../oracle/assertion_error.ts";

const fails = (fn: () => void, pattern: RegExp) =>
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof AssertionError, `expected an AssertionError, got ${error}`);
    assert.match((error as Error).message, pattern);
    return true;
  });

describe("assertClose: {} means exact (Object.is)", () => {
  it("passes on identical doubles", () => assertClose(0.1 + 0.2, 0.30000000000000004, {}));
  it("fails one ulp apart, naming actual, expected and the bound", () => {
    fails(
      () => assertClose(0.1 + 0.2, 0.3, {}),
      /actual 0\.30000000000000004, expected 0\.3.*exact/,
    );
  });
  it("distinguishes +0 from −0", () => fails(() => assertClose(-0, 0, {}), /exact/));
});

describe("assertClose: ulps", () => {
  it("passes within the bound and fails one past it", () => {
    assertClose(1 + 2 * 2 ** -52, 1, { ulps: 2 });
    fails(() => assertClose(1 + 3 * 2 ** -52, 1, { ulps: 2 }), /difference 3 ulps exceeds 2 ulps/);
  });
});

describe("assertClose: numpy's |a − e| ≤ atol + rtol·|e|", () => {
  it("uses |expected|, not |actual|, in the relative term", () => {
    // |110 − 100| = 10 ≤ 0.1·100 passes; |100 − 110| = 10 > 0.09·110 = 9.9 fails.
    assertClose(110, 100, { rtol: 0.1 });
    fails(() => assertClose(100, 110, { rtol: 0.09 }), /difference 10 exceeds 9\.9/);
  });
  it("adds atol to the relative bound", () => {
    assertClose(1e-20, 0, { atol: 1e-19 });
    assertClose(1.5, 1, { atol: 0.25, rtol: 0.25 });
    fails(() => assertClose(1.6, 1, { atol: 0.25, rtol: 0.25 }), /exceeds 0\.5/);
  });
});

describe("any non-finite mismatch fails, whatever the tolerance", () => {
  const generous = { rtol: 1e300, atol: 1e300 };
  it("NaN vs a number", () => fails(() => assertClose(NaN, 1, generous), /actual NaN, expected 1/));
  it("a number vs NaN", () => fails(() => assertClose(1, NaN, generous), /actual 1, expected NaN/));
  it("+∞ vs −∞", () => fails(() => assertClose(Infinity, -Infinity, generous), /Infinity/));
  it("∞ vs a finite number", () => fails(() => assertClose(Infinity, 1e308, generous), /Infinity/));
  it("∞ vs finite even under ulps (∞ is one ulp past MAX_VALUE)", () => {
    fails(() => assertClose(Infinity, Number.MAX_VALUE, { ulps: 5 }), /Infinity/);
  });
  it("NaN matches NaN and ∞ matches ∞", () => {
    assertClose(NaN, NaN, {});
    assertClose(-Infinity, -Infinity, { rtol: 1e-12 });
  });
});

describe("assertAllClose: shape first, then every element", () => {
  it("accepts a matrix against nested rows of the same shape", () => {
    assertAllClose(
      { rows: 2, cols: 2, data: new Float64Array([1, 2, 3, 4]) },
      [[1, 2], [3, 4]],
      {},
    );
  });
  it("fails on a shape mismatch before comparing values", () => {
    fails(
      () => assertAllClose([1, 2, 3], [[1, 2, 3]], { rtol: 1 }),
      /Shapes differ: actual \[3\] vs expected \[1,3\]/,
    );
    fails(() => assertAllClose([1, 2], [1, 2, 3], { rtol: 1 }), /Shapes differ/);
    fails(() => assertAllClose(1, [1], {}), /Shapes differ: actual \[\] vs expected \[1\]/);
  });
  it("names the multi-index of the first failure and the count", () => {
    fails(
      () => assertAllClose([[1, 2], [3, 4]], [[1, 2], [3.5, 5]], { atol: 0.1 }, "W"),
      /^W: 2 of 4 values differ; first at \[1, 0\]: actual 3, expected 3\.5, difference 0\.5 exceeds 0\.1/,
    );
  });
  it("compares typed arrays with plain arrays", () => {
    assertAllClose(new Float64Array([0.5, 0.25]), [0.5, 0.25], {});
  });
  it("compares empty arrays as equal", () => assertAllClose([], [], {}));
  it("refuses ragged nesting and non-numbers with a TypeError", () => {
    assert.throws(() => assertAllClose([[1], [1, 2]], [[1], [1, 2]], {}), {
      name: "InputTypeError",
      message: /ragged/,
    });
    assert.throws(() => assertAllClose(["1"] as never, [1], {}), {
      name: "InputTypeError",
      message: /expected a number/,
    });
  });
});

describe("malformed tolerances are refused", () => {
  it("negative, NaN or mixed bounds", () => {
    assert.throws(() => validateTolerance({ rtol: -1 }), {
      name: "InputTypeError",
      message: /rtol must be a finite number ≥ 0/,
    });
    assert.throws(() => validateTolerance({ atol: NaN }), {
      name: "InputTypeError",
      message: /atol/,
    });
    assert.throws(() => validateTolerance({ ulps: 1, atol: 0 }), {
      name: "InputTypeError",
      message: /mixes ulps/,
    });
    assert.throws(() => assertClose(1, 1, null as never), {
      name: "InputTypeError",
      message: /Tolerance must be an object/,
    });
  });
});

describe("findMismatch", () => {
  it("returns null when everything agrees and a structured mismatch otherwise", () => {
    assert.equal(findMismatch([1, 2], [1, 2], {}), null);
    const mismatch = findMismatch([1, 2, 9], [1, 2, 3], { atol: 1 });
    assert.deepEqual(
      mismatch &&
        [
          mismatch.index,
          mismatch.actual,
          mismatch.expected,
          mismatch.difference,
          mismatch.bound,
          mismatch.count,
        ],
      [[2], 9, 3, 6, 1, 1],
    );
  });
});
