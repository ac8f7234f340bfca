// Runs HiGHS on a placement model, synchronously: only ever called inside the solver's worker thread.
import type { Highs } from "highs";
import type { PlacementModel } from "./placement-model";

/** HiGHS model status codes (highs.constants.modelStatus). */
export const LP_STATUS = {
  optimal: 7,
  infeasible: 8,
  unboundedOrInfeasible: 9,
  timeLimit: 13,
  interrupted: 17,
} as const;

export interface MipAnswer {
  status: number;
  hasSolution: boolean;
  objective: number | null;
  colValue: Float64Array | null;
  mipGap: number | null;
  dualBound: number | null;
  nodes: number | null;
}

export interface MipOptions {
  timeLimitSeconds: number;
  /** 0: "optimal" means proven optimal (HiGHS's default 1e-4 stops within 0.01 % of the bound). */
  mipRelGap: number;
  /** Column values of a known feasible plan: HiGHS's first incumbent (it checks rather than trusts it). */
  start?: number[];
  onFirstIncumbent?: () => void;
}

export function runMip(highs: Highs, m: PlacementModel, opts: MipOptions): MipAnswer {
  const integer = highs.constants.variableType.integer;
  const model = highs.createModel({
    numCols: m.numCols,
    numRows: m.numRows,
    colCost: m.colCost,
    colLower: new Float64Array(m.numCols),
    colUpper: m.colUpper,
    rowLower: m.rowLower.map((v) => (v === -Infinity ? -highs.infinity : v)),
    rowUpper: m.rowUpper.map((v) => (v === Infinity ? highs.infinity : v)),
    matrix: { format: "csr", numRows: m.numRows, numCols: m.numCols, ...pick(m) },
    integrality: new Int32Array(m.numCols).fill(integer),
  });
  try {
    model.options.set({ output_flag: false, time_limit: opts.timeLimitSeconds, mip_rel_gap: opts.mipRelGap });
    if (opts.start) model.setSolution({ colValue: opts.start });
    let first = false;
    const { modelStatus } = model.run({
      [highs.constants.callbackType.mipImprovingSolution]() {
        if (first) return;
        first = true;
        opts.onFirstIncumbent?.();
      },
    });
    const hasSolution = Number(model.info.get("primal_solution_status")) === highs.constants.solutionStatus.feasible;
    const info = (name: string) => {
      try {
        const v = Number(model.info.get(name));
        return Number.isFinite(v) ? v : null;
      } catch {
        return null;
      }
    };
    return {
      status: modelStatus,
      hasSolution,
      objective: hasSolution ? model.getObjectiveValue() : null,
      colValue: hasSolution ? model.getSolution().colValue : null,
      mipGap: info("mip_gap"),
      dualBound: info("mip_dual_bound"),
      nodes: info("mip_node_count"),
    };
  } finally {
    model.dispose();
  }
}

const pick = ({ starts, indices, values }: PlacementModel) => ({ starts, indices, values });
