// Matrix-vector product y = Ax and the dot product xᵀy: every registered kernel (the
// first is the reference and baseline) and the peers.
import * as matvecModule from "../lib/linalg/matvec.ts";
import { check, type Options, randomMatrix, randomVector, Suite, toArrays } from "./_harness.ts";
import { addTfPeers, FLOAT32_RTOL, math, MlMatrix, tf } from "./_peers.ts";

type MatvecKernel = typeof matvecModule.matvec;
type DotKernel = typeof matvecModule.dot;

function registry<T>(name: string, fallback: Record<string, T>): Record<string, T> {
  const found = (matvecModule as Record<string, unknown>)[name];
  return (found ?? fallback) as Record<string, T>;
}

export function registerMatvec(suite: Suite, options: Options): void {
  const n = options.smoke ? 32 : 1000;
  const concept = `matvec n=${n}`;
  const a = randomMatrix(n, n, 3), x = randomVector(n, 4);
  const variants = registry<MatvecKernel>("MATVEC_VARIANTS", { matvec: matvecModule.matvec });
  const [referenceName, referenceKernel] = Object.entries(variants)[0];
  const reference = referenceKernel(a, x);
  const base = { family: "matvec", concept, flops: 2 * n * n } as const;
  for (const [name, kernel] of Object.entries(variants)) {
    suite.add({
      ...base,
      name,
      kind: "variant",
      baseline: name === referenceName,
      setup: () => {
        const out = new Float64Array(n);
        check(`matvec/${name}`, kernel(a, x, out), reference, 1e-13, 1e-13);
        return () => kernel(a, x, out);
      },
    });
  }
  const mlA = new MlMatrix(toArrays(a)), mlX = MlMatrix.columnVector(Array.from(x));
  suite.add({
    ...base,
    name: "ml-matrix",
    kind: "peer",
    setup: () => {
      check("ml-matrix mmul", mlA.mmul(mlX).getColumn(0), reference, 1e-12, 1e-13);
      return () => mlA.mmul(mlX);
    },
  });
  const mjA = math.matrix(toArrays(a)), mjX = math.matrix(Array.from(x));
  suite.add({
    ...base,
    name: "mathjs",
    kind: "peer",
    setup: () => {
      check(
        "mathjs multiply",
        (math.multiply(mjA, mjX)).toArray() as number[],
        reference,
        1e-12,
        1e-13,
      );
      return () => math.multiply(mjA, mjX);
    },
  });
  addTfPeers(suite, base, {
    what: "matMul",
    prepare: () => {
      const ta = tf.tensor2d(Float32Array.from(a.data), [n, n]);
      const tx = tf.tensor2d(Float32Array.from(x), [n, 1]);
      return () => tf.matMul(ta, tx);
    },
    reference,
    rtol: FLOAT32_RTOL,
    atol: 1e-4 * Math.sqrt(n),
  });

  // dot product of two long vectors
  const length = options.smoke ? 1000 : 1_000_000;
  const dotConcept = `dot n=${length}`;
  const u = randomVector(length, 5), v = randomVector(length, 6);
  const dots = registry<DotKernel>("DOT_VARIANTS", { dot: matvecModule.dot });
  const [dotReferenceName, dotReferenceKernel] = Object.entries(dots)[0];
  const dotReference = dotReferenceKernel(u, v);
  const dotBase = { family: "matvec", concept: dotConcept, flops: 2 * length } as const;
  for (const [name, kernel] of Object.entries(dots)) {
    suite.add({
      ...dotBase,
      name,
      kind: "variant",
      baseline: name === dotReferenceName,
      setup: () => {
        check(`dot/${name}`, [kernel(u, v)], [dotReference], 1e-12, 1e-12);
        return () => kernel(u, v);
      },
    });
  }
  const mlU = MlMatrix.rowVector(u), mlV = MlMatrix.rowVector(v);
  suite.add({
    ...dotBase,
    name: "ml-matrix",
    kind: "peer",
    setup: () => {
      check("ml-matrix dot", [mlU.dot(mlV)], [dotReference], 1e-12, 1e-12);
      return () => mlU.dot(mlV);
    },
  });
  const mjU = Array.from(u), mjV = Array.from(v);
  suite.add({
    ...dotBase,
    name: "mathjs",
    kind: "peer",
    setup: () => {
      check("mathjs dot", [math.dot(mjU, mjV)], [dotReference], 1e-12, 1e-12);
      return () => math.dot(mjU, mjV);
    },
  });
  addTfPeers(suite, dotBase, {
    what: "dot",
    prepare: () => {
      const tu = tf.tensor1d(Float32Array.from(u)), tv = tf.tensor1d(Float32Array.from(v));
      return () => tf.dot(tu, tv);
    },
    reference: [dotReference],
    rtol: 0,
    atol: 1e-3 * Math.sqrt(length) * 1e-1,
  });
}
