/**
 * Counting a replay run's results for a summary line: fixtures reproduced and failed, by
 * status, errata recorded, seeded stand-ins, and agreement with the printed digits.
 *
 * @module
 */

import { InputTypeError } from "../lib/errors.ts";
import { describe } from "./_tree.ts";

import type { ReplayResult, ReplayStatus } from "./replay.ts";

// Re-exported so that `deno doc --lint` finds every type the public API refers to.
export type { ReplayResult, ReplayStatus } from "./replay.ts";

/** Counts over a run, for the summary line.
 * @category Replay */
export interface ReplaySummary {
  /** Fixtures replayed (unknown ids not counted). */
  readonly fixtures: number;
  /** Fixtures whose every check holds. */
  readonly reproduced: number;
  /** Fixtures that did not pass, `unknown-id` results included. */
  readonly failed: number;
  /** Results by status. */
  readonly byStatus: Readonly<Record<ReplayStatus, number>>;
  /** Distinct erratum records checked by the fixtures replayed. */
  readonly errata: number;
  /** References from fixtures to erratum records (a record checked by 3 fixtures counts 3). */
  readonly erratumReferences: number;
  /** Distinct notes (caveats, not errata) naming the fixtures replayed. */
  readonly notes: number;
  /** Fixtures with at least one erratum. */
  readonly fixturesWithErrata: number;
  /** Fixtures that are seeded stand-ins for unseeded random runs. */
  readonly random: number;
  /** Fixtures whose printed digits all agree with the true values (errata holding included). */
  readonly printedAgree: number;
  /** Fixtures that print nothing checkable. */
  readonly printedNone: number;
}

/**
 * Counts a run's results for a summary line.
 *
 * @param results The results of {@link replay}.
 * @returns Reproduced, failed, errata, random stand-ins, and agreement with the printed digits.
 * @throws {InputTypeError} if results is not an array of replay results.
 *
 * @example
 * ```ts
 * import { summarize } from "@nnref/nnref/oracle";
 * const summary = summarize([]);
 * if (summary.fixtures !== 0 || summary.failed !== 0) throw new Error("empty run");
 * ```
 * @category Replay
 */
export function summarize(results: readonly ReplayResult[]): ReplaySummary {
  const byStatus: Record<ReplayStatus, number> = {
    "pass": 0,
    "fail": 0,
    "error": 0,
    "no-subject": 0,
    "bad-subject": 0,
    "unknown-id": 0,
  };
  if (!Array.isArray(results as unknown)) {
    throw new InputTypeError(
      `results must be the array replay() returned, got ${describe(results)}`,
    );
  }
  for (const result of results) {
    const status = (result as { status?: unknown })?.status;
    if (typeof status !== "string" || !Object.hasOwn(byStatus, status)) {
      throw new InputTypeError(
        `each result must have a replay status (${Object.keys(byStatus).join(", ")}), got ${
          describe(status)
        }`,
      );
    }
    byStatus[status as ReplayStatus]++;
  }
  const fixtures = results.filter((result) => result.status !== "unknown-id");
  return {
    fixtures: fixtures.length,
    reproduced: byStatus.pass,
    failed: results.length - byStatus.pass,
    byStatus,
    errata: new Set(fixtures.flatMap((result) => result.errata.map((e) => e.id))).size,
    erratumReferences: fixtures.reduce((sum, result) => sum + result.errata.length, 0),
    notes: new Set(fixtures.flatMap((result) => (result.notes ?? []).map((n) => n.id))).size,
    fixturesWithErrata: fixtures.filter((result) => result.errata.length > 0).length,
    random: fixtures.filter((result) => result.random).length,
    printedAgree: fixtures.filter((result) => result.printedAgrees === true).length,
    printedNone: fixtures.filter((result) => result.printedAgrees === null).length,
  };
}
