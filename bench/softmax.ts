// Row softmax of a 1000 × 1000 matrix: every SOFTMAX_VARIANTS kernel (shifted is the
// reference) and the peers (tfjs has softmax; ml-matrix and mathjs are composed).
import { SOFTMAX_VARIANTS, softmaxRows } from "../lib/activation/softmax.ts";
import { createMatrix } from "../lib/linalg/matrix.ts";
import { check, flat, type Options, randomMatrix, Suite, toArrays } from "./_harness.ts";
import { addTfPeers, math, mathExp, MlMatrix, tf } from "./_peers.ts";

export function registerSoftmax(suite: Suite, options: Options): void {
  const n = options.smoke ? 20 : 1000;
  const concept = `softmax rows ${n}x${n}`;
  const m = randomMatrix(n, n, 8);
  for (let i = 0; i < m.data.length; i++) m.data[i] *= 10; // logits in [−10, 10)
  const reference = softmaxRows(m).data;
  const base = { family: "softmax", concept } as const;
  for (const [name, kernel] of Object.entries(SOFTMAX_VARIANTS)) {
    suite.add({
      ...base,
      name,
      kind: "variant",
      baseline: kernel === softmaxRows,
      setup: () => {
        const out = createMatrix(n, n);
        check(`softmax/${name}`, kernel(m, out).data, reference, 1e-13, 1e-300);
        return () => kernel(m, out);
      },
    });
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
