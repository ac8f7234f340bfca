// Turns Kubernetes objects (typed list results or raw watch JSON) into the driver's plain-data summaries.
import type { CoreV1Event, V1Deployment, V1Node, V1Pod } from "@kubernetes/client-node";
import type { DeploymentInfo, EventInfo, NodeInfo, PodInfo } from "./types";

export const GPU_RESOURCE = "nvidia.com/gpu";
export const GPU_PRODUCT_LABEL = "nvidia.com/gpu.product";
export const DEPLOYMENT_ID_LABEL = "tern.dev/deployment-id";

/** Typed results carry Date objects, raw watch JSON carries strings; both become ISO strings. */
export function iso(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (typeof value === "string" && value !== "") return value;
  return undefined;
}

/** Quantities like "2", "2000m" or 2; GPUs are whole numbers, so anything else counts as 0. */
export function quantity(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value !== "string") return 0;
  const milli = /^(\d+)m$/.exec(value);
  if (milli?.[1]) return Number(milli[1]) / 1000;
  const n = Number(value);
  return Number.isFinite(n) ? n : 0;
}

export function toDeploymentInfo(d: V1Deployment): DeploymentInfo {
  const labels = d.metadata?.labels ?? {};
  const deploymentId = labels[DEPLOYMENT_ID_LABEL];
  return {
    namespace: d.metadata?.namespace ?? "",
    name: d.metadata?.name ?? "",
    uid: d.metadata?.uid ?? "",
    resourceVersion: d.metadata?.resourceVersion ?? "",
    labels,
    ...(deploymentId ? { deploymentId } : {}),
    generation: d.metadata?.generation ?? 0,
    observedGeneration: d.status?.observedGeneration ?? 0,
    // An absent spec.replicas means 1, as the API server defaults it.
    replicas: d.spec?.replicas ?? 1,
    readyReplicas: d.status?.readyReplicas ?? 0,
    availableReplicas: d.status?.availableReplicas ?? 0,
    updatedReplicas: d.status?.updatedReplicas ?? 0,
    currentReplicas: d.status?.replicas ?? 0,
    selector: d.spec?.selector?.matchLabels ?? {},
    conditions: (d.status?.conditions ?? []).map((c) => {
      const at = iso(c.lastTransitionTime);
      return {
        type: c.type,
        status: c.status,
        ...(c.reason ? { reason: c.reason } : {}),
        ...(c.message ? { message: c.message } : {}),
        ...(at ? { lastTransitionTime: at } : {}),
      };
    }),
    deleting: d.metadata?.deletionTimestamp !== undefined && d.metadata.deletionTimestamp !== null,
  };
}

function podReason(p: V1Pod): { reason?: string; message?: string; unschedulable: boolean } {
  const scheduled = p.status?.conditions?.find((c) => c.type === "PodScheduled");
  const unschedulable = scheduled?.status === "False" && scheduled.reason === "Unschedulable";
  // Waiting reasons (CrashLoopBackOff, ImagePullBackOff, …) say most about why a pod is not ready.
  for (const cs of [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])]) {
    const waiting = cs.state?.waiting;
    if (waiting?.reason && waiting.reason !== "ContainerCreating" && waiting.reason !== "PodInitializing") {
      return { reason: waiting.reason, ...(waiting.message ? { message: waiting.message } : {}), unschedulable };
    }
    const terminated = cs.state?.terminated;
    if (terminated?.reason && terminated.reason !== "Completed") {
      return {
        reason: terminated.reason,
        ...(terminated.message ? { message: terminated.message } : {}),
        unschedulable,
      };
    }
  }
  if (unschedulable)
    return { reason: "Unschedulable", ...(scheduled.message ? { message: scheduled.message } : {}), unschedulable };
  const waiting = p.status?.containerStatuses?.find((cs) => cs.state?.waiting?.reason)?.state?.waiting;
  if (waiting?.reason) return { reason: waiting.reason, unschedulable };
  if (p.status?.reason)
    return { reason: p.status.reason, ...(p.status.message ? { message: p.status.message } : {}), unschedulable };
  return { unschedulable };
}

export function toPodInfo(p: V1Pod): PodInfo {
  const why = podReason(p);
  const ready = p.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True") ?? false;
  const restarts = (p.status?.containerStatuses ?? []).reduce((sum, cs) => sum + (cs.restartCount ?? 0), 0);
  const gpus = (p.spec?.containers ?? []).reduce((sum, c) => {
    const res = c.resources;
    return sum + quantity(res?.requests?.[GPU_RESOURCE] ?? res?.limits?.[GPU_RESOURCE]);
  }, 0);
  const node = p.spec?.nodeName;
  return {
    namespace: p.metadata?.namespace ?? "",
    name: p.metadata?.name ?? "",
    uid: p.metadata?.uid ?? "",
    resourceVersion: p.metadata?.resourceVersion ?? "",
    labels: p.metadata?.labels ?? {},
    phase: p.status?.phase ?? "Pending",
    ready,
    restarts,
    ...(why.reason ? { reason: why.reason } : {}),
    ...(why.message ? { message: why.message } : {}),
    ...(node ? { node } : {}),
    unschedulable: why.unschedulable,
    gpus,
    deleting: p.metadata?.deletionTimestamp !== undefined && p.metadata.deletionTimestamp !== null,
    containers: (p.spec?.containers ?? []).map((c) => c.name),
  };
}

export function toEventInfo(e: CoreV1Event): EventInfo {
  const at =
    iso(e.lastTimestamp) ??
    iso(e.eventTime) ??
    iso(e.series?.lastObservedTime) ??
    iso(e.firstTimestamp) ??
    iso(e.metadata.creationTimestamp) ??
    new Date(0).toISOString();
  return {
    namespace: e.metadata.namespace ?? e.involvedObject.namespace ?? "",
    uid: e.metadata.uid ?? `${e.metadata.namespace ?? ""}/${e.metadata.name ?? ""}`,
    resourceVersion: e.metadata.resourceVersion ?? "",
    reason: e.reason ?? "",
    message: e.message ?? "",
    type: e.type ?? "Normal",
    count: e.count ?? e.series?.count ?? 1,
    at,
    involvedObject: { kind: e.involvedObject.kind ?? "", name: e.involvedObject.name ?? "" },
  };
}

export function toNodeInfo(n: V1Node): NodeInfo {
  const labels = n.metadata?.labels ?? {};
  const gpuType = labels[GPU_PRODUCT_LABEL];
  const region = labels["topology.kubernetes.io/region"];
  const zone = labels["topology.kubernetes.io/zone"];
  return {
    name: n.metadata?.name ?? "",
    resourceVersion: n.metadata?.resourceVersion ?? "",
    ready: n.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True") ?? false,
    unschedulable: n.spec?.unschedulable === true,
    ...(gpuType ? { gpuType } : {}),
    gpuCapacity: quantity(n.status?.capacity?.[GPU_RESOURCE]),
    gpuAllocatable: quantity(n.status?.allocatable?.[GPU_RESOURCE]),
    ...(region ? { region } : {}),
    ...(zone ? { zone } : {}),
  };
}
