/**
 * A register-blocked f64x2 GEMM kernel, C = A·B, emitted as WebAssembly bytes.
 *
 * Layout in linear memory (all byte addresses multiples of 32):
 * - A packed in row panels: panel I holds rows 4I … 4I+3; inside it, for each p the
 *   four values A[4I+r][p] are adjacent (`aPanel[p·4 + r]`), so one pointer walks it.
 * - B packed in column panels of w = `tileColumns` (2, 4 or 6) columns: panel J holds
 *   columns wJ … wJ+w−1; inside it, for each p the w values B[p][wJ+c] are adjacent
 *   (`bPanel[p·w + c]`).
 * - C row-major, (4·rowPanels) × (w·colPanels).
 *
 * For each 4 × w tile of C the kernel keeps 4·w/2 f64x2 accumulators in registers and, for
 * p = 0 … k−1, loads w/2 vectors of B, splats each of the four A values
 * (`v128.load64_splat`) and does 2w `f64x2.mul` + 2w `f64x2.add`. With w = 6 (what
 * matmulWasmSimd uses) that is 48 flops per 7 loads, and 12 accumulators + 3 B vectors +
 * one splat fill the 16 vector registers of x86-64 (AArch64 has 32). Measured at n = 240
 * on a 3.5 GHz Xeon, side by side: 4 × 6 ran 10 % (V8) to 15 % (JavaScriptCore) faster
 * than 4 × 4; 6 × 4, 3 × 6 and unrolling p by 2 were no better on both engines.
 *
 * Every C entry is accumulated as ((0 + a₀b₀) + a₁b₁) + … in order p = 0, 1, …, with a
 * separate multiply and add (no fused multiply-add), which is exactly the textbook
 * i-j-p loop: the result is bitwise equal to it for finite inputs.
 *
 * @module
 */

import { encodeModule } from "../lib/wasm/module_encoder.ts";
import type { ValueType } from "../lib/wasm/module_encoder.ts";
import {
  brIf,
  control,
  end,
  f64x2Add,
  f64x2Mul,
  i32Const,
  localGet,
  localSet,
  localTee,
  OPCODE,
  v128ConstF64x2,
  v128Load,
  v128Load64Splat,
  v128Store,
} from "../lib/wasm/instructions.ts";

/** Rows of the register tile (and the default column count); A is packed in panels of it. */
export const GEMM_TILE = 4;

/** Columns of the register tile that {@link gemmModule} uses unless told otherwise. */
export const GEMM_TILE_COLUMNS_DEFAULT = 4;

/**
 * Steps of p per loop iteration (a power of two); the caller pads the depth to a
 * multiple of it with zeros. 2 halves the loop overhead but measured slower on Bun
 * (JavaScriptCore: 11 vs 13 GFLOP/s at n = 256) and no faster on Deno, so it is 1.
 */
export const GEMM_UNROLL = 1;

/** Name of the exported kernel and of the exported memory. */
export const GEMM_EXPORTS = { kernel: "gemm", memory: "memory" } as const;

// Local indices. Parameters first: (aPtr, bPtr, cPtr, rowPanels, depth, colPanels).
const A_PTR = 0, B_PTR = 1, C_PTR = 2, ROW_PANELS = 3, DEPTH = 4, COL_PANELS = 5;
const I_LEFT = 6, J_LEFT = 7, P_LEFT = 8, PA = 9, PB = 10, C_ROW = 11, C_TILE = 12;
const C_STRIDE = 13, A_PANEL = 14, ADDRESS = 15;
// Then the v128 locals, for a tile of `vectors` f64x2 columns: the 4·vectors accumulators
// (ACC + vectors·r + h is row r, columns 2h … 2h+1), the B vectors, and the splat.
const ACC = 16;
const bVector = (vectors: number, h: number) => ACC + GEMM_TILE * vectors + h;
const splatLocal = (vectors: number) => ACC + (GEMM_TILE + 1) * vectors;
const localTypes = (vectors: number): ValueType[] => [
  ...Array<ValueType>(10).fill("i32"), // locals 6 … 15
  ...Array<ValueType>((GEMM_TILE + 1) * vectors + 1).fill("v128"),
];

const i32Add = [OPCODE.i32Add];
const i32Sub = [OPCODE.i32Sub];
const i32Mul = [OPCODE.i32Mul];

function addTo(local: number, amount: number[]): number[] {
  return [...localGet(local), ...amount, ...i32Add, ...localSet(local)];
}

/** Decrements `local` and continues the enclosing loop while it is not zero. */
function countDownAndLoop(local: number): number[] {
  return [...localGet(local), ...i32Const(1), ...i32Sub, ...localTee(local), ...brIf(0)];
}

function tileBody(vectors: number): number[] {
  const body: number[] = [];
  const zero = v128ConstF64x2(0, 0);
  const width = 2 * vectors; // doubles of B per step of p
  for (let acc = 0; acc < GEMM_TILE * vectors; acc++) body.push(...zero, ...localSet(ACC + acc));
  body.push(...localGet(A_PANEL), ...localSet(PA));
  body.push(
    ...localGet(DEPTH),
    ...i32Const(Math.log2(GEMM_UNROLL)),
    OPCODE.i32ShrU,
    ...localSet(P_LEFT),
  );
  body.push(...control("loop"));
  for (let step = 0; step < GEMM_UNROLL; step++) {
    for (let h = 0; h < vectors; h++) {
      body.push(
        ...localGet(PB),
        ...v128Load(8 * width * step + 16 * h),
        ...localSet(bVector(vectors, h)),
      );
    }
    for (let r = 0; r < GEMM_TILE; r++) {
      body.push(
        ...localGet(PA),
        ...v128Load64Splat(8 * GEMM_TILE * step + 8 * r),
        ...localSet(splatLocal(vectors)),
      );
      for (let h = 0; h < vectors; h++) {
        const acc = ACC + vectors * r + h;
        body.push(
          ...localGet(acc),
          ...localGet(splatLocal(vectors)),
          ...localGet(bVector(vectors, h)),
          ...f64x2Mul(),
          ...f64x2Add(),
          ...localSet(acc),
        );
      }
    }
  }
  body.push(
    ...addTo(PA, i32Const(8 * GEMM_TILE * GEMM_UNROLL)),
    ...addTo(PB, i32Const(8 * width * GEMM_UNROLL)),
  );
  body.push(...countDownAndLoop(P_LEFT), ...end());
  // Store the tile: row r at C_TILE + r·stride.
  body.push(...localGet(C_TILE), ...localSet(ADDRESS));
  for (let r = 0; r < GEMM_TILE; r++) {
    for (let h = 0; h < vectors; h++) {
      body.push(...localGet(ADDRESS), ...localGet(ACC + vectors * r + h), ...v128Store(16 * h));
    }
    if (r < GEMM_TILE - 1) body.push(...addTo(ADDRESS, localGet(C_STRIDE)));
  }
  return body;
}

function kernelBody(vectors: number): number[] {
  const tileBytes = 16 * vectors; // one row of a tile of C
  return [
    // stride of a C row in bytes: the tile's row bytes per column panel
    ...localGet(COL_PANELS),
    ...i32Const(tileBytes),
    ...i32Mul,
    ...localSet(C_STRIDE),
    ...localGet(A_PTR),
    ...localSet(A_PANEL),
    ...localGet(C_PTR),
    ...localSet(C_ROW),
    ...localGet(ROW_PANELS),
    ...localSet(I_LEFT),
    ...control("loop"),
    ...localGet(B_PTR),
    ...localSet(PB), // B panels are contiguous: PB runs on from one panel into the next
    ...localGet(C_ROW),
    ...localSet(C_TILE),
    ...localGet(COL_PANELS),
    ...localSet(J_LEFT),
    ...control("loop"),
    ...tileBody(vectors),
    ...addTo(C_TILE, i32Const(tileBytes)),
    ...countDownAndLoop(J_LEFT),
    ...end(),
    ...localGet(PA),
    ...localSet(A_PANEL), // PA ended just past this row panel: the next one starts there
    ...addTo(C_ROW, [...localGet(C_STRIDE), ...i32Const(GEMM_TILE), ...i32Mul]),
    ...countDownAndLoop(I_LEFT),
    ...end(),
  ];
}

/**
 * The GEMM module's bytes: an exported memory (`initialPages` 64 KiB pages) and the
 * exported kernel `gemm(aPtr, bPtr, cPtr, rowPanels, depth, colPanels)`, which writes
 * C = A·B for packed A (rowPanels panels of depth × 4), packed B (colPanels panels of
 * depth × `tileColumns`) into row-major C of (4·rowPanels) × (tileColumns·colPanels).
 *
 * The caller must pass rowPanels, colPanels ≥ 1 and depth ≥ 1 a multiple of
 * {@link GEMM_UNROLL} (the loops are do-while), and addresses that are multiples of 16.
 *
 * @param initialPages Initial memory size in pages (≥ 1).
 * @param tileColumns Columns of the register tile and of a packed B panel: 2, 4 or 6
 *   (4 × 6 needs 16 vector registers, the most x86-64 has).
 * @returns Module bytes (well under the 4 KiB that browsers allow to compile synchronously).
 * @throws {RangeError} if `tileColumns` is not 2, 4 or 6.
 *
 * @example
 * ```ts
 * const bytes = gemmModule(1, 6);
 * if (bytes.length > 4096) throw new Error("small enough for synchronous compilation");
 * ```
 */
export function gemmModule(
  initialPages: number,
  tileColumns: number = GEMM_TILE_COLUMNS_DEFAULT,
): Uint8Array<ArrayBuffer> {
  if (tileColumns !== 2 && tileColumns !== 4 && tileColumns !== 6) {
    throw new RangeError(`The GEMM tile must have 2, 4 or 6 columns, got ${tileColumns}`);
  }
  const vectors = tileColumns / 2;
  return encodeModule({
    memory: { initialPages, exportName: GEMM_EXPORTS.memory },
    functions: [{
      exportName: GEMM_EXPORTS.kernel,
      params: ["i32", "i32", "i32", "i32", "i32", "i32"],
      results: [],
      locals: localTypes(vectors),
      body: kernelBody(vectors),
    }],
  });
}
