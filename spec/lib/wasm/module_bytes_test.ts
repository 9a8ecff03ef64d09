// The kernel modules' bytes, pinned: input checks at the builders' entry and refactors of
// the code generators must not change a single byte of what they emit. The SHA-256 of each
// module below was taken before the builders validated their arguments (issue 12) and
// before their repeated helpers were folded; a change to the generated code itself must
// update the pin in the same commit, saying why.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { gemmModule } from "../../../lib/wasm/gemm_module.ts";
import { vecmathModule } from "../../../lib/wasm/vecmath_module.ts";
import { mlpModule, type MlpShape } from "../../../lib/wasm/mlp_module.ts";
import { mlpBackwardModule } from "../../../lib/wasm/mlp_backward_module.ts";
import { tsqrModule } from "../../../lib/wasm/tsqr_module.ts";
import { simdProbeModule } from "../../../lib/wasm/simd_support.ts";
import type { MemoryDefinition } from "../../../lib/wasm/module_encoder.ts";

const doc: MlpShape = {
  widths: [3, 4, 4, 3],
  activations: ["sigmoid", "sigmoid", "softmax"],
  biases: [false, false, false],
};
const all: MlpShape = {
  widths: [2, 5, 7, 3, 1],
  activations: ["relu", "softmax", "tanh", "identity"],
  biases: [true, true, false, true],
};
const imported: MemoryDefinition = {
  initialPages: 2,
  maximumPages: 100,
  shared: true,
  import: { module: "env", name: "memory" },
};

const MODULES: readonly [string, () => Uint8Array<ArrayBuffer>, number, string][] = [
  [
    "gemmModule(1)",
    () => gemmModule(1),
    786,
    "f3fe5d42121923cbf769143e12b0cc9ea2b3c05ca71f6d9b717869c149af2d21",
  ],
  [
    "gemmModule(1, 6, { tileRows: 3, fma: true })",
    () => gemmModule(1, 6, { tileRows: 3, fma: true }),
    778,
    "39fb2f4afaf6d9985d60bdb0d284a40f45487607291b917ce0c18d957780e9b6",
  ],
  [
    "gemmModule(1, 4, { tileRows: 4, memory: imported })",
    () => gemmModule(1, 4, { tileRows: 4, memory: imported }),
    790,
    "d26b6cf3d0abd3fb06a902a62bac9fd7d8c05cf88ecdc9794693131c7f2d417a",
  ],
  [
    "vecmathModule()",
    () => vecmathModule(),
    10847,
    "d1c5827e65f10e38dce50c83526c84f5f058087db9b726a71306823ece8e1ef9",
  ],
  [
    "vecmathModule(imported)",
    () => vecmathModule(imported),
    10851,
    "4959d183c22166525493d3dba3660f73007014d15a0c547b68512555261f6563",
  ],
  [
    "mlpModule(doc)",
    () => mlpModule(doc),
    13977,
    "10125648ad0f44231e58f114833029863f6cbd142a5fc7f86ea1b7b4a4f00081",
  ],
  [
    "mlpModule(all, 1)",
    () => mlpModule(all, 1),
    9822,
    "5b844c5e7fe4aa97b8994bc56deace6e5a5d2fbce9c497af40a585245ec46c08",
  ],
  [
    "mlpBackwardModule(doc)",
    () => mlpBackwardModule(doc),
    8054,
    "49035aab2d7bc7c7c2f51e5aab1f21194d2110de66e9536bbfbb13b8fb1b4b91",
  ],
  [
    "mlpBackwardModule(all)",
    () => mlpBackwardModule(all),
    8733,
    "2ff41acdfde35b7b8f8b958583b0335abf501662bc19573c052eb178d21b1921",
  ],
  [
    "tsqrModule(10, 3)",
    () => tsqrModule(10, 3),
    9348,
    "d57b1ebe9c87c5c598bba399c968427706144f9d6302af0ebe3622543e659d8e",
  ],
  [
    "tsqrModule(5, 2)",
    () => tsqrModule(5, 2),
    3667,
    "70cafbcd923521e3013555c9e3209bb6b1edd7c9f02cb0ec252e9556093c9a93",
  ],
  [
    "simdProbeModule()",
    () => simdProbeModule(),
    64,
    "c2ac7dc99e9e7c6efde6309f68d658b58a18b80ca55ab6f9eeadc65efa58c126",
  ],
];

async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

describe("the kernel modules encode to the pinned bytes", () => {
  for (const [name, build, length, hash] of MODULES) {
    it(name, async () => {
      const bytes = build();
      assert.equal(bytes.length, length, `${name}: length`);
      assert.equal(await sha256(bytes), hash, `${name}: SHA-256 of the bytes`);
      assert.ok(WebAssembly.validate(bytes), `${name}: valid`);
    });
  }
});
