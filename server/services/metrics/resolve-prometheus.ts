// Which Prometheus answers for a cluster: its own (its series need no `cluster` filter), or the shared one
// from TERN_PROMETHEUS_URL, where every series carries a `tern_cluster_id` label with Tern's id for the cluster.
import { env } from "../../env";
import { createPrometheusClient, type PrometheusClient } from "../../metrics/prometheus-client";
import { sharedRangeCache, withRangeCache, type RangeCache } from "../../metrics/range-cache";
import { rateWindowFor } from "../../metrics/promql-range";
import { isSamePrometheus } from "../../metrics/same-prometheus";
import type { ChartError } from "../../validation/metrics";

export interface PrometheusSettings {
  /** The shared Prometheus; TERN_PROMETHEUS_URL when not given. */
  defaultUrl?: string | null;
  /** The longest scrape interval to expect (TERN_PROMETHEUS_SCRAPE_SECONDS); sizes rate() windows. */
  scrapeSeconds?: number;
  timeoutMs?: number;
  /** For tests. */
  fetch?: typeof fetch;
  /** Range answers shared between page loads (metrics/range-cache.ts); Tern's settings use the process-wide one. */
  rangeCache?: RangeCache;
}

/** What chart services take besides the team scope; tests pass a Prometheus and a clock. */
export interface ChartsOptions {
  prometheus?: PrometheusSettings;
  nowMs?: number;
}

export type ClusterPrometheus =
  | {
      ok: true;
      client: PrometheusClient;
      /** The shared Prometheus, where Tern's own gauges (prices, deployments) are scraped too. */
      shared: boolean;
      /** The `tern_cluster_id` matcher for the templates (Tern's cluster id): only on the shared Prometheus. */
      clusterId: string | undefined;
    }
  | { ok: false; error: ChartError };

const normalize = (url: string) => url.replace(/\/+$/, "");

export function settingsFromEnv(): PrometheusSettings {
  const e = env();
  return { defaultUrl: e.TERN_PROMETHEUS_URL ?? null, scrapeSeconds: e.TERN_PROMETHEUS_SCRAPE_SECONDS };
}

/**
 * The settings of the chart pages: those above with the process-wide range cache, so loading a chart again costs
 * (almost) no query. Only charts: a migration's analysis must see the latest samples.
 */
export function chartSettingsFromEnv(): PrometheusSettings {
  return { ...settingsFromEnv(), rangeCache: sharedRangeCache };
}

export const DEFAULT_SCRAPE_SECONDS = 30;

/**
 * The rate() window for a chart step: at least 4 scrapes, so a missed scrape (or a coarser backfill) does not
 * blank a point, and at least one step, so no request falls between two points (Grafana's $__rate_interval).
 */
export function rateWindow(stepSeconds: number, settings: PrometheusSettings): string {
  return rateWindowFor(stepSeconds, settings.scrapeSeconds ?? DEFAULT_SCRAPE_SECONDS);
}

function clientFor(baseUrl: string, settings: PrometheusSettings): PrometheusClient {
  const client = createPrometheusClient({ baseUrl, timeoutMs: settings.timeoutMs, fetch: settings.fetch });
  return settings.rangeCache ? withRangeCache(client, settings.rangeCache) : client;
}

export function sharedPrometheus(settings: PrometheusSettings): PrometheusClient | null {
  if (!settings.defaultUrl) return null;
  return clientFor(settings.defaultUrl, settings);
}

export function prometheusFor(
  cluster: { id: string; name: string; prometheusUrl: string | null },
  settings: PrometheusSettings,
): ClusterPrometheus {
  const own = cluster.prometheusUrl ? normalize(cluster.prometheusUrl) : null;
  const shared = settings.defaultUrl ? normalize(settings.defaultUrl) : null;
  // A cluster pointed at the shared Prometheus is still one of many there: keep the cluster filter, however the
  // URL is spelled (saving such a URL is refused too, after DNS; this catches spellings that predate that check).
  if (own && !(shared && isSamePrometheus(own, shared))) {
    return { ok: true, client: clientFor(own, settings), shared: false, clusterId: undefined };
  }
  if (shared) {
    return { ok: true, client: clientFor(shared, settings), shared: true, clusterId: cluster.id };
  }
  return { ok: false, error: notConfigured(cluster.name) };
}

export function notConfigured(cluster: string): ChartError {
  return {
    kind: "not_configured",
    message: `no Prometheus is configured for cluster '${cluster}': set TERN_PROMETHEUS_URL, or the cluster's Prometheus URL on its page`,
    cluster,
  };
}
