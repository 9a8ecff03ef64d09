/**
 * Small readers shared by the worked-results modules: a fixture's input as numbers, rows
 * and vectors of a Matrix, the 001 out × in weight convention, a graph's input point,
 * and the descent options a fixture spells out.
 *
 * @module
 */

import type { Fixture } from "../oracle/fixture.ts";
import { fromRows, type Matrix, toRows, transpose } from "../lib/linalg/matrix.ts";
import type { StoppingRule } from "../lib/optim/stopping_rule.ts";
import type { Graph } from "../lib/autodiff/graph.ts";
import type { WorkedGraph } from "./graphs.ts";

/** A fixture's input. */
export type Input = Record<string, unknown>;

export const numbers = (value: unknown): number[] => value as number[];

export type Rows = number[][];

/** A Matrix as an array of rows. */
export const rows = (m: Matrix): Rows => toRows(m);

/** A Matrix's entries as a flat array (a row or column vector). */
export const vector = (m: Matrix): number[] => Array.from(m.data);

/** 001's out × in Wˡ from our in × out weights (and back: the transpose is its own inverse). */
export const flip = (m: Matrix | Rows): Rows =>
  toRows(transpose(Array.isArray(m) ? fromRows(m) : m));

/** Input values of a fixture, by the graph's input names. */
export function pointOf(fixture: Fixture, graph: WorkedGraph): Record<string, number> {
  const point: Record<string, number> = {};
  for (const name of graph.inputs) point[name] = fixture.input[name] as number;
  return point;
}

/** ∂from/∂to on an already built graph (runs a backward pass from `from`). */
export function partial(graph: Graph, from: string, to: string): number {
  graph.backward(from);
  return graph.gradient(to);
}

/** The descent options a fixture's input spells out: η, W⁰, the stopping rule, the step limit. */
export function descentOptions(input: Input) {
  return {
    learningRate: input.learningRate as number,
    initialWeights: numbers(input.initialWeights),
    stop: input.stop as StoppingRule,
    maxIterations: input.maxIterations as number,
  };
}
