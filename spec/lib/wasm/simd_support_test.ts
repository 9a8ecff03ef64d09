import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { hasWasmSimd, simdProbeModule } from "../../../lib/wasm/simd_support.ts";

describe("WebAssembly SIMD detection", () => {
  it("the probe is a small valid SIMD module", () => {
    const bytes = simdProbeModule();
    assert.ok(bytes.length < 100, `${bytes.length} bytes`);
    // Deno (V8) and Bun (JavaScriptCore) both implement SIMD128; this suite runs on both.
    assert.equal(WebAssembly.validate(bytes), true);
  });
  it("reports SIMD on Deno and Bun", () => {
    assert.equal(hasWasmSimd(), true);
  });
  it("reports false, without throwing, where WebAssembly is missing", () => {
    const saved = globalThis.WebAssembly;
    try {
      // deno-lint-ignore no-explicit-any
      (globalThis as any).WebAssembly = undefined;
      assert.equal(hasWasmSimd(), false);
    } finally {
      globalThis.WebAssembly = saved;
    }
    assert.equal(hasWasmSimd(), true);
  });
  it("reports false where validate rejects the SIMD opcodes (an engine without SIMD)", () => {
    const saved = WebAssembly.validate;
    try {
      WebAssembly.validate = () => false;
      assert.equal(hasWasmSimd(), false);
    } finally {
      WebAssembly.validate = saved;
    }
  });
});
