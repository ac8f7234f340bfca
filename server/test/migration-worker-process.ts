// Child process for the kill -9 test: Tern's migration worker alone, on the test's PostgreSQL database and
// simulated fleet, so the test can SIGKILL it at any moment and start a fresh one. Says "booted" once its code is
// loaded, runs the worker when the parent sends its config, says "ready", and stops when the parent disconnects.
import { createPrisma } from "../db.ts";
import { createSimTrafficRouter } from "../migrations/traffic/sim-traffic-router.ts";
import { createMigrationPorts } from "../services/migrations/migration-ports.ts";
import { startMigrationWorker, type MigrationWorker } from "../workers/migration-worker.ts";
import { WORKER_BOOTED, WORKER_READY, type MigrationWorkerProcessConfig } from "./migration-worker-child.ts";

let running: { worker: MigrationWorker; close: () => Promise<void> } | null = null;

process.once("message", (config: MigrationWorkerProcessConfig) => {
  const { prisma, close } = createPrisma({ databaseUrl: config.databaseUrl });
  const router = createSimTrafficRouter({ adminUrl: config.adminUrl, glbUrl: config.glbUrl });
  const worker = startMigrationWorker({
    prisma,
    ports: createMigrationPorts({
      prisma,
      router,
      prometheus: config.prometheus,
      copyLeaseTtlMs: config.copyLeaseTtlMs,
    }),
    holder: config.holder,
    tickMs: config.tickMs,
    leaseTtlMs: config.leaseTtlMs,
    log: (m) => console.log(`[worker ${process.pid}] ${m}`),
  });
  running = { worker, close };
  void worker.runOnce();
  process.send?.(WORKER_READY);
});

process.on("disconnect", () => {
  const r = running;
  void (r ? r.worker.stop().then(r.close) : Promise.resolve()).finally(() => process.exit(0));
});
process.send?.(WORKER_BOOTED);
