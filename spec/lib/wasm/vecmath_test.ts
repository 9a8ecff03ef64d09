import { describe, it } from "node:test";
import assert from "node:assert/strict";
import json from "../../../fixtures/wasm/vecmath.json" with { type: "json" };
import sigmoidJson from "../../../fixtures/activation/sigmoid.json" with { type: "json" };
import softmaxJson from "../../../fixtures/activation/softmax.json" with { type: "json" };
import { allFixtures, fixtureById } from "../../_fixture.ts";
import { assertAllClose } from "../../../oracle/assert_close.ts";
import { assertFixture } from "../../../oracle/verify.ts";
import { subjectFor } from "../../../oracle/subject.ts";
import { SUBJECTS } from "../../../worked/registry.ts";
import { numbers } from "../../../worked/kernels.ts";
import {
  createVecmath,
  logSoftmaxRowsWasm,
  logSumExpRowsWasm,
  sigmoidArrayWasm,
  softmaxRowsWasm,
  tanhArrayWasm,
  VECMATH_CHUNK,
} from "../../../lib/wasm/vecmath.ts";
import { SIGMOID_VARIANTS, SOFTMAX_VARIANTS, TANH_VARIANTS } from "../../../lib/variants.ts";
import { fromRows } from "../../../lib/linalg/matrix.ts";
import { NonFiniteError, ShapeError } from "../../../lib/errors.ts";
import { RandomState } from "../../../lib/random/random_state.ts";

const fixtures = allFixtures(json, "fixtures/wasm/vecmath.json");
const tolerance = (id: string, field: string) => fixtureById(json, id).tolerance[field];

describe("σ, tanh and the row functions on the f64x2 exponential (fixtures/wasm/vecmath.json)", () => {
  for (const fixture of fixtures) {
    it(`${fixture.id} through its subject`, () => {
      const subject = subjectFor(SUBJECTS, fixture.id);
      assertFixture(fixture, subject.compute(fixture), subject.fields);
    });
  }
  it("the registries hold the WebAssembly variants", () => {
    assert.equal(SIGMOID_VARIANTS.wasmSimd, sigmoidArrayWasm);
    assert.equal(TANH_VARIANTS.wasmSimd, tanhArrayWasm);
    assert.equal(typeof SOFTMAX_VARIANTS.wasmSimd, "function");
  });
});

describe("the same fixtures as the reference kernels, within each variant's stated error", () => {
  const sigmoidFixture = fixtureById(sigmoidJson, "s001.sigmoid.derivative");
  it("σ over the whole double range (s001.sigmoid.derivative) within the measured bound", () => {
    const z = sigmoidFixture.input.z as number[];
    assertAllClose(
      SIGMOID_VARIANTS.wasmSimd(z),
      sigmoidFixture.expected.sigmoid as number[],
      tolerance("wasm.sigmoid.points", "sigmoid"),
    );
  });
  it("softmax fixtures of S2 (fixtures/activation/softmax.json) within the measured bound", () => {
    let checked = 0;
    for (const fixture of allFixtures(softmaxJson, "softmax")) {
      const input = fixture.input as Record<string, unknown>;
      const logits = (input.logits ?? input.vec ?? input.o) as number[] | number[][] | undefined;
      const expected = (fixture.expected.softmax ?? fixture.expected.probabilities) as
        | number[]
        | number[][]
        | undefined;
      if (!Array.isArray(logits) || !Array.isArray(expected)) continue;
      const rows = Array.isArray(logits[0]) ? (logits as number[][]) : [logits as number[]];
      if (rows.some((r) => r.some((v) => !Number.isFinite(v)))) continue;
      assertAllClose(
        softmaxRowsWasm(fromRows(rows)).data,
        (expected as (number | number[])[]).flat(),
        tolerance("wasm.rows.points", "softmax_five"),
      );
      checked++;
    }
    assert.ok(checked >= 1, "s002.softmax_ce.softmax was checked");
  });
});

describe("elementwise kernels: tails, chunks, buffers, special values", () => {
  const z = new RandomState(3).fillUniform(new Float64Array(3 * VECMATH_CHUNK + 5), -30, 30);
  for (const [name, kernel] of [["sigmoid", sigmoidArrayWasm], ["tanh", tanhArrayWasm]] as const) {
    it(`${name}: an element's bits do not depend on its position (odd tails, chunk edges)`, () => {
      const all = kernel(z);
      for (const length of [1, 2, 3, 17, VECMATH_CHUNK + 1]) {
        const part = kernel(z.subarray(0, length));
        assert.deepEqual(Array.from(part), Array.from(all.subarray(0, length)), `length ${length}`);
      }
      const single = Float64Array.from([z[12345]]);
      assert.equal(kernel(single)[0], all[12345]);
    });
    it(`${name}: in place, into out (returned), plain arrays; refuses a wrong out`, () => {
      const copy = Float64Array.from(z.subarray(0, 9));
      const expected = kernel(copy.slice());
      assert.equal(kernel(copy, copy), copy);
      assert.deepEqual(Array.from(copy), Array.from(expected));
      assert.deepEqual(Array.from(kernel(Array.from(z.subarray(0, 9)))), Array.from(expected));
      assert.throws(() => kernel([1, 2], new Float64Array(1)), ShapeError);
    });
  }
  it("σ: ½ at ±0, 1 and 0 at ±∞, NaN stays NaN, subnormal results below −708", () => {
    const a = sigmoidArrayWasm([0, -0, Infinity, -Infinity, NaN, -745, 800]);
    assert.deepEqual(Array.from(a.subarray(0, 4)), [0.5, 0.5, 1, 0]);
    assert.ok(Number.isNaN(a[4]));
    assert.equal(a[5], 5e-324);
    assert.equal(a[6], 1);
  });
  it("tanh: odd (signed zeros kept), exact for tiny z, ±1 beyond 20", () => {
    const t = tanhArrayWasm([0, -0, 5e-324, -1e-300, 25, -Infinity, NaN, 0.3, -0.3]);
    assert.ok(Object.is(t[0], 0) && Object.is(t[1], -0));
    assert.equal(t[2], 5e-324);
    assert.equal(t[3], -1e-300);
    assert.equal(t[4], 1);
    assert.equal(t[5], -1);
    assert.ok(Number.isNaN(t[6]));
    assert.equal(t[7], -t[8]);
  });
});

describe("row functions: strided rows, odd widths, errors", () => {
  const m = fromRows([[1, 2, 3], [-1000, 0, 5], [7, 7, 7]]);
  it("strided input and output give the dense results", () => {
    const data = new Float64Array(40).fill(NaN);
    m.data.forEach((v, i) => data[2 + Math.floor(i / 3) * 7 + (i % 3)] = v);
    const view = { data, rows: 3, cols: 3, offset: 2, stride: 7 };
    const out = { data: new Float64Array(30).fill(-1), rows: 3, cols: 3, offset: 1, stride: 5 };
    softmaxRowsWasm(view, out);
    const dense = softmaxRowsWasm(m);
    for (let i = 0; i < 3; i++) {
      assert.deepEqual(
        Array.from(out.data.subarray(1 + 5 * i, 4 + 5 * i)),
        Array.from(dense.data.subarray(3 * i, 3 * i + 3)),
      );
    }
    assert.equal(out.data[0], -1, "entries outside the rows untouched");
    assert.deepEqual(Array.from(logSumExpRowsWasm(view)), Array.from(logSumExpRowsWasm(m)));
    assert.deepEqual(
      Array.from(logSoftmaxRowsWasm(view).data),
      Array.from(logSoftmaxRowsWasm(m).data),
    );
  });
  it("one column: softmax 1, log-softmax 0, log-sum-exp the value", () => {
    const single = fromRows([[3.5], [-800]]);
    assert.deepEqual(Array.from(softmaxRowsWasm(single).data), [1, 1]);
    assert.deepEqual(Array.from(logSoftmaxRowsWasm(single).data), [0, 0]);
    assert.deepEqual(Array.from(logSumExpRowsWasm(single)), [3.5, -800]);
  });
  it("rows longer than a chunk", () => {
    const wide = {
      rows: 2,
      cols: VECMATH_CHUNK + 3,
      data: new RandomState(5).fillUniform(new Float64Array(2 * (VECMATH_CHUNK + 3)), -5, 5),
    };
    const p = softmaxRowsWasm(wide);
    let sum = 0;
    for (let j = 0; j < wide.cols; j++) sum += p.data[j];
    assert.ok(Math.abs(sum - 1) < 1e-13, `row sums to ${sum}`);
  });
  it("a non-finite entry: NonFiniteError naming it (entry (1, 2))", () => {
    const bad = fromRows([[1, 2, 3], [4, 5, NaN]]);
    for (const kernel of [softmaxRowsWasm, logSoftmaxRowsWasm, logSumExpRowsWasm]) {
      assert.throws(() => kernel(bad), NonFiniteError);
      assert.throws(() => kernel(bad), /entry \(1, 2\) is NaN, expected finite/);
    }
  });
  it("shape errors: no columns, wrong out, a layout that does not fit", () => {
    assert.throws(
      () => softmaxRowsWasm({ rows: 1, cols: 0, data: new Float64Array(0) }),
      ShapeError,
    );
    assert.throws(() => softmaxRowsWasm(m, fromRows([[1, 2]])), /out is 1×2 but the input is 3×3/);
    assert.throws(() => softmaxRowsWasm({ ...m, stride: 4 }), /do not fit/);
    assert.throws(() => logSumExpRowsWasm(m, new Float64Array(2)), ShapeError);
  });
  it("the TypeScript fallback agrees within a few ulps and reports itself", () => {
    const fallback = createVecmath({ forceFallback: true });
    assert.equal(fallback.backend, "fallback");
    assertAllClose(fallback.softmaxRows(m).data, softmaxRowsWasm(m).data, { ulps: 4 });
    assertAllClose(fallback.logSumExpRows(m), logSumExpRowsWasm(m), { ulps: 2 });
    assertAllClose(fallback.sigmoid([0.3, -2]), sigmoidArrayWasm([0.3, -2]), { ulps: 3 });
  });
});

describe("accuracy where the reference loses digits", () => {
  it("log-sum-exp keeps a remainder below 2⁻⁵³ (log1p of the sum without its maximum)", () => {
    // lse(0, −40) = log(1 + e^−40) = 4.248354255291589e-18 (mpmath); m + log(Σ) gives 0.
    assert.equal(logSumExpRowsWasm(fromRows([[0, -40]]))[0], 4.248354255291589e-18);
  });
  it("log-softmax of the maximum is −log1p(rest), not 0 (mpmath: −1.0930708368377359e-134)", () => {
    const row = fromRows([[501.35549952590213, 179.427237725316, 809.8129109704603]]);
    assert.equal(logSoftmaxRowsWasm(row).data[2], -1.0930708368377359e-134);
  });
  it("numbers() reads the fixtures' strings", () => {
    assert.deepEqual(Array.from(numbers(["Infinity", 1, "-Infinity"])), [Infinity, 1, -Infinity]);
  });
});
