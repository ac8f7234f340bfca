// Prunes the audit log once a day (and a minute after start). Deleting old rows is idempotent, so each
// replica may run it without a lease; the createdAt index keeps it cheap.
import type { PrismaClient } from "../generated/prisma/client";
import { env } from "../env";
import { pruneAuditEvents } from "../services/audit/prune-audit-events";
import { errorMessage } from "../domain/error-message";

const DAY_MS = 86_400_000;

export function startAuditPrune(opts: { prisma: PrismaClient; log: (m: string) => void; firstRunMs?: number }) {
  const run = () => {
    const retentionDays = env().TERN_AUDIT_RETENTION_DAYS;
    pruneAuditEvents({ prisma: opts.prisma, retentionDays })
      .then((n) => n > 0 && opts.log(`audit prune: deleted ${n} events older than ${retentionDays} days`))
      .catch((e: unknown) => opts.log(`audit prune failed: ${errorMessage(e, "unknown error")}`));
  };
  const first = setTimeout(run, opts.firstRunMs ?? 60_000);
  const daily = setInterval(run, DAY_MS);
  first.unref();
  daily.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(daily);
    },
  };
}
