// Keeps Tern's mirror of every cluster current: one watch-driven sync per cluster, each held by exactly
// one app process through a lease, its observations written to the database.
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
import { acquireLease, releaseLease } from "../services/workers/lease";
import { errorMessage } from "../domain/error-message";

const TICK_MS = 5_000;
const LEASE_TTL_MS = 20_000;

export function startStatusSync(opts: { prisma: PrismaClient; log: (m: string) => void; holder?: string }) {
  const { prisma, log } = opts;
  const holder = opts.holder ?? `sync-${randomUUID()}`;
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
    onCallbackError: (e) =>
      log(`status sync could not record an observation: ${errorMessage(e, "unknown error")}`),
  });

  let stopped = false;
  async function tick() {
    const clusters = await loadStoredClusters({ prisma });
    const ids = new Set(clusters.map((c) => c.clusterId));
    for (const id of manager.clusterIds()) if (!ids.has(id)) await manager.remove(id);
    for (const c of clusters) {
      const lease = await acquireLease({ prisma, name: `sync:${c.clusterId}`, holder, ttlMs: LEASE_TTL_MS });
      if (lease && !manager.has(c.clusterId)) manager.add(c.clusterId);
      if (!lease && manager.has(c.clusterId)) await manager.remove(c.clusterId);
    }
  }
  const run = () => {
    if (stopped) return;
    tick()
      .catch((e: unknown) => log(`status sync tick failed: ${errorMessage(e)}`))
      .finally(() => {
        if (!stopped) timer = setTimeout(run, TICK_MS);
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
        .then(() => Promise.all(ids.map((id) => releaseLease({ prisma, name: `sync:${id}`, holder }))))
        .then(
          () => undefined,
          (e: unknown) => log(`status sync could not stop cleanly (leases expire on their own): ${errorMessage(e)}`),
        );
    },
  };
}
