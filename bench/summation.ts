// Σxᵢ of 10⁶ doubles of mixed magnitude: every SUM_VARIANTS kernel (naive is the
// baseline), each reported with its error in ulps from the correctly rounded sum, and
// the peers. lib/series is looked up at run time so that this file works before and
// after the series module lands.
import { ulpDistance } from "../oracle/ulp.ts";
import { RandomState } from "../lib/random/random_state.ts";
import { type Case, type Options, Suite } from "./_harness.ts";
import { exactSum } from "./_exact_sum.ts";
import { hasTfBackend, math, MlMatrix, tf, type TfBackend, useTfBackend } from "./_peers.ts";

type SumKernel = (values: ArrayLike<number>) => number;

const CANDIDATE_MODULES = [
  "../lib/series/sum.ts",
  "../lib/series/summation.ts",
  "../lib/series/compensated_sum.ts",
];

async function findSumVariants(): Promise<Record<string, SumKernel> | null> {
  for (const path of CANDIDATE_MODULES) {
    try {
      const module = await import(path);
      if (module.SUM_VARIANTS) return module.SUM_VARIANTS as Record<string, SumKernel>;
    } catch {
      // not there (yet)
    }
  }
  return null;
}

export async function registerSummation(suite: Suite, options: Options): Promise<void> {
  const n = options.smoke ? 1000 : 1_000_000;
  const rng = new RandomState(11);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = rng.uniform(-1, 1) * 2 ** rng.randint(-20, 21);
  const exact = exactSum(values);
  const concept = `sum n=${n}`;
  const base = { family: "summation", concept } as const;
  const variants = await findSumVariants();
  if (variants === null) {
    suite.note(
      `summation: no SUM_VARIANTS in lib/series yet (looked in ${CANDIDATE_MODULES.join(", ")})`,
    );
  }
  const entries = Object.entries(variants ?? {});
  const referenceName = entries.some(([name]) => name === "naive") ? "naive" : entries[0]?.[0];
  // The bound every kernel must meet: the naive recursive sum's a-priori bound
  // (n − 1)·u·Σ|xᵢ| (Higham, Accuracy and Stability, (4.4)).
  let absoluteSum = 0;
  for (let i = 0; i < n; i++) absoluteSum += Math.abs(values[i]);
  const bound = (n - 1) * 2 ** -53 * absoluteSum * 1.01;
  const checkSum = (what: string, sum: number, entry: Case) => {
    if (!(Math.abs(sum - exact) <= bound)) {
      throw new Error(
        `${what}: ${sum} is farther than (n−1)u·Σ|x| = ${bound} from the exact ${exact}`,
      );
    }
    entry.accuracy = {
      maxUlps: ulpDistance(sum, exact),
      lre: sum === exact ? 17 : -Math.log10(Math.abs((sum - exact) / exact)),
    };
  };
  for (const [name, kernel] of entries) {
    const entry: Case = {
      ...base,
      name,
      kind: "variant",
      baseline: name === referenceName,
      setup: () => {
        checkSum(`sum/${name}`, kernel(values), entry);
        return () => kernel(values);
      },
    };
    suite.add(entry);
  }
  const ml = MlMatrix.rowVector(values);
  const mlEntry: Case = {
    ...base,
    name: "ml-matrix",
    kind: "peer",
    setup: () => {
      checkSum("ml-matrix sum", ml.sum(), mlEntry);
      return () => ml.sum();
    },
  };
  suite.add(mlEntry);
  const array = Array.from(values);
  const mathEntry: Case = {
    ...base,
    name: "mathjs",
    kind: "peer",
    setup: () => {
      checkSum("mathjs sum", math.sum(array), mathEntry);
      return () => math.sum(array);
    },
  };
  suite.add(mathEntry);
  for (const backend of ["cpu", "wasm"] as TfBackend[]) {
    if (!hasTfBackend(backend)) continue;
    const entry: Case = {
      ...base,
      name: `tfjs-${backend}`,
      float32: true,
      kind: "peer",
      note: "float32: error reported against the float64 sum, not checked against the bound",
      setup: async () => {
        await useTfBackend(backend);
        const t = tf.tensor1d(Float32Array.from(values));
        const s = tf.sum(t);
        const sum = s.dataSync()[0];
        s.dispose();
        entry.accuracy = {
          maxUlps: ulpDistance(sum, exact),
          lre: -Math.log10(Math.abs((sum - exact) / exact)),
        };
        return () => tf.sum(t).dispose();
      },
    };
    suite.add(entry);
  }
}
