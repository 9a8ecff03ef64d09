/**
 * What a concept is to the checker: its name, the signature of an implementation, the
 * canonical input it reads from a fixture, its outputs, and how one implementation call
 * (or a run of calls) turns that input into outputs.
 *
 * A fixture says which concepts it exercises (`concepts`), and each conform entry names the
 * concept (and, for concepts with several outputs, the output) that computes its field: the
 * checker never guesses a concept from field names. Each concept reads the fixture layouts
 * listed in its documentation; a fixture that lists a concept but does not fit it is a
 * failed check ("the fixture cannot be read as …"), never a skipped one.
 *
 * @module
 */

import type { Fixture } from "../fixture.ts";

/** Plain JSON data: the canonical input of a concept, as `nnref inputs` writes it.
 * @category Conformance */
export type CanonicalInput = Record<string, unknown>;

/** A concept the checker knows.
 * @category Conformance */
export interface ConformanceConcept<Implementation> {
  /** The name used in fixtures' `concepts` and conform entries, e.g. "sigmoid". */
  readonly name: string;
  /** The signature of an implementation, for messages. */
  readonly signature: string;
  /** What the concept computes, in one or two sentences with its formula. */
  readonly summary: string;
  /** The names of its outputs; the first is used when a conform entry names none. */
  readonly outputs: readonly string[];
  /** The canonical input of a fixture that lists the concept (throws TypeError if it does not fit). */
  inputs(fixture: Fixture): CanonicalInput;
  /** Runs an implementation on a canonical input (a private copy): output name → value. */
  run(
    implementation: Implementation,
    input: CanonicalInput,
  ): Record<string, unknown>;
  /** Elements of an output not to compare, by flat index (ReLU′ at z = 0). */
  skip?(input: CanonicalInput, output: string): readonly boolean[] | undefined;
}

/** A concept of any implementation type, as the registry holds them.
 * @category Conformance */
// deno-lint-ignore no-explicit-any
export type AnyConcept = ConformanceConcept<any>;

/** Throws the TypeError a fixture that does not fit a concept gets.
 * @category Conformance */
export function unfit(fixture: Fixture, concept: string, why: string): never {
  throw new TypeError(
    `fixture ${fixture.id} cannot be read as ${concept}: ${why}`,
  );
}

/** `value` if it is numbers nested to `depth` levels (0: a number), else a TypeError.
 * @category Conformance */
export function numbers(value: unknown, depth: number, what: string): unknown {
  const ok = (v: unknown, d: number): boolean =>
    d === 0
      ? typeof v === "number"
      : Array.isArray(v) && v.length > 0 && v.every((x) => ok(x, d - 1));
  if (!ok(value, depth)) {
    throw new TypeError(
      `${what} must be ${["a number", "a vector", "a matrix"][depth] ?? "numbers"}`,
    );
  }
  return value;
}

/** Numbers nested to any depth (at least one level when `array`).
 * @category Conformance */
export function numberTree(value: unknown, what: string): unknown {
  const ok = (v: unknown): boolean =>
    typeof v === "number" || (Array.isArray(v) && v.length > 0 && v.every(ok));
  if (!ok(value)) {
    throw new TypeError(`${what} must be a number or nested arrays of numbers`);
  }
  return value;
}

/** Calls a user's function, turning a non-function into a clear TypeError.
 * @category Conformance */
export function call<T>(
  implementation: unknown,
  name: string,
  args: unknown[],
): T {
  if (typeof implementation !== "function") {
    throw new TypeError(
      `the ${name} implementation must be a function, got ${typeof implementation}`,
    );
  }
  return (implementation as (...a: unknown[]) => T)(...args);
}

/** A user's vector result, checked to be `length` numbers (for iterated concepts).
 * @category Conformance */
export function vectorResult(
  value: unknown,
  length: number,
  what: string,
): number[] {
  if (!Array.isArray(value) && !ArrayBuffer.isView(value)) {
    throw new TypeError(
      `${what} must return an array of ${length} numbers, got ${typeof value}`,
    );
  }
  const list = Array.from(value as ArrayLike<unknown>);
  if (list.length !== length || !list.every((x) => typeof x === "number")) {
    throw new TypeError(
      `${what} must return ${length} numbers, got ${list.length} values`,
    );
  }
  return list as number[];
}

/** Bounds for fixture-driven loops: no fixture can make the checker run for long.
 * @category Conformance */
export const LIMITS = {
  steps: 100_000,
  batches: 100_000,
  nodes: 10_000,
  layers: 100,
} as const;

/** An integer count in [0, max], or a TypeError.
 * @category Conformance */
export function count(value: unknown, max: number, what: string): number {
  if (
    !Number.isInteger(value) || (value as number) < 0 || (value as number) > max
  ) {
    throw new TypeError(
      `${what} must be an integer from 0 to ${max}, got ${String(value)}`,
    );
  }
  return value as number;
}
