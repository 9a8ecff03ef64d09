/**
 * Loading fixtures in specs: every fixture goes through `parseFixture`, so a malformed
 * file fails loudly in the spec that uses it, not with an `undefined` deep inside.
 */
import { type Fixture, parseFixtures } from "../oracle/fixture.ts";

/** The fixture with `id` from a fixture file's JSON (one object or an array). */
export function fixtureById(json: unknown, id: string): Fixture {
  const found = parseFixtures(json, id).find((fixture) => fixture.id === id);
  if (!found) throw new RangeError(`No fixture "${id}" in this file`);
  return found;
}

/** Every fixture in a fixture file's JSON. */
export function allFixtures(json: unknown, where: string): Fixture[] {
  return parseFixtures(json, where);
}
