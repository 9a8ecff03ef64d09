// Document checks (checks of the documents' claims and of the fixtures' consistency,
// counted apart from the library specs) of 002, 模型初始化及训练: the printed training log's
// accuracies, read as fractions of 50 and 500 samples.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import json from "../../fixtures/nn/diamond.json" with { type: "json" };
import { fixtureById } from "../_fixture.ts";

describe("document check: 002's printed log: can it come from the code shown (num_obs = 50)?", () => {
  const fixture = fixtureById(json, "s002.diamond.log");
  it("erratum: 0.476·50 = 23.8 and 0.588·50 = 29.4 are not whole samples; ·500 gives 238 and 294", () => {
    // Exact: the printed decimals are 476/1000 and 588/1000.
    const counts = (n: number) => [476, 588].map((k) => (k * n) / 1000);
    assert.deepEqual(counts(50), fixture.expected.accuracyTimes50);
    assert.deepEqual(counts(500), fixture.expected.accuracyTimes500);
    assert.ok(counts(50).every((c) => !Number.isInteger(c)));
    assert.ok(counts(500).every((c) => Number.isInteger(c)));
  });
});
