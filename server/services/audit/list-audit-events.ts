// The team's audit trail for admins: filter by outcome, actor, action text.
import type { z } from "zod";
import type { Prisma } from "../../generated/prisma/client";
import type { ZListAuditRequest } from "../../validation/team";
import { skipTake, type TeamScope } from "../context";

export async function listAuditEvents(opts: TeamScope & { input: z.output<typeof ZListAuditRequest> }) {
  const { page, pageSize, sort, dir, q, outcome, actor } = opts.input;
  const where: Prisma.AuditEventWhereInput = {
    teamId: opts.teamId,
    ...(outcome ? { outcome } : {}),
    ...(actor ? { actorEmail: { contains: actor, mode: "insensitive" } } : {}),
    ...(q ? { action: { contains: q, mode: "insensitive" } } : {}),
  };
  const [items, total] = await Promise.all([
    opts.prisma.auditEvent.findMany({
      where,
      orderBy: [{ [sort]: dir }, { id: "desc" }],
      ...skipTake(page, pageSize),
      select: {
        id: true,
        actorEmail: true,
        action: true,
        targetType: true,
        targetId: true,
        outcome: true,
        requestId: true,
        ip: true,
        details: true,
        createdAt: true,
      },
    }),
    opts.prisma.auditEvent.count({ where }),
  ]);
  return { items: items.map((e) => ({ ...e, details: JSON.stringify(e.details) })), total, page, pageSize };
}
