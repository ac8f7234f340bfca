// Fetches the series of one embed link's chart: that link's deployment, metric and range, nothing else.
// Prometheus is found as the dashboard finds it (services/metrics/resolve-prometheus). Problems come back as
// a message on the chart, worded for strangers reading a wiki: no Prometheus addresses, no internal errors.
import type { PrismaClient } from "../../generated/prisma/client";
import type { ChartSeries } from "../../embeds/render-chart-svg";
import type { Point, PromErrorKind, QueryResult } from "../../metrics/prometheus-client";
import { resolveRange, type ResolvedRange } from "../../metrics/promql-range";
import { costFromReady, loadPriceBook } from "../metrics/price-history";
import { prometheusFor, settingsFromEnv, type PrometheusSettings } from "../metrics/resolve-prometheus";
import { queryRange } from "../metrics/run-query";
import { embedCostQuery, embedQueries, unitLabel, type EmbedQuery, type EmbedScope } from "./embed-metrics";
import type { EmbedTarget } from "./resolve-embed-link";

export interface EmbedSeries {
  unit: string;
  series: ChartSeries[];
  /** The deployment's latency SLO, drawn on latency charts. */
  sloLine?: number;
  from: number;
  to: number;
  message?: string;
}

const PUBLIC_ERRORS: Record<PromErrorKind | "not_configured" | "no_price" | "gone", string> = {
  unreachable: "metrics are unavailable right now",
  server_error: "metrics are unavailable right now",
  timeout: "metrics took too long to load",
  bad_query: "this chart cannot be drawn from the metrics available",
  not_configured: "no metrics source is configured for this deployment",
  no_price: "no GPU price is set for this deployment's GPUs",
  gone: "this deployment no longer exists",
};

const EMBED_QUERY_TIMEOUT_MS = 8_000;

interface Loaded {
  series: ChartSeries[];
  unit?: string;
  message?: string;
}

async function run(
  client: Parameters<typeof queryRange>[0],
  queries: EmbedQuery[],
  range: ResolvedRange,
): Promise<Loaded> {
  const results: QueryResult[] = await Promise.all(queries.map((q) => queryRange(client, q.build, range)));
  const out: Loaded = { series: [] };
  results.forEach((r, i) => {
    const q = queries[i]!;
    if (!r.ok) {
      out.message ??= PUBLIC_ERRORS[r.error.kind];
      return;
    }
    for (const s of r.series) {
      const currency = s.labels.currency;
      if (currency) out.unit = `${currency}/h`;
      const points = q.scale ? s.points.map(([t, v]): Point => [t, v * q.scale!]) : s.points;
      out.series.push({ name: currency && r.series.length > 1 ? `${q.name} (${currency})` : q.name, points });
    }
  });
  return out;
}

export async function loadEmbedSeries(opts: {
  prisma: PrismaClient;
  link: EmbedTarget;
  now: Date;
  widthPx: number;
  prometheus?: PrometheusSettings;
}): Promise<EmbedSeries> {
  const { link, now } = opts;
  const endMs = link.live ? now.getTime() : link.createdAt.getTime();
  const range = resolveRange({
    startMs: endMs - link.rangeMinutes * 60_000,
    endMs,
    widthPx: opts.widthPx,
    nowMs: now.getTime(),
  });
  const base = { unit: unitLabel(link.metric), series: [], from: range.startMs, to: range.endMs };

  // Scoped by the link's team as well as its deployment id: a link never reads another team's rows.
  const d = await opts.prisma.deployment.findFirst({
    where: { id: link.deploymentId, teamId: link.teamId },
    select: {
      name: true,
      namespace: true,
      latencySloMs: true,
      gpusPerReplica: true,
      gpuType: true,
      cluster: {
        select: { id: true, name: true, region: true, prometheusUrl: true, cloud: { select: { provider: true } } },
      },
    },
  });
  if (!d) return { ...base, message: PUBLIC_ERRORS.gone };
  const sloLine = link.metric === "latency" ? d.latencySloMs : undefined;
  const prom = prometheusFor(d.cluster, {
    timeoutMs: EMBED_QUERY_TIMEOUT_MS,
    ...(opts.prometheus ?? settingsFromEnv()),
  });
  if (!prom.ok) return { ...base, sloLine, message: PUBLIC_ERRORS.not_configured };
  const scope: EmbedScope = {
    teamId: link.teamId,
    clusterId: prom.clusterId,
    namespace: d.namespace,
    deployment: d.name,
  };

  let loaded: Loaded;
  if (link.metric !== "cost") {
    loaded = await run(prom.client, embedQueries(link.metric, scope, range.stepSeconds), range);
  } else {
    // As on the dashboard: cost in PromQL where Tern's price gauges are scraped, else ready replicas × the
    // price book, point by point.
    const key = { provider: d.cluster.cloud.provider, region: d.cluster.region, gpuType: d.gpuType };
    const prices = await loadPriceBook({ prisma: opts.prisma, teamId: link.teamId });
    if (prices.rows(key).length === 0) return { ...base, message: PUBLIC_ERRORS.no_price };
    if (prom.shared) loaded = await run(prom.client, [embedCostQuery(scope)], range);
    else {
      const ready = await run(prom.client, embedQueries("replicas", scope, range.stepSeconds), range);
      const sum = new Map<number, number>();
      for (const s of ready.series) for (const [t, v] of s.points) sum.set(t, (sum.get(t) ?? 0) + v);
      const points = [...sum.entries()].sort((a, b) => a[0] - b[0]);
      const costs = costFromReady(points, d.gpusPerReplica, key, prices);
      loaded = {
        ...ready,
        unit: costs.length === 1 && costs[0]!.currency ? `${costs[0]!.currency}/h` : undefined,
        series: costs.map((c) => ({
          name: costs.length > 1 ? `cost (${c.currency ?? ""})` : "cost",
          points: c.points.map(([t, v]): Point => [t, v ?? NaN]),
        })),
      };
    }
  }
  return {
    ...base,
    unit: loaded.unit ?? base.unit,
    series: loaded.series,
    sloLine,
    ...(loaded.message ? { message: loaded.message } : {}),
  };
}
