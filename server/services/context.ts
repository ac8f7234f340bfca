// What every team-scoped service call receives: the database, the team it acts in, and who acts.
import type { PrismaClient } from "../generated/prisma/client";

export interface TeamScope {
  prisma: PrismaClient;
  teamId: string;
  userId: string;
}

export const skipTake = (page: number, pageSize: number) => ({ skip: (page - 1) * pageSize, take: pageSize });
