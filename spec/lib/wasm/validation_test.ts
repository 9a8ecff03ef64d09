// Issue 12 for the WebAssembly plumbing: the encoder, the instruction builders, the kernel
// module builders and the GEMM layout check their arguments where they are entered, and a
// wrong one is a typed error (lib/errors.ts) whose message names the builder's parameter,
// what it got and what was expected — not a NaN byte, a module the engine refuses later, or
// "Cannot read properties of null". (spec/mod_exports_test.ts walks every export with
// null, undefined, a string, a BigInt and a malformed matrix; these are representative
// cases of the messages, including the builder objects i32, f64x2, … that walk skips.)
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { ArgumentRangeError, InputTypeError } from "../../../lib/errors.ts";
import {
  block,
  call,
  type Code,
  f64,
  f64x2,
  get,
  i32,
  i64,
  i8x16,
  ifThen,
  ret,
  set,
  v128,
} from "../../../lib/wasm/ops.ts";
import { end, f64x2Add, simd } from "../../../lib/wasm/instructions.ts";
import {
  encodeModule,
  encodeSection,
  encodeVector,
  type ModuleDefinition,
} from "../../../lib/wasm/module_encoder.ts";
import { gemmModule } from "../../../lib/wasm/gemm_module.ts";
import { gemmCopyIn, gemmCopyOut, gemmLayout } from "../../../lib/wasm/gemm_layout.ts";
import { mlpModule, mlpParameterCount, type MlpShape } from "../../../lib/wasm/mlp_module.ts";
import { mlpBackwardModule } from "../../../lib/wasm/mlp_backward_module.ts";
import { tsqrModule } from "../../../lib/wasm/tsqr_module.ts";
import { refineOnce, tsqrFactor } from "../../../lib/wasm/tsqr.ts";
import { vecmathModule } from "../../../lib/wasm/vecmath_module.ts";
import { createMatrix, fromRows } from "../../../lib/linalg/matrix.ts";

const bad = (value: unknown) => value as never;

describe("instruction builders check their operands", () => {
  it("an operand that is not Code: InputTypeError naming the instruction and operand", () => {
    assert.throws(() => block(bad(null)), {
      name: "InputTypeError",
      message: "block body must be Code (an array of bytes: integers 0–255), got null",
    });
    assert.throws(() => f64x2.add(get(0), bad("abc")), {
      name: "InputTypeError",
      message: /^f64x2\.add right operand must be Code .*, got the string "abc"$/,
    });
    assert.throws(() => i32.eqz(bad(new Uint8Array(2))), {
      name: "InputTypeError",
      message:
        /^i32\.eqz operand must be Code .*got a Uint8Array of length 2; convert with Array\.from\(bytes\)$/,
    });
    assert.throws(() => call(3, get(0), bad(undefined)), {
      name: "InputTypeError",
      message: /^call argument 2 must be Code .*, got undefined$/,
    });
  });
  it("nested Code (forgot to spread) is named, with the fix", () => {
    assert.throws(() => block(bad([get(0), get(1)])), {
      name: "InputTypeError",
      message:
        /^block body must be Code .*entry 0 is an array of length 2 \(nested Code: spread it/,
    });
  });
  it("a number that is not a byte: ArgumentRangeError naming the entry", () => {
    assert.throws(() => set(0, [0x41, 256]), {
      name: "ArgumentRangeError",
      message: /^local\.set value must be Code .*, but entry 1 is 256$/,
    });
    assert.throws(() => ret([1.5]), ArgumentRangeError);
  });
  it("indices, lanes, offsets and immediates", () => {
    assert.throws(() => get(-1), {
      name: "ArgumentRangeError",
      message: "local.get index must be an integer in [0, 4294967295], got -1",
    });
    assert.throws(() => v128.load(get(0), 8.5), {
      name: "ArgumentRangeError",
      message: /^v128\.load offset must be an integer in \[0, 4294967295\], got 8\.5$/,
    });
    assert.throws(() => f64x2.extractLane(get(0), bad(2)), {
      name: "ArgumentRangeError",
      message: "f64x2.extractLane lane must be an integer in [0, 1], got 2",
    });
    assert.throws(() => i32.const(0.5), {
      name: "ArgumentRangeError",
      message: "i32.const value must be an integer in [−2³¹, 2³²), got 0.5",
    });
    assert.throws(() => i64.const(bad(45)), {
      name: "InputTypeError",
      message: "i64.const value must be a bigint (an i64, e.g. 45n), got 45",
    });
    assert.throws(() => f64.const(bad("1")), {
      name: "InputTypeError",
      message: 'f64.const value must be a number, got the string "1"',
    });
    assert.throws(() => ifThen(get(0), [], [], bad("f32")), {
      name: "ArgumentRangeError",
      message: 'if result type must be "i32", "i64", "f64" or "v128", got "f32"',
    });
    assert.throws(() => i8x16.shuffle([], [], [0, 1]), {
      name: "ArgumentRangeError",
      message: /^i8x16\.shuffle lanes must be 16 lane indices in \[0, 31\], got \[0,1\]$/,
    });
    assert.throws(() => simd(0x0c, [300]), {
      name: "ArgumentRangeError",
      message: /^SIMD immediates must be Code .*entry 0 is 300$/,
    });
  });
  it("the bare opcodes take no operands: f64x2Add(a, b) points to the folded f64x2.add", () => {
    assert.throws(() => (f64x2Add as (...operands: Code[]) => Code)(get(0), get(1)), {
      name: "InputTypeError",
      message: "f64x2Add() takes no operands (it is the bare opcode), got 2 arguments; " +
        "to fold operands in, use f64x2.add(left, right)",
    });
    assert.throws(() => (end as (...operands: Code[]) => Code)(get(0)), InputTypeError);
    assert.deepEqual(f64x2Add(), [0xfd, 0xf0, 0x01]);
  });
  it("the typed errors are still the built-in kinds", () => {
    assert.throws(() => get(-1), RangeError);
    assert.throws(() => block(bad(null)), TypeError);
  });
  it("valid operands give the same bytes as before (folded text-format order)", () => {
    const code: Code = set(2, f64x2.add(get(0), f64x2.mul(get(0), get(1))));
    assert.deepEqual(code, [0x20, 0, 0x20, 0, 0x20, 1, 0xfd, 0xf2, 1, 0xfd, 0xf0, 1, 0x21, 2]);
  });
});

describe("the module encoder checks a module description at entry", () => {
  const fn = { params: [], results: [], locals: [], body: [] as Code };
  it("names the function and field that is wrong", () => {
    assert.throws(() => encodeModule(bad({ functions: [fn, { ...fn, body: [[0x0b]] }] })), {
      name: "InputTypeError",
      message: /^module\.functions\[1\]\.body must be Code .*nested Code/,
    });
    assert.throws(() => encodeModule(bad({ functions: [{ ...fn, locals: ["i16"] }] })), {
      name: "ArgumentRangeError",
      message:
        'module.functions[0].locals[0] must be a value type (i32, i64, f32, f64, v128), got "i16"',
    });
    assert.throws(() => encodeModule(bad({ functions: [{ ...fn, bdy: [] }] })), {
      name: "InputTypeError",
      message: /module\.functions\[0\] has unknown key "bdy"/,
    });
    assert.throws(() => encodeModule(bad({ functions: {} })), {
      name: "InputTypeError",
      message: "module.functions must be an array of function definitions, got an object",
    });
  });
  it("memory and data segments", () => {
    const memory = { initialPages: 1, shared: true };
    assert.throws(() => encodeModule({ functions: [], memory }), {
      name: "ArgumentRangeError",
      message: "module.memory: a shared memory needs a maximum size (maximumPages)",
    });
    const segment = { offset: 0, bytes: new Float64Array(2) };
    const module: ModuleDefinition = {
      functions: [],
      memory: { initialPages: 1 },
      data: [segment],
    };
    assert.throws(() => encodeModule(module), {
      name: "InputTypeError",
      message: /^module\.data\[0\]\.bytes must be Code .*got a Float64Array of length 2$/,
    });
  });
  it("vectors and sections", () => {
    assert.throws(() => encodeVector(bad([[1], 2])), {
      name: "InputTypeError",
      message: /^Vector item 2 must be Code .*, got 2$/,
    });
    assert.throws(() => encodeSection(1, bad("abc")), InputTypeError);
  });
});

describe("kernel module builders check their parameters", () => {
  const shape: MlpShape = {
    widths: [3, 4, 3],
    activations: ["sigmoid", "softmax"],
    biases: [true, false],
  };
  it("gemmModule", () => {
    assert.throws(() => gemmModule(bad("1")), {
      name: "InputTypeError",
      message: 'initialPages must be a number, got the string "1"',
    });
    assert.throws(() => gemmModule(1, 4, bad({ tileRow: 2 })), {
      name: "InputTypeError",
      message: /options has unknown key "tileRow"/,
    });
    assert.throws(() => gemmModule(1, 4, { memory: bad({ initialPages: 1, maximumPages: 0 }) }), {
      name: "ArgumentRangeError",
      message: /options\.memory: the memory maximum \(0 pages\) is below the initial size \(1\)/,
    });
  });
  it("mlpModule, mlpBackwardModule and mlpParameterCount: the shape, by field", () => {
    assert.throws(() => mlpModule({ ...shape, widths: [3, 17, 3] }), {
      name: "ArgumentRangeError",
      message: "shape.widths[1] must be an integer in [1, 16], got 17",
    });
    assert.throws(() => mlpBackwardModule({ ...shape, activations: bad(["gelu", "softmax"]) }), {
      name: "ArgumentRangeError",
      message: /^shape\.activations\[0\] must be "sigmoid", .* or "softmax", got "gelu"$/,
    });
    assert.throws(() => mlpParameterCount({ ...shape, biases: [true] }), {
      name: "ShapeError",
      message: /3 widths \(2 layers\), 2 activations, 1 flags/,
    });
    assert.throws(() => mlpModule(shape, 0), {
      name: "ArgumentRangeError",
      message: "group (pairs of rows per iteration) must be an integer ≥ 1, got 0",
    });
    assert.equal(mlpParameterCount(shape), 3 * 4 + 4 + 4 * 3);
  });
  it("tsqrModule and vecmathModule", () => {
    assert.throws(() => tsqrModule(0, 1), {
      name: "ArgumentRangeError",
      message: "p (columns of X) must be an integer ≥ 1, got 0",
    });
    assert.throws(() => tsqrModule(30, 3), {
      name: "ArgumentRangeError",
      message: /p \+ k ≤ 32, got p = 30, k = 3/,
    });
    assert.throws(() => vecmathModule(bad({ initialPages: 2, exportName: 7 })), {
      name: "InputTypeError",
      message: "memory.exportName must be a string, got 7",
    });
  });
});

describe("the GEMM layout and copies check sizes and that the heap fits", () => {
  const tile = { rows: 2, columns: 4 };
  it("gemmLayout: sizes are positive integers", () => {
    assert.throws(() => gemmLayout(0, 3, 3, tile), {
      name: "ArgumentRangeError",
      message: "m (rows of A) must be an integer in [1, 4294967295], got 0",
    });
    assert.throws(() => gemmLayout(2, 3, 3, bad({ rows: 2 })), {
      name: "InputTypeError",
      message: "tile.columns must be a number, got undefined",
    });
  });
  it("gemmCopyIn and gemmCopyOut: a heap too small for the layout is a ShapeError", () => {
    const a = fromRows([[1, 2], [3, 4], [5, 6]]), b = fromRows([[1, 2, 3], [4, 5, 6]]);
    const layout = gemmLayout(3, 2, 3, tile);
    const small = new Float64Array(layout.b / 8 + 1); // ends inside B
    assert.throws(() => gemmCopyIn(small, a, b, layout, tile.rows), {
      name: "ShapeError",
      message: /^heap holds \d+ doubles but B \(layout\.b\) reaches index \d+/,
    });
    assert.throws(() => gemmCopyIn(new Float64Array(layout.bytes / 8), b, b, layout, 2), {
      name: "ShapeError",
      message: /A's columns are not B's rows/,
    });
    assert.throws(() => gemmCopyOut(small, createMatrix(3, 3), layout), {
      name: "ShapeError",
      message: /^heap holds \d+ doubles but C \(layout\.c\) reaches index \d+/,
    });
    assert.throws(() => gemmCopyOut(bad([0]), createMatrix(3, 3), layout), {
      name: "InputTypeError",
      message: /^heap must be a Float64Array .*got an array of length 1$/,
    });
    assert.throws(() => gemmCopyOut(small, createMatrix(3, 3), { ...layout, nPad: 2 }), {
      name: "ShapeError",
      message: /result has 3 columns but the layout's rows hold 2 \(nPad\)/,
    });
  });
});

describe("tsqrFactor and refineOnce check their matrices' shapes", () => {
  const x = fromRows([[1, 0], [1, 1], [1, 2]]), y = fromRows([[1], [3], [5]]);
  it("tsqrFactor: X and Y with the same rows, every dimension ≥ 1", () => {
    assert.throws(() => tsqrFactor(x, fromRows([[1], [3]])), {
      name: "ShapeError",
      message: /X is 3×2 and Y 2×1; they need the same number of rows/,
    });
    assert.throws(() => tsqrFactor(x, y, bad({ forcefallback: true })), InputTypeError);
  });
  it("refineOnce: W p × k and R p × p", () => {
    assert.throws(() => refineOnce(x, y, fromRows([[1, 2]]), createMatrix(2, 2)), {
      name: "ShapeError",
      message: /X is 3×2, so Y must be 3×k, W 2×k and R 2×2; got Y 3×1, W 1×2, R 2×2/,
    });
    assert.throws(() => refineOnce(x, y, fromRows([[1], [2]]), bad(null)), {
      name: "InputTypeError",
      message: /^R must be a Matrix \{ rows, cols, data: Float64Array \}, got null$/,
    });
  });
});
