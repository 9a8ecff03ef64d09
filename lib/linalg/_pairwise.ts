/**
 * Pairwise inner products for the Householder QR (internal): Σ xᵢyᵢ summed as a balanced
 * tree over blocks of PAIRWISE_BLOCK terms, so that the rounding error grows like
 * log₂(m)·ε instead of m·ε, as in optimised BLAS kernels that keep several partial sums.
 * With at most PAIRWISE_BLOCK terms the sum is the plain left-to-right one.
 *
 * @module
 */
/** Below this many terms a sum is accumulated left to right. */
const PAIRWISE_BLOCK = 8;

/*
 * Pairwise sums, evaluated from a plan instead of by recursion. The tree is the one the
 * recursive definition gives — a range of `terms` terms is split at ⌊terms/2⌋ until a
 * part has at most PAIRWISE_BLOCK terms, which is summed left to right from +0, and the
 * two halves are added left + right — so the result is the same bits. The plan is the
 * tree in post-order: a positive entry is a leaf of that many terms (pushed), 0 adds the
 * top two partial sums. Leaves are plain loops over contiguous terms, so consecutive
 * leaves overlap in the CPU where the recursive closure serialised them.
 */
const plans = new Map<number, Int32Array>();
let partialSums = new Float64Array(64);

function pairwisePlan(terms: number): Int32Array {
  let plan = plans.get(terms);
  if (plan !== undefined) return plan;
  const ops: number[] = [];
  const visit = (count: number): void => {
    if (count <= PAIRWISE_BLOCK) {
      ops.push(count);
      return;
    }
    const half = count >> 1;
    visit(half);
    visit(count - half);
    ops.push(0);
  };
  visit(terms);
  plan = Int32Array.from(ops);
  if (plans.size >= 256) plans.clear(); // factorisations of many sizes: keep the map small
  plans.set(terms, plan);
  const depth = 2 * Math.ceil(Math.log2(terms + 1)) + 2;
  if (partialSums.length < depth) partialSums = new Float64Array(depth);
  return plan;
}

/**
 * leading + Σ x[xStart + i·xStride]·y[yStart + i] for i < count (x and y may be the same
 * array), summed pairwise over the count + 1 terms with `leading` first: halves are
 * summed recursively down to blocks of PAIRWISE_BLOCK terms, each accumulated left to
 * right, so the error bound is (PAIRWISE_BLOCK + log₂ count)·ε·Σ|terms|. Up to
 * PAIRWISE_BLOCK terms the result is exactly the left-to-right sum.
 */
export function pairwiseDot(
  leading: number,
  x: Float64Array,
  xStart: number,
  xStride: number,
  y: Float64Array,
  yStart: number,
  count: number,
): number {
  const plan = pairwisePlan(count + 1);
  const stack = partialSums;
  let top = 0;
  // Term t ≥ 1 is the product x[xStart + (t − 1)·xStride]·y[yStart + t − 1].
  let xi = xStart - xStride, yi = yStart - 1, t = 0;
  for (let q = 0; q < plan.length; q++) {
    const size = plan[q];
    if (size > 0) {
      const end = t + size;
      let sum = 0;
      if (t === 0) {
        sum += leading;
        t = 1, xi += xStride, yi++;
      }
      for (; t < end; t++, xi += xStride, yi++) sum += x[xi] * y[yi];
      stack[top++] = sum;
    } else {
      top--;
      stack[top - 1] = stack[top - 1] + stack[top];
    }
  }
  return stack[0];
}

let columnSums = new Float64Array(64);

/**
 * {@link pairwiseDot} for several columns at once, all against the same x: for c < columns,
 * sums[c] = y[yc − 1] + Σ x[xStart + i]·y[yc + i] (i < count) with yc = yStart + c·yStep,
 * each over the same pairwise tree as pairwiseDot, so each is the same bits. Walking the
 * tree once for all columns spreads its irregular leaf loop over them and gives the CPU
 * independent sums to overlap.
 */
export function pairwiseDots(
  x: Float64Array,
  xStart: number,
  y: Float64Array,
  yStart: number,
  yStep: number,
  count: number,
  columns: number,
  sums: Float64Array,
): void {
  const plan = pairwisePlan(count + 1);
  const needed = partialSums.length * columns;
  if (columnSums.length < needed) columnSums = new Float64Array(needed);
  const stack = columnSums;
  // Term t ≥ 1 of column c is x[xBase + t]·y[yBase + c·yStep + t]; term 0 is y[yBase + c·yStep].
  const xBase = xStart - 1, yBase = yStart - 1;
  let top = 0, t = 0;
  for (let q = 0; q < plan.length; q++) {
    const size = plan[q];
    if (size <= 0) {
      top--;
      const left = (top - 1) * columns, right = top * columns;
      for (let c = 0; c < columns; c++) stack[left + c] = stack[left + c] + stack[right + c];
      continue;
    }
    const base = top * columns;
    // Long sums split into leaves of 4 and 5 terms: those get straight-line code, with
    // the x values loaded once for every column; each is still ((0 + p₀) + p₁) + ….
    if (size === 5 && t > 0) {
      const x0 = x[xBase + t], x1 = x[xBase + t + 1], x2 = x[xBase + t + 2];
      const x3 = x[xBase + t + 3], x4 = x[xBase + t + 4];
      for (let c = 0, at = yBase + t; c < columns; c++, at += yStep) {
        stack[base + c] = 0 + x0 * y[at] + x1 * y[at + 1] + x2 * y[at + 2] + x3 * y[at + 3] +
          x4 * y[at + 4];
      }
    } else if (size === 4 && t > 0) {
      const x0 = x[xBase + t], x1 = x[xBase + t + 1], x2 = x[xBase + t + 2];
      const x3 = x[xBase + t + 3];
      for (let c = 0, at = yBase + t; c < columns; c++, at += yStep) {
        stack[base + c] = 0 + x0 * y[at] + x1 * y[at + 1] + x2 * y[at + 2] + x3 * y[at + 3];
      }
    } else {
      const first = t === 0 ? 1 : t, end = t + size;
      for (let c = 0, yc = yBase; c < columns; c++, yc += yStep) {
        let sum = 0;
        if (t === 0) sum += y[yc];
        for (let u = first; u < end; u++) sum += x[xBase + u] * y[yc + u];
        stack[base + c] = sum;
      }
    }
    t += size;
    top++;
  }
  for (let c = 0; c < columns; c++) sums[c] = stack[c];
}

/** Σ (data[start + i] / scale)² for i < count, summed pairwise (see {@link pairwiseDot}). */
export function pairwiseScaledSquares(
  data: Float64Array,
  start: number,
  count: number,
  scale: number,
): number {
  const plan = pairwisePlan(count);
  const stack = partialSums;
  let top = 0, i = start;
  for (let q = 0; q < plan.length; q++) {
    const size = plan[q];
    if (size > 0) {
      if (size === 5) {
        const t0 = data[i] / scale, t1 = data[i + 1] / scale, t2 = data[i + 2] / scale;
        const t3 = data[i + 3] / scale, t4 = data[i + 4] / scale;
        stack[top++] = 0 + t0 * t0 + t1 * t1 + t2 * t2 + t3 * t3 + t4 * t4;
        i += 5;
      } else if (size === 4) {
        const t0 = data[i] / scale, t1 = data[i + 1] / scale, t2 = data[i + 2] / scale;
        const t3 = data[i + 3] / scale;
        stack[top++] = 0 + t0 * t0 + t1 * t1 + t2 * t2 + t3 * t3;
        i += 4;
      } else {
        const end = i + size;
        let sum = 0;
        for (; i < end; i++) {
          const t = data[i] / scale;
          sum += t * t;
        }
        stack[top++] = sum;
      }
    } else {
      top--;
      stack[top - 1] = stack[top - 1] + stack[top];
    }
  }
  return stack[0];
}

/**
 * 2-norm of `count` contiguous entries of `data` from `start`: scaled by the largest
 * magnitude so that squaring cannot overflow or underflow, the squares summed pairwise.
 */
export function scaledNorm(data: Float64Array, start: number, count: number): number {
  // max |xᵢ| (the entries are finite, so this is Math.max without its NaN and −0 cases;
  // Math.max on a sum that starts as the integer 0 made V8 deoptimise).
  // count ≥ 1, and starting from |x₀| ≥ +0 gives the same maximum as starting from 0.
  let scale = Math.abs(data[start]);
  for (let i = start + 1, end = start + count; i < end; i++) {
    const magnitude = Math.abs(data[i]);
    if (magnitude > scale) scale = magnitude;
  }
  if (scale === 0) return 0;
  return scale * Math.sqrt(pairwiseScaledSquares(data, start, count, scale));
}
