// Masked rejection (lib/random/_bounded_integer.ts): the draw counts numpy's legacy
// routines imply, and the cap that keeps a broken generator from looping forever.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { boundedByMask, MAX_REJECTIONS } from "../../../lib/random/_bounded_integer.ts";
import type { MT19937 } from "../../../lib/random/mt19937.ts";

/** A stand-in generator that replays fixed words and counts draws. */
function replay(words: number[]): MT19937 & { draws: number } {
  const stub = {
    draws: 0,
    nextUint32() {
      return words[Math.min(stub.draws++, words.length - 1)];
    },
  };
  return stub as unknown as MT19937 & { draws: number };
}

describe("masked rejection", () => {
  it("range 0 draws nothing", () => {
    const generator = replay([7]);
    assert.equal(boundedByMask(generator, 0), 0);
    assert.equal(generator.draws, 0);
  });
  it("masks to the smallest 2^k − 1 ≥ range and rejects values above range", () => {
    // range 5 → mask 7: 0xffffffff & 7 = 7 > 5 is rejected, 0x12 & 7 = 2 is accepted.
    const generator = replay([0xffffffff, 0x12]);
    assert.equal(boundedByMask(generator, 5), 2);
    assert.equal(generator.draws, 2);
  });
  it("a range of 2³² or more takes a 64-bit word, high word first", () => {
    // range 2³² + 5 → high mask 1, low mask all ones: (1, 3) → 2³² + 3 ≤ range.
    const generator = replay([0xfffffffb, 3]);
    assert.equal(boundedByMask(generator, 2 ** 32 + 5), 2 ** 32 + 3);
    assert.equal(generator.draws, 2);
  });
  it(`gives up with an error after ${MAX_REJECTIONS} rejections in a row`, () => {
    assert.throws(() => boundedByMask(replay([0xffffffff]), 2 ** 31), {
      name: "ConvergenceError",
      message: /rejected 2000 times in a row; the generator is broken/,
    });
    assert.throws(() => boundedByMask(replay([0xffffffff]), 2 ** 40), {
      name: "ConvergenceError",
      message: /rejected 2000 times/,
    });
  });
});
