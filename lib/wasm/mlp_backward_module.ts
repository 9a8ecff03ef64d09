/**
 * The backward pass of a small feed-forward network as WebAssembly generated for its
 * shape, the structure of `mlp_module.ts` carried over: the two lanes of every f64x2 are
 * two samples (rows).
 *
 * For each pair of rows, layer ℓ from the last down: with Δˡ (given for the last layer),
 * ∂C/∂Wˡ[p][j] += aₚ·δⱼ and ∂C/∂bˡ[j] += δⱼ into per-lane accumulators (lane 0 sums the
 * even rows, lane 1 the odd ones; the caller adds the two lanes at the end), then
 * Δˡ⁻¹ₚ = (Σⱼ δⱼ·Wˡ[p][j], from +0 in j order) ⊙ f′(zₚ) — the reference's order, so with
 * ReLU, identity and softmax below the bits of lib/nn's `backwardSeparate`, and with σ and
 * tanh the derivative e/(1 + e)² (σ: e = e^(−|z|); tanh: 4e/(1 + e)², e = e^(−2|z|)) on the
 * f64x2 exponential. Softmax below: δₚ = aₚ(uₚ − Σⱼ aⱼuⱼ), the sum in j order.
 *
 * Export `backward(a, z, d, params, grads, pairs)`: from `a`, A⁰ … Aᴸ⁻¹ (the layers'
 * inputs), from `z`, Z¹ … Zᴸ⁻¹, from `d`, Δᴸ then room for Δ¹ … Δᴸ⁻¹ (written); each
 * matrix 2·pairs rows, row-major, one after the other; `params` as in `mlp_module.ts`;
 * `grads`: for each layer, in·out then out f64x2 accumulators (zeroed by the caller).
 *
 * @module
 */

import { encodeModule } from "./module_encoder.ts";
import { requireMlpShape } from "./_check.ts";
import { block, branchIf, type Code, f64x2, get, i32, loop, set, v128 } from "./ops.ts";
import { expScalarFunction, type ExpTemps, expTemps, expVector, Locals } from "./_exp_code.ts";
import { expTableBytes } from "./exp_table.ts";
import { MLP_HEAP, MLP_TABLE, type MlpShape } from "./mlp_module.ts";

export { MLP_HEAP };

const splat = (x: number): Code => v128.constF64(x, x);
const EXP_SCALAR = 0;

/** δ ← upstream ⊙ f′(z) for an elementwise activation of the layer below. */
function derivative(
  name: string,
  z: number,
  upstream: number,
  delta: number,
  scratch: { x: number; e: number; d: number },
  t: ExpTemps,
): Code {
  const { x, e, d } = scratch;
  switch (name) {
    case "identity":
      return set(delta, get(upstream));
    case "relu":
      // 1 for z > 0, 0 for z ≤ 0, NaN for NaN: reluDerivative.
      return set(
        delta,
        f64x2.mul(
          get(upstream),
          v128.or(
            v128.and(f64x2.gt(get(z), splat(0)), splat(1)),
            v128.and(f64x2.ne(get(z), get(z)), splat(NaN)),
          ),
        ),
      );
    case "sigmoid":
    case "tanh": {
      const tanh = name === "tanh";
      return [
        ...set(x, f64x2.neg(f64x2.abs(tanh ? f64x2.mul(get(z), splat(2)) : get(z)))),
        ...expVector(x, null, e, t, MLP_TABLE, EXP_SCALAR),
        ...set(d, f64x2.add(splat(1), get(e))),
        // σ′ = e/(1 + e)², tanh′ = 4e/(1 + e)²: lib/activation's formulas
        ...set(
          delta,
          f64x2.mul(
            get(upstream),
            f64x2.div(tanh ? f64x2.mul(splat(4), get(e)) : get(e), f64x2.mul(get(d), get(d))),
          ),
        ),
      ];
    }
    default:
      throw new RangeError(`No derivative code for ${name}`);
  }
}

/**
 * The module's bytes for one shape (the same shapes as `mlpModule`).
 *
 * @param shape Widths (1–16), activations and bias flags.
 * @returns Bytes for `new WebAssembly.Module`.
 * @throws {InputTypeError}, {ShapeError}, {ArgumentRangeError} unless `shape` is an
 *   {@link MlpShape} (as `mlpModule`).
 *
 * @example
 * ```ts
 * import { mlpBackwardModule } from "@nnref/nnref/wasm";
 * const bytes = mlpBackwardModule({
 *   widths: [3, 4, 4, 3],
 *   activations: ["sigmoid", "sigmoid", "softmax"],
 *   biases: [false, false, false],
 * });
 * if (!WebAssembly.validate(bytes)) throw new Error("valid");
 * ```
 * @category WebAssembly encoder
 */
export function mlpBackwardModule(shape: MlpShape): Uint8Array<ArrayBuffer> {
  requireMlpShape(shape, "shape");
  const { widths, activations, biases } = shape;
  const layers = widths.length - 1;
  const locals = new Locals(6);
  const A = 0, Z = 1, D = 2, PARAMS = 3, GRADS = 4, PAIRS = 5;
  const counter = locals.add("i32");
  const t = expTemps(locals);
  const maxWidth = Math.max(...widths);
  const delta = Array.from({ length: maxWidth }, () => locals.add("v128"));
  const below = Array.from({ length: maxWidth }, () => locals.add("v128"));
  const input = Array.from({ length: maxWidth }, () => locals.add("v128"));
  const z = locals.add("v128"), back = locals.add("v128"), sum = locals.add("v128");
  const scratch = { x: locals.add("v128"), e: locals.add("v128"), d: locals.add("v128") };
  // Row pointers: A⁰ … Aᴸ⁻¹ (L), Z¹ … Zᴸ⁻¹ (L − 1), Δᴸ, Δ¹ … Δᴸ⁻¹ (L).
  const aPointers = Array.from({ length: layers }, () => locals.add("i32"));
  const zPointers = Array.from({ length: layers - 1 }, () => locals.add("i32"));
  const dPointers = Array.from({ length: layers }, () => locals.add("i32")); // [Δᴸ, Δ¹, …]
  const setup: Code = [];
  const chain = (pointers: number[], base: number, widthOf: (k: number) => number) => {
    pointers.forEach((pointer, k) => {
      setup.push(
        ...set(
          pointer,
          k === 0
            ? get(base)
            : i32.add(get(pointers[k - 1]), i32.mul(get(PAIRS), i32.const(16 * widthOf(k - 1)))),
        ),
      );
    });
  };
  chain(aPointers, A, (k) => widths[k]);
  chain(zPointers, Z, (k) => widths[k + 1]);
  chain(dPointers, D, (k) => (k === 0 ? widths[layers] : widths[k]));
  const deltaPointer = (l: number) => (l === layers - 1 ? dPointers[0] : dPointers[l + 1]); // Δ of layer l
  const advance: Code = [
    ...aPointers.flatMap((p, k) => set(p, i32.add(get(p), i32.const(16 * widths[k])))),
    ...zPointers.flatMap((p, k) => set(p, i32.add(get(p), i32.const(16 * widths[k + 1])))),
    ...dPointers.flatMap((p, k) =>
      set(p, i32.add(get(p), i32.const(16 * (k === 0 ? widths[layers] : widths[k]))))
    ),
  ];
  const loadPair = (pointer: number, width: number, j: number): Code =>
    v128.load64Lane(get(pointer), v128.load64Zero(get(pointer), 8 * j), 1, 8 * (width + j));
  const storePair = (pointer: number, width: number, j: number, value: number): Code => [
    ...v128.store64Lane(get(pointer), get(value), 0, 8 * j),
    ...v128.store64Lane(get(pointer), get(value), 1, 8 * (width + j)),
  ];
  // byte offsets of each layer's parameters and gradient accumulators
  const paramOffsets: number[] = [], gradOffsets: number[] = [];
  let params = 0, grads = 0;
  for (let l = 0; l < layers; l++) {
    paramOffsets.push(params);
    gradOffsets.push(grads);
    params += 8 * (widths[l] * widths[l + 1] + (biases[l] ? widths[l + 1] : 0));
    grads += 16 * (widths[l] * widths[l + 1] + widths[l + 1]);
  }
  const body: Code = [];
  const nOut = widths[layers];
  for (let j = 0; j < nOut; j++) body.push(...set(delta[j], loadPair(dPointers[0], nOut, j)));
  for (let l = layers - 1; l >= 0; l--) {
    const nIn = widths[l], out = widths[l + 1];
    for (let p = 0; p < nIn; p++) body.push(...set(input[p], loadPair(aPointers[l], nIn, p)));
    // ∂C/∂W[p][j] += aₚδⱼ, ∂C/∂b[j] += δⱼ (per lane)
    for (let p = 0; p < nIn; p++) {
      for (let j = 0; j < out; j++) {
        const at = gradOffsets[l] + 16 * (p * out + j);
        body.push(
          ...v128.store(
            get(GRADS),
            f64x2.add(v128.load(get(GRADS), at), f64x2.mul(get(input[p]), get(delta[j]))),
            at,
          ),
        );
      }
    }
    for (let j = 0; j < out; j++) {
      const at = gradOffsets[l] + 16 * (nIn * out + j);
      body.push(...v128.store(get(GRADS), f64x2.add(v128.load(get(GRADS), at), get(delta[j])), at));
    }
    if (l === 0) break;
    // uₚ = Σⱼ δⱼ·Wˡ[p][j] from +0 in j order (a row of ΔWᵀ), for both kinds of layer below
    const backProduct = (p: number): Code => {
      let u: Code = splat(0);
      for (let j = 0; j < out; j++) {
        u = f64x2.add(
          u,
          f64x2.mul(
            get(delta[j]),
            v128.load64Splat(get(PARAMS), paramOffsets[l] + 8 * (p * out + j)),
          ),
        );
      }
      return u;
    };
    const f = activations[l - 1];
    if (f === "softmax") {
      // u = ΔWᵀ row by row; δₚ = aₚ(uₚ − Σⱼ aⱼuⱼ) with a = this layer's input (Aˡ)
      for (let p = 0; p < nIn; p++) body.push(...set(below[p], backProduct(p)));
      body.push(...set(sum, splat(0)));
      for (let p = 0; p < nIn; p++) {
        body.push(...set(sum, f64x2.add(get(sum), f64x2.mul(get(input[p]), get(below[p])))));
      }
      for (let p = 0; p < nIn; p++) {
        body.push(
          ...set(below[p], f64x2.mul(get(input[p]), f64x2.sub(get(below[p]), get(sum)))),
          ...storePair(deltaPointer(l - 1), nIn, p, below[p]),
        );
      }
    } else {
      for (let p = 0; p < nIn; p++) {
        body.push(
          ...set(back, backProduct(p)),
          ...set(z, loadPair(zPointers[l - 1], nIn, p)),
          ...derivative(f, z, back, below[p], scratch, t),
          ...storePair(deltaPointer(l - 1), nIn, p, below[p]),
        );
      }
    }
    for (let p = 0; p < nIn; p++) body.push(...set(delta[p], get(below[p])));
  }
  const functionBody: Code = [
    ...t.init,
    ...setup,
    ...set(counter, i32.const(0)),
    ...block([
      ...branchIf(0, i32.eqz(get(PAIRS))),
      ...loop([
        ...body,
        ...advance,
        ...set(counter, i32.add(get(counter), i32.const(1))),
        ...branchIf(0, i32.ltU(get(counter), get(PAIRS))),
      ]),
    ]),
  ];
  return encodeModule({
    memory: { initialPages: 2, exportName: "memory" },
    data: [{ offset: MLP_TABLE, bytes: expTableBytes() }],
    functions: [
      { params: ["f64", "f64"], results: ["f64"], ...expScalarFunction(MLP_TABLE) },
      {
        exportName: "backward",
        params: ["i32", "i32", "i32", "i32", "i32", "i32"],
        results: [],
        locals: locals.types,
        body: functionBody,
      },
    ],
  });
}
