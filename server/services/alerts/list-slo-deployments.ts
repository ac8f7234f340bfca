// Every deployment with an SLO that is not being deleted, across teams: the input of the alert rule file.
import type { PrismaClient } from "../../generated/prisma/client";
import type { SloDeployment } from "../../alerts/slo-rules";

export async function listSloDeployments(opts: { prisma: PrismaClient }): Promise<SloDeployment[]> {
  return opts.prisma.deployment.findMany({
    where: { deletionRequestedAt: null },
    select: { id: true, teamId: true, clusterId: true, namespace: true, name: true, latencySloMs: true },
    orderBy: { id: "asc" },
  });
}
