// Issue 12, "done when": every function mod.ts exports (and the "./wasm" and "./variants"
// entry points) is called with null, undefined, a
// string, a BigInt and a wrong-shaped value (a 2×2 matrix whose data holds 3 entries) in
// its first parameter, and must throw one of nnref's typed errors (a `code` starting with
// NNREF_) — never return, never throw "Cannot read properties of null" or a stack
// overflow; an async export must reject the same way. Classes are constructed the same way. The exports that legitimately accept
// any value are listed below, each with its reason; a new export that is neither typed
// nor listed fails this spec.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as root from "../mod.ts";
import * as wasm from "../lib/wasm/mod.ts";
import * as variants from "../lib/variants.ts";
import * as conformance from "../oracle/conformance/mod.ts";

/**
 * The conformance checker's exports (oracle/conformance/, issue 11) are walked by its own
 * specs; its validation is that issue's, so they are skipped here as a group.
 */
const CONFORMANCE = new Set(Object.keys(conformance));

/** The bad values, by label. */
const BAD: readonly [string, unknown][] = [
  ["null", null],
  ["undefined", undefined],
  ["a string", "abc"],
  ["a BigInt", 1n],
  ["a wrong-shaped value", { rows: 2, cols: 2, data: Float64Array.of(1, 2, 3) }],
];

/** Exports that accept any first argument, and why. Keep this list short and true. */
const ACCEPTS_ANYTHING: Readonly<Record<string, string>> = {
  // The error classes themselves: any value can be a message.
  AssertionError: "an error class: its argument is the message",
  InputTypeError: "an error class: its argument is the message",
  ShapeError: "an error class: its argument is the message",
  ArgumentRangeError: "an error class: its argument is the message",
  NonFiniteError: "an error class: its argument is the message",
  SingularMatrixError: "an error class: its argument is the message",
  ConvergenceError: "an error class: its argument is the message",
  RecordFormatError: "an error class: its argument is the message",
  RecordReferenceError: "an error class: its argument is the message",
  // Predicates and validators: answering for any value is their job.
  isDoubleDoubleMatrix: "a type guard: false for anything that is not a DoubleDoubleMatrix",
  subjectProblem: "a validator: returns the problem with any value as a message, or null",
  isErratum: "a type guard: false for anything that is not an erratum record",
  // No parameters at all.
  Graph: "a constructor without parameters",
  hasWasmSimd: "takes no parameters (probes the runtime)",
  relaxedMaddSupport: "takes no parameters (probes the runtime)",
  vecmathBackend: "takes no parameters (probes the runtime)",
  wasmFmaBackend: "takes no parameters (probes the runtime)",
  wasmMatmulBackend: "takes no parameters (probes the runtime)",
  expTableBytes: "takes no parameters (the exponential's constant table)",
  simdProbeModule: "takes no parameters (the fixed probe module)",
};

/** Bad values an export legitimately accepts: an optional first parameter takes undefined. */
const ACCEPTS: Readonly<Record<string, readonly string[]>> = {
  f64Load: ["undefined"], // offset = 0
  f64Store: ["undefined"],
  v128Load: ["undefined"],
  v128Store: ["undefined"],
  v128Load64Splat: ["undefined"],
  isRowActivation: ["a wrong-shaped value"], // a type guard: false for any non-row-wise object
  encodeUnsignedLeb128: ["a BigInt"], // LEB128 takes number | bigint
  encodeSignedLeb128: ["a BigInt"],
  documentNumber: ["a string"], // -1 for a name that is none of the five documents
  defaultGemmTile: ["undefined"], // fma = false
  createVecmath: ["undefined"], // options = {}
  createTwoCore: ["undefined"], // options = {} (would start a worker)
  createWasmMatmul: ["undefined"], // options = {}
  tuneGemmTile: ["undefined"], // options = {}: times the candidate tiles at n = 256
  vecmathModule: ["undefined"], // memory = its own, exported
  encodeName: ["a string"], // any string is a name
};

const isClass = (f: unknown) =>
  typeof f === "function" && /^class\b/.test(Function.prototype.toString.call(f));

/**
 * Every entry point of the library (deno.json "exports"): mod.ts re-exports every area
 * whole but only the main kernels of lib/wasm, so the "./wasm" and "./variants" entry
 * points are walked too ("./worked" is the worked results, a layer above the library).
 */
const mod: Record<string, unknown> = { ...variants, ...wasm, ...root };
const functions = Object.entries(mod).filter(([, value]) => typeof value === "function");

describe("every function mod.ts exports refuses bad input with a typed error", () => {
  it("there are functions to walk, and the listed exceptions all exist", () => {
    assert.ok(functions.length > 200, `${functions.length} functions`);
    for (const name of [...Object.keys(ACCEPTS_ANYTHING), ...Object.keys(ACCEPTS)]) {
      assert.ok(name in mod, `listed export ${name} no longer exists: remove it from the list`);
    }
  });
  for (const [name, value] of functions) {
    if (Object.hasOwn(ACCEPTS_ANYTHING, name) || CONFORMANCE.has(name)) continue;
    it(name, async () => {
      for (const [label, bad] of BAD) {
        if (ACCEPTS[name]?.includes(label)) continue;
        let outcome: unknown = "returned";
        try {
          if (isClass(value)) new (value as new (x: unknown) => unknown)(bad);
          else {
            const result = (value as (x: unknown) => unknown)(bad);
            if (result instanceof Promise) await result; // an async export must reject
          }
        } catch (error) {
          outcome = error;
        }
        assert.ok(
          outcome instanceof Error &&
            String((outcome as { code?: unknown }).code).startsWith("NNREF_"),
          `${name}(${label}) ${
            outcome === "returned"
              ? "returned instead of throwing"
              : `threw an untyped ${(outcome as Error)?.name}: ${(outcome as Error)?.message}`
          }`,
        );
      }
    });
  }
});
