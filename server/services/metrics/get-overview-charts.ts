// The overview's charts: GPU cost per hour by cloud and by model, the deployments furthest over their latency
// SLO, and totals. Each cluster's Prometheus answers or fails on its own; failures are listed, not hidden.
import type { ChartError, ChartPanel, ChartRange, Money, OverviewChartsDto } from "../../validation/metrics";
import type { TeamScope } from "../context";
import { cumulativeOf, lastValue } from "./chart-series";
import { costByDeployment, sumCosts } from "./cost-by-deployment";
import { currentLatency } from "./current-latency";
import { loadChartDeployments } from "./load-cost-deployments";
import { loadPriceBook } from "./price-history";
import { chartSettingsFromEnv, type ChartsOptions } from "./resolve-prometheus";
import { chartWindow, windowDto } from "./run-query";

const TOP_BREACHES = 5;
/** The overview asks every cluster's Prometheus; past this it shows what it has and says what is missing. */
export const OVERVIEW_DEADLINE_MS = 15_000;

function sameError(a: ChartError, b: ChartError) {
  return a.kind === b.kind && a.message === b.message && a.cluster === b.cluster;
}

function totalsByCurrency(values: readonly { currency?: string; value: number | null }[]): Money[] {
  const m = new Map<string, number>();
  for (const v of values) if (v.value !== null) m.set(v.currency ?? "", (m.get(v.currency ?? "") ?? 0) + v.value);
  return [...m.entries()]
    .map(([currency, value]) => ({ currency, value }))
    .sort((a, b) => a.currency.localeCompare(b.currency));
}

export async function getOverviewCharts(
  opts: TeamScope & { input: { range: ChartRange; widthPx?: number } } & ChartsOptions & { deadlineMs?: number },
): Promise<OverviewChartsDto> {
  const deadlineMs = opts.deadlineMs ?? OVERVIEW_DEADLINE_MS;
  const signal = AbortSignal.timeout(deadlineMs);
  const settings = opts.prometheus ?? chartSettingsFromEnv();
  const w = chartWindow(opts.input.range, opts.input.widthPx, opts.nowMs ?? Date.now());
  const [deployments, prices] = await Promise.all([loadChartDeployments(opts), loadPriceBook(opts)]);
  const [costs, latency] = await Promise.all([
    costByDeployment({ teamId: opts.teamId, deployments, prices, settings, w, signal }),
    currentLatency({ deployments, settings, signal }),
  ]);

  const errors: ChartError[] = [];
  if (signal.aborted) {
    errors.push({
      kind: "timeout",
      message: `the overview stopped waiting for Prometheus after ${deadlineMs / 1000} s; some deployments are missing from it (their own pages still show them)`,
    });
  }
  for (const e of [...costs.errors, ...latency.errors]) if (!errors.some((x) => sameError(x, e))) errors.push(e);

  const costPanel = (groupOf: Parameters<typeof sumCosts>[1]): ChartPanel =>
    !costs.answered && costs.errors[0]
      ? { ok: false, error: costs.errors[0] }
      : { ok: true, series: sumCosts(costs.costs, groupOf) };
  const costByCloud = costPanel((d) => d.cluster.provider);
  const costByModel = costPanel((d) => d.model);
  const current = (p: ChartPanel) =>
    p.ok
      ? p.series.flatMap((s) => {
          const value = lastValue(s.points);
          return value === null ? [] : [{ name: s.name, currency: s.currency ?? "", value }];
        })
      : [];

  const byCurrency = costByCloud.ok ? sumCosts(costs.costs, () => "total") : [];
  const breaches = latency.items
    .flatMap((i) =>
      i.p95Ms !== null && i.p95Ms > i.deployment.latencySloMs
        ? [
            {
              deploymentId: i.deployment.id,
              name: i.deployment.name,
              namespace: i.deployment.namespace,
              cluster: i.deployment.cluster.name,
              model: i.deployment.model,
              p95Ms: i.p95Ms,
              sloMs: i.deployment.latencySloMs,
            },
          ]
        : [],
    )
    .sort((a, b) => b.p95Ms / b.sloMs - a.p95Ms / a.sloMs)
    .slice(0, TOP_BREACHES);
  const rates = latency.items.map((i) => i.requestsPerSecond).filter((v): v is number => v !== null);

  return {
    window: windowDto(w),
    costByCloud,
    costByModel,
    current: { byCloud: current(costByCloud), byModel: current(costByModel) },
    slo:
      !latency.answered && latency.errors[0]
        ? { ok: false, error: latency.errors[0] }
        : {
            ok: true,
            breaches,
            checked: latency.items.filter((i) => i.p95Ms !== null).length,
            deployments: deployments.length,
          },
    totals: {
      costPerHour: totalsByCurrency(byCurrency.map((s) => ({ currency: s.currency, value: lastValue(s.points) }))),
      costOverRange: totalsByCurrency(
        byCurrency.map((s) => ({ currency: s.currency, value: lastValue(cumulativeOf(s.points, w.stepSeconds)) })),
      ),
      requestsPerSecond: rates.length ? rates.reduce((a, b) => a + b, 0) : null,
    },
    errors,
  };
}
