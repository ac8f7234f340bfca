// Lists the team's deployments across clusters: paged, sorted, searched, filtered by phase or cluster.
import type { z } from "zod";
import type { Prisma } from "../../generated/prisma/client";
import type { ZListDeploymentsRequest } from "../../validation/deployment";
import { skipTake, type TeamScope } from "../context";

export const deploymentSelect = {
  id: true,
  namespace: true,
  name: true,
  replicas: true,
  readyReplicas: true,
  gpusPerReplica: true,
  gpuType: true,
  latencySloMs: true,
  phase: true,
  endpoint: true,
  createdAt: true,
  cluster: { select: { id: true, name: true, region: true } },
  modelVersion: { select: { id: true, version: true, model: { select: { id: true, name: true } } } },
} satisfies Prisma.DeploymentSelect;

export async function listDeployments(opts: TeamScope & { input: z.output<typeof ZListDeploymentsRequest> }) {
  const { page, pageSize, sort, dir, q, phase, clusterId } = opts.input;
  const where: Prisma.DeploymentWhereInput = {
    teamId: opts.teamId,
    ...(phase ? { phase } : {}),
    ...(clusterId ? { clusterId } : {}),
    ...(q ? { name: { contains: q, mode: "insensitive" } } : {}),
  };
  const [items, total] = await Promise.all([
    opts.prisma.deployment.findMany({
      where,
      orderBy: [{ [sort]: dir }, { id: "asc" }],
      ...skipTake(page, pageSize),
      select: deploymentSelect,
    }),
    opts.prisma.deployment.count({ where }),
  ]);
  return { items, total, page, pageSize };
}
