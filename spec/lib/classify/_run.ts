// Runs a fixture through its subject (the same call the report makes).
import type { Fixture } from "../../../oracle/fixture.ts";
import { assertFixture } from "../../../oracle/verify.ts";
import { subjectFor } from "../../../oracle/subject.ts";
import { SUBJECTS } from "../../../worked/registry.ts";

/** Asserts every check of `fixture` with the classify subject that claims it. */
export function checkWithSubject(fixture: Fixture): void {
  const subject = subjectFor(SUBJECTS, fixture.id);
  assertFixture(fixture, subject.compute(fixture), subject.fields);
}
