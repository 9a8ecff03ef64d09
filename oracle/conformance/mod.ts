/**
 * Checking YOUR implementation of a concept against nnref's fixtures.
 *
 * Pass a sigmoid `(x) => number`, a least-squares solver `(X, y) => weights`, a forward
 * pass, a backward pass or a gradient-descent step, plus fixtures (the parsed JSON of one
 * or more fixture files, e.g. imported from a URL with `with { type: "json" }`), and get
 * one result per fixture: its id, whether it passed, and a message per field. Use it in
 * your own `deno test` or `bun test`; {@link assertConcept} throws on the first failure.
 *
 * Only the values your implementation computes are checked, each against the fixture's
 * true value within the fixture's own tolerance. Fixtures that do not describe the
 * concept (a tanh fixture given to the sigmoid check) are reported as skipped.
 *
 * @example Catching a sigmoid with the wrong sign
 * ```ts
 * import { checkSigmoid } from "@nnref/nnref/oracle";
 * const fixture = {
 *   id: "mine.sigmoid", source: { document: "none", section: "-", quote: "σ(0) = 0.5" },
 *   oracle: { method: "mpmath", generator: null }, input: { z: [0, 2] }, printed: {},
 *   expected: { sigmoid: [0.5, 0.8807970779778823] },
 *   tolerance: { sigmoid: { ulps: 1, reason: "one exp, one division" } }, erratum: null,
 * };
 * const right = checkSigmoid((x) => 1 / (1 + Math.exp(-x)), [fixture]);
 * if (!right[0].ok) throw new Error(right[0].message);
 * const wrong = checkSigmoid((x) => 1 / (1 + Math.exp(x)), [fixture]);
 * if (wrong[0].ok || !wrong[0].message.includes("sigmoid")) throw new Error("caught");
 * ```
 *
 * @module
 */

export * from "./check.ts";
export * from "./sigmoid.ts";
export * from "./forward.ts";
export * from "./least_squares.ts";
export * from "./backward.ts";
export * from "./gradient_step.ts";
