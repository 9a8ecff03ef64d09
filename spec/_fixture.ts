/**
 * Loading fixtures in specs: every fixture goes through `parseFixture` and has its
 * erratum ids resolved against the records in fixtures/errata/, so a malformed file or a
 * dangling id fails loudly in the spec that uses it, not with an `undefined` deep inside.
 * The records are imported as JSON modules, not read from disk, so that plain `deno test`
 * (no read permission) loads every spec that uses fixtures (spec/documents/
 * errata_files_test.ts checks that these are all the files there are).
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { type Fixture, parseFixtures } from "../oracle/fixture.ts";
import { linkErrata } from "../oracle/errata_link.ts";
import { parseErrata } from "../oracle/errata.ts";
import s000 from "../fixtures/errata/s000.json" with { type: "json" };
import s001 from "../fixtures/errata/s001.json" with { type: "json" };
import s002 from "../fixtures/errata/s002.json" with { type: "json" };
import s003 from "../fixtures/errata/s003.json" with { type: "json" };
import s004 from "../fixtures/errata/s004.json" with { type: "json" };

const records = [s000, s001, s002, s003, s004].flatMap((json, document) =>
  parseErrata(json, `fixtures/errata/s00${document}.json`)
);

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

/**
 * The fixture files under `dir` (needs read permission), listed on their own rather than by
 * the report's loader: every `.json` but the schemas, and not errata/ or claims/, which hold
 * the errata records and the audit, with schemas of their own.
 */
export function fixtureJsonFiles(dir = "fixtures"): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      return ["errata", "claims"].includes(name) ? [] : fixtureJsonFiles(path);
    }
    return name.endsWith(".json") && !name.endsWith("schema.json") ? [path] : [];
  });
}
