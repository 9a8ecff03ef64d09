// The README's "Check your own implementation" section runs as written: its TypeScript block
// (the JS API) under the running runtime, and its shell block (nnref inputs → the Python
// adapter → nnref verify) when python3 has numpy and scipy — skipped with a message otherwise.
// Nothing is written by this process (the test runner grants Deno no write permission): the
// TypeScript goes to the child on stdin, and only the Python child writes its answers file.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import elementwise from "../../fixtures/activation/elementwise.json" with { type: "json" };
import sigmoid from "../../fixtures/activation/sigmoid.json" with { type: "json" };
import { checkConcept } from "../../oracle/conformance/check.ts";
import { lacking } from "../_permissions.ts";

const skip = lacking("read", "run", "env");
const readme = skip ? "" : readFileSync("README.md", "utf8");
const section = readme.slice(
  readme.indexOf("## Check your own implementation"),
  readme.indexOf("## Layout"),
);
const block = (lang: string) => {
  const m = section.match(new RegExp("```" + lang + "\\n([\\s\\S]*?)```"));
  assert.ok(m, `the section has a ${lang} block`);
  return m![1];
};
const runtime = "Deno" in globalThis ? [process.execPath, "run", "-A"] : [process.execPath, "run"];

describe("README: check your own implementation", { skip }, () => {
  it("the TypeScript block runs, and reports the wrong σ with its relative error", {
    timeout: 60_000,
  }, () => {
    const run = spawnSync(runtime[0], [...runtime.slice(1), "-"], {
      input: block("ts"),
      encoding: "utf8",
    });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /beyond\.elementwise\.grid pass/);
    assert.match(run.stdout, /relative error/);
    // The child prints what checkConcept gives in this process: every result, and the
    // wrong σ's message in full.
    const mine = checkConcept("sigmoid", (z: number) => 1 / (1 + Math.exp(-z)), [
      elementwise,
      sigmoid,
    ]);
    assert.ok(mine.length > 0 && mine.every((r) => r.ok));
    for (const r of mine) assert.ok(run.stdout.includes(`${r.id} ${r.status}`), r.id);
    const [wrong] = checkConcept("sigmoid", (z: number) => 1 / (1 + Math.exp(z)), [elementwise]);
    assert.ok(run.stdout.includes(wrong.message), wrong.message);
  });
  it("the shell block: concepts, inputs, the Python adapter, verify", { timeout: 120_000 }, () => {
    const python = spawnSync("python3", ["-c", "import numpy, scipy"], { encoding: "utf8" });
    if (python.status !== 0) {
      console.log(
        "skip: python3 with numpy and scipy is not available (README's Python round trip)",
      );
      return;
    }
    const answers = join(tmpdir(), `nnref-readme-${process.pid}-${Date.now()}.json`);
    const nnref = [...runtime, "tools/nnref.ts"];
    try {
      for (const line of block("sh").split("\n").filter((l) => l.trim() !== "")) {
        const command = line.replace(/#.*$/, "").replace(/>\s*\S+/, "").trim()
          .replaceAll("deno run -A tools/nnref.ts", nnref.join(" "))
          .replaceAll("answers.json", answers);
        const words = command.match(/"[^"]*"|\S+/g)!.map((w) => w.replace(/^"|"$/g, ""));
        const run = spawnSync(words[0], words.slice(1), { encoding: "utf8" });
        assert.equal(run.status, 0, `${command}: ${run.stderr}${run.stdout.slice(-400)}`);
        if (words.includes("inputs")) assert.equal(JSON.parse(run.stdout).concept, "sigmoid");
        if (words.includes("verify")) {
          assert.match(run.stdout, /conforms at float64: \d+ passed, 0 failed/);
        }
      }
    } finally {
      spawnSync("python3", [
        "-c",
        "import os, sys; os.path.exists(sys.argv[1]) and os.remove(sys.argv[1])",
        answers,
      ]);
    }
  });
});
