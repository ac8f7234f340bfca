// One deployment's charts: latency quantiles against its SLO, traffic, errors, ready replicas and GPU cost,
// each panel its own success or error, queried from the cluster's Prometheus.
import { notFound } from "../../errors";
import { COST_FORMULA_GENERIC, costFormula, costRate } from "../../metrics/cost";
import { histogramQuantiles } from "../../metrics/histogram-quantile";
import type { QueryResult, Series } from "../../metrics/prometheus-client";
import {
  failedRequestRate,
  latencyBuckets,
  latencyQuantile,
  latencyRecordedQuantiles,
  readyReplicas,
  requestRate,
  type BucketsQuery,
  type PromQuery,
} from "../../metrics/promql";
import type { ChartPanel, ChartSeries, DeploymentChartsDto } from "../../validation/metrics";
import type { TeamScope } from "../context";
import { chartError, cumulativeOf, lastValue, panelOf, ratioOf, sumPoints, toChartSeries } from "./chart-series";
import { costFromReady, loadPriceBook, noPriceError } from "./price-history";
import { prometheusFor, rateWindow, chartSettingsFromEnv, type ChartsOptions } from "./resolve-prometheus";
import { chartWindow, mapLimit, queryRange, windowDto, type ChartRangeWindow } from "./run-query";
import type { ChartRange } from "../../validation/metrics";

const QUANTILES = [
  ["p50", 0.5],
  ["p95", 0.95],
  ["p99", 0.99],
] as const;
/** Queries one page load has in flight at most against its Prometheus. */
export const DEPLOYMENT_QUERY_CONCURRENCY = 3;

/**
 * How latency quantiles are asked: `recorded` (the default) reads p50/p95/p99 from the recording rules
 * (metrics/recording-rules.ts) and computes from the buckets only the part of the range the rules have not
 * recorded (all of it where they are not installed); `buckets` fetches the histogram's bucket rates once and
 * computes p50/p95/p99 as histogram_quantile does; `per-quantile` sends one histogram_quantile query per
 * quantile, as Tern did before (the bench's references).
 */
export type LatencyQueries = "recorded" | "buckets" | "per-quantile";

/** The latency panel from one bucket-rates answer: p50, p95, p99 in that order, always three series. */
function latencyFromBuckets(r: QueryResult, toMs: () => number, stepSeconds: number): ChartPanel {
  if (!r.ok) return { ok: false, error: chartError(r.error) };
  const groups = histogramQuantiles(
    r.series,
    QUANTILES.map(([, q]) => q),
    toMs(),
  );
  const series: ChartSeries[] = [];
  QUANTILES.forEach(([name], i) => {
    for (const g of groups)
      series.push(toChartSeries({ labels: g.labels, points: g.points[i]! }, stepSeconds, () => name));
  });
  return { ok: true, series };
}

/** The recorded-quantiles query, or null (then the buckets' query reports a refused parameter as the panel's error). */
function recordedOrNull(build: () => PromQuery | null): PromQuery | null {
  try {
    return build();
  } catch {
    return null;
  }
}

/** The recorded answer's quantile series by name (p50, p95, p99), or null when it holds no point at all. */
function recordedByName(r: QueryResult): Map<string, Series["points"]> | null {
  if (!r.ok) return null;
  const byName = new Map<string, Series["points"]>();
  for (const s of r.series) {
    const name = QUANTILES.find(([, q]) => String(q) === s.labels.quantile)?.[0];
    if (name && s.points.length) byName.set(name, s.points);
  }
  return byName.size ? byName : null;
}

/**
 * The latency panel from the recorded quantiles, with the range's start the rules did not record (installed
 * later than the range starts, or never) computed from the buckets, exactly as the `buckets` path would.
 */
async function latencyRecorded(opts: {
  recorded: QueryResult;
  buckets: () => BucketsQuery;
  w: ChartRangeWindow;
  query: (build: () => PromQuery, w: ChartRangeWindow) => Promise<QueryResult>;
}): Promise<ChartPanel> {
  const { w } = opts;
  const stepMs = w.stepSeconds * 1000;
  const byName = recordedByName(opts.recorded);
  const first = byName ? Math.min(...[...byName.values()].map((p) => p[0]![0])) : Infinity;
  if (first <= w.startMs) {
    const series = QUANTILES.flatMap(([name]) => {
      const points = byName?.get(name);
      return points ? [toChartSeries({ labels: {}, points }, w.stepSeconds, () => name)] : [];
    });
    return { ok: true, series };
  }
  // Steps before the first recorded one (the whole range without rules) come from the buckets.
  const endMs = Math.min(w.endMs, first - stepMs);
  const head = await opts.query(opts.buckets, { ...w, endMs, points: Math.floor((endMs - w.startMs) / stepMs) + 1 });
  if (!head.ok) return { ok: false, error: chartError(head.error) };
  if (!byName) return latencyFromBuckets(head, () => opts.buckets().toMs, w.stepSeconds);
  const groups = histogramQuantiles(
    head.series,
    QUANTILES.map(([, q]) => q),
    opts.buckets().toMs,
  );
  const series: ChartSeries[] = [];
  QUANTILES.forEach(([name], i) => {
    const points = [...(groups[0]?.points[i] ?? []), ...(byName.get(name) ?? [])];
    if (points.length) series.push(toChartSeries({ labels: {}, points }, w.stepSeconds, () => name));
  });
  return { ok: true, series };
}

/** One panel from several single-series queries (p50/p95/p99): the first failure fails the panel. */
function combine(results: readonly [string, QueryResult][], stepSeconds: number): ChartPanel {
  const series: ChartSeries[] = [];
  for (const [name, r] of results) {
    const p = panelOf(r, stepSeconds, () => name);
    if (!p.ok) return p;
    // Several series for one quantile would mean duplicate scrapes; the template sums them to one.
    series.push(...p.series);
  }
  return { ok: true, series };
}

export async function getDeploymentCharts(
  opts: TeamScope & { input: { id: string; range: ChartRange; widthPx?: number } } & ChartsOptions & {
      latencyQueries?: LatencyQueries;
    },
): Promise<DeploymentChartsDto> {
  const d = await opts.prisma.deployment.findFirst({
    where: { id: opts.input.id, teamId: opts.teamId },
    select: {
      name: true,
      namespace: true,
      gpusPerReplica: true,
      gpuType: true,
      latencySloMs: true,
      readyReplicas: true,
      cluster: {
        select: { id: true, name: true, region: true, prometheusUrl: true, cloud: { select: { provider: true } } },
      },
    },
  });
  if (!d) throw notFound("deployment");
  const nowMs = opts.nowMs ?? Date.now();
  const w = chartWindow(opts.input.range, opts.input.widthPx, nowMs);
  const step = w.stepSeconds;
  const key = { provider: d.cluster.cloud.provider, region: d.cluster.region, gpuType: d.gpuType };
  const prices = await loadPriceBook(opts);
  const priceNow = prices.at(key, nowMs);
  const settings = opts.prometheus ?? chartSettingsFromEnv();
  const prom = prometheusFor(d.cluster, settings);

  const formulaFor = (ready: number | null) => ({
    text: priceNow
      ? costFormula({
          ...key,
          gpusPerReplica: d.gpusPerReplica,
          pricePerHour: priceNow.pricePerHour,
          currency: priceNow.currency,
          ...(ready === null ? {} : { readyReplicas: ready }),
        })
      : COST_FORMULA_GENERIC,
    ...key,
    gpusPerReplica: d.gpusPerReplica,
    pricePerHour: priceNow?.pricePerHour ?? null,
    currency: priceNow?.currency ?? null,
    readyReplicas: ready,
  });

  if (!prom.ok) {
    const down: ChartPanel = { ok: false, error: prom.error };
    return {
      window: windowDto(w),
      sloMs: d.latencySloMs,
      latency: down,
      requests: down,
      errorRatio: down,
      readyReplicas: down,
      costPerHour: down,
      cumulativeCost: down,
      formula: formulaFor(null),
    };
  }

  const scope = { cluster: prom.clusterId, namespace: d.namespace, deployment: d.name };
  const window = rateWindow(step, settings);
  const range = (build: () => PromQuery) => queryRange(prom.client, build, w);
  const hasPrice = prices.rows(key).length > 0;
  const mode = opts.latencyQueries ?? "recorded";
  const bucketsQuery = () => latencyBuckets({ ...scope, window });
  const recordedQuery =
    mode === "recorded" ? recordedOrNull(() => latencyRecordedQuantiles({ ...scope, window })) : null;
  const latencyQueries: (() => PromQuery)[] =
    mode === "per-quantile"
      ? QUANTILES.map(
          ([, quantile]) =>
            () =>
              latencyQuantile({ ...scope, window, quantile }),
        )
      : recordedQuery
        ? [() => recordedQuery]
        : [bucketsQuery];
  const others: (() => PromQuery)[] = [
    () => requestRate({ ...scope, window }),
    // The ratio is divided here by requestRate's answer, as errorRatio would in PromQL (chart-series.ts: ratioOf).
    () => failedRequestRate({ ...scope, window }),
    () => readyReplicas(scope),
  ];
  if (prom.shared && hasPrice)
    others.push(() =>
      costRate({
        team: opts.teamId,
        clusterId: d.cluster.id,
        namespace: d.namespace,
        deployment: d.name,
        by: "deployment",
      }),
    );
  // Latency first: it is the largest answer. Bounded, so a page load never floods its Prometheus.
  const results = await mapLimit([...latencyQueries, ...others], DEPLOYMENT_QUERY_CONCURRENCY, range);
  const latencyResults = results.slice(0, latencyQueries.length);
  const [requests, failed, ready, sharedCost = null] = results.slice(latencyQueries.length) as [
    QueryResult,
    QueryResult,
    QueryResult,
    QueryResult?,
  ];
  const latency =
    mode === "per-quantile"
      ? combine(
          latencyResults.map((r, i) => [QUANTILES[i]![0], r] as [string, QueryResult]),
          step,
        )
      : recordedQuery
        ? await latencyRecorded({
            recorded: latencyResults[0]!,
            buckets: bucketsQuery,
            w,
            query: (build, part) => queryRange(prom.client, build, part),
          })
        : latencyFromBuckets(latencyResults[0]!, () => bucketsQuery().toMs, step);

  const readyPanel = panelOf(ready, step, () => "ready");
  let costPerHour: ChartPanel;
  if (!hasPrice) costPerHour = { ok: false, error: noPriceError(key) };
  else if (sharedCost)
    costPerHour = panelOf(
      sharedCost,
      step,
      () => "cost",
      (l) => ({ currency: l.currency ?? "" }),
    );
  else if (!readyPanel.ok) costPerHour = readyPanel;
  else
    costPerHour = {
      ok: true,
      series: costFromReady(sumPoints(readyPanel.series.map((s) => s.points)), d.gpusPerReplica, key, prices),
    };

  const cumulativeCost: ChartPanel = costPerHour.ok
    ? {
        ok: true,
        series: costPerHour.series.map((s) => ({ ...s, name: "total", points: cumulativeOf(s.points, step) })),
      }
    : { ok: false, error: chartError(costPerHour.error) };
  const readyNow = readyPanel.ok ? lastValue(sumPoints(readyPanel.series.map((s) => s.points))) : null;

  return {
    window: windowDto(w),
    sloMs: d.latencySloMs,
    latency,
    requests: panelOf(requests, step, () => "requests"),
    errorRatio: ratioOf(failed, requests, step, "errors"),
    readyReplicas: readyPanel,
    costPerHour,
    cumulativeCost,
    formula: formulaFor(readyNow),
  };
}
