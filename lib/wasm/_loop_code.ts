/**
 * The counted loop the kernel modules share (GEMM's tile loops, vector math's element
 * loops). Private.
 *
 * @module
 */

import { block, branchIf, type Code, get, i32, loop, set } from "./ops.ts";

/**
 * `count` (i32 code, evaluated once; 0 runs nothing) iterations of `body`, counting down
 * in the i32 local `counter`:
 * `counter = count; if (counter ≠ 0) do { body; counter −= 1 } while (counter ≠ 0)`.
 */
export function repeat(counter: number, count: Code, body: Code): Code {
  return [
    ...set(counter, count),
    ...block([
      ...branchIf(0, i32.eqz(get(counter))),
      ...loop([
        ...body,
        ...set(counter, i32.sub(get(counter), i32.const(1))),
        ...branchIf(0, get(counter)),
      ]),
    ]),
  ];
}
