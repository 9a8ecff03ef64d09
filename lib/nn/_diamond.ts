/**
 * Subjects of the diamond fixtures (placeholder until the training loop lands).
 *
 * @module
 */
import type { Subject } from "../oracle/subject.ts";

// Re-exported so that `deno doc --lint` finds every type SUBJECTS's type refers to.
export type { Subject } from "../oracle/subject.ts";
export type {
  Erratum,
  ExpectedValue,
  Fixture,
  FixtureOracle,
  FixtureSource,
} from "../oracle/fixture.ts";
export type { Tolerance } from "../oracle/assert_close.ts";

/** The diamond subjects. */
export const diamondSubject: readonly Subject[] = [];
