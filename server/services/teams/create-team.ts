// Creates a team with the creator as its admin; it becomes the creator's current team.
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../../generated/prisma/client";

const slugify = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40) || "team";

export async function createTeam(opts: { prisma: PrismaClient; userId: string; name: string }) {
  const slug = `${slugify(opts.name)}-${randomBytes(3).toString("hex")}`;
  const team = await opts.prisma.team.create({
    data: { name: opts.name, slug, memberships: { create: { userId: opts.userId, role: "ADMIN" } } },
    select: { id: true, name: true, slug: true },
  });
  await opts.prisma.user.update({ where: { id: opts.userId }, data: { currentTeamId: team.id }, select: { id: true } });
  return team;
}
