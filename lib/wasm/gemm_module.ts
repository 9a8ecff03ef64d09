/**
 * A register-blocked f64x2 GEMM kernel, C = A·B, emitted as WebAssembly bytes.
 *
 * Layout in linear memory (all byte addresses multiples of 32):
 * - A packed in row panels: panel I holds rows 4I … 4I+3; inside it, for each p the
 *   four values A[4I+r][p] are adjacent (`aPanel[p·4 + r]`), so one pointer walks it.
 * - B packed in column panels: panel J holds columns 4J … 4J+3; inside it, for each p
 *   the four values B[p][4J+c] are adjacent (`bPanel[p·4 + c]`).
 * - C row-major, (4·rowPanels) × (4·colPanels).
 *
 * For each 4×4 tile of C the kernel keeps eight f64x2 accumulators in registers and, for
 * p = 0 … k−1, loads two vectors of B, splats each of the four A values
 * (`v128.load64_splat`) and does 8 `f64x2.mul` + 8 `f64x2.add`: 32 flops per 6 loads.
 * Eight accumulators plus two B vectors, one splat and one product fit the 16 vector
 * registers of x86-64 and the 32 of AArch64 without spilling.
 *
 * Every C entry is accumulated as ((0 + a₀b₀) + a₁b₁) + … in order p = 0, 1, …, with a
 * separate multiply and add (no fused multiply-add), which is exactly the textbook
 * i-j-p loop: the result is bitwise equal to it for finite inputs.
 *
 * @module
 */

import { encodeModule } from "./module_encoder.ts";
import type { ValueType } from "./module_encoder.ts";
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
} from "./instructions.ts";

/** Rows and columns of the register tile; the packing and padding use the same size. */
export const GEMM_TILE = 4;

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
const ACC = 16; // 8 accumulators: ACC + 2r + h is rows r, columns 2h … 2h+1
const B0 = 24, B1 = 25, SPLAT = 26;
const LOCALS: ValueType[] = [
  ...Array<ValueType>(10).fill("i32"), // locals 6 … 15
  ...Array<ValueType>(11).fill("v128"), // locals 16 … 26
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

function tileBody(): number[] {
  const body: number[] = [];
  const zero = v128ConstF64x2(0, 0);
  for (let acc = 0; acc < 8; acc++) body.push(...zero, ...localSet(ACC + acc));
  body.push(...localGet(A_PANEL), ...localSet(PA));
  body.push(
    ...localGet(DEPTH),
    ...i32Const(Math.log2(GEMM_UNROLL)),
    OPCODE.i32ShrU,
    ...localSet(P_LEFT),
  );
  body.push(...control("loop"));
  for (let step = 0; step < GEMM_UNROLL; step++) {
    const offset = 32 * step; // both panels advance 4 doubles per p
    body.push(...localGet(PB), ...v128Load(offset), ...localSet(B0));
    body.push(...localGet(PB), ...v128Load(offset + 16), ...localSet(B1));
    for (let r = 0; r < GEMM_TILE; r++) {
      body.push(...localGet(PA), ...v128Load64Splat(offset + 8 * r), ...localSet(SPLAT));
      for (let h = 0; h < 2; h++) {
        const acc = ACC + 2 * r + h;
        body.push(
          ...localGet(acc),
          ...localGet(SPLAT),
          ...localGet(h === 0 ? B0 : B1),
          ...f64x2Mul(),
          ...f64x2Add(),
          ...localSet(acc),
        );
      }
    }
  }
  body.push(...addTo(PA, i32Const(32 * GEMM_UNROLL)), ...addTo(PB, i32Const(32 * GEMM_UNROLL)));
  body.push(...countDownAndLoop(P_LEFT), ...end());
  // Store the tile: row r at C_TILE + r·stride.
  body.push(...localGet(C_TILE), ...localSet(ADDRESS));
  for (let r = 0; r < GEMM_TILE; r++) {
    body.push(...localGet(ADDRESS), ...localGet(ACC + 2 * r), ...v128Store(0));
    body.push(...localGet(ADDRESS), ...localGet(ACC + 2 * r + 1), ...v128Store(16));
    if (r < GEMM_TILE - 1) body.push(...addTo(ADDRESS, localGet(C_STRIDE)));
  }
  return body;
}

function kernelBody(): number[] {
  return [
    // stride of a C row in bytes: 4 columns · 8 bytes per column panel
    ...localGet(COL_PANELS),
    ...i32Const(32),
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
    ...tileBody(),
    ...addTo(C_TILE, i32Const(32)),
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
 * depth × 4) into row-major C of (4·rowPanels) × (4·colPanels).
 *
 * The caller must pass rowPanels, colPanels ≥ 1 and depth ≥ 2 a multiple of
 * {@link GEMM_UNROLL} (the loops are do-while), and addresses that are multiples of 16.
 *
 * @param initialPages Initial memory size in pages (≥ 1).
 * @returns Module bytes (well under the 4 KiB that browsers allow to compile synchronously).
 *
 * @example
 * ```ts
 * const bytes = gemmModule(1);
 * if (bytes.length > 4096) throw new Error("small enough for synchronous compilation");
 * ```
 */
export function gemmModule(initialPages: number): Uint8Array<ArrayBuffer> {
  return encodeModule({
    memory: { initialPages, exportName: GEMM_EXPORTS.memory },
    functions: [{
      exportName: GEMM_EXPORTS.kernel,
      params: ["i32", "i32", "i32", "i32", "i32", "i32"],
      results: [],
      locals: LOCALS,
      body: kernelBody(),
    }],
  });
}
