// The team's embed links with who made them and their status; filter by status or deployment.
import type { z } from "zod";
import type { Prisma } from "../../generated/prisma/client";
import { embedStatus, type EmbedLinkDto, type EmbedMetric, type ZListEmbedsRequest } from "../../validation/embed";
import { skipTake, type TeamScope } from "../context";

function statusWhere(status: z.output<typeof ZListEmbedsRequest>["status"], now: Date): Prisma.EmbedLinkWhereInput {
  if (status === "revoked") return { revokedAt: { not: null } };
  if (status === "expired") return { revokedAt: null, expiresAt: { lte: now } };
  if (status === "active") return { revokedAt: null, expiresAt: { gt: now } };
  return {};
}

export async function listEmbedLinks(opts: TeamScope & { input: z.output<typeof ZListEmbedsRequest>; now?: Date }) {
  const { page, pageSize, sort, dir, q, status, deploymentId } = opts.input;
  const now = opts.now ?? new Date();
  const where: Prisma.EmbedLinkWhereInput = {
    teamId: opts.teamId,
    ...statusWhere(status, now),
    ...(deploymentId ? { deploymentId } : {}),
    ...(q ? { title: { contains: q, mode: "insensitive" } } : {}),
  };
  const [rows, total] = await Promise.all([
    opts.prisma.embedLink.findMany({
      where,
      // Never-used links sort after used ones either way.
      orderBy: [sort === "lastUsedAt" ? { lastUsedAt: { sort: dir, nulls: "last" } } : { [sort]: dir }, { id: "desc" }],
      ...skipTake(page, pageSize),
      select: {
        id: true,
        title: true,
        metric: true,
        rangeMinutes: true,
        live: true,
        createdById: true,
        createdAt: true,
        expiresAt: true,
        revokedAt: true,
        lastUsedAt: true,
        deployment: { select: { id: true, name: true, namespace: true } },
      },
    }),
    opts.prisma.embedLink.count({ where }),
  ]);
  // createdById has no relation (a creator may leave the team); look the names up in one query.
  const creatorIds = [...new Set(rows.map((r) => r.createdById))];
  const users = creatorIds.length
    ? await opts.prisma.user.findMany({
        where: { id: { in: creatorIds } },
        select: { id: true, name: true, email: true },
      })
    : [];
  const byId = new Map(users.map((u) => [u.id, u]));
  const items: EmbedLinkDto[] = rows.map(({ createdById, ...r }) => ({
    ...r,
    metric: r.metric as EmbedMetric,
    createdBy: byId.get(createdById) ?? null,
    status: embedStatus(r, now),
  }));
  return { items, total, page, pageSize };
}
