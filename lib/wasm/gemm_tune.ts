/**
 * Choosing the GEMM register tile on the machine at hand: {@link tuneGemmTile} times one
 * n × n product per candidate tile, interleaved over a few rounds, and returns the
 * fastest by median wall time.
 *
 * Every tile gives the same bits (each entry of C is summed in order p = 0, 1, … with a
 * separate multiply and add, see `gemm_module.ts`), so the choice changes speed only. The
 * fastest tile depends on the core as much as on the engine: on an AMD EPYC (AVX2) the
 * fastest bit-identical tile at n = 256 was 5 × 4 on V8 and 2 × 8 on JavaScriptCore, on an
 * Intel Xeon (AVX-512) 2 × 8 and 5 × 4 (BENCHMARKS.md). {@link defaultGemmTile} holds the
 * first machine's choice; call this once at start-up where the product is hot, and pass
 * its tile to `createWasmMatmul`.
 *
 * @module
 */

import {
  describeValue,
  requireBoolean,
  requireInteger,
  requireObject,
  requireOptions,
} from "../_util/validate.ts";
import { InputTypeError } from "../errors.ts";
import { createMatrix } from "../linalg/matrix.ts";
import type { GemmTile } from "./gemm_layout.ts";
import { createWasmMatmul, defaultGemmTile, type WasmMatmul } from "./matmul_simd.ts";

export type { GemmTile } from "./gemm_layout.ts";

/**
 * The tiles {@link tuneGemmTile} tries by default: those with at least 8 accumulators
 * (R·C/2) whose accumulators, B vectors and splat fit x86-64's 16 vector registers
 * (R·C/2 + C/2 + 1 ≤ 16), as bench/gemm_tiles.ts measures them.
 * @category WebAssembly
 */
export const GEMM_CANDIDATE_TILES: readonly GemmTile[] = Object.freeze([
  { rows: 2, columns: 8 },
  { rows: 3, columns: 6 },
  { rows: 4, columns: 4 },
  { rows: 4, columns: 6 },
  { rows: 5, columns: 4 },
  { rows: 6, columns: 4 },
].map((tile) => Object.freeze(tile)));

/** Options of {@link tuneGemmTile}.
 * @category WebAssembly */
export interface TuneGemmTileOptions {
  /** n of the n × n product timed (16 … 1024, default 256: B's strip stays in L1). */
  readonly size?: number;
  /** Interleaved rounds; the median of each tile counts (1 … 99, default 7). */
  readonly rounds?: number;
  /** Tune the fused multiply-add kernel (`createWasmMatmul({ fma: true })`) instead. */
  readonly fma?: boolean;
  /** The candidates (default {@link GEMM_CANDIDATE_TILES}). */
  readonly tiles?: readonly GemmTile[];
}

/** What {@link tuneGemmTile} measured.
 * @category WebAssembly */
export interface GemmTuning {
  /** The fastest tile: pass it to `createWasmMatmul({ tile })`. */
  readonly tile: GemmTile;
  /** The path the kernels took ("fallback": nothing to tune, `tile` is the default). */
  readonly backend: WasmMatmul["backend"];
  /** Median milliseconds of one product per tile, fastest first. */
  readonly timings: readonly { readonly tile: GemmTile; readonly milliseconds: number }[];
}

/** A deterministic n × n matrix with entries in [−0.5, 0.5) (no zeros to skip). */
function operand(n: number, salt: number): ReturnType<typeof createMatrix> {
  const m = createMatrix(n, n);
  for (let i = 0; i < m.data.length; i++) {
    m.data[i] = (((i + salt) * 7919) % 1000 + 0.5) / 1000 - 0.5;
  }
  return m;
}

/**
 * Times C = A·B (n × n) once per candidate tile per round, the tiles interleaved so that
 * a change in the machine's load touches them alike, and returns the tile with the
 * smallest median. Costs (rounds + 1) products per tile plus one module compile per tile:
 * 0.33 s on Bun 1.4.5 and 0.50 s on Deno 2.9.5 with the defaults, measured on a 2-core AMD
 * EPYC whose other core was busy.
 *
 * @param options Size, rounds, FMA and candidates.
 * @returns The fastest tile, the backend, and every tile's median.
 * @throws {InputTypeError} if options or a tile is not an object, or an option has the
 *   wrong type.
 * @throws {ArgumentRangeError} if `size` or `rounds` is out of range, `tiles` is empty, or
 *   a tile is not a valid register tile (see `gemmModule`).
 *
 * @example Tune once, then use the tile
 * ```ts
 * import { fromRows } from "@nnref/nnref/linalg";
 * import { createWasmMatmul, tuneGemmTile } from "@nnref/nnref/wasm";
 * const { tile, timings } = tuneGemmTile({ size: 32, rounds: 1 });
 * if (timings.length > 0 && timings[0].tile !== tile) throw new Error("the fastest first");
 * const { matmul } = createWasmMatmul({ tile });
 * const c = matmul(fromRows([[1, 2]]), fromRows([[3], [4]]));
 * if (c.data[0] !== 11) throw new Error("1·3 + 2·4 = 11 with any tile");
 * ```
 * @category WebAssembly
 */
export function tuneGemmTile(options: TuneGemmTileOptions = {}): GemmTuning {
  requireOptions(options, "options", ["size", "rounds", "fma", "tiles"], ["fma"]);
  const n = options.size ?? 256, rounds = options.rounds ?? 7, fma = options.fma ?? false;
  requireInteger(n, "options.size", 16, 1024);
  requireInteger(rounds, "options.rounds", 1, 99);
  requireBoolean(fma, "options.fma");
  const tiles = options.tiles ?? GEMM_CANDIDATE_TILES;
  if (!Array.isArray(tiles)) {
    throw new InputTypeError(
      `options.tiles must be an array of { rows, columns } tiles, got ${describeValue(tiles)}`,
    );
  }
  requireInteger(tiles.length, "options.tiles.length", 1, 64);
  tiles.forEach((tile, index) => requireObject(tile, `options.tiles[${index}]`));
  // Building validates each tile (gemmModule's RangeError) before anything is timed.
  const kernels = tiles.map((tile) => ({
    tile: { rows: tile.rows, columns: tile.columns },
    built: createWasmMatmul({ tile, fma }),
  }));
  const backend = kernels[0].built.backend;
  if (backend === "fallback") return { tile: defaultGemmTile(fma), backend, timings: [] };
  const a = operand(n, 1), b = operand(n, 2), out = createMatrix(n, n);
  for (const { built } of kernels) built.matmul(a, b, out); // compile and warm up
  const times = kernels.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++) {
    kernels.forEach(({ built }, index) => {
      const start = performance.now();
      built.matmul(a, b, out);
      times[index].push(performance.now() - start);
    });
  }
  const timings = kernels.map(({ tile }, index) => ({
    tile,
    milliseconds: times[index].sort((x, y) => x - y)[rounds >> 1],
  })).sort((x, y) => x.milliseconds - y.milliseconds);
  return { tile: timings[0].tile, backend, timings };
}
