// Document checks (checks of the documents' claims and of the fixtures' consistency,
// counted apart from the library specs): the fixtures whose errata the library specs
// demonstrate list those errata — 001 §1.3 (S1-E02), §3.2 and §4.3.1 (S1-E19), and 002's
// 前馈神经网络 and 反向传播推导 — with the document's words in the record.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import shapeJson from "../../fixtures/regression/s001_design_shape.json" with { type: "json" };
import backpropJson from "../../fixtures/nn/backprop.json" with { type: "json" };
import forwardJson from "../../fixtures/nn/forward.json" with { type: "json" };
import sigmoidJson from "../../fixtures/activation/sigmoid.json" with { type: "json" };
import { fixtureById } from "../_fixture.ts";

const errata = (json: unknown, id: string) => fixtureById(json, id).errata ?? [];

describe("each erratum a library spec shows is the one its fixture lists", () => {
  it("001 §1.3: s001.design_shape lists S1-E02 (X is n × (d + 1), not n × d)", () => {
    assert.deepEqual(errata(shapeJson, "s001.design_shape").map((e) => e.id), ["S1-E02"]);
  });
  it("001 §3.2: s001.sigmoid.range's erratum quotes 任意实数值 (σ cannot output every real)", () => {
    assert.match(String(errata(sigmoidJson, "s001.sigmoid.range")[0].printed), /任意实数值/);
  });
  it("001 §4.3.1: s001.bp_vector lists S1-E19 (Wⁱ is a matrix, not a vector)", () => {
    assert.deepEqual(errata(backpropJson, "s001.bp_vector").map((e) => e.id), ["S1-E19"]);
  });
  it("002 反向传播推导: s002.bp_slides lists its five errata", () => {
    assert.equal(errata(backpropJson, "s002.bp_slides").length, 5);
  });
  it("002 前馈神经网络: s002.forward.vector's erratum quotes the undefined soft_max_vec", () => {
    assert.match(String(errata(forwardJson, "s002.forward.vector")[0].printed), /soft_max_vec/);
  });
});
