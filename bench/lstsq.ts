// Least squares W* = argmin ‖XW − Y‖ for X 10000 × 10 and 3 right-hand sides: every
// LSTSQ_VARIANTS solver (accurate, the double-double QR, is the reference and the
// baseline), each reported with its log relative error (LRE) against the reference,
// and the peers.
import { LSTSQ_VARIANTS } from "../lib/variants.ts";
import { createMatrix, type Matrix } from "../lib/linalg/matrix.ts";
import { RandomState } from "../lib/random/random_state.ts";
import { type Case, flat, logRelativeError, type Options, Suite, toArrays } from "./_harness.ts";
import { math, MlMatrix } from "./_peers.ts";
import { solve as mlSolve } from "ml-matrix";

export function registerLstsq(suite: Suite, options: Options): void {
  const rows = options.smoke ? 200 : 10_000, cols = 10, rhs = 3;
  const rng = new RandomState(12);
  const x = createMatrix(rows, cols), y = createMatrix(rows, rhs);
  for (let i = 0; i < rows; i++) {
    x.data[i * cols] = 1; // intercept column, as in the documents' designs
    for (let j = 1; j < cols; j++) x.data[i * cols + j] = rng.uniform(-1, 1);
    for (let k = 0; k < rhs; k++) {
      let target = rng.normal(0, 0.5);
      for (let j = 0; j < cols; j++) target += (j + 1 + k) * x.data[i * cols + j];
      y.data[i * rhs + k] = target;
    }
  }
  const reference = (LSTSQ_VARIANTS.accurate(x, y).weights as Matrix).data;
  const concept = `lstsq ${rows}x${cols} k=${rhs}`;
  const base = { family: "lstsq", concept } as const;
  // Digits each method must deliver on this well-conditioned design (κ(X) ≈ 2):
  // QR ≈ 16 − log₁₀κ, normal equations ≈ 16 − 2·log₁₀κ; 12 leaves a wide margin.
  const minimumLre = 12;
  const record = (what: string, weights: ArrayLike<number>, entry: Case) => {
    const lre = logRelativeError(weights, reference);
    if (!(lre >= minimumLre)) {
      throw new Error(
        `${what}: LRE ${
          lre.toFixed(1)
        } against the double-double solution, expected ≥ ${minimumLre}`,
      );
    }
    entry.accuracy = { lre };
  };
  for (const [name, solver] of Object.entries(LSTSQ_VARIANTS)) {
    const entry: Case = {
      ...base,
      name,
      kind: "variant",
      baseline: name === "accurate",
      setup: () => {
        record(`lstsq/${name}`, (solver(x, y).weights as Matrix).data, entry);
        return () => solver(x, y);
      },
    };
    suite.add(entry);
  }
  const mlX = new MlMatrix(toArrays(x)), mlY = new MlMatrix(toArrays(y));
  const mlEntry: Case = {
    ...base,
    name: "ml-matrix",
    kind: "peer",
    note: "solve(X, Y): Householder QR for a rectangular X",
    setup: () => {
      record("ml-matrix solve", flat(mlSolve(mlX, mlY).to2DArray()), mlEntry);
      return () => mlSolve(mlX, mlY);
    },
  };
  suite.add(mlEntry);
  const mjX = math.matrix(toArrays(x)), mjY = math.matrix(toArrays(y));
  const mathEntry: Case = {
    ...base,
    name: "mathjs",
    kind: "peer",
    note: "normal equations lusolve(XᵀX, XᵀY): math.qr of a 10000-row X returns a 10000² Q",
    setup: () => {
      // lusolve takes one right-hand side: factor once (lup), solve per column.
      const run = () => {
        const xt = math.transpose(mjX);
        const lu = math.lup(math.multiply(xt, mjX));
        const xty = math.multiply(xt, mjY).toArray() as number[][];
        return Array.from(
          { length: rhs },
          (_, k) => flat(math.lusolve(lu, xty.map((row) => row[k])).valueOf()),
        );
      };
      const columns = run();
      const weights = Array.from(
        { length: cols * rhs },
        (_, i) => columns[i % rhs][Math.floor(i / rhs)],
      );
      record("mathjs lusolve", weights, mathEntry);
      return run;
    },
  };
  suite.add(mathEntry);
  suite.note("lstsq: tfjs-core has no least-squares or triangular solve; no tfjs peer");
}
