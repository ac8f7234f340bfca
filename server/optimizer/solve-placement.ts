// Solves a placement problem in the solver's worker thread (plan-placement.ts there); the main thread only posts
// the problem and receives the plan, so its event loop stays free.
import type { PlacementPlan } from "./placement-plan";
import type { PlacementProblem } from "./placement-problem";
import { sharedPlacementSolver, type PlacementSolver } from "./placement-solver";

export type { BindingConstraint, MoveReason, PlacementMove, PlacementPlan, PlannedPlacement } from "./placement-plan";

export interface SolveOptions {
  timeLimitSeconds?: number;
  /** HiGHS stops when incumbent and bound are this close (relative); 0 (the default): "optimal" means proven optimal. */
  mipRelGap?: number;
  solver?: PlacementSolver;
}

export function solvePlacement(problem: PlacementProblem, opts: SolveOptions = {}): Promise<PlacementPlan> {
  const solver = opts.solver ?? sharedPlacementSolver();
  return solver.solvePlacement(problem, {
    timeLimitSeconds: opts.timeLimitSeconds ?? 10,
    mipRelGap: opts.mipRelGap ?? 0,
  });
}
