import highsLoader, { type Highs } from 'highs';
import type { MipModel, MipResult, MipSolver } from '../domain/engine/mip';

/**
 * The plan's solver: HiGHS (University of Edinburgh) compiled to WebAssembly, loaded once. Gaps are
 * set to zero so the optimum is proven, not approximated.
 */
let loading: Promise<Highs> | undefined;

export async function highsSolver(): Promise<MipSolver> {
  loading ??= highsLoader();
  const highs = await loading;
  const inf = (x: number) => (x === Infinity ? highs.infinity : x === -Infinity ? -highs.infinity : x);
  return {
    solve(m: MipModel): MipResult {
      using model = highs.createModel({
        numCols: m.numCols,
        numRows: m.numRows,
        sense: highs.constants.objectiveSense.minimize,
        colCost: m.colCost,
        colLower: new Array(m.numCols).fill(0),
        colUpper: m.colUpper.map(inf),
        rowLower: m.rowLower.map(inf),
        rowUpper: m.rowUpper.map(inf),
        matrix: { format: 'csc', numRows: m.numRows, numCols: m.numCols, starts: m.starts, indices: m.indices, values: m.values },
        ...(m.integer ? { integrality: new Array(m.numCols).fill(highs.constants.variableType.integer) } : {}),
      });
      model.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 1e-6 });
      model.run();
      const status = model.getModelStatus();
      const optimal = status === highs.constants.modelStatus.optimal;
      const solution = optimal ? model.getSolution() : null;
      return {
        status: optimal ? 'optimal' : status === highs.constants.modelStatus.infeasible ? 'infeasible' : 'failed',
        objective: optimal ? model.getObjectiveValue() : NaN,
        colValue: solution?.colValue ?? [],
        rowDual: solution?.rowDual ?? [],
      };
    },
  };
}
