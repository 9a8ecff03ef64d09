/**
 * Conformance from any language: the check of the answers a program in any language
 * writes back (`nnref verify answers.json`) for the inputs of inputs.ts, field by field
 * against the conform bounds.
 *
 * The answers format (JSON Schema: docs/answers.schema.json):
 *
 *     { "precision": "float64" | "float32",          (optional, default float64)
 *       "implementation": "numpy 2.4 / my code",     (optional, for the table)
 *       "answers": { "<fixture id>": { "<field>": <numbers, nested as the field> } } }
 *
 * "NaN", "Infinity" and "-Infinity" may be written as strings. Each field must be the
 * concept's output named in `inputs`'s `fields`, reshaped to the given shape and, where
 * `transposed` is true, transposed.
 *
 * @module
 */

import { isRecord } from "../_tree.ts";
import { type Fixture, parseFixture } from "../fixture.ts";
import { compareConform, type Precision, short } from "./bound.ts";
import type { AnyConcept } from "./concept.ts";
import { conceptNamed } from "./registry.ts";
import { type ConceptInputs, conformOf } from "./inputs.ts";
import { copyJson, safeTree } from "./safe.ts";

/** One row of the verification table.
 * @category Conformance */
export interface AnswerRow {
  /** The fixture. */
  readonly id: string;
  /** The field. */
  readonly field: string;
  /** Its concept ("" when the field has none). */
  readonly concept: string;
  /** pass, fail, or unchecked. */
  readonly status: "pass" | "fail" | "unchecked";
  /** The worst error in units of u. */
  readonly worstU: number;
  /** The worst relative error. */
  readonly worstRelative: number;
  /** The bound, as c·u (plus κ at a narrower precision). */
  readonly bound: string;
  /** Empty when it passed; otherwise what went wrong. */
  readonly message: string;
}

/** The verification of an answers file.
 * @category Conformance */
export interface AnswersReport {
  /** The precision the answers were checked at. */
  readonly precision: Precision;
  /** One row per answered field (and per unanswered field of `concept`, when given). */
  readonly rows: AnswerRow[];
  /** True when no row failed and at least one passed. */
  readonly ok: boolean;
  /** Why not ok, in one line (empty when ok). */
  readonly summary: string;
}

const NON_FINITE: Record<string, number> = {
  NaN: NaN,
  Infinity: Infinity,
  "-Infinity": -Infinity,
};

function decode(value: unknown): unknown {
  if (typeof value === "string" && value in NON_FINITE) {
    return NON_FINITE[value];
  }
  return Array.isArray(value) ? value.map(decode) : value;
}

/**
 * Checks an answers document against the fixtures' conform bounds. Never throws.
 *
 * @param answers The parsed answers JSON.
 * @param fixtures Parsed fixtures.
 * @param options `concept`: also fail every unanswered field of this concept;
 *   `precision`: overrides the answers' own.
 * @returns The table rows and the verdict.
 *
 * @example A wrong answer fails, with the relative error and the bound in the message
 * ```ts
 * import { verifyAnswers } from "@nnref/nnref/oracle";
 * const fixture = {
 *   id: "mine.relu", concepts: ["relu"], source: { document: "none", section: "-", quote: "max(0, z)" },
 *   oracle: { method: "exact", generator: null }, input: { z: [-1, 2] }, printed: {},
 *   expected: { relu: [0, 2] }, conform: { relu: { concept: "relu", u: 0, reason: "exact" } },
 *   tolerance: { relu: { reason: "exact" } }, erratum: null,
 * };
 * const good = verifyAnswers({ answers: { "mine.relu": { relu: [0, 2] } } }, [fixture]);
 * if (!good.ok) throw new Error(good.summary);
 * const bad = verifyAnswers({ answers: { "mine.relu": { relu: [0, -2] } } }, [fixture]);
 * if (bad.ok || bad.rows[0].status !== "fail") throw new Error("caught");
 * ```
 * @category Conformance
 */
export function verifyAnswers(
  answers: unknown,
  fixtures: readonly unknown[],
  options: { concept?: string; precision?: Precision } = {},
): AnswersReport {
  const rows: AnswerRow[] = [];
  const fail = (summary: string): AnswersReport => ({
    precision: "float64",
    rows,
    ok: false,
    summary,
  });
  if (!isRecord(answers) || !isRecord(answers.answers)) {
    return fail(
      'the answers must be a JSON object { "answers": { fixture id: { field: values } } }',
    );
  }
  const precision = options.precision ??
    (answers.precision === "float32" ? "float32" : "float64");
  if (
    answers.precision !== undefined && answers.precision !== "float32" &&
    answers.precision !== "float64"
  ) {
    return fail(
      `precision must be "float64" or "float32", got ${JSON.stringify(answers.precision)}`,
    );
  }
  let concept: AnyConcept | undefined;
  try {
    concept = options.concept === undefined ? undefined : conceptNamed(options.concept);
  } catch (error) {
    return fail((error as Error).message);
  }
  const byId = new Map<string, Fixture>();
  for (const json of fixtures) {
    try {
      const fixture = parseFixture(json, "fixture");
      byId.set(fixture.id, fixture);
    } catch (error) {
      return fail(`a fixture is malformed: ${(error as Error).message}`);
    }
  }
  const given = answers.answers as Record<string, unknown>;
  for (const [id, fields] of Object.entries(given)) {
    const fixture = byId.get(id);
    const row = (field: string, conceptName: string, message: string): void => {
      rows.push({
        id,
        field,
        concept: conceptName,
        status: "fail",
        worstU: NaN,
        worstRelative: NaN,
        bound: "",
        message,
      });
    };
    if (fixture === undefined) {
      row("", "", `no fixture has the id ${JSON.stringify(id)}`);
      continue;
    }
    if (!isRecord(fields)) {
      row(
        "",
        "",
        "the answers of a fixture must be an object { field: values }",
      );
      continue;
    }
    for (const [field, value] of Object.entries(fields)) {
      const entry = conformOf(fixture)[field];
      if (entry === undefined) {
        row(
          field,
          "",
          `the fixture has no conform bound for ${field} (fields: ${
            Object.keys(conformOf(fixture)).join(", ")
          })`,
        );
        continue;
      }
      let skip: readonly boolean[] | undefined;
      try {
        const c = conceptNamed(entry.concept);
        skip = c.skip?.(c.inputs(fixture), entry.output ?? c.outputs[0]);
      } catch (error) {
        row(field, entry.concept, (error as Error).message);
        continue;
      }
      const verdict = compareConform(
        entry,
        safeTree(decode(value), `${id}.${field}`),
        safeTree(fixture.expected[field], "expected"),
        precision,
        skip,
      );
      const kappa = typeof entry.inputCondition === "number"
        ? entry.inputCondition
        : entry.inputCondition
        ? "κᵢ"
        : 0;
      rows.push({
        id,
        field,
        concept: entry.concept,
        status: verdict.status,
        worstU: verdict.worstU,
        worstRelative: verdict.worstRelative,
        bound: entry.u === undefined
          ? "—"
          : precision === "float64" || !kappa
          ? `${entry.u} u`
          : `(${entry.u} + ${typeof kappa === "number" ? short(kappa) : kappa}) u`,
        message: verdict.message,
      });
    }
  }
  if (concept !== undefined) {
    for (const fixture of byId.values()) {
      if (
        !(fixture as { concepts?: string[] }).concepts?.includes(concept.name)
      ) continue;
      for (const [field, entry] of Object.entries(conformOf(fixture))) {
        if (entry.concept !== concept.name || entry.checkable === false) {
          continue;
        }
        const answered = isRecord(given[fixture.id]) &&
          field in (given[fixture.id] as Record<string, unknown>);
        if (!answered) {
          rows.push({
            id: fixture.id,
            field,
            concept: concept.name,
            status: "fail",
            worstU: NaN,
            worstRelative: NaN,
            bound: "",
            message: "not answered",
          });
        }
      }
    }
  }
  const failedRows = rows.filter((r) => r.status === "fail").length;
  const passed = rows.filter((r) => r.status === "pass").length;
  const ok = failedRows === 0 && passed > 0;
  const summary = ok
    ? ""
    : passed === 0 && failedRows === 0
    ? "nothing checked"
    : `${failedRows} field(s) failed`;
  return { precision, rows, ok, summary };
}

/**
 * The report as a text table: one line per fixture field.
 *
 * @example
 * ```ts
 * import { formatAnswers } from "@nnref/nnref/oracle";
 * const text = formatAnswers({ precision: "float64", rows: [], ok: false, summary: "nothing checked" });
 * if (!text.includes("nothing checked")) throw new Error(text);
 * ```
 * @category Conformance
 */
export function formatAnswers(report: AnswersReport): string {
  const head = [
    "fixture",
    "field",
    "concept",
    "verdict",
    "worst (u)",
    "relative",
    "bound",
  ];
  const body = report.rows.map((r) => [
    r.id,
    r.field,
    r.concept,
    r.status,
    Number.isNaN(r.worstU) ? "" : short(r.worstU),
    Number.isNaN(r.worstRelative) ? "" : short(r.worstRelative),
    r.bound,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
  const notes = report.rows.filter((r) => r.message !== "").map((r) =>
    `  ${r.id} ${r.field}: ${r.message}`
  );
  const pass = report.rows.filter((r) => r.status === "pass").length;
  const fail = report.rows.filter((r) => r.status === "fail").length;
  const unchecked = report.rows.length - pass - fail;
  return [
    line(head),
    ...body.map(line),
    ...(notes.length > 0 ? ["", ...notes] : []),
    "",
    `${
      report.ok ? "conforms" : "does NOT conform"
    } at ${report.precision}: ${pass} passed, ${fail} failed, ${unchecked} not checkable` +
    (report.summary ? ` (${report.summary})` : ""),
  ].join("\n");
}

/**
 * The answers document of a JavaScript implementation: what a program in another language
 * writes, here computed by calling `implementation` on each fixture's canonical input (for
 * trying the `nnref verify` pipeline, and for tools that compare several implementations).
 * An implementation that throws on a fixture leaves that fixture unanswered.
 *
 * @param inputs What {@link conceptInputs} returned.
 * @param implementation The implementation (see the concept's signature).
 * @param precision The format it computes in.
 * @returns `{ precision, answers: { id: { field: values } } }`.
 *
 * @example
 * ```ts
 * import { answersOf, conceptInputs, verifyAnswers } from "@nnref/nnref/oracle";
 * const fixture = {
 *   id: "mine.relu", concepts: ["relu"], source: { document: "none", section: "-", quote: "max(0, z)" },
 *   oracle: { method: "exact", generator: null }, input: { z: [-1, 2] }, printed: {},
 *   expected: { relu: [0, 2] }, conform: { relu: { concept: "relu", u: 0, reason: "exact" } },
 *   tolerance: { relu: { reason: "exact" } }, erratum: null,
 * };
 * const doc = answersOf(conceptInputs("relu", [fixture]), (z: number) => Math.max(0, z));
 * if (!verifyAnswers(doc, [fixture]).ok) throw new Error("max(0, z) is ReLU");
 * ```
 * @category Conformance
 */
export function answersOf(
  inputs: ConceptInputs,
  implementation: unknown,
  precision: Precision = "float64",
): { precision: Precision; answers: Record<string, Record<string, unknown>> } {
  const concept = conceptNamed(inputs.concept);
  const answers: Record<string, Record<string, unknown>> = {};
  for (const fixture of inputs.fixtures) {
    let outputs: Record<string, unknown>;
    try {
      outputs = concept.run(implementation, copyJson(fixture.input));
    } catch {
      continue;
    }
    const fields: Record<string, unknown> = {};
    for (const [field, how] of Object.entries(fixture.fields)) {
      const tree = safeTree(outputs[how.output]);
      if (tree.error !== "") continue;
      let values = tree.values as number[];
      let shape = tree.shape as number[];
      if (how.transposed && shape.length === 2) {
        const [r, c] = shape;
        values = Array.from(
          { length: r * c },
          (_, k) => values[(k % r) * c + Math.floor(k / r)],
        );
        shape = [c, r];
      }
      if (values.length !== how.shape.reduce((a, b) => a * b, 1)) continue;
      const build = (at: number, dims: number[]): unknown =>
        dims.length === 0 ? encode(values[at]) : Array.from(
          { length: dims[0] },
          (_, i) =>
            build(
              at + i * dims.slice(1).reduce((a, b) => a * b, 1),
              dims.slice(1),
            ),
        );
      fields[field] = build(0, how.shape);
    }
    answers[fixture.id] = fields;
  }
  return { precision, answers };
}

function encode(x: number): number | string {
  return Number.isFinite(x) ? x : Number.isNaN(x) ? "NaN" : x > 0 ? "Infinity" : "-Infinity";
}
