/**
 * Tall-skinny QR (TSQR) of the augmented matrix [X | Y] in WebAssembly (f64x2 across
 * columns), generated for one shape (p columns of X, k of Y): the least-squares
 * factor R (p × p) and the first p entries of QᵀY, without ever forming Q.
 *
 * The rows are taken in blocks of {@link TSQR_BLOCK}; each block is reduced to a p × (p + k)
 * matrix [R | c] by p Householder reflections (LAPACK's dlarfg convention:
 * β = −sign(α)·‖(α, x)‖, τ = (β − α)/β, v = (1, x/(α − β))) applied to a zero top with the
 * block below it, and the [R | c] are merged pairwise up a binary tree (the caller keeps
 * the tree: see `tsqr.ts`): TSQR (Demmel, Grigori, Hoemmen, Langou 2008). What is left of
 * Y below the top p rows is orthogonal to X's columns and only matters for the residual,
 * so it is dropped. A reflection touches row j of the top and the rows below only (the
 * top's rows below j are zero in column j: the triangular-on-top structure of LAPACK's
 * dtpqrt), so a block of b rows costs about 4·b·Σⱼ(p + k − j) flops.
 *
 * Why a tree: each inner product of a reflection runs over the block's rows and then over
 * the tree's levels, about b + log₂(n/b) terms deep; reducing block after block into one
 * running top (a flat tree) or one block of all n rows makes it n/b + b or n deep, which
 * measured 1.3 digits less on the 10000 × 10 benchmark (LRE 13.9 against 15.2).
 *
 * Each row of a work block holds the p + k values (padded to an even count with a zero,
 * which every reflection leaves zero), so a reflection is f64x2 arithmetic on column pairs:
 * w = top[j] + Σᵢ vᵢ·W[i] and W[i] −= (τvᵢ)·w, unrolled over the pairs that hold columns > j.
 *
 * Exports (addresses in bytes; a "row" is 2·⌈(p + k)/2⌉ doubles):
 * - `load(x, y, rows, work, norms)`: copies `rows` rows of X (p per row) and Y (k per row)
 *   into augmented rows at `work`, and adds each row's squares to the p sums at `norms`;
 * - `reduce(top, work, rows) → i32`: the p reflections on [top (p rows); work (rows rows)],
 *   leaving the new [R | c] in `top` (its strict lower part is scratch) and `work` spent.
 *   `work` must be followed by `rows` doubles of scratch. Returns 0, or 1 if a column's
 *   sum of squares left the range where it is accurate (over 10³⁰⁰ or not finite, or
 *   below 10⁻²⁹⁰ but not 0): the caller rescales the columns by powers of two (exact);
 * - `rows(top, work)`: copies the p rows at `top` to `work` with their strict lower part
 *   zeroed, as rows to reduce into another top (a merge of the tree).
 *
 * @module
 */

import { ArgumentRangeError } from "../errors.ts";
import { requireInteger } from "../_util/validate.ts";
import { encodeModule, type FunctionDefinition } from "./module_encoder.ts";
import { branchIf, type Code, f64, f64x2, get, i32, ifThen, loop, ret, set, v128 } from "./ops.ts";
import { Locals } from "./_exp_code.ts";

/** Rows per block: measured LRE 13.9–14.0 for 16 … 10000 with a flat tree, so the size
 * is for speed (the block, TSQR_BLOCK × (p + k) doubles, stays in L1 for p + k ≤ 16).
 * @category WebAssembly encoder
 */
export const TSQR_BLOCK = 128;

/** Largest p + k the generated code takes (the caller falls back beyond it).
 * @category WebAssembly encoder */
export const TSQR_MAX_COLUMNS = 32;

/**
 * The module's bytes for X with `p` columns and Y with `k`.
 *
 * @param p Columns of X (≥ 1).
 * @param k Columns of Y (≥ 1); p + k ≤ {@link TSQR_MAX_COLUMNS}.
 * @returns Bytes for `new WebAssembly.Module`.
 * @throws {InputTypeError} if p or k is not a number.
 * @throws {ArgumentRangeError} if p or k is not a positive integer or p + k is too large.
 *
 * @example
 * ```ts
 * import { tsqrModule } from "@nnref/nnref/wasm";
 * if (!WebAssembly.validate(tsqrModule(10, 3))) throw new Error("valid");
 * ```
 * @category WebAssembly encoder
 */
export function tsqrModule(p: number, k: number): Uint8Array<ArrayBuffer> {
  requireInteger(p, "p (columns of X)", 1);
  requireInteger(k, "k (columns of Y)", 1);
  if (p + k > TSQR_MAX_COLUMNS) {
    throw new ArgumentRangeError(
      `TSQR needs integers p ≥ 1, k ≥ 1 with p + k ≤ ${TSQR_MAX_COLUMNS}, got p = ${p}, k = ${k}`,
    );
  }
  const q = p + k, pairs = Math.ceil(q / 2), width = 16 * pairs; // bytes per padded row
  const functions = [
    loadFunction(p, k, width),
    reduceFunction(p, pairs, width),
    rowsFunction(p, pairs, width),
  ];
  return encodeModule({ memory: { initialPages: 2, exportName: "memory" }, functions });
}

/** Loops `body` over `rows` ≥ 1 rows from `start`: local `row` is the row's address. */
function forRows(i: number, row: number, rows: Code, start: Code, width: number, body: Code): Code {
  return [
    ...set(i, i32.const(0)),
    ...set(row, start),
    ...loop([
      ...body,
      ...set(row, i32.add(get(row), i32.const(width))),
      ...set(i, i32.add(get(i), i32.const(1))),
      ...branchIf(0, i32.ltU(get(i), rows)),
    ]),
  ];
}

function loadFunction(p: number, k: number, width: number): FunctionDefinition {
  const locals = new Locals(5);
  const X = 0, Y = 1, ROWS = 2, WORK = 3, NORMS = 4;
  const i = locals.add("i32"), row = locals.add("i32");
  const sums = Array.from({ length: Math.ceil(p / 2) }, () => locals.add("v128"));
  const q = p + k;
  return {
    exportName: "load",
    params: ["i32", "i32", "i32", "i32", "i32"],
    results: [],
    locals: locals.types,
    body: [
      ...sums.flatMap((sum, n) => set(sum, v128.load(get(NORMS), 16 * n))),
      ...forRows(i, row, get(ROWS), get(WORK), width, [
        ...Array.from({ length: p }, (_, c) => f64.store(get(row), f64.load(get(X), 8 * c), 8 * c))
          .flat(),
        ...Array.from(
          { length: k },
          (_, c) => f64.store(get(row), f64.load(get(Y), 8 * c), 8 * (p + c)),
        )
          .flat(),
        ...(q % 2 === 1 ? f64.store(get(row), f64.const(0), 8 * q) : []),
        ...sums.flatMap((sum, n) =>
          set(
            sum,
            f64x2.add(
              get(sum),
              f64x2.mul(v128.load(get(row), 16 * n), v128.load(get(row), 16 * n)),
            ),
          )
        ),
        ...set(X, i32.add(get(X), i32.const(8 * p))),
        ...set(Y, i32.add(get(Y), i32.const(8 * k))),
      ]),
      ...sums.flatMap((sum, n) => v128.store(get(NORMS), get(sum), 16 * n)),
    ],
  };
}

function rowsFunction(p: number, pairs: number, width: number): FunctionDefinition {
  const body: Code = [];
  for (let r = 0; r < p; r++) {
    for (let c = 0; c < 2 * pairs; c++) {
      body.push(
        ...f64.store(
          get(1),
          c < r ? f64.const(0) : f64.load(get(0), r * width + 8 * c),
          r * width + 8 * c,
        ),
      );
    }
  }
  return { exportName: "rows", params: ["i32", "i32"], results: [], locals: [], body };
}

function reduceFunction(p: number, pairs: number, width: number): FunctionDefinition {
  const locals = new Locals(3);
  const TOP = 0, WORK = 1, ROWS = 2;
  const i = locals.add("i32"), row = locals.add("i32"), vPtr = locals.add("i32");
  const sigma = locals.add("f64"), alpha = locals.add("f64"), norm = locals.add("f64");
  const beta = locals.add("f64"), tau = locals.add("f64"), scale = locals.add("f64");
  const value = locals.add("f64");
  const acc = Array.from({ length: pairs }, () => locals.add("v128"));
  const vi = locals.add("v128"), fresh = locals.add("v128");
  // v₀ … v_(rows−1) right after the rows
  const V = () => i32.add(get(WORK), i32.mul(get(ROWS), i32.const(width)));
  const each = (body: Code) => forRows(i, row, get(ROWS), get(WORK), width, body);
  const body: Code = [];
  for (let j = 0; j < p; j++) {
    const first = (j + 1) >> 1; // first pair holding a column > j
    const active = Array.from({ length: pairs - first }, (_, n) => first + n);
    // σ = Σᵢ W[i][j]²: in its own pass for j = 0, else summed (in the same order) during
    // the previous reflection's update pass, which computes the new W[i][j].
    const nextColumn = j + 1 < p ? j + 1 : -1;
    const nextPair = nextColumn >> 1, nextLane = (nextColumn & 1) as 0 | 1;
    body.push(
      ...(j === 0
        ? [
          ...set(sigma, f64.const(0)),
          ...each(
            set(sigma, f64.add(get(sigma), f64.mul(f64.load(get(row), 0), f64.load(get(row), 0)))),
          ),
        ]
        : []),
      ...ifThen(
        i32.or(f64.ge(get(sigma), f64.const(1e300)), f64.ne(get(sigma), get(sigma))),
        ret(i32.const(1)),
      ),
      ...ifThen(
        i32.and(f64.lt(get(sigma), f64.const(1e-290)), f64.gt(get(sigma), f64.const(0))),
        ret(i32.const(1)),
      ),
      ...ifThen(
        f64.gt(get(sigma), f64.const(0)),
        [
          ...set(alpha, f64.load(get(TOP), j * width + 8 * j)),
          ...set(norm, f64.sqrt(f64.add(f64.mul(get(alpha), get(alpha)), get(sigma)))),
          ...set(beta, f64.neg(f64.copysign(get(norm), get(alpha)))),
          ...set(tau, f64.div(f64.sub(get(beta), get(alpha)), get(beta))),
          ...set(scale, f64.div(f64.const(1), f64.sub(get(alpha), get(beta)))),
          // v = W[·][j]·scale, w = top[j] + Σ vᵢW[i] on the active pairs
          ...active.flatMap((a) => set(acc[a], v128.load(get(TOP), j * width + 16 * a))),
          ...set(vPtr, V()),
          ...each([
            ...set(value, f64.mul(f64.load(get(row), 8 * j), get(scale))),
            ...f64.store(get(vPtr), get(value)),
            ...set(vi, f64x2.splat(get(value))),
            ...active.flatMap((a) =>
              set(acc[a], f64x2.add(get(acc[a]), f64x2.mul(get(vi), v128.load(get(row), 16 * a))))
            ),
            ...set(vPtr, i32.add(get(vPtr), i32.const(8))),
          ]),
          // top[j] −= τw (then top[j][j] = β); acc ← τw; W[i] −= vᵢ·τw
          ...active.flatMap((a) => [
            ...set(acc[a], f64x2.mul(f64x2.splat(get(tau)), get(acc[a]))),
            ...v128.store(
              get(TOP),
              f64x2.sub(v128.load(get(TOP), j * width + 16 * a), get(acc[a])),
              j * width + 16 * a,
            ),
          ]),
          ...f64.store(get(TOP), get(beta), j * width + 8 * j),
          ...set(vPtr, V()),
          ...(nextColumn >= 0 ? set(sigma, f64.const(0)) : []),
          ...each([
            ...set(vi, v128.load64Splat(get(vPtr))),
            ...active.flatMap((a) => {
              const updated = f64x2.sub(
                v128.load(get(row), 16 * a),
                f64x2.mul(get(vi), get(acc[a])),
              );
              if (a !== nextPair) return v128.store(get(row), updated, 16 * a);
              return [
                ...set(fresh, updated),
                ...v128.store(get(row), get(fresh), 16 * a),
                ...set(value, f64x2.extractLane(get(fresh), nextLane)),
                ...set(sigma, f64.add(get(sigma), f64.mul(get(value), get(value)))),
              ];
            }),
            ...set(vPtr, i32.add(get(vPtr), i32.const(8))),
          ]),
        ],
        nextColumn >= 0
          ? [
            // no reflection (σ = 0): column j + 1's sum of squares in a pass of its own
            ...set(sigma, f64.const(0)),
            ...each(
              set(
                sigma,
                f64.add(
                  get(sigma),
                  f64.mul(f64.load(get(row), 8 * nextColumn), f64.load(get(row), 8 * nextColumn)),
                ),
              ),
            ),
          ]
          : undefined,
      ),
    );
  }
  body.push(...i32.const(0));
  return {
    exportName: "reduce",
    params: ["i32", "i32", "i32"],
    results: ["i32"],
    locals: locals.types,
    body,
  };
}
