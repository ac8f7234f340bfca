// Solves a placement problem: filters, a greedy first plan, HiGHS in the worker, then the plan with moves, binding limits and conflicts.
import {
  allowedPlacementSteps,
  drainYielding,
  type AllowedPlacements,
  type PlacementOption,
  type RejectReason,
} from "./allowed-placements";
import { placementLpSteps } from "./build-placement-lp";
import { explainInfeasible, unplaceable, type Conflict } from "./explain-infeasible";
import { findConflictingGroups } from "./find-conflicting-groups";
import { greedyPlacementSteps } from "./greedy-placement";
import type { PlacementProblem } from "./placement-problem";
import { LP_STATUS, sharedPlacementSolver, type PlacementSolver } from "./placement-solver";

export type MoveReason = "price" | "slo" | "residency" | "capacity" | "excluded" | "pinned";

export interface PlannedPlacement {
  clusterId: string;
  gpuType: string;
  replicas: number;
  gpus: number;
  monthlyCost: number;
}

export interface PlacementMove {
  deploymentId: string;
  deploymentName: string;
  fromClusterIds: string[];
  to: PlannedPlacement;
  monthlyBefore: number;
  monthlyAfter: number;
  moveCost: number;
  reasons: MoveReason[];
}

export type BindingConstraint =
  | { kind: "capacity"; clusterId: string; clusterName: string; gpuType: string; used: number; capacity: number }
  | { kind: "max-moves"; used: number; limit: number };

export interface PlacementPlan {
  status: "optimal" | "feasible" | "infeasible" | "unsolved";
  currency: string;
  currentMonthlyCost: number;
  plannedMonthlyCost: number;
  savingsPerMonth: number;
  oneOffMoveCost: number;
  /** Running cost plus move costs spread over the horizon, per month. */
  objective: number | null;
  /** Relative MIP gap HiGHS reports (0 when proven optimal); null when it has no incumbent. */
  gap: number | null;
  dualBound: number | null;
  solveMs: number;
  firstFeasibleMs: number | null;
  firstFeasibleBy: "solver" | "heuristic" | null;
  /** Cheapest-first greedy's objective for comparison; null when it found no feasible plan. */
  greedyObjective: number | null;
  variables: number;
  placements: { deploymentId: string; placements: PlannedPlacement[] }[];
  moves: PlacementMove[];
  binding: BindingConstraint[];
  conflicts: Conflict[];
}

export interface SolveOptions {
  timeLimitSeconds?: number;
  /** HiGHS stops when incumbent and bound are this close (relative); its default 1e-4. */
  mipRelGap?: number;
  solver?: PlacementSolver;
}

const CURRENT_REASON: Partial<Record<RejectReason["kind"], MoveReason>> = {
  excluded: "excluded",
  residency: "residency",
  latency: "slo",
  "latency-unknown": "slo",
  capacity: "capacity",
  pinned: "pinned",
};

export async function solvePlacement(problem: PlacementProblem, opts: SolveOptions = {}): Promise<PlacementPlan> {
  const t0 = performance.now();
  const solver = opts.solver ?? sharedPlacementSolver();
  const timeLimit = opts.timeLimitSeconds ?? 10;
  // The main thread's share (filters, heuristics, LP text) runs in small steps so the event loop stays responsive.
  const allowed = await drainYielding(allowedPlacementSteps(problem));
  const greedy = await drainYielding(greedyPlacementSteps(problem, allowed));
  const kept = await drainYielding(greedyPlacementSteps(problem, allowed, { keepCurrent: true }));
  const heuristic = [greedy, kept].filter((g) => g !== null).sort((a, b) => a.objective - b.objective)[0] ?? null;
  const heuristicMs = performance.now() - t0;
  const base = {
    currency: problem.options.currency,
    currentMonthlyCost: sum(allowed.currentMonthlyCost),
    greedyObjective: greedy?.objective ?? null,
    variables: allowed.options.reduce((s, o) => s + o.length, 0),
  };
  const precheck = unplaceable(problem, allowed);
  if (precheck.length)
    return emptyPlan({ ...base, status: "infeasible", conflicts: precheck, solveMs: performance.now() - t0 });

  const lp = await drainYielding(placementLpSteps(problem, allowed));
  let firstAt: number | null = null;
  const answer = await solver.solveLp(lp.text, {
    timeLimitSeconds: timeLimit,
    mipRelGap: opts.mipRelGap,
    start: heuristic?.chosen.flat().map((o) => lp.names.get(o)!),
    onFirstIncumbent: () => (firstAt ??= performance.now() - t0),
  });
  const solveMs = performance.now() - t0;
  const solverFirst = firstAt ?? (answer.firstIncumbentSeconds === null ? null : solveMs);
  const first = pickFirst(heuristic ? heuristicMs : null, solverFirst);

  if (answer.hasSolution) {
    const chosen: PlacementOption[][] = allowed.options.map(() => []);
    for (const name of answer.ones) {
      const o = lp.columns.get(name);
      if (o) chosen[o.deployment]!.push(o);
    }
    return planFrom(problem, allowed, chosen, {
      ...base,
      status: answer.status === LP_STATUS.optimal ? "optimal" : "feasible",
      objective: answer.objective,
      gap: answer.status === LP_STATUS.optimal ? Math.max(0, answer.mipGap ?? 0) : answer.mipGap,
      dualBound: answer.dualBound,
      solveMs,
      ...first,
    });
  }
  if (answer.status === LP_STATUS.infeasible || answer.status === LP_STATUS.unboundedOrInfeasible) {
    let conflicts = explainInfeasible(problem, allowed);
    if (!conflicts.length) conflicts = await findConflictingGroups(problem, allowed, solver);
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
      ...first,
    });
  return emptyPlan({ ...base, status: "unsolved", conflicts: [], solveMs });
}

function pickFirst(
  greedyMs: number | null,
  solverMs: number | null,
): Pick<PlacementPlan, "firstFeasibleMs" | "firstFeasibleBy"> {
  if (greedyMs !== null && (solverMs === null || greedyMs <= solverMs))
    return { firstFeasibleMs: greedyMs, firstFeasibleBy: "heuristic" };
  if (solverMs !== null) return { firstFeasibleMs: solverMs, firstFeasibleBy: "solver" };
  return { firstFeasibleMs: null, firstFeasibleBy: null };
}

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

type Base = Pick<
  PlacementPlan,
  "currency" | "currentMonthlyCost" | "greedyObjective" | "variables" | "status" | "solveMs"
>;

function emptyPlan(p: Base & { conflicts: Conflict[] }): PlacementPlan {
  return {
    ...p,
    plannedMonthlyCost: 0,
    savingsPerMonth: 0,
    oneOffMoveCost: 0,
    objective: null,
    gap: null,
    dualBound: null,
    firstFeasibleMs: null,
    firstFeasibleBy: null,
    placements: [],
    moves: [],
    binding: [],
  };
}

function planFrom(
  problem: PlacementProblem,
  allowed: AllowedPlacements,
  chosen: PlacementOption[][],
  p: Base & Pick<PlacementPlan, "objective" | "gap" | "dualBound" | "firstFeasibleMs" | "firstFeasibleBy">,
): PlacementPlan {
  const { clusters, deployments } = problem;
  const toPlaced = (o: PlacementOption): PlannedPlacement => ({
    clusterId: clusters[o.cluster]!.id,
    gpuType: o.gpuType,
    replicas: o.replicas,
    gpus: o.gpus,
    monthlyCost: o.monthlyCost,
  });
  const used = allowed.pools.map(() => 0);
  const moves: PlacementMove[] = [];
  chosen.forEach((opts, di) => {
    const d = deployments[di]!;
    for (const o of opts) used[o.pool]! += o.gpus;
    const after = sum(opts.map((o) => o.monthlyCost));
    const before = allowed.currentMonthlyCost[di]!;
    const kept = new Set(opts.filter((o) => o.isCurrent).map((o) => clusters[o.cluster]!.id));
    const left = d.currentClusterIds.filter((id) => !kept.has(id));
    for (const o of opts.filter((x) => !x.isCurrent)) {
      const reasons = new Set<MoveReason>();
      for (const r of allowed.rejections[di]!) {
        const onCurrent =
          d.currentClusterIds.includes(clusters[r.cluster]!.id) && (r.gpuType === null || r.gpuType === d.gpuType);
        const why = CURRENT_REASON[r.reason.kind];
        if (onCurrent && why) reasons.add(why);
      }
      if (after < before - 1e-9) reasons.add("price");
      // Its own place was allowed and not cheaper: it moved to make room for another deployment.
      if (!reasons.size) reasons.add("capacity");
      moves.push({
        deploymentId: d.id,
        deploymentName: d.name,
        fromClusterIds: left,
        to: toPlaced(o),
        monthlyBefore: before,
        monthlyAfter: after,
        moveCost: o.moveCost,
        reasons: [...reasons],
      });
    }
  });
  const binding: BindingConstraint[] = [];
  allowed.pools.forEach((pool, i) => {
    const offered = allowed.options.some((opts) => opts.some((o) => o.pool === i));
    if (offered && used[i]! > 0 && used[i] === pool.capacity) {
      const c = clusters[pool.cluster]!;
      binding.push({
        kind: "capacity",
        clusterId: c.id,
        clusterName: c.name,
        gpuType: pool.gpuType,
        used: used[i],
        capacity: pool.capacity,
      });
    }
  });
  const max = problem.options.maxMoves;
  if (max !== null && moves.length === max) binding.push({ kind: "max-moves", used: moves.length, limit: max });
  const planned = sum(chosen.flat().map((o) => o.monthlyCost));
  return {
    ...p,
    plannedMonthlyCost: planned,
    savingsPerMonth: p.currentMonthlyCost - planned,
    oneOffMoveCost: sum(moves.map((m) => m.moveCost)),
    placements: chosen.map((opts, di) => ({ deploymentId: deployments[di]!.id, placements: opts.map(toPlaced) })),
    moves,
    binding,
    conflicts: [],
  };
}
