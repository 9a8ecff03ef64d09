// S3 §2.2.1 the single-layer training procedure; S1 §3.2 the gradient of (3.2) and b's update.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import layerJson from "../../../fixtures/classify/single_layer.json" with { type: "json" };
import sigmoidJson from "../../../fixtures/activation/sigmoid.json" with { type: "json" };
import { fixtureById } from "../../_fixture.ts";
import { checkWithSubject } from "./_run.ts";
import { assertClose } from "../../../oracle/assert_close.ts";
import { singleLayerForward, trainSingleLayer } from "../../../lib/classify/single_layer.ts";
import { halfSumSquaredError } from "../../../lib/loss/squared_error.ts";
import { subjectFor } from "../../../oracle/subject.ts";
import { SUBJECTS } from "../../../worked/registry.ts";

const fx = fixtureById(layerJson, "s003.claims.training");
const layer = {
  weights: { rows: 2, cols: 3, data: Float64Array.from((fx.input.weights as number[][]).flat()) },
  biases: Float64Array.from(fx.input.biases as number[]),
};

describe("S3 §2.2.1: visit each sample, θ ← θ − α∂L/∂θ", () => {
  it("30 epochs on a 3-input, 2-output sigmoid layer: every weight and every epoch's loss", () =>
    checkWithSubject(fx));
  it("the loss falls every epoch", () => {
    const losses = subjectFor(SUBJECTS, fx.id).compute(fx).losses as number[];
    assert.equal(losses.length, (fx.expected.losses as number[]).length);
    for (let e = 1; e < losses.length; e++) assert.ok(losses[e] < losses[e - 1]);
  });
  it("erratum (17)/(19): one step along the printed gradient raises the loss; the correct step lowers it", () => {
    const { input, target } = fx.input.stepSample as { input: number[]; target: number[] };
    const alpha = fx.input.learningRate as number;
    const out = singleLayerForward(layer, input);
    const moved = {
      weights: {
        ...layer.weights,
        data: layer.weights.data.map((w, p) => {
          const k = Math.floor(p / 3), l = p % 3;
          return w - alpha * ((-(out[k] - target[k]) * input[l]) / 2);
        }),
      },
      biases: layer.biases.map((b, k) => b - alpha * (-(out[k] - target[k]) / 2)),
    };
    const after = halfSumSquaredError(singleLayerForward(moved, input), target);
    assertClose(after, fx.expected.lossAfterDocumentStep as number, { ulps: 2 });
    const computed = subjectFor(SUBJECTS, fx.id).compute(fx);
    const before = computed.lossBefore as number;
    assert.ok(after > before);
    assert.ok((computed.lossAfterCorrectStep as number) < before);
  });
  it("bad input: shapes that disagree, α ≤ 0", () => {
    const x = { rows: 1, cols: 2, data: new Float64Array(2) },
      y = { rows: 1, cols: 2, data: new Float64Array(2) };
    assert.throws(() => trainSingleLayer(layer, x, y, { learningRate: 1, epochs: 1 }), {
      name: "ShapeError",
      message: /input has 2 entries but weights has 3 columns/,
    });
    assert.throws(
      () =>
        trainSingleLayer(layer, x, { rows: 2, cols: 2, data: new Float64Array(4) }, {
          learningRate: 1,
          epochs: 1,
        }),
      {
        name: "ShapeError",
        message: /inputs has 1 rows but targets has 2/,
      },
    );
    assert.throws(() => trainSingleLayer(layer, x, y, { learningRate: 0, epochs: 1 }), {
      name: "ArgumentRangeError",
      message: /learningRate/,
    });
  });
});

describe("S1 §3.2 (3.2)–(3.3): ∂C/∂W and ∂C/∂b of one sigmoid neuron", () => {
  const update = fixtureById(sigmoidJson, "s001.sigmoid.update_rule");
  it("cost and both gradients match mpmath.diff", () => checkWithSubject(update));
  it("erratum: b* = b − η∇C(W, b) uses W's gradient (2 numbers) where b needs the one number ∂C/∂b", () => {
    const computed = subjectFor(SUBJECTS, update.id).compute(update);
    const gW = computed.gradientWeights as number[], gB = computed.gradientBias as number;
    assert.equal(gW.length, 2);
    assert.ok(gW.every((g) => Math.abs(g - gB) > 1e-3));
  });
});
