// The checker cannot be fooled and never breaks: whatever an implementation does, a failed
// result with a clear message, never an exception; nothing compared is a failure; fixtures
// cannot make it loop; user code cannot change the fixtures or a later verdict; gross errors
// are described by a factor or a relative error, not by 4607182418800017400 ulps.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { checkConcept, compareConform, safeTree } from "../../../oracle/conformance/mod.ts";

const base = {
  id: "user.sigmoid",
  concepts: ["sigmoid"],
  source: {
    document: "none",
    section: "-",
    quote: "σ(0) = ½, σ(±ln 3) = ¾, ¼",
  },
  oracle: { method: "closed form", generator: null },
  input: { z: [0, Math.log(3), -Math.log(3)] },
  printed: {},
  expected: { sigmoid: [0.5, 0.75, 0.25] },
  conform: {
    sigmoid: {
      concept: "sigmoid",
      u: 5,
      inputCondition: 1.1,
      reason: "four roundings",
    },
  },
  tolerance: { sigmoid: { ulps: 2, reason: "ln 3 rounded once" } },
  erratum: null,
};
const sig = (z: number) => 1 / (1 + Math.exp(-z));

function only(impl: unknown, fixture: unknown = base) {
  const results = checkConcept(
    "sigmoid",
    impl as (z: number) => number,
    fixture,
  );
  assert.equal(results.length, 1);
  return results[0];
}

describe("conformance: a right implementation passes, in float64 and float32", () => {
  it("the logistic function", () => assert.equal(only(sig).status, "pass"));
});

describe("conformance: what a user implementation does never breaks the check", () => {
  const cases: [string, unknown, RegExp][] = [
    ["throws", () => {
      throw new RangeError("boom");
    }, /threw RangeError: boom/],
    ["throws a non-Error", () => {
      throw 42;
    }, /threw 42/],
    ["returns NaN", () => NaN, /NaN/],
    ["returns a BigInt", () => 1n, /BigInt/],
    ["returns a string", () => "0.5", /string/],
    ["returns undefined", () => undefined, /undefined/],
    ["returns a Promise", () => Promise.resolve(0.5), /Promise/],
    ["returns an array", () => [0.5], /shape|ragged/],
    ["returns a cyclic object", () => {
      const a: unknown[] = [];
      a.push(a);
      return a;
    }, /cyclic|shape|ragged/],
    ["returns an object whose getter throws", () => ({
      get rows() {
        throw new Error("getter");
      },
      cols: 1,
      data: [1],
    }), /getter|not a number|threw/],
    ["returns a revoked Proxy", () => {
      const { proxy, revoke } = Proxy.revocable([0.5], {});
      revoke();
      return proxy;
    }, /./],
    ["is not a function", 42, /must be a function/],
  ];
  for (const [what, impl, message] of cases) {
    it(what, () => {
      const result = only(impl);
      assert.equal(result.ok, false);
      assert.equal(result.status, "fail");
      assert.match(result.message, message);
    });
  }
  it("a wrong shape for a backward pass is a failure, not an exception", () => {
    const results = checkConcept(
      "backward",
      () => ({ weights: [[1, 2, 3]], biases: null }),
      [{
        id: "user.bp",
        concepts: ["backward"],
        source: { document: "none", section: "-", quote: "δ" },
        oracle: { method: "exact", generator: null },
        input: {
          layers: [{ W: [[0]], b: [0], activation: "identity" }],
          X: [[1]],
          Y: [[1]],
          lossScale: 0.5,
        },
        printed: {},
        expected: { dW1: [[-1]], db1: [-1] },
        conform: {
          dW1: { concept: "backward", output: "dW1", u: 2, reason: "exact" },
          db1: { concept: "backward", output: "db1", u: 2, reason: "exact" },
        },
        tolerance: { dW1: { reason: "exact" }, db1: { reason: "exact" } },
        erratum: null,
      }],
    );
    assert.equal(results[0].status, "fail");
    assert.match(results[0].message, /dW1:.*shape|dW1:.*ragged/);
    assert.match(results[0].message, /db1:/);
  });
});

describe("conformance: nothing compared is never a pass", () => {
  it("no fixture lists the concept", () => {
    const results = checkConcept("tanh", Math.tanh, base);
    assert.equal(results.length, 1);
    assert.equal(results[0].ok, false);
    assert.match(results[0].message, /nothing checked/);
  });
  it("an empty input compares nothing", () => {
    const empty = { ...base, input: { z: [] }, expected: { sigmoid: [] } };
    const result = only(sig, empty);
    assert.equal(result.ok, false);
  });
  it("a fixture that lists the concept but cannot be read as it fails", () => {
    const result = only(sig, { ...base, input: { x: [1] } });
    assert.equal(result.status, "fail");
    assert.match(result.message, /cannot be read as sigmoid/);
  });
  it("a field marked not checkable for conformance is reported with its reason, never passed", () => {
    const chaotic = {
      ...base,
      conform: { sigmoid: { concept: "sigmoid", checkable: false, reason: "5000 chaotic steps" } },
    };
    const r = only(sig, chaotic);
    assert.equal(r.status, "unchecked");
    assert.equal(r.ok, false);
    assert.match(r.message, /nothing checked: .*5000 chaotic steps/);
  });
  it("a field not checkable at float32 is reported, not passed", () => {
    const tiny = {
      ...base,
      input: { z: [-800] },
      expected: { sigmoid: [0] },
      conform: {
        sigmoid: {
          concept: "sigmoid",
          u: 5,
          inputCondition: 2e9,
          reason: "κ huge",
        },
      },
    };
    const r = checkConcept("sigmoid", sig, tiny, { precision: "float32" })[0];
    assert.notEqual(r.status, "pass");
  });
});

describe("conformance: fixtures cannot make the checker loop", () => {
  const gd = {
    id: "user.gd",
    concepts: ["gd-step"],
    source: { document: "none", section: "-", quote: "GD" },
    oracle: { method: "exact", generator: null },
    input: { W: [0], X: [[1]], y: [1], learningRate: 0.5, steps: 1e12 },
    printed: {},
    expected: { W: [1] },
    conform: { W: { concept: "gd-step", u: 2, reason: "-" } },
    tolerance: { W: { reason: "-" } },
    erratum: null,
  };
  it("a step count beyond the cap is refused before any step", () => {
    let calls = 0;
    const [r] = checkConcept("gd-step", (W: number[]) => {
      calls++;
      return W;
    }, gd);
    assert.equal(r.status, "fail");
    assert.match(r.message, /steps must be an integer from 0 to 100000/);
    assert.equal(calls, 0);
  });
});

describe("conformance: user code works on copies", () => {
  it("an implementation that scribbles on its input changes neither the fixture nor a later verdict", () => {
    const fixture = structuredClone(base);
    const vandal = (z: number[]) => {
      z[0] = 1e9;
      return z.map((v) => 1 / (1 + Math.exp(-v)));
    };
    checkConcept("softmax", vandal, fixture);
    const graph = {
      ...structuredClone(base),
      concepts: ["softmax"],
      input: { z: [[0, 0]] },
      expected: { p: [[0.5, 0.5]] },
      conform: { p: { concept: "softmax", u: 10, reason: "-" } },
      tolerance: { p: { reason: "-" } },
    };
    const first = checkConcept("softmax", vandal, graph);
    assert.deepEqual(graph.input.z, [[0, 0]]);
    const right = (z: number[]) => z.map(() => 0.5);
    assert.equal(checkConcept("softmax", right, graph)[0].ok, true);
    assert.equal(first[0].ok, false);
    assert.deepEqual(fixture, base);
  });
});

describe("conformance: messages", () => {
  it("a gross error gives a factor and a relative error, never billions of ulps", () => {
    const r = only((z: number) => 4 * sig(z));
    assert.match(r.message, /off by a factor 4/);
    assert.match(r.message, /relative error/);
    assert.doesNotMatch(r.message, /\d{10,} ulps/);
  });
  it("a wrong sign says so", () => {
    const v = compareConform(
      { concept: "tanh", u: 5, reason: "-" },
      safeTree([-0.5]),
      safeTree([0.5]),
      "float64",
    );
    assert.match(v.message, /wrong sign/);
  });
  it("a near miss gives the relative error, the bound in u and the ulps", () => {
    const v = compareConform(
      { concept: "tanh", u: 5, reason: "-" },
      safeTree([0.5 * (1 + 2 ** -48)]),
      safeTree([0.5]),
      "float64",
    );
    assert.equal(v.status, "fail");
    assert.match(
      v.message,
      /relative 3\.55e-15 = 32 u; bound .* = 5 u, 16 ulps/,
    );
  });
});
