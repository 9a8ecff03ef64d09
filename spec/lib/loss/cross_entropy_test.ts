// S2 Softmax与交叉熵损失函数: entropy, cross-entropy (and the slide's wrong formula),
// softmax cross-entropy and its gradient softmax(o) − y.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import json from "../../../fixtures/loss/softmax_ce.json" with { type: "json" };
import { fixtureById } from "../../_fixture.ts";
import { checkWithSubject } from "./_run.ts";
import { assertClose } from "../../../oracle/assert_close.ts";
import { SUBJECTS } from "../../../worked/registry.ts";
import {
  crossEntropy,
  entropy,
  softmaxCrossEntropy,
  softmaxCrossEntropyGradient,
} from "../../../lib/loss/cross_entropy.ts";

const ceFx = fixtureById(json, "s002.softmax_ce.cross_entropy");

describe("S2 entropy and cross-entropy", () => {
  it("H(P) of [½, ¼, ¼], the uniform and a certain distribution", () => {
    checkWithSubject(SUBJECTS, fixtureById(json, "s002.softmax_ce.entropy"));
  });
  it("H(P, Q) = −Σ P log Q matches mpmath", () => {
    checkWithSubject(SUBJECTS, ceFx);
  });
  it("erratum: the slide's H(P, Q) = Σ −P log Q − Q log P gives H(P,Q) + H(Q,P), and ∞ for one-hot P", () => {
    const p = ceFx.input.target as number[], q = ceFx.input.predicted as number[];
    const printed = (a: number[], b: number[]) =>
      a.reduce((s, _, j) => s - a[j] * Math.log(b[j]) - b[j] * Math.log(a[j]), 0);
    assertClose(printed(p, q), ceFx.expected.printedFormula as number, { ulps: 2 });
    assert.ok(Math.abs(printed(p, q) - crossEntropy(p, q)) > 1);
    assertClose(printed(p, q), crossEntropy(p, q) + crossEntropy(q, p), { ulps: 2 });
    assert.equal(printed([1, 0, 0], q), Infinity);
    assert.ok(Number.isFinite(crossEntropy([1, 0, 0], q)));
  });
  it("Gibbs: H(P, Q) ≥ H(P), equal when Q = P", () => {
    const p = ceFx.input.target as number[];
    assert.ok(crossEntropy(p, ceFx.input.predicted as number[]) > entropy(p));
    assert.equal(crossEntropy(p, p), entropy(p));
  });
  it("bad input: not a distribution, negative entries, mismatched lengths", () => {
    assert.throws(() => entropy([0.5, 0.6]), {
      name: "ArgumentRangeError",
      message: /must sum to 1/,
    });
    assert.throws(() => entropy([1.5, -0.5]), { name: "ArgumentRangeError", message: /\[0, 1\]/ });
    assert.throws(() => crossEntropy([1, 0], [1]), {
      name: "ShapeError",
      message: /target has 2 entries but predicted has 1/,
    });
    assert.throws(() => entropy([]), { name: "ShapeError", message: /at least one entry/ });
  });
});

describe("softmax cross-entropy (S2 Softmax推断 与 交叉熵loss)", () => {
  it("loss and gradient softmax(o) − y match mpmath", () => {
    checkWithSubject(SUBJECTS, fixtureById(json, "s002.softmax_ce.softmax_loss"));
  });
  it("the gradient sums to 0 and matches central differences", () => {
    const o = [0.3, -1.2, 2.5, 0], t = [0, 1, 0, 0];
    const g = softmaxCrossEntropyGradient(o, t);
    assert.ok(Math.abs(g.reduce((s, v) => s + v, 0)) < 1e-15);
    const h = 1e-6;
    for (let j = 0; j < o.length; j++) {
      const up = o.map((v, k) => (k === j ? v + h : v)),
        down = o.map((v, k) => (k === j ? v - h : v));
      const fd = (softmaxCrossEntropy(up, t) - softmaxCrossEntropy(down, t)) / (2 * h);
      assert.ok(Math.abs(fd - g[j]) < 1e-9, `j = ${j}`);
    }
  });
  it("stays finite for logits far apart", () => {
    assert.equal(softmaxCrossEntropy([0, -2000], [0, 1]), 2000);
  });
  it("bad input: the label is not a distribution, or a logit is not finite", () => {
    assert.throws(() => softmaxCrossEntropy([1, 2], [1, 1]), {
      name: "ArgumentRangeError",
      message: /sum to 1/,
    });
    assert.throws(() => softmaxCrossEntropy([1, NaN], [1, 0]), {
      name: "NonFiniteError",
      message: /entry 1 is NaN/,
    });
  });
});
