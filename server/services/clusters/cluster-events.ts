// Notices that a cluster's health changed: live pages refetch clusters and the overview, on every replica.
import { onChange, publishChange } from "../changes/change-bus";

export interface ClusterChange {
  teamId: string;
  clusterId: string;
}

export function notifyClusterChanged(change: ClusterChange): void {
  publishChange({ kind: "cluster", teamId: change.teamId, id: change.clusterId, reason: "health" });
}

export function onClustersChanged(listener: (change: ClusterChange) => void): () => void {
  return onChange("cluster", (c) => listener({ teamId: c.teamId, clusterId: c.id }));
}
