/**
 * How the fixtures in fixtures/linalg/ are computed with lib/linalg: one subject per
 * fixture family, shared by spec/linalg/ and the report. Private: not re-exported.
 *
 * @module
 */

import type { Fixture } from "../oracle/fixture.ts";
import type { Subject } from "../oracle/subject.ts";
import { matmul } from "./matmul.ts";
import { fromRows } from "./matrix.ts";

// Re-exported so that `deno doc --lint` finds every type SUBJECTS's type refers to.
export type { Subject } from "../oracle/subject.ts";
export type {
  Erratum,
  ExpectedValue,
  Fixture,
  FixtureOracle,
  FixtureSource,
} from "../oracle/fixture.ts";
export type { Tolerance } from "../oracle/assert_close.ts";

/** The input of a matmul fixture: A and B as arrays of rows. */
interface MatmulInput {
  readonly a: number[][];
  readonly b: number[][];
}

/** Every subject of fixtures/linalg/*.json. */
export const SUBJECTS: readonly Subject[] = [
  {
    ids: ["linalg.matmul.*"],
    compute: (fixture: Fixture) => {
      const { a, b } = fixture.input as unknown as MatmulInput;
      return { product: matmul(fromRows(a), fromRows(b)) };
    },
  },
];
