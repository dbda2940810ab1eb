/**
 * The solver boundary of the plan: a mixed-integer (or, with `integer: false`, linear) program in
 * column form, minimised. The domain builds models and reads results; an adapter (server/solver/)
 * runs a real solver (HiGHS). Infinity means "no bound".
 */
export interface MipModel {
  numCols: number;
  numRows: number;
  colCost: number[];
  colUpper: number[];
  rowLower: number[];
  rowUpper: number[];
  /** Compressed sparse columns. */
  starts: number[];
  indices: number[];
  values: number[];
  integer: boolean;
}

export interface MipResult {
  status: 'optimal' | 'infeasible' | 'failed';
  objective: number;
  colValue: ArrayLike<number>;
  /** Row duals (LP only): reduced cost of a column = cost − Σ rowDual × coefficient. */
  rowDual: ArrayLike<number>;
}

export interface MipSolver {
  solve(model: MipModel): MipResult;
}
