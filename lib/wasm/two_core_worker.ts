/**
 * The second thread of `two_core.ts`: instantiates the vector-math and GEMM modules on
 * the shared memory it is sent, then waits (Atomics.wait) for jobs in the memory's control
 * block and runs its share of each, with no messages per job. Runtime-neutral: it uses
 * only the Worker global's `addEventListener`/`postMessage` and Atomics.
 *
 * @module
 */

import {
  CONTROL,
  type InitMessage,
  OPERATION,
  runOperation,
  type TwoCoreExports,
} from "./_two_core_protocol.ts";

interface WorkerScope {
  addEventListener(type: "message", listener: (event: { data: InitMessage }) => void): void;
  postMessage(message: unknown): void;
}

const scope = globalThis as unknown as WorkerScope;

scope.addEventListener("message", (event) => {
  const { memory, vecmath, gemm } = event.data;
  const imports = { env: { memory } };
  const exports: TwoCoreExports = {
    vecmath: new WebAssembly.Instance(new WebAssembly.Module(vecmath), imports).exports,
    gemm: new WebAssembly.Instance(new WebAssembly.Module(gemm), imports).exports,
  };
  const control = new Int32Array(memory.buffer, 0, CONTROL.words);
  // Read the job counter before saying ready: the main thread may dispatch the first job
  // the moment it hears, and a counter read after that would skip the job.
  let seen = Atomics.load(control, CONTROL.request);
  scope.postMessage("ready");
  for (;;) {
    Atomics.wait(control, CONTROL.request, seen);
    seen = Atomics.load(control, CONTROL.request);
    const operation = Atomics.load(control, CONTROL.operation);
    if (operation === OPERATION.stop) break;
    runOperation(exports, operation, control);
    Atomics.store(control, CONTROL.done, seen);
    Atomics.notify(control, CONTROL.done);
  }
});
