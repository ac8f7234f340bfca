// Expected p95 per (cluster, GPU type) from the last day of latency history on the shared Prometheus: every
// deployment that ran on the pool counts, also ones since moved or removed, so a pool with no deployment today
// still has a figure when it had one recently.
import { histogramQuantiles } from "../../metrics/histogram-quantile";
import { poolLatencyBuckets } from "../../metrics/promql";
import { CLUSTER_METRICS as K } from "../../metrics/runtime-presets";
import { finiteOrNull } from "../metrics/chart-series";
import { prometheusFor, type PrometheusSettings } from "../metrics/resolve-prometheus";
import { queryInstant } from "../metrics/run-query";

export const POOL_HISTORY_WINDOW = "1d";

/** Keys `<clusterId>/<gpuType>`; clusters with their own Prometheus are not asked (no Tern gauges there). */
export async function poolLatencyHistory(opts: {
  clusters: { id: string; name: string; prometheusUrl: string | null }[];
  settings: PrometheusSettings;
  signal?: AbortSignal;
}): Promise<Map<string, number>> {
  const shared = opts.clusters.filter((c) => {
    const p = prometheusFor(c, opts.settings);
    return p.ok && p.shared;
  });
  const first = shared[0];
  if (!first) return new Map();
  const p = prometheusFor(first, opts.settings);
  if (!p.ok) return new Map();
  let toMs = 1;
  const r = await queryInstant(
    p.client,
    () => {
      const q = poolLatencyBuckets({ clusters: shared.map((c) => c.id), window: POOL_HISTORY_WINDOW });
      toMs = q.toMs;
      return q;
    },
    opts.signal,
  );
  if (!r.ok) throw new Error(r.error.message);
  const out = new Map<string, number>();
  for (const g of histogramQuantiles(r.series, [0.95], toMs)) {
    const cluster = g.labels[K.clusterLabel];
    const gpuType = g.labels.gpu_type;
    const v = finiteOrNull(g.points[0]![0]?.[1] ?? NaN);
    if (cluster && gpuType && v !== null) out.set(`${cluster}/${gpuType}`, v);
  }
  return out;
}
