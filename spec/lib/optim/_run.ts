// Runs a fixture through its optim subject (the same call the report makes).
import assert from "node:assert/strict";
import type { Fixture } from "../../../oracle/fixture.ts";
import { assertFixture } from "../../../oracle/verify.ts";
import { subjectFor } from "../../../oracle/subject.ts";
import { SUBJECTS } from "../../../worked/registry.ts";

/**
 * Computes `fixture` with the optim subject that claims it, asserts that the run
 * converged and every check of the fixture, and returns the computed fields.
 */
export function checkConverged(fixture: Fixture): Record<string, unknown> {
  const subject = subjectFor(SUBJECTS, fixture.id);
  const computed = subject.compute(fixture);
  assert.equal(computed.status, "converged");
  assertFixture(fixture, computed, subject.fields);
  return computed;
}
