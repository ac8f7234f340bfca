// What-if changes to a placement problem (a price change, a cluster removed, capacity added), applied to a copy.
import type { PlacementProblem } from "./placement-problem";

export interface WhatIf {
  prices?: { clusterId: string; gpuType: string; pricePerGpuHour: number }[];
  removedClusterIds?: string[];
  addedCapacity?: {
    clusterId: string;
    gpuType: string;
    gpus: number;
    pricePerGpuHour?: number;
    p95Ms?: number | null;
  }[];
}

export function applyWhatIf(problem: PlacementProblem, w: WhatIf): PlacementProblem {
  const clusters = problem.clusters.map((c) => ({ ...c, gpus: c.gpus.map((g) => ({ ...g })) }));
  const byId = new Map(clusters.map((c) => [c.id, c]));
  for (const p of w.prices ?? []) {
    const pool = byId.get(p.clusterId)?.gpus.find((g) => g.gpuType === p.gpuType);
    if (pool) pool.pricePerGpuHour = p.pricePerGpuHour;
  }
  for (const a of w.addedCapacity ?? []) {
    const c = byId.get(a.clusterId);
    if (!c) continue;
    const pool = c.gpus.find((g) => g.gpuType === a.gpuType);
    if (pool) pool.free += a.gpus;
    else {
      // A GPU type new to the cluster takes the price asked for, else the cluster's cheapest, and unknown latency.
      const price = a.pricePerGpuHour ?? Math.min(...c.gpus.map((g) => g.pricePerGpuHour));
      c.gpus.push({
        gpuType: a.gpuType,
        free: a.gpus,
        pricePerGpuHour: Number.isFinite(price) ? price : 0,
        p95Ms: a.p95Ms ?? null,
      });
    }
  }
  const excluded = [...new Set([...problem.options.excludedClusterIds, ...(w.removedClusterIds ?? [])])];
  return { ...problem, clusters, options: { ...problem.options, excludedClusterIds: excluded } };
}
