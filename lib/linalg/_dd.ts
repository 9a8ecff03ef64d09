/**
 * The double-double kernels without argument checks (internal): the bodies behind the
 * checked public functions of double_double.ts, called directly by the loops that run
 * millions of them (the double-double QR, polynomial designs, fit statistics), whose
 * inputs are already validated. The documentation is in double_double.ts.
 *
 * @module
 */

import { ArgumentRangeError } from "../errors.ts";

/** hi + lo with |lo| ≤ ulp(hi)/2. */
export type DD = readonly [hi: number, lo: number];

/** TwoSum (Knuth): s = fl(a + b) and the exact error. */
export function twoSumKernel(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return [s, (a - (s - bb)) + (b - bb)];
}

const SPLITTER = 134217729; // 2^27 + 1

/** TwoProduct (Dekker): p = fl(a·b) and the exact error, for |a|, |b| ≤ 2⁹⁹⁶. */
export function twoProductKernel(a: number, b: number): DD {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a), al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b), bl = b - bh;
  return [p, ((ah * bh - p) + ah * bl + al * bh) + al * bl];
}

/** Renormalises hi + lo (requires |hi| ≥ |lo| or hi = 0). */
export function quickTwoSum(hi: number, lo: number): DD {
  const s = hi + lo;
  return [s, lo - (s - hi)];
}

/** a + b (the accurate "IEEE" variant). */
export function ddAddKernel(a: DD, b: DD): DD {
  const [s1, s2] = twoSumKernel(a[0], b[0]);
  const [t1, t2] = twoSumKernel(a[1], b[1]);
  let [hi, lo] = quickTwoSum(s1, s2 + t1);
  [hi, lo] = quickTwoSum(hi, lo + t2);
  return [hi, lo];
}

/** a − b. */
export function ddSubKernel(a: DD, b: DD): DD {
  return ddAddKernel(a, [-b[0], -b[1]]);
}

/** a · b. */
export function ddMulKernel(a: DD, b: DD): DD {
  const [p, e] = twoProductKernel(a[0], b[0]);
  return quickTwoSum(p, e + (a[0] * b[1] + a[1] * b[0]));
}

/** a / b; b ≠ 0. */
export function ddDivKernel(a: DD, b: DD): DD {
  if (b[0] === 0) {
    throw new ArgumentRangeError("Cannot divide double-doubles: the divisor is zero");
  }
  const q1 = a[0] / b[0];
  let r = ddSubKernel(a, ddMulKernel([q1, 0], b));
  const q2 = r[0] / b[0];
  r = ddSubKernel(r, ddMulKernel([q2, 0], b));
  const q3 = r[0] / b[0];
  return ddAddKernel(quickTwoSum(q1, q2), [q3, 0]);
}

/** √a, a ≥ 0 (Karp's method). */
export function ddSqrtKernel(a: DD): DD {
  if (a[0] < 0) {
    throw new ArgumentRangeError(
      `Cannot take the square root of a negative double-double (${a[0]})`,
    );
  }
  if (a[0] === 0) return [0, 0];
  const x = 1 / Math.sqrt(a[0]);
  const ax = a[0] * x;
  const diff = ddSubKernel(a, twoProductKernel(ax, ax));
  return twoSumKernel(ax, diff[0] * (x * 0.5));
}
