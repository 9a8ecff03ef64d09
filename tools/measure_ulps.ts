// Re-measures every fixture field whose tolerance is in ulps: the largest ulp distance
// between what lib/ computes (through the worked results' subjects) and the expected
// value, on the runtime that runs this file, beside the bound and the figure the reason
// states. Run it under both runtimes and compare:
//
//   tools/runtimes/node_modules/.bin/deno run --allow-read tools/measure_ulps.ts > out/ulps-deno.json
//   tools/runtimes/node_modules/.bin/bun tools/measure_ulps.ts > out/ulps-bun.json
//
// (issue 12, "Deno = Bun": every stated ulp figure is re-measured on both runtimes.)
import { loadFixtures } from "./_load_fixtures.ts";
import { SUBJECTS } from "../worked/registry.ts";
import { replayFixture } from "../oracle/replay.ts";
import { ulpDistance } from "../oracle/ulp.ts";

/** The largest ulp distance between two numeric trees of the same shape (NaN pairs: 0). */
function maxUlps(actual: unknown, expected: unknown): number {
  if (typeof actual === "number" && typeof expected === "number") {
    return ulpDistance(actual, expected);
  }
  const a = toList(actual), e = toList(expected);
  if (a === null || e === null || a.length !== e.length) return NaN;
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, maxUlps(a[i], e[i]));
  return max;
}

function toList(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
  if (typeof value === "object" && value !== null && "data" in value) {
    return Array.from((value as { data: ArrayLike<number> }).data);
  }
  return null;
}

const runtime = "Bun" in globalThis ? "bun" : "Deno" in globalThis ? "deno" : "other";
const rows: unknown[] = [];
const { fixtures } = loadFixtures();
for (const { file, fixture } of fixtures) {
  const result = replayFixture(fixture, SUBJECTS);
  for (const field of result.fields) {
    const tolerance = field.tolerance as { ulps?: number; reason?: string } | undefined;
    if (tolerance?.ulps === undefined || field.computed === undefined) continue;
    const stated = /(?:max|measured)[^;]*?([\d.]+) ulps?/.exec(tolerance.reason ?? "")?.[1];
    rows.push({
      file,
      id: fixture.id,
      field: field.field,
      bound: tolerance.ulps,
      stated: stated === undefined ? null : Number(stated),
      measured: maxUlps(field.computed, field.expected),
    });
  }
}
console.log(JSON.stringify({ runtime, rows }, null, 1));
