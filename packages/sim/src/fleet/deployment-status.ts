// Deployment status and conditions exactly as the Deployment controller computes them (calculateStatus and
// syncRolloutStatus), since `kubectl rollout status` and Tern's driver read these fields.
import type { KubeObject } from "../store/object-store";
import { asNumber, conditionsOf, kubeNow, setCondition, type Condition } from "./k8s-objects";
import { fenceposts } from "./rollout";

export interface DeploymentCounts {
  /** Sum of spec.replicas over all ReplicaSets. */
  specTotal: number;
  replicas: number;
  updatedReplicas: number;
  readyReplicas: number;
  availableReplicas: number;
}

const num = (v: unknown) => asNumber(v) ?? 0;

export function desiredReplicas(d: KubeObject): number {
  return asNumber(d.spec?.replicas) ?? 1;
}

function progressing(d: KubeObject, next: Record<string, number>): boolean {
  const old = d.status ?? {};
  const oldOld = num(old.replicas) - num(old.updatedReplicas);
  const newOld = next.replicas! - next.updatedReplicas!;
  return (
    next.updatedReplicas! > num(old.updatedReplicas) ||
    newOld < oldOld ||
    next.readyReplicas! > num(old.readyReplicas) ||
    next.availableReplicas! > num(old.availableReplicas)
  );
}

/** The next status object for `d`; `newRsName` is undefined only before the first ReplicaSet exists. */
export function computeDeploymentStatus(
  d: KubeObject,
  counts: DeploymentCounts,
  newRsName: string | undefined,
  nowMs = Date.now(),
  deadlineScale = 1,
): Record<string, unknown> {
  const desired = desiredReplicas(d);
  const generation = d.metadata.generation ?? 1;
  const next = {
    observedGeneration: generation,
    replicas: counts.replicas,
    updatedReplicas: counts.updatedReplicas,
    readyReplicas: counts.readyReplicas,
    availableReplicas: counts.availableReplicas,
    unavailableReplicas: Math.max(0, counts.specTotal - counts.availableReplicas),
  };
  let conditions: Condition[] = conditionsOf(d);
  const { maxUnavailable } =
    d.spec?.strategy && (d.spec.strategy as { type?: string }).type === "Recreate"
      ? { maxUnavailable: 0 }
      : fenceposts(d.spec?.strategy, desired);
  conditions =
    counts.availableReplicas >= desired - maxUnavailable
      ? setCondition(
          conditions,
          {
            type: "Available",
            status: "True",
            reason: "MinimumReplicasAvailable",
            message: "Deployment has minimum availability.",
          },
          { withUpdateTime: true },
        )
      : setCondition(
          conditions,
          {
            type: "Available",
            status: "False",
            reason: "MinimumReplicasUnavailable",
            message: "Deployment does not have minimum availability.",
          },
          { withUpdateTime: true },
        );

  const rs = newRsName ? `ReplicaSet "${newRsName}"` : `Deployment "${d.metadata.name}"`;
  const current = conditions.find((c) => c.type === "Progressing");
  if (d.spec?.paused === true) {
    conditions = setCondition(
      conditions,
      { type: "Progressing", status: "Unknown", reason: "DeploymentPaused", message: "Deployment is paused" },
      { withUpdateTime: true },
    );
  } else if (current?.reason === "DeploymentPaused") {
    conditions = setCondition(
      conditions,
      { type: "Progressing", status: "Unknown", reason: "DeploymentResumed", message: "Deployment is resumed" },
      { withUpdateTime: true },
    );
  } else if (next.updatedReplicas === desired && next.replicas === desired && next.availableReplicas === desired) {
    conditions = setCondition(
      conditions,
      {
        type: "Progressing",
        status: "True",
        reason: "NewReplicaSetAvailable",
        message: `${rs} has successfully progressed.`,
      },
      { withUpdateTime: true },
    );
  } else if (progressing(d, next)) {
    // Progress refreshes lastUpdateTime even with the same reason: the progress deadline counts from it.
    const now = kubeNow();
    const cond: Condition = {
      type: "Progressing",
      status: "True",
      reason: "ReplicaSetUpdated",
      message: `${rs} is progressing.`,
      lastUpdateTime: now,
      lastTransitionTime: current?.status === "True" ? (current.lastTransitionTime ?? now) : now,
    };
    conditions = [...conditions.filter((c) => c.type !== "Progressing"), cond];
  } else if (current && timedOut(d, current, nowMs, deadlineScale)) {
    conditions = setCondition(
      conditions,
      {
        type: "Progressing",
        status: "False",
        reason: "ProgressDeadlineExceeded",
        message: `${rs} has timed out progressing.`,
      },
      { withUpdateTime: true },
    );
  }
  return { ...d.status, ...next, conditions: order(conditions) };
}

function timedOut(d: KubeObject, cond: Condition, nowMs: number, deadlineScale: number): boolean {
  const deadline = asNumber(d.spec?.progressDeadlineSeconds);
  if (deadline === undefined) return false;
  if (cond.reason === "ProgressDeadlineExceeded") return true;
  if (cond.reason === "NewReplicaSetAvailable") return false;
  const from = Date.parse(cond.lastUpdateTime ?? "");
  return Number.isFinite(from) && from + deadline * 1000 * deadlineScale < nowMs;
}

/** Available before Progressing, as kubectl describe shows them. */
const order = (cs: Condition[]) => [...cs].sort((a, b) => rank(a.type) - rank(b.type));
const rank = (t: string) => (t === "Available" ? 0 : t === "Progressing" ? 1 : 2);

/** The condition set when a new ReplicaSet is created or first found. */
export function newReplicaSetCondition(d: KubeObject, rsName: string, created: boolean): Condition[] {
  const message = created ? `Created new replica set "${rsName}"` : `Found new replica set "${rsName}"`;
  return order(
    setCondition(
      conditionsOf(d),
      { type: "Progressing", status: "True", reason: created ? "NewReplicaSetCreated" : "FoundNewReplicaSet", message },
      { withUpdateTime: true },
    ),
  );
}
