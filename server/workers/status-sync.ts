// Keeps Tern's mirror of every cluster current: one watch-driven sync per cluster, each held by exactly
// one app process through a lease, its observations written to the database. Replicas share the clusters
// (each holds its fair share, see plan-sync-share.ts); a dead replica's clusters are taken over as soon as
// its leases expire (TERN_LEASE_TTL_SECONDS).
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client";
import { connectStoredCluster } from "../clusters/driver";
import { SyncManager } from "../clusters/sync";
import { loadStoredClusters } from "../services/clusters/cluster-connection";
import { recordClusterCapacity, recordClusterHealth } from "../services/clusters/record-cluster-observation";
import {
  recordDeploymentEvent,
  recordDeploymentGone,
  recordDeploymentStatus,
} from "../services/deployments/record-deployment-status";
import { acquireLease, listLeases, pruneExpiredLeases, releaseLease } from "../services/leases/lease";
import { errorMessage } from "../domain/error-message";
import { env } from "../env";
import { planSyncShare } from "./plan-sync-share";

const MAX_TICK_MS = 5_000;
/** Presence rows ("this replica runs a status sync"), counted to size each replica's share. */
const PRESENCE = "sync-replica:";

export function startStatusSync(opts: {
  prisma: PrismaClient;
  log: (m: string) => void;
  holder?: string;
  leaseTtlMs?: number;
}) {
  const { prisma, log } = opts;
  const holder = opts.holder ?? `sync-${randomUUID()}`;
  const ttlMs = opts.leaseTtlMs ?? env().TERN_LEASE_TTL_SECONDS * 1000;
  // Renewals well inside the TTL; a lease that expires is looked at again right then (nextExpiry).
  const tickMs = Math.min(MAX_TICK_MS, Math.floor(ttlMs / 4));
  const manager = new SyncManager({
    driverFactory: async (clusterId) => {
      const [row] = await loadStoredClusters({ prisma, ids: [clusterId] });
      if (!row) throw new Error("the cluster was removed");
      return connectStoredCluster(row, { timeoutMs: 10_000 });
    },
    onSnapshot: async (s) => {
      await recordDeploymentStatus({ prisma, clusterId: s.clusterId, observed: s });
    },
    onEvent: async (e) => {
      await recordDeploymentEvent({
        prisma,
        clusterId: e.clusterId,
        deploymentId: e.deploymentId,
        namespace: e.namespace,
        name: e.name,
        event: { reason: e.reason, message: e.message, type: e.type, at: e.at },
      });
    },
    onHealth: async (h) => {
      await recordClusterHealth({ prisma, clusterId: h.clusterId, health: h.health, message: h.message ?? null });
    },
    onCapacity: async (c) => {
      await recordClusterCapacity({ prisma, clusterId: c.clusterId, gpuCapacity: c.gpuCapacity, nodes: c.nodes });
    },
    onDeploymentGone: async (d) => {
      await recordDeploymentGone({
        prisma,
        clusterId: d.clusterId,
        deploymentId: d.deploymentId,
        namespace: d.namespace,
        name: d.name,
      });
    },
    onCallbackError: (e) => log(`status sync could not record an observation: ${errorMessage(e, "unknown error")}`),
  });

  let stopped = false;
  /** One pass; returns when the next one should run (ms from now). */
  async function tick(): Promise<number> {
    const clusters = await loadStoredClusters({ prisma });
    const ids = new Set(clusters.map((c) => c.clusterId));
    for (const id of manager.clusterIds()) if (!ids.has(id)) await manager.remove(id);
    await acquireLease({ prisma, name: `${PRESENCE}${holder}`, holder, ttlMs });
    const now = Date.now();
    const replicas = (await listLeases({ prisma, prefix: PRESENCE })).filter(
      (l) => l.holder && l.expiresAt.getTime() > now,
    );
    const plan = planSyncShare({
      clusterIds: [...ids],
      leases: await listLeases({ prisma, prefix: "sync:" }),
      liveReplicas: replicas.length,
      holder,
      now,
    });
    for (const id of plan.shed) {
      await manager.remove(id);
      await releaseLease({ prisma, name: `sync:${id}`, holder });
    }
    for (const id of [...plan.keep, ...plan.take]) {
      const lease = await acquireLease({ prisma, name: `sync:${id}`, holder, ttlMs });
      if (lease && !manager.has(id)) manager.add(id);
      if (!lease && manager.has(id)) await manager.remove(id);
    }
    // A sync this replica runs without a lease (taken over meanwhile) stops.
    const held = new Set([...plan.keep, ...plan.take]);
    for (const id of manager.clusterIds()) if (!held.has(id)) await manager.remove(id);
    if (Math.random() < 0.01) await pruneExpiredLeases({ prisma, prefix: PRESENCE, olderThanMs: 3600_000 });
    return plan.nextExpiry === null ? tickMs : Math.max(20, Math.min(tickMs, plan.nextExpiry - Date.now() + 20));
  }
  const run = () => {
    if (stopped) return;
    void tick()
      .catch((e: unknown) => {
        log(`status sync tick failed: ${errorMessage(e)}`);
        return tickMs;
      })
      .then((next) => {
        if (!stopped) timer = setTimeout(run, next);
      });
  };
  let timer: ReturnType<typeof setTimeout> = setTimeout(run, 0);

  return {
    /** Stops every sync and releases its leases; never rejects (a failure is logged), so callers may drop it. */
    stop(): Promise<void> {
      stopped = true;
      clearTimeout(timer);
      const ids = manager.clusterIds();
      return manager
        .stopAll()
        .then(() =>
          Promise.all(
            [...ids.map((id) => `sync:${id}`), `${PRESENCE}${holder}`].map((name) =>
              releaseLease({ prisma, name, holder }),
            ),
          ),
        )
        .then(
          () => undefined,
          (e: unknown) => log(`status sync could not stop cleanly (leases expire on their own): ${errorMessage(e)}`),
        );
    },
  };
}
