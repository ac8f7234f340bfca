// Tern's /metrics body: every team's GPU prices and deployments (with their cluster's provider and region)
// as gauges for Prometheus to join with ready replicas. Deliberately across teams: the scraper is the
// operator's Prometheus, not a signed-in user; series are labelled by team id and nothing secret is exported.
import type { PrismaClient } from "../../generated/prisma/client";
import { renderTernMetrics, type TernDeployment, type TernPrice } from "../../metrics/tern-metrics";

export async function loadTernMetricsInput(opts: {
  prisma: PrismaClient;
}): Promise<{ prices: TernPrice[]; deployments: TernDeployment[] }> {
  const [prices, deployments] = await Promise.all([
    opts.prisma.gpuPrice.findMany({
      select: {
        teamId: true,
        provider: true,
        region: true,
        gpuType: true,
        pricePerHour: true,
        currency: true,
        effectiveDate: true,
      },
    }),
    opts.prisma.deployment.findMany({
      select: {
        teamId: true,
        namespace: true,
        name: true,
        gpuType: true,
        gpusPerReplica: true,
        modelVersion: { select: { model: { select: { name: true } } } },
        cluster: { select: { id: true, region: true, cloud: { select: { provider: true } } } },
      },
    }),
  ]);
  return {
    prices: prices.map((p) => ({
      team: p.teamId,
      provider: p.provider,
      region: p.region,
      gpuType: p.gpuType,
      pricePerHour: Number(p.pricePerHour),
      currency: p.currency,
      effectiveDate: p.effectiveDate,
    })),
    deployments: deployments.map((d) => ({
      team: d.teamId,
      clusterId: d.cluster.id,
      namespace: d.namespace,
      deployment: d.name,
      model: d.modelVersion.model.name,
      gpuType: d.gpuType,
      gpusPerReplica: d.gpusPerReplica,
      provider: d.cluster.cloud.provider,
      region: d.cluster.region,
    })),
  };
}

export async function exportTernMetrics(opts: { prisma: PrismaClient; now?: Date }): Promise<string> {
  const input = await loadTernMetricsInput(opts);
  return renderTernMetrics({ ...input, now: opts.now ?? new Date() });
}
