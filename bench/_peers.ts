// The JavaScript peers, loaded once: ml-matrix, mathjs, and @tensorflow/tfjs-core with
// its cpu and wasm backends. tfjs computes in float32 only, so its results are checked
// with a float32 bound and its times are for half the bytes of ours.
import { Matrix as MlMatrix } from "ml-matrix";
import * as mathjs from "mathjs";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { check, type Suite } from "./_harness.ts";

export { MlMatrix, tf };

/**
 * mathjs, loosely typed: its typings reject valid calls on nested arrays (MathType
 * unions), and the peers are exercised, not type-checked.
 */
// deno-lint-ignore no-explicit-any
export const math: any = mathjs;

/** A tfjs backend we benchmark, and whether it loaded here. */
export type TfBackend = "cpu" | "wasm";

const available = new Map<TfBackend, boolean>();

/**
 * Loads the tfjs backends. The wasm backend's binaries are read from node_modules
 * (setWasmPaths with a file path: tfjs reads them with fs under Deno and Bun, which both
 * provide node:fs). Multithreading is switched off so that every peer is single-threaded
 * like ours and numpy's (OPENBLAS_NUM_THREADS=1).
 */
export async function loadPeers(suite: Suite): Promise<void> {
  tf.env().set("IS_TEST", true); // silences the "install tfjs-node" banner
  available.set("cpu", await tf.setBackend("cpu"));
  try {
    tf.env().set("WASM_HAS_MULTITHREAD_SUPPORT", false);
    const dist = new URL("./node_modules/@tensorflow/tfjs-backend-wasm/dist/", import.meta.url);
    setWasmPaths(decodeURIComponent(dist.pathname));
    const ok = await tf.setBackend("wasm");
    available.set("wasm", ok);
    if (!ok) suite.note("tfjs-wasm: setBackend('wasm') returned false; skipped on this runtime");
    else {
      const simd = tf.env().getBool("WASM_HAS_SIMD_SUPPORT");
      suite.note(`tfjs-wasm loaded (SIMD ${simd ? "on" : "off"}, single-threaded)`);
    }
  } catch (error) {
    available.set("wasm", false);
    suite.note(`tfjs-wasm could not load on this runtime: ${(error as Error).message}; skipped`);
  }
  await tf.setBackend("cpu");
}

/** Whether a tfjs backend loaded. */
export function hasTfBackend(backend: TfBackend): boolean {
  return available.get(backend) === true;
}

/** Switches tfjs to `backend` (call in a case's setup, never in the timed part). */
export async function useTfBackend(backend: TfBackend): Promise<void> {
  if (tf.getBackend() !== backend && !(await tf.setBackend(backend))) {
    throw new Error(`tfjs backend ${backend} is not available`);
  }
}

/** float32 relative bound for checking tfjs results against our float64 reference. */
export const FLOAT32_RTOL = 1e-4;

/** Elementwise e^x in mathjs (its `exp` no longer maps over matrices by itself). */
export function mathExp<T>(values: T): T {
  return math.map(values, (v: number) => math.exp(v));
}

/** One tfjs computation to time on every tfjs backend that loaded. */
export interface TfPeer {
  /** What is computed, for the check's message ("softmax", "matMul", …). */
  readonly what: string;
  /** Builds the input tensors on the current backend and returns the timed computation. */
  readonly prepare: () => () => tf.Tensor;
  /** The float64 reference the first result is checked against. */
  readonly reference: ArrayLike<number>;
  /** The float32 bound of the check. */
  readonly rtol: number;
  readonly atol: number;
  /** Defaults to "float32". */
  readonly note?: string;
}

/**
 * Registers `tfjs-cpu` and `tfjs-wasm` cases for one concept: switch backend, build the
 * tensors, check one result against the reference, then time the computation (its result
 * disposed on every call so that memory stays flat).
 */
export function addTfPeers(
  suite: Suite,
  base: { readonly family: string; readonly concept: string; readonly flops?: number },
  peer: TfPeer,
): void {
  for (const backend of ["cpu", "wasm"] as TfBackend[]) {
    if (!hasTfBackend(backend)) continue;
    suite.add({
      ...base,
      name: `tfjs-${backend}`,
      kind: "peer",
      float32: true,
      note: peer.note ?? "float32",
      setup: async () => {
        await useTfBackend(backend);
        const run = peer.prepare();
        const first = run();
        check(
          `tfjs-${backend} ${peer.what}`,
          first.dataSync(),
          peer.reference,
          peer.rtol,
          peer.atol,
        );
        first.dispose();
        return () => run().dispose();
      },
    });
  }
}
