/**
 * Loading fixtures in specs: every fixture goes through `parseFixture` and has its
 * erratum ids resolved against the records in fixtures/errata/, so a malformed file or a
 * dangling id fails loudly in the spec that uses it, not with an `undefined` deep inside.
 */
import { type Fixture, parseFixtures } from "../oracle/fixture.ts";
import { linkErrata } from "../oracle/errata_link.ts";
import { loadErrata } from "../tools/_load_fixtures.ts";

const records = loadErrata();

/** The fixture with `id` from a fixture file's JSON (one object or an array), errata resolved. */
export function fixtureById(json: unknown, id: string): Fixture {
  const found = allFixtures(json, id).find((fixture) => fixture.id === id);
  if (!found) throw new RangeError(`No fixture "${id}" in this file`);
  return found;
}

/** Every fixture in a fixture file's JSON, errata resolved. */
export function allFixtures(json: unknown, where: string): Fixture[] {
  return linkErrata(parseFixtures(json, where), records, { complete: false });
}
