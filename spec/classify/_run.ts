// Runs a fixture through its subject (the same call the report makes).
import type { Fixture } from "../../lib/oracle/fixture.ts";
import { assertFixture } from "../../lib/oracle/verify.ts";
import { subjectFor } from "../../lib/oracle/subject.ts";
import { SUBJECTS } from "../../lib/classify/_subjects.ts";

/** Asserts every check of `fixture` with the classify subject that claims it. */
export function checkWithSubject(fixture: Fixture): void {
  const subject = subjectFor(SUBJECTS, fixture.id);
  assertFixture(fixture, subject.compute(fixture), subject.fields);
}
