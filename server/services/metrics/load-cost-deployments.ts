// The team's deployments with what cost and SLO charts need: where they run, on which GPUs, which model.
import type { Prisma } from "../../generated/prisma/client";
import type { TeamScope } from "../context";
import type { CostDeployment } from "./cost-by-deployment";

export interface ChartDeployment extends CostDeployment {
  latencySloMs: number;
}

export async function loadChartDeployments(
  opts: Pick<TeamScope, "prisma" | "teamId"> & { where?: Prisma.DeploymentWhereInput },
): Promise<ChartDeployment[]> {
  const rows = await opts.prisma.deployment.findMany({
    where: { ...opts.where, teamId: opts.teamId },
    select: {
      id: true,
      name: true,
      namespace: true,
      gpusPerReplica: true,
      gpuType: true,
      latencySloMs: true,
      modelVersion: { select: { model: { select: { name: true } } } },
      cluster: {
        select: { id: true, name: true, region: true, prometheusUrl: true, cloud: { select: { provider: true } } },
      },
    },
    orderBy: { name: "asc" },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    namespace: r.namespace,
    gpusPerReplica: r.gpusPerReplica,
    gpuType: r.gpuType,
    latencySloMs: r.latencySloMs,
    model: r.modelVersion.model.name,
    cluster: {
      id: r.cluster.id,
      name: r.cluster.name,
      region: r.cluster.region,
      provider: r.cluster.cloud.provider,
      prometheusUrl: r.cluster.prometheusUrl,
    },
  }));
}
