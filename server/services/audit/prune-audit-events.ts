// Audit retention: deletes audit events older than TERN_AUDIT_RETENTION_DAYS (run daily by the workers).
import type { PrismaClient } from "../../generated/prisma/client";

export async function pruneAuditEvents(opts: {
  prisma: PrismaClient;
  retentionDays: number;
  now?: Date;
}): Promise<number> {
  const cutoff = new Date((opts.now ?? new Date()).getTime() - opts.retentionDays * 86_400_000);
  const res = await opts.prisma.auditEvent.deleteMany({ where: { createdAt: { lt: cutoff } } });
  return res.count;
}
