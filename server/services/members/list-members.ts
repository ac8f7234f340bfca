// The team's members with roles, and its pending invites.
import type { TeamScope } from "../context";

export async function listMembers(opts: TeamScope) {
  const [members, invites] = await Promise.all([
    opts.prisma.membership.findMany({
      where: { teamId: opts.teamId },
      orderBy: { user: { email: "asc" } },
      select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    }),
    opts.prisma.invite.findMany({
      where: { teamId: opts.teamId },
      orderBy: { createdAt: "desc" },
      select: { id: true, email: true, role: true, createdAt: true },
    }),
  ]);
  return { members: members.map((m) => ({ ...m.user, role: m.role, since: m.createdAt })), invites };
}
