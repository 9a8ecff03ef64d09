/**
 * "Agrees to every printed digit": a number printed with k digits after its last
 * significant place stands for every value within half a unit of that place.
 *
 * `"6.08613445378149"` stands for [6.086134453781485, 6.086134453781495]; `"1.2e-3"`
 * for [1.15e-3, 1.25e-3]; `"63"` for [62.5, 63.5]. Documents that truncate instead of
 * rounding are checked with `{ rounding: "truncate" }`: the value must lie within one
 * unit of the printed number, on the side away from zero.
 *
 * @module
 */

import { AssertionError } from "./assertion_error.ts";
import { ulp } from "./ulp.ts";
import {
  describe,
  isNumber,
  isString,
  multiIndex,
  type NumericTree,
  readTree,
  type StringTree,
} from "./_tree.ts";
import { InputTypeError } from "../lib/errors.ts";

export type { StringTree } from "./_tree.ts";

/** A printed number: its value and the unit of its last printed digit.
 * @category Assertions */
export interface PrintedNumber {
  /** The printed text, as given. */
  readonly text: string;
  /** The value the text denotes (NaN and ±∞ for "NaN", "Inf", "-Inf"). */
  readonly value: number;
  /** The place value of the last printed digit (0 for non-finite values). */
  readonly unit: number;
}

/** How the document turned the true value into digits.
 * @category Assertions */
export interface PrintedOptions {
  /** `"nearest"` (the default: ordinary rounding) or `"truncate"` (digits cut off). */
  readonly rounding?: "nearest" | "truncate";
}

const NUMBER = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** The non-finite spellings, looked up in a Map: "constructor" is not one of them. */
const SPECIAL = new Map<string, number>([
  ["nan", NaN],
  ["inf", Infinity],
  ["+inf", Infinity],
  ["infinity", Infinity],
  ["+infinity", Infinity],
  ["-inf", -Infinity],
  ["-infinity", -Infinity],
]);

/**
 * Parses a printed number such as `"-0.2815"`, `"6.0861"`, `"1.5e-07"` or `"−3"`
 * (U+2212 minus is accepted).
 *
 * @throws {InputTypeError} if the text is not a string or not a decimal number.
 *
 * @example
 * ```ts
 * import { parsePrinted } from "@nnref/nnref/oracle";
 * const p = parsePrinted("2.13");
 * if (p.value !== 2.13 || Math.abs(p.unit - 0.01) > 1e-18) throw new Error("2.13 has unit 0.01");
 * ```
 * @category Assertions
 */
export function parsePrinted(text: string): PrintedNumber {
  if (typeof text !== "string") {
    throw new InputTypeError(`A printed value must be a string, got ${describe(text)}`);
  }
  const clean = text.trim().replace(/\u2212/g, "-");
  const special = SPECIAL.get(clean.toLowerCase());
  if (special !== undefined) return { text, value: special, unit: 0 };
  const match = NUMBER.exec(clean);
  if (!match || (match[2] === "" && (match[3] ?? "") === "")) {
    throw new InputTypeError(
      `Cannot read ${JSON.stringify(text)} as a printed number: expected digits such as "-1.25e-3"`,
    );
  }
  const fraction = match[3] ?? "";
  const exponent = Number(match[4] ?? 0);
  return { text, value: Number(clean), unit: 10 ** (exponent - fraction.length) };
}

/** Whether `actual` is consistent with the printed number; returns the bound if not. */
function agreement(
  actual: number,
  printed: PrintedNumber,
  options: PrintedOptions,
): [boolean, number] {
  if (!Number.isFinite(printed.value) || !Number.isFinite(actual)) {
    return [
      Object.is(actual, printed.value) || (Number.isNaN(actual) && Number.isNaN(printed.value)),
      0,
    ];
  }
  // Two ulps of slack cover the rounding of the decimal text to a double and of the
  // subtraction; they matter only when the true value sits exactly on a rounding boundary.
  const slack = 2 * ulp(Math.max(Math.abs(actual), Math.abs(printed.value)));
  if (options.rounding === "truncate") {
    const away = Math.sign(printed.value || actual) * (actual - printed.value);
    return [away >= -slack && away <= printed.unit + slack, printed.unit];
  }
  const bound = printed.unit / 2 + slack;
  return [Math.abs(actual - printed.value) <= bound, bound];
}

/**
 * Checks a computed value against printed digits without throwing.
 *
 * @returns `null` if every element agrees, else a message naming the first that does not.
 * @throws {InputTypeError} if a printed string is not a number, options are malformed, or a
 *   value cannot be read (wrong type, ragged, nested deeper than 64 levels, cyclic).
 *
 * @example
 * ```ts
 * import { printedMismatch } from "@nnref/nnref/oracle";
 * if (printedMismatch(2 / 3, "0.6667") !== null) throw new Error("2/3 rounds to 0.6667");
 * if (printedMismatch(2 / 3, "0.6666") === null) throw new Error("0.6666 is not 2/3 rounded");
 * if (printedMismatch(2 / 3, "0.6666", { rounding: "truncate" }) !== null) throw new Error("truncated");
 * ```
 * @category Assertions
 */
export function printedMismatch(
  actual: NumericTree,
  printed: StringTree,
  options: PrintedOptions = {},
): string | null {
  if (typeof options !== "object" || options === null) {
    throw new InputTypeError(`options must be an object, got ${describe(options)}`);
  }
  if (
    options.rounding !== undefined && options.rounding !== "nearest" &&
    options.rounding !== "truncate"
  ) {
    throw new InputTypeError(
      `options.rounding must be "nearest" or "truncate", got ${JSON.stringify(options.rounding)}`,
    );
  }
  const a = readTree(actual, isNumber, "number", "actual");
  const p = readTree(printed, isString, "string", "printed");
  if (a.shape.join(",") !== p.shape.join(",")) {
    return `Shapes differ: actual [${a.shape}] vs printed [${p.shape}]`;
  }
  let count = 0;
  let first = "";
  for (let i = 0; i < p.size; i++) {
    const parsed = parsePrinted(p.at(i));
    const value = a.at(i);
    const [ok, bound] = agreement(value, parsed, options);
    if (ok) continue;
    count++;
    if (first === "") {
      const index = multiIndex(i, p.shape);
      const where = index.length ? ` at [${index.join(", ")}]` : "";
      first = `${where}: actual ${value}, printed "${parsed.text}", difference ` +
        `${Math.abs(value - parsed.value)} exceeds ${bound} ` +
        `(${
          options.rounding === "truncate" ? "one unit, truncated" : "half a unit"
        } in the last printed digit)`;
    }
  }
  return count === 0 ? null : `${count} of ${p.size} printed values disagree; first${first}`;
}

/**
 * Asserts that `actual` agrees with the printed strings to every printed digit: within
 * half a unit in the last printed place (plus two ulps for decimal-to-binary rounding).
 *
 * @param actual The value (or nested values) to check, usually a fixture's true value.
 * @param printed The document's digits, as strings of the same shape.
 * @param options `{ rounding: "truncate" }` for documents that cut digits off.
 * @param context Prefix for the failure message.
 * @throws {AssertionError} naming the index, the actual value, the printed text and the bound.
 * @throws {InputTypeError} as {@link printedMismatch}.
 *
 * @example The commute regression's first weight, printed to 14 decimals
 * ```ts
 * import { assertPrinted } from "@nnref/nnref/oracle";
 * assertPrinted(6.086134453781513, "6.08613445378151");
 * let threw = false;
 * try { assertPrinted(2.26845, "2.26854"); } catch { threw = true; }
 * if (!threw) throw new Error("a transposed digit must be caught");
 * ```
 * @category Assertions
 */
export function assertPrinted(
  actual: NumericTree,
  printed: StringTree,
  options: PrintedOptions = {},
  context?: string,
): void {
  const message = printedMismatch(actual, printed, options);
  if (message !== null) throw new AssertionError(context ? `${context}: ${message}` : message);
}
