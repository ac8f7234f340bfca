// Aborts a migration: one not started yet is cancelled; a running one is rolled back by the worker
// (traffic back to the source first, then the target removed). Aborting again changes nothing.
import { notFound } from "../../errors";
import type { TeamScope } from "../context";
import { notifyMigrationsChanged } from "./migration-events";
import { migrationMessage } from "../../domain/migration-messages";

export async function abortMigration(opts: TeamScope & { email: string; id: string; reason?: string }) {
  const row = await opts.prisma.migration.findFirst({
    where: { id: opts.id, teamId: opts.teamId },
    select: { id: true, state: true },
  });
  if (!row) throw notFound("the migration");
  const note = opts.reason
    ? migrationMessage("abortedByWithReason", { by: opts.email, reason: opts.reason })
    : migrationMessage("abortedBy", { by: opts.email });
  const cancelled = await opts.prisma.migration.updateMany({
    where: { id: row.id, state: { in: ["PENDING_APPROVAL", "APPROVED"] } },
    data: {
      state: "CANCELLED",
      activeDeploymentId: null,
      finishedAt: new Date(),
      outcome: note,
      abortRequestedAt: new Date(),
      abortRequestedBy: opts.email,
    },
  });
  if (cancelled.count === 0) {
    await opts.prisma.migration.updateMany({
      where: { id: row.id, state: "RUNNING", abortRequestedAt: null },
      data: { abortRequestedAt: new Date(), abortRequestedBy: opts.email, outcome: note },
    });
  }
  notifyMigrationsChanged({ teamId: opts.teamId, migrationId: row.id, reason: "state" });
  const now = await opts.prisma.migration.findUniqueOrThrow({
    where: { id: row.id },
    select: { id: true, state: true },
  });
  return now;
}
