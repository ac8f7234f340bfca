// Executes approved migrations, like a Kubernetes controller: each migration under its own lease (renewed
// while it runs, fenced on every write), woken by changes and by a periodic tick, so a crashed worker's
// migration is resumed by another replica once the lease expires.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client";
import { runMigration } from "../migrations/execute/run-migration";
import type { MigrationPorts } from "../migrations/execute/ports";
import { createMigrationRunStore } from "../services/migrations/migration-run-store";
import { onMigrationsChanged } from "../services/migrations/migration-events";
import { expirePendingMigrations, listRunnableMigrations } from "../services/migrations/runnable-migrations";
import { withLease } from "../services/leases/lease";
import { errorMessage } from "../domain/error-message";

const TICK_MS = 2_000;
export const MIGRATION_LEASE_TTL_MS = 15_000;

export interface MigrationWorker {
  stop(): Promise<void>;
  /** One pass now: expire requests, start every runnable migration not already running here. */
  runOnce(): Promise<void>;
  /** Resolves when every migration this worker started has returned. */
  idle(): Promise<void>;
}

export function startMigrationWorker(opts: {
  prisma: PrismaClient;
  ports: MigrationPorts;
  holder?: string;
  tickMs?: number;
  leaseTtlMs?: number;
  log?: (m: string) => void;
  maxAttempts?: number;
  retryDelayMs?: (attempt: number) => number;
}): MigrationWorker {
  const holder = opts.holder ?? `migrations-${randomUUID()}`;
  const log = opts.log ?? (() => {});
  const store = createMigrationRunStore(opts.prisma);
  const running = new Map<string, Promise<void>>();
  const stopping = new AbortController();
  let pass: Promise<void> | null = null;

  function start(id: string) {
    const job = withLease(
      { prisma: opts.prisma, name: `migration:${id}`, holder, ttlMs: opts.leaseTtlMs ?? MIGRATION_LEASE_TTL_MS },
      (lease, lost) =>
        runMigration({
          id,
          fencing: lease.fencing,
          store,
          ports: opts.ports,
          signal: AbortSignal.any([lost, stopping.signal]),
          log,
          maxAttempts: opts.maxAttempts,
          retryDelayMs: opts.retryDelayMs,
        }),
    )
      .then(() => undefined)
      .catch((e: unknown) => log(`migration ${id}: worker error: ${errorMessage(e)}`))
      .finally(() => running.delete(id));
    running.set(id, job);
  }

  async function once() {
    if (stopping.signal.aborted) return;
    await expirePendingMigrations({ prisma: opts.prisma });
    for (const id of await listRunnableMigrations({ prisma: opts.prisma })) if (!running.has(id)) start(id);
  }

  function runOnce(): Promise<void> {
    pass ??= once()
      .catch((e: unknown) => log(`migration worker pass failed: ${errorMessage(e)}`))
      .finally(() => (pass = null));
    return pass;
  }

  const off = onMigrationsChanged((c) => {
    if (c.reason === "state") void runOnce();
  });
  const timer = setInterval(() => void runOnce(), opts.tickMs ?? TICK_MS);
  timer.unref();
  return {
    runOnce,
    async idle() {
      while (running.size) await Promise.all([...running.values()]);
    },
    async stop() {
      off();
      clearInterval(timer);
      stopping.abort(new Error("worker stopping"));
      await Promise.all([...running.values()]);
    },
  };
}
