/**
 * How the graph fixtures (fixtures/graph/) are computed with lib/autodiff: one reverse-
 * mode graph per point, values and gradients read by node name. Shared by the specs and
 * the report. Private: never re-exported.
 *
 * @module
 */

import type { Fixture } from "../oracle/fixture.ts";
import type { Subject } from "../oracle/subject.ts";
// Re-exported only so that `deno doc --lint` sees the types SUBJECTS is made of.
export type { Subject } from "../oracle/subject.ts";
export type {
  Erratum,
  ExpectedValue,
  Fixture,
  FixtureOracle,
  FixtureSource,
} from "../oracle/fixture.ts";
export type { Tolerance } from "../oracle/assert_close.ts";
import { type Graph, reverseModeGradient } from "./graph.ts";
import {
  LINEAR_PRODUCT,
  LINEAR_REGRESSION_LOSS,
  MULTIVARIATE_CHAIN,
  PRODUCT_OF_SUMS,
  type WorkedGraph,
} from "./worked_graphs.ts";

/** Input values of a fixture, by the graph's input names. */
function pointOf(fixture: Fixture, graph: WorkedGraph): Record<string, number> {
  const point: Record<string, number> = {};
  for (const name of graph.inputs) point[name] = fixture.input[name] as number;
  return point;
}

/** ∂from/∂to on an already built graph (runs a backward pass from `from`). */
function partial(graph: Graph, from: string, to: string): number {
  graph.backward(from);
  return graph.gradient(to);
}

/** e = (a + b)(b + 1): every node, both paths to b, and the text's "sum of partials". */
const chainE: Subject = {
  ids: ["s000.chain_e"],
  compute(fixture) {
    const { graph, gradient } = reverseModeGradient(
      PRODUCT_OF_SUMS.fn,
      pointOf(fixture, PRODUCT_OF_SUMS),
    );
    const values = graph.values();
    const nodes = graph.gradients();
    const dcDa = partial(graph, "c", "a"), dcDb = partial(graph, "c", "b");
    const ddDb = partial(graph, "d", "b");
    return {
      ...values,
      de_de: nodes.e,
      de_dc: nodes.c,
      de_dd: nodes.d,
      dc_da: dcDa,
      dc_db: dcDb,
      dd_db: ddDb,
      de_da: gradient.a,
      de_db: gradient.b,
      de_db_path_c: nodes.c * dcDb,
      de_db_path_d: nodes.d * ddDb,
      gradient: [gradient.a, gradient.b],
      sum_of_partials: gradient.a + gradient.b,
    };
  },
};

/** 001 §4.2.2: every node's value and ∂c/∂node. */
const graphLinreg: Subject = {
  ids: ["s001.graph_linreg"],
  compute(fixture) {
    const point = pointOf(fixture, LINEAR_REGRESSION_LOSS);
    const { graph } = reverseModeGradient(LINEAR_REGRESSION_LOSS.fn, point);
    const values = graph.values();
    const g = graph.gradients();
    return {
      b: values.b,
      y: values.y,
      u: values.u,
      yhat: values.yhat,
      e: values.e,
      c: values.c,
      dc_dc: g.c,
      dc_de: g.e,
      dc_dyhat: g.yhat,
      dc_du: g.u,
      dc_dw: g.w,
      dc_db: g.b,
      dc_dx: g.x,
      dc_dy: g.y,
      de_dyhat: partial(graph, "e", "yhat"),
    };
  },
};

/** 001 §3.3.2 at every t of the fixture. */
const chainMulti: Subject = {
  ids: ["s001.chain_multi"],
  compute(fixture) {
    const columns: Record<string, number[]> = {
      x: [],
      y: [],
      xy: [],
      exp_xy: [],
      f: [],
      df_dx: [],
      df_dy: [],
      dfdt: [],
    };
    for (const t of fixture.input.t as number[]) {
      const { graph, gradient, value } = reverseModeGradient(MULTIVARIATE_CHAIN.fn, { t });
      for (const name of ["x", "y", "xy", "exp_xy"]) columns[name].push(graph.value(name));
      columns.f.push(value);
      columns.df_dx.push(graph.gradient("x"));
      columns.df_dy.push(graph.gradient("y"));
      columns.dfdt.push(gradient.t);
    }
    return columns;
  },
};

/** 004: z = x·y, x = 2w + 3b, y = 2b + 1, every node and local derivative. */
const linearBp: Subject = {
  ids: ["s004.linear_bp"],
  compute(fixture) {
    const { graph, gradient } = reverseModeGradient(
      LINEAR_PRODUCT.fn,
      pointOf(fixture, LINEAR_PRODUCT),
    );
    const values = graph.values();
    const g = graph.gradients();
    return {
      x: values.x,
      y: values.y,
      z: values.z,
      dz_dx: g.x,
      dz_dy: g.y,
      dz_dw: gradient.w,
      dz_db: gradient.b,
      dx_dw: partial(graph, "x", "w"),
      dx_db: partial(graph, "x", "b"),
      dy_db: partial(graph, "y", "b"),
      dy_dw: partial(graph, "y", "w"),
    };
  },
};

/** Every fixture of fixtures/graph/ that lib/autodiff computes. */
export const SUBJECTS: readonly Subject[] = [chainE, graphLinreg, chainMulti, linearBp];
