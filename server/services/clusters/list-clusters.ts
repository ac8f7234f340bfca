// Lists the team's clusters: paged, sorted, searched by name or region, filtered by provider/health/cloud.
import type { z } from "zod";
import type { Prisma } from "../../generated/prisma/client";
import type { ZListClustersRequest } from "../../validation/cluster";
import { skipTake, type TeamScope } from "../context";
import { clusterSelect, toClusterDto } from "./cluster-select";

export async function listClusters(opts: TeamScope & { input: z.output<typeof ZListClustersRequest> }) {
  const { page, pageSize, sort, dir, q, provider, health, cloudId } = opts.input;
  const where: Prisma.ClusterWhereInput = {
    teamId: opts.teamId,
    ...(health ? { health } : {}),
    ...(cloudId ? { cloudId } : {}),
    ...(provider ? { cloud: { provider } } : {}),
    ...(q
      ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { region: { contains: q, mode: "insensitive" } }] }
      : {}),
  };
  const [rows, total] = await Promise.all([
    opts.prisma.cluster.findMany({
      where,
      orderBy: [{ [sort]: dir }, { id: "asc" }],
      ...skipTake(page, pageSize),
      select: clusterSelect,
    }),
    opts.prisma.cluster.count({ where }),
  ]);
  return { items: rows.map(toClusterDto), total, page, pageSize };
}
