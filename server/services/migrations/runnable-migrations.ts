// What the migration worker looks at each tick: expired requests to close, and migrations to run.
import type { PrismaClient } from "../../generated/prisma/client";
import { notifyMigrationsChanged } from "./migration-events";

export async function expirePendingMigrations(opts: { prisma: PrismaClient; now?: Date }): Promise<number> {
  const now = opts.now ?? new Date();
  const expired = await opts.prisma.migration.findMany({
    where: { state: "PENDING_APPROVAL", expiresAt: { lte: now } },
    select: { id: true, teamId: true },
    take: 100,
  });
  if (expired.length === 0) return 0;
  const r = await opts.prisma.migration.updateMany({
    where: { id: { in: expired.map((m) => m.id) }, state: "PENDING_APPROVAL" },
    data: {
      state: "EXPIRED",
      activeDeploymentId: null,
      finishedAt: now,
      outcome: "the request expired before enough approvals",
    },
  });
  for (const m of expired) notifyMigrationsChanged({ teamId: m.teamId, migrationId: m.id, reason: "state" });
  return r.count;
}

export async function listRunnableMigrations(opts: { prisma: PrismaClient; limit?: number }): Promise<string[]> {
  const rows = await opts.prisma.migration.findMany({
    where: { state: { in: ["APPROVED", "RUNNING", "ROLLING_BACK"] } },
    orderBy: { updatedAt: "asc" },
    take: opts.limit ?? 50,
    select: { id: true },
  });
  return rows.map((r) => r.id);
}
