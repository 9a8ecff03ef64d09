// Row softmax, log-softmax and log-sum-exp of a 1000 × 1000 matrix: every variant of
// SOFTMAX_VARIANTS (shifted is the reference), LOG_SOFTMAX_VARIANTS and
// LOG_SUM_EXP_VARIANTS, the two-core ones when the run has them, and the peers (tfjs has
// softmax; ml-matrix and mathjs are composed). Error column: the largest distance, in
// doubles, from mpmath's correctly rounded values on fixtures/wasm/vecmath.json's two
// rows of 1000 logits uniform in [−10, 10) (the benchmark's kind).
import { LOG_SOFTMAX_VARIANTS, LOG_SUM_EXP_VARIANTS, SOFTMAX_VARIANTS } from "../lib/variants.ts";
import { softmaxRows } from "../lib/activation/softmax.ts";
import { createMatrix, fromRows, type Matrix } from "../lib/linalg/matrix.ts";
import { ulpDistance } from "../oracle/ulp.ts";
import { parseFixtures } from "../oracle/fixture.ts";
import vecmathJson from "../fixtures/wasm/vecmath.json" with { type: "json" };
import { type Case, check, flat, type Options, randomMatrix, Suite, toArrays } from "./_harness.ts";
import { addTfPeers, math, mathExp, MlMatrix, tf } from "./_peers.ts";

const rowsFixture = parseFixtures(vecmathJson, "vecmath").find((f) => f.id === "wasm.rows.points")!;
const wide = fromRows(rowsFixture.input.wide as number[][]);

function maxUlps(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    worst = Math.max(worst, ulpDistance(actual[i], expected[i]));
  }
  return worst;
}

type RowsKernel = (m: Matrix, out?: Matrix) => Matrix;

export function registerSoftmax(suite: Suite, options: Options): void {
  const n = options.smoke ? 20 : 1000;
  const concept = `softmax rows ${n}x${n}`;
  const m = randomMatrix(n, n, 8);
  for (let i = 0; i < m.data.length; i++) m.data[i] *= 10; // logits in [−10, 10)
  const reference = softmaxRows(m).data;
  const base = { family: "softmax", concept } as const;
  const cores = options.twoCore;
  const rowKernels = (variants: Record<string, RowsKernel>, twoCore?: RowsKernel) => {
    const all: [string, RowsKernel, number?][] = Object.entries(variants).map(([k, v]) => [k, v]);
    if (twoCore) all.push(["twoCore", twoCore, 2]);
    return all;
  };
  const expectedWide = (key: string) => (rowsFixture.expected[key] as number[][]).flat();
  for (const [name, kernel, threads] of rowKernels(SOFTMAX_VARIANTS, cores?.softmaxRows)) {
    const entry: Case = {
      ...base,
      name,
      kind: "variant",
      baseline: kernel === softmaxRows,
      ...(threads ? { threads } : {}),
      setup: () => {
        const out = createMatrix(n, n);
        check(`softmax/${name}`, kernel(m, out).data, reference, 1e-13, 1e-300);
        entry.accuracy = { maxUlps: maxUlps(kernel(wide).data, expectedWide("softmax_wide")) };
        return () => kernel(m, out);
      },
    };
    suite.add(entry);
  }
  const logConcept = `log-softmax rows ${n}x${n}`;
  const logReference = LOG_SOFTMAX_VARIANTS.rows(m).data;
  for (const [name, kernel, threads] of rowKernels(LOG_SOFTMAX_VARIANTS, cores?.logSoftmaxRows)) {
    const entry: Case = {
      family: "softmax",
      concept: logConcept,
      name,
      kind: "variant",
      baseline: name === "rows",
      ...(threads ? { threads } : {}),
      setup: () => {
        const out = createMatrix(n, n);
        check(`log-softmax/${name}`, kernel(m, out).data, logReference, 1e-13, 1e-13);
        entry.accuracy = { maxUlps: maxUlps(kernel(wide).data, expectedWide("logSoftmax_wide")) };
        return () => kernel(m, out);
      },
    };
    suite.add(entry);
  }
  const lseConcept = `log-sum-exp rows ${n}x${n}`;
  const lseReference = LOG_SUM_EXP_VARIANTS.rows(m);
  for (const [name, kernel] of Object.entries(LOG_SUM_EXP_VARIANTS)) {
    const entry: Case = {
      family: "softmax",
      concept: lseConcept,
      name,
      kind: "variant",
      baseline: name === "rows",
      setup: () => {
        const out = new Float64Array(n);
        check(`log-sum-exp/${name}`, kernel(m, out), lseReference, 1e-14, 0);
        entry.accuracy = {
          maxUlps: maxUlps(kernel(wide), rowsFixture.expected.logSumExp_wide as number[]),
        };
        return () => kernel(m, out);
      },
    };
    suite.add(entry);
  }
  const ml = new MlMatrix(toArrays(m));
  suite.add({
    ...base,
    name: "ml-matrix",
    kind: "peer",
    note: "composed: subtract row max, exp, divide by row sum",
    setup: () => {
      const softmax = () => {
        const maxima = Array.from({ length: n }, (_, i) => ml.maxRow(i));
        const e = ml.clone().subColumnVector(maxima).exp();
        return e.divColumnVector(e.sum("row"));
      };
      check("ml-matrix softmax", flat(softmax().to2DArray()), reference, 1e-13, 1e-300);
      return softmax;
    },
  });
  const rows = toArrays(m);
  suite.add({
    ...base,
    name: "mathjs",
    kind: "peer",
    note: "composed per row: exp(subtract(r, max r)) / sum",
    setup: () => {
      const softmax = () =>
        rows.map((r) => {
          const e = mathExp(math.subtract(r, math.max(r))) as number[];
          return math.divide(e, math.sum(e));
        });
      check("mathjs softmax", flat(softmax()), reference, 1e-13, 1e-300);
      return softmax;
    },
  });
  addTfPeers(suite, base, {
    what: "softmax",
    prepare: () => {
      const t = tf.tensor2d(Float32Array.from(m.data), [n, n]);
      return () => tf.softmax(t);
    },
    reference,
    rtol: 1e-3,
    atol: 1e-7,
  });
}
