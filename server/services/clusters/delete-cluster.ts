// Removes a cluster from the inventory (only when Tern runs no deployments on it).
import { AppError, notFound } from "../../errors";
import type { TeamScope } from "../context";

export async function deleteCluster(opts: TeamScope & { id: string }) {
  const cluster = await opts.prisma.cluster.findFirst({
    where: { id: opts.id, teamId: opts.teamId },
    select: { id: true, name: true, _count: { select: { deployments: true } } },
  });
  if (!cluster) throw notFound("cluster");
  if (cluster._count.deployments > 0) {
    throw new AppError(
      "PRECONDITION_FAILED",
      `cluster '${cluster.name}' still runs ${cluster._count.deployments} deployment(s); delete them first`,
    );
  }
  await opts.prisma.cluster.delete({ where: { id: cluster.id } });
  return { id: cluster.id };
}
