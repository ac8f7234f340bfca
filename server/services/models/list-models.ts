// Lists the team's models with their version count and newest version.
import type { z } from "zod";
import type { Prisma } from "../../generated/prisma/client";
import type { ZListModelsRequest } from "../../validation/model";
import { skipTake, type TeamScope } from "../context";

export async function listModels(opts: TeamScope & { input: z.output<typeof ZListModelsRequest> }) {
  const { page, pageSize, sort, dir, q, task } = opts.input;
  const where: Prisma.ModelWhereInput = {
    teamId: opts.teamId,
    ...(task ? { task } : {}),
    ...(q
      ? {
          OR: [
            { name: { contains: q, mode: "insensitive" } },
            { task: { contains: q, mode: "insensitive" } },
            { framework: { contains: q, mode: "insensitive" } },
          ],
        }
      : {}),
  };
  const [rows, total] = await Promise.all([
    opts.prisma.model.findMany({
      where,
      orderBy: [{ [sort]: dir }, { id: "asc" }],
      ...skipTake(page, pageSize),
      select: {
        id: true,
        name: true,
        task: true,
        framework: true,
        description: true,
        createdAt: true,
        _count: { select: { versions: true } },
        versions: { select: { version: true }, orderBy: { createdAt: "desc" }, take: 1 },
      },
    }),
    opts.prisma.model.count({ where }),
  ]);
  const items = rows.map(({ _count, versions, ...m }) => ({
    ...m,
    versionCount: _count.versions,
    latestVersion: versions[0]?.version ?? null,
  }));
  return { items, total, page, pageSize };
}
