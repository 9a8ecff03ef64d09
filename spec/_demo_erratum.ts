/**
 * Specs of the oracle build small fixtures inline: {@link demoFixture} parses one of
 * document "none" with one exact field `x`, any part replaced. A field-level erratum lives
 * in a record of its own (fixtures/errata/); {@link fixtureWithErratum} parses a demo
 * fixture that lists the demo erratum id and links it to a one-record errata list with the
 * given field checks.
 */
import { type Fixture, parseFixture } from "../oracle/fixture.ts";
import { type ErrataRecord, type FieldCheck, parseErrata } from "../oracle/errata.ts";
import { linkErrata } from "../oracle/errata_link.ts";

/**
 * A parsed demo fixture: id "demo.x", document "none" §1, expected `x = [1, 2]` exactly, no
 * input, nothing printed, no erratum; `patch` replaces whole top-level keys.
 */
export function demoFixture(patch: Record<string, unknown> = {}): Fixture {
  return parseFixture({
    id: "demo.x",
    source: { document: "none", section: "1", quote: "q" },
    oracle: { method: "m", generator: null },
    input: {},
    printed: {},
    expected: { x: [1, 2] },
    tolerance: { x: { reason: "exact" } },
    erratum: null,
    ...patch,
  });
}

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
