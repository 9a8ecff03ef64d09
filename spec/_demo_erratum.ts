/**
 * Specs of the oracle build small fixtures inline. A field-level erratum now lives in a
 * record of its own (fixtures/errata/); this helper parses a demo fixture that lists the
 * demo erratum id and links it to a one-record errata list with the given field checks.
 */
import { type Fixture, parseFixture } from "../oracle/fixture.ts";
import { type ErrataRecord, type FieldCheck, parseErrata } from "../oracle/errata.ts";
import { linkErrata } from "../oracle/errata_link.ts";

/** The demo documents' errata id: the first erratum of the fixture's document. */
const idOf = (document: string) => `S${Number(document.slice(2, 3))}-E01`;

/** A demo erratum record of `document` naming `fixtureId`, with `checks` (if any). */
export function demoRecord(
  document: string,
  fixtureId: string,
  checks?: readonly FieldCheck[],
): ErrataRecord {
  return parseErrata([{
    id: idOf(document),
    class: "erratum",
    document,
    section: "1",
    kind: checks ? "number" : "claim",
    severity: "low",
    printed: "the printed text",
    correct: "the correction",
    why: "the reason",
    conclusionHolds: true,
    conclusion: "the conclusion holds",
    fixtures: [fixtureId],
    ...(checks ? { checks } : {}),
  }], "demo")[0];
}

/**
 * Parses `json` (whose `erratum` is ignored) as a fixture checking one demo erratum with
 * `checks`, linked: `verifyFixture` then checks each field both ways.
 */
export function fixtureWithErratum(
  json: Record<string, unknown>,
  checks?: readonly FieldCheck[],
): Fixture {
  const document = (json.source as { document: string }).document;
  const fixture = parseFixture({ ...json, erratum: [idOf(document)] });
  return linkErrata([fixture], [demoRecord(document, fixture.id, checks)])[0];
}
