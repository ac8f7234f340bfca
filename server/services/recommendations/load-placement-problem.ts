// Loads the team's fleet into the optimizer's problem: clusters with free GPUs, catalog prices and recent p95, deployments.
import type {
  PlacementCluster,
  PlacementDeployment,
  PlacementGpuPool,
  PlacementProblem,
} from "../../optimizer/placement-problem";
import { DEFAULT_PLACEMENT_OPTIONS } from "../../optimizer/placement-problem";
import type { TeamScope } from "../context";
import { clusterSelect, toClusterDto } from "../clusters/cluster-select";
import { listGpuEquivalence } from "../gpu-equivalence/gpu-equivalence-table";
import { currentLatency } from "../metrics/current-latency";
import { loadChartDeployments } from "../metrics/load-cost-deployments";
import { settingsFromEnv } from "../metrics/resolve-prometheus";
import { poolLatencyHistory } from "./pool-latency-history";

/** Egress per GB in the plan currency when the catalog has none (public list prices are 0.05–0.12 USD). */
const DEFAULT_EGRESS_PER_GB = 0.09;

export interface LoadedProblem {
  problem: PlacementProblem;
  /** What could not be priced or measured, in words; such pools are left out or marked unknown. */
  notes: string[];
}

export async function loadPlacementProblem(
  opts: TeamScope & { currency?: string; egressPerGb?: number },
): Promise<LoadedProblem> {
  const notes: string[] = [];
  const [clusterRows, deploymentRows, priceRows, equivalence] = await Promise.all([
    opts.prisma.cluster.findMany({ where: { teamId: opts.teamId }, select: clusterSelect, orderBy: { name: "asc" } }),
    opts.prisma.deployment.findMany({
      where: { teamId: opts.teamId, deletionRequestedAt: null },
      select: {
        id: true,
        name: true,
        clusterId: true,
        gpuType: true,
        gpusPerReplica: true,
        replicas: true,
        latencySloMs: true,
        modelVersion: { select: { sizeBytes: true, model: { select: { name: true, residencyTags: true } } } },
      },
      orderBy: { name: "asc" },
    }),
    opts.prisma.gpuPrice.findMany({
      where: { teamId: opts.teamId, effectiveDate: { lte: new Date() } },
      select: { provider: true, region: true, gpuType: true, pricePerHour: true, currency: true, effectiveDate: true },
      orderBy: { effectiveDate: "desc" },
    }),
    listGpuEquivalence(opts),
  ]);
  // The newest catalog price per (provider, region, GPU type).
  const prices = new Map<string, { pricePerHour: number; currency: string }>();
  for (const p of priceRows) {
    const key = `${p.provider}/${p.region}/${p.gpuType}`;
    if (!prices.has(key)) prices.set(key, { pricePerHour: Number(p.pricePerHour), currency: p.currency });
  }
  const currency = opts.currency ?? mostCommon([...prices.values()].map((p) => p.currency)) ?? "USD";
  const settings = settingsFromEnv();
  const [history, current] = await Promise.all([
    poolLatencyHistory({ clusters: clusterRows, settings, signal: AbortSignal.timeout(5000) }).catch(() => {
      notes.push("Prometheus did not answer for latency history: only current deployments' pools have a p95");
      return new Map<string, number>();
    }),
    recentP95(opts).catch(() => {
      notes.push("Prometheus did not answer: current latency is unknown");
      return new Map<string, number>();
    }),
  ]);
  // What runs on a pool now says more than its past day; the past day covers pools nothing runs on today.
  const p95 = new Map([...history, ...current]);

  const clusters: PlacementCluster[] = clusterRows.map((row) => {
    const c = toClusterDto(row);
    const gpus: PlacementGpuPool[] = [];
    let clusterCurrency = currency;
    for (const [gpuType, cap] of Object.entries(c.gpuCapacity)) {
      const price = prices.get(`${c.cloud.provider}/${c.region}/${gpuType}`);
      if (!price) {
        notes.push(
          `no catalog price for ${gpuType} in ${c.cloud.provider} ${c.region}: ${c.name}'s ${gpuType} are left out`,
        );
        continue;
      }
      clusterCurrency = price.currency;
      gpus.push({
        gpuType,
        free: Math.max(0, cap.allocatable - cap.allocated),
        pricePerGpuHour: price.pricePerHour,
        p95Ms: p95.get(`${c.id}/${gpuType}`) ?? null,
      });
    }
    return {
      id: c.id,
      name: c.name,
      cloud: c.cloud.provider,
      residency: c.residencyTags,
      currency: clusterCurrency,
      egressPerGb: opts.egressPerGb ?? DEFAULT_EGRESS_PER_GB,
      gpus,
    };
  });
  const deployments: PlacementDeployment[] = deploymentRows.map((d) => ({
    id: d.id,
    name: d.name,
    gpuType: d.gpuType,
    gpusPerReplica: d.gpusPerReplica,
    replicas: d.replicas,
    currentClusterIds: [d.clusterId],
    sloP95Ms: d.latencySloMs > 0 ? d.latencySloMs : null,
    residency: d.modelVersion.model.residencyTags,
    artifactGb: Number(d.modelVersion.sizeBytes) / 1e9,
  }));
  // A deployment already being migrated stays put: the plan does not propose a second move on top.
  const moving = await opts.prisma.migration.findMany({
    where: { teamId: opts.teamId, activeDeploymentId: { not: null } },
    select: { activeDeploymentId: true },
  });
  const pins = moving.flatMap((m) => (m.activeDeploymentId ? [{ deploymentId: m.activeDeploymentId }] : []));
  return {
    problem: {
      deployments,
      clusters,
      options: {
        ...DEFAULT_PLACEMENT_OPTIONS,
        currency,
        pins,
        equivalence: Object.fromEntries(equivalence.items.map((i) => [i.gpuType, i.throughput])),
      },
    },
    notes,
  };
}

/** Median current p95 (the last few scrapes) of the team's deployments per (cluster, GPU type). */
async function recentP95(opts: TeamScope): Promise<Map<string, number>> {
  const deployments = await loadChartDeployments({ ...opts, where: { deletionRequestedAt: null } });
  const { items } = await currentLatency({
    deployments,
    settings: settingsFromEnv(),
    signal: AbortSignal.timeout(5000),
  });
  const byPool = new Map<string, number[]>();
  for (const i of items) {
    if (i.p95Ms === null) continue;
    const key = `${i.deployment.cluster.id}/${i.deployment.gpuType}`;
    byPool.set(key, [...(byPool.get(key) ?? []), i.p95Ms]);
  }
  return new Map([...byPool].map(([k, v]) => [k, v.sort((a, b) => a - b)[Math.floor(v.length / 2)]!]));
}

function mostCommon(xs: string[]): string | undefined {
  const n = new Map<string, number>();
  for (const x of xs) n.set(x, (n.get(x) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1])[0]?.[0];
}
