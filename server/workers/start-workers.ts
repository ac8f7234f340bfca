// Starts the background workers in this app process: the deployment reconciler, the cluster status sync, the
// migration worker and failover detection (all take leases in PostgreSQL, so several app replicas may run them
// safely), the daily audit prune and the SLO alert rule file.
import { randomBytes } from "node:crypto";
import os from "node:os";
import { getPrisma } from "../db";
import { env } from "../env";
import { logger } from "../log";
import { startAuditPrune } from "./audit-prune";
import { startDeploymentReconciler } from "./deployment-reconciler";
import { startStatusSync } from "./status-sync";
import { startMigrationWorker } from "./migration-worker";
import { startFailoverWorker } from "./failover-worker";
import { startSloRulesSync } from "./slo-rules-sync";
import { createMigrationPorts } from "../services/migrations/migration-ports";
import { trafficRouterFromEnv } from "../services/migrations/traffic-router-from-env";

const KEY = Symbol.for("tern.workers");
type Store = typeof globalThis & { [KEY]?: { stop(): void } };

export function startWorkers(): void {
  const store = globalThis as Store;
  if (store[KEY] || env().TERN_WORKERS === "off") return;
  const prisma = getPrisma();
  const log = (m: string) => logger("workers").info(m);
  // Lease holders name the replica (host and process id), so WorkerLease shows who runs what.
  const replica = `${os.hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  const reconciler = startDeploymentReconciler({ prisma, log, holder: `reconciler@${replica}` });
  const sync = startStatusSync({ prisma, log, holder: `sync@${replica}` });
  const migrations = startMigrationWorker({
    prisma,
    holder: `migrations@${replica}`,
    ports: createMigrationPorts({ prisma, router: trafficRouterFromEnv() }),
    log,
  });
  const prune = startAuditPrune({ prisma, log });
  const failover = startFailoverWorker({ prisma, log, holder: `failover@${replica}` });
  const e = env();
  // Where Tern's SLO alert rules go: the local Prometheus of `npm start`, or a folder a production Prometheus loads.
  const rules = e.TERN_PROMETHEUS_RULES_DIR
    ? startSloRulesSync({
        prisma,
        rulesDir: e.TERN_PROMETHEUS_RULES_DIR,
        ...(e.TERN_PROMETHEUS_URL ? { prometheusUrl: e.TERN_PROMETHEUS_URL } : {}),
        latencyForMinutes: e.TERN_SLO_ALERT_MINUTES,
        log,
      })
    : null;
  store[KEY] = {
    stop() {
      reconciler.stop();
      void migrations.stop();
      void sync.stop(); // never rejects: it logs its own failure
      prune.stop();
      failover.stop();
      rules?.stop();
    },
  };
}
