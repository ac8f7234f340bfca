// Prunes the audit log and resolved alerts once a day (and a minute after start). Deleting old rows is idempotent,
// so each replica may run it without a lease; the createdAt and (teamId, status, startsAt) indexes keep it cheap.
import type { PrismaClient } from "../generated/prisma/client";
import { env } from "../env";
import { pruneAuditEvents } from "../services/audit/prune-audit-events";
import { pruneResolvedAlerts } from "../services/alerts/prune-alerts";
import { errorMessage } from "../domain/error-message";

const DAY_MS = 86_400_000;

export function startAuditPrune(opts: { prisma: PrismaClient; log: (m: string) => void; firstRunMs?: number }) {
  const run = async () => {
    const e = env();
    // Each prune reports its own failure: a failing one does not keep the other from running.
    await pruneAuditEvents({ prisma: opts.prisma, retentionDays: e.TERN_AUDIT_RETENTION_DAYS })
      .then((n) => n > 0 && opts.log(`audit prune: deleted ${n} events older than ${e.TERN_AUDIT_RETENTION_DAYS} days`))
      .catch((err: unknown) => opts.log(`audit prune failed: ${errorMessage(err, "unknown error")}`));
    await pruneResolvedAlerts({ prisma: opts.prisma, retentionDays: e.TERN_ALERT_RETENTION_DAYS })
      .then(
        (n) =>
          n > 0 &&
          opts.log(`alert prune: deleted ${n} alerts resolved more than ${e.TERN_ALERT_RETENTION_DAYS} days ago`),
      )
      .catch((err: unknown) => opts.log(`alert prune failed: ${errorMessage(err, "unknown error")}`));
  };
  let last: Promise<void> = Promise.resolve();
  const tick = () => {
    last = run().catch((err: unknown) => opts.log(`prune failed: ${errorMessage(err, "unknown error")}`));
  };
  const first = setTimeout(tick, opts.firstRunMs ?? 60_000);
  const daily = setInterval(tick, DAY_MS);
  first.unref();
  daily.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(daily);
    },
    /** Settles when the latest run has finished (tests). */
    settled: () => last,
  };
}
