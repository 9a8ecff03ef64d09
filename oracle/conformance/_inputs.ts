/**
 * Reading fixture inputs for the conformance checks: shape tests on plain JSON values.
 *
 * @module
 */

export function isNumberTree(value: unknown): boolean {
  return typeof value === "number" || (Array.isArray(value) && value.every(isNumberTree));
}

export function mapTree(value: unknown, f: (x: number) => number): unknown {
  return Array.isArray(value) ? value.map((item) => mapTree(item, f)) : f(value as number);
}

export function isMatrix(value: unknown): value is number[][] {
  return Array.isArray(value) && value.length > 0 &&
    value.every((row) => Array.isArray(row) && row.every((x) => typeof x === "number"));
}

export function isVector(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((x) => typeof x === "number");
}
