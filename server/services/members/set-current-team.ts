// Remembers the team a user picked in the team switcher; it becomes their default in every browser.
import type { PrismaClient } from "../../generated/prisma/client";
import { AppError } from "../../errors";

export async function setCurrentTeam(opts: { prisma: PrismaClient; userId: string; teamId: string }) {
  const membership = await opts.prisma.membership.findUnique({
    where: { teamId_userId: { teamId: opts.teamId, userId: opts.userId } },
    select: { teamId: true },
  });
  if (!membership)
    throw new AppError("NOT_FOUND", "that team was not found among your teams; pick one from the team switcher");
  await opts.prisma.user.update({
    where: { id: opts.userId },
    data: { currentTeamId: opts.teamId },
    select: { id: true },
  });
  return { teamId: opts.teamId };
}
