/**
 * "Backpropagation in reverse" as the ai-edu programs of 004 use it: to move a graph's
 * output z to a target t, correct each chosen input by
 *
 *   Δz = z − t,  Δinput = Δz / (∂z/∂input),  input ← input − Δinput
 *
 * (divided by the number of inputs corrected together, when `split` is set). With the
 * factor ∂z/∂input recomputed at every pass and one input this is Newton's method for
 * z(input) = t; with the factor frozen at the start it is the chord method.
 *
 * Every pass is recorded. The loop is bounded by `maxIterations` and ends with a status:
 * converged (|Δz| < tolerance, checked before updating, as the programs do), diverged
 * (a non-finite input, or |Δz| grown past `growthLimit` times its first value),
 * oscillating (Δz alternating in sign without shrinking), stalled (an update that leaves
 * every input where it was, e.g. a `reset` that sends x back to the same point), or
 * maxIterations.
 *
 * @module
 */

import { NUMBER_ARITHMETIC, type ScalarFunction } from "../autodiff/arithmetic.ts";
import { reverseModeGradient } from "../autodiff/graph.ts";
import { ArgumentRangeError, InputTypeError } from "../errors.ts";
import {
  describeValue,
  requireFiniteNumber,
  requireFunction,
  requireInteger,
  requireIterationCap,
  requireNumber,
  requireObject,
  requirePositive,
} from "../_util/validate.ts";

/**
 * Where ∂z/∂input comes from: `"recomputed"` by reverse mode at every pass (004's
 * `factor_b = 2*x+3*y`), `"initial"` by reverse mode at the start and then frozen, or
 * fixed numbers by input name (004's `delta_z/63`).
 * @category Inverse problems
 */
export type FactorMode = "recomputed" | "initial" | Readonly<Record<string, number>>;

/** How a drive ended.
 * @category Inverse problems */
export type DriveStatus = "converged" | "diverged" | "oscillating" | "stalled" | "maxIterations";

/** The settings of {@link driveToTarget}.
 * @category Inverse problems */
export interface DriveOptions {
  /** The graph z = f(inputs), written once against `Arithmetic`. */
  readonly fn: ScalarFunction;
  /** Every input's starting value, by name (004: `{ w: 3, b: 4 }`). */
  readonly start: Readonly<Record<string, number>>;
  /** The inputs to correct (004: `["b"]` or `["w", "b"]`). */
  readonly adjust: readonly string[];
  /** The target t of the output (004: 150, or 2.13). */
  readonly target: number;
  /** Stop when |z − t| < tolerance, before updating (004: 1e-5, or 1e-3). */
  readonly tolerance: number;
  /**
   * The most updates to make, an integer in [1, 10⁷]; the loop evaluates at most
   * maxIterations + 1 points.
   */
  readonly maxIterations: number;
  /** Where the factors ∂z/∂input come from. */
  readonly factors: FactorMode;
  /** Divide each correction by the number of inputs corrected (004: `/2` for w and b). */
  readonly split?: boolean;
  /** Per input, a floor: a value below `below` is replaced by `to` (004: x < 1 ⇒ 1.1). */
  readonly reset?: Readonly<Record<string, { readonly below: number; readonly to: number }>>;
  /** The output's range [min, max]; a target outside it is rejected up front. */
  readonly outputRange?: readonly [number, number];
  /** Diverged when |Δz| exceeds growthLimit·|Δz₀|. Default 1e6. */
  readonly growthLimit?: number;
  /**
   * Oscillating when the last `oscillationWindow` values of Δz alternate in sign and
   * none is smaller in size than the one two passes before. Default 6; 0 turns it off.
   */
  readonly oscillationWindow?: number;
}

/** One pass: the point, the output there, and (unless it was the last) the correction.
 * @category Inverse problems */
export interface DrivePass {
  /** Every input's value at this pass. */
  readonly inputs: Readonly<Record<string, number>>;
  /** z at this point. */
  readonly output: number;
  /** Δz = z − t. */
  readonly deltaOutput: number;
  /** ∂z/∂input used for each corrected input (absent on the last pass). */
  readonly factors?: Readonly<Record<string, number>>;
  /** Δinput = Δz / factor (/ count when split) for each corrected input. */
  readonly corrections?: Readonly<Record<string, number>>;
  /**
   * With recomputed factors: Δnode = Δz / (∂z/∂node) for every named node of the graph
   * with a non-zero gradient: the document's node-by-node backward chain (Δc, Δb, Δa, Δx).
   */
  readonly nodeDeltas?: Readonly<Record<string, number>>;
  /** The value of every named node, at the passes where the graph was built (recomputed factors: all). */
  readonly nodeValues?: Readonly<Record<string, number>>;
}

/** The outcome of {@link driveToTarget}.
 * @category Inverse problems */
export interface DriveResult {
  /** Why the loop stopped. */
  readonly status: DriveStatus;
  /** Every pass, the first at the start. */
  readonly passes: readonly DrivePass[];
  /** The number of updates made (passes − 1). */
  readonly iterations: number;
  /** The inputs at the last pass. */
  readonly inputs: Readonly<Record<string, number>>;
  /** z at the last pass. */
  readonly output: number;
}

/** Throws unless `value` is an object whose own keys are input names (never "__proto__"). */
function requireNamed(value: unknown, what: string): asserts value is Record<string, unknown> {
  requireObject(value, what);
  for (const name of Object.keys(value)) {
    if (name === "__proto__") {
      throw new ArgumentRangeError(
        `${what} has the key "__proto__", which cannot name an input: it is the prototype accessor`,
      );
    }
  }
}

function validate(options: DriveOptions): void {
  requireObject(options, "options");
  const { start, adjust, target, tolerance, maxIterations, factors } = options;
  requireFunction(options.fn, "fn (the graph z = f(inputs))");
  requireNamed(start, "start");
  for (const [name, value] of Object.entries(start)) {
    requireFiniteNumber(value, `start value of input "${name}"`);
  }
  if (!Array.isArray(adjust) || adjust.some((name) => typeof name !== "string")) {
    throw new InputTypeError(
      `adjust must be an array of input names (strings), got ${describeValue(adjust)}`,
    );
  }
  if (adjust.length === 0) {
    throw new ArgumentRangeError(
      "Cannot drive to a target: no inputs to adjust (expected at least one)",
    );
  }
  for (const name of adjust) {
    // Own properties only: "constructor" is not an input because {} inherits one.
    if (!Object.hasOwn(start, name)) {
      throw new ArgumentRangeError(
        `Cannot adjust input "${name}": it has no start value (inputs: ${
          Object.keys(start).join(", ")
        })`,
      );
    }
  }
  requireFiniteNumber(target, "target");
  requirePositive(tolerance, "tolerance");
  requireIterationCap(maxIterations, "maxIterations", 1);
  if (typeof factors === "object" && factors !== null) {
    requireNamed(factors, "factors");
    for (const name of adjust) {
      if (!Object.hasOwn(factors, name)) {
        throw new ArgumentRangeError(
          `Cannot adjust input "${name}": no fixed factor ∂z/∂${name} given`,
        );
      }
      requireFiniteNumber(factors[name], `fixed factor ∂z/∂${name}`);
    }
  } else if (factors !== "recomputed" && factors !== "initial") {
    throw new InputTypeError(
      `factors must be "recomputed", "initial" or numbers by input name, got ${
        JSON.stringify(factors)
      }`,
    );
  }
  if (options.split !== undefined && typeof options.split !== "boolean") {
    throw new InputTypeError(`split must be true or false, got ${describeValue(options.split)}`);
  }
  if (options.reset !== undefined) {
    requireNamed(options.reset, "reset");
    for (const [name, floor] of Object.entries(options.reset)) {
      requireObject(floor, `reset.${name}`);
      requireFiniteNumber(floor.below, `reset.${name}.below`);
      requireFiniteNumber(floor.to, `reset.${name}.to`);
    }
  }
  if (options.growthLimit !== undefined) requirePositive(options.growthLimit, "growthLimit");
  const window = options.oscillationWindow;
  if (window !== undefined && window !== 0) {
    requireInteger(window, "oscillationWindow", 3, 1_000_000);
  }
  const range = options.outputRange;
  if (range !== undefined) {
    if (!Array.isArray(range) || range.length !== 2) {
      throw new InputTypeError(`outputRange must be [min, max], got ${describeValue(range)}`);
    }
    requireNumber(range[0], "outputRange[0]");
    requireNumber(range[1], "outputRange[1]");
    if (!(range[0] <= range[1])) {
      throw new ArgumentRangeError(
        `outputRange must be [min, max] with min ≤ max (±Infinity allowed), got [${range}]`,
      );
    }
  }
  if (range !== undefined && (target < range[0] || target > range[1])) {
    throw new ArgumentRangeError(
      `Cannot drive the output to ${target}: it only takes values in [${range[0]}, ${range[1]}]`,
    );
  }
}

/** Whether the last `window` deltas alternate in sign without shrinking. */
function oscillates(deltas: readonly number[], window: number): boolean {
  if (window === 0 || deltas.length < window) return false;
  const last = deltas.slice(-window);
  for (let i = 1; i < last.length; i++) {
    if (Math.sign(last[i]) === Math.sign(last[i - 1]) || last[i] === 0) return false;
    if (i >= 2 && Math.abs(last[i]) < Math.abs(last[i - 2])) return false;
  }
  return true;
}

/**
 * Drives a graph's output to a target by Δinput = Δoutput / (∂output/∂input).
 *
 * Symbols (004): z ↦ output, t ↦ `target`, Δz ↦ `deltaOutput`, 63 and 18 ↦ fixed
 * `factors`, `factor_b = 2x + 3y` ↦ `factors: "recomputed"`, the `/2` of
 * `double_variable` ↦ `split: true`, `error` ↦ `tolerance`.
 *
 * @param options See {@link DriveOptions}.
 * @returns The status and every pass.
 * @throws {InputTypeError} if an option has the wrong type, or `factors` is not one of
 *   the three forms.
 * @throws {NonFiniteError} for a non-finite start value, target or factor.
 * @throws {ArgumentRangeError} for bad settings (unknown input — names are own keys only,
 *   "__proto__" never —, tolerance ≤ 0, maxIterations not an integer in [1, 10⁷], a
 *   target outside `outputRange`), for a factor ∂z/∂input of 0 at the current point, and
 *   for an operation of the graph that fails (naming the node).
 * @see fixtures/graph/linear_bp.json, fixtures/graph/nonlinear_bp.json
 *
 * @example 004: z = (2w + 3b)(2b + 1) from w = 3, b = 4 to 150, correcting b by Δz/63
 * ```ts
 * import { driveToTarget } from "@nnref/nnref/inverse";
 * const result = driveToTarget({
 *   fn: (ops, { w, b }) =>
 *     ops.mul(ops.add(ops.mul(2, w), ops.mul(3, b)), ops.add(ops.mul(2, b), 1)),
 *   start: { w: 3, b: 4 }, adjust: ["b"], target: 150, tolerance: 1e-5,
 *   maxIterations: 100, factors: { b: 63 },
 * });
 * if (result.status !== "converged" || result.passes.length !== 6) throw new Error("6 passes");
 * if (result.passes[1].inputs.b !== 4 - 12 / 63) throw new Error("b₁ = 4 − 12/63");
 * ```
 * @category Inverse problems
 */
export function driveToTarget(options: DriveOptions): DriveResult {
  validate(options);
  const { fn, adjust, target, tolerance, maxIterations, factors } = options;
  const split = options.split ?? false;
  const growthLimit = options.growthLimit ?? 1e6;
  const window = options.oscillationWindow ?? 6;
  const share = split ? adjust.length : 1;
  let inputs: Record<string, number> = { ...options.start };
  let frozen: Record<string, number> | undefined = typeof factors === "object"
    ? Object.fromEntries(adjust.map((name) => [name, factors[name]]))
    : undefined;
  const passes: DrivePass[] = [];
  const deltas: number[] = [];
  const finish = (status: DriveStatus, pass: DrivePass): DriveResult => {
    passes.push(pass);
    return {
      status,
      passes,
      iterations: passes.length - 1,
      inputs: pass.inputs,
      output: pass.output,
    };
  };
  for (let iteration = 0;; iteration++) {
    const needGradient = factors === "recomputed" || (factors === "initial" && !frozen);
    const evaluated = needGradient ? reverseModeGradient(fn, inputs) : undefined;
    const output = evaluated ? evaluated.value : fn(NUMBER_ARITHMETIC, inputs);
    const deltaOutput = output - target;
    const here: DrivePass = evaluated
      ? { inputs, output, deltaOutput, nodeValues: evaluated.graph.values() }
      : { inputs, output, deltaOutput };
    if (Math.abs(deltaOutput) < tolerance) return finish("converged", here);
    const previous = passes.at(-1);
    if (previous !== undefined && adjust.every((name) => previous.inputs[name] === inputs[name])) {
      return finish("stalled", here);
    }
    if (iteration === maxIterations) return finish("maxIterations", here);
    deltas.push(deltaOutput);
    if (Math.abs(deltaOutput) > growthLimit * Math.abs(deltas[0])) {
      return finish("diverged", here);
    }
    if (oscillates(deltas, window)) return finish("oscillating", here);
    let used: Record<string, number>;
    if (evaluated && factors === "recomputed") {
      used = Object.fromEntries(adjust.map((name) => [name, evaluated.gradient[name]]));
    } else {
      if (!frozen && evaluated) {
        frozen = Object.fromEntries(adjust.map((name) => [name, evaluated.gradient[name]]));
      }
      used = frozen as Record<string, number>;
    }
    const corrections: Record<string, number> = {};
    const next: Record<string, number> = { ...inputs };
    for (const name of adjust) {
      if (used[name] === 0) {
        throw new ArgumentRangeError(
          `Cannot correct input "${name}" at pass ${iteration + 1}: ∂z/∂${name} is 0 there ` +
            `(${name} = ${inputs[name]}), so Δ${name} = Δz / 0 is undefined`,
        );
      }
      corrections[name] = deltaOutput / used[name] / share;
      let value = inputs[name] - corrections[name];
      const floor = options.reset !== undefined && Object.hasOwn(options.reset, name)
        ? options.reset[name]
        : undefined;
      if (floor !== undefined && value < floor.below) value = floor.to;
      next[name] = value;
    }
    const pass: DrivePass = { ...here, factors: used, corrections };
    if (evaluated && factors === "recomputed") {
      const nodeDeltas: Record<string, number> = {};
      for (const [name, gradient] of Object.entries(evaluated.graph.gradients())) {
        if (gradient !== 0) nodeDeltas[name] = deltaOutput / gradient;
      }
      passes.push({ ...pass, nodeDeltas });
    } else {
      passes.push(pass);
    }
    if (!Object.values(next).every(Number.isFinite)) {
      // The last pass recorded is the last finite point; never a NaN output.
      const last = passes.pop() as DrivePass;
      return finish("diverged", last);
    }
    inputs = next;
  }
}
