// The clusters a deployment could move to: every other cluster of the team, with its GPU types.
import { notFound } from "../../errors";
import { clusterSelect, toClusterDto } from "../clusters/cluster-select";
import type { TeamScope } from "../context";

export async function migrationTargets(opts: TeamScope & { deploymentId: string }) {
  const d = await opts.prisma.deployment.findFirst({
    where: { id: opts.deploymentId, teamId: opts.teamId },
    select: { id: true, name: true, namespace: true, gpuType: true, cluster: { select: { id: true, name: true } } },
  });
  if (!d) throw notFound("the deployment");
  const rows = await opts.prisma.cluster.findMany({
    where: { teamId: opts.teamId, id: { not: d.cluster.id } },
    select: clusterSelect,
    orderBy: { name: "asc" },
  });
  return {
    deployment: {
      id: d.id,
      name: d.name,
      namespace: d.namespace,
      clusterId: d.cluster.id,
      clusterName: d.cluster.name,
      gpuType: d.gpuType,
    },
    clusters: rows.map((r) => {
      const c = toClusterDto(r);
      return {
        id: c.id,
        name: c.name,
        cloudName: c.cloud.name,
        provider: c.cloud.provider,
        region: c.region,
        health: c.health,
        gpuTypes: Object.keys(c.gpuCapacity).sort(),
      };
    }),
  };
}
