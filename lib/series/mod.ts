/**
 * Series and summation: Robbins–Monro step-size series and naive, compensated and pairwise
 * summation.
 *
 * @example
 * ```ts
 * import { sumCompensated } from "@nnref/nnref/series";
 * if (sumCompensated([1, 1e100, 1, -1e100]) !== 2) throw new Error("compensation keeps the ones");
 * ```
 *
 * @module
 */

export {
  EULER_GAMMA,
  type PartialSumOptions,
  powerTerms,
  ROBBINS_MONRO_SERIES,
  robbinsMonroAsymptotic,
  type RobbinsMonroConditions,
  robbinsMonroConditions,
  robbinsMonroPartialSum,
  type StepSeries,
  type StepSeriesName,
  ZETA_HALF,
  ZETA_TWO,
} from "./robbins_monro.ts";
export {
  sumCompensated,
  type SumKernel,
  sumNaive,
  sumPairwise,
  sumPairwiseUnrolled,
  type SumVariant,
} from "./summation.ts";
