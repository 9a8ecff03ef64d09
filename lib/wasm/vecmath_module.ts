/**
 * The vector-math WebAssembly module: e^x, σ, tanh over arrays and softmax, log-softmax
 * and log-sum-exp over rows, all on one f64x2 exponential (see `_exp_code.ts` for the
 * method), with the scalar special cases and log1p as internal functions.
 *
 * Memory layout: the exponential's table at byte {@link VECMATH_TABLE} (2 KiB, a data
 * segment), the caller's data from {@link VECMATH_HEAP}. Addresses are bytes; lengths and
 * strides are elements (f64). Every array kernel takes a pair of elements per f64x2 step
 * and the last element of an odd count as a half-filled vector whose other lane is
 * discarded, so every element goes through the same operations whatever its position.
 *
 * Exports (all lengths ≥ 0; `src` may equal `dst`):
 * - `exp(src, dst, n)`, `sigmoid(src, dst, n)`, `tanh(src, dst, n)`;
 * - `softmaxRows(src, dst, rows, cols, srcStride, dstStride) → i32`,
 *   `logSoftmaxRows(…) → i32` (same parameters), and
 *   `logSumExpRows(src, dst, rows, cols, srcStride) → i32` (one value per row): each
 *   returns −1, or the first row holding a non-finite entry (whose output is then
 *   unspecified; rows before it are done);
 * - `expScalar(x, lo) → f64` = e^(x + lo), and `log1p(s) → f64` for s ≥ 0.
 *
 * One file on purpose (just over 400 lines): it is one module's code, whose functions call
 * each other by index and share the memory layout above.
 *
 * @module
 */

import { encodeModule, type MemoryDefinition } from "./module_encoder.ts";
import { requireMemory } from "./_check.ts";
import {
  block,
  branchIf,
  call,
  type Code,
  f64,
  f64x2,
  get,
  i32,
  ifThen,
  loop,
  ret,
  set,
  v128,
  type WasmType,
} from "./ops.ts";
import {
  expCoreVector,
  expFinishVector,
  expScalarFunction,
  type ExpTemps,
  expTemps,
  expVector,
  Locals,
} from "./_exp_code.ts";
import { log1pFunction } from "./_log1p_code.ts";
import { repeat } from "./_loop_code.ts";
import { expTableBytes } from "./exp_table.ts";

/** Byte address of the exponential's table.
 * @category WebAssembly encoder */
export const VECMATH_TABLE = 1024;
/** First byte address free for data (16-byte aligned).
 * @category WebAssembly encoder */
export const VECMATH_HEAP = 4096;
/** Below this |z|, tanh uses −expm1(−2|z|)/(2 + expm1(−2|z|)); above, 1 − 2e/(1 + e).
 * @category WebAssembly encoder */
export const TANH_SMALL = 0.55;

/** Export names, in function-index order.
 * @category WebAssembly encoder */
export const VECMATH_EXPORTS = [
  "expScalar",
  "log1p",
  "exp",
  "sigmoid",
  "tanh",
  "softmaxRows",
  "logSoftmaxRows",
  "logSumExpRows",
] as const;

const EXP_SCALAR = 0, LOG1P = 1;
const splat = (x: number): Code => v128.constF64(x, x);
/** Lane 0 kept, lane 1 zeroed. */
const LANE0_MASK = v128.constI64(-1n, 0n);
const SIGN_MASK = v128.constI64(-(2n ** 63n));

interface FunctionParts {
  readonly params: WasmType[];
  readonly results: WasmType[];
  readonly locals: WasmType[];
  readonly body: Code;
}

const advance = (pointer: number, bytes: number): Code =>
  set(pointer, i32.add(get(pointer), i32.const(bytes)));

/**
 * An elementwise kernel `(src, dst, n)`: `compute(z, out, locals)` turns the v128 local z
 * into out. Pairs first, then the odd element in lane 0 (lane 1 zero, its result unused).
 */
function elementwise(
  compute: (z: number, out: number, locals: Locals, t: ExpTemps) => Code,
): FunctionParts {
  const locals = new Locals(3);
  const SRC = 0, DST = 1, N = 2;
  const counter = locals.add("i32"), z = locals.add("v128"), out = locals.add("v128");
  const t = expTemps(locals);
  const step = compute(z, out, locals, t);
  return {
    params: ["i32", "i32", "i32"],
    results: [],
    body: [
      ...t.init,
      ...repeat(counter, i32.shrU(get(N), i32.const(1)), [
        ...set(z, v128.load(get(SRC))),
        ...step,
        ...v128.store(get(DST), get(out)),
        ...advance(SRC, 16),
        ...advance(DST, 16),
      ]),
      ...ifThen(i32.and(get(N), i32.const(1)), [
        ...set(z, v128.load64Zero(get(SRC))),
        ...step,
        ...v128.store64Lane(get(DST), get(out), 0),
      ]),
    ],
    locals: locals.types,
  };
}

function expKernel(): FunctionParts {
  return elementwise((z, out, _locals, t) => expVector(z, null, out, t, VECMATH_TABLE, EXP_SCALAR));
}

/** σ(z) = (z ≥ 0 ? 1 : e)/(1 + e) with e = e^(−|z|): the reference's two branches in one. */
function sigmoidKernel(): FunctionParts {
  return elementwise((z, out, locals, t) => {
    const x = locals.add("v128"), e = locals.add("v128");
    return [
      ...set(x, f64x2.neg(f64x2.abs(get(z)))),
      ...expVector(x, null, e, t, VECMATH_TABLE, EXP_SCALAR),
      ...set(
        out,
        f64x2.div(
          v128.bitselect(splat(1), get(e), f64x2.ge(get(z), splat(0))),
          f64x2.add(splat(1), get(e)),
        ),
      ),
    ];
  });
}

/**
 * tanh z = sign(z)·t(|z|), from one evaluation of the exponential core at x = −2·min(|z|, 20)
 * (tanh rounds to 1 beyond 19.1): e = e^x and m = e^x − 1 = (s − 1) + s·tmp. Small |z|:
 * t = −m/(2 + m) (no cancellation); large: t = 1 − 2e/(1 + e).
 */
function tanhKernel(): FunctionParts {
  return elementwise((z, out, locals, t) => {
    const a = locals.add("v128"), x = locals.add("v128");
    const e = locals.add("v128"), m = locals.add("v128"), small = locals.add("v128");
    const q = locals.add("v128");
    return [
      ...set(a, f64x2.abs(get(z))),
      // pmin(a, 20) = 20 < a ? 20 : a keeps a NaN (one instruction; min is several on x86)
      ...set(x, f64x2.mul(f64x2.pmin(get(a), splat(20)), splat(-2))),
      ...expCoreVector(x, null, t, VECMATH_TABLE),
      ...set(e, expFinishVector(t)),
      ...set(m, f64x2.add(f64x2.sub(get(t.scale), splat(1)), f64x2.mul(get(t.scale), get(t.tmp)))),
      ...set(small, f64x2.lt(get(a), splat(TANH_SMALL))),
      ...set(
        q,
        f64x2.div(
          v128.bitselect(f64x2.neg(get(m)), f64x2.add(get(e), get(e)), get(small)),
          v128.bitselect(f64x2.add(splat(2), get(m)), f64x2.add(splat(1), get(e)), get(small)),
        ),
      ),
      ...set(
        out,
        v128.bitselect(
          get(z),
          v128.bitselect(get(q), f64x2.sub(splat(1), get(q)), get(small)),
          SIGN_MASK,
        ),
      ),
    ];
  });
}

type RowOutput = "softmax" | "logSoftmax" | "logSumExp";

/**
 * The three row kernels share their first two passes. Per row:
 * 1. m = max oⱼ (f64x2.max), with a finiteness check (Σ 0·oⱼ is NaN iff some oⱼ is not finite);
 * 2. dⱼ = oⱼ − m and its rounding error lⱼ (two-sum, exact), eⱼ = e^(dⱼ + lⱼ) (stored for
 *    softmax), S = Σ eⱼ by the compensated sum Sum2 in each lane;
 * 3. softmax: eⱼ / S. log-softmax: (dⱼ − L) + lⱼ with L = log1p(S − 1) (the largest term of S
 *    is exactly 1). log-sum-exp: m + L.
 */
function rowKernel(output: RowOutput): FunctionParts {
  const strided = output !== "logSumExp";
  const locals = new Locals(strided ? 6 : 5);
  const SRC = 0, DST = 1, ROWS = 2, COLS = 3, SRC_STRIDE = 4, DST_STRIDE = 5;
  const row = locals.add("i32"), counter = locals.add("i32");
  const p = locals.add("i32"), q = locals.add("i32");
  const x = locals.add("v128"), mx = locals.add("v128"), check = locals.add("v128");
  const mv = locals.add("v128"), negm = locals.add("v128"), d = locals.add("v128");
  const bb = locals.add("v128"), lo = locals.add("v128"), e = locals.add("v128");
  const s = locals.add("v128"), c = locals.add("v128"), yk = locals.add("v128");
  const tk = locals.add("v128"), total = locals.add("v128");
  const m = locals.add("f64"), sh = locals.add("f64"), se = locals.add("f64");
  const sum = locals.add("f64"), big = locals.add("f64");
  const temps = expTemps(locals); // pmax below: the finiteness check covers NaN
  const pairs = i32.shrU(get(COLS), i32.const(1));
  const odd = i32.and(get(COLS), i32.const(1));
  const rowStart = (base: number, stride: number) =>
    i32.add(get(base), i32.shl(i32.mul(get(row), get(stride)), i32.const(3)));
  const lane = (vector: number, l: 0 | 1) => f64x2.extractLane(get(vector), l);
  const difference: Code = [
    ...set(d, f64x2.sub(get(x), get(mv))),
    ...set(bb, f64x2.sub(get(d), get(x))),
    ...set(
      lo,
      f64x2.add(f64x2.sub(get(x), f64x2.sub(get(d), get(bb))), f64x2.sub(get(negm), get(bb))),
    ),
  ];
  // Sum2 (Ogita, Rump, Oishi 2005): s += e with the exact error of each addition (a
  // two-sum) accumulated in c. Kahan's cheaper update loses a small partial sum when a
  // larger term follows it (the row's maximum contributes 1 after e^−308: measured).
  const kahan: Code = [
    ...set(tk, f64x2.add(get(s), get(e))),
    ...set(yk, f64x2.sub(get(tk), get(s))),
    ...set(
      c,
      f64x2.add(
        get(c),
        f64x2.add(f64x2.sub(get(s), f64x2.sub(get(tk), get(yk))), f64x2.sub(get(e), get(yk))),
      ),
    ),
    ...set(s, get(tk)),
  ];
  const storeE = output === "softmax";
  const pass1: Code = [
    ...set(p, rowStart(SRC, SRC_STRIDE)),
    ...set(mx, splat(-Infinity)),
    ...set(check, splat(0)),
    ...repeat(counter, pairs, [
      ...set(x, v128.load(get(p))),
      ...set(mx, f64x2.pmax(get(mx), get(x))),
      ...set(check, f64x2.add(get(check), f64x2.mul(get(x), splat(0)))),
      ...advance(p, 16),
    ]),
    ...ifThen(odd, [
      ...set(x, v128.load64Splat(get(p))),
      ...set(mx, f64x2.pmax(get(mx), get(x))),
      ...set(check, f64x2.add(get(check), f64x2.mul(get(x), splat(0)))),
    ]),
    ...ifThen(f64.ne(f64.add(lane(check, 0), lane(check, 1)), f64.const(0)), ret(get(row))),
    ...set(m, f64.max(lane(mx, 0), lane(mx, 1))),
    ...set(mv, f64x2.splat(get(m))),
    ...set(negm, f64x2.neg(get(mv))),
  ];
  const pass2: Code = [
    ...set(p, rowStart(SRC, SRC_STRIDE)),
    ...(storeE ? set(q, rowStart(DST, DST_STRIDE)) : []),
    ...set(s, splat(0)),
    ...set(c, splat(0)),
    ...repeat(counter, pairs, [
      ...set(x, v128.load(get(p))),
      ...difference,
      ...expVector(d, lo, e, temps, VECMATH_TABLE, EXP_SCALAR),
      ...(storeE ? [...v128.store(get(q), get(e)), ...advance(q, 16)] : []),
      ...kahan,
      ...advance(p, 16),
    ]),
    ...ifThen(odd, [
      ...set(x, v128.load64Splat(get(p))),
      ...difference,
      ...expVector(d, lo, e, temps, VECMATH_TABLE, EXP_SCALAR),
      ...(storeE ? v128.store64Lane(get(q), get(e), 0) : []),
      ...set(e, v128.and(get(e), LANE0_MASK)),
      ...kahan,
    ]),
    // S = (s₀ + s₁) + (c₀ + c₁), with the rounding error of s₀ + s₁ kept (two-sum).
    ...set(sh, f64.add(lane(s, 0), lane(s, 1))),
    ...set(big, f64.sub(get(sh), lane(s, 0))),
    ...set(
      se,
      f64.add(
        f64.sub(lane(s, 0), f64.sub(get(sh), get(big))),
        f64.sub(lane(s, 1), get(big)),
      ),
    ),
    ...set(sum, f64.add(get(se), f64.add(lane(c, 0), lane(c, 1)))),
  ];
  let pass3: Code;
  if (output === "softmax") {
    pass3 = [
      ...set(total, f64x2.splat(f64.add(get(sh), get(sum)))),
      ...set(q, rowStart(DST, DST_STRIDE)),
      ...repeat(counter, pairs, [
        ...v128.store(get(q), f64x2.div(v128.load(get(q)), get(total))),
        ...advance(q, 16),
      ]),
      ...ifThen(
        odd,
        f64.store(get(q), f64.div(f64.load(get(q)), f64x2.extractLane(get(total), 0))),
      ),
    ];
  } else {
    // L = log1p(S − 1); sh − 1 is exact (1 ≤ sh ≤ 2) or rounds at ulp(sh − 1) ≥ 2⁻⁵².
    const logS = call(LOG1P, f64.add(f64.sub(get(sh), f64.const(1)), get(sum)));
    if (output === "logSumExp") {
      pass3 = f64.store(i32.add(get(DST), i32.shl(get(row), i32.const(3))), f64.add(get(m), logS));
    } else {
      pass3 = [
        ...set(total, f64x2.splat(logS)),
        ...set(p, rowStart(SRC, SRC_STRIDE)),
        ...set(q, rowStart(DST, DST_STRIDE)),
        ...repeat(counter, pairs, [
          ...set(x, v128.load(get(p))),
          ...difference,
          ...v128.store(get(q), f64x2.add(f64x2.sub(get(d), get(total)), get(lo))),
          ...advance(p, 16),
          ...advance(q, 16),
        ]),
        ...ifThen(odd, [
          ...set(x, v128.load64Splat(get(p))),
          ...difference,
          ...v128.store64Lane(get(q), f64x2.add(f64x2.sub(get(d), get(total)), get(lo)), 0),
        ]),
      ];
    }
  }
  return {
    params: strided
      ? ["i32", "i32", "i32", "i32", "i32", "i32"]
      : ["i32", "i32", "i32", "i32", "i32"],
    results: ["i32"],
    locals: locals.types,
    body: [
      ...temps.init,
      ...set(row, i32.const(0)),
      ...block([
        ...branchIf(0, i32.eqz(get(ROWS))),
        ...loop([
          ...pass1,
          ...pass2,
          ...pass3,
          ...set(row, i32.add(get(row), i32.const(1))),
          ...branchIf(0, i32.ltU(get(row), get(ROWS))),
        ]),
      ]),
      ...i32.const(-1),
    ],
  };
}

/**
 * The module's bytes.
 *
 * @param memory Its memory: defined and exported as `memory` by default; pass
 *   `{ initialPages, maximumPages, shared: true, import: { module: "env", name: "memory" } }`
 *   for a shared memory given at instantiation (two threads, one memory).
 * @returns Bytes for `new WebAssembly.Module`.
 * @throws {InputTypeError} if `memory` is not a memory definition (an object with an
 *   integer `initialPages`, known keys only).
 * @throws {ArgumentRangeError} if its page counts are out of range or inconsistent.
 *
 * @example
 * ```ts
 * import { vecmathModule } from "@nnref/nnref/wasm";
 * const bytes = vecmathModule();
 * if (!WebAssembly.validate(bytes)) throw new Error("valid");
 * ```
 * @category WebAssembly encoder
 */
export function vecmathModule(
  memory: MemoryDefinition = { initialPages: 2, exportName: "memory" },
): Uint8Array<ArrayBuffer> {
  requireMemory(memory, "memory");
  const scalar = expScalarFunction(VECMATH_TABLE);
  const log1p = log1pFunction();
  const parts: FunctionParts[] = [
    { params: ["f64", "f64"], results: ["f64"], ...scalar },
    { params: ["f64"], results: ["f64"], ...log1p },
    expKernel(),
    sigmoidKernel(),
    tanhKernel(),
    rowKernel("softmax"),
    rowKernel("logSoftmax"),
    rowKernel("logSumExp"),
  ];
  return encodeModule({
    memory,
    data: [{ offset: VECMATH_TABLE, bytes: expTableBytes() }],
    functions: parts.map((part, index) => ({ ...part, exportName: VECMATH_EXPORTS[index] })),
  });
}
