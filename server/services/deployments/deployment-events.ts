// In-process notifications that a deployment changed: wakes the reconciler and pushes live updates to
// open pages. Several app replicas would relay these through PostgreSQL NOTIFY (see README).
import { EventEmitter } from "node:events";

export interface DeploymentChange {
  teamId: string;
  deploymentId: string;
  reason: "spec" | "status";
}

const KEY = Symbol.for("tern.deploymentEvents");
const store = globalThis as typeof globalThis & { [KEY]?: EventEmitter };
const emitter = (store[KEY] ??= new EventEmitter().setMaxListeners(1000));

export function notifyDeploymentsChanged(change: DeploymentChange): void {
  emitter.emit("change", change);
}

export function onDeploymentsChanged(listener: (change: DeploymentChange) => void): () => void {
  emitter.on("change", listener);
  return () => emitter.off("change", listener);
}
