/**
 * A fused forward pass for one small feed-forward network, as WebAssembly generated for
 * its shape: the two lanes of every f64x2 are two samples (rows), so each lane performs
 * exactly the scalar operations of one row, with no sums across lanes.
 *
 * For each pair of rows and each layer ℓ (widths n₀ → n₁ → …, in × out weights):
 * zⱼ = ((0 + a₀w₀ⱼ) + a₁w₁ⱼ) + … (+ bⱼ), the order of lib/nn's reference, so Z is the
 * reference's bit for bit; then the activation on the f64x2 exponential (σ and tanh as in
 * `vecmath_module.ts`; softmax per row across the layer's units, with the rounding error
 * of zⱼ − m carried into e^x and a compensated sum; ReLU and identity exact). Every Zˡ and
 * Aˡ is stored, row-major, as the backward pass needs them.
 *
 * The loops over units are unrolled (the code is specialised to the widths and
 * activations; weights and biases are read from memory, so one module serves every
 * network of that shape). Memory: the exponential's table at {@link MLP_TABLE}; from
 * {@link MLP_HEAP} the parameters, then the buffers the caller lays out (see `mlp.ts`).
 *
 * Export `forward(x, params, out, pairs)`: `x` the input rows (2·pairs × n₀), `params`
 * the weights then biases of each layer (in × out row-major, then out), `out` the
 * matrices Z¹, A¹, Z², A², … one after the other (2·pairs rows each).
 *
 * @module
 */

import { requireInteger } from "../_util/validate.ts";
import { encodeModule } from "./module_encoder.ts";
import { requireMlpShape } from "./_check.ts";
import {
  block,
  branchIf,
  type Code,
  f64x2,
  get,
  i32,
  loop,
  set,
  v128,
  type WasmType,
} from "./ops.ts";
import { expScalarFunction, type ExpTemps, expTemps, expVector, Locals } from "./_exp_code.ts";
import { expTableBytes } from "./exp_table.ts";

/** Byte address of the exponential's table.
 * @category WebAssembly encoder */
export const MLP_TABLE = 1024;
/** First byte address free for parameters and buffers.
 * @category WebAssembly encoder */
export const MLP_HEAP = 4096;
/**
 * Pairs of rows per loop iteration, their steps interleaved unit by unit: a pair alone is
 * one long dependency chain (layer after layer, each through e^x); two in flight measured
 * ≈ 1.4× faster. The caller pads the rows to a multiple of 2·MLP_GROUP.
 * @category WebAssembly encoder
 */
export const MLP_GROUP = 2;

export type { MlpActivationName, MlpShape } from "./_shapes.ts";
import type { MlpActivationName, MlpShape } from "./_shapes.ts";

/**
 * Parameter count of a shape: Σ nₗ₋₁·nₗ (+ nₗ with biases), in doubles.
 *
 * @throws {InputTypeError}, {ShapeError}, {ArgumentRangeError} unless `shape` is an
 *   {@link MlpShape} (as {@link mlpModule}).
 * @category WebAssembly encoder
 */
export function mlpParameterCount(shape: MlpShape): number {
  requireMlpShape(shape, "shape");
  let count = 0;
  for (let l = 1; l < shape.widths.length; l++) {
    count += shape.widths[l - 1] * shape.widths[l] + (shape.biases[l - 1] ? shape.widths[l] : 0);
  }
  return count;
}

const splat = (x: number): Code => v128.constF64(x, x);
const SIGN_MASK = v128.constI64(-(2n ** 63n));
const TANH_SMALL = 0.55;
const EXP_SCALAR = 0;

/** Emits a ← f(z) for an elementwise activation (z, a: v128 locals). */
function elementwiseActivation(
  name: MlpActivationName,
  z: number,
  a: number,
  scratch: { x: number; e: number; m: number; small: number; q: number },
  t: ExpTemps,
): Code {
  switch (name) {
    case "identity":
      return set(a, get(z));
    case "relu":
      // z ≤ 0 (−0 included) gives +0, NaN stays NaN: lib's relu.
      return set(a, v128.bitselect(splat(0), get(z), f64x2.le(get(z), splat(0))));
    case "sigmoid":
      return [
        ...set(scratch.x, f64x2.neg(f64x2.abs(get(z)))),
        ...expVector(scratch.x, null, scratch.e, t, MLP_TABLE, EXP_SCALAR),
        ...set(
          a,
          f64x2.div(
            v128.bitselect(splat(1), get(scratch.e), f64x2.ge(get(z), splat(0))),
            f64x2.add(splat(1), get(scratch.e)),
          ),
        ),
      ];
    case "tanh": {
      const { x, e, m, small, q } = scratch;
      return [
        ...set(q, f64x2.abs(get(z))),
        ...set(small, f64x2.lt(get(q), splat(TANH_SMALL))),
        ...set(x, f64x2.mul(f64x2.pmin(get(q), splat(20)), splat(-2))),
        ...expVector(x, null, e, t, MLP_TABLE, EXP_SCALAR),
        // m = e − 1 recomputed from the core's outputs, as vecmath's tanh does
        ...set(
          m,
          f64x2.add(f64x2.sub(get(t.scale), splat(1)), f64x2.mul(get(t.scale), get(t.tmp))),
        ),
        ...set(
          q,
          f64x2.div(
            v128.bitselect(f64x2.neg(get(m)), f64x2.add(get(e), get(e)), get(small)),
            v128.bitselect(f64x2.add(splat(2), get(m)), f64x2.add(splat(1), get(e)), get(small)),
          ),
        ),
        ...set(
          a,
          v128.bitselect(
            get(z),
            v128.bitselect(get(q), f64x2.sub(splat(1), get(q)), get(small)),
            SIGN_MASK,
          ),
        ),
      ];
    }
    default:
      throw new RangeError(`No elementwise code for ${name}`);
  }
}

/**
 * The module's bytes for one shape.
 *
 * @param shape Widths (each 1–16), activations and bias flags of the layers.
 * @param group Pairs of rows per iteration ({@link MLP_GROUP}; the row count passed to
 *   `forward` must be a multiple of 2·group).
 * @returns Bytes for `new WebAssembly.Module`.
 * @throws {InputTypeError} if `shape` is not an object of three arrays, a flag not a
 *   boolean, an activation not a string.
 * @throws {ShapeError} if there is no layer or the lists disagree in length.
 * @throws {ArgumentRangeError} if a width is not an integer from 1 to 16, an activation is
 *   not one of the five, or `group` not a positive integer.
 *
 * @example Document 002's 3-4-4-3 network compiles
 * ```ts
 * import { mlpModule } from "@nnref/nnref/wasm";
 * const bytes = mlpModule({
 *   widths: [3, 4, 4, 3],
 *   activations: ["sigmoid", "sigmoid", "softmax"],
 *   biases: [false, false, false],
 * });
 * if (!WebAssembly.validate(bytes)) throw new Error("valid");
 * ```
 * @category WebAssembly encoder
 */
export function mlpModule(shape: MlpShape, group: number = MLP_GROUP): Uint8Array<ArrayBuffer> {
  requireMlpShape(shape, "shape");
  requireInteger(group, "group (pairs of rows per iteration)", 1);
  const { widths, activations, biases } = shape;
  const layers = widths.length - 1;
  const locals = new Locals(4);
  const X = 0, PARAMS = 1, OUT = 2, PAIRS = 3;
  const counter = locals.add("i32"), row = locals.add("i32");
  const t = expTemps(locals);
  const maxWidth = Math.max(...widths);
  const vectors = () => Array.from({ length: maxWidth }, () => locals.add("v128"));
  // Per pair of the group: its values (the temporaries of e^x are shared: the pairs'
  // steps are emitted one after the other, unit by unit).
  const groups = Array.from({ length: group }, () => ({
    current: vectors(),
    next: vectors(),
    e: vectors(),
    m: locals.add("v128"),
    s: locals.add("v128"),
    c: locals.add("v128"),
  }));
  const z = locals.add("v128");
  const scratch = {
    x: locals.add("v128"),
    e: locals.add("v128"),
    m: locals.add("v128"),
    small: locals.add("v128"),
    q: locals.add("v128"),
  };
  const lo = locals.add("v128"), bb = locals.add("v128");
  const yk = locals.add("v128"), tk = locals.add("v128");

  const body: Code = [];
  const each = (emit: (g: (typeof groups)[number], index: number) => Code) => {
    groups.forEach((group, index) => body.push(...emit(group, index)));
  };
  // Load each pair's inputs: lane 0 from row 2i, lane 1 from row 2i + 1.
  const inputBytes = 8 * widths[0];
  for (let p = 0; p < widths[0]; p++) {
    each((g, index) =>
      set(
        g.current[p],
        v128.load64Lane(
          get(row),
          v128.load64Zero(get(row), 2 * inputBytes * index + 8 * p),
          1,
          2 * inputBytes * index + inputBytes + 8 * p,
        ),
      )
    );
  }
  // One pointer per output matrix (Z¹, A¹, Z², …) to the group's first row; the matrices
  // follow each other from OUT, each 2·pairs rows long.
  const pointers = Array.from({ length: 2 * layers }, () => locals.add("i32"));
  const matrixWidth = (k: number) => widths[(k >> 1) + 1];
  const setupPointers: Code = [];
  for (let k = 0; k < 2 * layers; k++) {
    setupPointers.push(
      ...set(
        pointers[k],
        k === 0
          ? get(OUT)
          : i32.add(get(pointers[k - 1]), i32.mul(get(PAIRS), i32.const(16 * matrixWidth(k - 1)))),
      ),
    );
  }
  const advancePointers: Code = pointers.flatMap((pointer, k) =>
    set(pointer, i32.add(get(pointer), i32.const(16 * group * matrixWidth(k))))
  );
  const storePair = (matrix: number, index: number, j: number, value: number): Code => {
    const width = matrixWidth(matrix), base = 16 * width * index;
    return [
      ...v128.store64Lane(get(pointers[matrix]), get(value), 0, base + 8 * j),
      ...v128.store64Lane(get(pointers[matrix]), get(value), 1, base + 8 * (width + j)),
    ];
  };
  let paramOffset = 0; // bytes from PARAMS
  for (let l = 0; l < layers; l++) {
    const nIn = widths[l], nOut = widths[l + 1];
    const weights = paramOffset;
    const biasOffset = weights + 8 * nIn * nOut;
    for (let j = 0; j < nOut; j++) {
      each((g, index) => {
        let sum: Code = splat(0);
        for (let p = 0; p < nIn; p++) {
          sum = f64x2.add(
            sum,
            f64x2.mul(
              get(g.current[p]),
              v128.load64Splat(get(PARAMS), weights + 8 * (p * nOut + j)),
            ),
          );
        }
        if (biases[l]) sum = f64x2.add(sum, v128.load64Splat(get(PARAMS), biasOffset + 8 * j));
        return [...set(g.next[j], sum), ...storePair(2 * l, index, j, g.next[j])];
      });
    }
    paramOffset = biasOffset + (biases[l] ? 8 * nOut : 0);
    const f = activations[l];
    if (f === "softmax") {
      // m = max zⱼ per lane (pmax; the inputs are finite), dⱼ = zⱼ − m with its error,
      // eⱼ = e^(dⱼ + lⱼ), S = Σ eⱼ by Sum2 (compensated), aⱼ = eⱼ / S.
      each((g) => {
        const code = [...set(g.m, get(g.next[0]))];
        for (let j = 1; j < nOut; j++) code.push(...set(g.m, f64x2.pmax(get(g.m), get(g.next[j]))));
        return [...code, ...set(g.s, splat(0)), ...set(g.c, splat(0))];
      });
      for (let j = 0; j < nOut; j++) {
        each((g) => [
          ...set(z, f64x2.sub(get(g.next[j]), get(g.m))),
          ...set(bb, f64x2.sub(get(z), get(g.next[j]))),
          ...set(
            lo,
            f64x2.add(
              f64x2.sub(get(g.next[j]), f64x2.sub(get(z), get(bb))),
              f64x2.sub(f64x2.neg(get(g.m)), get(bb)),
            ),
          ),
          ...expVector(z, lo, g.e[j], t, MLP_TABLE, EXP_SCALAR),
          // Sum2: s += eⱼ, the exact error of the addition accumulated in c
          ...set(tk, f64x2.add(get(g.s), get(g.e[j]))),
          ...set(yk, f64x2.sub(get(tk), get(g.s))),
          ...set(
            g.c,
            f64x2.add(
              get(g.c),
              f64x2.add(
                f64x2.sub(get(g.s), f64x2.sub(get(tk), get(yk))),
                f64x2.sub(get(g.e[j]), get(yk)),
              ),
            ),
          ),
          ...set(g.s, get(tk)),
        ]);
      }
      each((g) => set(g.s, f64x2.add(get(g.s), get(g.c))));
      for (let j = 0; j < nOut; j++) {
        each((g, index) => [
          ...set(g.current[j], f64x2.div(get(g.e[j]), get(g.s))),
          ...storePair(2 * l + 1, index, j, g.current[j]),
        ]);
      }
    } else {
      for (let j = 0; j < nOut; j++) {
        each((g, index) => [
          ...elementwiseActivation(f, g.next[j], g.current[j], scratch, t),
          ...storePair(2 * l + 1, index, j, g.current[j]),
        ]);
      }
    }
  }
  const functionBody: Code = [
    ...t.init,
    ...set(row, get(X)),
    ...set(counter, i32.const(0)),
    ...setupPointers,
    ...block([
      ...branchIf(0, i32.eqz(get(PAIRS))),
      ...loop([
        ...body,
        ...set(row, i32.add(get(row), i32.const(2 * group * inputBytes))),
        ...advancePointers,
        ...set(counter, i32.add(get(counter), i32.const(group))),
        ...branchIf(0, i32.ltU(get(counter), get(PAIRS))),
      ]),
    ]),
  ];
  const scalar = expScalarFunction(MLP_TABLE);
  return encodeModule({
    memory: { initialPages: 2, exportName: "memory" },
    data: [{ offset: MLP_TABLE, bytes: expTableBytes() }],
    functions: [
      { params: ["f64", "f64"], results: ["f64"], ...scalar },
      {
        exportName: "forward",
        params: ["i32", "i32", "i32", "i32"] as WasmType[],
        results: [],
        locals: locals.types,
        body: functionBody,
      },
    ],
  });
}
