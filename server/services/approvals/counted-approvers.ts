// The approvers whose approval counts now: distinct, for the current plan hash, not expired, not the
// requester, and still holding the policy's role in the team (re-checked, roles can change).
import type { PrismaClient } from "../../generated/prisma/client";
import type { Role } from "../../generated/prisma/enums";
import { roleAtLeast } from "../../auth/roles";

type Db = Pick<PrismaClient, "approval" | "membership">;

export async function countedApprovers(opts: {
  prisma: Db;
  teamId: string;
  migration: { id: string; planHash: string; requestedById: string };
  minRole: Role;
  now?: Date;
}): Promise<{ counted: string[]; dropped: { email: string; why: string }[] }> {
  const now = opts.now ?? new Date();
  const approvals = await opts.prisma.approval.findMany({
    where: { migrationId: opts.migration.id, decision: "APPROVE", planHash: opts.migration.planHash },
    select: { approverId: true, approverEmail: true, expiresAt: true },
  });
  const roles = new Map(
    (
      await opts.prisma.membership.findMany({
        where: { teamId: opts.teamId, userId: { in: approvals.map((a) => a.approverId) } },
        select: { userId: true, role: true },
      })
    ).map((m) => [m.userId, m.role]),
  );
  const counted = new Set<string>();
  const dropped: { email: string; why: string }[] = [];
  for (const a of approvals) {
    if (a.approverId === opts.migration.requestedById) dropped.push({ email: a.approverEmail, why: "requested it" });
    else if (a.expiresAt <= now) dropped.push({ email: a.approverEmail, why: "the approval expired" });
    else if (!roleAtLeast(roles.get(a.approverId), opts.minRole))
      dropped.push({ email: a.approverEmail, why: `no longer has the ${opts.minRole} role` });
    else counted.add(a.approverId);
  }
  return { counted: [...counted], dropped };
}
