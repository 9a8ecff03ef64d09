import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  checkLayers,
  cyclesOf,
  edgeViolation,
  type ImportEdge,
  importsOf,
} from "../../tools/check_layers.ts";
import { lacking } from "../_permissions.ts";

const edge = (from: string, to: string, typeOnly = false, specifier = `./${to}`): ImportEdge => ({
  from,
  to,
  specifier,
  typeOnly,
});

describe("the layer check", () => {
  it(
    "this repository has no layer violation and no import cycle",
    { skip: lacking("read") },
    () => {
      assert.deepEqual(checkLayers("."), []);
    },
  );

  it("rejects every upward import", () => {
    const upward = [
      edge("lib/nn/forward.ts", "oracle/assert_close.ts"),
      edge("lib/nn/forward.ts", "worked/s002/mod.ts"),
      edge("oracle/verify.ts", "worked/registry.ts"),
      edge("oracle/verify.ts", "tools/report.ts"),
      edge("worked/s000.ts", "tools/report.ts"),
      edge("mod.ts", "worked/registry.ts"),
    ];
    for (const e of upward) assert.match(edgeViolation(e) ?? "", /imports|exports/, e.from);
  });

  it("lets the oracle use the Matrix type and the error classes, and nothing else of lib/", () => {
    assert.equal(edgeViolation(edge("oracle/fixture.ts", "lib/linalg/matrix.ts", true)), null);
    assert.match(
      edgeViolation(edge("oracle/fixture.ts", "lib/linalg/matrix.ts", false)) ?? "",
      /types only/,
    );
    assert.equal(edgeViolation(edge("oracle/fixture.ts", "lib/errors.ts")), null);
    assert.match(
      edgeViolation(edge("oracle/verify.ts", "lib/activation/sigmoid.ts", true)) ?? "",
      /only from oracle/,
    );
  });

  it("allows every downward import", () => {
    const downward = [
      edge("lib/nn/forward.ts", "lib/linalg/matrix.ts"),
      edge("oracle/verify.ts", "oracle/fixture.ts"),
      edge("worked/s000.ts", "lib/optim/descent.ts"),
      edge("worked/s000.ts", "oracle/subject.ts"),
      edge("mod.ts", "oracle/verify.ts"),
      edge("worked.ts", "worked/registry.ts"),
      edge("tools/report.ts", "worked/registry.ts"),
      edge("spec/lib/nn/forward_test.ts", "worked/registry.ts"),
    ];
    for (const e of downward) assert.equal(edgeViolation(e), null, `${e.from} → ${e.to}`);
  });

  it("keeps the math library free of bare specifiers", () => {
    assert.match(
      edgeViolation(edge("lib/x.ts", "mathjs", false, "mathjs")) ?? "",
      /no bare or URL specifiers/,
    );
    assert.match(
      edgeViolation(edge("lib/x.ts", "node:fs", false, "node:fs")) ?? "",
      /no bare or URL specifiers/,
    );
  });

  it("finds cycles, long and short, and a file importing itself", () => {
    assert.deepEqual(cyclesOf([edge("a", "b"), edge("b", "a")]), [["a", "b"]]);
    assert.deepEqual(cyclesOf([edge("a", "b"), edge("b", "c"), edge("c", "a"), edge("c", "d")]), [[
      "a",
      "b",
      "c",
    ]]);
    assert.deepEqual(cyclesOf([edge("a", "a")]), [["a"]]);
    assert.deepEqual(cyclesOf([edge("a", "b"), edge("b", "c"), edge("a", "c")]), []);
    // A chain of 100 000 imports: no recursion, so no stack overflow.
    const chain = Array.from({ length: 100_000 }, (_, i) => edge(`f${i}`, `f${i + 1}`));
    assert.deepEqual(cyclesOf(chain), []);
    assert.equal(cyclesOf([...chain, edge("f100000", "f0")])[0].length, 100_001);
  });

  it("reads imports from code, not from doc comments or strings", () => {
    const source = [
      "/**",
      " * @example",
      ' * import { x } from "../../oracle/assert_close.ts";',
      " */",
      'import type { Matrix } from "./matrix.ts";',
      'export { a, b } from "./a.ts";',
      'export * from "./star.ts";',
      'import "./side_effect.ts";',
      "const text = \"import { y } from './not_an_import.ts'\";",
      '// import { z } from "./commented.ts";',
      'const lazy = await import("./lazy.ts");',
    ].join("\n");
    assert.deepEqual(importsOf(source), [
      { specifier: "./matrix.ts", typeOnly: true },
      { specifier: "./a.ts", typeOnly: false },
      { specifier: "./star.ts", typeOnly: false },
      { specifier: "./side_effect.ts", typeOnly: false },
      { specifier: "./lazy.ts", typeOnly: false },
    ]);
  });
});
