// Issue 16: every library spec imports library code (so that some wrong library fails
// it); document checks live under spec/documents/ and are counted apart.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { lacking } from "../_permissions.ts";
import { DOCUMENT_CHECKS, specFileKinds, valueImports } from "../../tools/spec_kinds.ts";
import { DOCUMENT_CHECKS as RUNNER_DOCUMENT_CHECKS, kindOfFile } from "../../tools/test.mjs";

const skip = lacking("read");
const files = skip ? [] : specFileKinds(".");

describe("spec kinds: library specs and document checks", { skip }, () => {
  it("there are spec files of both kinds, and the test runner sorts them the same way", () => {
    assert.ok(files.filter((f) => f.kind === "library").length > 50);
    assert.ok(files.some((f) => f.kind === "document"), "no document check under spec/documents/");
    assert.equal(RUNNER_DOCUMENT_CHECKS, DOCUMENT_CHECKS);
    for (const file of files) assert.equal(kindOfFile(file.path), file.kind, file.path);
  });
  for (const file of files.filter((f) => f.kind === "library")) {
    it(`${file.path} imports library code`, () => {
      assert.ok(
        file.libraryImports.length > 0,
        `${file.path} imports no library code (only node:, fixtures and the assertions): ` +
          `make its tests call the library, or move it to ${DOCUMENT_CHECKS} if it checks a ` +
          `document or a fixture`,
      );
    });
  }
});

describe("valueImports reads what a module runs", () => {
  it("value imports, side-effect imports, re-exports and dynamic imports; not type-only ones", () => {
    const source = [
      `import { sigmoid } from "../lib/activation/sigmoid.ts";`,
      `import type { Matrix } from "../lib/linalg/matrix.ts";`,
      `import { type Fixture } from "../oracle/fixture.ts";`,
      `import {\n  type Loss,\n  squaredError,\n} from "../lib/loss/squared_error.ts";`,
      `import "./_setup.ts";`,
      `export { relu } from "../lib/activation/relu.ts";`,
      `const m = await import("../worked/registry.ts");`,
      `import assert from "node:assert/strict";`,
    ].join("\n");
    assert.deepEqual(valueImports(source), [
      "../lib/activation/sigmoid.ts",
      "../lib/loss/squared_error.ts",
      "../lib/activation/relu.ts",
      "node:assert/strict",
      "./_setup.ts",
      "../worked/registry.ts",
    ]);
  });
});
