// The teams the signed-in user belongs to, with their role in each, oldest membership first.
import type { PrismaClient } from "../../generated/prisma/client";
import type { Role } from "../../generated/prisma/enums";

export interface MyTeam {
  id: string;
  name: string;
  slug: string;
  role: Role;
}

export async function listMyTeams(opts: { prisma: PrismaClient; userId: string }): Promise<MyTeam[]> {
  const rows = await opts.prisma.membership.findMany({
    where: { userId: opts.userId },
    select: { role: true, team: { select: { id: true, name: true, slug: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((r) => ({ ...r.team, role: r.role }));
}
