/**
 * What the two threads of `two_core.ts` share: the control block at the start of the
 * shared memory (i32 words), the operation codes, and the one function both threads use
 * to run their share of a job. Private.
 *
 * @module
 */

/** Word indices of the control block (bytes 0 … 63 of the shared memory). */
export const CONTROL = {
  /** Job counter: the main thread increments it and notifies. */
  request: 0,
  /** The last job the worker finished: it stores the counter and notifies. */
  done: 1,
  /** The operation of the current job. */
  operation: 2,
  /** Its arguments (i32): words 3 … 12. */
  arguments: 3,
  words: 16,
} as const;

/** Operation codes. */
export const OPERATION = {
  stop: 0,
  noop: 1,
  exp: 2,
  sigmoid: 3,
  tanh: 4,
  softmaxRows: 5,
  logSoftmaxRows: 6,
  gemm: 7,
} as const;

/** The module's exports on one thread. */
export interface TwoCoreExports {
  readonly vecmath: WebAssembly.Exports;
  readonly gemm: WebAssembly.Exports;
}

/** The worker's first (and only) message. */
export interface InitMessage {
  readonly memory: WebAssembly.Memory;
  readonly vecmath: Uint8Array<ArrayBuffer>;
  readonly gemm: Uint8Array<ArrayBuffer>;
}

type Call = (...args: number[]) => unknown;

/** Runs `operation` with the arguments stored in the control block. */
export function runOperation(
  exports: TwoCoreExports,
  operation: number,
  control: Int32Array,
): void {
  const a = (i: number) => control[CONTROL.arguments + i];
  const v = exports.vecmath as Record<string, Call>, g = exports.gemm as Record<string, Call>;
  switch (operation) {
    case OPERATION.noop:
      return;
    case OPERATION.exp:
      v.exp(a(0), a(1), a(2));
      return;
    case OPERATION.sigmoid:
      v.sigmoid(a(0), a(1), a(2));
      return;
    case OPERATION.tanh:
      v.tanh(a(0), a(1), a(2));
      return;
    case OPERATION.softmaxRows:
      control[CONTROL.arguments + 9] = v.softmaxRows(a(0), a(1), a(2), a(3), a(4), a(5)) as number;
      return;
    case OPERATION.logSoftmaxRows:
      control[CONTROL.arguments + 9] = v.logSoftmaxRows(
        a(0),
        a(1),
        a(2),
        a(3),
        a(4),
        a(5),
      ) as number;
      return;
    case OPERATION.gemm:
      g.gemm(a(0), a(1), a(2), a(3), a(4), a(5), a(6), a(7), a(8));
      return;
  }
}
