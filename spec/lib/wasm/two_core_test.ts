import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createTwoCore, type TwoCore } from "../../../lib/wasm/two_core.ts";
import {
  expArrayWasm,
  logSoftmaxRowsWasm,
  sigmoidArrayWasm,
  softmaxRowsWasm,
  tanhArrayWasm,
} from "../../../lib/wasm/vecmath.ts";
import { matmulWasmSimd } from "../../../lib/wasm/matmul_simd.ts";
import { createMatrix } from "../../../lib/linalg/matrix.ts";
import { RandomState } from "../../../lib/random/random_state.ts";
import { NonFiniteError, ShapeError } from "../../../lib/errors.ts";
import { lacking } from "../../_permissions.ts";

function random(count: number, seed: number, low = -20, high = 20): Float64Array {
  return new RandomState(seed).fillUniform(new Float64Array(count), low, high);
}

function sameBits(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string): void {
  assert.equal(actual.length, expected.length, what);
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i])) {
      assert.fail(`${what}: index ${i}: ${actual[i]} vs ${expected[i]}`);
    }
  }
}

// One worker for the tests below (a worker start costs Deno's test runner a type-check of
// its module, ≈ 3 s here); the last of them stops it.
let shared: TwoCore | undefined;

/** Runs `body` with two-core kernels that split even small inputs. */
async function withCores(body: (cores: TwoCore) => void): Promise<void> {
  shared ??= await createTwoCore({ minElements: 8, minGemm: 1 });
  body(shared);
}

describe("two-core kernels (main thread + one Worker on a shared WebAssembly.Memory)", () => {
  // Deno reads the worker's module from disk: without read permission the kernels fall back
  // to one thread (the other tests still hold), so only this one needs it.
  it("start a worker in Deno and Bun, and measure one dispatch", {
    skip: lacking("read"),
  }, async () => {
    await withCores((cores) => {
      assert.equal(cores.backend, "two-core");
      const nanoseconds = cores.dispatchNanoseconds(50);
      assert.ok(nanoseconds > 0 && nanoseconds < 1e8, `${nanoseconds} ns`);
    });
  });
  it("σ, tanh and e^x give the one-thread bits (odd lengths, both shares)", async () => {
    await withCores((cores) => {
      for (const n of [8, 9, 1001, 20_001]) {
        const z = random(n, n);
        sameBits(cores.sigmoid(z), sigmoidArrayWasm(z), `σ, n = ${n}`);
        sameBits(cores.tanh(z), tanhArrayWasm(z), `tanh, n = ${n}`);
        sameBits(cores.exp(z), expArrayWasm(z), `exp, n = ${n}`);
      }
      const out = new Float64Array(9);
      assert.equal(cores.sigmoid(random(9, 1), out), out);
      assert.throws(() => cores.sigmoid(random(9, 1), new Float64Array(8)), ShapeError);
    });
  });
  it("row softmax and log-softmax give the one-thread bits", async () => {
    await withCores((cores) => {
      for (const [rows, cols] of [[2, 5], [7, 3], [301, 33]]) {
        const m = { rows, cols, data: random(rows * cols, rows + cols) };
        sameBits(cores.softmaxRows(m).data, softmaxRowsWasm(m).data, `softmax ${rows}×${cols}`);
        sameBits(
          cores.logSoftmaxRows(m).data,
          logSoftmaxRowsWasm(m).data,
          `log-softmax ${rows}×${cols}`,
        );
      }
    });
  });
  it("a non-finite entry in the worker's rows or in the main thread's is named", async () => {
    await withCores((cores) => {
      for (const bad of [1, 9]) {
        const m = { rows: 10, cols: 4, data: random(40, 3) };
        m.data[bad * 4 + 2] = Infinity;
        assert.throws(() => cores.softmaxRows(m), NonFiniteError);
        assert.throws(() => cores.softmaxRows(m), new RegExp(`entry \\(${bad}, 2\\) is Infinity`));
      }
    });
  });
  it("GEMM gives matmulNaive's bits through the one-thread kernel (odd shapes)", async () => {
    await withCores((cores) => {
      for (const [m, k, n] of [[9, 7, 21], [33, 64, 40], [5, 1, 17]]) {
        const a = { rows: m, cols: k, data: random(m * k, m, -1, 1) };
        const b = { rows: k, cols: n, data: random(k * n, n, -1, 1) };
        sameBits(cores.matmul(a, b).data, matmulWasmSimd(a, b).data, `${m}×${k}·${k}×${n}`);
      }
      const c = createMatrix(2, 3);
      assert.throws(
        () => cores.matmul(createMatrix(2, 4), createMatrix(3, 3), c),
        /inner dimensions differ/,
      );
    });
  });
  it("after close(), the kernels still work, on one thread", async () => {
    const cores = shared ?? await createTwoCore({ minElements: 8, minGemm: 1 });
    cores.close();
    cores.close(); // idempotent
    const z = random(100, 7);
    sameBits(cores.sigmoid(z), sigmoidArrayWasm(z), "σ after close");
    assert.ok(Number.isNaN(cores.dispatchNanoseconds()));
  });
  it("without SharedArrayBuffer: the one-thread kernels, and the reason", async () => {
    const saved = globalThis.SharedArrayBuffer;
    let cores: TwoCore;
    try {
      // deno-lint-ignore no-explicit-any
      (globalThis as any).SharedArrayBuffer = undefined;
      cores = await createTwoCore();
    } finally {
      globalThis.SharedArrayBuffer = saved;
    }
    assert.equal(cores.backend, "one-core: no SharedArrayBuffer");
    const z = random(50, 2);
    sameBits(cores.tanh(z), tanhArrayWasm(z), "tanh on one core");
    cores.close();
  });
});
