/**
 * Opt-in two-core variants: σ, tanh, e^x, row softmax and log-softmax, and GEMM split
 * between the calling thread and one Worker that share one `WebAssembly.Memory`
 * (`shared: true`, a SharedArrayBuffer underneath). The worker runs the same WebAssembly
 * modules on its share of the rows (or column panels), so every result is bit for bit the
 * one-thread result (`vecmath.ts`, `matmul_simd.ts`).
 *
 * A job costs no message: the main thread writes the arguments into a control block at
 * the start of the memory, bumps a counter and `Atomics.notify`s; the worker, parked in
 * `Atomics.wait`, runs its part and notifies back. The caller's arrays are ordinary ones,
 * so the main thread copies every input in and every result out; the worker's share is
 * larger than half to balance that ({@link TWO_CORE_WORKER_SHARE}). The cost of one
 * round trip is measured by {@link TwoCore.dispatchNanoseconds}.
 *
 * Below {@link TWO_CORE_MIN_ELEMENTS} values (GEMM: n·k·m below 512³) a call runs on the
 * calling thread alone. Where shared memory, workers or SIMD are missing (a browser page
 * without cross-origin isolation, a JIT-less engine), `createTwoCore` resolves to the
 * one-thread kernels and says so in `backend`.
 *
 * The worker is `two_core_worker.ts`, loaded with
 * `new Worker(new URL("./two_core_worker.ts", import.meta.url), { type: "module" })`
 * (Deno and Bun run TypeScript workers; a browser build must point at the compiled file).
 * Call `close()` when done: a live worker keeps a process from exiting.
 *
 * @module
 */

import { InputTypeError, NonFiniteError, ShapeError } from "../errors.ts";
import { describeValue, requireInteger, requireOptions } from "../_util/validate.ts";
import { createMatrix, type Matrix } from "../linalg/matrix.ts";
import { hasWasmSimd } from "./simd_support.ts";
import { VECMATH_HEAP, vecmathModule } from "./vecmath_module.ts";
import { gemmModule } from "./gemm_module.ts";
import {
  createWasmMatmul,
  defaultGemmTile,
  gemmCopyIn,
  gemmCopyOut,
  gemmLayout,
  type GemmTile,
} from "./matmul_simd.ts";
import {
  expArrayWasm,
  logSoftmaxRowsWasm,
  sigmoidArrayWasm,
  softmaxRowsWasm,
  tanhArrayWasm,
} from "./vecmath.ts";
import { CONTROL, type InitMessage, OPERATION, type TwoCoreExports } from "./_two_core_protocol.ts";

export type { Matrix } from "../linalg/matrix.ts";

/** Values from which an elementwise or row call is split between the two threads.
 * @category WebAssembly */
export const TWO_CORE_MIN_ELEMENTS = 1_000_000;
/** m·k·n from which a product is split (512³).
 * @category WebAssembly */
export const TWO_CORE_MIN_GEMM = 512 ** 3;
/**
 * The worker's share of a job: above half, because the main thread also copies every
 * input in and every result out (measured on σ over 10⁶ values, see BENCHMARKS.md).
 * @category WebAssembly
 */
export const TWO_CORE_WORKER_SHARE = { elementwise: 0.6, rows: 0.6, gemm: 0.55 } as const;

const PAGE = 65536;
/** Maximum size of the shared memory: 1 GiB (reserved, committed as it grows). */
const MAXIMUM_PAGES = 16384;

/** Options of {@link createTwoCore}.
 * @category WebAssembly */
export interface TwoCoreOptions {
  /** The GEMM register tile (default {@link defaultGemmTile}). */
  readonly tile?: GemmTile;
  /** Values from which a call is split (default {@link TWO_CORE_MIN_ELEMENTS}; ≥ 4). */
  readonly minElements?: number;
  /** m·k·n from which a product is split (default {@link TWO_CORE_MIN_GEMM}). */
  readonly minGemm?: number;
}

/** The two-core kernels (or their one-thread stand-ins) and their lifecycle.
 * @category WebAssembly */
export interface TwoCore {
  /** `"two-core"`, or `"one-core: …"` with the reason the worker is not used. */
  readonly backend: string;
  /** e^x, the bits of `expArrayWasm`. */
  readonly exp: (values: ArrayLike<number>, out?: Float64Array) => Float64Array;
  /** σ, the bits of `sigmoidArrayWasm`. */
  readonly sigmoid: (values: ArrayLike<number>, out?: Float64Array) => Float64Array;
  /** tanh, the bits of `tanhArrayWasm`. */
  readonly tanh: (values: ArrayLike<number>, out?: Float64Array) => Float64Array;
  /** Row softmax, the bits of `softmaxRowsWasm` (rows split between the threads). */
  readonly softmaxRows: (m: Matrix, out?: Matrix) => Matrix;
  /** Row log-softmax, the bits of `logSoftmaxRowsWasm`. */
  readonly logSoftmaxRows: (m: Matrix, out?: Matrix) => Matrix;
  /** C = A·B, the bits of `matmulWasmSimd` with the same tile (column panels split). */
  readonly matmul: (a: Matrix, b: Matrix, out?: Matrix) => Matrix;
  /**
   * Wall time of one empty job (notify, the worker wakes, runs nothing, notifies back),
   * median of `rounds` (default 200), in nanoseconds; NaN on one core.
   */
  dispatchNanoseconds(rounds?: number): number;
  /** Stops and terminates the worker (idempotent). The kernels then run on one thread. */
  close(): void;
}

function oneCore(reason: string): TwoCore {
  const matmul = createWasmMatmul().matmul;
  return {
    backend: `one-core: ${reason}`,
    exp: expArrayWasm,
    sigmoid: sigmoidArrayWasm,
    tanh: tanhArrayWasm,
    softmaxRows: (m, out) => softmaxRowsWasm(m, out),
    logSoftmaxRows: (m, out) => logSoftmaxRowsWasm(m, out),
    matmul,
    dispatchNanoseconds: () => NaN,
    close: () => {},
  };
}

function sharedMemory(): WebAssembly.Memory | string {
  if (typeof SharedArrayBuffer !== "function") return "no SharedArrayBuffer";
  if (typeof Worker !== "function") return "no Worker";
  if (typeof Atomics !== "object") return "no Atomics";
  if (!hasWasmSimd()) return "no WebAssembly SIMD128";
  try {
    return new WebAssembly.Memory({ initial: 64, maximum: MAXIMUM_PAGES, shared: true });
  } catch (error) {
    return `no shared WebAssembly.Memory (${(error as Error).message})`;
  }
}

/**
 * Starts the worker and resolves to the two-core kernels, or to the one-thread kernels
 * (with the reason in `backend`) where the runtime cannot share memory with a worker.
 *
 * @param options The GEMM tile, and the sizes from which calls are split (lower them to
 *   exercise the worker on small inputs, as the benchmark smoke run does).
 * @returns The kernels; call `close()` when done.
 * @throws {InputTypeError}, {ArgumentRangeError} (as a rejected promise) for malformed
 *   options.
 *
 * @example
 * ```ts
 * import { createTwoCore } from "@nnref/nnref/wasm";
 * const cores = await createTwoCore();
 * try {
 *   const a = cores.sigmoid(new Float64Array(2_000_000));
 *   if (a[0] !== 0.5 || a[1_999_999] !== 0.5) throw new Error("σ(0) = ½ on both threads");
 * } finally {
 *   cores.close();
 * }
 * ```
 * @category WebAssembly
 */
export async function createTwoCore(options: TwoCoreOptions = {}): Promise<TwoCore> {
  requireOptions(options, "options", ["tile", "minElements", "minGemm"]);
  const tileOption = options.tile as { rows?: unknown; columns?: unknown } | undefined;
  if (
    tileOption !== undefined &&
    (typeof tileOption !== "object" || tileOption === null ||
      !Number.isInteger(tileOption.rows) || !Number.isInteger(tileOption.columns))
  ) {
    throw new InputTypeError(
      `options.tile must be a GemmTile { rows, columns }, got ${describeValue(tileOption)}`,
    );
  }
  if (options.minElements !== undefined) {
    requireInteger(options.minElements, "options.minElements", 4);
  }
  if (options.minGemm !== undefined) requireInteger(options.minGemm, "options.minGemm", 1);
  const memory = sharedMemory();
  if (typeof memory === "string") return oneCore(memory);
  const tile = options.tile ?? defaultGemmTile();
  const imported = {
    initialPages: 64,
    maximumPages: MAXIMUM_PAGES,
    shared: true,
    import: { module: "env", name: "memory" },
  } as const;
  const vecmathBytes = vecmathModule(imported);
  const gemmBytes = gemmModule(1, tile.columns, { tileRows: tile.rows, memory: imported });
  const imports = { env: { memory } };
  const exports: TwoCoreExports = {
    vecmath: new WebAssembly.Instance(new WebAssembly.Module(vecmathBytes), imports).exports,
    gemm: new WebAssembly.Instance(new WebAssembly.Module(gemmBytes), imports).exports,
  };
  let worker: Worker | undefined;
  try {
    const started = new Worker(new URL("./two_core_worker.ts", import.meta.url), {
      type: "module",
    });
    worker = started;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no answer within 60 s")), 60_000);
      started.onmessage = () => {
        clearTimeout(timer);
        resolve();
      };
      started.onerror = (event) => {
        event.preventDefault?.();
        clearTimeout(timer);
        reject(new Error(event.message ?? "worker error"));
      };
      const init: InitMessage = { memory, vecmath: vecmathBytes, gemm: gemmBytes };
      started.postMessage(init);
    });
  } catch (error) {
    worker?.terminate();
    return oneCore(`the worker did not start (${(error as Error).message})`);
  }
  return twoCore(memory, exports, worker, tile, {
    elements: options.minElements ?? TWO_CORE_MIN_ELEMENTS,
    gemm: options.minGemm ?? TWO_CORE_MIN_GEMM,
  });
}

function twoCore(
  memory: WebAssembly.Memory,
  exports: TwoCoreExports,
  worker: Worker,
  tile: GemmTile,
  minimum: { readonly elements: number; readonly gemm: number },
): TwoCore {
  const control = new Int32Array(memory.buffer, 0, CONTROL.words);
  let open = true;
  let canWait = true;
  const v = exports.vecmath as Record<string, (...args: number[]) => number>;
  const pack = exports.gemm.pack as (
    a: number,
    packed: number,
    panels: number,
    depth: number,
  ) => void;
  const gemm = exports.gemm.gemm as (...args: number[]) => void;
  const matmulOneCore = createWasmMatmul({ tile }).matmul;

  function heap(bytes: number): Float64Array {
    if (memory.buffer.byteLength < bytes) {
      memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / PAGE));
    }
    return new Float64Array(memory.buffer);
  }
  /** Starts `operation` on the worker; returns the job number to wait for. */
  function dispatch(operation: number, args: readonly number[]): number {
    for (let i = 0; i < args.length; i++) control[CONTROL.arguments + i] = args[i];
    Atomics.store(control, CONTROL.operation, operation);
    const job = Atomics.add(control, CONTROL.request, 1) + 1;
    Atomics.notify(control, CONTROL.request);
    return job;
  }
  function wait(job: number): void {
    for (;;) {
      const done = Atomics.load(control, CONTROL.done);
      if (done === job) return;
      if (canWait) {
        try {
          Atomics.wait(control, CONTROL.done, done, 1000);
        } catch {
          canWait = false; // a browser's main thread may not block: spin instead
        }
      }
    }
  }
  const elementwise = (
    operation: number,
    name: string,
    oneThread: (values: ArrayLike<number>, out?: Float64Array) => Float64Array,
  ) =>
  (values: ArrayLike<number>, out?: Float64Array): Float64Array => {
    const n = values.length;
    if (!open || n < minimum.elements || n < 4) return oneThread(values, out);
    if (out !== undefined && (!(out instanceof Float64Array) || out.length !== n)) {
      throw new ShapeError(
        `Cannot apply ${name}: out has ${out?.length} entries but values has ${n}`,
      );
    }
    const result = out ?? new Float64Array(n);
    const split = 2 * Math.round((n * TWO_CORE_WORKER_SHARE.elementwise) / 2);
    const h = heap(VECMATH_HEAP + 8 * n), base = VECMATH_HEAP / 8;
    const source = values instanceof Float64Array ? values : Float64Array.from(values);
    h.set(source.subarray(0, split), base);
    const job = dispatch(operation, [VECMATH_HEAP, VECMATH_HEAP, split]);
    h.set(source.subarray(split), base + split);
    v[name](VECMATH_HEAP + 8 * split, VECMATH_HEAP + 8 * split, n - split);
    result.set(h.subarray(base + split, base + n), split);
    wait(job);
    result.set(h.subarray(base, base + split), 0);
    return result;
  };
  const rows =
    (operation: number, name: "softmaxRows" | "logSoftmaxRows", what: string) =>
    (m: Matrix, out?: Matrix): Matrix => {
      const oneThread = name === "softmaxRows" ? softmaxRowsWasm : logSoftmaxRowsWasm;
      if (!open || m.rows * m.cols < minimum.elements || m.rows < 2) return oneThread(m, out);
      const result = out ?? createMatrix(m.rows, m.cols);
      if (result.rows !== m.rows || result.cols !== m.cols) {
        throw new ShapeError(
          `Cannot compute ${what}: out is ${result.rows}×${result.cols} but the input is ${m.rows}×${m.cols}`,
        );
      }
      const cols = m.cols, count = m.rows * cols;
      const split = Math.min(
        m.rows - 1,
        Math.max(1, Math.round(m.rows * TWO_CORE_WORKER_SHARE.rows)),
      );
      const h = heap(VECMATH_HEAP + 8 * count), base = VECMATH_HEAP / 8;
      h.set(m.data.subarray(0, split * cols), base);
      const job = dispatch(operation, [VECMATH_HEAP, VECMATH_HEAP, split, cols, cols, cols]);
      h.set(m.data.subarray(split * cols), base + split * cols);
      const at = VECMATH_HEAP + 8 * split * cols;
      const badMain = v[name](at, at, m.rows - split, cols, cols, cols);
      wait(job);
      const badWorker = control[CONTROL.arguments + 9];
      const bad = badWorker >= 0 ? badWorker : badMain >= 0 ? split + badMain : -1;
      if (bad >= 0) {
        for (let j = 0; j < cols; j++) {
          const value = m.data[bad * cols + j];
          if (!Number.isFinite(value)) {
            throw new NonFiniteError(
              `Cannot compute ${what}: entry (${bad}, ${j}) is ${value}, expected finite`,
            );
          }
        }
      }
      result.data.set(h.subarray(base, base + count));
      return result;
    };
  const matmul = (a: Matrix, b: Matrix, out?: Matrix): Matrix => {
    const m = a.rows, k = a.cols, n = b.cols;
    if (!open || a.cols !== b.rows || m * k * n < minimum.gemm || k === 0) {
      return matmulOneCore(a, b, out);
    }
    const result = out ?? createMatrix(m, n);
    if (
      result.rows !== m || result.cols !== n || result.data.buffer === a.data.buffer ||
      result.data.buffer === b.data.buffer
    ) {
      return matmulOneCore(a, b, out); // its checks give the registry's messages
    }
    const layout = gemmLayout(m, k, n, tile, VECMATH_HEAP);
    const h = heap(layout.bytes);
    gemmCopyIn(h, a, b, layout, tile.rows);
    pack(layout.aRaw, layout.aPacked, layout.rowPanels, k);
    if (layout.colPanels < 2) return matmulOneCore(a, b, out);
    const workerPanels = Math.min(
      layout.colPanels - 1,
      Math.max(1, Math.round(layout.colPanels * TWO_CORE_WORKER_SHARE.gemm)),
    );
    const ld = 8 * layout.nPad;
    const common = [layout.aPacked, layout.b, layout.c, layout.rowPanels, k];
    const job = dispatch(OPERATION.gemm, [...common, 0, workerPanels, ld, ld]);
    gemm(...common, workerPanels, layout.colPanels - workerPanels, ld, ld);
    wait(job);
    gemmCopyOut(h, result, layout);
    return result;
  };
  return {
    backend: "two-core",
    exp: elementwise(OPERATION.exp, "exp", expArrayWasm),
    sigmoid: elementwise(OPERATION.sigmoid, "sigmoid", sigmoidArrayWasm),
    tanh: elementwise(OPERATION.tanh, "tanh", tanhArrayWasm),
    softmaxRows: rows(OPERATION.softmaxRows, "softmaxRows", "softmax of rows"),
    logSoftmaxRows: rows(OPERATION.logSoftmaxRows, "logSoftmaxRows", "log-softmax of rows"),
    matmul,
    dispatchNanoseconds(rounds = 200): number {
      if (!open) return NaN;
      const times: number[] = [];
      for (let r = 0; r < rounds; r++) {
        const start = performance.now();
        wait(dispatch(OPERATION.noop, []));
        times.push((performance.now() - start) * 1e6);
      }
      return times.sort((x, y) => x - y)[rounds >> 1];
    },
    close(): void {
      if (!open) return;
      open = false;
      dispatch(OPERATION.stop, []);
      worker.terminate();
    },
  };
}
