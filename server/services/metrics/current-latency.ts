// Current p95 latency and request rate per deployment (instant queries): two queries per Prometheus for all
// its deployments (bucket rates and request rates grouped by deployment, p95 computed as histogram_quantile
// does), whatever the number of deployments, and one failure per Prometheus rather than one per deployment.
import { histogramQuantiles } from "../../metrics/histogram-quantile";
import { fleetLatencyBuckets, fleetRequestRate } from "../../metrics/promql";
import type { PrometheusClient, QueryResult } from "../../metrics/prometheus-client";
import { CLUSTER_METRICS as K, presetOf } from "../../metrics/runtime-presets";
import type { ChartError } from "../../validation/metrics";
import { chartError, finiteOrNull } from "./chart-series";
import type { ChartDeployment } from "./load-cost-deployments";
import { prometheusFor, rateWindow, type PrometheusSettings } from "./resolve-prometheus";
import { mapLimit, queryInstant } from "./run-query";

export interface CurrentLatency {
  deployment: ChartDeployment;
  p95Ms: number | null;
  requestsPerSecond: number | null;
}

/** Prometheus servers asked at once; each gets two queries. */
export const CURRENT_LATENCY_CONCURRENCY = 4;

interface Target {
  client: PrometheusClient;
  /** The shared Prometheus (series carry `tern_cluster_id`) or one cluster's own. */
  shared: boolean;
  /** The cluster's name for a cluster's own Prometheus, "" for the shared one. */
  name: string;
  deployments: ChartDeployment[];
}

const keyOf = (cluster: string, namespace: string, deployment: string) =>
  `${cluster}\u0000${namespace}\u0000${deployment}`;

export async function currentLatency(opts: {
  deployments: ChartDeployment[];
  settings: PrometheusSettings;
  /** Stops starting queries (and cancels those in flight) once aborted: the page's deadline. */
  signal?: AbortSignal;
  /** The rate window, e.g. "10m" for "p95 over the last 10 minutes"; default: the last few scrapes. */
  window?: string;
}): Promise<{ items: CurrentLatency[]; errors: ChartError[]; answered: boolean }> {
  const down = new Map<string, ChartError>();
  const targets = new Map<string, Target>();
  for (const d of opts.deployments) {
    const p = prometheusFor(d.cluster, opts.settings);
    if (!p.ok) {
      if (!down.has(d.cluster.name)) down.set(d.cluster.name, p.error);
      continue;
    }
    const name = p.shared ? "" : d.cluster.name;
    const t = targets.get(name) ?? { client: p.client, shared: p.shared, name, deployments: [] };
    t.deployments.push(d);
    targets.set(name, t);
  }

  // "Now" is the last 4 scrapes (2 minutes at the default 30 s).
  const window = opts.window ?? rateWindow(0, opts.settings);
  const preset = presetOf(undefined);
  const found = new Map<string, { p95Ms: number | null; requestsPerSecond: number | null }>();
  let answered = false;
  await mapLimit([...targets.values()], CURRENT_LATENCY_CONCURRENCY, async (t) => {
    if (opts.signal?.aborted) return;
    const params = {
      ...(t.shared ? { clusters: t.deployments.map((d) => d.cluster.id) } : {}),
      deployments: t.deployments.map((d) => ({ namespace: d.namespace, deployment: d.name })),
      window,
    };
    let toMs = 1;
    const [lat, req] = await Promise.all([
      queryInstant(
        t.client,
        () => {
          const q = fleetLatencyBuckets(params);
          toMs = q.toMs;
          return q;
        },
        opts.signal,
      ),
      queryInstant(t.client, () => fleetRequestRate(params), opts.signal),
    ]);
    const failed = !lat.ok ? lat : !req.ok ? req : null;
    if (failed && !failed.ok) {
      down.set(t.name, chartError(failed.error, t.shared ? undefined : t.name));
      return;
    }
    answered = true;
    // On a cluster's own Prometheus the series have no cluster id label: key them by the cluster's name.
    const key = (labels: Record<string, string>) =>
      keyOf(
        t.shared ? (labels[K.clusterLabel] ?? "") : t.name,
        labels[preset.namespaceLabel] ?? "",
        labels[preset.deployment.label] ?? "",
      );
    const entry = (k: string) => {
      const e = found.get(k) ?? { p95Ms: null, requestsPerSecond: null };
      found.set(k, e);
      return e;
    };
    for (const g of histogramQuantiles(seriesOf(lat), [0.95], toMs))
      entry(key(g.labels)).p95Ms = finiteOrNull(g.points[0]![0]?.[1] ?? NaN);
    for (const s of seriesOf(req)) entry(key(s.labels)).requestsPerSecond = finiteOrNull(s.points[0]?.[1] ?? NaN);
    for (const d of t.deployments) entry(keyOf(t.shared ? d.cluster.id : t.name, d.namespace, d.name));
  });

  const items: CurrentLatency[] = [];
  for (const d of opts.deployments) {
    const p = prometheusFor(d.cluster, opts.settings);
    if (!p.ok) continue;
    const v = found.get(keyOf(p.shared ? d.cluster.id : d.cluster.name, d.namespace, d.name));
    if (v) items.push({ deployment: d, ...v });
  }
  return { items, errors: [...down.values()], answered };
}

const seriesOf = (r: QueryResult) => (r.ok ? r.series : []);
