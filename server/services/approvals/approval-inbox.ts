// Migrations waiting for the signed-in user's decision: pending, not expired, not requested or decided by them.
import type { Prisma } from "../../generated/prisma/client";
import type { Role } from "../../generated/prisma/enums";
import { roleAtLeast } from "../../auth/roles";
import type { TeamScope } from "../context";
import { migrationListSelect, toMigrationListItem } from "../migrations/migration-dto";
import { loadApprovalPolicy } from "./approval-policy";

async function inboxWhere(opts: TeamScope & { role: Role }): Promise<Prisma.MigrationWhereInput | null> {
  const policy = await loadApprovalPolicy(opts);
  if (!roleAtLeast(opts.role, policy.minRole)) return null;
  return {
    teamId: opts.teamId,
    state: "PENDING_APPROVAL",
    expiresAt: { gt: new Date() },
    requestedById: { not: opts.userId },
    approvals: { none: { approverId: opts.userId } },
  };
}

export async function listApprovalInbox(opts: TeamScope & { role: Role }) {
  const where = await inboxWhere(opts);
  if (!where) return { items: [] };
  const rows = await opts.prisma.migration.findMany({
    where,
    orderBy: { createdAt: "asc" },
    take: 100,
    select: migrationListSelect,
  });
  return { items: rows.map(toMigrationListItem) };
}

export async function countApprovalInbox(opts: TeamScope & { role: Role }) {
  const where = await inboxWhere(opts);
  return { count: where ? await opts.prisma.migration.count({ where }) : 0 };
}
