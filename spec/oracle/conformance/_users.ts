// Implementations of every concept as users write them, without nnref's lib/: for each
// concept at least three independent correct ones (different formulas, summation orders,
// algorithms) and three deliberately wrong ones (a sign, a dropped factor, a missing σ′,
// ignored biases, the wrong function). The conformance specs hold every correct one to
// pass every fixture of its concept and every wrong one to fail at least one; the
// ecosystem table (conformance/) and the CI smoke run reuse them.
//
// One file on purpose (over 400 lines): it is a catalogue, one entry per implementation,
// read as a table concept by concept; its entries share the small helpers at the top.
import type {
  BackwardPass,
  BinaryLoss,
  ForwardPass,
  GradientStep,
  GraphGradient,
  LeastSquaresSolverFunction,
  LogisticGradient,
  NetworkLayer,
  PerceptronUpdate,
  RealFunction,
  RidgeSolverFunction,
  RowFunction,
  RowLoss,
  RowScalar,
  SgdStepFunction,
} from "../../../oracle/conformance/mod.ts";

/** Named implementations of one concept. */
export interface Implementations {
  correct: [string, unknown][];
  wrong: [string, unknown][];
}

// ---------------------------------------------------------------------------------------
// small linear algebra, written out

const dot = (a: readonly number[], b: readonly number[]) => a.reduce((s, v, i) => s + v * b[i], 0);
const dotReversed = (a: readonly number[], b: readonly number[]) => {
  let s = 0;
  for (let i = a.length - 1; i >= 0; i--) s += a[i] * b[i];
  return s;
};
/** Kahan-compensated dot product. */
const dotKahan = (a: readonly number[], b: readonly number[]) => {
  let s = 0, c = 0;
  for (let i = 0; i < a.length; i++) {
    const y = a[i] * b[i] - c;
    const t = s + y;
    c = (t - s) - y;
    s = t;
  }
  return s;
};
const transpose = (m: readonly (readonly number[])[]) => m[0].map((_, j) => m.map((r) => r[j]));

/** Solves A x = b by Gaussian elimination with partial pivoting. */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) {
      if (Math.abs(M[i][k]) > Math.abs(M[p][k])) p = i;
    }
    [M[k], M[p]] = [M[p], M[k]];
    for (let i = k + 1; i < n; i++) {
      const f = M[i][k] / M[k][k];
      for (let j = k; j <= n; j++) M[i][j] -= f * M[k][j];
    }
  }
  const x = new Array(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = M[i][n];
    for (let j = i + 1; j < n; j++) s -= M[i][j] * x[j];
    x[i] = s / M[i][i];
  }
  return x;
}

/** Householder QR least squares (columns equilibrated first when `scale`). */
function householder(
  X: number[][],
  y: number[],
  scale = false,
  reverse = false,
): number[] {
  const m = X.length, n = X[0].length;
  const d = scale ? transpose(X).map((c) => 1 / Math.sqrt(dot(c, c))) : new Array(n).fill(1);
  const A = X.map((r) => r.map((v, j) => v * d[j]));
  const b = [...y];
  const sum = reverse ? dotReversed : dot;
  for (let k = 0; k < n; k++) {
    const v = A.slice(k).map((r) => r[k]);
    const norm = Math.sqrt(sum(v, v));
    const alpha = v[0] > 0 ? -norm : norm;
    v[0] -= alpha;
    const vv = sum(v, v);
    if (vv === 0) continue;
    for (let j = k; j < n; j++) {
      const f = (2 * sum(v, A.slice(k).map((r) => r[j]))) / vv;
      for (let i = k; i < m; i++) A[i][j] -= f * v[i - k];
    }
    const f = (2 * sum(v, b.slice(k))) / vv;
    for (let i = k; i < m; i++) b[i] -= f * v[i - k];
  }
  const x = new Array(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i];
    for (let j = i + 1; j < n; j++) s -= A[i][j] * x[j];
    x[i] = s / A[i][i];
  }
  return x.map((v, j) => v * d[j]);
}

/** Modified Gram–Schmidt on [X y] (Björck's way: y orthogonalised like a column). */
function mgs(X: number[][], y: number[]): number[] {
  const n = X[0].length;
  const d = transpose(X).map((c) => 1 / Math.sqrt(dot(c, c)));
  const Q = transpose(X.map((r) => r.map((v, j) => v * d[j])));
  const R = Array.from({ length: n }, () => new Array(n).fill(0));
  const b = [...y];
  const z = new Array(n).fill(0);
  for (let k = 0; k < n; k++) {
    R[k][k] = Math.sqrt(dot(Q[k], Q[k]));
    Q[k] = Q[k].map((v) => v / R[k][k]);
    for (let j = k + 1; j < n; j++) {
      R[k][j] = dot(Q[k], Q[j]);
      Q[j] = Q[j].map((v, i) => v - R[k][j] * Q[k][i]);
    }
    z[k] = dot(Q[k], b);
    for (let i = 0; i < b.length; i++) b[i] -= z[k] * Q[k][i];
  }
  const x = new Array(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = z[i];
    for (let j = i + 1; j < n; j++) s -= R[i][j] * x[j];
    x[i] = s / R[i][i];
  }
  return x.map((v, j) => v * d[j]);
}

// ---------------------------------------------------------------------------------------
// elementwise

const sig = (z: number) => 1 / (1 + Math.exp(-z));
const f32 = (f: RealFunction): RealFunction => (z) => Math.fround(f(Math.fround(z)));

export const ELEMENTWISE: Record<string, Implementations> = {
  "sigmoid": {
    correct: [
      ["1/(1 + e^−z)", sig],
      [
        "e^z/(1 + e^z) for z < 0",
        (z: number) => (z < 0 ? Math.exp(z) / (1 + Math.exp(z)) : sig(z)),
      ],
      [
        "½(1 + tanh(z/2)) for z ≥ 0, e^z/(1 + e^z) below",
        (z: number) => z >= 0 ? 0.5 * (1 + Math.tanh(z / 2)) : Math.exp(z) / (1 + Math.exp(z)),
      ],
    ],
    wrong: [
      ["1/(1 + e^z) (sign)", (z: number) => 1 / (1 + Math.exp(z))],
      ["tanh (wrong function)", Math.tanh],
      ["1/(1 + e^(−z/2)) (factor 2)", (z: number) => sig(z / 2)],
      ["float32 arithmetic", f32(sig)],
    ],
  },
  "sigmoid-derivative": {
    correct: [
      ["σ(1 − σ)", (z: number) => sig(z) * (1 - sig(z))],
      ["σ(z)σ(−z)", (z: number) => sig(z) * sig(-z)],
      [
        "e^−|z|/(1 + e^−|z|)²",
        (z: number) => Math.exp(-Math.abs(z)) / (1 + Math.exp(-Math.abs(z))) ** 2,
      ],
    ],
    wrong: [
      ["σ (not the derivative)", sig],
      ["σ(1 + σ) (sign)", (z: number) => sig(z) * (1 + sig(z))],
      ["2σ(1 − σ) (factor 2)", (z: number) => 2 * sig(z) * (1 - sig(z))],
    ],
  },
  "tanh": {
    correct: [
      ["Math.tanh", Math.tanh],
      ["expm1(2|z|)/(expm1(2|z|) + 2)", (z: number) => {
        const e = Math.expm1(2 * Math.abs(z));
        return Math.sign(z) * (Number.isFinite(e) ? e / (e + 2) : 1);
      }],
      [
        "sinh/cosh for |z| ≤ 20, ±1 beyond",
        (
          z: number,
        ) => (Math.abs(z) > 20 ? Math.sign(z) : Math.sinh(z) / Math.cosh(z)),
      ],
    ],
    wrong: [
      ["σ (wrong function)", sig],
      ["−tanh (sign)", (z: number) => -Math.tanh(z)],
      ["tanh(z/2) (factor 2)", (z: number) => Math.tanh(z / 2)],
      [
        "(e^2z − 1)/(e^2z + 1): cancels near 0",
        (z: number) => (Math.exp(2 * z) - 1) / (Math.exp(2 * z) + 1),
      ],
    ],
  },
  "tanh-derivative": {
    correct: [
      ["1 − tanh²", (z: number) => 1 - Math.tanh(z) ** 2],
      [
        "1/cosh²",
        (z: number) => 1 / Math.cosh(Math.min(Math.abs(z), 700)) ** 2,
      ],
      [
        "4e^−2|z|/(1 + e^−2|z|)²",
        (z: number) =>
          4 * Math.exp(-2 * Math.abs(z)) /
          (1 + Math.exp(-2 * Math.abs(z))) ** 2,
      ],
    ],
    wrong: [
      ["1 − tanh (no square)", (z: number) => 1 - Math.tanh(z)],
      ["tanh", Math.tanh],
      ["1 + tanh² (sign)", (z: number) => 1 + Math.tanh(z) ** 2],
    ],
  },
  "relu": {
    correct: [
      ["max(0, z)", (z: number) => Math.max(0, z)],
      ["z > 0 ? z : 0", (z: number) => (z > 0 ? z : 0)],
      ["(z + |z|)/2", (z: number) => (z + Math.abs(z)) / 2],
    ],
    wrong: [
      ["|z|", Math.abs],
      ["min(0, z)", (z: number) => Math.min(0, z)],
      ["leaky 0.01z", (z: number) => (z > 0 ? z : 0.01 * z)],
    ],
  },
  "relu-derivative": {
    correct: [
      ["[z > 0]", (z: number) => (z > 0 ? 1 : 0)],
      ["[z ≥ 0] (S2's convention)", (z: number) => (z >= 0 ? 1 : 0)],
      ["½ at 0", (z: number) => (z > 0 ? 1 : z < 0 ? 0 : 0.5)],
    ],
    wrong: [
      ["[z < 0]", (z: number) => (z < 0 ? 1 : 0)],
      ["ReLU itself", (z: number) => Math.max(0, z)],
      ["sign(z)", Math.sign],
    ],
  },
};

// ---------------------------------------------------------------------------------------
// softmax family

const shifted: RowFunction = (z) => {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
};
const lse: RowScalar = (z) => {
  const m = Math.max(...z);
  return m + Math.log(z.reduce((s, v) => s + Math.exp(v - m), 0));
};
const lseReversed: RowScalar = (z) => {
  const m = Math.max(...z);
  let s = 0;
  for (let i = z.length - 1; i >= 0; i--) s += Math.exp(z[i] - m);
  return m + Math.log(s);
};
const lse1p: RowScalar = (z) => {
  const k = z.indexOf(Math.max(...z));
  const m = z[k];
  return m +
    Math.log1p(z.reduce((s, v, i) => (i === k ? s : s + Math.exp(v - m)), 0));
};

export const SOFTMAX_FAMILY: Record<string, Implementations> = {
  "softmax": {
    correct: [
      ["max-shifted", shifted],
      [
        "exp(z − lse z)",
        ((z) => {
          const l = lse(z);
          return z.map((v) => Math.exp(v - l));
        }) as RowFunction,
      ],
      [
        "shifted, reversed sum",
        ((z) => {
          const m = Math.max(...z);
          const e = z.map((v) => Math.exp(v - m));
          let s = 0;
          for (let i = e.length - 1; i >= 0; i--) s += e[i];
          return e.map((v) => v / s);
        }) as RowFunction,
      ],
    ],
    wrong: [
      [
        "unshifted (overflows)",
        ((z) => {
          const e = z.map(Math.exp);
          const s = e.reduce((a, b) => a + b, 0);
          return e.map((v) => v / s);
        }) as RowFunction,
      ],
      [
        "z/Σz (no exp)",
        ((z) => z.map((v) => v / z.reduce((a, b) => a + b, 0))) as RowFunction,
      ],
      ["softmax(2z)", ((z) => shifted(z.map((v) => 2 * v))) as RowFunction],
    ],
  },
  "log-sum-exp": {
    correct: [["m + log Σ e^(z − m)", lse], ["reversed sum", lseReversed], [
      "log1p form",
      lse1p,
    ]],
    wrong: [
      ["max only", ((z) => Math.max(...z)) as RowScalar],
      [
        "log10",
        ((z) =>
          Math.max(...z) +
          Math.log10(
            z.reduce((s, v) => s + Math.exp(v - Math.max(...z)), 0),
          )) as RowScalar,
      ],
      [
        "log Σ e^z (overflows)",
        ((z) => Math.log(z.reduce((s, v) => s + Math.exp(v), 0))) as RowScalar,
      ],
    ],
  },
  "softmax-cross-entropy": {
    correct: [
      ["lse(z) − y·z", ((z, y) => lse(z) - dot(y, z)) as RowLoss],
      [
        "−Σ y (z − lse z)",
        ((z, y) => {
          const l = lse1p(z);
          return -y.reduce((s, t, i) => s + (t === 0 ? 0 : t * (z[i] - l)), 0);
        }) as RowLoss,
      ],
      [
        "log Σ e^(z − m) − Σ y(z − m)",
        ((z, y) => {
          const m = Math.max(...z);
          return Math.log(z.reduce((s, v) => s + Math.exp(v - m), 0)) -
            dotReversed(y, z.map((v) => v - m));
        }) as RowLoss,
      ],
    ],
    wrong: [
      ["+Σ y log p (sign)", ((z, y) => dot(y, z) - lse(z)) as RowLoss],
      ["log10", ((z, y) => (lse(z) - dot(y, z)) / Math.LN10) as RowLoss],
      [
        "−Σ y log σ(z)",
        ((z, y) => -y.reduce((s, t, i) => s + t * Math.log(sig(z[i])), 0)) as RowLoss,
      ],
    ],
  },
  "binary-cross-entropy": {
    correct: [
      [
        "−(y log p + (1 − y) log(1 − p))",
        ((p, y) => -(y * Math.log(p) + (1 - y) * Math.log(1 - p))) as BinaryLoss,
      ],
      [
        "log1p(−p)",
        ((p, y) => -(y * Math.log(p) + (1 - y) * Math.log1p(-p))) as BinaryLoss,
      ],
      [
        "terms with y = 0 skipped",
        ((p, y) =>
          -((y === 0 ? 0 : y * Math.log(p)) +
            (y === 1 ? 0 : (1 - y) * Math.log(1 - p)))) as BinaryLoss,
      ],
    ],
    wrong: [
      [
        "sign",
        ((p, y) => y * Math.log(p) + (1 - y) * Math.log(1 - p)) as BinaryLoss,
      ],
      [
        "p and 1 − p swapped",
        ((p, y) => -(y * Math.log(1 - p) + (1 - y) * Math.log(p))) as BinaryLoss,
      ],
      [
        "log10",
        ((p, y) => -(y * Math.log10(p) + (1 - y) * Math.log10(1 - p))) as BinaryLoss,
      ],
    ],
  },
};

// ---------------------------------------------------------------------------------------
// regression

/** The normal equations XᵀXW = Xᵀy: correct in exact arithmetic, κ² in floating point. */
export const normalEquations: LeastSquaresSolverFunction = (X, y) => {
  const Xt = transpose(X);
  return solve(
    Xt.map((c) => Xt.map((d) => dot(c, d))),
    Xt.map((c) => dot(c, y)),
  );
};
const ridgeSolve =
  (n: (m: number) => number, penalise = true): RidgeSolverFunction => (X, y, lambda) => {
    const Xt = transpose(X), m = n(y.length);
    const A = Xt.map((c, i) =>
      Xt.map((d, j) => dot(c, d) / m + (i === j && (penalise || i > 0) ? lambda : 0))
    );
    return solve(A, Xt.map((c) => dot(c, y) / m));
  };

export const REGRESSION: Record<string, Implementations> = {
  "least-squares": {
    correct: [
      [
        "Householder QR",
        ((X, y) => householder(X, y)) as LeastSquaresSolverFunction,
      ],
      [
        "Householder QR, equilibrated columns, reversed sums",
        ((X, y) => householder(X, y, true, true)) as LeastSquaresSolverFunction,
      ],
      ["modified Gram–Schmidt (Björck)", mgs as LeastSquaresSolverFunction],
    ],
    wrong: [
      [
        "intercept column dropped",
        ((
          X,
          y,
        ) => [
          0,
          ...householder(X.map((r) => r.slice(1)), y),
        ]) as LeastSquaresSolverFunction,
      ],
      [
        "weights reversed",
        ((X, y) => householder(X, y).reverse()) as LeastSquaresSolverFunction,
      ],
      [
        "Xᵀy only (no solve)",
        ((X, y) => transpose(X).map((c) => dot(c, y))) as LeastSquaresSolverFunction,
      ],
    ],
  },
  "ridge": {
    correct: [
      ["(XᵀX/m + λI) solve", ridgeSolve((m) => m)],
      [
        "QR of [X/√m; √λ I]",
        ((X, y, lambda) => {
          const m = y.length, n = X[0].length;
          const A = [
            ...X.map((r) => r.map((v) => v / Math.sqrt(m))),
            ...Array.from(
              { length: n },
              (_, i) =>
                Array.from(
                  { length: n },
                  (_, j) => (i === j ? Math.sqrt(lambda) : 0),
                ),
            ),
          ];
          return householder(A, [
            ...y.map((v) => v / Math.sqrt(m)),
            ...new Array(n).fill(0),
          ]);
        }) as RidgeSolverFunction,
      ],
      [
        "(XᵀX + mλI) solve",
        ((X, y, lambda) => ridgeSolve(() => 1)(X, y, lambda * y.length)) as RidgeSolverFunction,
      ],
    ],
    wrong: [
      ["1/m dropped", ridgeSolve(() => 1)],
      ["intercept not penalised", ridgeSolve((m) => m, false)],
      [
        "λ/2",
        ((X, y, lambda) => ridgeSolve((m) => m)(X, y, lambda / 2)) as RidgeSolverFunction,
      ],
    ],
  },
  "gd-step": {
    correct: [
      [
        "W − η(1/m)Xᵀ(XW − y)",
        ((W, X, y, eta) => {
          const r = X.map((row, i) => dot(row, W) - y[i]);
          return W.map((w, j) => w - (eta * dot(X.map((row) => row[j]), r)) / y.length);
        }) as GradientStep,
      ],
      [
        "reversed sums",
        ((W, X, y, eta) => {
          const r = X.map((row, i) => dotReversed(row, W) - y[i]);
          return W.map((w, j) => w - eta * (dotReversed(X.map((row) => row[j]), r) / y.length));
        }) as GradientStep,
      ],
      [
        "Kahan sums, η/m first",
        ((W, X, y, eta) => {
          const r = X.map((row, i) => dotKahan(row, W) - y[i]);
          return W.map((w, j) => w - (eta / y.length) * dotKahan(X.map((row) => row[j]), r));
        }) as GradientStep,
      ],
    ],
    wrong: [
      [
        "1/m dropped",
        ((W, X, y, eta) =>
          W.map((w, j) =>
            w -
            eta * dot(
                X.map((r) => r[j]),
                X.map((row, i) => dot(row, W) - y[i]),
              )
          )) as GradientStep,
      ],
      [
        "ascent",
        ((W, X, y, eta) =>
          W.map((w, j) =>
            w +
            eta * dot(
                X.map((r) => r[j]),
                X.map((row, i) => dot(row, W) - y[i]),
              ) /
              y.length
          )) as GradientStep,
      ],
      [
        "2/m",
        ((W, X, y, eta) =>
          W.map((w, j) =>
            w -
            2 * eta * dot(
                X.map((r) => r[j]),
                X.map((row, i) => dot(row, W) - y[i]),
              ) /
              y.length
          )) as GradientStep,
      ],
    ],
  },
  "sgd-step": {
    correct: [
      [
        "batch mean",
        ((W, X, y, B, eta) => {
          const g = W.map((_, j) =>
            B.reduce((s, i) => s + X[i][j] * (dot(X[i], W) - y[i]), 0) /
            B.length
          );
          return W.map((w, j) => w - eta * g[j]);
        }) as SgdStepFunction,
      ],
      [
        "reversed batch",
        ((W, X, y, B, eta) => {
          const g = W.map(() => 0);
          for (let k = B.length - 1; k >= 0; k--) {
            const r = dotReversed(X[B[k]], W) - y[B[k]];
            X[B[k]].forEach((v, j) => (g[j] += v * r));
          }
          return W.map((w, j) => w - (eta * g[j]) / B.length);
        }) as SgdStepFunction,
      ],
      [
        "Kahan",
        ((W, X, y, B, eta) =>
          W.map((w, j) =>
            w - (eta / B.length) * dotKahan(
                B.map((i) => X[i][j]),
                B.map((i) => dotKahan(X[i], W) - y[i]),
              )
          )) as SgdStepFunction,
      ],
    ],
    wrong: [
      [
        "divides by m",
        ((W, X, y, B, eta) =>
          W.map((w, j) =>
            w -
            eta * B.reduce((s, i) => s + X[i][j] * (dot(X[i], W) - y[i]), 0) /
              y.length
          )) as SgdStepFunction,
      ],
      [
        "online inside the batch",
        ((W, X, y, B, eta) => {
          let V = [...W];
          for (const i of B) {
            const r = dot(X[i], V) - y[i];
            V = V.map((w, j) => w - (eta * X[i][j] * r) / B.length);
          }
          return V;
        }) as SgdStepFunction,
      ],
      [
        "first sample only",
        ((W, X, y, B, eta) =>
          W.map((w, j) => w - eta * X[B[0]][j] * (dot(X[B[0]], W) - y[B[0]]))) as SgdStepFunction,
      ],
    ],
  },
};

// ---------------------------------------------------------------------------------------
// networks

type Act = (z: number[]) => number[];
const ACT: Record<string, Act> = {
  sigmoid: (z) => z.map(sig),
  tanh: (z) => z.map(Math.tanh),
  relu: (z) => z.map((v) => Math.max(0, v)),
  identity: (z) => [...z],
  softmax: shifted,
};
const DACT: Record<string, (z: number, a: number) => number> = {
  sigmoid: (_, a) => a * (1 - a),
  tanh: (_, a) => 1 - a * a,
  relu: (z) => (z > 0 ? 1 : 0),
  identity: () => 1,
};

function forwardRows(
  layers: NetworkLayer[],
  X: number[][],
  opts: { bias?: boolean; d?: typeof dot; swap?: Record<string, string> } = {},
) {
  const d = opts.d ?? dot;
  const zs: number[][][] = [], as: number[][][] = [X];
  let a = X;
  for (const layer of layers) {
    const Wt = transpose(layer.W);
    const z = a.map((row) =>
      Wt.map((col, j) => d(row, col) + (opts.bias === false ? 0 : layer.b[j]))
    );
    const name = opts.swap?.[layer.activation] ?? layer.activation;
    a = z.map((row) => ACT[name](row));
    zs.push(z);
    as.push(a);
  }
  return { zs, as };
}

export const NETWORK: Record<string, Implementations> = {
  "forward": {
    correct: [
      [
        "row by row",
        ((layers, X) => forwardRows(layers, X).as.at(-1)!) as ForwardPass,
      ],
      [
        "reversed dot products",
        ((layers, X) => forwardRows(layers, X, { d: dotReversed }).as.at(-1)!) as ForwardPass,
      ],
      [
        "bias first, Kahan",
        ((layers, X) => {
          let a = X;
          for (const l of layers) {
            a = a.map((row) =>
              ACT[l.activation](
                l.b.map((b, j) => b + dotKahan(row, l.W.map((r) => r[j]))),
              )
            );
          }
          return a;
        }) as ForwardPass,
      ],
    ],
    wrong: [
      [
        "biases ignored",
        ((layers, X) => forwardRows(layers, X, { bias: false }).as.at(-1)!) as ForwardPass,
      ],
      [
        "σ everywhere",
        ((layers, X) =>
          forwardRows(layers, X, {
            swap: { tanh: "sigmoid", relu: "sigmoid", identity: "sigmoid" },
          }).as.at(-1)!) as ForwardPass,
      ],
      [
        "W transposed in use",
        ((layers, X) => {
          let a = X;
          for (const l of layers) {
            a = a.map((row) => ACT[l.activation](l.b.map((b, j) => b + dot(row, l.W[j] ?? []))));
          }
          return a;
        }) as ForwardPass,
      ],
    ],
  },
};

function backwardWith(
  opts: {
    prime?: boolean;
    bias?: boolean;
    factor?: number;
    perSample?: boolean;
    d?: typeof dot;
  },
): BackwardPass {
  return (layers, X, Y, s) => {
    const run = (Xs: number[][], Ys: number[][]) => {
      const { zs, as } = forwardRows(layers, Xs, {
        bias: opts.bias,
        d: opts.d,
      });
      const L = layers.length;
      let delta = as[L].map((row, i) =>
        row.map((a, j) => {
          const g = (opts.factor ?? 2) * s * (a - Ys[i][j]);
          return opts.prime === false ? g : g * DACT[layers[L - 1].activation](zs[L - 1][i][j], a);
        })
      );
      const weights: number[][][] = [],
        biases: number[][] = [],
        deltas: number[][][] = [];
      for (let l = L - 1; l >= 0; l--) {
        deltas[l] = delta;
        weights[l] = transpose(as[l]).map((col) =>
          transpose(delta).map((dcol) => (opts.d ?? dot)(col, dcol))
        );
        biases[l] = transpose(delta).map((dcol) => dcol.reduce((a, b) => a + b, 0));
        if (l > 0) {
          const W = layers[l].W;
          delta = delta.map((row, i) =>
            W.map((wrow, k) => {
              const back = (opts.d ?? dot)(wrow, row);
              return opts.prime === false ? back : back *
                DACT[layers[l - 1].activation](zs[l - 1][i][k], as[l][i][k]);
            })
          );
        }
      }
      return { weights, biases, deltas };
    };
    if (!opts.perSample) return run(X, Y);
    const parts = X.map((x, i) => run([x], [Y[i]]));
    return {
      weights: parts[0].weights.map((W, l) =>
        W.map((r, a) => r.map((_, b) => parts.reduce((t, p) => t + p.weights[l][a][b], 0)))
      ),
      biases: parts[0].biases.map((v, l) =>
        v.map((_, j) => parts.reduce((t, p) => t + p.biases[l][j], 0))
      ),
      deltas: parts[0].deltas.map((_, l) => parts.map((p) => p.deltas[l][0])),
    };
  };
}

const BACKWARD_IMPLEMENTATIONS: Implementations = {
  correct: [
    ["δ recursion, batch", backwardWith({})],
    ["δ recursion per sample, summed", backwardWith({ perSample: true })],
    ["reversed sums", backwardWith({ d: dotReversed })],
  ],
  wrong: [
    ["f′ missing", backwardWith({ prime: false })],
    ["biases ignored", backwardWith({ bias: false })],
    ["factor 2 dropped", backwardWith({ factor: 1 })],
  ],
};
NETWORK["backward"] = BACKWARD_IMPLEMENTATIONS;
NETWORK["backward-delta"] = BACKWARD_IMPLEMENTATIONS;

// ---------------------------------------------------------------------------------------
// classification and graphs

const logisticWith = (
  d: typeof dot,
  scale: (m: number) => number,
  sign = 1,
  prime = false,
): LogisticGradient =>
(X, y, w) => {
  const r = X.map((row, i) => {
    const p = sig(d(row, w));
    return sign * (p - y[i]) * (prime ? p * (1 - p) : 1);
  });
  return w.map((_, j) => d(X.map((row) => row[j]), r) / scale(y.length));
};

const perceptronWith = (
  opts: { test?: (m: number) => boolean; bias?: boolean; sign?: number } = {},
): PerceptronUpdate =>
(w, b, x, y, eta) => {
  const m = y * (dot(w, x) + b);
  if ((opts.test ?? ((v) => v <= 0))(m)) {
    const s = opts.sign ?? 1;
    return {
      w: w.map((v, i) => v + s * eta * y * x[i]),
      b: opts.bias === false ? b : b + s * eta * y,
    };
  }
  return { w, b };
};

type Dual = [number, number];
const OPS: Record<
  string,
  { f: (...a: number[]) => number; d: (...a: number[]) => number[] }
> = {
  add: { f: (a, b) => a + b, d: () => [1, 1] },
  sub: { f: (a, b) => a - b, d: () => [1, -1] },
  mul: { f: (a, b) => a * b, d: (a, b) => [b, a] },
  div: { f: (a, b) => a / b, d: (a, b) => [1 / b, -a / (b * b)] },
  pow: {
    f: (a, b) => a ** b,
    d: (a, b) => [b * a ** (b - 1), a > 0 ? a ** b * Math.log(a) : 0],
  },
  neg: { f: (a) => -a, d: () => [-1] },
  exp: { f: Math.exp, d: (a) => [Math.exp(a)] },
  log: { f: Math.log, d: (a) => [1 / a] },
  sin: { f: Math.sin, d: (a) => [Math.cos(a)] },
  cos: { f: Math.cos, d: (a) => [-Math.sin(a)] },
  tanh: { f: Math.tanh, d: (a) => [1 - Math.tanh(a) ** 2] },
  sigmoid: { f: sig, d: (a) => [sig(a) * (1 - sig(a))] },
  square: { f: (a) => a * a, d: (a) => [2 * a] },
  sqrt: { f: Math.sqrt, d: (a) => [0.5 / Math.sqrt(a)] },
};

const reverseMode = (accumulate = true): GraphGradient => (g) => {
  const env = new Map<string, number>(
    g.variables.map((v, i) => [v, g.values[i]]),
  );
  const tape = g.nodes.map(([name, op, ...args]) => {
    const vals = args.map((a) => (typeof a === "string" ? env.get(a)! : a));
    env.set(name as string, OPS[op as string].f(...vals));
    return { name: name as string, op: op as string, args, vals };
  });
  const adj = new Map<string, number>([[g.output, 1]]);
  for (const { name, op, args, vals } of tape.reverse()) {
    const a = adj.get(name);
    if (a === undefined) continue;
    OPS[op].d(...vals).forEach((p, k) => {
      const arg = args[k];
      if (typeof arg === "string") {
        adj.set(arg, (accumulate ? adj.get(arg) ?? 0 : 0) + a * p);
      }
    });
  }
  return g.variables.map((v) => adj.get(v) ?? 0);
};

const forwardMode: GraphGradient = (g) =>
  g.variables.map((_, k) => {
    const env = new Map<string, Dual>(
      g.variables.map((v, i) => [v, [g.values[i], i === k ? 1 : 0]]),
    );
    for (const [name, op, ...args] of g.nodes) {
      const vals = args.map((
        a,
      ): Dual => (typeof a === "string" ? env.get(a)! : [a, 0]));
      const o = OPS[op as string];
      const partials = o.d(...vals.map((v) => v[0]));
      env.set(name as string, [
        o.f(...vals.map((v) => v[0])),
        partials.reduce((s, p, i) => s + p * vals[i][1], 0),
      ]);
    }
    return env.get(g.output)![1];
  });

export const CLASSIFY: Record<string, Implementations> = {
  "logistic-gradient": {
    correct: [
      ["Xᵀ(σ(Xw) − y)/m", logisticWith(dot, (m) => m)],
      ["reversed sums", logisticWith(dotReversed, (m) => m)],
      ["Kahan sums", logisticWith(dotKahan, (m) => m)],
    ],
    wrong: [
      ["1/m dropped", logisticWith(dot, () => 1)],
      ["sign", logisticWith(dot, (m) => m, -1)],
      [
        "squared-loss gradient (σ′ factor)",
        logisticWith(dot, (m) => m, 1, true),
      ],
    ],
  },
  "perceptron-update": {
    correct: [
      ["y(w·x + b) ≤ 0", perceptronWith()],
      ["sign test", perceptronWith({ test: (m) => !(Math.sign(m) > 0) })],
      [
        "in place on copies",
        ((w, b, x, y, eta) => {
          const W = [...w];
          let B = b;
          if (y * (dotReversed(W, x) + B) <= 0) {
            for (let i = 0; i < W.length; i++) W[i] += eta * y * x[i];
            B += eta * y;
          }
          return { w: W, b: B };
        }) as PerceptronUpdate,
      ],
    ],
    wrong: [
      ["updates when right", perceptronWith({ test: (m) => m > 0 })],
      ["bias frozen", perceptronWith({ bias: false })],
      ["w − ηyx", perceptronWith({ sign: -1 })],
    ],
  },
  "graph-gradient": {
    correct: [["reverse mode", reverseMode()], [
      "forward mode (dual numbers)",
      forwardMode,
    ], [
      "reverse mode, second run",
      ((g) => reverseMode()(JSON.parse(JSON.stringify(g)))) as GraphGradient,
    ]],
    wrong: [
      ["adjoints overwritten", reverseMode(false)],
      [
        "central differences h = 1e−6",
        ((g) =>
          g.variables.map((_, k) => {
            const at = (h: number) => {
              const env = new Map<string, number>(
                g.variables.map((v, i) => [v, g.values[i] + (i === k ? h : 0)]),
              );
              for (const [name, op, ...args] of g.nodes) {
                env.set(
                  name as string,
                  OPS[op as string].f(
                    ...args.map((
                      a,
                    ) => (typeof a === "string" ? env.get(a)! : a)),
                  ),
                );
              }
              return env.get(g.output)!;
            };
            return (at(1e-6) - at(-1e-6)) / 2e-6;
          })) as GraphGradient,
      ],
      ["sign", ((g) => reverseMode()(g).map((v) => -v)) as GraphGradient],
    ],
  },
};

/** Every concept's implementations, by concept name. */
export const IMPLEMENTATIONS: Record<string, Implementations> = {
  ...ELEMENTWISE,
  ...SOFTMAX_FAMILY,
  ...REGRESSION,
  ...NETWORK,
  ...CLASSIFY,
};
