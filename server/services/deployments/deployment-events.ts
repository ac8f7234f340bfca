// Notices that a deployment changed: wake the reconciler and push live updates to open pages, in this process
// and (on a PostgreSQL server) every other replica, through the change bus.
import { onChange, publishChange } from "../changes/change-bus";

export interface DeploymentChange {
  teamId: string;
  deploymentId: string;
  reason: "spec" | "status";
}

export function notifyDeploymentsChanged(change: DeploymentChange): void {
  publishChange({ kind: "deployment", teamId: change.teamId, id: change.deploymentId, reason: change.reason });
}

export function onDeploymentsChanged(listener: (change: DeploymentChange) => void): () => void {
  return onChange("deployment", (c) => listener({ teamId: c.teamId, deploymentId: c.id, reason: c.reason }));
}
