import { describe, it } from "node:test";
import assert from "node:assert/strict";
import json from "../../../fixtures/wasm/exp.json" with { type: "json" };
import { allFixtures, fixtureById } from "../../_fixture.ts";
import { assertAllClose } from "../../../oracle/assert_close.ts";
import { assertFixture } from "../../../oracle/verify.ts";
import { subjectFor } from "../../../oracle/subject.ts";
import { SUBJECTS } from "../../../worked/registry.ts";
import { fnv1a32Words, numbers } from "../../../worked/kernels.ts";
import {
  createVecmath,
  expArrayWasm,
  VECMATH_CHUNK,
  vecmathBackend,
} from "../../../lib/wasm/vecmath.ts";
import { ShapeError } from "../../../lib/errors.ts";

const fixtures = allFixtures(json, "fixtures/wasm/exp.json");
const points = fixtureById(json, "wasm.exp.points");
const x = numbers(points.input.x as (number | string)[]);
const expected = points.expected.exp as number[];

describe("the f64x2 exponential against mpmath (fixtures/wasm/exp.json)", () => {
  it("runs on WebAssembly SIMD here (both Deno and Bun have it)", () => {
    assert.equal(vecmathBackend(), "wasm-simd");
  });
  for (const fixture of fixtures) {
    it(`${fixture.id} through its subject`, () => {
      const subject = subjectFor(SUBJECTS, fixture.id);
      assertFixture(fixture, subject.compute(fixture), subject.fields);
    });
  }
  it("is within 1 ulp of the correctly rounded e^x, and exact at the special values", () => {
    const y = expArrayWasm(x);
    assertAllClose(y, expected, { ulps: 1 });
    const special = new Map([[0, 1], [-0, 1], [Infinity, Infinity], [-Infinity, 0], [
      710,
      Infinity,
    ]]);
    for (const [input, value] of special) {
      assert.equal(expArrayWasm([input])[0], value, `e^${input}`);
    }
    assert.ok(Number.isNaN(expArrayWasm([NaN])[0]));
  });
  it("reaches the smallest subnormal and rounds to 0 below half of it", () => {
    // mpmath: e^x ≈ 1.00, 0.4999… and 1.99999999999998 times 2⁻¹⁰⁷⁴
    const y = expArrayWasm([-745.1332191019411, -745.1332191019412, -743.7469247408213]);
    assert.deepEqual(Array.from(y), [5e-324, 0, 1e-323]);
  });
  it("the hash would catch a one-ulp change in one output (a deliberately wrong kernel)", () => {
    const y = expArrayWasm(x);
    const wrong = Float64Array.from(y);
    wrong[123] = wrong[123] * (1 + Number.EPSILON);
    assert.notEqual(fnv1a32Words(wrong), fnv1a32Words(y));
  });
});

describe("expArrayWasm: lengths, tails, chunks and buffers", () => {
  it("gives every element the same bits whatever its position (odd lengths, chunk edges)", () => {
    const all = expArrayWasm(x);
    for (const length of [0, 1, 2, 3, 7, 2048]) {
      assert.deepEqual(
        Array.from(expArrayWasm(x.subarray(0, length))),
        Array.from(all.subarray(0, length)),
      );
    }
    // across a chunk boundary, and an odd chunk tail
    const long = new Float64Array(2 * VECMATH_CHUNK + 3).map((_, i) => x[i % x.length]);
    const y = expArrayWasm(long);
    for (let i = 0; i < long.length; i += 997) assert.equal(y[i], all[i % x.length], `index ${i}`);
    assert.equal(y[long.length - 1], all[(long.length - 1) % x.length]);
  });
  it("writes into out (returned), also in place, and takes plain arrays", () => {
    const out = new Float64Array(3);
    assert.equal(expArrayWasm([0, 1, 2], out), out);
    const inPlace = Float64Array.from([0, 1, 2]);
    expArrayWasm(inPlace, inPlace);
    assert.deepEqual(Array.from(inPlace), Array.from(out));
    assert.equal(out[0], 1);
  });
  it("refuses an out buffer of another length", () => {
    assert.throws(() => expArrayWasm([1, 2], new Float64Array(3)), ShapeError);
    assert.throws(
      () => expArrayWasm([1, 2], new Float64Array(3)),
      /out has 3 entries but values has 2/,
    );
  });
  it("the TypeScript fallback (Math.exp) is within 1 ulp too", () => {
    const fallback = createVecmath({ forceFallback: true });
    assert.equal(fallback.backend, "fallback");
    assertAllClose(fallback.exp(x), expected, { ulps: 1 });
  });
});
