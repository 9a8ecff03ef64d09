// Runs a fixture through its subject (the same call the report makes).
import type { Fixture } from "../../../oracle/fixture.ts";
import { assertFixture } from "../../../oracle/verify.ts";
import { type Subject, subjectFor } from "../../../oracle/subject.ts";

/** Asserts every check of `fixture` with the subject from `subjects` that claims it. */
export function checkWithSubject(subjects: readonly Subject[], fixture: Fixture): void {
  const subject = subjectFor(subjects, fixture.id);
  assertFixture(fixture, subject.compute(fixture), subject.fields);
}
