/**
 * The shapes that the argument checks (_check.ts) and the builders that use them share:
 * declared here, below both, so that the checks can name them without importing the
 * builders (an import cycle). Re-exported by module_encoder.ts and mlp_module.ts, whose
 * entries they are. Private: not re-exported under this name.
 *
 * @module
 */

/** The memory a module defines and (optionally) exports, or imports.
 * @category WebAssembly */
export interface MemoryDefinition {
  /** Initial size in 64 KiB pages. */
  readonly initialPages: number;
  /** Maximum size in pages, or undefined for no maximum (a shared memory needs one). */
  readonly maximumPages?: number;
  /** Export name, or undefined to keep it internal. */
  readonly exportName?: string;
  /**
   * Import the memory as `module.name` instead of defining it (the threads proposal's way
   * to give two instances, e.g. on two threads, one memory).
   */
  readonly import?: { readonly module: string; readonly name: string };
  /** A shared memory (a SharedArrayBuffer underneath); needs `maximumPages`. */
  readonly shared?: boolean;
}

/** The activations the generated code supports.
 * @category WebAssembly */
export type MlpActivationName = "sigmoid" | "tanh" | "relu" | "identity" | "softmax";

/** What the generated code depends on: the widths, the activations and which layers have biases.
 * @category WebAssembly */
export interface MlpShape {
  /** n₀, n₁, …, n_L. */
  readonly widths: readonly number[];
  /** One per layer. */
  readonly activations: readonly MlpActivationName[];
  /** One per layer. */
  readonly biases: readonly boolean[];
}
