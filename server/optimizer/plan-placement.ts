// The whole solve, inside the solver's worker thread: filters, greedy first plans, the model, HiGHS, then the plan
// with moves, binding limits and conflicts. The main thread only posts the problem and receives the plan.
import type { Highs } from "highs";
import { allowedPlacements } from "./allowed-placements";
import { explainInfeasible, unplaceable } from "./explain-infeasible";
import { findConflictingGroups } from "./find-conflicting-groups";
import { greedyPlacement } from "./greedy-placement";
import { emptyPlan, planFrom, sum, type PlacementPlan } from "./placement-plan";
import type { PlacementProblem } from "./placement-problem";
import { buildPlacementModel, chosenOptions, columnValues } from "./placement-model";
import { LP_STATUS, runMip } from "./run-mip";

export interface PlanOptions {
  timeLimitSeconds: number;
  mipRelGap: number;
}

/** `onFirstFeasible` fires once, when a heuristic or HiGHS has the first feasible plan (HiGHS may keep improving it). */
export function planPlacement(
  highs: Highs,
  problem: PlacementProblem,
  opts: PlanOptions,
  onFirstFeasible: (by: "heuristic" | "solver") => void,
): PlacementPlan {
  const t0 = performance.now();
  const allowed = allowedPlacements(problem);
  const greedy = greedyPlacement(problem, allowed);
  const kept = greedyPlacement(problem, allowed, { keepCurrent: true });
  const heuristic = [greedy, kept].filter((g) => g !== null).sort((a, b) => a.objective - b.objective)[0] ?? null;
  let firstBy: "heuristic" | "solver" | null = null;
  const first = (by: "heuristic" | "solver") => {
    if (firstBy) return;
    firstBy = by;
    onFirstFeasible(by);
  };
  if (heuristic) first("heuristic");
  const base = {
    currency: problem.options.currency,
    currentMonthlyCost: sum(allowed.currentMonthlyCost),
    greedyObjective: greedy?.objective ?? null,
    variables: allowed.options.reduce((s, o) => s + o.length, 0),
  };
  const precheck = unplaceable(problem, allowed);
  if (precheck.length)
    return emptyPlan({ ...base, status: "infeasible", conflicts: precheck, solveMs: performance.now() - t0 });

  const model = buildPlacementModel(problem, allowed);
  const answer = runMip(highs, model, {
    ...opts,
    start: heuristic ? columnValues(model, allowed, heuristic.chosen) : undefined,
    onFirstIncumbent: () => first("solver"),
  });
  const solveMs = performance.now() - t0;
  // The main thread replaces the time with its own clock; this one only says which came first.
  const firstFeasible = { firstFeasibleMs: null, firstFeasibleBy: firstBy };

  if (answer.hasSolution && answer.colValue) {
    const optimal = answer.status === LP_STATUS.optimal;
    const chosen = chosenOptions(model, allowed, answer.colValue);
    return planFrom(problem, allowed, chosen, {
      ...base,
      status: optimal ? "optimal" : "feasible",
      // The plan's own cost (a mover the class sent back to its own cluster costs less than the column charged).
      objective: sum(chosen.flat().map((o) => o.objective)),
      gap: optimal ? Math.max(0, answer.mipGap ?? 0) : answer.mipGap,
      dualBound: answer.dualBound,
      solveMs,
      ...firstFeasible,
    });
  }
  if (answer.status === LP_STATUS.infeasible || answer.status === LP_STATUS.unboundedOrInfeasible) {
    let conflicts = explainInfeasible(problem, allowed);
    if (!conflicts.length) conflicts = findConflictingGroups(highs, problem, allowed);
    return emptyPlan({ ...base, status: "infeasible", conflicts, solveMs });
  }
  // The time limit came before any incumbent: the heuristic plan, if there is one, is the best known.
  if (heuristic)
    return planFrom(problem, allowed, heuristic.chosen, {
      ...base,
      status: "feasible",
      objective: heuristic.objective,
      gap: null,
      dualBound: answer.dualBound,
      solveMs,
      ...firstFeasible,
    });
  return emptyPlan({ ...base, status: "unsolved", conflicts: [], solveMs });
}
