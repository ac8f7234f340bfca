// Pre-filters (deployment, cluster, GPU type) options: only allowed ones become variables; each rejection keeps its reason.
import { AppError } from "../errors";
import type { PlacementCluster, PlacementDeployment, PlacementProblem } from "./placement-problem";

export interface PlacementOption {
  deployment: number;
  cluster: number;
  gpuType: string;
  /** Index of the (cluster, GPU type) pool in `pools`. */
  pool: number;
  replicas: number;
  gpus: number;
  /** Running cost per month in the plan currency. */
  monthlyCost: number;
  /** One-off cost of moving there (0 where it runs now). */
  moveCost: number;
  isCurrent: boolean;
  /** What the objective charges per month: running cost plus the move cost spread over the horizon. */
  objective: number;
}

export type RejectReason =
  | { kind: "excluded" }
  | { kind: "pinned"; to: string }
  | { kind: "residency"; needs: string[]; has: string[] }
  | { kind: "latency"; p95Ms: number; sloMs: number }
  | { kind: "latency-unknown"; sloMs: number }
  | { kind: "equivalence"; gpuType: string }
  | { kind: "capacity"; gpuType: string; capacity: number; needs: number };

export interface Rejection {
  cluster: number;
  gpuType: string | null;
  reason: RejectReason;
}

export interface CapacityPool {
  cluster: number;
  gpuType: string;
  /** Free GPUs plus those Tern's deployments hold there now. */
  capacity: number;
  pricePerGpuHour: number;
}

export interface AllowedPlacements {
  pools: CapacityPool[];
  /** Per deployment, the options that passed every filter. */
  options: PlacementOption[][];
  rejections: Rejection[][];
  /** Per deployment, the current running cost per month (whether or not its place is still allowed). */
  currentMonthlyCost: number[];
  copies: number[];
  /** Per deployment, the one-off egress of copying its artifact to a cluster where it does not run now. */
  egress: number[];
}

export function rateOf(problem: PlacementProblem, cluster: PlacementCluster): number {
  const { currency, rates } = problem.options;
  if (cluster.currency === currency) return 1;
  const rate = rates[cluster.currency];
  if (rate === undefined || !(rate > 0)) {
    throw new AppError(
      "BAD_REQUEST",
      `cluster '${cluster.name}' prices in ${cluster.currency} but the plan is in ${currency}; enter a ${cluster.currency}→${currency} rate or exclude the cluster`,
    );
  }
  return rate;
}

export function replicasOn(
  d: PlacementDeployment,
  gpuType: string,
  equivalence: Record<string, number>,
): number | null {
  if (gpuType === d.gpuType) return d.replicas;
  const s = equivalence[d.gpuType];
  const t = equivalence[gpuType];
  if (s === undefined || t === undefined || !(s > 0) || !(t > 0)) return null;
  if (d.replicas === 0) return 0;
  return Math.max(1, Math.ceil((d.replicas * s) / t - 1e-9));
}

export function allowedPlacements(problem: PlacementProblem): AllowedPlacements {
  return drain(allowedPlacementSteps(problem));
}

/** Runs a stepwise computation to its end at once. */
export function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** The longest the main thread works between two breaks while it prepares a solve. */
export const YIELD_BUDGET_MS = 8;

/**
 * Runs a stepwise computation, letting timers and requests run between its steps: the steps are small and it
 * breaks once a budget of time has gone by, so the event loop never waits long and small problems pay no breaks.
 */
export async function drainYielding<T>(steps: Generator<void, T>, budgetMs = YIELD_BUDGET_MS): Promise<T> {
  let since = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() - since < budgetMs) continue;
    await new Promise<void>((resolve) => setImmediate(resolve));
    since = performance.now();
  }
}

/** The filters, yielding after each deployment so a large fleet does not hold the event loop. */
export function* allowedPlacementSteps(problem: PlacementProblem): Generator<void, AllowedPlacements> {
  const { deployments, clusters, options: o } = problem;
  const clusterIndex = new Map(clusters.map((c, i) => [c.id, i]));
  // An excluded cluster's prices only value what runs there now, so a missing rate does not refuse the plan.
  const rates = clusters.map((c) =>
    o.excludedClusterIds.includes(c.id) && c.currency !== o.currency && !o.rates[c.currency] ? 1 : rateOf(problem, c),
  );
  const pools: CapacityPool[] = [];
  const poolIndex = new Map<string, number>();
  clusters.forEach((c, ci) =>
    c.gpus.forEach((g) => {
      poolIndex.set(`${ci}/${g.gpuType}`, pools.length);
      pools.push({
        cluster: ci,
        gpuType: g.gpuType,
        capacity: g.free,
        pricePerGpuHour: g.pricePerGpuHour * rates[ci]!,
      });
    }),
  );
  for (const d of deployments) {
    for (const id of d.currentClusterIds) {
      const p = poolIndex.get(`${clusterIndex.get(id)}/${d.gpuType}`);
      if (p !== undefined) pools[p]!.capacity += d.replicas * d.gpusPerReplica;
    }
  }
  const excluded = new Set(o.excludedClusterIds);
  const pins = new Map(o.pins.map((p) => [p.deploymentId, p]));

  const options: PlacementOption[][] = [];
  const rejections: Rejection[][] = [];
  const currentMonthlyCost: number[] = [];
  const egressOf: number[] = [];
  for (const [di, d] of deployments.entries()) {
    yield;
    const mine: PlacementOption[] = [];
    const rejected: Rejection[] = [];
    const current = new Set(d.currentClusterIds);
    const pin = pins.get(d.id);
    const sources = d.currentClusterIds.map((id) => clusterIndex.get(id)).filter((i) => i !== undefined);
    // The artifact is copied from the cheapest current source; a new deployment pulls it from its registry.
    const egress = sources.length
      ? Math.min(...sources.map((i) => clusters[i]!.egressPerGb * rates[i]!)) * d.artifactGb
      : 0;
    egressOf.push(egress);
    clusters.forEach((c, ci) => {
      const reject = (reason: RejectReason, gpuType: string | null = null) =>
        rejected.push({ cluster: ci, gpuType, reason });
      if (excluded.has(c.id)) return reject({ kind: "excluded" });
      if (pin?.clusterId !== undefined && pin.clusterId !== c.id) return reject({ kind: "pinned", to: pin.clusterId });
      if (pin && pin.clusterId === undefined && !current.has(c.id)) return reject({ kind: "pinned", to: "current" });
      if (d.residency.length && !d.residency.some((t) => c.residency.includes(t)))
        return reject({ kind: "residency", needs: d.residency, has: c.residency });
      for (const g of c.gpus) {
        if (pin && pin.clusterId === undefined && g.gpuType !== d.gpuType) continue;
        const isCurrent = current.has(c.id) && g.gpuType === d.gpuType;
        if (d.sloP95Ms !== null) {
          if (g.p95Ms === null && !o.allowUnknownLatency) {
            reject({ kind: "latency-unknown", sloMs: d.sloP95Ms }, g.gpuType);
            continue;
          }
          if (g.p95Ms !== null && g.p95Ms > d.sloP95Ms) {
            reject({ kind: "latency", p95Ms: g.p95Ms, sloMs: d.sloP95Ms }, g.gpuType);
            continue;
          }
        }
        const replicas = replicasOn(d, g.gpuType, o.equivalence);
        if (replicas === null) {
          reject({ kind: "equivalence", gpuType: g.gpuType }, g.gpuType);
          continue;
        }
        const pool = poolIndex.get(`${ci}/${g.gpuType}`)!;
        const gpus = replicas * d.gpusPerReplica;
        if (gpus > pools[pool]!.capacity) {
          reject({ kind: "capacity", gpuType: g.gpuType, capacity: pools[pool]!.capacity, needs: gpus }, g.gpuType);
          continue;
        }
        const price = pools[pool]!.pricePerGpuHour;
        const monthlyCost = price * gpus * o.hoursPerMonth;
        const moveCost = isCurrent ? 0 : (current.has(c.id) ? 0 : egress) + price * gpus * o.overlapHours;
        mine.push({
          deployment: di,
          cluster: ci,
          gpuType: g.gpuType,
          pool,
          replicas,
          gpus,
          monthlyCost,
          moveCost,
          isCurrent,
          objective: monthlyCost + moveCost / Math.max(o.horizonMonths, 1e-9),
        });
      }
    });
    options.push(mine);
    rejections.push(rejected);
    currentMonthlyCost.push(
      sources.reduce((sum, ci) => {
        const p = poolIndex.get(`${ci}/${d.gpuType}`);
        return (
          sum + (p === undefined ? 0 : pools[p]!.pricePerGpuHour * d.replicas * d.gpusPerReplica * o.hoursPerMonth)
        );
      }, 0),
    );
  }
  return {
    pools,
    options,
    rejections,
    currentMonthlyCost,
    copies: deployments.map((d) => Math.max(1, d.copies ?? 1)),
    egress: egressOf,
  };
}
