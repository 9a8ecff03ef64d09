// S2 单元神经网络拟合布尔逻辑 / 多层网络实现XOR运算.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import json from "../../../fixtures/classify/gates.json" with { type: "json" };
import { allFixtures, fixtureById } from "../../_fixture.ts";
import { checkWithSubject } from "./_run.ts";
import {
  hiddenValues,
  logicGate,
  producesXor,
  roundedTruthTable,
  roundHalfToEven,
  xorGate,
} from "../../../lib/classify/logic_gate.ts";

const or = logicGate(20, 20, -10), nand = logicGate(-10, -10, 14);

describe("S2 gates: every fixture through its subject", () => {
  for (const fixture of allFixtures(json, "gates.json")) {
    it(`${fixture.id}: ${fixture.title}`, () => checkWithSubject(fixture));
  }
});

describe("S2 gates, as the slides print them", () => {
  it("erratum: test()'s format \"{} {}, {}\" prints '0 0, 0.0', not the slide's '0, 0: 0.0'", () => {
    const format = (a: number, b: number, v: number) => `${a} ${b}, ${v.toFixed(1)}`;
    assert.equal(format(0, 0, roundedTruthTable(or)[0]), "0 0, 0.0");
    assert.notEqual(format(0, 0, 0), "0, 0: 0.0");
  });
  it("erratum: and_gate is never defined — a single neuron cannot be XOR, so it is needed", () => {
    // No single neuron computes XOR: 0 ≤ … the four inequalities b ≤ 0, w₂ + b > 0, w₁ + b > 0,
    // w₁ + w₂ + b ≤ 0 add up to 0 < 0. Spot-check a grid.
    for (let w1 = -20; w1 <= 20; w1 += 5) {
      for (let w2 = -20; w2 <= 20; w2 += 5) {
        for (let b = -20; b <= 20; b += 5) {
          assert.notEqual(roundedTruthTable(logicGate(w1, w2, b)).join(), "0,1,1,0");
        }
      }
    }
    assert.equal(roundedTruthTable(xorGate(or, nand, logicGate(11, 10, -20))).join(), "0,1,1,0");
  });
  it("the XOR region: the lab's AND is inside, the symmetric (10, 10, −20) is not", () => {
    const region = fixtureById(json, "s002.gates.xor_region");
    const points = region.input.points as number[][];
    const verdicts = region.expected.producesXor as boolean[];
    points.forEach(([weight1, weight2, bias], i) => {
      const composed = roundedTruthTable(xorGate(or, nand, logicGate(weight1, weight2, bias)));
      assert.equal(composed.join() === "0,1,1,0", verdicts[i], `point ${points[i]}`);
    });
  });
  it("on the slice w₁ = w₂ = w the region is −1.98197w < b ≤ −1.00247w", () => {
    const region = fixtureById(json, "s002.gates.xor_region");
    const lower = region.expected.symmetricLowerFactor as number;
    const upper = region.expected.symmetricUpperFactor as number;
    for (const w of [1, 10, 50]) {
      const inside = (b: number) => producesXor({ weight1: w, weight2: w, bias: b }, or, nand);
      assert.ok(inside(-w * (lower + upper) / 2));
      assert.ok(!inside(-w * lower * 1.001) && !inside(-w * upper * 0.999));
    }
    assert.equal(hiddenValues(or, nand).length, 4);
  });
  it("np.round rounds half to even: σ(0) = ½ reads as 0", () => {
    assert.equal(roundHalfToEven(0.5), 0);
    assert.equal(roundedTruthTable(logicGate(0, 0, 0)).join(), "0,0,0,0");
  });
  it("bad input: a non-finite weight", () => {
    assert.throws(() => logicGate(NaN, 1, 1), {
      name: "NonFiniteError",
      message: /weight1 \(w₁\) must be a finite number/,
    });
  });
});
