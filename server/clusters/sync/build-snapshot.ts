// Builds one deployment's status snapshot from the mirrored deployment, its pods and its newest event.
import type { AutoscalerInfo, DeploymentInfo, EventInfo, PodInfo } from "../driver";
import { derivePhase } from "./deployment-phase";
import type { DeploymentSnapshot, PodStatus } from "./types";

/** Changes to this key reset "was Ready": a scale or a new rollout is progress, not degradation. */
export const specKey = (d: DeploymentInfo): string => `${d.generation}:${d.replicas}`;

function podStatus(p: PodInfo): PodStatus {
  return {
    name: p.name,
    phase: p.deleting ? "Terminating" : p.phase,
    ready: p.ready,
    restarts: p.restarts,
    ...(p.reason ? { reason: p.reason } : {}),
    ...(p.node ? { node: p.node } : {}),
  };
}

export function buildSnapshot(
  clusterId: string,
  d: DeploymentInfo,
  pods: PodInfo[],
  lastEvent: EventInfo | undefined,
  wasReady: boolean,
  autoscaler?: AutoscalerInfo,
): DeploymentSnapshot {
  // Terminating pods are shown but do not decide the phase: they are on their way out.
  const live = pods.filter((p) => !p.deleting);
  const phase = derivePhase({
    desired: d.replicas,
    ready: d.readyReplicas,
    updated: d.updatedReplicas,
    pods: live,
    conditions: d.conditions,
    wasReady,
  });
  return {
    clusterId,
    namespace: d.namespace,
    name: d.name,
    ...(d.deploymentId ? { deploymentId: d.deploymentId } : {}),
    replicas: d.replicas,
    readyReplicas: d.readyReplicas,
    availableReplicas: d.availableReplicas,
    updatedReplicas: d.updatedReplicas,
    phase,
    conditions: d.conditions,
    pods: pods.map(podStatus).sort((a, b) => a.name.localeCompare(b.name)),
    ...(autoscaler
      ? {
          autoscaler: {
            currentReplicas: autoscaler.currentReplicas,
            desiredReplicas: autoscaler.desiredReplicas,
            ...(autoscaler.currentValue !== undefined ? { currentValue: autoscaler.currentValue } : {}),
            ...(autoscaler.lastScaleTime ? { lastScaleTime: autoscaler.lastScaleTime } : {}),
            conditions: autoscaler.conditions,
          },
        }
      : {}),
    ...(lastEvent
      ? { lastEvent: { reason: lastEvent.reason, message: lastEvent.message, type: lastEvent.type, at: lastEvent.at } }
      : {}),
  };
}
