// MT19937 against numpy's legacy RandomState raw stream (fixtures/random/mt19937.json)
// and against the C++ standard's conformance value.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import json from "../../../fixtures/random/mt19937.json" with { type: "json" };
import { allFixtures, fixtureById } from "../../_fixture.ts";
import { assertFixture } from "../../../oracle/verify.ts";
import { subjectFor } from "../../../oracle/subject.ts";
import { SUBJECTS } from "../../../worked/registry.ts";
import {
  initGenrand,
  MT19937,
  MT19937_STATE_SIZE,
  temper,
  twistState,
} from "../../../lib/random/mt19937.ts";

describe("MT19937 agrees with numpy's RandomState word for word", () => {
  for (const fixture of allFixtures(json, "fixtures/random/mt19937.json")) {
    it(fixture.id, () => {
      const subject = subjectFor(SUBJECTS, fixture.id);
      assertFixture(fixture, subject.compute(fixture), subject.fields);
    });
  }
});

describe("MT19937 reference facts", () => {
  it("ISO C++ [rand.predef]: the 10000th draw of the default seed 5489 is 4123659995", () => {
    const fixture = fixtureById(json, "random.mt19937.cpp_rand_predef");
    assert.equal(fixture.printed.word, "4123659995");
    const generator = new MT19937(5489);
    let word = 0;
    for (let i = 0; i < 10000; i++) word = generator.nextUint32();
    assert.equal(word, 4123659995);
  });

  it("init_genrand: x₀ = seed and xᵢ = 1812433253·(xᵢ₋₁ ⊕ xᵢ₋₁≫30) + i mod 2³²", () => {
    const state = initGenrand(0xffffffff);
    assert.equal(state.length, MT19937_STATE_SIZE);
    assert.equal(state[0], 0xffffffff);
    const x = 0xffffffffn;
    assert.equal(BigInt(state[1]), (1812433253n * (x ^ (x >> 30n)) + 1n) % 2n ** 32n);
  });

  it("the generator twists before its first draw and again after every 624 draws", () => {
    const state = twistState(initGenrand(42));
    const generator = new MT19937(42);
    for (let i = 0; i < MT19937_STATE_SIZE; i++) {
      assert.equal(generator.nextUint32(), temper(state[i]), `word ${i}`);
    }
    twistState(state);
    assert.equal(generator.nextUint32(), temper(state[0]));
  });

  it("every word is an unsigned 32-bit integer", () => {
    const generator = new MT19937(12345);
    for (let i = 0; i < 2000; i++) {
      const word = generator.nextUint32();
      assert.ok(Number.isInteger(word) && word >= 0 && word < 2 ** 32, `word ${i} = ${word}`);
    }
  });

  it("two generators with the same seed are independent copies", () => {
    const a = new MT19937(7), b = new MT19937(7);
    const first = a.nextUint32();
    a.nextUint32();
    assert.equal(b.nextUint32(), first);
  });
});

describe("MT19937 rejects seeds outside [0, 2³²)", () => {
  for (const seed of [-1, 0.5, 2 ** 32, NaN, Infinity]) {
    it(`seed ${seed}`, () => {
      assert.throws(() => new MT19937(seed), {
        name: "ArgumentRangeError",
        message: /seed must be an integer in \[0, 2\*\*32\), got/,
      });
      assert.throws(() => initGenrand(seed), {
        name: "ArgumentRangeError",
        message: /\[0, 2\*\*32\)/,
      });
    });
  }
});
