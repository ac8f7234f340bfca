// Leases in PostgreSQL: one holder at a time per name, taken over when it expires. `fencing` grows on
// every change of holder, so a worker that lost its lease can tell its writes apart from the new one's.
import type { PrismaClient } from "../../generated/prisma/client";

export interface Lease {
  name: string;
  holder: string;
  fencing: number;
}

/** Takes or renews the lease; null when another holder has it and it has not expired. */
export async function acquireLease(opts: { prisma: PrismaClient; name: string; holder: string; ttlMs: number }): Promise<Lease | null> {
  // Times come from this process, not the database's now(): Prisma stores DateTime as UTC in a
  // timestamp without time zone, which now() would compare in the session's zone.
  const now = new Date();
  const expires = new Date(now.getTime() + opts.ttlMs);
  const rows = await opts.prisma.$queryRaw<{ fencing: number }[]>`
    INSERT INTO "WorkerLease" ("name", "holder", "fencing", "expiresAt", "updatedAt")
    VALUES (${opts.name}, ${opts.holder}, 1, ${expires}, ${now})
    ON CONFLICT ("name") DO UPDATE SET
      "fencing" = "WorkerLease"."fencing" + CASE WHEN "WorkerLease"."holder" = EXCLUDED."holder" THEN 0 ELSE 1 END,
      "holder" = EXCLUDED."holder",
      "expiresAt" = EXCLUDED."expiresAt",
      "updatedAt" = EXCLUDED."updatedAt"
    WHERE "WorkerLease"."holder" = EXCLUDED."holder" OR "WorkerLease"."expiresAt" < EXCLUDED."updatedAt"
    RETURNING "fencing"`;
  const row = rows[0];
  return row ? { name: opts.name, holder: opts.holder, fencing: Number(row.fencing) } : null;
}

export async function releaseLease(opts: { prisma: PrismaClient; name: string; holder: string }): Promise<void> {
  await opts.prisma.workerLease.deleteMany({ where: { name: opts.name, holder: opts.holder } });
}
