/**
 * Every area's subjects in one list: how each worked result is computed with `lib/`.
 * The report and the replay engine take their subjects from here; an area that adds a
 * fixture adds its subject to its own `_subjects.ts`, and the list below picks it up.
 *
 * @module
 */

import type { Subject } from "./subject.ts";
import { SUBJECTS as ACTIVATION } from "../activation/_subjects.ts";
import { SUBJECTS as AUTODIFF } from "../autodiff/_subjects.ts";
import { SUBJECTS as CLASSIFY } from "../classify/_subjects.ts";
import { SUBJECTS as INVERSE } from "../inverse/_subjects.ts";
import { SUBJECTS as LINALG } from "../linalg/_subjects.ts";
import { SUBJECTS as LOSS } from "../loss/_subjects.ts";
import { SUBJECTS as NN } from "../nn/_subjects.ts";
import { SUBJECTS as OPTIM } from "../optim/_subjects.ts";
import { SUBJECTS as RANDOM } from "../random/_subjects.ts";
import { SUBJECTS as REGRESSION } from "../regression/_subjects.ts";
import { SUBJECTS as SERIES } from "../series/_subjects.ts";

// Re-exported so that `deno doc --lint` finds the type SUBJECTS refers to.
export type { Subject } from "./subject.ts";

/**
 * All subjects of nnref, area by area. Each fixture id is claimed by exactly one of them
 * (the replay reports a fixture claimed twice or not at all).
 *
 * @example Every subject claims at least one id, and no id twice
 * ```ts
 * const ids = SUBJECTS.flatMap((subject) => subject.ids);
 * if (ids.length === 0 || new Set(ids).size !== ids.length) throw new Error("ids unique");
 * ```
 */
export const SUBJECTS: readonly Subject[] = [
  ...RANDOM,
  ...LINALG,
  ...REGRESSION,
  ...OPTIM,
  ...SERIES,
  ...ACTIVATION,
  ...LOSS,
  ...CLASSIFY,
  ...NN,
  ...AUTODIFF,
  ...INVERSE,
];
