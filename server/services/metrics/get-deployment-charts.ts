// One deployment's charts: latency quantiles against its SLO, traffic, errors, ready replicas and GPU cost,
// each panel its own success or error, queried from the cluster's Prometheus.
import { notFound } from "../../errors";
import { COST_FORMULA_GENERIC, costFormula, costRate } from "../../metrics/cost";
import type { QueryResult } from "../../metrics/prometheus-client";
import { errorRatio, latencyQuantile, readyReplicas, requestRate } from "../../metrics/promql";
import type { ChartPanel, ChartSeries, DeploymentChartsDto } from "../../validation/metrics";
import type { TeamScope } from "../context";
import { chartError, cumulativeOf, lastValue, panelOf, sumPoints } from "./chart-series";
import { costFromReady, loadPriceBook, noPriceError } from "./price-history";
import { prometheusFor, rateWindow, settingsFromEnv, type ChartsOptions } from "./resolve-prometheus";
import { chartWindow, queryRange, windowDto } from "./run-query";
import type { ChartRange } from "../../validation/metrics";

const QUANTILES = [
  ["p50", 0.5],
  ["p95", 0.95],
  ["p99", 0.99],
] as const;

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
  opts: TeamScope & { input: { id: string; range: ChartRange; widthPx?: number } } & ChartsOptions,
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
      cluster: { select: { id: true, name: true, region: true, prometheusUrl: true, cloud: { select: { provider: true } } } },
    },
  });
  if (!d) throw notFound("deployment");
  const nowMs = opts.nowMs ?? Date.now();
  const w = chartWindow(opts.input.range, opts.input.widthPx, nowMs);
  const step = w.stepSeconds;
  const key = { provider: d.cluster.cloud.provider, region: d.cluster.region, gpuType: d.gpuType };
  const prices = await loadPriceBook(opts);
  const priceNow = prices.at(key, nowMs);
  const settings = opts.prometheus ?? settingsFromEnv();
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
  const range = (build: Parameters<typeof queryRange>[1]) => queryRange(prom.client, build, w);
  const hasPrice = prices.rows(key).length > 0;
  const [latency, requests, errors, ready, sharedCost] = await Promise.all([
    Promise.all(
      QUANTILES.map(
        async ([name, quantile]) =>
          [name, await range(() => latencyQuantile({ ...scope, window, quantile }))] as [string, QueryResult],
      ),
    ),
    range(() => requestRate({ ...scope, window })),
    range(() => errorRatio({ ...scope, window })),
    range(() => readyReplicas(scope)),
    prom.shared && hasPrice
      ? range(() => costRate({ team: opts.teamId, clusterId: d.cluster.id, namespace: d.namespace, deployment: d.name, by: "deployment" }))
      : null,
  ]);

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
    latency: combine(latency, step),
    requests: panelOf(requests, step, () => "requests"),
    errorRatio: panelOf(errors, step, () => "errors"),
    readyReplicas: readyPanel,
    costPerHour,
    cumulativeCost,
    formula: formulaFor(readyNow),
  };
}
