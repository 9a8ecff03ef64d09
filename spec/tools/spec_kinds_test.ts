// Issue 16: every library spec imports library code (so that some wrong library fails
// it); document checks live under spec/documents/ and are counted apart.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { lacking } from "../_permissions.ts";
import {
  DOCUMENT_CHECKS,
  specFileKinds,
  topLevelTitles,
  valueImports,
} from "../../tools/spec_kinds.ts";
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
  it("no top-level describe title is used by a library spec and a document check", () => {
    const library = new Map<string, string>();
    for (const f of files.filter((f) => f.kind === "library")) {
      for (const title of f.titles) library.set(title, f.path);
    }
    const clashes = files.filter((f) => f.kind === "document").flatMap((f) =>
      f.titles.filter((title) => library.has(title)).map((title) =>
        `"${title}" in ${f.path} and ${library.get(title)}`
      )
    );
    assert.deepEqual(clashes, [], "npm test could not tell these apart in Deno's report");
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

describe("topLevelTitles reads the titles of top-level describes", () => {
  it("double- and single-quoted titles at the start of a line; not nested or computed ones", () => {
    const source = [
      `describe("S1 \\"commute\\" §1.7", () => {`,
      `  describe("nested", () => {});`,
      `});`,
      `describe('single', { skip }, () => {});`,
      "describe(`template ${x}`, () => {});",
    ].join("\n");
    assert.deepEqual(topLevelTitles(source), ['S1 "commute" §1.7', "single"]);
  });
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
