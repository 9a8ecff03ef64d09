// The documents' graphs (lib/autodiff/worked_graphs.ts) against fixtures/graph/: every
// node's value and gradient by name, each gradient by reverse mode, forward mode and
// central differences, and the documents' errors both ways.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import chainE from "../../fixtures/graph/chain_e.json" with { type: "json" };
import graphLinreg from "../../fixtures/graph/graph_linreg.json" with { type: "json" };
import chainMulti from "../../fixtures/graph/chain_multi.json" with { type: "json" };
import linearBp from "../../fixtures/graph/linear_bp.json" with { type: "json" };
import { fixtureById } from "../_fixture.ts";
import { assertFixture } from "../../oracle/verify.ts";
import { assertClose, type Tolerance } from "../../oracle/assert_close.ts";
import { subjectFor } from "../../oracle/subject.ts";
import { SUBJECTS } from "../../worked/registry.ts";
import {
  LINEAR_PRODUCT,
  LINEAR_REGRESSION_LOSS,
  MULTIVARIATE_CHAIN,
  PRODUCT_OF_SUMS,
  type WorkedGraph,
} from "../../worked/graphs.ts";
import { reverseModeGradient } from "../../lib/autodiff/graph.ts";
import { forwardModeGradient } from "../../lib/autodiff/dual.ts";
import { centralDifferenceGradient } from "../../lib/autodiff/finite_difference.ts";
import type { Fixture } from "../../oracle/fixture.ts";

function check(fixture: Fixture): void {
  const subject = subjectFor(SUBJECTS, fixture.id);
  assertFixture(fixture, subject.compute(fixture), subject.fields);
}

/** Central differences agree to ~1e-9 relative at these points (h = ε^⅓·max(1,|x|)). */
const FINITE_DIFFERENCE: Tolerance = { rtol: 1e-8, atol: 1e-9 };

/** ∂output/∂input for every input by the three methods, against the fixture's truth. */
function threeWays(
  graph: WorkedGraph,
  point: Record<string, number>,
  truth: Record<string, number>,
  tolerance: Tolerance,
): void {
  const reverse = reverseModeGradient(graph.fn, point);
  const forward = forwardModeGradient(graph.fn, point);
  const numeric = centralDifferenceGradient(graph.fn, point);
  for (const [input, expected] of Object.entries(truth)) {
    assertClose(reverse.gradient[input], expected, tolerance);
    assertClose(forward.gradient[input], expected, tolerance);
    assertClose(numeric.gradient[input], expected, FINITE_DIFFERENCE);
  }
}

describe("s000.chain_e: e = (a + b)(b + 1) at a = 2, b = 1 (000 §4.3.2)", () => {
  const fixture = fixtureById(chainE, "s000.chain_e");
  const expected = fixture.expected as Record<string, number>;
  it("every node value and gradient, and both paths to b", () => check(fixture));
  it("∂e/∂a = 2 (one path through c), ∂e/∂b = 2 + 3 (paths through c and d)", () => {
    threeWays(PRODUCT_OF_SUMS, { a: 2, b: 1 }, { a: expected.de_da, b: expected.de_db }, {});
    // ∂c/∂b = ∂d/∂b = 1, so the path through c carries ∂e/∂c and the path through d ∂e/∂d.
    const { graph, gradient } = reverseModeGradient(PRODUCT_OF_SUMS.fn, { a: 2, b: 1 });
    assert.deepEqual([graph.gradient("c"), graph.gradient("d")], [
      expected.de_db_path_c,
      expected.de_db_path_d,
    ]);
    assert.equal(gradient.b, graph.gradient("c") + graph.gradient("d"));
  });
  it("erratum: the gradient is the vector (2, 5), not the sum of partials 7", () => {
    const { gradient } = reverseModeGradient(PRODUCT_OF_SUMS.fn, { a: 2, b: 1 });
    assert.deepEqual([gradient.a, gradient.b], fixture.expected.gradient);
    // The text's "sum" is a single number: the derivative along (1, 1), not ∇e.
    const along = centralDifferenceGradient(
      (ops, { s }) => PRODUCT_OF_SUMS.fn(ops, { a: ops.add(2, s), b: ops.add(1, s) }),
      { s: 0 },
    );
    assertClose(along.gradient.s, expected.sum_of_partials, FINITE_DIFFERENCE);
    assertClose(along.gradient.s, gradient.a + gradient.b, FINITE_DIFFERENCE);
  });
});

describe("s001.graph_linreg: u = wx, ŷ = u + b, e = y − ŷ, c = e² (001 §4.2.2)", () => {
  const fixture = fixtureById(graphLinreg, "s001.graph_linreg");
  const expected = fixture.expected as Record<string, number>;
  it("every node and ∂c/∂node; the printed ∂c/∂ŷ and ∂c/∂w have the wrong sign", () =>
    check(fixture));
  it("the hidden b = 1 and y = 10 reproduce the printed u = 5, ŷ = 6, c = 16, ∂c/∂e = 8", () => {
    const { graph } = reverseModeGradient(LINEAR_REGRESSION_LOSS.fn, { x: 1, y: 10, w: 5, b: 1 });
    assert.deepEqual(
      [graph.value("u"), graph.value("yhat"), graph.value("c"), graph.gradient("e")],
      [5, 6, 16, 8],
    );
  });
  it("every gradient by reverse mode, forward mode and finite differences", () => {
    threeWays(LINEAR_REGRESSION_LOSS, { x: 1, y: 10, w: 5, b: 1 }, {
      x: expected.dc_dx,
      y: expected.dc_dy,
      w: expected.dc_dw,
      b: expected.dc_db,
    }, {});
  });
  it("the printed +8s are what the other residual, e = ŷ − y with y = 2, would give", () => {
    const flipped = reverseModeGradient(
      (ops, { x, y, w, b }) => ops.pow(ops.sub(ops.add(ops.mul(w, x, "u"), b, "yhat"), y, "e"), 2),
      { x: 1, y: 2, w: 5, b: 1 },
    );
    assert.deepEqual([flipped.value, flipped.graph.gradient("yhat"), flipped.gradient.w], [
      16,
      8,
      8,
    ]);
    const text = reverseModeGradient(LINEAR_REGRESSION_LOSS.fn, { x: 1, y: 10, w: 5, b: 1 });
    assert.deepEqual(
      [text.graph.gradient("yhat"), text.gradient.w],
      [-8, -8],
      "the text's e = y − ŷ",
    );
  });
});

describe("s001.chain_multi: f = y + e^{xy}, x = cos t, y = t² (001 §3.3.2)", () => {
  const fixture = fixtureById(chainMulti, "s001.chain_multi");
  const ts = fixture.input.t as number[];
  const expected = fixture.expected as Record<string, number[]>;
  it("x, y, e^{xy}, f, ∂f/∂x, ∂f/∂y and df/dt at t = 0, 1, π/2", () => check(fixture));
  it("df/dt by reverse mode, forward mode and finite differences", () => {
    ts.forEach((t, i) =>
      threeWays(MULTIVARIATE_CHAIN, { t }, { t: expected.dfdt[i] }, fixture.tolerance.dfdt)
    );
  });
});

describe("s004.linear_bp: z = x·y, x = 2w + 3b, y = 2b + 1 at w = 3, b = 4 (004)", () => {
  const fixture = fixtureById(linearBp, "s004.linear_bp");
  const expected = fixture.expected as Record<string, number>;
  it("x = 18, y = 9, z = 162, every local derivative, ∂z/∂w = 18, ∂z/∂b = 63", () =>
    check(fixture));
  it("∂z/∂w and ∂z/∂b by reverse mode, forward mode and finite differences", () => {
    threeWays(LINEAR_PRODUCT, { w: 3, b: 4 }, { w: expected.dz_dw, b: expected.dz_db }, {});
  });
  it("(4) ∂z/∂w = y·2 and (7) ∂z/∂b = y·3 + x·2, as the text derives", () => {
    const { graph, gradient } = reverseModeGradient(LINEAR_PRODUCT.fn, { w: 3, b: 4 });
    const [x, y] = [graph.value("x"), graph.value("y")];
    assert.deepEqual([x, y], [expected.x, expected.y]);
    assert.equal(gradient.w, y * 2);
    assert.equal(gradient.b, y * 3 + x * 2);
  });
});
