// tools/test.mjs, the README's test command: how it reads each runner's JUnit report and
// counts library specs, document checks and doc examples apart.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { count, kindOfFile, testcases } from "../../tools/test.mjs";

// The shape of `deno test --junit-path` output: top-level tests name their file in
// `classname`; `describe` steps are listed again under ext:deno_node with path names.
const DENO = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="deno test" tests="6" failures="1" errors="0" time="0.1">
  <testsuite name="./spec/lib/loss/loss_test.ts" tests="1">
    <testcase name="loss" classname="./spec/lib/loss/loss_test.ts" time="0.01" line="3" col="1">
      <failure message="1 test step failed">1 test step failed</failure>
    </testcase>
  </testsuite>
  <testsuite name="./spec/documents/s001_test.ts" tests="1">
    <testcase name="S1" classname="./spec/documents/s001_test.ts" time="0.01" line="3" col="1"/>
  </testsuite>
  <testsuite name="./out/doc_examples/run.ts" tests="1">
    <testcase name="sigmoid example 1" classname="./out/doc_examples/run.ts" time="0.01" line="3" col="1"/>
  </testsuite>
  <testsuite name="ext:deno_node/testing.ts" tests="3">
    <testcase name="loss &gt; squared error" classname="ext:deno_node/testing.ts" time="0.01" line="1" col="1"/>
    <testcase name="loss &gt; cross-entropy" classname="ext:deno_node/testing.ts" time="0.01" line="1" col="1">
      <failure message="Expected 1 to equal 2">Expected 1 to equal 2</failure>
    </testcase>
    <testcase name="S1 &gt; claims" classname="ext:deno_node/testing.ts" time="0.01" line="1" col="1"/>
    <testcase name="S1 &gt; claims &gt; the printed 6.0861 is wrong" classname="ext:deno_node/testing.ts" time="0.01" line="1" col="1"/>
  </testsuite>
</testsuites>`;

// The shape of `bun test --reporter=junit`: one testcase per `it`, with its file.
const BUN = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="bun test" tests="4" failures="0">
  <testsuite name="spec/lib/loss/loss_test.ts" file="spec/lib/loss/loss_test.ts">
    <testsuite name="loss" file="spec/lib/loss/loss_test.ts">
      <testcase name="squared error" classname="loss" file="spec/lib/loss/loss_test.ts" line="4"/>
      <testcase name="skipped one" classname="loss" file="spec/lib/loss/loss_test.ts" line="9"><skipped /></testcase>
    </testsuite>
  </testsuite>
  <testcase name="the printed 6.0861 is wrong" classname="S1" file="spec/documents/s001_test.ts" line="5"/>
  <testcase name="sigmoid example 1" classname="doc" file="out/doc_examples/run.ts" line="7"/>
</testsuites>`;

describe("tools/test.mjs counts library specs, document checks and doc examples apart", () => {
  it("files: spec/documents/ are document checks, the doc runner doc examples, the rest library specs", () => {
    assert.equal(kindOfFile("./spec/documents/s001_test.ts"), "document");
    assert.equal(kindOfFile("spec/documents/fixtures/x_test.ts"), "document");
    assert.equal(kindOfFile("./spec/lib/documents_test.ts"), "library");
    assert.equal(kindOfFile("./out/doc_examples/run.ts"), "doc");
    assert.equal(kindOfFile("spec/tools/report_test.ts"), "library");
  });
  it("Deno: a describe is not a test; its steps take the kind of their top-level test's file", () => {
    const result = count(testcases(DENO), true);
    assert.equal(result.passed, 3);
    assert.equal(result.failed, 1);
    assert.deepEqual(result.kinds, { library: 2, document: 1, doc: 1 });
    assert.deepEqual(result.failures, ["loss > cross-entropy"]);
  });
  it("Bun: every testcase is an it, with its file; skipped ones are counted as skipped", () => {
    const result = count(testcases(BUN), false);
    assert.equal(result.passed, 3);
    assert.equal(result.skipped, 1);
    assert.deepEqual(result.kinds, { library: 1, document: 1, doc: 1 });
  });
  it("Deno: one top-level name in a library file and a document file is an error, not a guess", () => {
    const clash = DENO.replace('name="S1" classname', 'name="loss" classname');
    assert.throws(() => count(testcases(clash), true), /top-level test "loss".*rename one/);
  });
  it("Deno: a title that contains ' > ' still finds its top-level test", () => {
    const xml = DENO.replace('name="S1" classname', 'name="S1 &gt; λ &gt; 0" classname')
      .replace('name="S1 &gt; claims" classname', 'name="S1 &gt; λ &gt; 0 &gt; claims" classname')
      .replace(
        'name="S1 &gt; claims &gt; the printed',
        'name="S1 &gt; λ &gt; 0 &gt; claims &gt; the printed',
      );
    assert.deepEqual(count(testcases(xml), true).kinds, { library: 2, document: 1, doc: 1 });
  });
  it("reads a failure's message, so a describe failed only by its steps is not counted twice", () => {
    const [describeCase] = testcases(DENO);
    assert.equal(describeCase.failureMessage, "1 test step failed");
    const own = DENO.replace(
      'message="1 test step failed"',
      'message="TypeError: x is not a function"',
    );
    assert.equal(count(testcases(own), true).failed, 2);
  });
});
