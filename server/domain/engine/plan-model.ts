import type { Mask } from './masks';
import type { MipSolver } from './mip';

/**
 * The 0–1 program of the plan, minimised:
 *
 *   Σ cost(f,i)·y(f,i) − W·Σ z(f)
 *   coverage  for each facility f and missing requirement r:  Σ_{i gives r} y(f,i) − z(f) ≥ 0
 *   capacity  for each institution i:                          Σ_f y(f,i) ≤ remaining slots(i)
 *             (a current partner of f adds a requirement without taking a slot)
 *
 * y(f,i) = 1: i becomes f's partner; z(f) = 1: f is fully covered. W exceeds any possible total
 * travel, so covering one more facility always wins over travel: the objective is lexicographic.
 * Costs are integer tenths of a minute, so the program's optimum is exact.
 */
export interface Column {
  f: number;
  i: number;
  gives: Mask;
  /** Travel in tenths of a minute. */
  cost: number;
  minutes: number;
  takesSlot: boolean;
}

export interface BuiltModel {
  objective: number;
  /** Chosen columns per facility (0–1 program), or empty for the LP. */
  chosen: Map<number, Column[]>;
  duals: {
    /** Σ of the facility's coverage duals: no pair of it can price out at a cost above this. */
    facilityBound(f: number): number;
    reducedCost(c: Column): number;
  };
}

export interface ModelInput {
  missing: readonly Mask[];
  slots: readonly number[];
  planned: readonly number[];
  columns: readonly Column[];
  /** The largest cost any column can have (maxMinutes × 10): fixes W for every model of one plan. */
  maxCost: number;
}

export function buildModel({ missing, slots, planned, columns, maxCost }: ModelInput, integer: boolean, solver: MipSolver): BuiltModel {
  // Rows: coverage rows per (facility, requirement bit), then capacity rows per institution used.
  const coverageRow = new Map<string, number>();
  let numRows = 0;
  for (const fi of planned) for (const bit of [1, 2, 4]) if (missing[fi]! & bit) coverageRow.set(`${fi}:${bit}`, numRows++);
  const capacityRow = new Map<number, number>();
  for (const c of columns) if (c.takesSlot && !capacityRow.has(c.i)) capacityRow.set(c.i, numRows++);

  // Every facility has at most 3 partners, so W exceeds the total travel of any plan.
  const W = 3 * maxCost * planned.length + 1;
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const colCost: number[] = [];
  const entry = (row: number, value: number) => {
    indices.push(row);
    values.push(value);
  };
  for (const c of columns) {
    for (const bit of [1, 2, 4]) if (c.gives & bit & missing[c.f]!) entry(coverageRow.get(`${c.f}:${bit}`)!, 1);
    if (c.takesSlot) entry(capacityRow.get(c.i)!, 1);
    starts.push(indices.length);
    colCost.push(c.cost);
  }
  for (const fi of planned) {
    for (const bit of [1, 2, 4]) if (missing[fi]! & bit) entry(coverageRow.get(`${fi}:${bit}`)!, -1);
    starts.push(indices.length);
    colCost.push(-W);
  }
  const rowLower: number[] = new Array(numRows).fill(0);
  const rowUpper: number[] = new Array(numRows).fill(Infinity);
  for (const [i, r] of capacityRow) [rowLower[r], rowUpper[r]] = [-Infinity, slots[i]!];

  const numCols = columns.length + planned.length;
  const result = solver.solve({ numCols, numRows, colCost, colUpper: new Array(numCols).fill(1), rowLower, rowUpper, starts, indices, values, integer });
  if (result.status !== 'optimal') throw new Error(`The plan's ${integer ? '0–1 program' : 'LP'} was not solved (${result.status})`);

  const chosen = new Map<number, Column[]>();
  if (integer) {
    columns.forEach((c, k) => {
      if ((result.colValue[k] ?? 0) > 0.5) chosen.set(c.f, [...(chosen.get(c.f) ?? []), c]);
    });
  }
  const dual = (row: number | undefined) => (row === undefined ? 0 : (result.rowDual[row] ?? 0));
  return {
    objective: result.objective,
    chosen,
    duals: {
      facilityBound: (fi) => [1, 2, 4].reduce((s, bit) => s + Math.max(0, dual(coverageRow.get(`${fi}:${bit}`))), 0),
      reducedCost: (c) => {
        let rc = c.cost;
        for (const bit of [1, 2, 4]) if (c.gives & bit & missing[c.f]!) rc -= dual(coverageRow.get(`${c.f}:${bit}`));
        // A capacity row not in the model yet has dual 0 (its constraint is not binding).
        if (c.takesSlot) rc -= dual(capacityRow.get(c.i));
        return rc;
      },
    },
  };
}
