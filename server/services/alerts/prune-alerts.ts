// Alert retention: deletes resolved alerts that ended more than TERN_ALERT_RETENTION_DAYS ago (run daily by the
// workers). Firing alerts are never deleted, however old, so an ongoing breach stays on the deployment's page.
import type { PrismaClient } from "../../generated/prisma/client";

export async function pruneResolvedAlerts(opts: {
  prisma: PrismaClient;
  retentionDays: number;
  now?: Date;
}): Promise<number> {
  const cutoff = new Date((opts.now ?? new Date()).getTime() - opts.retentionDays * 86_400_000);
  const res = await opts.prisma.alert.deleteMany({
    // A resolved row always has endsAt; the updatedAt fallback keeps a row without one from living forever.
    where: { status: "RESOLVED", OR: [{ endsAt: { lt: cutoff } }, { endsAt: null, updatedAt: { lt: cutoff } }] },
  });
  return res.count;
}
