/**
 * Every worked result's subject in one list, document by document and, inside each
 * document, in the document's section order: S0, S1, S2, S3, S4, then the results beyond
 * the documents (NIST StRD, Iris, RandomState streams, matrix products, the training
 * API: trained networks, output losses, initialisers; and the WebAssembly kernels'
 * accuracy and bytes, fixtures/wasm/). The report and
 * the replay engine take their subjects from here.
 *
 * @module
 */

import type { Subject } from "../oracle/subject.ts";
import { SUBJECTS as S000 } from "./s000.ts";
import { SUBJECTS as S001 } from "./s001/mod.ts";
import { SUBJECTS as S002 } from "./s002/mod.ts";
import { SUBJECTS as S003 } from "./s003.ts";
import { SUBJECTS as S004 } from "./s004.ts";
import { SUBJECTS as BEYOND } from "./beyond.ts";
import { SUBJECTS as TRAINING } from "./training.ts";
import { SUBJECTS as CONFORMANCE } from "./conformance.ts";
import { SUBJECTS as KERNELS } from "./kernels.ts";

// Re-exported so that `deno doc --lint` finds the type SUBJECTS refers to.
export type { Subject } from "../oracle/subject.ts";

/**
 * All subjects of nnref, in document and section order. Each fixture id is claimed by
 * exactly one of them (the replay reports a fixture claimed twice or not at all).
 *
 * @example Every subject claims at least one id, and no id twice
 * ```ts
 * import { SUBJECTS } from "@nnref/nnref/worked";
 * const ids = SUBJECTS.flatMap((subject) => subject.ids);
 * if (ids.length === 0 || new Set(ids).size !== ids.length) throw new Error("ids unique");
 * ```
 * @category Worked results
 */
export const SUBJECTS: readonly Subject[] = [
  ...S000,
  ...S001,
  ...S002,
  ...S003,
  ...S004,
  ...BEYOND,
  ...TRAINING,
  ...CONFORMANCE,
  ...KERNELS,
];
