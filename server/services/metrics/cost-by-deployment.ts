// Cost per hour of many deployments over a range. On the shared Prometheus one query joins ready replicas
// with Tern's price gauges; a cluster with its own Prometheus has no Tern gauges, so there Tern multiplies
// its ready replicas by the catalog's price. Failures are per Prometheus, as data.
import { costRate } from "../../metrics/cost";
import { fleetReadyReplicas } from "../../metrics/promql";
import { CLUSTER_METRICS as K } from "../../metrics/runtime-presets";
import type { ChartError, ChartSeries } from "../../validation/metrics";
import { chartError, sumPoints, withGaps } from "./chart-series";
import { costFromReady, type PriceBook } from "./price-history";
import { prometheusFor, sharedPrometheus, type PrometheusSettings } from "./resolve-prometheus";
import { mapLimit, queryRange, type ChartRangeWindow } from "./run-query";

export interface CostDeployment {
  id: string;
  name: string;
  namespace: string;
  gpusPerReplica: number;
  gpuType: string;
  model: string;
  cluster: { id: string; name: string; region: string; provider: string; prometheusUrl: string | null };
}

export interface DeploymentCost {
  deployment: CostDeployment;
  /** One series per currency, named "cost". */
  series: ChartSeries[];
}

export interface CostsResult {
  costs: DeploymentCost[];
  errors: ChartError[];
  /** True when at least one Prometheus answered (an empty answer is "no data yet", not a failure). */
  answered: boolean;
}

/** Clusters with their own Prometheus asked at once (one range query each). */
export const OWN_PROMETHEUS_CONCURRENCY = 4;

const depKey = (cluster: string, namespace: string, name: string) => `${cluster}\u0000${namespace}\u0000${name}`;

export async function costByDeployment(opts: {
  teamId: string;
  deployments: CostDeployment[];
  prices: PriceBook;
  settings: PrometheusSettings;
  w: ChartRangeWindow;
  /** Restricts the shared query to one cluster (the cluster page): Tern's cluster id. */
  clusterId?: string;
  /** Stops starting queries (and cancels those in flight) once aborted: the page's deadline. */
  signal?: AbortSignal;
}): Promise<CostsResult> {
  const { w, prices } = opts;
  const out: CostsResult = { costs: [], errors: [], answered: false };
  const shared: CostDeployment[] = [];
  const own: CostDeployment[] = [];
  const failed = new Set<string>();
  for (const d of opts.deployments) {
    const p = prometheusFor(d.cluster, opts.settings);
    if (!p.ok) {
      if (!failed.has(d.cluster.name)) out.errors.push(p.error);
      failed.add(d.cluster.name);
    } else (p.shared ? shared : own).push(d);
  }

  const client = shared.length ? sharedPrometheus(opts.settings) : null;
  if (client) {
    const r = await queryRange(
      client,
      () => costRate({ team: opts.teamId, by: "deployment", ...(opts.clusterId ? { clusterId: opts.clusterId } : {}) }),
      w,
      opts.signal,
    );
    if (!r.ok) out.errors.push(chartError(r.error));
    else {
      out.answered = true;
      const byKey = new Map(shared.map((d) => [depKey(d.cluster.id, d.namespace, d.name), d]));
      const found = new Map<CostDeployment, ChartSeries[]>();
      for (const s of r.series) {
        const d = byKey.get(
          depKey(s.labels[K.clusterLabel] ?? "", s.labels.namespace ?? "", s.labels.deployment ?? ""),
        );
        if (!d) continue; // a deployment Tern no longer has
        const list = found.get(d) ?? [];
        list.push({ name: "cost", currency: s.labels.currency ?? "", points: withGaps(s.points, w.stepSeconds) });
        found.set(d, list);
      }
      for (const [deployment, series] of found) out.costs.push({ deployment, series });
    }
  }

  // One query per cluster with its own Prometheus, for all its deployments; a dead one fails once.
  const byCluster = new Map<string, CostDeployment[]>();
  for (const d of own) byCluster.set(d.cluster.name, [...(byCluster.get(d.cluster.name) ?? []), d]);
  const down = new Map<string, ChartError>();
  const results = await mapLimit([...byCluster.values()], OWN_PROMETHEUS_CONCURRENCY, async (list) => {
    const first = list[0]!;
    const p = prometheusFor(first.cluster, opts.settings);
    if (!p.ok || opts.signal?.aborted) return [];
    const deployments = list.map((d) => ({ namespace: d.namespace, deployment: d.name }));
    const r = await queryRange(p.client, () => fleetReadyReplicas({ deployments }), w, opts.signal);
    if (!r.ok) {
      down.set(first.cluster.name, chartError(r.error, first.cluster.name));
      return [];
    }
    out.answered = true;
    return list.map((d) => {
      const mine = r.series.filter((s) => s.labels.namespace === d.namespace && s.labels.deployment === d.name);
      const ready = sumPoints(mine.map((s) => withGaps(s.points, w.stepSeconds)));
      const key = { provider: d.cluster.provider, region: d.cluster.region, gpuType: d.gpuType };
      return { deployment: d, series: costFromReady(ready, d.gpusPerReplica, key, prices) };
    });
  });
  for (const r of results.flat()) if (r.series.length) out.costs.push(r);
  out.errors.push(...down.values());
  return out;
}

/** Sums deployments' cost series into one series per (group name, currency). */
export function sumCosts(costs: readonly DeploymentCost[], groupOf: (d: CostDeployment) => string): ChartSeries[] {
  const groups = new Map<string, { name: string; currency: string; lists: ChartSeries["points"][] }>();
  for (const c of costs)
    for (const s of c.series) {
      const name = groupOf(c.deployment);
      const currency = s.currency ?? "";
      const k = `${name}\u0000${currency}`;
      const g = groups.get(k) ?? { name, currency, lists: [] };
      g.lists.push(s.points);
      groups.set(k, g);
    }
  return [...groups.values()]
    .map((g) => ({ name: g.name, currency: g.currency, points: sumPoints(g.lists) }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.currency.localeCompare(b.currency));
}
