// Issue 12's scale targets, timed: assertAllClose on 10⁷ entries (linear, no allocation per
// entry on the passing path), SGD without replacement at O(batch) per step on 10⁶ rows
// (the pool sampler, beside numpy's legacy choice, which shuffles all m rows every step),
// and symmetricEigen (cyclic Jacobi) at n = 200, which converges in ~9 sweeps now instead
// of running out its 100. Each case checks its result once before it is timed.
import { assertAllClose } from "../oracle/assert_close.ts";
import { createMatrix } from "../lib/linalg/matrix.ts";
import { symmetricEigen } from "../lib/linalg/symmetric_eigen.ts";
import { stochasticGradientDescent } from "../lib/optim/sgd.ts";
import { RandomState } from "../lib/random/random_state.ts";
import { type Options, Suite } from "./_harness.ts";

function registerAssertClose(suite: Suite, options: Options): void {
  const n = options.smoke ? 10_000 : 10_000_000;
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = Math.sin(i);
  const b = a.slice();
  b[n - 1] = a[n - 1] + a[n - 1] * 2 ** -52; // 1 ulp: inside { ulps: 2 }, outside {}
  const rows = Array.from(
    { length: n / 10 },
    (_, i) => Array.from(a.subarray(10 * i, 10 * i + 10)),
  );
  const concept = `assertAllClose n=${n}`;
  const base = { family: "reliability", concept, kind: "variant" } as const;
  suite.add({
    ...base,
    name: "Float64Array, { ulps: 2 }",
    baseline: true,
    setup: () => {
      let failed = false;
      try {
        assertAllClose(a, b, {});
      } catch {
        failed = true;
      }
      if (!failed) throw new Error("assertAllClose: a 1-ulp difference passed as exact");
      return () => assertAllClose(a, b, { ulps: 2 });
    },
  });
  suite.add({
    ...base,
    name: "Float64Array, { rtol: 1e-15 }",
    setup: () => () => assertAllClose(a, b, { rtol: 1e-15 }),
  });
  suite.add({
    ...base,
    name: `nested rows (${n / 10}×10), { ulps: 2 }`,
    setup: () => () => assertAllClose(rows, rows, { ulps: 2 }),
  });
}

function registerSgd(suite: Suite, options: Options): void {
  const m = options.smoke ? 10_000 : 1_000_000, steps = options.smoke ? 20 : 200, b = 32;
  const random = new RandomState(5);
  const x = createMatrix(m, 2);
  const y = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const t = random.uniform(-1, 1);
    x.data[2 * i] = 1;
    x.data[2 * i + 1] = t;
    y[i] = 0.5 + 2 * t + 0.01 * random.standardNormal();
  }
  const concept = `SGD ${steps} steps of b=${b}, m=${m}`;
  const base = { family: "reliability", concept, kind: "variant" } as const;
  const run = (replace: boolean) =>
    stochasticGradientDescent(x, y, {
      schedule: { kind: "constant", learningRate: 0.1 },
      batchSize: b,
      replace,
      seed: 1,
      stop: { kind: "iterations", count: steps },
      maxIterations: steps,
    });
  for (const replace of [true, false]) {
    suite.add({
      ...base,
      name: replace ? "with replacement (randint)" : "without replacement (pool, O(b))",
      baseline: replace,
      setup: () => {
        const result = run(replace);
        if (result.iterations !== steps) throw new Error(`SGD made ${result.iterations} steps`);
        return () => run(replace);
      },
    });
  }
  // The sampling alone of the former sampler, for comparison: numpy's legacy
  // choice(m, b, False) permutes all m indices for every batch.
  suite.add({
    ...base,
    name: "former: legacy choice(m, b, false) per step (sampling only)",
    setup: () => {
      const legacy = new RandomState(1);
      return () => {
        for (let t = 0; t < steps; t++) legacy.choice(m, b, false);
      };
    },
  });
}

function registerEigen(suite: Suite, options: Options): void {
  const n = options.smoke ? 20 : 200;
  const random = new RandomState(1);
  const a = createMatrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const v = random.standardNormal();
      a.data[i * n + j] = v;
      a.data[j * n + i] = v;
    }
  }
  suite.add({
    family: "reliability",
    concept: `symmetricEigen n=${n}`,
    name: "cyclic Jacobi",
    kind: "variant",
    baseline: true,
    flops: 0,
    setup: () => {
      const result = symmetricEigen(a);
      if (result.status !== "converged") throw new Error(`Jacobi: ${result.status}`);
      return () => symmetricEigen(a);
    },
  });
}

export function registerReliability(suite: Suite, options: Options): void {
  registerAssertClose(suite, options);
  registerSgd(suite, options);
  registerEigen(suite, options);
}
