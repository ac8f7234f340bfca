// The team's members with roles, and its invites not yet accepted (expired ones too, to revoke or renew).
import type { TeamScope } from "../context";

export async function listMembers(opts: TeamScope) {
  const [members, invites] = await Promise.all([
    opts.prisma.membership.findMany({
      where: { teamId: opts.teamId },
      orderBy: { user: { email: "asc" } },
      select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    }),
    opts.prisma.invite.findMany({
      where: { teamId: opts.teamId, acceptedAt: null },
      orderBy: { createdAt: "desc" },
      select: { id: true, email: true, role: true, createdAt: true, expiresAt: true },
    }),
  ]);
  const now = Date.now();
  return {
    members: members.map((m) => ({ ...m.user, role: m.role, since: m.createdAt })),
    invites: invites.map((i) => ({ ...i, expired: i.expiresAt.getTime() <= now })),
  };
}
