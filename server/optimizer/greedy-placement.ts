// Greedy heuristics: each deployment (largest first) takes its cheapest option that still fits; null if one finds none.
// `keepCurrent` first keeps every deployment where it runs (when still allowed): a quick feasible start for HiGHS.
import { drain, type AllowedPlacements, type PlacementOption } from "./allowed-placements";
import type { PlacementProblem } from "./placement-problem";

export interface GreedyPlan {
  chosen: PlacementOption[][];
  objective: number;
}

export interface GreedyOptions {
  keepCurrent?: boolean;
}

export function greedyPlacement(
  problem: PlacementProblem,
  allowed: AllowedPlacements,
  opts: GreedyOptions = {},
): GreedyPlan | null {
  return drain(greedyPlacementSteps(problem, allowed, opts));
}

/** The greedy plan, yielding every few deployments (see drainYielding). */
export function* greedyPlacementSteps(
  problem: PlacementProblem,
  allowed: AllowedPlacements,
  opts: GreedyOptions = {},
): Generator<void, GreedyPlan | null> {
  const left = allowed.pools.map((p) => p.capacity);
  let movesLeft = problem.options.maxMoves ?? Infinity;
  const kept: PlacementOption[][] = allowed.options.map((options, di) => {
    if (!opts.keepCurrent) return [];
    const stay = options.filter((o) => o.isCurrent).slice(0, allowed.copies[di]);
    for (const o of stay) left[o.pool]! -= o.gpus;
    return stay;
  });
  const order = allowed.options
    .map((opts, di) => ({ di, size: Math.min(...opts.map((o) => o.gpus)) * allowed.copies[di]! }))
    .sort((a, b) => b.size - a.size || a.di - b.di);
  const chosen: PlacementOption[][] = allowed.options.map(() => []);
  let objective = 0;
  for (const [n, { di }] of order.entries()) {
    if (n % 10 === 9) yield;
    const k = allowed.copies[di]!;
    const sorted = [...allowed.options[di]!].sort((a, b) => a.objective - b.objective);
    const mine: PlacementOption[] = [...kept[di]!];
    for (const o of sorted) {
      if (mine.includes(o)) continue;
      if (mine.length === k) break;
      if (left[o.pool]! < o.gpus || (!o.isCurrent && movesLeft < 1)) continue;
      if (mine.some((m) => m.cluster === o.cluster)) continue;
      // The last copy must bring a second cloud.
      const clouds = new Set(mine.map((m) => problem.clusters[m.cluster]!.cloud));
      if (k > 1 && mine.length === k - 1 && clouds.size === 1 && clouds.has(problem.clusters[o.cluster]!.cloud))
        continue;
      mine.push(o);
      left[o.pool]! -= o.gpus;
      if (!o.isCurrent) movesLeft -= 1;
    }
    if (mine.length < k) return null;
    chosen[di] = mine;
    objective += mine.reduce((s, o) => s + o.objective, 0);
  }
  return { chosen, objective };
}
