// Mirrors a cluster's health and GPU capacity as the status sync observes them.
import type { PrismaClient } from "../../generated/prisma/client";
import type { ClusterHealth } from "../../generated/prisma/enums";

export async function recordClusterHealth(opts: { prisma: PrismaClient; clusterId: string; health: ClusterHealth; message?: string | null }) {
  await opts.prisma.cluster.updateMany({
    where: { id: opts.clusterId },
    data: {
      health: opts.health,
      healthMessage: opts.message ?? null,
      ...(opts.health === "HEALTHY" ? { lastSeenAt: new Date() } : {}),
    },
  });
}

export async function recordClusterCapacity(opts: {
  prisma: PrismaClient;
  clusterId: string;
  gpuCapacity: Record<string, { allocatable: number; allocated: number }>;
  nodes: { name: string; ready: boolean; gpuType?: string; gpuAllocatable: number }[];
}) {
  await opts.prisma.cluster.updateMany({
    where: { id: opts.clusterId },
    data: { gpuCapacity: opts.gpuCapacity, nodes: opts.nodes.map((n) => ({ ...n, gpuType: n.gpuType ?? null })), lastSeenAt: new Date() },
  });
}
