// Figures read their data from the fixtures (the documents' inputs, copied there with
// provenance) and compute everything else with lib/.
import type { Fixture } from "../../oracle/fixture.ts";
import { loadFixtures } from "../_load_fixtures.ts";

let cache: Map<string, Fixture> | null = null;

function all(): Map<string, Fixture> {
  cache ??= new Map(loadFixtures().fixtures.map(({ fixture }) => [fixture.id, fixture]));
  return cache;
}

/** The fixture with `id`; throws naming the id when its area has not landed. */
export function fixture(id: string): Fixture {
  const found = all().get(id);
  if (found === undefined) throw new RangeError(`fixture "${id}" not found under fixtures/`);
  return found;
}

/** Every fixture whose id starts with `prefix`. */
export function fixturesWithPrefix(prefix: string): Fixture[] {
  return [...all().values()].filter((f) => f.id.startsWith(prefix));
}

/** A numeric array from a fixture's input, with a clear message when it is missing. */
export function numbers(f: Fixture, key: string): number[] {
  const value = f.input[key];
  if (!Array.isArray(value) || !value.every((v) => typeof v === "number")) {
    throw new TypeError(`fixture ${f.id}: input.${key} is not an array of numbers`);
  }
  return value as number[];
}

/** Evenly spaced points from `start` to `stop` inclusive. */
export function linspace(start: number, stop: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => start + ((stop - start) * i) / (count - 1));
}
