// Turns pending invites for an email into memberships (runs when that person's account is created).
import { getPrisma, type PrismaClient } from "../../db";

export async function acceptInvites(opts: { prisma?: PrismaClient; userId: string; email: string }): Promise<number> {
  const prisma = opts.prisma ?? getPrisma();
  const invites = await prisma.invite.findMany({ where: { email: opts.email.toLowerCase() } });
  for (const inv of invites) {
    await prisma.$transaction([
      prisma.membership.upsert({
        where: { teamId_userId: { teamId: inv.teamId, userId: opts.userId } },
        create: { teamId: inv.teamId, userId: opts.userId, role: inv.role },
        update: {},
      }),
      prisma.invite.delete({ where: { id: inv.id } }),
    ]);
  }
  return invites.length;
}
