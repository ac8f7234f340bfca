// kube-state-metrics-style gauges computed from a cluster's store at scrape time (names and label
// conventions as kube-state-metrics v2 exports them), plus cluster/deployment/model labels for Tern.
import type { KubeObject, ObjectStore } from "../store/object-store";
import {
  asArray,
  asNumber,
  asObj,
  asString,
  containersOf,
  containerGpus,
  controllerOf,
  getCondition,
  GPU_PRODUCT_LABEL,
  GPU_RESOURCE,
  parseCount,
  podPhase,
  REGION_LABEL,
} from "../fleet/k8s-objects";
import { modelOfDeployment } from "./model-label";
import { MetricRegistry } from "./registry";

export const KSM_METRICS = [
  "kube_deployment_spec_replicas",
  "kube_deployment_status_replicas",
  "kube_deployment_status_replicas_updated",
  "kube_deployment_status_replicas_ready",
  "kube_deployment_status_replicas_available",
  "kube_deployment_status_replicas_unavailable",
  "kube_pod_status_phase",
  "kube_pod_container_resource_requests",
  "kube_pod_container_status_restarts_total",
  "kube_pod_container_status_waiting_reason",
  "kube_node_status_allocatable",
  "kube_node_status_capacity",
  "kube_node_status_condition",
  "kube_node_labels",
] as const;

/** kube-state-metrics sanitises resource names into label values: nvidia.com/gpu → nvidia_com_gpu. */
const GPU = GPU_RESOURCE.replace(/[./]/g, "_");

function deploymentOfPod(store: ObjectStore, pod: KubeObject): KubeObject | undefined {
  const rsRef = controllerOf(pod);
  if (rsRef?.kind !== "ReplicaSet") return undefined;
  const rs = store.get("replicasets", pod.metadata.namespace, rsRef.name);
  const dRef = rs && controllerOf(rs);
  return dRef?.kind === "Deployment" ? store.get("deployments", pod.metadata.namespace, dRef.name) : undefined;
}

export function renderKubeStateMetrics(store: ObjectStore, cluster: string): string {
  const r = new MetricRegistry();
  const g = (name: (typeof KSM_METRICS)[number], help: string, labels: Record<string, string>, v: number) =>
    r.set(name, help, labels, v);
  for (const d of store.list("deployments").items) {
    const l = {
      cluster,
      namespace: d.metadata.namespace ?? "",
      deployment: d.metadata.name,
      model: modelOfDeployment(d),
    };
    const st = (k: string) => asNumber(d.status?.[k]) ?? 0;
    g("kube_deployment_spec_replicas", "Number of desired pods for a deployment.", l, asNumber(d.spec?.replicas) ?? 1);
    g("kube_deployment_status_replicas", "The number of replicas per deployment.", l, st("replicas"));
    g(
      "kube_deployment_status_replicas_updated",
      "The number of updated replicas per deployment.",
      l,
      st("updatedReplicas"),
    );
    g("kube_deployment_status_replicas_ready", "The number of ready replicas per deployment.", l, st("readyReplicas"));
    g(
      "kube_deployment_status_replicas_available",
      "The number of available replicas per deployment.",
      l,
      st("availableReplicas"),
    );
    g(
      "kube_deployment_status_replicas_unavailable",
      "The number of unavailable replicas per deployment.",
      l,
      st("unavailableReplicas"),
    );
  }
  for (const pod of store.list("pods").items) {
    const d = deploymentOfPod(store, pod);
    const base = {
      cluster,
      namespace: pod.metadata.namespace ?? "",
      pod: pod.metadata.name,
      deployment: d?.metadata.name ?? "",
      model: d ? modelOfDeployment(d) : "",
    };
    const phase = podPhase(pod);
    for (const p of ["Pending", "Running", "Succeeded", "Failed", "Unknown"])
      g("kube_pod_status_phase", "The pods current phase.", { ...base, phase: p }, p === phase ? 1 : 0);
    const node = asString(pod.spec?.nodeName) ?? "";
    for (const c of containersOf(pod.spec)) {
      const gpus = containerGpus(c);
      if (gpus > 0)
        g(
          "kube_pod_container_resource_requests",
          "The number of requested request resource by a container.",
          { ...base, container: c.name, node, resource: GPU, unit: "integer" },
          gpus,
        );
    }
    for (const cs of asArray(pod.status?.containerStatuses).map((x) => asObj(x) ?? {})) {
      const container = asString(cs.name) ?? "";
      g(
        "kube_pod_container_status_restarts_total",
        "The number of container restarts per container.",
        { ...base, container },
        asNumber(cs.restartCount) ?? 0,
      );
      const waiting = asString(asObj(asObj(cs.state)?.waiting)?.reason);
      if (waiting)
        g(
          "kube_pod_container_status_waiting_reason",
          "Describes the reason the container is currently in waiting state.",
          { ...base, container, reason: waiting },
          1,
        );
    }
  }
  for (const n of store.list("nodes").items) {
    const l = { cluster, node: n.metadata.name };
    const alloc = parseCount(asObj(n.status?.allocatable)?.[GPU_RESOURCE]);
    const cap = parseCount(asObj(n.status?.capacity)?.[GPU_RESOURCE]);
    g(
      "kube_node_status_allocatable",
      "The allocatable for different resources of a node that are available for scheduling.",
      { ...l, resource: GPU, unit: "integer" },
      alloc,
    );
    g(
      "kube_node_status_capacity",
      "The capacity for different resources of a node.",
      { ...l, resource: GPU, unit: "integer" },
      cap,
    );
    const ready = getCondition(n, "Ready")?.status ?? "Unknown";
    for (const s of ["true", "false", "unknown"])
      g(
        "kube_node_status_condition",
        "The condition of a cluster node.",
        { ...l, condition: "Ready", status: s },
        ready.toLowerCase() === s ? 1 : 0,
      );
    const labels = n.metadata.labels ?? {};
    g(
      "kube_node_labels",
      "Kubernetes labels converted to Prometheus labels.",
      {
        ...l,
        label_nvidia_com_gpu_product: labels[GPU_PRODUCT_LABEL] ?? "",
        label_topology_kubernetes_io_region: labels[REGION_LABEL] ?? "",
      },
      1,
    );
  }
  return r.render();
}
