/**
 * The worked results of the five teaching documents (S0–S4) and the results beyond them
 * (NIST StRD, Iris, numpy's RandomState streams, matrix products): for each fixture, the
 * subject that computes its expected values with nnref's math library, in document and
 * section order, and the documents' computational graphs.
 *
 * This entry point is separate from `mod.ts` so that importing a function from the math
 * library pulls in no worked result.
 *
 * @example Replay one worked result
 * ```ts
 * import { linkErrata, parseErrata, parseFixtures, replay } from "@nnref/nnref";
 * import { SUBJECTS } from "@nnref/nnref/worked";
 * import commute from "./fixtures/regression/commute.json" with { type: "json" };
 * import errata from "./fixtures/errata/s001.json" with { type: "json" };
 * // Fixtures name their errata by id (S1-E09); the records live in fixtures/errata/.
 * const fixtures = linkErrata(parseFixtures(commute, "commute.json"), parseErrata(errata), {
 *   complete: false,
 * });
 * const run = replay(fixtures, SUBJECTS, { ids: ["s001.commute"] });
 * if (!run.results[0].ok) throw new Error(run.results[0].status);
 * ```
 *
 * @module
 */

export { SUBJECTS } from "./worked/registry.ts";
export * from "./worked/graphs.ts";
export { SUBJECTS as S000 } from "./worked/s000.ts";
export { SUBJECTS as S001 } from "./worked/s001/mod.ts";
export { SUBJECTS as S002 } from "./worked/s002/mod.ts";
export { SUBJECTS as S003 } from "./worked/s003.ts";
export { SUBJECTS as S004 } from "./worked/s004.ts";
export { SUBJECTS as BEYOND } from "./worked/beyond.ts";
export { type DiamondDraws, diamondDraws, runDiamond } from "./worked/s002/diamond.ts";
export { fitNist, type NistInput } from "./worked/beyond.ts";
