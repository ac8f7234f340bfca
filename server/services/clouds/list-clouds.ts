// Lists the team's clouds: paged, sorted, searched, filtered by provider.
import type { Prisma } from "../../generated/prisma/client";
import type { z } from "zod";
import type { ZListCloudsRequest, CloudDto } from "../../validation/cloud";
import { skipTake, type TeamScope } from "../context";

export async function listClouds(opts: TeamScope & { input: z.output<typeof ZListCloudsRequest> }) {
  const { page, pageSize, sort, dir, q, provider } = opts.input;
  const where: Prisma.CloudWhereInput = {
    teamId: opts.teamId,
    ...(provider ? { provider } : {}),
    ...(q ? { name: { contains: q, mode: "insensitive" } } : {}),
  };
  const [rows, total] = await Promise.all([
    opts.prisma.cloud.findMany({
      where,
      orderBy: [{ [sort]: dir }, { id: "asc" }],
      ...skipTake(page, pageSize),
      select: {
        id: true,
        provider: true,
        name: true,
        createdAt: true,
        storeEndpoint: true,
        storeBucket: true,
        storeRegion: true,
        _count: { select: { clusters: true } },
      },
    }),
    opts.prisma.cloud.count({ where }),
  ]);
  const items: CloudDto[] = rows.map(({ _count, storeEndpoint, storeBucket, storeRegion, ...r }) => ({
    ...r,
    clusterCount: _count.clusters,
    store:
      storeEndpoint && storeBucket ? { endpoint: storeEndpoint, bucket: storeBucket, region: storeRegion ?? "" } : null,
  }));
  return { items, total, page, pageSize };
}
