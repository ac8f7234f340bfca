// Tern's own /metrics: GPU prices and deployment facts as gauges (as OpenCost exports pricing), so
// Prometheus can compute cost from series and keep the price that applied at each moment.
import { TERN_METRICS } from "./cost";
import { escapeHelp, formatLabels, formatValue, type Labels } from "./exposition";

export interface TernPrice {
  team: string;
  provider: string;
  region: string;
  gpuType: string;
  pricePerHour: number;
  currency: string;
  /** When several rows share provider/region/GPU type, the latest one not after `now` applies. */
  effectiveDate?: Date;
}

export interface TernDeployment {
  team: string;
  /** Tern's cluster id: exported instead of the cluster's name, which only its team may see. */
  clusterId: string;
  namespace: string;
  deployment: string;
  model: string;
  gpuType: string;
  gpusPerReplica: number;
  provider: string;
  region: string;
}

export const TERN_METRICS_HELP = {
  [TERN_METRICS.price]: "Price of one GPU-hour for a team, by provider, region and GPU type, from Tern's price catalog",
  [TERN_METRICS.info]: "A deployment Tern manages; always 1, its labels say where it runs and on which GPUs",
  [TERN_METRICS.gpus]: "GPUs each replica of a deployment requests",
} as const;

const priceKey = (p: TernPrice) => `${p.team}\u0000${p.provider}\u0000${p.region}\u0000${p.gpuType}`;

/** The price in force at `now` for each team × provider × region × GPU type; future prices wait their turn. */
export function currentPrices(prices: TernPrice[], now: Date): TernPrice[] {
  const best = new Map<string, TernPrice>();
  for (const p of prices) {
    if (!Number.isFinite(p.pricePerHour) || p.pricePerHour < 0) continue; // a NaN price would poison every sum
    if (p.effectiveDate && p.effectiveDate.getTime() > now.getTime()) continue;
    const prev = best.get(priceKey(p));
    if (!prev || (p.effectiveDate?.getTime() ?? 0) >= (prev.effectiveDate?.getTime() ?? 0)) best.set(priceKey(p), p);
  }
  return [...best.values()];
}

export const priceLabels = (p: TernPrice): Labels => ({
  team: p.team,
  provider: p.provider,
  region: p.region,
  gpu_type: p.gpuType,
  currency: p.currency,
});

export function deploymentLabels(d: TernDeployment): { info: Labels; gpus: Labels } {
  const gpus = {
    team: d.team,
    tern_cluster_id: d.clusterId,
    namespace: d.namespace,
    deployment: d.deployment,
    provider: d.provider,
    region: d.region,
    gpu_type: d.gpuType,
  };
  return { gpus, info: { ...gpus, model: d.model, gpus_per_replica: String(d.gpusPerReplica) } };
}

const byLabels = (a: { l: Labels }, b: { l: Labels }) => formatLabels(a.l).localeCompare(formatLabels(b.l));

/** Renders the Prometheus text exposition (version 0.0.4) for Tern's gauges. */
export function renderTernMetrics(input: { prices: TernPrice[]; deployments: TernDeployment[]; now?: Date }): string {
  const prices = currentPrices(input.prices, input.now ?? new Date()).map((p) => ({
    l: priceLabels(p),
    v: p.pricePerHour,
  }));
  const deps = input.deployments
    .filter((d) => Number.isFinite(d.gpusPerReplica) && d.gpusPerReplica >= 0)
    .map((d) => ({ d, l: deploymentLabels(d) }));
  const families: [string, { l: Labels; v: number }[]][] = [
    [TERN_METRICS.price, prices],
    [TERN_METRICS.info, deps.map(({ l }) => ({ l: l.info, v: 1 }))],
    [TERN_METRICS.gpus, deps.map(({ d, l }) => ({ l: l.gpus, v: d.gpusPerReplica }))],
  ];
  const out: string[] = [];
  for (const [name, samples] of families) {
    out.push(
      `# HELP ${name} ${escapeHelp(TERN_METRICS_HELP[name as keyof typeof TERN_METRICS_HELP])}`,
      `# TYPE ${name} gauge`,
    );
    // Sorted so the output is stable between scrapes and in tests.
    for (const s of [...samples].sort(byLabels)) out.push(`${name}${formatLabels(s.l)} ${formatValue(s.v)}`);
  }
  return out.join("\n") + "\n";
}

export const TERN_METRICS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
