/**
 * log1p(s) for s ≥ 0 as a scalar WebAssembly function, for log-sum-exp: log Σ e^(oⱼ − m)
 * = log1p(s) with s the sum without its largest term (exactly 1), so that a small s keeps
 * its digits instead of being rounded into 1 + s. Private.
 *
 * Method (fdlibm's log1p, written from its description): u = 1 + s with its rounding
 * error c (two-sum, exact); u = 2ᵏ·f with f ∈ [√½, √2); g = f − 1 (exact);
 * t = g/(2 + g), z = t²; log(1 + g) = g − (½g² − t(½g² + R)) with
 * R = z(2/3 + z(2/5 + … + z·2/21)) (the series of 2·atanh t beyond 2t, ten terms: |t| ≤
 * 0.1716, so the first omitted term is below 2⁻⁶⁰ relative); and
 * log1p(s) = k·ln2_hi + (log(1 + g) + k·ln2_lo + c/u), with k·ln2_hi exact. Error below
 * one ulp (measured by fixtures/wasm/softmax.gen.py).
 *
 * @module
 */

import { type Code, f64, get, i32, i64, ifThen, set } from "./ops.ts";
import { Locals } from "./_exp_code.ts";
import type { WasmType } from "./ops.ts";

/** ln 2 rounded to 42 significant bits (k·LN2_HI is exact for |k| < 2¹¹). */
const LN2_HI = 0.6931471805598903; // 0x1.62e42fefa3800p-1
/** ln 2 − LN2_HI, rounded. */
const LN2_LO = 5.497923018708371e-14;
/** 2/(2n + 1) for n = 1 … 10, rounded: the atanh series 2t + t·Σ (2/(2n+1)) t²ⁿ. */
const SERIES = Array.from({ length: 10 }, (_, n) => 2 / (2 * n + 3));

/** The function `(s: f64) → f64` = log(1 + s) for finite s ≥ 0. */
export function log1pFunction(): { locals: WasmType[]; body: Code } {
  const locals = new Locals(1);
  const S = 0;
  const u = locals.add("f64"), bb = locals.add("f64"), c = locals.add("f64");
  const bits = locals.add("i64"), k = locals.add("i32"), f = locals.add("f64");
  const g = locals.add("f64"), t = locals.add("f64"), z = locals.add("f64");
  const hfsq = locals.add("f64"), kd = locals.add("f64");
  let series: Code = f64.const(SERIES[SERIES.length - 1]);
  for (let n = SERIES.length - 2; n >= 0; n--) {
    series = f64.add(f64.const(SERIES[n]), f64.mul(get(z), series));
  }
  const body: Code = [
    ...set(u, f64.add(f64.const(1), get(S))),
    ...set(bb, f64.sub(get(u), f64.const(1))),
    ...set(c, f64.add(f64.sub(f64.const(1), f64.sub(get(u), get(bb))), f64.sub(get(S), get(bb)))),
    ...set(bits, i64.reinterpretF64(get(u))),
    ...set(k, i32.sub(i32.wrapI64(i64.shrU(get(bits), i64.const(52n))), i32.const(1023))),
    ...set(
      f,
      f64.reinterpretI64(
        i64.add(i64.and(get(bits), i64.const(0xfffffffffffffn)), i64.const(0x3ff0000000000000n)),
      ),
    ),
    ...ifThen(f64.gt(get(f), f64.const(Math.SQRT2)), [
      ...set(f, f64.mul(get(f), f64.const(0.5))),
      ...set(k, i32.add(get(k), i32.const(1))),
    ]),
    ...set(g, f64.sub(get(f), f64.const(1))),
    ...set(t, f64.div(get(g), f64.add(f64.const(2), get(g)))),
    ...set(z, f64.mul(get(t), get(t))),
    ...set(hfsq, f64.mul(f64.mul(f64.const(0.5), get(g)), get(g))),
    ...set(kd, f64.convertI32S(get(k))),
    ...f64.sub(
      f64.mul(get(kd), f64.const(LN2_HI)),
      f64.sub(
        f64.sub(
          get(hfsq),
          f64.add(
            f64.mul(get(t), f64.add(get(hfsq), f64.mul(get(z), series))),
            f64.add(f64.mul(get(kd), f64.const(LN2_LO)), f64.div(get(c), get(u))),
          ),
        ),
        get(g),
      ),
    ),
  ];
  return { locals: locals.types, body };
}
