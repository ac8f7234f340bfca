// The analysis a migration step reads from Prometheus for one deployment over a window: requests served,
// error ratio and p95 latency. "No data" stays null — the executor treats it as inconclusive, never as success.
import { errorRatio, latencyQuantile, requestRate } from "../../metrics/promql";
import type { Analysis } from "../../migrations/execute/ports";
import { finiteOrNull } from "../metrics/chart-series";
import { loadChartDeployments } from "../metrics/load-cost-deployments";
import {
  DEFAULT_SCRAPE_SECONDS,
  prometheusFor,
  settingsFromEnv,
  type PrometheusSettings,
} from "../metrics/resolve-prometheus";
import { queryInstant } from "../metrics/run-query";
import type { PrismaClient } from "../../generated/prisma/client";
import { env } from "../../env";

export async function analyseDeployment(opts: {
  prisma: PrismaClient;
  teamId: string;
  deploymentId: string;
  windowSeconds: number;
  settings?: PrometheusSettings;
}): Promise<Analysis> {
  // Analysis reads live data only, so its windows follow the live scrape interval, not the backfill's.
  const live = env().TERN_PROMETHEUS_LIVE_SCRAPE_SECONDS;
  const settings = opts.settings ?? { ...settingsFromEnv(), ...(live ? { scrapeSeconds: live } : {}) };
  const [d] = await loadChartDeployments({
    prisma: opts.prisma,
    teamId: opts.teamId,
    where: { id: opts.deploymentId },
  });
  if (!d) return { requests: null, errorRatio: null, p95Ms: null };
  const p = prometheusFor(d.cluster, settings);
  if (!p.ok) throw new Error(`Prometheus for '${d.cluster.name}' is not available: ${p.error.message}`);
  // rate() needs at least two scrapes inside the window.
  const seconds = Math.max(opts.windowSeconds, 2 * (settings.scrapeSeconds ?? DEFAULT_SCRAPE_SECONDS));
  const scope = { cluster: p.clusterId, namespace: d.namespace, deployment: d.name, window: `${seconds}s` };
  const [lat, req, err] = await Promise.all([
    queryInstant(p.client, () => latencyQuantile({ ...scope, quantile: 0.95 })),
    queryInstant(p.client, () => requestRate(scope)),
    queryInstant(p.client, () => errorRatio(scope)),
  ]);
  for (const r of [lat, req, err]) {
    // Unreachable Prometheus is transient (retried); an empty answer is just "no data".
    if (!r.ok && r.error.kind !== "bad_query") throw new Error(`Prometheus unreachable: ${r.error.message}`);
  }
  const first = (r: typeof lat) => (r.ok && r.series[0]?.points[0] ? finiteOrNull(r.series[0].points[0][1]) : null);
  const rps = first(req);
  return { requests: rps === null ? null : rps * opts.windowSeconds, errorRatio: first(err), p95Ms: first(lat) };
}
