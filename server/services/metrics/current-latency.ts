// Current p95 latency and request rate per deployment (instant queries), with one failure per Prometheus
// rather than one per deployment: a dead Prometheus is not asked again for its other deployments.
import { latencyQuantile, requestRate } from "../../metrics/promql";
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

export async function currentLatency(opts: {
  deployments: ChartDeployment[];
  settings: PrometheusSettings;
  /** Stops starting queries (and cancels those in flight) once aborted: the page's deadline. */
  signal?: AbortSignal;
}): Promise<{ items: CurrentLatency[]; errors: ChartError[]; answered: boolean }> {
  const down = new Map<string, ChartError>();
  let answered = false;
  // "Now" is the last 4 scrapes (2 minutes at the default 30 s).
  const window = rateWindow(0, opts.settings);
  const items = await mapLimit(opts.deployments, 8, async (d): Promise<CurrentLatency | null> => {
    if (opts.signal?.aborted) return null;
    const p = prometheusFor(d.cluster, opts.settings);
    const target = p.ok && p.shared ? "" : d.cluster.name;
    if (!p.ok) {
      down.set(target, p.error);
      return null;
    }
    if (down.has(target)) return null;
    const scope = { cluster: p.clusterId, namespace: d.namespace, deployment: d.name, window };
    const [lat, req] = await Promise.all([
      queryInstant(p.client, () => latencyQuantile({ ...scope, quantile: 0.95 }), opts.signal),
      queryInstant(p.client, () => requestRate(scope), opts.signal),
    ]);
    const failed = !lat.ok ? lat : !req.ok ? req : null;
    if (failed && !failed.ok) {
      if (!down.has(target)) down.set(target, chartError(failed.error, p.shared ? undefined : d.cluster.name));
      return null;
    }
    answered = true;
    const value = (r: typeof lat) => (r.ok && r.series[0]?.points[0] ? finiteOrNull(r.series[0].points[0][1]) : null);
    return { deployment: d, p95Ms: value(lat), requestsPerSecond: value(req) };
  });
  return { items: items.filter((i): i is CurrentLatency => i !== null), errors: [...down.values()], answered };
}
