// The reconciler's view of desired state: deployments whose latest change is not yet applied to the cluster.
import type { PrismaClient } from "../../generated/prisma/client";
import type { AutoscaleMetric } from "../../generated/prisma/enums";
import { notifyDeploymentsChanged } from "./deployment-events";

export interface PendingChange {
  id: string;
  teamId: string;
  clusterId: string;
  namespace: string;
  name: string;
  specGeneration: number;
  deleting: boolean;
  replicas: number;
  gpusPerReplica: number;
  gpuType: string;
  latencySloMs: number;
  minReplicas: number;
  maxReplicas: number;
  autoscaleMetric: AutoscaleMetric;
  autoscaleTarget: number;
  version: {
    id: string;
    version: string;
    artifactUri: string;
    sha256: string;
    runtimeImage: string;
    modelName: string;
  };
}

export async function listPendingChanges(opts: { prisma: PrismaClient; limit?: number }): Promise<PendingChange[]> {
  // Comparing two columns is beyond Prisma's filters, so the ids come from SQL.
  const ids = await opts.prisma.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Deployment" WHERE "appliedGeneration" < "specGeneration" ORDER BY "updatedAt" LIMIT ${opts.limit ?? 50}`;
  if (ids.length === 0) return [];
  const rows = await opts.prisma.deployment.findMany({
    where: { id: { in: ids.map((r) => r.id) } },
    select: {
      id: true,
      teamId: true,
      clusterId: true,
      namespace: true,
      name: true,
      specGeneration: true,
      deletionRequestedAt: true,
      replicas: true,
      gpusPerReplica: true,
      gpuType: true,
      latencySloMs: true,
      minReplicas: true,
      maxReplicas: true,
      autoscaleMetric: true,
      autoscaleTarget: true,
      artifactUri: true,
      modelVersion: {
        select: {
          id: true,
          version: true,
          artifactUri: true,
          sha256: true,
          runtimeImage: true,
          model: { select: { name: true } },
        },
      },
    },
  });
  return rows.map(({ deletionRequestedAt, modelVersion, artifactUri, ...r }) => ({
    ...r,
    deleting: deletionRequestedAt !== null,
    // A migrated deployment runs the copy in its own cloud's store.
    version: {
      ...modelVersion,
      artifactUri: artifactUri ?? modelVersion.artifactUri,
      modelName: modelVersion.model.name,
    },
  }));
}

/** Records that `generation` reached the cluster; a newer change made meanwhile stays pending. */
export async function markApplied(opts: { prisma: PrismaClient; change: PendingChange }) {
  await opts.prisma.deployment.updateMany({
    where: { id: opts.change.id, appliedGeneration: { lt: opts.change.specGeneration } },
    data: { appliedGeneration: opts.change.specGeneration, lastError: null },
  });
  notifyDeploymentsChanged({ teamId: opts.change.teamId, deploymentId: opts.change.id, reason: "status" });
}

export async function markApplyFailed(opts: { prisma: PrismaClient; change: PendingChange; message: string }) {
  await opts.prisma.deployment.updateMany({ where: { id: opts.change.id }, data: { lastError: opts.message } });
  notifyDeploymentsChanged({ teamId: opts.change.teamId, deploymentId: opts.change.id, reason: "status" });
}

/** The cluster no longer runs it: forget the deployment. */
export async function finishDeletion(opts: { prisma: PrismaClient; change: PendingChange }) {
  await opts.prisma.deployment.deleteMany({ where: { id: opts.change.id, deletionRequestedAt: { not: null } } });
  notifyDeploymentsChanged({ teamId: opts.change.teamId, deploymentId: opts.change.id, reason: "status" });
}
