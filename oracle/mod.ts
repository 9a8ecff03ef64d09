/**
 * The oracle toolkit: numeric assertions (ulps, numpy's rtol/atol, printed digits), the
 * fixture format, the documents' errata records and claims audit, field-by-field
 * verification of a fixture, replaying fixtures through
 * subjects, and conformance checks of someone else's implementation against the fixtures.
 *
 * @example
 * ```ts
 * import { assertClose, assertPrinted, ulpDistance } from "@nnref/nnref/oracle";
 * assertPrinted(Math.sqrt(2), "1.41421356");
 * assertClose(0.1 + 0.2, 0.3, { ulps: 1 });
 * if (ulpDistance(1, 1 + Number.EPSILON) !== 1) throw new Error("one ulp");
 * ```
 *
 * @module
 */

export {
  assertAllClose,
  assertClose,
  findMismatch,
  type MatrixLike,
  type Mismatch,
  type NumericTree,
  type Tolerance,
  validateTolerance,
} from "./assert_close.ts";
export {
  assertPrinted,
  parsePrinted,
  printedMismatch,
  type PrintedNumber,
  type PrintedOptions,
  type StringTree,
} from "./assert_printed.ts";
export { AssertionError } from "./assertion_error.ts";
export {
  type AuditedSection,
  type Claim,
  type ClaimContext,
  type ClaimCoverage,
  claimCoverage,
  claimProblems,
  type ClaimsFile,
  type ClaimStatus,
  parseClaims,
} from "./claims.ts";
export {
  documentNumber,
  type ErrataRecord,
  type Erratum,
  type ErratumKind,
  type FieldCheck,
  isErratum,
  type Note,
  parseErrata,
  parseErrataRecord,
  passagesOf,
  type RecordBase,
  RecordFormatError,
  RecordReferenceError,
  type Severity,
} from "./errata.ts";
export { errataLinkProblems, linkErrata, type LinkOptions, resolveErrata } from "./errata_link.ts";
export {
  errataOf,
  type ExpectedValue,
  type Fixture,
  type FixtureOracle,
  type FixtureSource,
  parseFixture,
  parseFixtures,
} from "./fixture.ts";
export {
  type FieldReplay,
  replay,
  replayFixture,
  type ReplayOptions,
  type ReplayResult,
  type ReplayRun,
  type ReplayStatus,
  type SubjectProblem,
} from "./replay.ts";
export { type ReplaySummary, summarize } from "./replay_summary.ts";
export { claims, type Subject, subjectFor, subjectProblem } from "./subject.ts";
export { ulp, ulpDistance } from "./ulp.ts";
export {
  assertFixture,
  type Check,
  type ErratumFieldCheck,
  fieldChecksOf,
  verifyFixture,
} from "./verify.ts";
export * from "./conformance/mod.ts";
