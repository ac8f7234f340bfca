// The signed-in user's in-app notifications in the current team (their role decides which), newest first.
import type { Role } from "../../generated/prisma/enums";
import { ROLES } from "../../auth/roles";
import type { TeamScope } from "../context";

const visibleTo = (role: Role) => ROLES.slice(0, ROLES.indexOf(role) + 1);

export async function listNotifications(opts: TeamScope & { role: Role }) {
  const where = {
    teamId: opts.teamId,
    minRole: { in: [...visibleTo(opts.role)] },
    OR: [{ userId: null }, { userId: opts.userId }],
  };
  const [rows, unread] = await Promise.all([
    opts.prisma.notification.findMany({
      where,
      orderBy: { createdAt: "desc" },
      take: 30,
      select: { id: true, kind: true, title: true, migrationId: true, createdAt: true, readBy: true },
    }),
    opts.prisma.notification.count({ where: { ...where, NOT: { readBy: { has: opts.userId } } } }),
  ]);
  return { unread, items: rows.map(({ readBy, ...n }) => ({ ...n, read: readBy.includes(opts.userId) })) };
}

export async function markNotificationsRead(opts: TeamScope & { role: Role }) {
  const unread = await opts.prisma.notification.findMany({
    where: { teamId: opts.teamId, minRole: { in: [...visibleTo(opts.role)] }, NOT: { readBy: { has: opts.userId } } },
    select: { id: true },
    take: 500,
  });
  if (unread.length) {
    await opts.prisma.notification.updateMany({
      where: { id: { in: unread.map((n) => n.id) } },
      data: { readBy: { push: opts.userId } },
    });
  }
  return { marked: unread.length };
}
