/**
 * Softmax as a row-wise output activation: unlike σ or tanh it couples the entries of a
 * row, so a network applies it to a whole row and backpropagates through its Jacobian.
 *
 * @module
 */

/**
 * An activation applied to a whole row (one sample) at once, such as softmax.
 * Elementwise activations (`Activation` of lib/activation/activation.ts) are the other kind.
 * @category Neural networks
 */
export interface RowActivation {
  /** The name used in fixtures and messages, e.g. "softmax". */
  readonly name: string;
  /** Marks the row-wise kind, as opposed to an elementwise `Activation`. */
  readonly rowwise: true;
  /**
   * Writes a = f(z) for the `width` entries starting at `offset` of `preActivations`
   * into the same positions of `out` (which may be the same array).
   */
  apply(preActivations: Float64Array, out: Float64Array, offset: number, width: number): void;
  /**
   * Writes δ = J_f(z)ᵀ·g, the gradient with respect to z, from the outputs a = f(z) and
   * the upstream gradient g = ∂C/∂a, for one row.
   */
  backward(
    outputs: Float64Array,
    upstream: Float64Array,
    out: Float64Array,
    offset: number,
    width: number,
  ): void;
}

/**
 * Softmax ŷⱼ = e^(zⱼ) / Σₖ e^(zₖ) over one row (002's `softmax_vec`, `soft_max_mat`).
 *
 * The row maximum is subtracted before exponentiating, which changes nothing in exact
 * arithmetic and keeps e^(zⱼ − max) ≤ 1, so no row overflows. Its Jacobian is
 * diag(ŷ) − ŷŷᵀ, so the backward pass is δⱼ = ŷⱼ(gⱼ − Σₖ ŷₖgₖ).
 *
 * @see fixtures/nn/forward.json
 *
 * @example A row sums to 1, and a constant shift changes nothing
 * ```ts
 * import { SOFTMAX_OUTPUT } from "@nnref/nnref/nn";
 * import { assertClose } from "@nnref/nnref/oracle";
 * const z = new Float64Array([1, 2, 3, 1001, 1002, 1003]);
 * const a = new Float64Array(6);
 * SOFTMAX_OUTPUT.apply(z, a, 0, 3);
 * SOFTMAX_OUTPUT.apply(z, a, 3, 3);
 * assertClose(a[0] + a[1] + a[2], 1, { atol: 1e-15 }, "sums to 1");
 * if (a[3] !== a[0] || a[5] !== a[2]) throw new Error("shift invariant, no overflow");
 * ```
 * @category Neural networks
 */
export const SOFTMAX_OUTPUT: RowActivation = Object.freeze({
  name: "softmax",
  rowwise: true as const,
  apply(preActivations: Float64Array, out: Float64Array, offset: number, width: number): void {
    let max = -Infinity;
    for (let j = 0; j < width; j++) max = Math.max(max, preActivations[offset + j]);
    let sum = 0;
    for (let j = 0; j < width; j++) {
      const e = Math.exp(preActivations[offset + j] - max);
      out[offset + j] = e;
      sum += e;
    }
    for (let j = 0; j < width; j++) out[offset + j] /= sum;
  },
  backward(
    outputs: Float64Array,
    upstream: Float64Array,
    out: Float64Array,
    offset: number,
    width: number,
  ): void {
    let weighted = 0;
    for (let j = 0; j < width; j++) weighted += outputs[offset + j] * upstream[offset + j];
    for (let j = 0; j < width; j++) {
      out[offset + j] = outputs[offset + j] * (upstream[offset + j] - weighted);
    }
  },
});
