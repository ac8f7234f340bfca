// Leases in PostgreSQL: one holder at a time per name, taken over when it expires. `fencing` grows on
// every change of holder, so a worker that lost its lease can tell its writes apart from the new one's.
import type { PrismaClient } from "../../generated/prisma/client";

export interface Lease {
  name: string;
  holder: string;
  fencing: number;
}

/** Takes or renews the lease; null when another holder has it and it has not expired. */
export async function acquireLease(opts: {
  prisma: PrismaClient;
  name: string;
  holder: string;
  ttlMs: number;
}): Promise<Lease | null> {
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

/** Extends the lease only if `lease` still holds it (same holder and fencing, not expired). */
export async function renewLease(opts: { prisma: PrismaClient; lease: Lease; ttlMs: number }): Promise<boolean> {
  const now = new Date();
  const res = await opts.prisma.workerLease.updateMany({
    where: { name: opts.lease.name, holder: opts.lease.holder, fencing: opts.lease.fencing, expiresAt: { gt: now } },
    data: { expiresAt: new Date(now.getTime() + opts.ttlMs) },
  });
  return res.count === 1;
}

/**
 * Gives the lease up at once. The row stays (holder cleared, expired) so fencing keeps growing: a
 * token handed out before the release can never be handed out again.
 */
export async function releaseLease(opts: { prisma: PrismaClient; name: string; holder: string }): Promise<void> {
  await opts.prisma.workerLease.updateMany({
    where: { name: opts.name, holder: opts.holder },
    data: { holder: "", expiresAt: new Date(0) },
  });
}

/**
 * Holds a lease while `work` runs: renews it every third of the TTL and aborts `signal` as soon as a
 * renewal fails (another holder took over), so the work stops writing.
 */
export async function withLease<T>(
  opts: { prisma: PrismaClient; name: string; holder: string; ttlMs: number },
  work: (lease: Lease, signal: AbortSignal) => Promise<T>,
): Promise<{ ran: true; value: T } | { ran: false }> {
  const lease = await acquireLease(opts);
  if (!lease) return { ran: false };
  const lost = new AbortController();
  const timer = setInterval(
    () => {
      renewLease({ prisma: opts.prisma, lease, ttlMs: opts.ttlMs })
        .then((ok) => {
          if (!ok) lost.abort(new Error(`lease ${opts.name} was taken over`));
        })
        .catch(() => {}); // a failed renewal is retried; expiry ends the lease if the database stays away
    },
    Math.max(50, Math.floor(opts.ttlMs / 3)),
  );
  timer.unref();
  try {
    return { ran: true, value: await work(lease, lost.signal) };
  } finally {
    clearInterval(timer);
    if (!lost.signal.aborted) await releaseLease(opts).catch(() => {});
  }
}

export interface LeaseRow {
  name: string;
  holder: string;
  expiresAt: Date;
}

/** Every lease whose name starts with `prefix`, held or not (expired ones have expiresAt in the past). */
export async function listLeases(opts: { prisma: PrismaClient; prefix: string }): Promise<LeaseRow[]> {
  return opts.prisma.workerLease.findMany({
    where: { name: { startsWith: opts.prefix } },
    select: { name: true, holder: true, expiresAt: true },
    orderBy: { name: "asc" },
  });
}

/** Forgets leases under `prefix` that expired more than `olderThanMs` ago (presence rows of replicas long gone). */
export async function pruneExpiredLeases(opts: {
  prisma: PrismaClient;
  prefix: string;
  olderThanMs: number;
}): Promise<void> {
  await opts.prisma.workerLease.deleteMany({
    where: { name: { startsWith: opts.prefix }, expiresAt: { lt: new Date(Date.now() - opts.olderThanMs) } },
  });
}

/**
 * Waits for the lease (polling) and holds it while `work` runs: a critical section across replicas.
 * Throws once `waitMs` passes without getting it.
 */
export async function underLease<T>(
  opts: { prisma: PrismaClient; name: string; holder: string; ttlMs: number; waitMs: number; pollMs?: number },
  work: (lease: Lease, signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const deadline = Date.now() + opts.waitMs;
  for (;;) {
    const r = await withLease(opts, work);
    if (r.ran) return r.value;
    if (Date.now() > deadline)
      throw new Error(`lease ${opts.name} stayed held by another process for ${Math.round(opts.waitMs / 1000)} s`);
    await new Promise((res) => setTimeout(res, opts.pollMs ?? 100));
  }
}
