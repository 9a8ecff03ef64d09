// RandomState against numpy's legacy np.random.RandomState (fixtures/random/random_state.json):
// the same seed draws the same numbers, method for method and call after call.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import json from "../../../fixtures/random/random_state.json" with { type: "json" };
import { allFixtures } from "../../_fixture.ts";
import { assertFixture } from "../../../oracle/verify.ts";
import { subjectFor } from "../../../oracle/subject.ts";
import { SUBJECTS } from "../../../worked/registry.ts";
import { RandomState } from "../../../lib/random/random_state.ts";

const fixtures = allFixtures(json, "fixtures/random/random_state.json");

describe("RandomState agrees with numpy's RandomState", () => {
  for (const fixture of fixtures) {
    it(fixture.id, () => {
      const subject = subjectFor(SUBJECTS, fixture.id);
      assertFixture(fixture, subject.compute(fixture), subject.fields);
    });
  }
});

describe("the stream is reproducible and per instance", () => {
  it("the same seed gives the same stream", () => {
    const a = new RandomState(31337), b = new RandomState(31337);
    for (let i = 0; i < 100; i++) assert.equal(a.randomSample(), b.randomSample());
  });
  it("drawing from one instance does not move another", () => {
    const a = new RandomState(5), b = new RandomState(5);
    const first = a.standardNormal();
    a.randomSample();
    a.randint(0, 1000);
    assert.equal(b.standardNormal(), first);
  });
  it("neighbouring seeds give different streams", () => {
    assert.notEqual(new RandomState(1).randomSample(), new RandomState(2).randomSample());
  });
  it("random_sample is in [0, 1) and a multiple of 2⁻⁵³", () => {
    const draws = new RandomState(0).fillRandomSample(new Float64Array(1000));
    for (const u of draws) {
      assert.ok(u >= 0 && u < 1);
      assert.ok(Number.isInteger(u * 2 ** 53));
    }
  });
});

describe("numpy's legacy details", () => {
  it("the polar method caches its second value: the next call draws nothing", () => {
    const rng = new RandomState(8), twin = new RandomState(8);
    rng.standardNormal();
    twin.standardNormal();
    twin.standardNormal();
    assert.equal(rng.randomSample(), twin.randomSample());
  });
  it("the cached value survives other methods (numpy keeps it in the state)", () => {
    const straight = new RandomState(11);
    straight.standardNormal();
    const cached = straight.standardNormal();
    const mixed = new RandomState(11);
    mixed.standardNormal();
    mixed.randint(0, 10);
    mixed.randomSample();
    assert.equal(mixed.standardNormal(), cached);
  });
  it("a one-element randint range draws nothing", () => {
    const rng = new RandomState(3);
    assert.equal(rng.randint(-4, -3), -4);
    assert.equal(rng.randomSample(), new RandomState(3).randomSample());
  });
  it("choice without replacement is a prefix of a permutation, even for size 0", () => {
    const chosen = new RandomState(9).choice(10, 4, false);
    assert.deepEqual(chosen, new RandomState(9).permutation(10).slice(0, 4));
    const rng = new RandomState(9);
    assert.deepEqual(rng.choice(10, 0, false), []);
    const twin = new RandomState(9);
    twin.permutation(10);
    assert.equal(rng.randomSample(), twin.randomSample());
  });
  it("choice with replacement is randint(0, populationSize) per draw", () => {
    const rng = new RandomState(9);
    const expected = [0, 1, 2, 3, 4].map(() => rng.randint(0, 7));
    assert.deepEqual(new RandomState(9).choice(7, 5, true), expected);
  });
  it("permutation returns every index once; shuffle reorders in place", () => {
    const order = new RandomState(4).permutation(50);
    assert.deepEqual([...order].sort((a, b) => a - b), Array.from({ length: 50 }, (_, i) => i));
    const items = ["x", "y", "z", "w"];
    assert.equal(new RandomState(4).shuffle(items), items);
    assert.deepEqual([...items].sort(), ["w", "x", "y", "z"]);
  });
  it("fillUniform is uniform() element by element; fillNormal(out, 0, 1) is standardNormal()", () => {
    const rng = new RandomState(21);
    const uniforms = [0, 1, 2].map(() => rng.uniform(-1, 1));
    assert.deepEqual(
      Array.from(new RandomState(21).fillUniform(new Float64Array(3), -1, 1)),
      uniforms,
    );
    const twin = new RandomState(21);
    const normals = [0, 1, 2].map(() => twin.standardNormal());
    assert.deepEqual(
      Array.from(new RandomState(21).fillNormal(new Float64Array(3), 0, 1)),
      normals,
    );
  });
  it("normal with standardDeviation 0 returns the mean and still draws", () => {
    const rng = new RandomState(6);
    assert.equal(rng.normal(2.5, 0), 2.5);
    const twin = new RandomState(6);
    twin.standardNormal();
    assert.equal(rng.randomSample(), twin.randomSample());
  });
});

describe("bad input is rejected with what was expected", () => {
  const rng = new RandomState(0);
  for (const seed of [-1, 1.5, 2 ** 32, NaN, Infinity]) {
    it(`seed ${seed}`, () => {
      assert.throws(() => new RandomState(seed), {
        name: "ArgumentRangeError",
        message: /seed must be an integer in \[0, 2\*\*32\), got/,
      });
    });
  }
  it("a seed that is not a number", () => {
    assert.throws(() => new RandomState("1" as unknown as number), {
      name: "InputTypeError",
      message: /seed must be an integer in \[0, 2\*\*32\), got the string "1"/,
    });
  });
  it("uniform: low > high, non-finite bounds, an overflowing range", () => {
    assert.throws(() => rng.uniform(2, 1), {
      name: "ArgumentRangeError",
      message: /low must be ≤ high/,
    });
    assert.throws(() => rng.uniform(0, Infinity), {
      name: "NonFiniteError",
      message: /high must be a finite number, got Infinity/,
    });
    assert.throws(() => rng.uniform(NaN, 1), {
      name: "NonFiniteError",
      message: /low must be a finite/,
    });
    assert.throws(() => rng.uniform(-1e308, 1e308), {
      name: "ArgumentRangeError",
      message: /high − low overflows/,
    });
    assert.throws(() => rng.fillUniform(new Float64Array(0), 1, 0), {
      name: "ArgumentRangeError",
      message: /low must be ≤ high, got low 1, high 0/,
    });
    assert.throws(() => rng.fillUniform([] as unknown as Float64Array, 0, 1), {
      name: "InputTypeError",
      message: /out must be a Float64Array/,
    });
  });
  it("normal: standardDeviation < 0 and non-finite parameters", () => {
    assert.throws(() => rng.normal(0, -1), {
      name: "ArgumentRangeError",
      message: /standardDeviation must be ≥ 0, got -1/,
    });
    assert.throws(() => rng.normal(NaN, 1), {
      name: "NonFiniteError",
      message: /mean must be a finite/,
    });
    assert.throws(() => rng.normal(0, Infinity), {
      name: "NonFiniteError",
      message: /standardDeviation must be a finite/,
    });
    assert.throws(() => rng.fillNormal(new Float64Array(2), 0, -0.5), {
      name: "ArgumentRangeError",
      message: /standardDeviation must be ≥ 0/,
    });
  });
  it("randint: low ≥ high, non-integers, ranges beyond exact doubles", () => {
    assert.throws(() => rng.randint(3, 3), {
      name: "ArgumentRangeError",
      message: /low must be < high/,
    });
    assert.throws(() => rng.randint(5, 2), {
      name: "ArgumentRangeError",
      message: /low 5, high 2/,
    });
    assert.throws(() => rng.randint(0.5, 2), {
      name: "ArgumentRangeError",
      message: /low must be a safe integer, got 0.5/,
    });
    assert.throws(() => rng.randint(0, 2 ** 53), {
      name: "ArgumentRangeError",
      message: /high must be a safe integer/,
    });
    assert.throws(() => rng.randint(-(2 ** 52), 2 ** 52), {
      name: "ArgumentRangeError",
      message: /high − low must be ≤ 2\*\*53 − 1/,
    });
  });
  it("choice: size > populationSize without replacement, negative size, empty population", () => {
    assert.throws(() => rng.choice(3, 4, false), {
      name: "ArgumentRangeError",
      message: /size 4 is larger than populationSize 3 without replacement/,
    });
    assert.throws(() => rng.choice(3, -1, true), {
      name: "ArgumentRangeError",
      message: /size must be an integer in \[0, \d+\], got -1/,
    });
    assert.throws(() => rng.choice(0, 2, true), {
      name: "ArgumentRangeError",
      message: /populationSize must be > 0 unless no samples are taken/,
    });
    assert.throws(() => rng.choice(2.5, 1, true), {
      name: "ArgumentRangeError",
      message: /populationSize must be an integer/,
    });
    assert.throws(() => rng.choice(3, 1, "yes" as unknown as boolean), {
      name: "InputTypeError",
      message: /replace must be a boolean/,
    });
  });
  it("permutation and shuffle: negative sizes and non-arrays", () => {
    assert.throws(() => rng.permutation(-1), {
      name: "ArgumentRangeError",
      message: /n must be an integer in \[0, 4294967295\], got -1/,
    });
    assert.throws(() => rng.shuffle("abc" as unknown as string[]), {
      name: "InputTypeError",
      message: /items must be an array/,
    });
  });
  it("fill methods need a Float64Array", () => {
    assert.throws(() => rng.fillRandomSample([0, 0] as unknown as Float64Array), {
      name: "InputTypeError",
      message: /out must be a Float64Array/,
    });
    assert.throws(() => rng.fillNormal(new Float32Array(2) as unknown as Float64Array, 0, 1), {
      name: "InputTypeError",
      message: /out must be a Float64Array/,
    });
  });
});
