// One cluster's charts: GPUs allocated vs allocatable by type (kube-state-metrics) and its GPU cost per hour.
import { notFound } from "../../errors";
import { gpuAllocatable, gpuAllocated } from "../../metrics/promql";
import type { ChartPanel, ChartRange, ClusterChartsDto } from "../../validation/metrics";
import type { TeamScope } from "../context";
import { panelOf } from "./chart-series";
import { costByDeployment, sumCosts } from "./cost-by-deployment";
import { loadChartDeployments } from "./load-cost-deployments";
import { loadPriceBook } from "./price-history";
import { prometheusFor, chartSettingsFromEnv, type ChartsOptions } from "./resolve-prometheus";
import { chartWindow, queryRange, windowDto } from "./run-query";

export async function getClusterCharts(
  opts: TeamScope & { input: { id: string; range: ChartRange; widthPx?: number } } & ChartsOptions,
): Promise<ClusterChartsDto> {
  const c = await opts.prisma.cluster.findFirst({
    where: { id: opts.input.id, teamId: opts.teamId },
    select: { id: true, name: true, prometheusUrl: true },
  });
  if (!c) throw notFound("cluster");
  const settings = opts.prometheus ?? chartSettingsFromEnv();
  const w = chartWindow(opts.input.range, opts.input.widthPx, opts.nowMs ?? Date.now());
  const prom = prometheusFor(c, settings);
  if (!prom.ok) {
    const down: ChartPanel = { ok: false, error: prom.error };
    return { window: windowDto(w), gpus: down, costPerHour: down };
  }
  const scope = { cluster: prom.clusterId };
  const [deployments, prices] = await Promise.all([
    loadChartDeployments({ ...opts, where: { clusterId: c.id } }),
    loadPriceBook(opts),
  ]);
  const [allocated, allocatable, costs] = await Promise.all([
    queryRange(prom.client, () => gpuAllocated(scope), w),
    queryRange(prom.client, () => gpuAllocatable(scope), w),
    costByDeployment({ teamId: opts.teamId, deployments, prices, settings, w, clusterId: c.id }),
  ]);
  const step = w.stepSeconds;
  const used = panelOf(
    allocated,
    step,
    (l) => l.gpu_type ?? "",
    () => ({ group: "allocated" }),
  );
  const offered = panelOf(
    allocatable,
    step,
    (l) => l.gpu_type ?? "",
    () => ({ group: "allocatable" }),
  );
  const gpus: ChartPanel = !used.ok
    ? used
    : !offered.ok
      ? offered
      : {
          ok: true,
          series: [...offered.series, ...used.series].sort(
            (a, b) => a.name.localeCompare(b.name) || (a.group ?? "").localeCompare(b.group ?? ""),
          ),
        };
  const costPerHour: ChartPanel =
    costs.errors[0] && !costs.answered
      ? { ok: false, error: costs.errors[0] }
      : { ok: true, series: sumCosts(costs.costs, () => "cost") };
  return { window: windowDto(w), gpus, costPerHour };
}
