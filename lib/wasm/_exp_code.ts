/**
 * Code generators shared by the WebAssembly kernels that evaluate e^x: the table-driven
 * exponential as a macro (inlined into each loop, lanes and scalar alike), the scalar
 * function that handles the special inputs, and log1p for log-sum-exp. Private: the
 * modules that use them document the algorithms' error bounds.
 *
 * The exponential (the algorithm of Tang's table method with the tail trick of ARM's
 * optimized-routines, written from its description; no fused multiply-add):
 *
 * 1. k = round(x·128/ln2) by adding and subtracting 1.5·2⁵² (ties to even);
 * 2. r = (x − k·c_hi) − k·c_lo with c_hi + c_lo = ln2/128 (k·c_hi exact), |r| ≤ ln2/256 + ε;
 * 3. j = k mod 128: s = 2^⌊k/128⌋·s_j from the table's bits plus k·2⁴⁵, and tail_j;
 * 4. tmp = ((tail_j + r) + r²(1/2 + r/6)) + r⁴(1/24 + r/120)   (e^r(1 + tail) − 1 to ~2⁻⁶⁰);
 * 5. e^x ≈ s + s·tmp, one rounding of a sum whose second term is below 0.003·s.
 *
 * Steps 1–5 are exact or below 2⁻⁶⁰ relative except the last addition, so the result is
 * within 0.5 + 0.01 ulp of e^x wherever s·tmp is a normal number or far below ulp(s):
 * |x| < 700 here (at x = −707.4, s·tmp is subnormal and its rounding alone cost 0.25 ulp
 * of the result: the generator measured 0.747 ulp with the limit at 708). For
 * |x| ≥ 700, NaN and ±∞ the scalar function rescales s to keep it normal and, for
 * subnormal results, rounds once to the subnormal grid (the method of ARM's specialcase).
 *
 * @module
 */

import {
  call,
  type Code,
  f64,
  f64x2,
  get,
  i32,
  i64,
  i64x2,
  i8x16,
  ifThen,
  set,
  v128,
} from "./ops.ts";
import type { WasmType } from "./ops.ts";
import {
  EXP_INV_LN2_N,
  EXP_LN2_N_HI,
  EXP_LN2_N_LO,
  EXP_POLY,
  EXP_ROUND_SHIFT,
} from "./exp_table.ts";

/** Allocates the locals of one function after its parameters. */
export class Locals {
  /** Types of the declared locals, in order. */
  readonly types: WasmType[] = [];
  constructor(readonly parameters: number) {}
  /** A new local of `type`; returns its index. */
  add(type: WasmType): number {
    this.types.push(type);
    return this.parameters + this.types.length - 1;
  }
}

/** Inputs with |x| below this take the vector path (s·tmp stays normal or negligible). */
export const EXP_VECTOR_LIMIT = 700;

const [C2, C3, C4, C5] = EXP_POLY;
const splat = (x: number): Code => v128.constF64(x, x);

/**
 * Temporaries of the vector core, allocated once per function, and its constants in
 * locals (`init` sets them; V8 rematerialised an inline v128.const at every use, ≈ 25 %
 * slower; JavaScriptCore is indifferent).
 */
export interface ExpTemps {
  readonly kd: number;
  readonly ki: number;
  readonly r: number;
  readonly r2: number;
  readonly pair0: number;
  readonly pair1: number;
  /** Outputs: the bits of s (as f64x2) and tmp. */
  readonly scale: number;
  readonly tmp: number;
  /** The local holding the splat of each constant of the core. */
  readonly constants: ReadonlyMap<number, number>;
  /** Code setting the constants' locals: run once, before the loops. */
  readonly init: Code;
}

const CORE_CONSTANTS = [
  EXP_INV_LN2_N,
  EXP_ROUND_SHIFT,
  EXP_LN2_N_HI,
  EXP_LN2_N_LO,
  C2,
  C3,
  C4,
  C5,
] as const;

/** Allocates {@link ExpTemps} (sixteen v128 locals). */
export function expTemps(locals: Locals): ExpTemps {
  const v = () => locals.add("v128");
  const constants = new Map(CORE_CONSTANTS.map((c) => [c, v()] as const));
  const init = [...constants].flatMap(([c, local]) => set(local, splat(c)));
  return {
    kd: v(),
    ki: v(),
    r: v(),
    r2: v(),
    pair0: v(),
    pair1: v(),
    scale: v(),
    tmp: v(),
    constants,
    init,
  };
}

/**
 * Steps 1–4 on both lanes of local `x` (+ local `lo` added to r, if given): leaves s in
 * `t.scale` and tmp in `t.tmp`. Valid for |x| < 708 or NaN (accurate to 0.51 ulp for |x| < 700) (the index is masked).
 */
export function expCoreVector(x: number, lo: number | null, t: ExpTemps, table: number): Code {
  const K = (c: number): Code => get(t.constants.get(c)!);
  const laneOffset = (lane: 0 | 1) =>
    i32.and(
      i32.shl(i32.wrapI64(i64x2.extractLane(get(t.ki), lane)), i32.const(4)),
      i32.const(0x7f0),
    );
  let r = f64x2.sub(
    f64x2.sub(get(x), f64x2.mul(get(t.kd), K(EXP_LN2_N_HI))),
    f64x2.mul(get(t.kd), K(EXP_LN2_N_LO)),
  );
  if (lo !== null) r = f64x2.add(r, get(lo));
  return [
    ...set(t.ki, f64x2.add(f64x2.mul(get(x), K(EXP_INV_LN2_N)), K(EXP_ROUND_SHIFT))),
    ...set(t.kd, f64x2.sub(get(t.ki), K(EXP_ROUND_SHIFT))),
    ...set(t.r, r),
    ...set(t.pair0, v128.load(laneOffset(0), table)),
    ...set(t.pair1, v128.load(laneOffset(1), table)),
    ...set(
      t.scale,
      i64x2.add(
        i8x16.shuffle(get(t.pair0), get(t.pair1), [
          8,
          9,
          10,
          11,
          12,
          13,
          14,
          15,
          24,
          25,
          26,
          27,
          28,
          29,
          30,
          31,
        ]),
        i64x2.shl(get(t.ki), i32.const(45)),
      ),
    ),
    ...set(t.r2, f64x2.mul(get(t.r), get(t.r))),
    ...set(
      t.tmp,
      f64x2.add(
        f64x2.add(
          f64x2.add(
            i8x16.shuffle(get(t.pair0), get(t.pair1), [
              0,
              1,
              2,
              3,
              4,
              5,
              6,
              7,
              16,
              17,
              18,
              19,
              20,
              21,
              22,
              23,
            ]),
            get(t.r),
          ),
          f64x2.mul(get(t.r2), f64x2.add(K(C2), f64x2.mul(get(t.r), K(C3)))),
        ),
        f64x2.mul(
          f64x2.mul(get(t.r2), get(t.r2)),
          f64x2.add(K(C4), f64x2.mul(get(t.r), K(C5))),
        ),
      ),
    ),
  ];
}

/** Code pushing s + s·tmp from {@link expCoreVector}'s outputs. */
export function expFinishVector(t: ExpTemps): Code {
  return f64x2.add(get(t.scale), f64x2.mul(get(t.scale), get(t.tmp)));
}

/** Code pushing an i32: 1 if both lanes of local `x` satisfy |x| < 700. */
export function bothInVectorRange(x: number): Code {
  return i64x2.allTrue(f64x2.lt(f64x2.abs(get(x)), splat(EXP_VECTOR_LIMIT)));
}

/**
 * y ← e^(x + lo) on both lanes: the vector path when both |x| < 700, else the scalar
 * function (index `expScalar`) per lane, which gives the same bits on the vector range.
 */
export function expVector(
  x: number,
  lo: number | null,
  y: number,
  t: ExpTemps,
  table: number,
  expScalar: number,
): Code {
  const lane = (l: 0 | 1) =>
    call(
      expScalar,
      f64x2.extractLane(get(x), l),
      lo === null ? f64.const(0) : f64x2.extractLane(get(lo), l),
    );
  return ifThen(
    bothInVectorRange(x),
    [...expCoreVector(x, lo, t, table), ...set(y, expFinishVector(t))],
    set(y, f64x2.replaceLane(f64x2.splat(lane(0)), lane(1), 1)),
  );
}

/**
 * The scalar exponential `(x: f64, lo: f64) → f64` = e^(x + lo) for |lo| ≤ ulp(x) (lo is
 * the rounding error of an argument computed as x; 0 for plain e^x). Locals: parameters
 * 0 (x) and 1 (lo). Handles NaN, ±∞, overflow (+∞ for x ≥ 710), underflow (+0 for
 * x ≤ −746) and subnormal results (one rounding, to the subnormal grid).
 */
export function expScalarFunction(table: number): { locals: WasmType[]; body: Code } {
  const locals = new Locals(2);
  const kd = locals.add("f64"), ki = locals.add("i64"), r = locals.add("f64");
  const r2 = locals.add("f64"), offset = locals.add("i32"), sbits = locals.add("i64");
  const tmp = locals.add("f64"), scale = locals.add("f64"), y = locals.add("f64");
  const hi = locals.add("f64"), lo2 = locals.add("f64");
  const X = 0, LO = 1;
  const core: Code = [
    ...set(kd, f64.add(f64.mul(get(X), f64.const(EXP_INV_LN2_N)), f64.const(EXP_ROUND_SHIFT))),
    ...set(ki, i64.reinterpretF64(get(kd))),
    ...set(kd, f64.sub(get(kd), f64.const(EXP_ROUND_SHIFT))),
    ...set(
      r,
      f64.add(
        f64.sub(
          f64.sub(get(X), f64.mul(get(kd), f64.const(EXP_LN2_N_HI))),
          f64.mul(get(kd), f64.const(EXP_LN2_N_LO)),
        ),
        get(LO),
      ),
    ),
    ...set(offset, i32.and(i32.shl(i32.wrapI64(get(ki)), i32.const(4)), i32.const(0x7f0))),
    ...set(sbits, i64.add(i64.load(get(offset), table + 8), i64.shl(get(ki), i64.const(45n)))),
    ...set(r2, f64.mul(get(r), get(r))),
    ...set(
      tmp,
      f64.add(
        f64.add(
          f64.add(f64.load(get(offset), table), get(r)),
          f64.mul(get(r2), f64.add(f64.const(C2), f64.mul(get(r), f64.const(C3)))),
        ),
        f64.mul(f64.mul(get(r2), get(r2)), f64.add(f64.const(C4), f64.mul(get(r), f64.const(C5)))),
      ),
    ),
  ];
  const finish = (
    s: Code,
  ) => [
    ...set(scale, f64.reinterpretI64(s)),
    ...f64.add(get(scale), f64.mul(get(scale), get(tmp))),
  ];
  const body: Code = [
    // The vector path's operations, lane for lane (lo = 0 adds +0, which changes r only
    // from −0 to +0, and then tmp and the result not at all).
    ...ifThen(
      f64.lt(f64.abs(get(X)), f64.const(EXP_VECTOR_LIMIT)),
      [...core, ...finish(get(sbits)), 0x0f],
    ),
    ...ifThen(f64.ne(get(X), get(X)), [...f64.add(get(X), get(LO)), 0x0f]),
    ...ifThen(f64.ge(get(X), f64.const(710)), [...f64.const(Infinity), 0x0f]),
    ...ifThen(f64.le(get(X), f64.const(-746)), [...f64.const(0), 0x0f]),
    ...core,
    // Large x: s·2⁻¹⁰⁰⁹ stays normal; the final scaling is exact (or overflows to ∞).
    ...ifThen(
      f64.gt(get(X), f64.const(0)),
      [
        ...f64.mul(finish(i64.sub(get(sbits), i64.const(1009n << 52n))), f64.const(2 ** 1009)),
        0x0f,
      ],
    ),
    // Small x: y = s·2¹⁰²² (1 + tmp) in [2⁻⁵⁴, 2]. Below 1 the result is subnormal after
    // scaling by 2⁻¹⁰²²; rounding y once to a multiple of 2⁻⁵² (by adding 1, with the
    // error of y carried in lo2) makes that scaling exact: one rounding in all.
    ...set(y, finish(i64.add(get(sbits), i64.const(1022n << 52n)))),
    ...ifThen(f64.lt(get(y), f64.const(1)), [
      ...set(lo2, f64.add(f64.sub(get(scale), get(y)), f64.mul(get(scale), get(tmp)))),
      ...set(hi, f64.add(f64.const(1), get(y))),
      ...set(lo2, f64.add(f64.add(f64.sub(f64.const(1), get(hi)), get(y)), get(lo2))),
      ...set(y, f64.sub(f64.add(get(hi), get(lo2)), f64.const(1))),
    ]),
    ...f64.mul(get(y), f64.const(2 ** -1022)),
  ];
  return { locals: locals.types, body };
}
