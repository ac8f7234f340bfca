// The columns of a cluster that may leave the server: never the encrypted credentials.
import type { Prisma } from "../../generated/prisma/client";
import type { ClusterDto } from "../../validation/cluster";

export const clusterSelect = {
  id: true,
  name: true,
  region: true,
  apiServer: true,
  insecureTls: true,
  insecureConfirmed: true,
  prometheusUrl: true,
  residencyTags: true,
  health: true,
  gpuCapacity: true,
  nodes: true,
  healthMessage: true,
  lastSeenAt: true,
  createdAt: true,
  cloud: { select: { id: true, name: true, provider: true } },
} satisfies Prisma.ClusterSelect;

type Row = Prisma.ClusterGetPayload<{ select: typeof clusterSelect }>;

export function toClusterDto(row: Row): ClusterDto {
  const cap =
    row.gpuCapacity && typeof row.gpuCapacity === "object" && !Array.isArray(row.gpuCapacity) ? row.gpuCapacity : {};
  const gpuCapacity: ClusterDto["gpuCapacity"] = {};
  for (const [k, v] of Object.entries(cap)) {
    if (v && typeof v === "object" && "allocatable" in v && "allocated" in v) {
      gpuCapacity[k] = { allocatable: Number(v.allocatable), allocated: Number(v.allocated) };
    }
  }
  const nodes = Array.isArray(row.nodes)
    ? row.nodes.flatMap((n) =>
        n && typeof n === "object" && !Array.isArray(n) && typeof n.name === "string"
          ? [
              {
                name: n.name,
                ready: n.ready === true,
                gpuType: typeof n.gpuType === "string" ? n.gpuType : null,
                gpuAllocatable: Number(n.gpuAllocatable ?? 0),
              },
            ]
          : [],
      )
    : [];
  return { ...row, gpuCapacity, nodes };
}
