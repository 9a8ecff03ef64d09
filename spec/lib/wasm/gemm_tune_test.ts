import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { GEMM_CANDIDATE_TILES, tuneGemmTile } from "../../../lib/wasm/gemm_tune.ts";
import { gemmModule } from "../../../lib/wasm/gemm_module.ts";
import { wasmFmaBackend } from "../../../lib/wasm/matmul_simd.ts";
import { ArgumentRangeError, InputTypeError } from "../../../lib/errors.ts";

describe("tuneGemmTile: the fastest register tile on this machine", () => {
  it("times every candidate and returns the one with the smallest median", () => {
    const tuning = tuneGemmTile({ size: 48, rounds: 3 });
    assert.equal(tuning.backend, "wasm-simd");
    assert.equal(tuning.timings.length, GEMM_CANDIDATE_TILES.length);
    for (const candidate of GEMM_CANDIDATE_TILES) {
      assert.equal(
        tuning.timings.filter(({ tile }) =>
          tile.rows === candidate.rows && tile.columns === candidate.columns
        ).length,
        1,
        `${candidate.rows} × ${candidate.columns} timed once`,
      );
    }
    const times = tuning.timings.map((timing) => timing.milliseconds);
    assert.ok(times.every((t) => Number.isFinite(t) && t >= 0), String(times));
    assert.deepEqual(times, [...times].sort((x, y) => x - y), "fastest first");
    assert.deepEqual(tuning.tile, tuning.timings[0].tile);
  });
  it("tries only the tiles it is given", () => {
    const tiles = [{ rows: 1, columns: 2 }, { rows: 6, columns: 2 }];
    const tuning = tuneGemmTile({ size: 16, rounds: 1, tiles });
    assert.deepEqual(
      tuning.timings.map(({ tile }) => `${tile.rows}×${tile.columns}`).sort(),
      ["1×2", "6×2"],
    );
  });
  it("fma: tunes the kernel createWasmMatmul({ fma: true }) builds, on the path it takes", () => {
    const tuning = tuneGemmTile({
      size: 16,
      rounds: 1,
      fma: true,
      tiles: [{ rows: 3, columns: 6 }],
    });
    // V8 fuses relaxed_madd ("wasm-simd-fma"); JavaScriptCore says it does not.
    assert.equal(tuning.backend, wasmFmaBackend());
    assert.deepEqual(tuning.tile, { rows: 3, columns: 6 });
  });
  it("every candidate fits the 16 vector registers (gemmModule accepts it)", () => {
    for (const tile of GEMM_CANDIDATE_TILES) {
      assert.ok(WebAssembly.validate(gemmModule(1, tile.columns, { tileRows: tile.rows })));
    }
  });
  it("rejects bad options before timing anything", () => {
    assert.throws(() => tuneGemmTile({ size: 8 }), ArgumentRangeError);
    assert.throws(() => tuneGemmTile({ size: 2000 }), ArgumentRangeError);
    assert.throws(() => tuneGemmTile({ rounds: 0 }), ArgumentRangeError);
    assert.throws(() => tuneGemmTile({ tiles: [] }), /options\.tiles\.length must be/);
    assert.throws(() => tuneGemmTile({ tiles: [{ rows: 7, columns: 4 }] }), RangeError);
    assert.throws(() => tuneGemmTile({ tiles: [null as never] }), {
      name: "InputTypeError",
      message: /options\.tiles\[0\]/,
    });
    assert.throws(() => tuneGemmTile({ tiles: "2x8" as never }), InputTypeError);
    assert.throws(() => tuneGemmTile({ fma: "yes" as never }), InputTypeError);
    assert.throws(() => tuneGemmTile({ tile: {} } as never), /unknown key "tile"/);
  });
});
