// Applies desired deployment state to clusters, like a Kubernetes controller: woken by changes and by a
// periodic tick, one process at a time (lease), each change applied idempotently (server-side apply).
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client";
import { connectStoredCluster, DriverError, type ClusterDriver } from "../clusters/driver";
import { loadStoredClusters } from "../services/clusters/cluster-connection";
import { onDeploymentsChanged } from "../services/deployments/deployment-events";
import {
  finishDeletion,
  listPendingChanges,
  markApplied,
  markApplyFailed,
  type PendingChange,
} from "../services/deployments/pending-changes";
import { acquireLease } from "../services/leases/lease";
import { createRetrySchedule } from "./reconciler-backoff";
import { errorMessage } from "../domain/error-message";
import { env } from "../env";

const LEASE = "deployment-reconciler";
const TICK_MS = 3_000;

export interface Reconciler {
  stop(): void;
  /** Runs one pass now (tests, and wake-ups from changes). */
  runOnce(): Promise<number>;
}

export function startDeploymentReconciler(opts: {
  prisma: PrismaClient;
  holder?: string;
  log?: (m: string) => void;
  /** How often to look for changes besides wake-ups (default 3 s; tests drive runOnce() themselves). */
  tickMs?: number;
  /** How long the lease outlives a dead holder (default TERN_LEASE_TTL_SECONDS). */
  leaseTtlMs?: number;
}): Reconciler {
  const holder = opts.holder ?? `reconciler-${randomUUID()}`;
  const leaseTtlMs = opts.leaseTtlMs ?? env().TERN_LEASE_TTL_SECONDS * 1000;
  const log = opts.log ?? (() => {});
  // Failed changes are retried with backoff, per deployment and generation.
  const retries = createRetrySchedule();
  let running: Promise<number> | null = null;
  let again = false;
  let stopped = false;

  async function apply(change: PendingChange, driver: ClusterDriver) {
    if (change.deleting) {
      await driver.deleteModelDeployment(change.namespace, change.name, "Background");
      await finishDeletion({ prisma: opts.prisma, change });
      return;
    }
    await driver.applyModelDeployment({
      namespace: change.namespace,
      name: change.name,
      deploymentId: change.id,
      modelName: change.version.modelName,
      modelVersion: change.version.version,
      versionId: change.version.id,
      image: change.version.runtimeImage,
      artifactUri: change.version.artifactUri,
      sha256: change.version.sha256,
      replicas: change.replicas,
      gpusPerReplica: change.gpusPerReplica,
      gpuType: change.gpuType,
      latencySloMs: change.latencySloMs,
      autoscale: {
        minReplicas: change.minReplicas,
        maxReplicas: change.maxReplicas,
        metric: change.autoscaleMetric,
        target: change.autoscaleTarget,
      },
    });
    await markApplied({ prisma: opts.prisma, change });
  }

  async function pass(): Promise<number> {
    const lease = await acquireLease({ prisma: opts.prisma, name: LEASE, holder, ttlMs: leaseTtlMs });
    if (!lease) return 0;
    const now = Date.now();
    const changes = (await listPendingChanges({ prisma: opts.prisma })).filter((c) =>
      retries.due(c.id, c.specGeneration, now),
    );
    if (changes.length === 0) return 0;
    const clusters = new Map(
      (await loadStoredClusters({ prisma: opts.prisma, ids: [...new Set(changes.map((c) => c.clusterId))] })).map(
        (c) => [c.clusterId, c],
      ),
    );
    await Promise.all(
      changes.map(async (change) => {
        const cluster = clusters.get(change.clusterId);
        try {
          if (!cluster) throw new Error("the deployment's cluster no longer exists");
          await apply(change, connectStoredCluster(cluster));
          retries.succeeded(change.id);
          log(
            `deployment ${change.namespace}/${change.name}: generation ${change.specGeneration} ${change.deleting ? "deleted" : "applied"}`,
          );
        } catch (e) {
          const message = e instanceof DriverError || errorMessage(e, "applying the change failed");
          const delay = retries.failed(change.id, change.specGeneration, Date.now());
          log(`deployment ${change.namespace}/${change.name}: ${message} (retry in ${delay / 1000} s)`);
          await markApplyFailed({
            prisma: opts.prisma,
            change,
            message: `${message} — Tern retries in ${Math.round(delay / 1000)} s`,
          });
        }
      }),
    );
    return changes.length;
  }

  function runOnce(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = pass()
      .catch((e: unknown) => {
        log(`reconciler pass failed: ${errorMessage(e)}`);
        return 0;
      })
      .finally(() => {
        running = null;
        if (again && !stopped) {
          again = false;
          void runOnce();
        }
      });
    return running;
  }

  const off = onDeploymentsChanged((c) => {
    if (c.reason === "spec") void runOnce();
  });
  // Each pass renews the lease, so passes come well inside its TTL.
  const timer = setInterval(() => void runOnce(), opts.tickMs ?? Math.min(TICK_MS, Math.floor(leaseTtlMs / 4)));
  timer.unref();
  return {
    stop() {
      stopped = true;
      off();
      clearInterval(timer);
    },
    runOnce,
  };
}
