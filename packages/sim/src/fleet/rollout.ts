// The Deployment controller's scaling arithmetic (pkg/controller/deployment: rolling.go, recreate.go,
// util.ResolveFenceposts), as pure functions over replica counts so it can be tested without a store.
import { asObj, asString } from "./k8s-objects";

export interface RsCounts {
  name: string;
  /** spec.replicas */
  replicas: number;
  /** status.replicas: pods that exist. */
  actual: number;
  available: number;
  /** Sort key for "oldest first" (revision, then creation time). */
  revision: number;
}

/** An IntOrString against a total: "25%" rounds up for surge and down for unavailability, as ResolveFenceposts does. */
export function resolveIntOrPercent(v: unknown, total: number, roundUp: boolean): number {
  if (typeof v === "number") return Math.max(0, Math.floor(v));
  const s = asString(v);
  const m = s ? /^(\d+)%$/.exec(s) : null;
  if (m) {
    const exact = (Number(m[1]) * total) / 100;
    return roundUp ? Math.ceil(exact) : Math.floor(exact);
  }
  const n = Number(s);
  return Number.isInteger(n) && n >= 0 ? n : 0;
}

export function fenceposts(strategy: unknown, replicas: number): { maxSurge: number; maxUnavailable: number } {
  const ru = asObj(asObj(strategy)?.rollingUpdate) ?? {};
  const maxSurge = resolveIntOrPercent(ru.maxSurge ?? "25%", replicas, true);
  let maxUnavailable = resolveIntOrPercent(ru.maxUnavailable ?? "25%", replicas, false);
  // Both zero would deadlock a rollout; the controller then allows one unavailable pod.
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable: Math.min(maxUnavailable, replicas) };
}

const sum = (xs: RsCounts[], f: (r: RsCounts) => number) => xs.reduce((n, r) => n + f(r), 0);

/**
 * One step of a rolling update: returns the new spec.replicas per ReplicaSet name that should change, or an
 * empty map when nothing can move yet. The new RS scales up first within maxSurge; old ones scale down only
 * as far as availability allows (unhealthy old pods go first).
 */
export function rollingStep(desired: number, strategy: unknown, newRs: RsCounts, old: RsCounts[]): Map<string, number> {
  const changes = new Map<string, number>();
  const { maxSurge, maxUnavailable } = fenceposts(strategy, desired);
  const all = [newRs, ...old];
  // reconcileNewReplicaSet
  if (newRs.replicas > desired) return changes.set(newRs.name, desired);
  if (newRs.replicas < desired) {
    const room = desired + maxSurge - sum(all, (r) => r.replicas);
    if (room > 0) return changes.set(newRs.name, newRs.replicas + Math.min(room, desired - newRs.replicas));
  }
  // reconcileOldReplicaSets
  if (sum(old, (r) => r.replicas) === 0) return changes;
  const minAvailable = desired - maxUnavailable;
  const newUnavailable = Math.max(0, newRs.replicas - newRs.available);
  let budget = sum(all, (r) => r.replicas) - minAvailable - newUnavailable;
  if (budget <= 0) return changes;
  const oldestFirst = [...old].sort((a, b) => a.revision - b.revision);
  const replicasOf = new Map(old.map((r) => [r.name, r.replicas]));
  // cleanupUnhealthyReplicas: old pods that are not available cost no availability to remove.
  for (const r of oldestFirst) {
    if (budget <= 0) break;
    const unhealthy = Math.min(Math.max(0, r.replicas - r.available), budget);
    if (unhealthy > 0) {
      replicasOf.set(r.name, r.replicas - unhealthy);
      budget -= unhealthy;
    }
  }
  // scaleDownOldReplicaSetsForRollingUpdate: then available old pods, keeping minAvailable.
  let canRemove = sum(all, (r) => r.available) - minAvailable;
  for (const r of oldestFirst) {
    if (canRemove <= 0) break;
    const current = replicasOf.get(r.name)!;
    const down = Math.min(current, canRemove);
    if (down > 0) {
      replicasOf.set(r.name, current - down);
      canRemove -= down;
    }
  }
  for (const r of old) if (replicasOf.get(r.name) !== r.replicas) changes.set(r.name, replicasOf.get(r.name)!);
  return changes;
}

/** Recreate: old ReplicaSets to zero, wait until their pods are gone, then the new one to desired. */
export function recreateStep(desired: number, newRs: RsCounts, old: RsCounts[]): Map<string, number> {
  const changes = new Map<string, number>();
  for (const r of old) if (r.replicas > 0) changes.set(r.name, 0);
  if (changes.size > 0 || sum(old, (r) => r.actual) > 0) return changes;
  if (newRs.replicas !== desired) changes.set(newRs.name, desired);
  return changes;
}
