/**
 * A subject is how one worked result is computed with nnref's own `lib/`: it reads a
 * fixture's `input` and returns the values that the fixture's `expected` fields hold.
 * Specs and the report both go through the subject, so they call `lib/` the same way.
 *
 * Each area exports its subjects from a private `_subjects.ts`; the replay registry
 * gathers them.
 *
 * @module
 */

import { ArgumentRangeError, InputTypeError } from "../lib/errors.ts";
import { describe } from "./_tree.ts";

import type { Fixture } from "./fixture.ts";

/** How to compute one fixture (or a family of fixtures) with nnref's `lib/`.
 * @category Replay */
export interface Subject {
  /** The fixture ids this subject computes: exact ids, or prefixes ending in `*`. */
  readonly ids: readonly string[];
  /**
   * The expected fields it computes. Fields it leaves out (a certified constant, a
   * fact about the document) are checked by the fixture's spec instead. Default: all.
   */
  readonly fields?: readonly string[];
  /** Computes the fields from `fixture.input` with `lib/`. */
  compute(fixture: Fixture): Record<string, unknown>;
}

/**
 * Whether a subject claims a fixture id (`"s001.commute"` or a prefix `"s000.gd20.*"`).
 *
 * @example
 * ```ts
 * import { claims } from "@nnref/nnref/oracle";
 * const subject = { ids: ["s000.gd20.*"], compute: () => ({}) };
 * if (!claims(subject, "s000.gd20.tol1e-6")) throw new Error("prefix match");
 * if (claims(subject, "s000.grad")) throw new Error("no match");
 * ```
 * @throws {InputTypeError} if the subject has no ids array or id is not a string.
 * @category Replay
 */
export function claims(subject: Subject, id: string): boolean {
  const ids = (subject as { ids?: unknown } | null)?.ids;
  if (!Array.isArray(ids) || !ids.every((pattern) => typeof pattern === "string")) {
    throw new InputTypeError(
      `claims: subject.ids must be an array of fixture ids (or prefixes ending in *), got ${
        describe(ids)
      }`,
    );
  }
  if (typeof id !== "string") {
    throw new InputTypeError(`claims: id must be a fixture id (a string), got ${describe(id)}`);
  }
  return subject.ids.some((pattern) =>
    pattern.endsWith("*") ? id.startsWith(pattern.slice(0, -1)) : id === pattern
  );
}

/**
 * The one subject that claims `id`.
 *
 * @throws {InputTypeError} if subjects is not an array of subjects or id not a string.
 * @throws {ArgumentRangeError} if no subject, or more than one, claims the id.
 *
 * @example
 * ```ts
 * import { subjectFor } from "@nnref/nnref/oracle";
 * const subjects = [{ ids: ["a.one"], compute: () => ({ x: 1 }) }];
 * if (subjectFor(subjects, "a.one").compute({} as never).x !== 1) throw new Error("found");
 * ```
 * @category Replay
 */
export function subjectFor(subjects: readonly Subject[], id: string): Subject {
  if (!Array.isArray(subjects)) {
    throw new InputTypeError(`subjects must be an array of subjects, got ${describe(subjects)}`);
  }
  const found = subjects.filter((subject) => claims(subject, id));
  if (found.length === 0) throw new ArgumentRangeError(`No subject computes fixture "${id}"`);
  if (found.length > 1) {
    throw new ArgumentRangeError(
      `${found.length} subjects claim fixture "${id}"; ids must be unique`,
    );
  }
  return found[0];
}

/**
 * Why a value cannot be a subject, or `null` when it can: `ids` must be a non-empty array
 * of non-empty strings, `fields` (if given) an array of strings, and `compute` a function
 * of at most one parameter (the fixture).
 *
 * @param subject Anything claimed to be a {@link Subject}.
 * @returns A message naming what is wrong, or `null`.
 *
 * @example A compute function that expects two arguments is refused
 * ```ts
 * import { subjectProblem } from "@nnref/nnref/oracle";
 * const good = { ids: ["a.one"], compute: () => ({ x: 1 }) };
 * if (subjectProblem(good) !== null) throw new Error("a good subject");
 * const twoArguments = { ids: ["a.one"], compute: (_f: unknown, _g: unknown) => ({}) };
 * if (!subjectProblem(twoArguments)?.includes("one parameter")) throw new Error("refused");
 * ```
 * @category Replay
 */
export function subjectProblem(subject: unknown): string | null {
  if (typeof subject !== "object" || subject === null) {
    return `a subject must be an object { ids, fields?, compute }, got ${
      subject === null ? "null" : typeof subject
    }`;
  }
  const { ids, fields, compute } = subject as Record<string, unknown>;
  if (
    !Array.isArray(ids) || ids.length === 0 ||
    !ids.every((id) => typeof id === "string" && id.length > 0)
  ) {
    return "subject.ids must be a non-empty array of fixture ids (or prefixes ending in *)";
  }
  if (
    fields !== undefined && !(Array.isArray(fields) && fields.every((f) => typeof f === "string"))
  ) {
    return `subject.fields must be an array of expected field names (subject ${ids[0]})`;
  }
  if (typeof compute !== "function") {
    return `subject.compute must be a function (fixture) => fields, got ${typeof compute} (subject ${
      ids[0]
    })`;
  }
  if (compute.length > 1) {
    return `subject.compute must take one parameter (the fixture), but declares ${compute.length} (subject ${
      ids[0]
    })`;
  }
  return null;
}
