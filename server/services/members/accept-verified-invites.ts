// Single sign-on: a person whose identity provider vouches for the address (email_verified) joins the teams
// that address was invited to, without the link. Password accounts never get here (their address is unproven).
import type { PrismaClient } from "../../generated/prisma/client";
import { recordAuditEvent } from "../audit/record-audit-event";

export async function acceptVerifiedInvites(opts: {
  prisma: PrismaClient;
  user: { id: string; email: string; emailVerified: boolean };
  requestId: string;
  ip: string | null;
  now?: Date;
}): Promise<number> {
  if (!opts.user.emailVerified) return 0;
  const now = opts.now ?? new Date();
  const email = opts.user.email.toLowerCase();
  const invites = await opts.prisma.invite.findMany({
    where: { email, acceptedAt: null, expiresAt: { gt: now } },
    select: { id: true, teamId: true, role: true },
  });
  let joined = 0;
  for (const inv of invites) {
    await opts.prisma.$transaction(async (tx) => {
      const used = await tx.invite.updateMany({
        where: { id: inv.id, acceptedAt: null },
        data: { acceptedAt: now, acceptedById: opts.user.id },
      });
      if (used.count !== 1) return;
      const created = await tx.membership.createMany({
        data: [{ teamId: inv.teamId, userId: opts.user.id, role: inv.role }],
        skipDuplicates: true,
      });
      await recordAuditEvent({
        prisma: tx,
        teamId: inv.teamId,
        actorId: opts.user.id,
        actorEmail: email,
        action: "team.join",
        targetType: "Invite",
        targetId: inv.id,
        outcome: "SUCCESS",
        requestId: opts.requestId,
        ip: opts.ip,
        details: { role: inv.role, via: "single sign-on (email_verified)", alreadyMember: created.count === 0 },
      });
      joined += created.count;
    });
  }
  return joined;
}
