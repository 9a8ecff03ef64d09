// S1 §2.2.1's MiniSGD file stops when every |ΔWⱼ| < 0.02. With ηₜ = 0.06/√t and batches
// drawn with replacement, when that happens is random: its distribution over seeds
// 0 … 999 (RandomState standing in for MATLAB's randi).
import { stochasticGradientDescent } from "../../lib/optim/sgd.ts";
import type { StepSchedule } from "../../lib/optim/step_schedule.ts";
import type { StoppingRule } from "../../lib/optim/stopping_rule.ts";
import { fixture } from "./_data.ts";
import { designOf } from "./_gd.ts";
import type { TopLevelSpec } from "./render.ts";

export const title = "S1 §2.2.1: when mini-batch SGD stops";

/** The sections of the errata sheets this figure illustrates. */
export const places: readonly (readonly [string, string])[] = [["S1", "2.2.1"]];

export function spec(): TopLevelSpec {
  const f = fixture("s001.minisgd.stopping_times");
  const { x, y } = designOf(f);
  const input = f.input;
  const seeds = input.seeds as number;
  const times: { seed: number; iterations: number }[] = [];
  for (let seed = 0; seed < seeds; seed++) {
    const result = stochasticGradientDescent(x, y, {
      schedule: input.schedule as StepSchedule,
      batchSize: input.batchSize as number,
      replace: input.replace as boolean,
      stop: input.stop as StoppingRule,
      initialWeights: input.initialWeights as number[],
      maxIterations: input.maxIterations as number,
      seed,
    });
    times.push({ seed, iterations: result.iterations });
  }
  const sorted = times.map((t) => t.iterations).sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: title,
      subtitle: `C = 0.06, b = 2, W⁰ = 0, stop when every |ΔWⱼ| < 0.02; ${seeds} seeds, ` +
        `median ${median}, range ${sorted[0]}–${sorted.at(-1)} iterations`,
    },
    width: 440,
    height: 260,
    data: { values: times },
    mark: { type: "bar", color: "#4c78a8" },
    encoding: {
      x: {
        field: "iterations",
        type: "quantitative",
        bin: { maxbins: 40 },
        title: "iterations until the stop",
      },
      y: { aggregate: "count", type: "quantitative", title: "seeds" },
    },
  };
}
