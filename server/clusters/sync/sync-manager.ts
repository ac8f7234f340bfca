// Runs status syncs for many clusters; the caller decides which (database rows, leases) and adds or removes them.
import { startClusterSync } from "./start-cluster-sync";
import type { ClusterSync, ClusterSyncOptions } from "./types";
import type { ClusterDriver } from "../driver";

export type SyncManagerOptions = Omit<ClusterSyncOptions, "clusterId" | "driverFactory" | "signal"> & {
  driverFactory: (clusterId: string) => ClusterDriver | Promise<ClusterDriver>;
};

export class SyncManager {
  private readonly syncs = new Map<string, ClusterSync>();

  constructor(private readonly opts: SyncManagerOptions) {}

  /** Starts syncing a cluster; adding one that already runs is a no-op. */
  add(clusterId: string): ClusterSync {
    const running = this.syncs.get(clusterId);
    if (running) return running;
    const sync = startClusterSync({ ...this.opts, clusterId, driverFactory: () => this.opts.driverFactory(clusterId) });
    this.syncs.set(clusterId, sync);
    return sync;
  }

  has(clusterId: string): boolean {
    return this.syncs.has(clusterId);
  }

  clusterIds(): string[] {
    return [...this.syncs.keys()];
  }

  /** Stops one cluster's sync (e.g. the cluster was deleted or its lease moved to another replica). */
  async remove(clusterId: string): Promise<void> {
    const sync = this.syncs.get(clusterId);
    this.syncs.delete(clusterId);
    await sync?.stop();
  }

  /** Restarts a cluster's sync, e.g. after its API URL changed. */
  async restart(clusterId: string): Promise<ClusterSync> {
    await this.remove(clusterId);
    return this.add(clusterId);
  }

  async stopAll(): Promise<void> {
    const all = [...this.syncs.values()];
    this.syncs.clear();
    await Promise.all(all.map((s) => s.stop()));
  }
}
