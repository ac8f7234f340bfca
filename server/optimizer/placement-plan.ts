// A placement plan: its shape, and how a chosen set of options becomes moves, costs and binding limits.
import type { AllowedPlacements, PlacementOption, RejectReason } from "./allowed-placements";
import type { Conflict } from "./explain-infeasible";
import type { PlacementProblem } from "./placement-problem";

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

const CURRENT_REASON: Partial<Record<RejectReason["kind"], MoveReason>> = {
  excluded: "excluded",
  residency: "residency",
  latency: "slo",
  "latency-unknown": "slo",
  capacity: "capacity",
  pinned: "pinned",
};

export const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

export type PlanBase = Pick<
  PlacementPlan,
  "currency" | "currentMonthlyCost" | "greedyObjective" | "variables" | "status" | "solveMs"
>;

export function emptyPlan(p: PlanBase & { conflicts: Conflict[] }): PlacementPlan {
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

export function planFrom(
  problem: PlacementProblem,
  allowed: AllowedPlacements,
  chosen: PlacementOption[][],
  p: PlanBase & Pick<PlacementPlan, "objective" | "gap" | "dualBound" | "firstFeasibleMs" | "firstFeasibleBy">,
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
