// Mirrors a cluster's health and GPU capacity as the status sync observes them.
import type { PrismaClient } from "../../generated/prisma/client";
import type { ClusterHealth } from "../../generated/prisma/enums";
import { notifyClusterChanged } from "./cluster-events";

/** Records the health; pages on every replica hear of it when it changed. */
export async function recordClusterHealth(opts: {
  prisma: PrismaClient;
  clusterId: string;
  health: ClusterHealth;
  message?: string | null;
}) {
  const message = opts.message ?? null;
  const before = await opts.prisma.cluster.findUnique({
    where: { id: opts.clusterId },
    select: { teamId: true, health: true, healthMessage: true },
  });
  if (!before) return;
  await opts.prisma.cluster.updateMany({
    where: { id: opts.clusterId },
    data: {
      health: opts.health,
      healthMessage: message,
      ...(opts.health === "HEALTHY" ? { lastSeenAt: new Date() } : {}),
    },
  });
  if (before.health !== opts.health || before.healthMessage !== message)
    notifyClusterChanged({ teamId: before.teamId, clusterId: opts.clusterId });
}

export async function recordClusterCapacity(opts: {
  prisma: PrismaClient;
  clusterId: string;
  gpuCapacity: Record<string, { allocatable: number; allocated: number }>;
  nodes: { name: string; ready: boolean; gpuType?: string; gpuAllocatable: number }[];
}) {
  await opts.prisma.cluster.updateMany({
    where: { id: opts.clusterId },
    data: {
      gpuCapacity: opts.gpuCapacity,
      nodes: opts.nodes.map((n) => ({ ...n, gpuType: n.gpuType ?? null })),
      lastSeenAt: new Date(),
    },
  });
}
